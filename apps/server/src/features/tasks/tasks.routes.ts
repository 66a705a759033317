import {
  controlQuerySchema,
  controlSchema,
  idParamsSchema,
  taskCreateSchema,
  taskListQuerySchema,
  taskListSchema,
  taskMoveSchema,
  taskResultBodySchema,
  taskResultResponseSchema,
  taskSchema,
  taskTakeBodySchema,
  taskUpdateSchema,
} from '@spotter/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { controlView } from './control.service.ts';
import type { TaskCtx } from './task-context.ts';
import { createTask } from './task-create.service.ts';
import { enterResult } from './task-result.service.ts';
import { updateTask } from './task-update.service.ts';
import * as service from './tasks.service.ts';

const tags = ['tasks'];

/** The actor and the app's clock (tests pin it), read once per request. */
const ctxOf = (app: FastifyInstance, req: FastifyRequest): TaskCtx => ({
  db: app.db,
  actor: actorOf(req),
  now: app.now(),
});

/** T-1 … T-9: tasks, call rounds, results and workflows, take into work, moves, control. */
export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary:
          'List tasks: state (open, overdue, today, due = overdue or today, done, all), filters, a round’s calls (parentId, or none), search, paging',
        querystring: taskListQuerySchema,
        response: { 200: taskListSchema, ...errorResponses },
      },
    },
    (req) => service.listTasks(ctxOf(app, req), req.query),
  );

  app.post(
    '/api/tasks',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Create a task; a call round takes personIds or a persons filter',
        description:
          'A `round` creates one personal call per person (at most 5000) in one transaction.',
        body: taskCreateSchema,
        response: { 201: taskSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createTask(ctxOf(app, req), req.body)),
  );

  app.get(
    '/api/tasks/control',
    {
      config: { permission: 'tasks.control' },
      schema: {
        tags,
        summary: 'Per staff member: open, overdue, done today and this week (tasks.control)',
        querystring: controlQuerySchema,
        response: { 200: controlSchema, ...errorResponses },
      },
    },
    (req) => controlView(ctxOf(app, req), req.query),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'One task, with its round progress and next step',
        params: idParamsSchema,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    (req) => service.getTask(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Edit a task (409 on a stale version unless force); reopen a completed one',
        params: idParamsSchema,
        body: taskUpdateSchema,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    (req) => updateTask(ctxOf(app, req), req.params.id, req.body),
  );

  app.delete(
    '/api/tasks/:id',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Delete a task (a call round with its calls)',
        params: idParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.deleteTask(ctxOf(app, req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/take',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Take a task into work (or release it); an unsorted task gets the first status',
        description:
          'A task another staff member has taken answers 409 `task_taken` with `params.userId` ' +
          'and `params.name`; `takeOver: true` takes it from them. Of several staff taking a ' +
          'task at once, exactly one succeeds.',
        params: idParamsSchema,
        body: taskTakeBodySchema,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    (req) => service.takeTask(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/api/tasks/:id/move',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Move a card to a board column: its first day, keeping the time of day',
        description: '422 `not_droppable` when the column takes no cards now.',
        params: idParamsSchema,
        body: taskMoveSchema,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    (req) => service.moveTask(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/api/tasks/:id/result',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: "Enter a task's result: completes it, writes history, creates the next step",
        params: idParamsSchema,
        body: taskResultBodySchema,
        response: { 200: taskResultResponseSchema, ...errorResponses },
      },
    },
    (req) => enterResult(ctxOf(app, req), req.params.id, req.body),
  );
};
