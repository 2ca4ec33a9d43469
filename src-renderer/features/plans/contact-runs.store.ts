import type { PlanRun } from '../../../shared/plans/plans.schemas.ts';
import { api } from '../../api/api.ts';
import { createContactItems } from '../contacts/contact-items.store.ts';

const newestFirst = (a: PlanRun, b: PlanRun) => b.startedAt.localeCompare(a.startedAt);

/** The plans running for the contact on screen, newest first. */
export const useContactRuns = createContactItems((contactId) => api.invoke('plans.runs', { contactId, status: 'running' }), newestFirst);
