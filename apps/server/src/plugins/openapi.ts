import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { errorSchema } from '@spotter/contracts';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { operationIdFor, tagFor } from './openapi-names.ts';
import { publicRoutes } from './public-routes.ts';

/** Every route answers errors in the same shape; spread this into `response`. */
export const errorResponses = { '4XX': errorSchema } as const;

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spotter API',
        description:
          'The CRM for clubs. Staff use a session cookie (POST /api/auth/login); ' +
          'integrations send `Authorization: Bearer <API token>`.',
        version: '0.1.0',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      // Relative: the API answers on the same origin as the document.
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'spotter_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const schema = out.schema as Record<string, unknown>;
      const methods = [args.route.method].flat();
      schema.operationId ??= operationIdFor(methods.join(''), args.url);
      schema.tags ??= [tagFor(args.url)];
      // What an API token needs here (decision 0028); the scope test walks these.
      const config = args.route.config as { permission?: string; public?: boolean } | undefined;
      if (config?.permission) schema['x-permission'] = config.permission;
      // Reachable without a session or token.
      else if (config?.public) schema.security ??= [];
      return out;
    },
  });
  await app.register(publicRoutes(swaggerUi), { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
