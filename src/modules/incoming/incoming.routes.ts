import { createRoute, z } from '@hono/zod-openapi';
import { fileHeaders } from '../../platform/http/security-headers.ts';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  readUpload,
  readUploads,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  incomingItemSchema,
  MAX_BATCH,
  registerIncomingBatchSchema,
  registerIncomingSchema,
  type RegisterIncomingInput,
} from './incoming.schemas.ts';
import {
  attachIncomingFile,
  getIncoming,
  readIncomingFile,
  listIncoming,
  registerIncoming,
  registerIncomingBatch,
  registerIncomingWithFiles,
  MAX_FILES_AT_REGISTRATION,
} from './incoming.usecases.ts';
import { incomingErrors } from './incoming.errors.ts';

const tags = ['incoming'];

const registeredSchema = z.object({
  id: z.uuid(),
  rpwNumber: z.string(),
  accessCode: z.string().nullable(),
});

const attachedFileSchema = z.object({
  fileId: z.uuid(),
  sha256: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});

const registerRoute = createRoute({
  method: 'post',
  path: '/incoming',
  tags,
  security,
  summary: 'Rejestracja przesyłki wpływającej w RPW (z plikami lub bez)',
  description:
    'JSON: same metadane. multipart/form-data: metadane jako JSON w polu `letter` i do ' +
    `${MAX_FILES_AT_REGISTRATION} plików w polach \`file\` (skan, załączniki), zarejestrowane ` +
    'razem w jednej transakcji.',
  request: {
    body: {
      content: {
        'application/json': { schema: registerIncomingSchema },
        'multipart/form-data': {
          schema: z.object({
            letter: z.string().openapi({ description: 'metadane przesyłki (JSON)' }),
            file: z.any().openapi({ type: 'string', format: 'binary' }).optional(),
          }),
        },
      },
      // Not `required`: each body is then validated only when it is the one sent (the use case
      // parses the letter again, so a body of neither type is refused as invalid too).
      required: false,
    },
  },
  responses: {
    201: jsonResponse(
      registeredSchema.extend({ files: z.array(attachedFileSchema).optional() }),
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
    201: jsonResponse(attachedFileSchema, 'Dołączono'),
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
    return c.body(new Uint8Array(file.content), 200, fileHeaders(file));
  });
  app.openapi(registerRoute, async (c) => {
    if (!c.req.header('content-type')?.startsWith('multipart/form-data')) {
      // Validated against the JSON schema (the route's other body, the form, is read below).
      const letter = c.req.valid('json') as RegisterIncomingInput;
      return c.json(await registerIncoming(actorDeps(deps, c), letter), 201);
    }
    const { files, text } = await readUploads(c, 'skan');
    const letter = parseJson(text('letter'));
    if (letter === undefined) throw incomingErrors.letterFieldMissing();
    const deps_ = { ...actorDeps(deps, c), files: deps.files };
    return c.json(await registerIncomingWithFiles(deps_, letter, files), 201);
  });
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

function parseJson(text: string | undefined): RegisterIncomingInput | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as RegisterIncomingInput;
  } catch {
    return undefined;
  }
}
