import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  addMailboxSchema,
  mailboxSchema,
  provenanceSchema,
  queuesSchema,
  retryResultSchema,
} from './channels.schemas.ts';
import {
  addMailbox,
  getProvenance,
  listQueues,
  retryInbound,
  retryOutbound,
} from './channels.usecases.ts';

const tags = ['channels'];

const queuesRoute = createRoute({
  method: 'get',
  path: '/channels/queues',
  tags,
  security,
  summary:
    'Kolejki bramki ePUAP / e-Doręczeń: skrzynki, stany, wycofanie (back-off), lista nieobsłużonych',
  responses: { 200: jsonResponse(queuesSchema, 'Kolejki'), ...standardErrors },
});
const addMailboxRoute = createRoute({
  method: 'post',
  path: '/channels/mailboxes',
  tags,
  security,
  summary: 'Konfiguracja skrzynki urzędu (ePUAP: adres skrytki, e-Doręczenia: ADE) – administrator',
  request: jsonBody(addMailboxSchema),
  responses: { 201: jsonResponse(mailboxSchema, 'Skrzynka'), ...standardErrors },
});
const retryInboundRoute = createRoute({
  method: 'post',
  path: '/channels/inbound/{id}/retry',
  tags,
  security,
  summary: 'Ponowienie obsługi nieobsłużonej wiadomości przychodzącej',
  request: { params: idParam },
  responses: { 200: jsonResponse(retryResultSchema, 'Wróciła do kolejki'), ...standardErrors },
});
const retryOutboundRoute = createRoute({
  method: 'post',
  path: '/channels/outbound/{id}/retry',
  tags,
  security,
  summary: 'Ponowienie wysyłki nieobsłużonej przesyłki (id przesyłki wychodzącej)',
  request: { params: idParam },
  responses: { 200: jsonResponse(retryResultSchema, 'Wróciła do kolejki'), ...standardErrors },
});
const provenanceRoute = createRoute({
  method: 'get',
  path: '/channels/incoming/{id}',
  tags,
  security,
  summary:
    'Pochodzenie przesyłki z kanału: skrzynka, identyfikator, poświadczenie, raporty weryfikacji podpisów',
  request: { params: idParam },
  responses: { 200: jsonResponse(provenanceSchema, 'Pochodzenie'), ...standardErrors },
});

export function registerChannelRoutes(app: App, deps: AppDeps) {
  app.openapi(queuesRoute, async (c) => c.json(await listQueues(actorDeps(deps, c)), 200));
  app.openapi(addMailboxRoute, async (c) =>
    c.json(await addMailbox(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(retryInboundRoute, async (c) =>
    c.json(await retryInbound(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(retryOutboundRoute, async (c) =>
    c.json(await retryOutbound(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(provenanceRoute, async (c) =>
    c.json(await getProvenance(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
}
