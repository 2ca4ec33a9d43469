import type { historyContract } from '../../../shared/history/history.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as history from './history.service.ts';

/** The core's side of the history slice of the contract. */
export const historyHandlers = {
  'history.log': (ctx, input) => history.logInteraction(ctx, input),
  'history.update': (ctx, input) => history.updateInteraction(ctx, input),
  'history.get': (ctx, input) => history.getInteraction(ctx, input.id),
  'history.delete': (ctx, input) => history.deleteInteraction(ctx, input.id),
  'history.restore': (ctx, input) => history.restoreInteraction(ctx, input.id),
  'history.timeline': (ctx, input) => history.timeline(ctx, input),
  'history.search': (ctx, input) => history.searchHistory(ctx, input),
} satisfies HandlersFor<typeof historyContract>;
