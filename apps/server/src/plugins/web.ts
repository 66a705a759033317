import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { ApiError } from '@spotter/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app from the same port as the API. Paths outside /api that match no
 * file get index.html, so the browser's router can take them.
 *
 * Everything lives in one encapsulated scope: @fastify/static decorates that scope's reply
 * with sendFile, which the not-found handler below needs, and the scope's onRoute hook marks
 * only these routes public.
 */
export async function registerWeb(app: FastifyInstance, webDist: string | undefined) {
  const index = webDist ? path.join(webDist, 'index.html') : undefined;
  const hasWeb = index !== undefined && existsSync(index);
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    if (hasWeb) {
      await scope.register(fastifyStatic, {
        root: webDist!,
        wildcard: false,
        index: false,
        // The build writes `.br` and `.gz` beside every text file (scripts/precompress.ts).
        preCompressed: true,
        maxAge: '1h',
        setHeaders(res, filePath) {
          // Hashed bundles never change; index.html must always be fresh.
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            void res.header('cache-control', 'public, max-age=31536000, immutable');
          }
        },
      });
    }
    scope.setNotFoundHandler((req, reply) => {
      const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && req.url !== '/api';
      if (hasWeb && isPage) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      const route = req.url.split('?')[0];
      const body: ApiError = { code: 'not_found', message: `No route ${req.method} ${route}` };
      return reply.code(404).send(body);
    });
  });
}
