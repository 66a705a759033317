import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { backupStatusSchema, errorSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './backup.service.ts';

const tags = ['backup'];

/** Settings → Backup: owners and admins of a club on the embedded database download it. */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/backup/status',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Whether a backup can be downloaded here, and if not, why',
        response: { 200: backupStatusSchema, ...errorResponses },
      },
    },
    (req) => service.backupStatus(app.db, actorOf(req), app.embeddedDb),
  );
  app.get(
    '/api/backup',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary:
          'Download the embedded database as a gzipped tarball, consistent at one moment ' +
          '(restore it with `npm run restore -- <file>`). On PostgreSQL: 501, use pg_dump.',
        response: {
          200: {
            description: 'The data folder as a .tar.gz file',
            content: { 'application/gzip': { schema: z.string() } },
          },
          501: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { file, fileName } = await service.takeBackup(
        app.db,
        actorOf(req),
        app.embeddedDb,
        app.now(),
      );
      const body = Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>);
      return (
        reply
          .type('application/gzip')
          .header('content-length', file.size)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          // The stream goes out as is; the string schema only documents the file.
          .send(body as unknown as string)
      );
    },
  );
};
