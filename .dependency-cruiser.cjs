/**
 * Import boundaries of the server, the web app and the contracts (`npm run check:deps`, part of
 * `npm run check`). docs/adding-a-feature.md explains the shape these rules keep.
 */
const SERVER = '^apps/server/src/';
const WEB = '^apps/web/src/';
/** Tests and their helpers may reach anywhere; only cycles are refused there. */
const TEST = '(\\.test\\.ts|\\.test-setup\\.ts|\\.fixtures\\.ts|/test-[^/]*\\.ts)$';
const { readFileSync } = require('node:fs');
const path = require('node:path');

/**
 * The server's features in the order `apps/server/src/features.ts` lists them: a feature may
 * import only features listed above it, so the features form one-way layers, not a web.
 */
function featureLayers() {
  const text = readFileSync(path.join(__dirname, 'apps/server/src/features.ts'), 'utf8');
  const folderOf = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from '\.\/features\/([^/]+)\//g)) {
    folderOf.set(m[1], m[2]);
  }
  const list = text.slice(text.indexOf('return ['), text.indexOf('];'));
  return [...list.matchAll(/(\w+Feature)\b/g)].map((m) => folderOf.get(m[1])).filter(Boolean);
}

const layerRules = featureLayers().flatMap((name, i, all) => {
  const later = all.slice(i + 1);
  return later.length === 0
    ? []
    : [
        {
          name: 'server-feature-layers',
          severity: 'error',
          comment: `${name} may import only features listed above it in apps/server/src/features.ts.`,
          from: { path: `^apps/server/src/features/${name}/`, pathNot: TEST },
          to: { path: later.map((l) => `^apps/server/src/features/${l}/`) },
        },
      ];
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: a cycle means two files cannot be understood apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-infrastructure-imports-no-feature',
      severity: 'error',
      comment: 'plugins/, lib/ and db/ serve every feature and know none of them.',
      from: { path: `${SERVER}(plugins|lib|db)/`, pathNot: TEST },
      to: { path: `${SERVER}features/` },
    },
    {
      name: 'server-feature-through-index',
      severity: 'error',
      comment:
        "A feature reaches another only through that feature's index.ts (functions, types and " +
        'table objects for joins; never routes).',
      from: { path: `${SERVER}features/([^/]+)/`, pathNot: `${TEST}|\\.table\\.ts$` },
      to: {
        path: `${SERVER}features/`,
        pathNot: [`${SERVER}features/$1/`, `${SERVER}features/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'server-tables-reference-tables',
      severity: 'error',
      comment:
        'A table file may import other features’ table files (foreign keys), nothing else of theirs.',
      from: { path: `${SERVER}features/([^/]+)/[^/]+\\.table\\.ts$` },
      to: {
        path: `${SERVER}features/`,
        pathNot: [`${SERVER}features/$1/`, `${SERVER}features/[^/]+/[^/]+\\.table\\.ts$`],
      },
    },
    {
      name: 'server-composition-root-imported-by-nobody',
      severity: 'error',
      comment:
        'app.ts, features.ts and schema.ts assemble features; features never import them back.',
      from: { path: `${SERVER}(features|plugins|lib|db)/`, pathNot: TEST },
      to: { path: `${SERVER}(app|features|schema|server)\\.ts$` },
    },
    {
      name: 'web-shared-imports-no-feature',
      severity: 'error',
      comment: 'Shared components/ and lib/ of the web app know no feature.',
      from: { path: `${WEB}(components|lib)/` },
      to: { path: `${WEB}(features|app)/` },
    },
    {
      name: 'web-feature-through-index',
      severity: 'error',
      comment: "A web feature reaches another only through that feature's index.ts.",
      from: { path: `${WEB}features/([^/]+)/`, pathNot: TEST },
      to: {
        path: `${WEB}features/`,
        pathNot: [`${WEB}features/$1/`, `${WEB}features/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'web-pages-load-on-demand',
      severity: 'error',
      comment:
        "A feature's pages.ts is loaded by app/ with import(), so each page arrives when a route needs it.",
      from: { pathNot: `${WEB}app/` },
      to: { path: `${WEB}features/[^/]+/pages\\.ts$` },
    },
    {
      name: 'web-pages-never-static',
      severity: 'error',
      comment: "A static import of a feature's pages.ts would put its pages in the first download.",
      from: {},
      to: { path: `${WEB}features/[^/]+/pages\\.ts$`, dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'web-features-do-not-import-app',
      severity: 'error',
      comment: 'app/ wires features together; features never import it.',
      from: { path: `${WEB}features/` },
      to: { path: `${WEB}app/` },
    },
    {
      name: 'contracts-are-zod-only',
      severity: 'error',
      comment: 'The contracts package is shared by server and web: zod only.',
      from: { path: '^packages/contracts/' },
      to: { path: '^(apps/|node_modules/(drizzle-orm|fastify|react|pg|@electric-sql))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
