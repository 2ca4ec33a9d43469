import { create } from 'zustand';
import type { NoteCard } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

/** One follow-up's card (Print card) or every card due today or overdue (Print all due cards). */
export type CardsWanted = { ids: string[] } | { due: true };

type CardsState = {
  step: 'closed' | 'loading' | 'ready' | 'error';
  wanted: CardsWanted | null;
  cards: NoteCard[];
  problem: string | null;
  show: (wanted: CardsWanted) => Promise<void>;
  close: () => void;
};

const loads = latestAnswer();

/** The print preview: the cards as they will print, each with its envelope. */
export const useCards = create<CardsState>()((set) => ({
  step: 'closed',
  wanted: null,
  cards: [],
  problem: null,
  show: async (wanted) => {
    const stillLatest = loads.start();
    set({ step: 'loading', wanted, cards: [], problem: null });
    try {
      const cards = await api.invoke('followups.cards', wanted);
      if (stillLatest()) set({ step: 'ready', cards });
    } catch (thrown) {
      if (stillLatest()) set({ step: 'error', problem: apiErrorOf(thrown).message });
    }
  },
  close: () => {
    // An answer still on its way must not reopen a preview the user closed.
    loads.drop();
    set(useCards.getInitialState());
  },
}));

export const isCardKind = (kind: NoteCard['kind']) => kind === 'handwritten_note' || kind === 'card';
