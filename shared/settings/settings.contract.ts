import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { Settings, UpdateSettings } from './settings.schemas.ts';

export const settingsContract = {
  'settings.get': { input: z.object({}), output: Settings },
  'settings.update': { input: UpdateSettings, output: Settings },
} as const satisfies ContractSlice;
