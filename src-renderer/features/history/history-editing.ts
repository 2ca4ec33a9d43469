import type { MethodInput } from '../../../shared/api/contract.ts';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { showToast } from '../../ui/toast.store.ts';
import { kindWords } from './history-words.ts';
import { saveProblemOf, type SaveProblem } from '../../ui/save-problem.ts';

// Writes to history. None refreshes a view by hand: `history.changed` does (follow-history.ts).

export async function updateInteraction(input: MethodInput<'history.update'>): Promise<{ saved: Interaction } | { problem: SaveProblem }> {
  try {
    return { saved: await api.invoke('history.update', input) };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}

export async function logInteraction(input: MethodInput<'history.log'>): Promise<{ saved: Interaction } | { problem: SaveProblem }> {
  try {
    return { saved: await api.invoke('history.log', input) };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}

/** Takes an entry off the timeline (soft: nothing is lost), with Undo in the toast. */
export async function removeInteraction(interaction: Pick<Interaction, 'id' | 'kind'>): Promise<void> {
  const tell = (thrown: unknown) => showToast({ message: apiErrorOf(thrown).message });
  try {
    await api.invoke('history.delete', { id: interaction.id });
  } catch (thrown) {
    tell(thrown);
    return;
  }
  showToast({
    message: `Removed the ${kindWords[interaction.kind].toLowerCase()} from history`,
    action: { label: 'Undo', run: () => void api.invoke('history.restore', { id: interaction.id }).catch(tell) },
  });
}
