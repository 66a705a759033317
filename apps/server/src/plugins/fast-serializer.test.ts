import {
  companyListSchema,
  personListSchema,
  searchResultSchema,
  type Company,
  type Person,
} from '@spotter/contracts';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastOkSerializer, forSerializing } from './fast-serializer.ts';

const route = (schema: z.ZodType, httpStatus = '200') => ({
  schema,
  method: 'GET',
  url: '/x',
  httpStatus,
});

/** What the app-wide zod serializer writes for a value, and what the fast one writes. */
function bothWays(schema: z.ZodType, value: unknown) {
  const checked = serializerCompiler(route(schema) as Parameters<typeof serializerCompiler>[0]);
  const fast = fastOkSerializer(schema)(route(schema));
  return { zod: JSON.parse(checked(value)) as unknown, fast: JSON.parse(fast(value)) as unknown };
}

const id = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-12-06T08:50:00.123Z';

function person(n: number, filled: boolean): Person {
  return {
    id: id(n),
    kind: 'person',
    firstName: 'Anna',
    lastName: filled ? 'Svensson "the elder"' : '',
    displayName: filled ? 'Anna Svensson "the elder"' : 'Anna',
    phones: filled ? [{ number: '+46701234567', label: 'mobile', valid: true }] : [],
    emails: filled ? [{ email: 'anna@example.test', label: 'work' }] : [],
    branchId: filled ? id(100) : null,
    statusId: filled ? id(101) : null,
    responsibleId: filled ? id(102) : null,
    note: filled ? 'Line one\nline two – ünïcödé \u2028' : '',
    tagIds: filled ? [id(103), id(104)] : [],
    categoryIds: [],
    sourceId: null,
    productIds: filled ? [id(105)] : [],
    custom: filled ? { [id(106)]: 'Gold', [id(107)]: 42.5, [id(108)]: null } : {},
    version: n,
    createdAt: at,
    updatedAt: at,
    createdBy: filled ? { id: id(109), name: 'Owner' } : null,
    deletedAt: null,
    erasedAt: filled ? null : at,
    birthDate: filled ? '1990-02-28' : null,
    address: { street: filled ? 'Storgatan 1' : '', postalCode: '', city: 'Malmö', country: '' },
    companyId: filled ? id(110) : null,
    company: filled ? { id: id(110), name: 'Acme AB' } : null,
    consentEmail: {
      granted: filled,
      at: filled ? at : null,
      source: filled ? 'form' : null,
      by: filled ? { id: id(111), name: 'Anna Berg' } : null,
    },
    consentSms: { granted: false, at: null, source: null, by: null },
    age: filled ? 36 : null,
    minor: false,
    guardian: filled
      ? {
          id: id(112),
          name: 'Eva Berg',
          role: 'Mother',
          phone: '+46701234567',
          phoneDisplay: {
            country: 'SE',
            national: '070-123 45 67',
            international: '+46 70 123 45 67',
          },
        }
      : null,
  };
}

function company(n: number): Company {
  const {
    firstName: _f,
    lastName: _l,
    birthDate: _b,
    address,
    companyId: _c,
    ...rest
  } = person(n, true);
  const {
    company: _co,
    consentEmail: _ce,
    consentSms: _cs,
    age: _a,
    minor: _m,
    guardian: _g,
    ...common
  } = rest;
  return {
    ...common,
    kind: 'company',
    name: 'Acme AB',
    displayName: 'Acme AB',
    orgNumber: '556677-8899',
    billingAddress: address,
    visitingAddress: { street: '', postalCode: '', city: '', country: '' },
    industryId: null,
    contactPersons: [{ id: id(111), displayName: 'Bo', phone: null }],
  };
}

describe('fastOkSerializer', () => {
  const schema = z.object({
    id: z.string(),
    locale: z.enum(['en', 'sv']).nullable(),
    tags: z.array(z.string()),
  });
  const compile = fastOkSerializer(schema);

  it('writes the 200 body as JSON.stringify would, leaving out what the schema does not name', () => {
    const ok = compile(route(schema));
    const value = { id: 'a"b', locale: null, tags: ['x', 'ü'] };
    expect(JSON.parse(ok(value))).toEqual(value);
    expect(JSON.parse(ok({ ...value, passwordHash: 'secret' }))).toEqual(value);
  });

  it('leaves other statuses to the zod serializer, which checks them', () => {
    const other = compile(route(schema, '400'));
    expect(() => other({ id: 1 })).toThrow();
  });

  it('writes a page of persons, of companies and search hits as the checking serializer does', () => {
    const persons = [person(1, true), person(2, false), person(3, true)];
    const paging = { nextCursor: 'abc', prevCursor: null };
    for (const [s, value] of [
      [personListSchema, { items: persons, ...paging }],
      [
        personListSchema,
        { items: [], nextCursor: null, prevCursor: null, total: 0, capped: false },
      ],
      [companyListSchema, { items: [company(4), company(5)], ...paging, total: 2, capped: false }],
      [
        searchResultSchema,
        {
          items: [
            {
              id: id(1),
              kind: 'person',
              displayName: 'Anna',
              detail: null,
              statusId: null,
              via: { id: id(4), displayName: 'Eva', as: 'guardian' },
            },
            {
              id: id(2),
              kind: 'company',
              displayName: 'Acme',
              detail: '556677',
              statusId: id(3),
              via: null,
            },
          ],
        },
      ],
    ] as const) {
      const { zod, fast } = bothWays(s, value);
      expect(fast).toEqual(zod);
      expect(fast).toEqual(value);
    }
  });

  it('compiles nullable values to a choice by type, with no validator left to run', () => {
    const compiled = forSerializing(
      z.toJSONSchema(personListSchema, { target: 'draft-7', io: 'output' }),
    );
    const text = JSON.stringify(compiled);
    expect(text).not.toContain('anyOf');
    expect(text).not.toContain('pattern');
    const item = (compiled as { properties: { items: { items: { properties: object } } } })
      .properties.items.items.properties as Record<string, { type?: unknown; format?: string }>;
    expect(item.statusId?.type).toEqual(['string', 'null']);
    expect(item.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(item.deletedAt).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
  });

  it('keeps properties whose names are keywords, and anyOf of two different objects', () => {
    const s = z.object({
      pattern: z.string(),
      format: z.number().nullable(),
      either: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]),
    });
    const compiled = forSerializing(z.toJSONSchema(s, { target: 'draft-7', io: 'output' })) as {
      properties: Record<string, { anyOf?: unknown[] }>;
    };
    expect(Object.keys(compiled.properties)).toEqual(['pattern', 'format', 'either']);
    expect(compiled.properties.either?.anyOf).toHaveLength(2);
    const value = { pattern: 'p', format: null, either: { b: 2 } };
    expect(bothWays(s, value).fast).toEqual(value);
  });
});
