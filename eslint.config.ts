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
    packages: new RegExp(`^(kysely(/.*)?|better-sqlite3|csv-parse(/.*)?|csv-stringify(/.*)?|ical\\.js|ical-generator|${nodeBuiltins})$`),
    why: 'the core is plain Node: shared, migrations, kysely, better-sqlite3, the file-format libraries (csv-parse, csv-stringify, ical.js, ical-generator) and node:* only',
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
    packages: /^(react|react-dom|zustand|@tanstack\/react-virtual|@visx\/(shape|scale|axis|group)|zod)(\/|$)/,
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

// Inside the core (DESIGN.md §2): repository → service → handler. Only the
// files that own the database may import it or query it; a domain reaches
// another only through that domain's service; generic code names a domain only
// where it merges it (handlers.ts, db/schema.ts).
const coreFolder = 'src-main/core/';
const databasePackages = /^(kysely(\/.*)?|better-sqlite3)$/;
const queryMethods = new Set(['selectFrom', 'selectNoFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'pragma', 'prepare']);
/** Each write's transaction and change event belong to the mutation wrapper (db/mutation.ts). */
const wrapperMethods = new Set(['transaction', 'publish']);

/** `contacts` for `contacts/contacts.service.ts`; undefined for generic code (the core's root and db/). */
function domainOf(corePath: string): string | undefined {
  const [folder, ...rest] = corePath.split('/');
  return rest.length > 0 && folder !== 'db' ? folder : undefined;
}

function ownsDatabase(corePath: string): boolean {
  return corePath.startsWith('db/') || /\.(repository|table)\.ts$/.test(corePath);
}

const coreInsideRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      database: '“{{source}}” is the database: only *.repository.ts, *.table.ts and db/ import it; pass the `Db` handle (db/handle.ts) on to a repository (ARCHITECTURE.md).',
      query: '`.{{method}}()` runs SQL: queries belong in a *.repository.ts file or in db/ (ARCHITECTURE.md).',
      wrapper: '`.{{method}}()` belongs to the mutation wrapper: write with `mutate(ctx, …)` from db/mutation.ts (ARCHITECTURE.md).',
      domain: '“{{source}}” reaches inside the {{domain}} domain: import only its {{domain}}.service.ts (ARCHITECTURE.md).',
      generic: '“{{source}}” names a domain in generic code: only handlers.ts merges {{domain}}.handlers.ts and db/schema.ts merges {{domain}}.table.ts (ARCHITECTURE.md).',
    },
  },
  create(context) {
    const file = relative(root, context.filename).split('\\').join('/');
    if (!file.startsWith(coreFolder)) return {};
    const self = file.slice(coreFolder.length);
    const selfDomain = domainOf(self);
    const mayQuery = ownsDatabase(self);
    const check = (node: Rule.Node, source: unknown) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (!mayQuery && databasePackages.test(source)) context.report({ node, messageId: 'database', data: { source } });
        return;
      }
      const target = relative(root, resolve(dirname(context.filename), source)).split('\\').join('/');
      if (!target.startsWith(coreFolder)) return;
      const imported = target.slice(coreFolder.length);
      if (!mayQuery && imported === 'db/schema.ts') return context.report({ node, messageId: 'database', data: { source } });
      const domain = domainOf(imported);
      if (domain === undefined || domain === selfDomain) return;
      const [, name] = imported.split('/');
      if (selfDomain !== undefined && name !== `${domain}.service.ts`) {
        context.report({ node, messageId: 'domain', data: { source, domain } });
      } else if (selfDomain === undefined && name !== `${domain}.handlers.ts` && name !== `${domain}.table.ts`) {
        context.report({ node, messageId: 'generic', data: { source, domain } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      CallExpression: (node) => {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (!mayQuery && queryMethods.has(method)) context.report({ node, messageId: 'query', data: { method } });
        if (!self.startsWith('db/') && wrapperMethods.has(method)) context.report({ node, messageId: 'wrapper', data: { method } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist-main/', 'dist-renderer/', 'release/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { ambassador: { rules: { layers: layersRule, 'core-inside': coreInsideRule } } },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'ambassador/layers': 'error',
      'ambassador/core-inside': 'error',
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
