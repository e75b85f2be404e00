import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  jsonBody,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  createSubstitutionSchema,
  substitutionSchema,
  createUnitSchema,
  createUserSchema,
  personSchema,
  unitSchema,
} from './org.schemas.ts';
import {
  createSubstitution,
  createUnit,
  createUser,
  listPeople,
  listSubstitutions,
  listUnits,
} from './org.usecases.ts';

const tags = ['org'];

const listUnitsRoute = createRoute({
  method: 'get',
  path: '/org/units',
  tags,
  security,
  summary: 'Komórki organizacyjne urzędu',
  responses: { 200: jsonResponse(z.array(unitSchema), 'Komórki'), ...standardErrors },
});
const createUnitRoute = createRoute({
  method: 'post',
  path: '/org/units',
  tags,
  security,
  summary: 'Utworzenie komórki (administrator)',
  request: jsonBody(createUnitSchema),
  responses: { 201: jsonResponse(unitSchema, 'Utworzono'), ...standardErrors },
});
const listPeopleRoute = createRoute({
  method: 'get',
  path: '/org/people',
  tags,
  security,
  summary: 'Pracownicy urzędu (książka adresowa)',
  responses: { 200: jsonResponse(z.array(personSchema), 'Pracownicy'), ...standardErrors },
});
const createUserRoute = createRoute({
  method: 'post',
  path: '/org/people',
  tags,
  security,
  summary: 'Dodanie użytkownika z rolami (administrator)',
  request: jsonBody(createUserSchema),
  responses: {
    201: jsonResponse(z.object({ id: z.uuid(), login: z.string() }), 'Utworzono'),
    ...standardErrors,
  },
});
const createSubstitutionRoute = createRoute({
  method: 'post',
  path: '/org/substitutions',
  tags,
  security,
  summary: 'Ustanowienie zastępstwa (administrator)',
  request: jsonBody(createSubstitutionSchema),
  responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Utworzono'), ...standardErrors },
});

const listSubstitutionsRoute = createRoute({
  method: 'get',
  path: '/org/substitutions',
  tags,
  security,
  summary: 'Zastępstwa trwające lub przyszłe',
  request: {
    query: z.object({
      from: z.iso
        .date()
        .optional()
        .openapi({ description: 'Nie zakończone przed tym dniem; domyślnie dziś' }),
    }),
  },
  responses: { 200: jsonResponse(z.array(substitutionSchema), 'Zastępstwa'), ...standardErrors },
});

/**
 * `mountPeopleRoutes`: routes of a higher module about the office's people (auth's API tokens),
 * mounted by the composition root at the place the OpenAPI document has always listed them.
 */
export function registerOrgRoutes(
  app: App,
  deps: AppDeps,
  mountPeopleRoutes: (app: App) => void = () => {},
) {
  app.openapi(listSubstitutionsRoute, async (c) =>
    c.json(await listSubstitutions(actorDeps(deps, c), c.req.valid('query')), 200),
  );
  mountPeopleRoutes(app);
  app.openapi(listUnitsRoute, async (c) => c.json(await listUnits(actorDeps(deps, c)), 200));
  app.openapi(createUnitRoute, async (c) => {
    const unit = await createUnit(actorDeps(deps, c), c.req.valid('json'));
    return c.json(
      {
        id: unit.id,
        symbol: unit.symbol,
        name: unit.name,
        parentId: unit.parent_id,
        isSubordinateEntity: unit.is_subordinate_entity,
      },
      201,
    );
  });
  app.openapi(listPeopleRoute, async (c) => c.json(await listPeople(actorDeps(deps, c)), 200));
  app.openapi(createUserRoute, async (c) => {
    const user = await createUser(actorDeps(deps, c), c.req.valid('json'));
    return c.json({ id: user.id, login: user.login }, 201);
  });
  app.openapi(createSubstitutionRoute, async (c) => {
    const substitution = await createSubstitution(actorDeps(deps, c), c.req.valid('json'));
    return c.json({ id: substitution.id }, 201);
  });
}
