import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder table of DESIGN.md §2, checked against the real lint config: each
// line here is an import that must stay impossible.
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'ambassador/layers').map((message) => message.message);
}

describe('import boundaries (lint)', () => {
  it.each([
    ['src-renderer/features/x.ts', "import { createCore } from '../../src-main/core/core.ts';"],
    ['src-renderer/features/x.ts', "import Sqlite from 'better-sqlite3';"],
    ['src-renderer/features/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src-main/core/x.ts', "import { app } from 'electron';"],
    ['src-main/core/x.ts', "import { startHttpBridge } from '../http/server.ts';"],
    ['shared/api/x.ts', "import { App } from '../../src-renderer/app/App.tsx';"],
    ['shared/api/x.ts', "import { sql } from 'kysely';"],
    ['migrations/0002_x.ts', "import { contract } from '../shared/api/contract.ts';"],
    ['src-main/http/x.ts', "import { app } from 'electron';"],
    ['src-main/electron/x.ts', "import { serveBrowserMode } from '../http/serve.ts';"],
  ])('refuses %s importing %s', async (filePath, code) => {
    expect(await layerErrors(filePath, `${code}\nexport const used = 1;`)).toHaveLength(1);
  });

  it.each([
    ['src-renderer/features/x.ts', "import { contract } from '../../shared/api/contract.ts';"],
    ['src-main/core/x.ts', "import { migrations } from '../../migrations/index.ts';"],
    ['src-main/core/x.ts', "import { Kysely } from 'kysely';"],
    ['src-main/electron/x.ts', "import type { CoreHandle } from '../core/core-handle.ts';"],
    ['src-main/cli/x.ts', "import { serveBrowserMode } from '../http/serve.ts';"],
    ['shared/api/x.ts', "import { z } from 'zod';"],
  ])('allows %s importing %s', async (filePath, code) => {
    expect(await layerErrors(filePath, `${code}\nexport const used = 1;`)).toEqual([]);
  });
});
