import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { cleanTextGuard } from './platform/http/clean-text.ts';
import { pendingMigrations } from './platform/db/migrate.ts';
import { httpMetrics } from './platform/metrics/metrics.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { bodyLimit } from 'hono/body-limit';
import { actorActions } from './actor-actions.ts';
import { registerArchiveRoutes } from './modules/archive/archive.routes.ts';
import { registerAssignmentRoutes } from './modules/assignments/assignments.routes.ts';
import { registerApiTokenRoutes, registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { authenticate } from './modules/auth/auth.usecases.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerCaseClosingRoutes } from './modules/case-closing/case-closing.routes.ts';
import { registerDispatchRoutes } from './modules/dispatch/dispatch.routes.ts';
import { registerApprovalRoutes } from './modules/approvals/approvals.routes.ts';
import { registerDocumentRoutes } from './modules/documents/documents.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerCaseDeadlineRoutes } from './modules/case-deadlines/case-deadlines.routes.ts';
import { PUBLIC_DEADLINE_PATHS } from './modules/deadlines/deadlines.policy.ts';
import { registerDeadlineRoutes } from './modules/deadlines/deadlines.routes.ts';
import { registerIncomingRoutes } from './modules/incoming/incoming.routes.ts';
import { registerJrwaRoutes } from './modules/jrwa/jrwa.routes.ts';
import { registerOcrRoutes } from './modules/ocr/ocr.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { portalDispatchOutlet } from './modules/portal/portal-letters.ts';
import { createPortalPages } from './modules/portal/portal-pages.routes.ts';
import { PUBLIC_PORTAL_PATHS } from './modules/portal/portal.policy.ts';
import { registerPortalRoutes } from './modules/portal/portal.routes.ts';
import { defaultPortalOptions, type PortalOptions } from './modules/portal/portal-setup.ts';
import { registerSearchRoutes } from './modules/search/search.routes.ts';
import { channelDispatchOutlet } from './modules/channels/channels-outlet.ts';
import { registerChannelRoutes } from './modules/channels/channels.routes.ts';
import { registerSignatureRoutes } from './modules/signatures/signatures.routes.ts';
import { registerTemplateRoutes } from './modules/templates/templates.routes.ts';
import { commonErrors } from './platform/errors.ts';
import { errorBody, handleError, validationError } from './platform/http/error-handler.ts';
import type { AppDeps, AppEnv } from './platform/http/http-types.ts';
import { idempotency } from './platform/http/idempotency.ts';

export const API_PREFIX = '/api/v1';
const PUBLIC_PATHS = new Set([
  `${API_PREFIX}/auth/login`,
  `${API_PREFIX}/openapi.json`,
  `${API_PREFIX}/health`,
  `${API_PREFIX}/health/ready`,
  ...PUBLIC_DEADLINE_PATHS.map((path) => `${API_PREFIX}${path}`),
  ...PUBLIC_PORTAL_PATHS.map((path) => `${API_PREFIX}${path}`),
]);
/** The citizens' portal has its own sign-in and cookie session; the staff token never applies. */
const isPortalPath = (path: string) => path === '/portal' || path.startsWith('/portal/');

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Obieg API',
    version: '1.0.0',
    description:
      'Elektroniczny obieg dokumentów dla urzędów: RPW, dekretacja, sprawy, metryka. Błędy: `{ "error": { "code", "message", "messagePl" } }`.',
  },
};

/** The HTTP application: thin routes over the use cases, one error handler, one auth gate. */
export function createApp(
  deps: AppDeps,
  options: { maxBodyBytes: number; portal?: PortalOptions | undefined },
) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  api.onError(handleError(deps.logger));
  api.use('*', httpMetrics());
  api.use('*', securityHeaders());
  api.notFound((c) => c.json(errorBody(commonErrors.notFound()), 404));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });

  // Before the staff web app, the body limit and the auth gate: /portal answers for itself.
  const portal = options.portal ?? defaultPortalOptions();
  api.route('/portal', createPortalPages(deps, portal));
  serveWebApp(api);
  api.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw commonErrors.payloadTooLarge();
      },
    }),
  );
  api.use('*', async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path) || isPortalPath(c.req.path)) return next();
    const header = c.req.header('Authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    c.set('actor', await authenticate(deps, token));
    c.set('token', token ?? '');
    return next();
  });
  api.use('*', cleanTextGuard());
  api.use('*', idempotency(deps));

  const v1 = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  registerAuthRoutes(v1, deps, { actorActions });
  registerOrgRoutes(v1, deps, (app) => registerApiTokenRoutes(app, deps));
  registerJrwaRoutes(v1, deps);
  registerIncomingRoutes(v1, deps);
  registerAssignmentRoutes(v1, deps);
  registerCaseRoutes(v1, deps);
  registerDeadlineRoutes(v1);
  registerCaseDeadlineRoutes(v1, deps);
  registerDocumentRoutes(v1, deps);
  registerSignatureRoutes(v1, deps);
  registerApprovalRoutes(v1, deps);
  registerDispatchRoutes(v1, deps, {
    portal: portalDispatchOutlet,
    epuap: channelDispatchOutlet('epuap'),
    edoreczenia: channelDispatchOutlet('edoreczenia'),
  });
  registerCaseClosingRoutes(v1, deps);
  registerArchiveRoutes(v1, deps);
  registerNotificationRoutes(v1, deps);
  registerTemplateRoutes(v1, deps);
  registerSearchRoutes(v1, deps);
  registerOcrRoutes(v1, deps);
  registerPortalRoutes(v1, deps, portal);
  registerChannelRoutes(v1, deps);
  v1.get('/health', async (c) => c.json({ status: 'ok' }));
  // Readiness for a load balancer: the database answers and carries this version's schema.
  v1.get('/health/ready', async (c) => {
    try {
      const pending = await pendingMigrations(deps.db);
      if (pending.length > 0)
        return c.json({ status: 'not_ready', pendingMigrations: pending }, 503);
      return c.json({ status: 'ready' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness: database unavailable');
      return c.json({ status: 'not_ready', reason: 'database unavailable' }, 503);
    }
  });
  api.route(API_PREFIX, v1);
  api.doc31(`${API_PREFIX}/openapi.json`, openApiInfo);
  return api;
}

/** The built staff web application (`npm run web:build` → web/dist), when it has been built. */
const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * Serves the web UI on the API's port: its files, and index.html for any other GET outside
 * /api (client-side routes such as /cases/…). Hashed assets are cached for good.
 */
function serveWebApp(app: OpenAPIHono<AppEnv>) {
  const indexFile = path.join(WEB_DIST, 'index.html');
  if (!existsSync(indexFile)) return;
  const noCache = (_path: string, c: { header: (name: string, value: string) => void }) =>
    c.header('Cache-Control', 'no-cache');
  const files = serveStatic({
    root: WEB_DIST,
    onFound: (found, c) =>
      c.header(
        'Cache-Control',
        found.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      ),
  });
  const index = serveStatic({ path: indexFile, onFound: noCache });
  const none = async () => {};
  app.use('*', async (c, next) => {
    const isApi = c.req.path === API_PREFIX || c.req.path.startsWith(`${API_PREFIX}/`);
    if (isApi || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    const file = await files(c, none);
    if (file) return file;
    if (c.req.path.startsWith('/assets/')) return c.notFound();
    return (await index(c, none)) ?? next();
  });
}

/** The OpenAPI document, as served and as committed in docs/openapi.json. */
export function buildOpenApiDocument(app: ReturnType<typeof createApp>) {
  return app.getOpenAPI31Document(openApiInfo);
}
