import { vi } from 'vitest';
import { insightsCases } from './insights.cases.ts';
import { runParityCases } from './parity-case.ts';

// A customer's worth and standing told through each transport (in-process, HTTP bridge, IPC handler).
vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));

runParityCases('insights', insightsCases);
