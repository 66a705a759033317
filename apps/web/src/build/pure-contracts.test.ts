import { describe, expect, it } from 'vitest';
import { pureContracts } from '../../vite-pure-contracts.ts';

type Transform = (code: string, id: string) => { code: string } | null;
const transform = pureContracts().transform as unknown as Transform;
const CONTRACT = '/repo/packages/contracts/src/tasks.ts';

describe('contract definitions marked pure for the web build', () => {
  it('marks every call in a top-level declaration, with text before it that is not ASCII', () => {
    const code = [
      '// Välkommen — a comment the offsets must survive',
      "export const a = z.object({ b: z.string().min(1), c: new Set(['x']) });",
      'const d = a.extend({ e: z.number() }).nullable();',
    ].join('\n');
    const out = transform(code, CONTRACT)?.code ?? '';
    expect(out).toContain(
      "export const a = /* @__PURE__ */ z.object({ b: /* @__PURE__ */ z.string().min(1), c: /* @__PURE__ */ new Set(['x']) });",
    );
    expect(out).toContain(
      'const d = /* @__PURE__ */ a.extend({ e: /* @__PURE__ */ z.number() }).nullable();',
    );
  });

  it('leaves statements and function bodies alone, so no effect is dropped', () => {
    const code = [
      'z.config({ jitless: true });',
      'export const f = (v) => { list.push(v); return z.string().parse(v); };',
      'export function g() { register(x); }',
    ].join('\n');
    expect(transform(code, CONTRACT)?.code).toBe(code);
  });

  it('touches only the contracts package', () => {
    expect(transform('export const a = z.string();', '/repo/apps/web/src/lib/api.ts')).toBeNull();
  });
});
