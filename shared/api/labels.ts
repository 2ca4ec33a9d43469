import { backupContract } from '../backup/backup.contract.ts';
import { backupFieldLabels } from '../backup/backup.labels.ts';
import { commerceContract } from '../commerce/commerce.contract.ts';
import { commerceFieldLabels } from '../commerce/commerce.labels.ts';
import { insightsContract } from '../insights/insights.contract.ts';
import { insightsFieldLabels } from '../insights/insights.labels.ts';
import { contactsContract } from '../contacts/contacts.contract.ts';
import { contactsFieldLabels } from '../contacts/contacts.labels.ts';
import { duplicatesContract } from '../duplicates/duplicates.contract.ts';
import { duplicatesFieldLabels } from '../duplicates/duplicates.labels.ts';
import { followupsContract } from '../followups/followups.contract.ts';
import { followupsFieldLabels } from '../followups/followups.labels.ts';
import { historyContract } from '../history/history.contract.ts';
import { historyFieldLabels } from '../history/history.labels.ts';
import { plansContract } from '../plans/plans.contract.ts';
import { plansFieldLabels } from '../plans/plans.labels.ts';
import { settingsContract } from '../settings/settings.contract.ts';
import { settingsFieldLabels } from '../settings/settings.labels.ts';
import { transferContract } from '../transfer/transfer.contract.ts';
import { transferFieldLabels } from '../transfer/transfer.labels.ts';
import type { MethodName } from './contract.ts';
import { labelsFor, type FieldLabels } from './slices.ts';

/** Each method's field labels, the domains' merged: a method without labels does not compile. */
export const fieldLabels = {
  ...labelsFor(backupContract, backupFieldLabels),
  ...labelsFor(commerceContract, commerceFieldLabels),
  ...labelsFor(insightsContract, insightsFieldLabels),
  ...labelsFor(contactsContract, contactsFieldLabels),
  ...labelsFor(duplicatesContract, duplicatesFieldLabels),
  ...labelsFor(followupsContract, followupsFieldLabels),
  ...labelsFor(historyContract, historyFieldLabels),
  ...labelsFor(plansContract, plansFieldLabels),
  ...labelsFor(settingsContract, settingsFieldLabels),
  ...labelsFor(transferContract, transferFieldLabels),
} satisfies Record<MethodName, FieldLabels>;
