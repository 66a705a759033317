import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The document is what integrators feed their tools: it must pass a standard linter and
 * generate a typed client that compiles, or their build breaks before ours does.
 */
describe('OpenAPI document for integrators', () => {
  let t: TestApp;
  let source: string;
  beforeAll(async () => {
    t = await createTestApp();
    source = JSON.stringify(t.app.swagger());
  });
  afterAll(() => t.close());

  it('passes the recommended lint rules without errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a unique operationId and a tag', () => {
    const doc = JSON.parse(source) as {
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => {
        expect(op.tags?.length, op.operationId).toBeGreaterThan(0);
        return op.operationId;
      }),
    );
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates a typed client that compiles and checks a call', async () => {
    const types = astToString(await openapiTS(JSON.parse(source)));
    const dir = mkdtempSync(path.join(tmpdir(), 'spotter-client-'));
    try {
      writeFileSync(path.join(dir, 'api.d.ts'), types);
      // A call that is right, and one the generated types must refuse.
      writeFileSync(
        path.join(dir, 'use.ts'),
        [
          "import createClient from 'openapi-fetch';",
          "import type { paths } from './api';",
          "const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });",
          'export async function person(id: string) {',
          "  const { data } = await client.GET('/api/persons/{id}', { params: { path: { id } } });",
          '  return data?.firstName;',
          '}',
          'export async function wrong() {',
          '  // @ts-expect-error the path parameter is required',
          "  await client.GET('/api/persons/{id}', {});",
          '}',
        ].join('\n'),
      );
      const program = ts.createProgram([path.join(dir, 'use.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        // openapi-fetch is resolved from this repository's node_modules.
        baseUrl: process.cwd(),
        typeRoots: [],
        types: [],
        paths: { 'openapi-fetch': [path.resolve('node_modules/openapi-fetch')] },
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
