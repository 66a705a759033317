import { parseSync, type Plugin } from 'vite';

/** The shared contracts package: zod schemas and constants, nothing else (see check:deps). */
const CONTRACTS = /\/packages\/contracts\/src\/[^/]+\.ts$/;

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

/** Where each call of a declaration's value starts, leaving function bodies alone. */
function callStarts(node: Node, out: Set<number>) {
  if (
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ClassExpression'
  ) {
    return;
  }
  if (node.type === 'CallExpression' || node.type === 'NewExpression') out.add(node.start);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) callStarts(v, out);
    if (isNode(value)) callStarts(value, out);
  }
}

/**
 * Marks the module-level schema definitions of the contracts package as pure, so the bundler
 * leaves out every schema a page does not use. Without it each contract file the web touches
 * (for one constant or one schema) brings all its schemas, and with them zod's full API, to
 * the login page. A contract is a declaration (`export const x = z.object(…)`): building it
 * has no effect outside its value, which the dependency rules keep true (zod only). Only
 * values of top-level `const`/`let` declarations are marked; statements and function bodies
 * are left as they are.
 */
export function pureContracts(): Plugin {
  return {
    name: 'spotter-pure-contracts',
    apply: 'build',
    transform(code, id) {
      if (!CONTRACTS.test(id)) return null;
      const { program, errors } = parseSync(id, code);
      if (errors.length > 0) return null;
      const starts = new Set<number>();
      for (const statement of program.body as unknown as Node[]) {
        const declaration =
          statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (!isNode(declaration) || declaration.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          if (isNode(declarator.init)) callStarts(declarator.init, starts);
        }
      }
      let out = code;
      for (const start of [...starts].sort((a, b) => b - a)) {
        out = `${out.slice(0, start)}/* @__PURE__ */ ${out.slice(start)}`;
      }
      return { code: out, map: null };
    },
  };
}
