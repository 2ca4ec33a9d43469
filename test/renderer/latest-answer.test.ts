// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { latestAnswer } from '../../src-renderer/api/latest-answer.ts';
import { useCompanyPeople } from '../../src-renderer/features/contacts/company-people.store.ts';
import { contactId, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  resetAppState();
});

describe('latest answer wins', () => {
  it('drops an answer once a newer request has started, whatever order they arrive in', () => {
    const requests = latestAnswer();
    const old = requests.start();
    const newer = requests.start();
    expect(newer()).toBe(true);
    expect(old()).toBe(false);

    const more = requests.join();
    expect(more()).toBe(true);
    requests.drop();
    expect(newer()).toBe(false);
    expect(more()).toBe(false);
  });

  it('a slow answer for a company no longer shown never replaces the newer company’s people', async () => {
    const answers = new Map<string, (page: { items: ContactSummary[]; nextCursor: null; total: number }) => void>();
    fake.handle('contacts.list', ({ companyId }: { companyId: string }) => new Promise((resolve) => answers.set(companyId, resolve)));
    const people = useCompanyPeople.getState();
    const slow = people.load(contactId(50));
    const fresh = people.load(contactId(51));
    await vi.waitFor(() => expect(answers.size).toBe(2));

    answers.get(contactId(51))?.({ items: [summary(2, { displayName: 'Grace Hopper' })], nextCursor: null, total: 1 });
    await fresh;
    answers.get(contactId(50))?.({ items: [summary(1, { displayName: 'Ada Lovelace' })], nextCursor: null, total: 1 });
    await slow;

    expect(useCompanyPeople.getState().companyId).toBe(contactId(51));
    expect(useCompanyPeople.getState().people?.map((person) => person.displayName)).toEqual(['Grace Hopper']);
  });
});
