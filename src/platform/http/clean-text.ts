import type { MiddlewareHandler } from 'hono';
import { commonErrors } from '../errors.ts';

/**
 * Text PostgreSQL cannot store or a client cannot read back: NUL (U+0000), which `text` refuses,
 * and an unpaired UTF-16 surrogate (`"\ud800"` in JSON), which is no character at all. Both are
 * refused at the door with `request.invalid_text` and the field's path, never half-stored.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNCLEAN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isCleanText = (text: string) => !UNCLEAN.test(text);

/** The path of the first unclean string (or object key) in a parsed JSON value. */
export function findUncleanText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isCleanText(value) ? undefined : path || '(body)';
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUncleanText(item, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isCleanText(key)) return at;
      const found = findUncleanText(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

export function assertCleanText(value: unknown, path?: string) {
  const found = findUncleanText(value, path);
  if (found) throw commonErrors.invalidText({ path: found });
}

/**
 * Checks the query and a JSON body of every request before its route reads them (the body is
 * parsed once: Hono keeps it for the route's validator). Multipart fields and file names are
 * checked where they are read (`readUploads`, `readUpload`, `readForm`).
 */
export function cleanTextGuard(): MiddlewareHandler {
  return async (c, next) => {
    assertCleanText(c.req.queries(), 'query');
    if (c.req.header('content-type')?.startsWith('application/json')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return next(); // malformed JSON: the route's validator answers request.invalid
      }
      assertCleanText(body);
    }
    return next();
  };
}

/** The same for a parsed multipart form: its text fields and the names of its files. */
export function assertCleanForm(form: Record<string, unknown>) {
  for (const [field, value] of Object.entries(form)) {
    for (const entry of Array.isArray(value) ? value : [value]) {
      assertCleanText(entry instanceof File ? entry.name : entry, field);
    }
  }
}
