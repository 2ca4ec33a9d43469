import type { Plan, PlanFieldsInput, PlanRun } from '../../../shared/plans/plans.schemas.ts';
import type { UpdateSettings } from '../../../shared/settings/settings.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { showToast } from '../../ui/toast.store.ts';
import { errorsFromDetails, type PlanErrors } from './plan-draft.ts';

// Writes to plans and their runs. None refreshes a view by hand: `plans.changed`,
// `plans.runsChanged` and `settings.changed` do (follow-plans.ts).

export type PlanSaveOutcome = { saved: Plan } | { conflict: Plan } | { errors: PlanErrors } | { message: string };

/**
 * Creates the plan (`editing` null) or saves over the version the editor started from.
 * Someone else's newer version comes back as `conflict`, for the user to choose.
 */
export async function savePlan(editing: { id: string; expectedUpdatedAt: string } | null, fields: PlanFieldsInput): Promise<PlanSaveOutcome> {
  try {
    const saved = editing ? await api.invoke('plans.update', { ...editing, fields }) : await api.invoke('plans.create', fields);
    return { saved };
  } catch (thrown) {
    const error = apiErrorOf(thrown);
    if (error.code === 'CONFLICT' && editing) {
      try {
        return { conflict: await api.invoke('plans.get', { id: editing.id }) };
      } catch (again) {
        return { message: apiErrorOf(again).message };
      }
    }
    const errors = error.code === 'VALIDATION' ? errorsFromDetails(error.details) : null;
    return errors ? { errors } : { message: error.message };
  }
}

export async function duplicatePlan(plan: Pick<Plan, 'id' | 'name'>): Promise<void> {
  try {
    const copy = await api.invoke('plans.duplicate', { id: plan.id });
    showToast({ message: `Duplicated ${plan.name} as ${copy.name}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

export async function setPlanEnabled(plan: Pick<Plan, 'id' | 'name'>, enabled: boolean): Promise<void> {
  try {
    await api.invoke('plans.setEnabled', { id: plan.id, enabled });
    showToast({
      message: enabled ? `Switched on ${plan.name}` : `Switched off ${plan.name}: nothing starts it until you switch it on`,
      action: { label: 'Undo', run: () => void setPlanEnabled(plan, !enabled) },
    });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

/** Its open follow-ups go; the done ones stay in the contact's history. */
export async function cancelRun(run: Pick<PlanRun, 'id' | 'planName' | 'contactName'>): Promise<void> {
  try {
    await api.invoke('plans.cancel', { runId: run.id });
    showToast({ message: `Cancelled ${run.planName} for ${run.contactName}. Its done steps stay in the history.` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

export async function updateStrategy(change: UpdateSettings): Promise<string | null> {
  try {
    await api.invoke('settings.update', change);
    return null;
  } catch (thrown) {
    return apiErrorOf(thrown).message;
  }
}
