import type { Executor } from '../../platform/db/database.ts';
import type { TemplateKind } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { DEFAULT_TEMPLATES, defaultTemplateId } from './default-templates.ts';
import { checkTemplateBody, listTemplateFields } from './template-render.ts';
import { templateErrors } from './templates.errors.ts';
import { templatePolicy } from './templates.policy.ts';
import * as repo from './templates.repository.ts';
import {
  letterheadSchema,
  saveTemplateSchema,
  type LetterheadInput,
  type SaveTemplateInput,
} from './templates.schemas.ts';

export interface ResolvedTemplate {
  /** What `documents.template_id` records: the office row's uuid or `default.<code>`. */
  id: string;
  code: string;
  name: string;
  kind: TemplateKind;
  body: string;
  active: boolean;
  source: 'default' | 'office';
}

/** The templates of the actor's office: the built-in ones, each replaced by an office row of its code. */
export async function listTemplates(deps: ActorDeps) {
  const rows = await repo.listOfficeTemplates(deps.db, deps.actor.officeId);
  const byCode = new Map<string, ResolvedTemplate>(
    DEFAULT_TEMPLATES.map((t) => [t.code, fromDefault(t)]),
  );
  for (const row of rows) byCode.set(row.code, fromRow(row));
  return [...byCode.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'))
    .map((template) => ({ ...template, fields: fieldsOf(template.body) }));
}

/**
 * Creates or replaces the office's template with this code (overriding a built-in one of the same
 * code). Administrator only; a body with an unknown or malformed placeholder is refused, so a
 * template that cannot render never reaches the handlers.
 */
export async function saveTemplate(deps: ActorDeps, rawInput: SaveTemplateInput) {
  assertCanManage(deps.actor);
  const input = saveTemplateSchema.parse(rawInput);
  checkTemplateBody(input.body);
  return runInTransaction(deps, async (tx) => {
    const created = !(await repo.findOfficeTemplate(tx.trx, tx.actor.officeId, input.code));
    const saved = await repo.upsertOfficeTemplate(tx.trx, {
      officeId: tx.actor.officeId,
      userId: tx.actor.userId,
      at: tx.now,
      ...input,
    });
    await tx.record({
      action: created ? 'template.created' : 'template.updated',
      description: `${created ? 'Dodano' : 'Zmieniono'} szablon pisma „${input.name}” (${input.code})${input.active ? '' : ', wyłączony'}`,
      subject: { type: 'letter_template', id: saved.id },
      payload: { code: input.code, kind: input.kind, active: input.active },
    });
    const template: ResolvedTemplate = { id: saved.id, source: 'office', ...input };
    return { ...template, fields: fieldsOf(input.body) };
  });
}

/** The template a draft is made from; 404 for an unknown code, 409 when switched off. */
export async function resolveActiveTemplate(
  db: Executor,
  officeId: string,
  code: string,
): Promise<ResolvedTemplate> {
  const row = await repo.findOfficeTemplate(db, officeId, code);
  const builtIn = DEFAULT_TEMPLATES.find((t) => t.code === code);
  const template = row ? fromRow(row) : builtIn ? fromDefault(builtIn) : undefined;
  if (!template) throw templateErrors.notFound({ code });
  if (!template.active) throw templateErrors.inactive({ code });
  return template;
}

export async function getLetterhead(deps: ActorDeps) {
  const row = await repo.findLetterhead(deps.db, deps.actor.officeId);
  return row ? { town: row.town, address: row.address } : null;
}

/** The place printed in "Miejscowość, dnia …" and the address under the office name. */
export async function saveLetterhead(deps: ActorDeps, rawInput: LetterheadInput) {
  assertCanManage(deps.actor);
  const input = letterheadSchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    await repo.upsertLetterhead(tx.trx, {
      officeId: tx.actor.officeId,
      userId: tx.actor.userId,
      at: tx.now,
      ...input,
    });
    await tx.record({
      action: 'letterhead.saved',
      description: `Ustawiono nagłówek pism urzędu: ${input.town}${input.address ? `, ${input.address}` : ''}`,
      subject: { type: 'office', id: tx.actor.officeId },
      payload: { ...input },
    });
    return input;
  });
}

function assertCanManage(actor: Actor) {
  if (!templatePolicy.can(actor, 'manage', { unitIds: [], ownerIds: [] })) {
    throw templateErrors.forbidden();
  }
}

function fromDefault(template: (typeof DEFAULT_TEMPLATES)[number]): ResolvedTemplate {
  return { ...template, id: defaultTemplateId(template.code), active: true, source: 'default' };
}

function fromRow(row: Awaited<ReturnType<typeof repo.listOfficeTemplates>>[number]) {
  const { id, code, name, kind, body, active } = row;
  return { id, code, name, kind, body, active, source: 'office' } satisfies ResolvedTemplate;
}

/** A row saved before a placeholder was retired still lists; drafting from it reports why not. */
function fieldsOf(body: string): string[] {
  try {
    return listTemplateFields(body);
  } catch {
    return [];
  }
}
