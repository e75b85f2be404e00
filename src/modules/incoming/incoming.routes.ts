import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  readUpload,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  incomingItemSchema,
  MAX_BATCH,
  registerIncomingBatchSchema,
  registerIncomingSchema,
} from './incoming.schemas.ts';
import {
  attachIncomingFile,
  getIncoming,
  readIncomingFile,
  listIncoming,
  registerIncoming,
  registerIncomingBatch,
} from './incoming.usecases.ts';

const tags = ['incoming'];

const registeredSchema = z.object({
  id: z.uuid(),
  rpwNumber: z.string(),
  accessCode: z.string().nullable(),
});

const registerRoute = createRoute({
  method: 'post',
  path: '/incoming',
  tags,
  security,
  summary: 'Rejestracja przesyłki wpływającej w RPW',
  request: jsonBody(registerIncomingSchema),
  responses: {
    201: jsonResponse(
      registeredSchema,
      'Zarejestrowano (z kodem dostępu do portalu mieszkańca, drukowanym na potwierdzeniu)',
    ),
    ...standardErrors,
  },
});
const registerBatchRoute = createRoute({
  method: 'post',
  path: '/incoming/batch',
  tags,
  security,
  summary: `Rejestracja wielu przesyłek naraz (migracja, korespondencja masowa), do ${MAX_BATCH}`,
  description:
    'Jedna transakcja: kolejne numery RPW w podanej kolejności i zdarzenie w rejestrze dla każdej ' +
    'przesyłki; jedna błędna przesyłka odrzuca całą partię (jej indeks jest w szczegółach błędu).',
  request: jsonBody(z.object({ letters: registerIncomingBatchSchema })),
  responses: {
    201: jsonResponse(z.object({ registered: z.array(registeredSchema) }), 'Zarejestrowano'),
    ...standardErrors,
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/incoming',
  tags,
  security,
  summary: 'Przesyłki wpływające widoczne dla użytkownika',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(1900).max(2200).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      offset: z.coerce.number().int().min(0).optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          id: z.uuid(),
          rpwNumber: z.string(),
          title: z.string(),
          senderName: z.string(),
          receivedAt: z.string(),
          registeredAt: z.string(),
          channel: z.string(),
          caseId: z.uuid().nullable(),
        }),
      ),
      'Przesyłki',
    ),
    ...standardErrors,
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}',
  tags,
  security,
  summary: 'Przesyłka wpływająca z metadanymi i plikami',
  request: { params: idParam },
  responses: { 200: jsonResponse(incomingItemSchema, 'Przesyłka'), ...standardErrors },
});
const attachRoute = createRoute({
  method: 'post',
  path: '/incoming/{id}/attachments',
  tags,
  security,
  summary: 'Dołączenie pliku (skan, załącznik)',
  request: {
    params: idParam,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: jsonResponse(
      z.object({
        fileId: z.uuid(),
        sha256: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
      }),
      'Dołączono',
    ),
    ...standardErrors,
  },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}/files/{fileId}/content',
  tags,
  security,
  summary: 'Pobranie pliku przesyłki (skan, załącznik)',
  request: {
    params: idParam.extend({
      fileId: z.uuid().openapi({ param: { name: 'fileId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'Plik',
      content: {
        'application/octet-stream': {
          schema: z.any().openapi({ type: 'string', format: 'binary' }),
        },
      },
    },
    ...standardErrors,
  },
});

export function registerIncomingRoutes(app: App, deps: AppDeps) {
  app.openapi(fileRoute, async (c) => {
    const { id, fileId } = c.req.valid('param');
    const file = await readIncomingFile({ ...actorDeps(deps, c), files: deps.files }, id, fileId);
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.contentType,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-sha256': file.sha256,
    });
  });
  app.openapi(registerRoute, async (c) =>
    c.json(await registerIncoming(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(registerBatchRoute, async (c) =>
    c.json(
      {
        registered: await registerIncomingBatch(actorDeps(deps, c), c.req.valid('json').letters),
      },
      201,
    ),
  );
  app.openapi(listRoute, async (c) =>
    c.json(await listIncoming(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getIncoming(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(attachRoute, async (c) => {
    const { file } = await readUpload(c, 'plik');
    const result = await attachIncomingFile(
      { ...actorDeps(deps, c), files: deps.files },
      c.req.valid('param').id,
      file,
    );
    return c.json(result, 201);
  });
}
