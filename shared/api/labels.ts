import { contactsContract } from '../contacts/contacts.contract.ts';
import { contactsFieldLabels } from '../contacts/contacts.labels.ts';
import { followupsContract } from '../followups/followups.contract.ts';
import { followupsFieldLabels } from '../followups/followups.labels.ts';
import { historyContract } from '../history/history.contract.ts';
import { historyFieldLabels } from '../history/history.labels.ts';
import { settingsContract } from '../settings/settings.contract.ts';
import { settingsFieldLabels } from '../settings/settings.labels.ts';
import type { MethodName } from './contract.ts';
import { labelsFor, type FieldLabels } from './slices.ts';

/** Each method's field labels, the domains' merged: a method without labels does not compile. */
export const fieldLabels = {
  ...labelsFor(contactsContract, contactsFieldLabels),
  ...labelsFor(followupsContract, followupsFieldLabels),
  ...labelsFor(historyContract, historyFieldLabels),
  ...labelsFor(settingsContract, settingsFieldLabels),
} satisfies Record<MethodName, FieldLabels>;
