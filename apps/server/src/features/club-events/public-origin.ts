import type { FastifyRequest } from 'fastify';

/**
 * The address Spotter is reached at from outside: `PUBLIC_URL` when set (behind a proxy that
 * rewrites the host or scheme, only it is right), else the request's own (which believes
 * X-Forwarded-* only from the proxies `TRUST_PROXY` names).
 */
export const publicOrigin = (req: FastifyRequest) =>
  req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;
