import type { FastifyPluginAsync, FastifyPluginCallback, FastifyPluginOptions } from 'fastify';

/**
 * Wraps a third-party plugin (docs UI, static files) so every route it registers is marked
 * public in its route config, the same way our own public routes are.
 */
export function publicRoutes<O extends FastifyPluginOptions>(
  plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>,
): FastifyPluginAsync<O> {
  return async (app, opts) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await app.register(plugin as FastifyPluginAsync<O>, opts);
  };
}
