import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../platform/errors.ts';
import { assertCleanForm } from '../../platform/http/clean-text.ts';
import { fileHeaders } from '../../platform/http/security-headers.ts';
import type { App, AppDeps, AppEnv } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { listIncomingSignatureReports } from './incoming-signatures.usecases.ts';
import {
  addSigningCredential,
  addTrustAnchor,
  listSigningCredentials,
  listTrustAnchors,
} from './signing-credentials.usecases.ts';
import {
  credentialKinds,
  credentialSchema,
  documentSignatureSchema,
  documentToSignSchema,
  incomingFileSignaturesSchema,
  signDocumentSchema,
  signResultSchema,
  trustAnchorSchema,
  validationReportSchema,
} from './signatures.schemas.ts';
import {
  listDocumentSignatures,
  listDocumentsToSign,
  readSignatureFile,
  signDocument,
  verifyUploadedSignature,
} from './signatures.usecases.ts';

const tags = ['signatures'];
const fileField = z.any().openapi({ type: 'string', format: 'binary' });
const multipart = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'multipart/form-data': { schema } } },
});

const addCredentialRoute = createRoute({
  method: 'post',
  path: '/signing-credentials',
  tags,
  security,
  summary: 'Certyfikat do podpisu (PKCS#12): własny lub pieczęć urzędu (administrator)',
  request: multipart(
    z.object({
      file: fileField,
      password: z.string(),
      kind: z.enum(credentialKinds),
      label: z.string().optional(),
    }),
  ),
  responses: { 201: jsonResponse(credentialSchema, 'Zarejestrowano'), ...standardErrors },
});
const listCredentialsRoute = createRoute({
  method: 'get',
  path: '/signing-credentials',
  tags,
  security,
  summary: 'Moje certyfikaty i pieczęcie urzędu',
  responses: { 200: jsonResponse(z.array(credentialSchema), 'Certyfikaty'), ...standardErrors },
});
const addAnchorRoute = createRoute({
  method: 'post',
  path: '/signature-trust-anchors',
  tags,
  security,
  summary: 'Zaufany certyfikat urzędu certyfikacji, DER lub PEM (administrator)',
  request: multipart(z.object({ file: fileField })),
  responses: { 201: jsonResponse(trustAnchorSchema, 'Dodano'), ...standardErrors },
});
const listAnchorsRoute = createRoute({
  method: 'get',
  path: '/signature-trust-anchors',
  tags,
  security,
  summary: 'Zaufane urzędy certyfikacji',
  responses: { 200: jsonResponse(z.array(trustAnchorSchema), 'Certyfikaty CA'), ...standardErrors },
});
const signRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/sign',
  tags,
  security,
  summary:
    'Podpis zaakceptowanej wersji: XAdES-BES albo PAdES dla PDF (podpis osobisty lub pieczęć urzędu)',
  request: { params: idParam, ...jsonBody(signDocumentSchema) },
  responses: { 201: jsonResponse(signResultSchema, 'Podpisano'), ...standardErrors },
});
const toSignRoute = createRoute({
  method: 'get',
  path: '/signatures/mine',
  tags,
  security,
  summary:
    'Zaakceptowane dokumenty czekające na mój podpis (moje sprawy lub moja końcowa akceptacja)',
  responses: {
    200: jsonResponse(z.array(documentToSignSchema), 'Dokumenty do podpisu'),
    ...standardErrors,
  },
});
const listSignaturesRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/signatures',
  tags,
  security,
  summary: 'Podpisy dokumentu z raportem weryfikacji',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.array(documentSignatureSchema), 'Podpisy'),
    ...standardErrors,
  },
});
const signatureFileRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/signatures/{signatureId}/content',
  tags,
  security,
  summary: 'Plik podpisu (.xades albo podpisany PDF)',
  request: {
    params: idParam.extend({
      signatureId: z.uuid().openapi({ param: { name: 'signatureId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'XAdES albo PAdES',
      content: {
        'application/xml': { schema: fileField },
        'application/pdf': { schema: fileField },
      },
    },
    ...standardErrors,
  },
});
const verifyRoute = createRoute({
  method: 'post',
  path: '/signatures/verify',
  tags,
  security,
  summary:
    'Weryfikacja podpisu: dokument ePUAP z podpisem w środku, podpisany PDF (PAdES) albo .xades z podpisanym plikiem',
  request: multipart(z.object({ signature: fileField, content: fileField.optional() })),
  responses: {
    200: jsonResponse(z.object({ reports: z.array(validationReportSchema) }), 'Raport'),
    ...standardErrors,
  },
});

const incomingReportsRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}/signature-reports',
  tags: ['incoming', ...tags],
  security,
  summary: 'Weryfikacja podpisów w załącznikach przesyłki wpływającej (ePUAP, XAdES, PAdES)',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.array(incomingFileSignaturesSchema), 'Raporty dla każdego pliku'),
    ...standardErrors,
  },
});

