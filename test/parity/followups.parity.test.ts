import { vi } from 'vitest';
import { followupsCases } from './followups.cases.ts';
import { runParityCases } from './parity-case.ts';

// Follow-ups told through each transport (in-process, HTTP bridge, IPC handler).
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('follow-ups', followupsCases);
