import type { FastifySchema, FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * A route's serializer for its hottest answer: the 200 body is written by fast-json-stringify,
 * compiled once from the same zod schema that documents it, instead of being checked against
 * the schema and then JSON.stringify'd on every request (the app-wide zod serializer, which
 * other statuses keep). For routes whose body the server builds itself, typed by that schema.
 */
export function fastOkSerializer(ok: z.ZodType): FastifySerializerCompiler<FastifySchema> {
  const stringify = fastJson(z.toJSONSchema(ok, { target: 'draft-7', io: 'output' }) as object);
  return (route) =>
    route.httpStatus === '200'
      ? (data) => stringify(data)
      : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
}
