import { vi } from 'vitest';
import { plansCases } from './plans.cases.ts';
import { runParityCases } from './parity-case.ts';

// Follow-up plans told through each transport (in-process, HTTP bridge, IPC handler).
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('plans', plansCases);
