import type { MiddlewareHandler } from 'hono';

/**
 * The staff application's policy: its own scripts and styles only (no inline script, no eval),
 * previews of files from object URLs, never framed by another site. The API's JSON answers carry
 * it too; a page that needs another policy (the portal, the demo identity provider) sets its own.
 */
export const STAFF_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response that did not set its own; HSTS only when reached over TLS. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const setDefault = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    setDefault('Content-Security-Policy', STAFF_CSP);
    setDefault('X-Content-Type-Options', 'nosniff');
    setDefault('X-Frame-Options', 'DENY');
    setDefault('Referrer-Policy', 'same-origin');
    // Behind a TLS-terminating proxy the scheme is the proxy's; plain HTTP on 127.0.0.1 gets none.
    const scheme = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.slice(0, -1);
    if (scheme === 'https') setDefault('Strict-Transport-Security', 'max-age=31536000');
  };
}

/**
 * Types a browser shows without running anything of the file's own: PDF, raster images, plain
 * text. Everything else an office receives (HTML, SVG, XML, office documents) is a download.
 */
const INLINE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'text/plain',
]);

/**
 * Headers of a stored file sent to a client: the type it was stored with, never sniffed; shown
 * inline only when that type cannot carry script.
 */
export function fileHeaders(file: { contentType: string; fileName: string; sha256?: string }) {
  const type = file.contentType.split(';')[0]!.trim().toLowerCase();
  const disposition = INLINE_TYPES.has(type) ? 'inline' : 'attachment';
  return {
    'content-type': file.contentType,
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    // A PDF viewer does not run in a sandboxed document; every other type gets no privileges.
    ...(type === 'application/pdf'
      ? {}
      : { 'content-security-policy': "sandbox; default-src 'none'" }),
    'x-content-type-options': 'nosniff',
    ...(file.sha256 ? { 'x-content-sha256': file.sha256 } : {}),
  };
}
