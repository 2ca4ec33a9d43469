import type { settingsContract } from '../../../shared/settings/settings.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as settings from './settings.service.ts';

/** The core's side of the settings slice of the contract. */
export const settingsHandlers = {
  'settings.get': (ctx) => settings.getSettings(ctx),
  'settings.update': (ctx, input) => settings.updateSettings(ctx, input),
} satisfies HandlersFor<typeof settingsContract>;
