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
  decideAccess,
  getLoan,
  listLoans,
  readHolding,
  requestAccess,
  returnLoan,
  searchHoldings,
} from './access.usecases.ts';
import {
  answerDisposalItems,
  executeDisposal,
  getDisposalList,
  listDisposalLists,
  prepareDisposalList,
  recordDisposalConsent,
  setLegalHold,
  submitDisposalList,
} from './disposal.usecases.ts';
import {
  acceptTransferSchema,
  commissionAnswersSchema,
  consentSchema,
  disposalListSchema,
  disposalListSummarySchema,
  legalHoldSchema,
  decideAccessSchema,
  holdingSchema,
  holdingsQuerySchema,
  loanSchema,
  prepareTransferSchema,
  requestAccessSchema,
  returnTransferSchema,
  transferSchema,
} from './archive.schemas.ts';
import {
  acceptTransfer,
  getTransfer,
  listTransfers,
  prepareTransfer,
  returnTransfer,
  submitTransfer,
} from './transfers.usecases.ts';

const tags = ['archive'];
const transferStatus = z.enum(['prepared', 'submitted', 'accepted', 'returned']).optional();
const loanStatus = z.enum(['requested', 'approved', 'rejected', 'returned']).optional();

const listTransfersRoute = createRoute({
  method: 'get',
  path: '/archive/transfers',
  tags,
  security,
  summary: 'Spisy zdawczo-odbiorcze (archiwista: wszystkie; kierownik: swojej komórki)',
  request: { query: z.object({ status: transferStatus }) },
  responses: {
    200: jsonResponse(
      z.array(
        transferSchema
          .pick({
            id: true,
            sign: true,
            unitId: true,
            jrwaSymbol: true,
            caseYear: true,
            status: true,
            preparedAt: true,
          })
          .extend({ cases: z.number() }),
      ),
      'Spisy',
    ),
    ...standardErrors,
  },
});
const prepareRoute = createRoute({
  method: 'post',
  path: '/archive/transfers',
  tags,
  security,
  summary: 'Sporządzenie spisu zdawczo-odbiorczego (przekazanie akt do archiwum zakładowego)',
  description:
    'Ujmuje zakończone sprawy komórki z danej klasy JRWA i roku, których okres przechowywania w ' +
    'komórce minął (2 pełne lata od 1 stycznia roku następującego po zakończeniu).',
  request: jsonBody(prepareTransferSchema),
  responses: { 201: jsonResponse(transferSchema, 'Sporządzono'), ...standardErrors },
});
const getTransferRoute = createRoute({
  method: 'get',
  path: '/archive/transfers/{id}',
  tags,
  security,
  summary: 'Spis zdawczo-odbiorczy z pozycjami i wynikiem sprawdzenia',
  request: { params: idParam },
  responses: { 200: jsonResponse(transferSchema, 'Spis'), ...standardErrors },
});
const submitRoute = createRoute({
  method: 'post',
  path: '/archive/transfers/{id}/submit',
  tags,
  security,
  summary: 'Przekazanie spisu do archiwum',
  request: { params: idParam },
  responses: { 200: jsonResponse(transferSchema, 'Przekazano'), ...standardErrors },
});
const acceptRoute = createRoute({
  method: 'post',
  path: '/archive/transfers/{id}/accept',
  tags,
  security,
  summary: 'Przyjęcie akt do archiwum (archiwista), z miejscem przechowywania części papierowej',
  request: { params: idParam, ...jsonBody(acceptTransferSchema) },
  responses: { 200: jsonResponse(transferSchema, 'Przyjęto'), ...standardErrors },
});
const returnRoute = createRoute({
  method: 'post',
  path: '/archive/transfers/{id}/return',
  tags,
  security,
  summary: 'Zwrot spisu komórce z uwagami (archiwista)',
  request: { params: idParam, ...jsonBody(returnTransferSchema) },
  responses: { 200: jsonResponse(transferSchema, 'Zwrócono'), ...standardErrors },
});
const holdingsRoute = createRoute({
  method: 'get',
  path: '/archive/holdings',
  tags,
  security,
  summary: 'Ewidencja akt w archiwum: wyszukiwanie po znaku, klasie, roku, stronie, słowach',
  request: { query: holdingsQuerySchema },
  responses: { 200: jsonResponse(z.array(holdingSchema), 'Akta'), ...standardErrors },
});
const holdingRoute = createRoute({
  method: 'get',
  path: '/archive/holdings/{id}',
  tags,
  security,
  summary: 'Akta sprawy w archiwum (archiwista albo osoba, której je udostępniono); odnotowane',
  request: { params: idParam },
  responses: { 200: jsonResponse(holdingSchema, 'Akta'), ...standardErrors },
});
const listLoansRoute = createRoute({
  method: 'get',
  path: '/archive/loans',
  tags,
  security,
  summary: 'Wnioski o udostępnienie i wypożyczenia (archiwista: wszystkie; inni: własne)',
  request: { query: z.object({ status: loanStatus }) },
  responses: { 200: jsonResponse(z.array(loanSchema), 'Wnioski'), ...standardErrors },
});
const requestRoute = createRoute({
  method: 'post',
  path: '/archive/loans',
  tags,
  security,
  summary: 'Wniosek o wgląd do akt albo ich wypożyczenie z archiwum',
  request: jsonBody(requestAccessSchema),
  responses: { 201: jsonResponse(loanSchema, 'Złożono'), ...standardErrors },
});
const getLoanRoute = createRoute({
  method: 'get',
  path: '/archive/loans/{id}',
  tags,
  security,
  summary: 'Wniosek o udostępnienie',
  request: { params: idParam },
  responses: { 200: jsonResponse(loanSchema, 'Wniosek'), ...standardErrors },
});
const decideRoute = createRoute({
  method: 'post',
  path: '/archive/loans/{id}/decision',
  tags,
  security,
  summary: 'Zgoda (z terminem zwrotu wypożyczenia) albo odmowa (archiwista)',
  request: { params: idParam, ...jsonBody(decideAccessSchema) },
  responses: { 200: jsonResponse(loanSchema, 'Rozstrzygnięto'), ...standardErrors },
});
const returnLoanRoute = createRoute({
  method: 'post',
  path: '/archive/loans/{id}/return',
  tags,
  security,
  summary: 'Zwrot wypożyczonych akt (archiwista)',
  request: { params: idParam },
  responses: { 200: jsonResponse(loanSchema, 'Zwrócono'), ...standardErrors },
});

