import { z } from '@hono/zod-openapi';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

export const roleNames = [
  'kancelaria',
  'sekretariat',
  'kierownik',
  'prowadzacy',
  'sekretarz',
  'archiwista',
  'administrator',
  'system',
] as const;
export const scopes = ['desk', 'unit', 'subordinate', 'office'] as const;

export const unitSchema = z
  .object({
    id: z.uuid(),
    symbol: z.string(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    isSubordinateEntity: z.boolean(),
  })
  .openapi('Unit');

export const createUnitSchema = z
  .object({
    symbol: z.string().min(1).max(40).openapi({ example: 'GK' }),
    name: z.string().trim().min(1).max(300).openapi({ example: 'Wydział Gospodarki Komunalnej' }),
    parentId: z.uuid().optional(),
    isSubordinateEntity: z.boolean().optional(),
  })
  .openapi('CreateUnit');

export const roleGrantSchema = z.object({
  role: z.enum(roleNames),
  scope: z.enum(scopes),
  /** Unit the scope is anchored at; the person's own unit when omitted. */
  unitId: z.uuid().optional(),
});

export const createUserSchema = z
  .object({
    login: z.string().regex(/^[a-z0-9._-]{2,64}$/),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(200).optional(),
    unitId: z.uuid(),
    post: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(['person', 'system']).default('person'),
    email: z.email().optional(),
    roles: z.array(roleGrantSchema).default([]),
  })
  .openapi('CreateUser');

export const personSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    name: z.string(),
    kind: z.enum(['person', 'system']),
    unitId: z.uuid(),
    unitSymbol: z.string(),
    post: z.string().nullable(),
    roles: z.array(z.object({ role: z.string(), scope: z.string(), unitId: z.uuid() })),
  })
  .openapi('Person');

export const substitutionSchema = z
  .object({
    id: z.uuid(),
    absentUserId: z.uuid(),
    absentName: z.string(),
    substituteUserId: z.uuid(),
    substituteName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  })
  .openapi('Substitution');

export const createSubstitutionSchema = z
  .object({
    absentUserId: z.uuid(),
    substituteUserId: z.uuid(),
    startsOn: localDateSchema,
    endsOn: localDateSchema,
  })
  .openapi('CreateSubstitution');

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateSubstitutionInput = z.infer<typeof createSubstitutionSchema>;
