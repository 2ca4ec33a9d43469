import { vi } from 'vitest';
import { editingCases } from './contacts-editing.cases.ts';
import { findingCases } from './contacts-finding.cases.ts';
import { runParityCases } from './parity-case.ts';

// The same stories, told through each transport: if the HTTP bridge, the
// Electron IPC handler and the in-process core ever disagree, or an answer
// strays from the contract, one of these fails. The IPC handler runs on the
// stand-in electron module: Electron's runtime cannot run here.
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('contacts', [...editingCases, ...findingCases]);
