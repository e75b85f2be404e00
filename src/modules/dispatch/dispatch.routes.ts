import { createRoute, z } from '@hono/zod-openapi';
import type { DispatchOutlets } from './dispatch-outlets.ts';
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
  arrivalSchema,
  deliverySchema,
  fictionSchema,
  outgoingSchema,
  registerOutgoingSchema,
} from './dispatch.schemas.ts';
import {
  applyDeliveryFiction,
  listOutgoing,
  listPostalQueue,
  markSent,
  recordArrival,
  recordDelivery,
  registerOutgoing,
  showOutgoing,
} from './dispatch.usecases.ts';

const tags = ['dispatch'];
const outgoingResponse = { 200: jsonResponse(outgoingSchema, 'Przesyłka'), ...standardErrors };

const registerRoute = createRoute({
  method: 'post',
  path: '/outgoing',
  tags,
  security,
  summary: 'Rejestracja przesyłki wychodzącej (RKW)',
  request: jsonBody(registerOutgoingSchema),
  responses: {
    201: jsonResponse(z.object({ id: z.uuid(), rkwNumber: z.string() }), 'Zarejestrowano'),
    ...standardErrors,
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/outgoing',
  tags,
  security,
  summary: 'Rejestr przesyłek wychodzących (RKW) z roku; kancelaria: cały urząd',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2200),
      status: z.enum(['registered', 'sent', 'delivered', 'returned']).optional(),
      caseId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.array(outgoingSchema), 'Przesyłki'), ...standardErrors },
});
const showRoute = createRoute({
  method: 'get',
  path: '/outgoing/{id}',
  tags,
  security,
  summary: 'Przesyłka wychodząca',
  request: { params: idParam },
  responses: outgoingResponse,
});
const sentRoute = createRoute({
  method: 'post',
  path: '/outgoing/{id}/sent',
  tags,
  security,
  summary: 'Nadanie przesyłki',
  request: { params: idParam },
  responses: outgoingResponse,
});
const deliveryRoute = createRoute({
  method: 'post',
  path: '/outgoing/{id}/delivery',
  tags,
  security,
  summary:
    'Potwierdzenie doręczenia: zwrotne potwierdzenie odbioru, UPD (ePUAP, data odbioru), dowód otrzymania z odebraniem (e-Doręczenia), odbiór osobisty',
  request: { params: idParam, ...jsonBody(deliverySchema) },
  responses: outgoingResponse,
});
const arrivalRoute = createRoute({
  method: 'post',
  path: '/outgoing/{id}/arrival',
  tags,
  security,
  summary:
    'e-Doręczenia: dzień wpłynięcia do skrzynki adresata z dowodu otrzymania; do podmiotu publicznego = doręczenie (art. 42 ust. 1 pkt 2 u.d.e.), do pozostałych początek 14 dni (art. 42 ust. 2)',
  request: { params: idParam, ...jsonBody(arrivalSchema) },
  responses: outgoingResponse,
});
const fictionRoute = createRoute({
  method: 'post',
  path: '/outgoing/{id}/delivery-fiction',
  tags,
  security,
  summary:
    'Fikcja doręczenia: e-Doręczenia – dzień po upływie 14 dni od wpłynięcia wg dowodu otrzymania (art. 42 ust. 2 u.d.e.); poczta – z upływem 14 dni od pierwszego awizo (art. 44 KPA, podaj firstNoticeOn). Portal i ePUAP nie mają fikcji.',
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: fictionSchema } }, required: false },
  },
  responses: outgoingResponse,
});
const postalListRoute = createRoute({
  method: 'get',
  path: '/outgoing/postal-list',
  tags,
  security,
  summary: 'Lista przesyłek do nadania w placówce pocztowej (kancelaria)',
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          id: z.uuid(),
          rkwNumber: z.string(),
          addresseeName: z.string(),
          address: z.unknown(),
          method: z.string(),
          postalClass: z.string().nullable(),
          costGrosz: z.number().nullable(),
        }),
      ),
      'Lista',
    ),
    ...standardErrors,
  },
});

/** `outlets`: the delivery modules plugged in by the composition root (dispatch-outlets.ts). */
export function registerDispatchRoutes(app: App, deps: AppDeps, outlets: DispatchOutlets = {}) {
  app.openapi(postalListRoute, async (c) => c.json(await listPostalQueue(actorDeps(deps, c)), 200));
  app.openapi(registerRoute, async (c) =>
    c.json(await registerOutgoing({ ...actorDeps(deps, c), outlets }, c.req.valid('json')), 201),
  );
  app.openapi(listRoute, async (c) =>
    c.json(await listOutgoing(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  app.openapi(showRoute, async (c) =>
    c.json(await showOutgoing(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(sentRoute, async (c) =>
    c.json(await markSent(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(deliveryRoute, async (c) =>
    c.json(
      await recordDelivery(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(arrivalRoute, async (c) =>
    c.json(
      await recordArrival(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(fictionRoute, async (c) =>
    c.json(
      await applyDeliveryFiction(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        (c.req.valid('json') as z.infer<typeof fictionSchema> | undefined) ?? {},
      ),
      200,
    ),
  );
}
