import { afterAll, vi } from 'vitest';
import { removeTransferFiles, transferCases } from './transfer.cases.ts';
import { runParityCases } from './parity-case.ts';

// The IPC handler runs on the stand-in electron module: Electron's runtime cannot run here.
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('contact import, export and duplicates', transferCases);
afterAll(removeTransferFiles);
