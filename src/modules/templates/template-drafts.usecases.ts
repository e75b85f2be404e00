/**
 * Drafts rendered from templates: a PDF made from the case's data and the user's fields, stored
 * as a new draft document of the case together with its record row.
 */
import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { caseErrors } from '../cases/cases.errors.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import { addDocumentInTransaction } from '../documents/documents.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { loadLetterContext, type Addressee } from './letter-context.ts';
import { fillTemplate, toFieldValues } from './template-render.ts';
import { templateErrors } from './templates.errors.ts';
import {
  draftFromTemplateSchema,
  previewTemplateSchema,
  type DraftFromTemplateInput,
  type PreviewTemplateInput,
} from './templates.schemas.ts';
import { resolveActiveTemplate, type ResolvedTemplate } from './templates.usecases.ts';

type DraftDeps = ActorDeps & { files: FileStore };

/**
 * Renders the template with the case's data and the user's `fields` and adds the PDF to the case
 * as a draft document (kind from the template, `template_id` set) with its record row. Outside
 * the actor's scope the case does not exist (404). The PDF is rendered before the transaction
 * opens, so a slow render never holds locks; any template error leaves nothing written.
 */
export async function createDraftFromTemplate(
  deps: DraftDeps,
  caseId: string,
  rawInput: DraftFromTemplateInput,
) {
  const input = draftFromTemplateSchema.parse(rawInput);
  const draft = await prepareDraft(deps.db, deps.actor, caseId, input, deps.clock.now());
  const blob = await deps.files.put(draft.pdf);
  return runInTransaction(deps, (tx) => storeDraft(tx, draft, blob));
}

/**
 * `createDraftFromTemplate` as one step of another module's transaction: the draft sees that
 * transaction's changes and is rolled back with it. A template error throws, which rolls back the
 * caller's change too; catch it if the change must stand without the draft.
 */
export async function createDraftInTransaction(
  tx: TransactionContext,
  files: FileStore,
  caseId: string,
  rawInput: DraftFromTemplateInput,
) {
  const input = draftFromTemplateSchema.parse(rawInput);
  const draft = await prepareDraft(tx.trx, tx.actor, caseId, input, tx.now);
  return storeDraft(tx, draft, await files.put(draft.pdf));
}

/**
 * The art. 36 KPA notice for the case's latest deadline extension (reason, previous and new date,
 * the right to a ponaglenie), as a draft from the office's `delay_notice` template. Call it in
 * the extension's transaction, after the extension row is written.
 */
export async function createDelayNoticeDraft(
  tx: TransactionContext,
  files: FileStore,
  caseId: string,
  options: { fields?: Record<string, string> } = {},
) {
  return createDraftInTransaction(tx, files, caseId, {
    templateCode: 'delay_notice',
    fields: options.fields ?? {},
  });
}

/**
 * The PDF a template would give in a case, without storing anything: for the drafting form and
 * for an administrator trying an unsaved body. Needs only read access to the case.
 */
export async function renderTemplatePreview(deps: ActorDeps, rawInput: PreviewTemplateInput) {
  const input = previewTemplateSchema.parse(rawInput);
  const kase = await getCaseForAction(deps.db, deps.actor, input.caseId, 'read');
  const template: Pick<ResolvedTemplate, 'body' | 'kind' | 'name'> = input.templateCode
    ? await resolveActiveTemplate(deps.db, deps.actor.officeId, input.templateCode)
    : { body: input.body!, kind: 'letter', name: 'Podgląd szablonu' };
  return renderCaseLetter(deps.db, kase, template, input, deps.clock.now());
}

interface PreparedDraft {
  caseId: string;
  template: ResolvedTemplate;
  title: string;
  fileName: string;
  pdf: Uint8Array;
}

async function prepareDraft(
  db: Executor,
  actor: Actor,
  caseId: string,
  input: { templateCode: string; title?: string | undefined } & LetterInput,
  now: Date,
): Promise<PreparedDraft> {
  const kase = await getCaseForAction(db, actor, caseId, 'work');
  if (kase.status === 'closed') throw caseErrors.closed();
  const template = await resolveActiveTemplate(db, actor.officeId, input.templateCode);
  const title = input.title ?? template.name;
  const pdf = await renderCaseLetter(db, kase, { ...template, name: title }, input, now);
  const fileName = `${template.code}-${kase.sign}.pdf`.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return { caseId: kase.id, template, title, fileName, pdf };
}

function storeDraft(
  tx: TransactionContext,
  draft: PreparedDraft,
  blob: Awaited<ReturnType<FileStore['put']>>,
) {
  return addDocumentInTransaction(
    tx,
    draft.caseId,
    { kind: draft.template.kind, title: draft.title },
    { blob, fileName: draft.fileName },
    { templateId: draft.template.id },
  );
}

interface LetterInput {
  fields: Record<string, string>;
  addressee?: Addressee | undefined;
}

async function renderCaseLetter(
  db: Executor,
  kase: Row<'cases'>,
  template: Pick<ResolvedTemplate, 'body' | 'kind' | 'name'>,
  input: LetterInput,
  now: Date,
): Promise<Uint8Array> {
  const { values, frame } = await loadLetterContext(db, kase, localDate(now), input.addressee);
  const body = fillTemplate(template.body, { ...values, ...toFieldValues(input.fields) });
  const town = frame.office.town;
  if (!town) throw templateErrors.letterheadMissing();
  // pdf-lib and the fonts load with the first letter a process renders (see bin/server-bundle.js).
  const { renderLetterPdf } = await import('./letter-pdf.ts');
  return renderLetterPdf(
    {
      ...frame,
      office: { ...frame.office, town },
      // A note (notatka) stays in the file: it is addressed to no one.
      addressee: template.kind === 'note' ? undefined : frame.addressee,
      title: template.name,
      body,
    },
    { creationDate: now },
  );
}
