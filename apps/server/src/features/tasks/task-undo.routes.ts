import {
  idParamsSchema,
  taskSchema,
  taskUndoResultBodySchema,
  taskUndoResultResponseSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { restoreTask, undoResult } from './task-undo.service.ts';

const tags = ['tasks'];
const noBody = z.strictObject({}).nullish();

/** "Undo" in the toasts (issue 10): a deleted task back, a result just entered taken back. */
export const taskUndoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/tasks/:id/restore',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Undo a deletion: the task (a call round with its calls) back as it was',
        description:
          'For the staff member who deleted it, within a day. 404 when there is nothing of ' +
          "theirs to restore; 409 `cannot_restore` when the task's round or person is gone.",
        params: idParamsSchema,
        body: noBody,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    (req) => restoreTask({ db: app.db, actor: actorOf(req), now: app.now() }, req.params.id),
  );

  app.post(
    '/api/tasks/:id/undo-result',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Undo a result just entered: the task open again, its next step removed',
        description:
          'Only who entered the result (422 `not_yours`), at the version the result answered ' +
          '(409 `version_conflict`). A next step someone has worked on since is kept and ' +
          'returned as `keptNext`.',
        params: idParamsSchema,
        body: taskUndoResultBodySchema,
        response: { 200: taskUndoResultResponseSchema, ...errorResponses },
      },
    },
    (req) =>
      undoResult({ db: app.db, actor: actorOf(req), now: app.now() }, req.params.id, req.body),
  );
};
