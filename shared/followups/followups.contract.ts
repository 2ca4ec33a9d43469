import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import {
  CalendarExport,
  CalendarFile,
  CardsQuery,
  CompleteFollowup,
  Completed,
  DueCounts,
  Followup,
  ListFollowupsQuery,
  NewFollowup,
  NoteCard,
  SnoozeFollowup,
  TodayQuery,
  TodayView,
  UpdateFollowup,
} from './followups.schemas.ts';

const ById = z.object({ id: z.uuid({ error: 'That is not a follow-up id.' }) });

/** Reminders that never slip, and the Today view. */
export const followupsContract = {
  'followups.create': { input: NewFollowup, output: Followup },
  'followups.update': { input: UpdateFollowup, output: Followup },
  'followups.get': { input: ById, output: Followup },
  'followups.list': { input: ListFollowupsQuery, output: z.array(Followup) },
  'followups.complete': { input: CompleteFollowup, output: Completed },
  'followups.skip': { input: ById, output: Followup },
  'followups.snooze': { input: SnoozeFollowup, output: Followup },
  'followups.delete': { input: ById, output: Followup },
  'followups.restore': { input: ById, output: Followup },
  'followups.today': { input: TodayQuery, output: TodayView },
  'followups.dueCounts': { input: z.object({}), output: DueCounts },
  /** Handwritten notes and cards ready to print (Print card, Print all due cards). */
  'followups.cards': { input: CardsQuery, output: z.array(NoteCard) },
  /** An .ics file of open follow-ups, all or one contact's, with a stable UID per follow-up. */
  'followups.exportCalendar': { input: CalendarExport, output: CalendarFile },
} as const satisfies ContractSlice;
