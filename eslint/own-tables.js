/**
 * Only a table's own feature writes it (docs/adding-a-feature.md): a server feature file may
 * read another feature's table (joins) but not insert into, update or delete from it — neither
 * through Drizzle (`db.insert(tasks)`) nor in raw SQL (`update tasks set …`). Other features
 * ask the owner through its index.ts, a hook or a port. Tests, fixtures and the demo feature
 * (which fills a fresh organization in bulk) are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { uiText } from './ui-text.js';

const FEATURES = path.resolve(import.meta.dirname, '../apps/server/src/features');
const EXEMPT = /(\.test\.ts|\.test-setup\.ts|\.fixtures\.ts|\/test-[^/]*\.ts)$|\/features\/demo\//;

/** SQL table name → owning feature, and exported table variable → owning feature. */
function tableOwners() {
  const bySqlName = new Map();
  const byVariable = new Map();
  for (const feature of readdirSync(FEATURES)) {
    let files;
    try {
      files = readdirSync(path.join(FEATURES, feature)).filter((f) => f.endsWith('.table.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(path.join(FEATURES, feature, file), 'utf8');
      for (const m of text.matchAll(/export const (\w+) = pgTable\(\s*'([a-z_]+)'/g)) {
        byVariable.set(m[1], feature);
        bySqlName.set(m[2], feature);
      }
    }
  }
  return { bySqlName, byVariable };
}

const featureOf = (filename) => /\/apps\/server\/src\/features\/([^/]+)\//.exec(filename)?.[1];

export const ownTables = {
  meta: {
    type: 'problem',
    docs: { description: "Only a table's own feature writes it" },
    messages: {
      write:
        "'{{table}}' belongs to the {{owner}} feature: ask it through its index.ts, a hook or a port instead of writing it here.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename.replaceAll('\\', '/');
    const feature = featureOf(filename);
    if (!feature || EXEMPT.test(filename)) return {};
    const { bySqlName, byVariable } = tableOwners();
    const foreign = (owner) => owner !== undefined && owner !== feature;
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!['insert', 'update', 'delete'].includes(callee.property.name)) return;
        const arg = node.arguments[0];
        if (node.arguments.length !== 1 || arg?.type !== 'Identifier') return;
        const owner = byVariable.get(arg.name);
        if (foreign(owner)) {
          context.report({ node, messageId: 'write', data: { table: arg.name, owner } });
        }
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.cooked ?? '').join(' ');
        for (const m of text.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+([a-z_]+)/gi)) {
          const owner = bySqlName.get(m[1].toLowerCase());
          if (foreign(owner)) {
            context.report({ node, messageId: 'write', data: { table: m[1], owner } });
          }
        }
      },
    };
  },
};

export const spotterPlugin = { rules: { 'own-tables': ownTables, 'ui-text': uiText } };
