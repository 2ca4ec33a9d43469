import { vi } from 'vitest';
import { commerceCases } from './commerce.cases.ts';
import { runParityCases } from './parity-case.ts';

// Purchases told through each transport (in-process, HTTP bridge, IPC handler).
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('commerce', commerceCases);
