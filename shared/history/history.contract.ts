import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { HistoryHit, Interaction, LogInteraction, SearchHistoryQuery, TimelinePage, TimelineQuery, UpdateInteraction } from './history.schemas.ts';

const ById = z.object({ id: z.uuid({ error: 'That is not an interaction id.' }) });

/** Every interaction with a contact: its timeline, and words found in it. */
export const historyContract = {
  'history.log': { input: LogInteraction, output: Interaction },
  'history.update': { input: UpdateInteraction, output: Interaction },
  'history.get': { input: ById, output: Interaction },
  'history.delete': { input: ById, output: Interaction },
  'history.restore': { input: ById, output: Interaction },
  'history.timeline': { input: TimelineQuery, output: TimelinePage },
  'history.search': { input: SearchHistoryQuery, output: z.array(HistoryHit) },
} as const satisfies ContractSlice;
