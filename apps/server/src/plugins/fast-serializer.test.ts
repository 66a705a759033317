import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastOkSerializer } from './fast-serializer.ts';

describe('fastOkSerializer', () => {
  const schema = z.object({
    id: z.string(),
    locale: z.enum(['en', 'sv']).nullable(),
    tags: z.array(z.string()),
  });
  const compile = fastOkSerializer(schema);
  const route = (httpStatus: string) => ({ schema, method: 'GET', url: '/x', httpStatus });

  it('writes the 200 body as JSON.stringify would, leaving out what the schema does not name', () => {
    const ok = compile(route('200'));
    const value = { id: 'a"b', locale: null, tags: ['x', 'ü'] };
    expect(JSON.parse(ok(value))).toEqual(value);
    expect(JSON.parse(ok({ ...value, passwordHash: 'secret' }))).toEqual(value);
  });

  it('leaves other statuses to the zod serializer, which checks them', () => {
    const other = compile(route('400'));
    expect(() => other({ id: 1 })).toThrow();
  });
});
