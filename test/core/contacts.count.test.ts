import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactCounts } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

describe('contacts.count', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(() => api.close());

  const counts = async () => api.value<ContactCounts>(await api.call('contacts.count', {}));

  it('counts the contacts in the list and those in the Trash, following deletes and restores', async () => {
    expect(await counts()).toEqual({ contacts: 0, trash: 0 });
    const ada = await api.create({ firstName: 'Ada' });
    await api.create({ kind: 'company', company: 'Analytical Engines' });
    await api.create({ firstName: 'Grace' });
    api.value(await api.call('contacts.delete', { id: ada.id }));
    expect(await counts()).toEqual({ contacts: 2, trash: 1 });
    api.value(await api.call('contacts.restore', { id: ada.id }));
    expect(await counts()).toEqual({ contacts: 3, trash: 0 });
  });
});
