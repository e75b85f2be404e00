import type { Context } from 'hono';
import type { Download } from './matters.usecases.ts';

/** HTTP details shared by the portal's pages and API: cookie, headers, downloads, client. */
export const COOKIE = 'obieg_portal';
export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Only paths of the portal itself: never an open redirect. */
export function safeReturnPath(path: string | undefined): string {
  return path && /^\/portal(\/[\w\-./?=&%]*)?$/.test(path) && !path.includes('//')
    ? path
    : '/portal/sprawy';
}

export function sendFile(c: Context, file: Download) {
  return c.body(new Uint8Array(file.content), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'cache-control': 'no-store',
  });
}
