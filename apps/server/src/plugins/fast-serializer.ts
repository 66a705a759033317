import type { FastifySchema, FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

const isSchema = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What only validation reads; a serializer that writes what it is given needs none of it. */
const VALIDATION_ONLY = new Set([
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'propertyNames',
  '$schema',
]);
/** Formats fast-json-stringify writes differently (a Date as ISO text); others are plain strings. */
const WRITTEN_FORMATS = new Set(['date-time', 'date', 'time']);

/**
 * Alternatives that differ only in their JSON type (`x.nullable()` is `anyOf: [x, null]`, a
 * custom value is text, a number or null) as one `type: [...]`: fast-json-stringify then picks
 * the branch by `typeof`, instead of running a schema validator on every nullable value of every
 * row to choose one (a regex per nullable id).
 */
function typeUnion(options: JsonSchema[]): JsonSchema | null {
  const types: string[] = [];
  let structural = 0;
  for (const option of options) {
    if (typeof option.type !== 'string' || types.includes(option.type)) return null;
    if (option.anyOf || option.oneOf || option.allOf || option.$ref || 'const' in option) {
      return null;
    }
    if (option.type === 'object' || option.type === 'array') structural++;
    types.push(option.type);
  }
  // Two objects (or arrays) could need different shapes: those keep their anyOf.
  if (structural > 1) return null;
  return { ...Object.assign({}, ...options), type: types };
}

/** The schema fast-json-stringify compiles: the document's, without what only validates. */
export function forSerializing(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializing);
  if (!isSchema(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION_ONLY.has(key)) continue;
    if (key === 'format' && !WRITTEN_FORMATS.has(String(value))) continue;
    // A property named like a keyword is data, not a keyword: keep every name.
    if ((key === 'properties' || key === 'definitions' || key === '$defs') && isSchema(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, forSerializing(sub)]),
      );
      continue;
    }
    out[key] = forSerializing(value);
  }
  if (Array.isArray(out.anyOf) && out.anyOf.every(isSchema)) {
    const union = typeUnion(out.anyOf);
    if (union) {
      const { anyOf: _anyOf, ...rest } = out;
      return { ...rest, ...union };
    }
  }
  return out;
}

/**
 * A route's serializer for its hottest answer: the 200 body is written by fast-json-stringify,
 * compiled once from the same zod schema that documents it, instead of being checked against
 * the schema and then JSON.stringify'd on every request (the app-wide zod serializer, which
 * other statuses keep). For routes whose body the server builds itself, typed by that schema.
 */
export function fastOkSerializer(ok: z.ZodType): FastifySerializerCompiler<FastifySchema> {
  const stringify = okWriter(ok);
  return (route) =>
    route.httpStatus === '200'
      ? (data) => stringify(data)
      : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
}

/** The writer `fastOkSerializer` compiles, for a route that writes its answer itself. */
export function okWriter<T extends z.ZodType>(ok: T): (data: z.output<T>) => string {
  return fastJson(
    forSerializing(z.toJSONSchema(ok, { target: 'draft-7', io: 'output' })) as object,
  );
}
