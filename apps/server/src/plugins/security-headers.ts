import type { FastifyInstance } from 'fastify';

/**
 * The browser's own defences, on every answer (the web app, its files, the API and its docs):
 * - scripts only from our own files: the built app has no inline script, so an injected
 *   `<script>` or `onclick=` never runs;
 * - styles from our files and inline: Mantine writes its CSS variables into a `<style>` element
 *   and its style props into `style=` attributes, which a nonce cannot cover;
 * - images also from `data:` (the favicon, Mantine's icons) and `blob:`;
 * - no plugins, no `<base>` elsewhere, forms post only to us, no page may frame ours;
 * - HSTS only over HTTPS (behind a proxy, as `TRUST_PROXY` lets us see it): over plain HTTP
 *   browsers ignore it, and a club on a LAN may have no certificate at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful features the CRM never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

const ONE_YEAR = 365 * 24 * 60 * 60;

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (req.protocol === 'https') {
      reply.header('strict-transport-security', `max-age=${ONE_YEAR}; includeSubDomains`);
    }
  });
}
