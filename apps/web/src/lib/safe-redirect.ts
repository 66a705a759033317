/**
 * Where to go after logging in, from the `redirect` search parameter. Only a path of this
 * app: anything that a browser could read as another host ("//x", "/\x", "https://x") or
 * that carries control characters falls back to the home page.
 */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/')) return '/';
  if (target.startsWith('//') || target.includes('\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(target)) return '/';
  return target;
}
