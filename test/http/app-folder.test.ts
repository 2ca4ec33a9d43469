import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFolder, defaultRendererDir } from '../../src-main/http/serve.ts';

describe('the app’s folder, from source', () => {
  it('is the folder holding Ambassador’s package.json, and the built renderer sits in it', () => {
    const folder = appFolder();
    expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name).toBe('ambassador');
    expect(defaultRendererDir()).toBe(join(folder, 'dist-renderer') + '/');
  });
});
