import type { EventSlice } from '../api/slices.ts';
import { Settings } from './settings.schemas.ts';

export const settingsEvents = {
  'settings.changed': Settings,
} as const satisfies EventSlice;