async function readForm(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  assertCleanForm(form);
  const file = async (name: string) => {
    const value = form[name];
    return value instanceof File ? new Uint8Array(await value.arrayBuffer()) : undefined;
  };
  const requireFile = async (name: string) => {
    const content = await file(name);
    if (!content) {
      throw new AppError(
        'file.missing',
        400,
        `Send the file in the multipart field "${name}".`,
        `Prześlij plik w polu „${name}” (multipart/form-data).`,
      );
    }
    return content;
  };
  const text = (name: string) => (typeof form[name] === 'string' ? form[name] : undefined);
  return { file, requireFile, text };
}

export function registerSignatureRoutes(app: App, deps: AppDeps) {
  const fileDeps = (c: Context<AppEnv>) => ({ ...actorDeps(deps, c), files: deps.files });

  app.openapi(toSignRoute, async (c) => c.json(await listDocumentsToSign(actorDeps(deps, c)), 200));

  app.openapi(addCredentialRoute, async (c) => {
    const form = await readForm(c);
    const p12 = await form.requireFile('file');
    const input = {
      kind: form.text('kind') as (typeof credentialKinds)[number],
      password: form.text('password') ?? '',
      label: form.text('label'),
    };
    return c.json(await addSigningCredential(actorDeps(deps, c), input, p12), 201);
  });
  app.openapi(listCredentialsRoute, async (c) =>
    c.json(await listSigningCredentials(actorDeps(deps, c)), 200),
  );
  app.openapi(addAnchorRoute, async (c) => {
    const certificate = await (await readForm(c)).requireFile('file');
    return c.json(await addTrustAnchor(actorDeps(deps, c), certificate), 201);
  });
  app.openapi(listAnchorsRoute, async (c) =>
    c.json(await listTrustAnchors(actorDeps(deps, c)), 200),
  );
  app.openapi(signRoute, async (c) => {
    const result = await signDocument(
      { ...fileDeps(c), sealPassword: deps.sealPassword },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(result, 201);
  });
  app.openapi(listSignaturesRoute, async (c) =>
    c.json(await listDocumentSignatures(fileDeps(c), c.req.valid('param').id), 200),
  );
  app.openapi(signatureFileRoute, async (c) => {
    const { id, signatureId } = c.req.valid('param');
    const file = await readSignatureFile(fileDeps(c), id, signatureId);
    return c.body(new Uint8Array(file.content), 200, fileHeaders(file));
  });
  app.openapi(verifyRoute, async (c) => {
    const form = await readForm(c);
    const signature = await form.requireFile('signature');
    const reports = await verifyUploadedSignature(
      actorDeps(deps, c),
      signature,
      await form.file('content'),
    );
    return c.json({ reports }, 200);
  });
  app.openapi(incomingReportsRoute, async (c) =>
    c.json(await listIncomingSignatureReports(fileDeps(c), c.req.valid('param').id), 200),
  );
}
