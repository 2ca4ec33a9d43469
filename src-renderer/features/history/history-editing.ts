import type { MethodInput } from '../../../shared/api/contract.ts';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import { api } from '../../api/api.ts';
import { saveProblemOf, type SaveProblem } from '../../ui/save-problem.ts';

// Writes to history. None refreshes a view by hand: `history.changed` does (follow-history.ts).

export async function logInteraction(input: MethodInput<'history.log'>): Promise<{ saved: Interaction } | { problem: SaveProblem }> {
  try {
    return { saved: await api.invoke('history.log', input) };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}
