import type { MethodInput } from '../../../shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { saveProblemOf, type SaveProblem } from '../../ui/save-problem.ts';

// Writes to the ladder. None refreshes the standing by hand: `loyalty.changed` does (loyalty.store.ts).

type Done = { done: true } | { problem: SaveProblem };

export async function recordScore(input: MethodInput<'loyalty.recordScore'>): Promise<Done> {
  try {
    await api.invoke('loyalty.recordScore', input);
    return { done: true };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}

/** Sets the stage by hand with a reason; stage null gives the contact back to the rules. */
export async function overrideStage(input: MethodInput<'loyalty.override'>): Promise<Done> {
  try {
    await api.invoke('loyalty.override', input);
    return { done: true };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}
