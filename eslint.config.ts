import js from '@eslint/js';
import type { Rule } from 'eslint';
import globals from 'globals';
import { dirname, relative, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

// The import boundaries of DESIGN.md §2. Do not relax them: a renderer that
// imports the core, or a core that imports electron, is a bug.
type Layer = { folder: string; mayImport: string[]; packages: RegExp; why: string };

const nodeBuiltins = 'node:[a-z_/]+';
const layers: Record<string, Layer> = {
  shared: {
    folder: 'shared',
    mayImport: ['shared'],
    packages: /^zod$/,
    why: 'shared/ is the contract both sides read: it may import zod only',
  },
  migrations: {
    folder: 'migrations',
    mayImport: ['migrations'],
    packages: /^kysely(\/|$)/,
    why: 'migrations are frozen in time: kysely only, never app code',
  },
  core: {
    folder: 'src-main/core',
    mayImport: ['core', 'shared', 'migrations'],
    packages: new RegExp(`^(kysely(/.*)?|better-sqlite3|${nodeBuiltins})$`),
    why: 'the core is plain Node: shared, migrations, kysely, better-sqlite3 and node:* only',
  },
  electron: {
    folder: 'src-main/electron',
    mayImport: ['electron', 'core', 'shared'],
    packages: new RegExp(`^(electron|${nodeBuiltins})$`),
    why: 'the Electron shell may import the core, shared, electron and node:* only',
  },
  http: {
    folder: 'src-main/http',
    mayImport: ['http', 'core', 'shared'],
    packages: new RegExp(`^${nodeBuiltins}$`),
    why: 'the HTTP bridge may import the core, shared and node:* only',
  },
  cli: {
    folder: 'src-main/cli',
    mayImport: ['cli', 'http', 'core', 'shared'],
    packages: new RegExp(`^${nodeBuiltins}$`),
    why: 'the CLI may import the core, the HTTP bridge, shared and node:* only',
  },
  renderer: {
    folder: 'src-renderer',
    mayImport: ['renderer', 'shared'],
    packages: /^(react|react-dom|zustand|@tanstack\/react-virtual|zod)(\/|$)/,
    why: 'the renderer runs in a page: shared, React and browser libraries only, never src-main or node:*',
  },
};

const root = import.meta.dirname;

function layerOf(repoPath: string): string | undefined {
  return Object.keys(layers).find((name) => {
    const folder = layers[name]!.folder;
    return repoPath === folder || repoPath.startsWith(`${folder}/`);
  });
}

const layersRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { crossing: '“{{source}}” is not allowed here: {{why}} (DESIGN.md §2).' } },
  create(context) {
    const file = relative(root, context.filename).split('\\').join('/');
    const name = layerOf(file);
    if (!name) return {};
    const layer = layers[name]!;
    const check = (node: Rule.Node, source: unknown) => {
      if (typeof source !== 'string') return;
      const allowed = source.startsWith('.')
        ? layer.mayImport.includes(
            layerOf(relative(root, resolve(dirname(context.filename), source)).split('\\').join('/')) ?? 'outside',
          )
        : layer.packages.test(source);
      if (!allowed) context.report({ node, messageId: 'crossing', data: { source, why: layer.why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist-main/', 'dist-renderer/', 'release/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { ambassador: { rules: { layers: layersRule } } },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'ambassador/layers': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations see the database as it was, not as today's schema types describe it.
    files: ['migrations/**', 'src-main/core/db/migrate.ts', 'test/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
