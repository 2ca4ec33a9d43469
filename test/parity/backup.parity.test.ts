import { vi } from 'vitest';
import { backupCases } from './backup.cases.ts';
import { runParityCases } from './parity-case.ts';

// The IPC handler runs on the stand-in electron module: Electron's runtime cannot run here.
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('backups', backupCases);
