import { vi } from 'vitest';
import { historyCases } from './history.cases.ts';
import { runParityCases } from './parity-case.ts';

// The IPC handler runs on the stand-in electron module: Electron's runtime cannot run here.
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('history and settings', historyCases);
