import type { z } from 'zod';
import { commerceContract } from '../commerce/commerce.contract.ts';
import { insightsContract } from '../insights/insights.contract.ts';
import { backupContract } from '../backup/backup.contract.ts';
import { contactsContract } from '../contacts/contacts.contract.ts';
import { duplicatesContract } from '../duplicates/duplicates.contract.ts';
import { followupsContract } from '../followups/followups.contract.ts';
import { historyContract } from '../history/history.contract.ts';
import { plansContract } from '../plans/plans.contract.ts';
import { settingsContract } from '../settings/settings.contract.ts';
import { transferContract } from '../transfer/transfer.contract.ts';
import type { ContractSlice } from './slices.ts';

/**
 * Every method the core offers, `domain.verb`, with its input and output schema:
 * the domains' slices, merged. The core's handler table must match it exactly;
 * the renderer's client is typed by it.
 */
export const contract = {
  ...backupContract,
  ...commerceContract,
  ...insightsContract,
  ...contactsContract,
  ...duplicatesContract,
  ...followupsContract,
  ...historyContract,
  ...plansContract,
  ...settingsContract,
  ...transferContract,
} as const satisfies ContractSlice;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes: defaults may be left out. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
