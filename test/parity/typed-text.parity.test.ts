import { vi } from 'vitest';
import { runParityCases } from './parity-case.ts';
import { typedTextCases } from './typed-text.cases.ts';

// The IPC handler runs on the stand-in electron module: Electron's runtime cannot run here.
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('text the user typed', typedTextCases);