const prepareDisposalRoute = createRoute({
  method: 'post',
  path: '/archive/disposal-lists',
  tags,
  security,
  summary: 'Spis dokumentacji niearchiwalnej na dany rok (B – brakowanie, BE – ekspertyza)',
  request: jsonBody(z.object({ year: z.number().int().min(1990).max(2200) })),
  responses: { 201: jsonResponse(disposalListSchema, 'Sporządzono'), ...standardErrors },
});
const listDisposalRoute = createRoute({
  method: 'get',
  path: '/archive/disposal-lists',
  tags,
  security,
  summary: 'Spisy dokumentacji niearchiwalnej urzędu, od najnowszego',
  responses: {
    200: jsonResponse(z.array(disposalListSummarySchema), 'Spisy'),
    ...standardErrors,
  },
});
const getDisposalRoute = createRoute({
  method: 'get',
  path: '/archive/disposal-lists/{id}',
  tags,
  security,
  summary: 'Spis dokumentacji niearchiwalnej z pozycjami, stanowiskiem komisji i wynikiem',
  request: { params: idParam },
  responses: { 200: jsonResponse(disposalListSchema, 'Spis'), ...standardErrors },
});
const answerRoute = createRoute({
  method: 'post',
  path: '/archive/disposal-lists/{id}/answers',
  tags,
  security,
  summary: 'Stanowisko komisji archiwalnej do pozycji spisu (zniszczyć / pozostawić)',
  request: { params: idParam, ...jsonBody(commissionAnswersSchema) },
  responses: { 200: jsonResponse(disposalListSchema, 'Zapisano'), ...standardErrors },
});
const submitDisposalRoute = createRoute({
  method: 'post',
  path: '/archive/disposal-lists/{id}/submit',
  tags,
  security,
  summary: 'Przekazanie spisu archiwum państwowemu z wnioskiem o zgodę',
  request: { params: idParam },
  responses: { 200: jsonResponse(disposalListSchema, 'Przekazano'), ...standardErrors },
});
const consentRoute = createRoute({
  method: 'post',
  path: '/archive/disposal-lists/{id}/consent',
  tags,
  security,
  summary: 'Zgoda archiwum państwowego: numer, data i skan pisma (pole "file")',
  request: {
    params: idParam,
    body: {
      content: {
        'multipart/form-data': {
          schema: consentSchema.extend({
            file: z.any().openapi({ type: 'string', format: 'binary' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: jsonResponse(disposalListSchema, 'Zapisano zgodę'), ...standardErrors },
});
const executeRoute = createRoute({
  method: 'post',
  path: '/archive/disposal-lists/{id}/execute',
  tags,
  security,
  summary: 'Zniszczenie po zgodzie, z ponownym sprawdzeniem każdej pozycji i protokołem',
  request: { params: idParam },
  responses: { 200: jsonResponse(disposalListSchema, 'Wykonano'), ...standardErrors },
});
const legalHoldRoute = createRoute({
  method: 'put',
  path: '/archive/holdings/{id}/legal-hold',
  tags,
  security,
  summary: 'Wstrzymanie brakowania akt (np. postępowanie sądowe); reason: null je znosi',
  request: { params: idParam, ...jsonBody(legalHoldSchema) },
  responses: { 204: { description: 'Zapisano' }, ...standardErrors },
});

export function registerArchiveRoutes(app: App, deps: AppDeps) {
  const withFiles = (c: Parameters<typeof actorDeps>[1]) => ({
    ...actorDeps(deps, c),
    files: deps.files,
  });
  app.openapi(prepareDisposalRoute, async (c) =>
    c.json(await prepareDisposalList(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(listDisposalRoute, async (c) =>
    c.json(await listDisposalLists(actorDeps(deps, c)), 200),
  );
  app.openapi(getDisposalRoute, async (c) =>
    c.json(await getDisposalList(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(answerRoute, async (c) =>
    c.json(
      await answerDisposalItems(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(submitDisposalRoute, async (c) =>
    c.json(await submitDisposalList(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(consentRoute, async (c) => {
    const { file, text } = await readUpload(c, 'zgoda');
    const consent = { number: text('number') ?? '', date: text('date') ?? '' };
    const list = await recordDisposalConsent(withFiles(c), c.req.valid('param').id, consent, file);
    return c.json(list, 200);
  });
  app.openapi(executeRoute, async (c) =>
    c.json(await executeDisposal(withFiles(c), c.req.valid('param').id), 200),
  );
  app.openapi(legalHoldRoute, async (c) => {
    await setLegalHold(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(listTransfersRoute, async (c) =>
    c.json(await listTransfers(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  app.openapi(prepareRoute, async (c) =>
    c.json(await prepareTransfer(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(getTransferRoute, async (c) =>
    c.json(await getTransfer(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(submitRoute, async (c) =>
    c.json(await submitTransfer(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(acceptRoute, async (c) =>
    c.json(
      await acceptTransfer(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(returnRoute, async (c) =>
    c.json(
      await returnTransfer(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(holdingsRoute, async (c) =>
    c.json(await searchHoldings(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  app.openapi(holdingRoute, async (c) =>
    c.json(await readHolding(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(listLoansRoute, async (c) =>
    c.json(await listLoans(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  app.openapi(requestRoute, async (c) =>
    c.json(await requestAccess(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(getLoanRoute, async (c) =>
    c.json(await getLoan(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(decideRoute, async (c) =>
    c.json(
      await decideAccess(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(returnLoanRoute, async (c) =>
    c.json(await returnLoan(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
}
