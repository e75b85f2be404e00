import { createHash, randomUUID } from 'node:crypto';
import { commonErrors } from '../../platform/errors.ts';
import { localYear } from '../../platform/clock.ts';
import { Coalescer, identityOf } from '../../platform/db/coalescer.ts';
import { takeNumbers } from '../../platform/db/counters.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { FileStore, StoredBlob } from '../../platform/files/file-store.ts';
import { insertStoredFile, insertStoredFiles } from '../../platform/files/stored-files.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { formatAccessCode, generateAccessCode } from './access-code.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { incomingErrors } from './incoming.errors.ts';
import { incomingPolicy, incomingScope } from './incoming.policy.ts';
import * as repo from './incoming.repository.ts';
import {
  NO_DATA,
  registerIncomingBatchSchema,
  registerIncomingSchema,
  type RegisterIncomingInput,
  type RegisterIncomingParsed,
} from './incoming.schemas.ts';

/** Clocks of scanners and gateways drift: a received time up to 5 minutes ahead is accepted. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

export const formatRpwSign = (number: number, year: number) => `RPW/${number}/${year}`;

const CHANNEL_LABELS: Record<RegisterIncomingInput['channel'], string> = {
  paper: 'papierowa',
  epuap: 'ePUAP',
  edoreczenia: 'e-Doręczenia',
  email: 'poczta elektroniczna',
  portal: 'portal mieszkańca',
};

/**
 * Registers an incoming item in the RPW: the next number of the office's register for the year
 * of registration, the mandatory metadata (unknown values written as "brak danych"), and the
 * received time kept apart from the registration time.
 */
export async function registerIncoming(deps: ActorDeps, rawInput: RegisterIncomingInput) {
  const { files: _files, ...registered } = await submitRegistration(deps, {
    input: registerIncomingSchema.parse(rawInput),
    files: [],
  });
  return registered;
}

/** Files one registration may carry; more are attached to the registered letter afterwards. */
export const MAX_FILES_AT_REGISTRATION = 20;

/**
 * Registers a letter together with its files (the scan of a paper letter, the attachments of an
 * e-mail) in one request and one transaction: a letter never stands in the register without the
 * files it came with, and the kancelaria's scanner station makes one call per letter. The
 * contents go to the file store first (content-addressed: a rolled-back registration leaves at
 * most an unreferenced blob, never a row naming a missing file).
 */
export async function registerIncomingWithFiles(
  deps: ActorDeps & { files: FileStore },
  rawInput: RegisterIncomingInput,
  uploads: Array<{ name: string; content: Uint8Array }>,
) {
  const input = registerIncomingSchema.parse(rawInput);
  if (uploads.length > MAX_FILES_AT_REGISTRATION) {
    throw incomingErrors.tooManyFiles({ max: MAX_FILES_AT_REGISTRATION });
  }
  const files: LetterFile[] = [];
  for (const upload of uploads) {
    files.push({ id: randomUUID(), name: upload.name, blob: await deps.files.put(upload.content) });
  }
  return submitRegistration(deps, { input, files });
}

interface LetterFile {
  id: string;
  name: string;
  blob: StoredBlob;
}

interface NewLetter {
  input: RegisterIncomingParsed;
  files: LetterFile[];
}

function submitRegistration(deps: ActorDeps, letter: NewLetter) {
  // A caller's transaction (the channels gateway) is joined as it is; otherwise the letters one
  // person registers at the same moment share one transaction (see `Coalescer`).
  if (deps.db.isTransaction) {
    return runInTransaction(deps, async (tx) => (await registerAll(tx, [letter]))[0]!);
  }
  const { actor } = deps;
  const key = [
    identityOf(deps.db),
    identityOf(deps.clock),
    actor.officeId,
    actor.userId,
    actor.unitId,
    actor.name,
    actor.post,
  ].join('|');
  return registrations.submit(key, { deps, letter });
}

/**
 * Concurrent registrations by one person (a scanner station, a gateway, an API client) in one
 * transaction each batch: the RPW counter's row lock is held through one commit for all of them
 * instead of one commit each, so the register is not limited to one letter per fsync. The
 * numbers stay consecutive in the order the batch is taken; each letter keeps its own audit event.
 */
const registrations = new Coalescer<
  { deps: ActorDeps; letter: NewLetter },
  Awaited<ReturnType<typeof registerAll>>[number]
>((batch) =>
  runInTransaction(batch[0]!.deps, (tx) =>
    registerAll(
      tx,
      batch.map((item) => item.letter),
    ),
  ),
);

/**
 * Bulk registration for migrations and mass mailings: up to `MAX_BATCH` letters in one
 * transaction, by the same rules as one by one — consecutive RPW numbers in the order given,
 * one audit event each — and all or none: one invalid letter refuses the batch (its index is in
 * the error), so a batch is never half-registered.
 */
export async function registerIncomingBatch(deps: ActorDeps, rawInputs: RegisterIncomingInput[]) {
  const inputs = registerIncomingBatchSchema.parse(rawInputs);
  const registered = await runInTransaction(deps, (tx) =>
    registerAll(
      tx,
      inputs.map((input) => ({ input, files: [] })),
    ),
  );
  return registered.map(({ files: _files, ...item }) => item);
}

async function registerAll(tx: TransactionContext, letters: NewLetter[]) {
  const { actor, trx, now } = tx;
  const inputs = letters.map((letter) => letter.input);
  if (
    !incomingPolicy.can(actor, 'register', { unitIds: [actor.unitId], ownerIds: [actor.userId] })
  ) {
    throw incomingErrors.forbidden();
  }
  for (const [index, input] of inputs.entries()) {
    if (new Date(input.receivedAt).getTime() > now.getTime() + CLOCK_TOLERANCE_MS)
      throw incomingErrors.receivedInFuture(inputs.length > 1 ? { index } : undefined);
  }
  const year = localYear(now);
  const first = await takeNumbers(
    trx,
    { officeId: actor.officeId, name: 'rpw', scope: '', year },
    inputs.length,
  );
  const rows = inputs.map((input, i) => ({
    office_id: actor.officeId,
    rpw_year: year,
    rpw_number: first + i,
    rpw_sign: formatRpwSign(first + i, year),
    title: input.title,
    sender_name: input.sender.name,
    sender_address: JSON.stringify(input.sender.address),
    letter_date: input.letterDate ?? NO_DATA,
    sent_date: input.sentDate ?? null,
    received_at: new Date(input.receivedAt),
    registered_at: now,
    registered_by: actor.userId,
    channel: input.channel,
    access: input.access,
    dcmi_type: input.type,
    kind: input.kind ?? null,
    attachments_count: input.attachmentsCount ?? null,
    sender_reference: input.senderReference ?? null,
    delivery_method: input.deliveryMethod ?? null,
    remarks: input.remarks ?? null,
    case_id: null,
    // Printed on the receipt: with the case signature or RPW number it opens the status
    // lookup of the citizens' portal (src/modules/portal/status-lookup.usecases.ts).
    access_code: generateAccessCode(),
  }));
  const items = await repo.insertItems(trx, rows);
  const attached = letters.flatMap((letter, i) =>
    letter.files.map((file) => ({ item: items[i]!, file })),
  );
  await insertStoredFiles(
    trx,
    actor,
    attached.map(({ file }) => ({ id: file.id, blob: file.blob, originalName: file.name })),
  );
  await repo.insertItemFiles(
    trx,
    attached.map(({ item, file }) => ({
      office_id: actor.officeId,
      incoming_id: item.id,
      file_id: file.id,
      added_at: now,
      added_by: actor.userId,
    })),
  );
  await tx.recordAll(
    letters.flatMap(({ input, files }, i) => [
      {
        action: 'incoming.registered',
        description: `Zarejestrowano przesyłkę ${items[i]!.rpw_sign} (${CHANNEL_LABELS[input.channel]}) od ${input.sender.name}`,
        subject: { type: 'incoming', id: items[i]!.id },
        documentId: items[i]!.rpw_sign,
        payload: { channel: input.channel },
      },
      ...files.map((file) => fileAttachedEvent(items[i]!, file)),
    ]),
  );
  return items.map((item, i) => ({
    id: item.id,
    rpwNumber: item.rpw_sign,
    accessCode: item.access_code ? formatAccessCode(item.access_code) : null,
    files: letters[i]!.files.map((file) => attachedFile(file.id, file.blob)),
  }));
}

const fileAttachedEvent = (
  item: { id: string; rpw_sign: string; case_id?: string | null },
  file: LetterFile,
) => ({
  action: 'incoming.file_attached',
  description: `Dołączono plik „${file.name}” do przesyłki ${item.rpw_sign}`,
  subject: { type: 'incoming' as const, id: item.id },
  caseId: item.case_id ?? null,
  documentId: file.id,
  payload: { sha256: file.blob.sha256, sizeBytes: file.blob.sizeBytes },
});

const attachedFile = (fileId: string, blob: StoredBlob) => ({
  fileId,
  sha256: blob.sha256,
  contentType: blob.contentType,
  sizeBytes: blob.sizeBytes,
});

/** Loads an item the actor may see; one they may not see does not exist for them (404). */
export async function getIncomingOrThrow(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'read' | 'attach' | 'assign' = 'read',
) {
  const item = await repo.findItem(db, actor.officeId, id);
  if (!item) throw incomingErrors.notFound();
  const scope = await incomingScope(db, item);
  if (!incomingPolicy.can(actor, 'read', scope)) throw incomingErrors.notFound();
  if (action !== 'read' && !incomingPolicy.can(actor, action, scope))
    throw incomingErrors.forbidden();
  return { item, scope };
}

export async function getIncoming(deps: ActorDeps, id: string) {
  const { item, scope } = await getIncomingOrThrow(deps.db, deps.actor, id);
  const files = await repo.listItemFiles(deps.db, item.id);
  return {
    id: item.id,
    rpwNumber: item.rpw_sign,
    title: item.title,
    sender: {
      name: item.sender_name,
      address: item.sender_address,
      identifiers: item.sender_identifiers,
    },
    letterDate: item.letter_date,
    sentDate: item.sent_date,
    receivedAt: item.received_at.toISOString(),
    registeredAt: item.registered_at.toISOString(),
    channel: item.channel,
    access: item.access,
    type: item.dcmi_type,
    kind: item.kind ?? NO_DATA,
    attachmentsCount: item.attachments_count,
    senderReference: item.sender_reference ?? NO_DATA,
    deliveryMethod: item.delivery_method ?? NO_DATA,
    remarks: item.remarks,
    caseId: item.case_id,
    accessCode: item.access_code ? formatAccessCode(item.access_code) : null,
    files: files.map((f) => ({
      fileId: f.id,
      sha256: f.sha256,
      name: f.original_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
    })),
    allowedActions: incomingPolicy.allowedActions(deps.actor, scope),
  };
}

export async function listIncoming(
  deps: ActorDeps,
  filter: { year?: number | undefined; limit?: number; offset?: number },
) {
  const rows = await repo.listItems(
    deps.db,
    deps.actor.officeId,
    incomingPolicy.visibility(deps.actor, 'read'),
    {
      year: filter.year,
      limit: filter.limit ?? 100,
      offset: filter.offset ?? 0,
    },
  );
  return rows.map((r) => ({
    id: r.id,
    rpwNumber: r.rpw_sign,
    title: r.title,
    senderName: r.sender_name,
    receivedAt: r.received_at.toISOString(),
    registeredAt: r.registered_at.toISOString(),
    channel: r.channel,
    caseId: r.case_id,
  }));
}

/** One file of an item (scan, electronic attachment), checked against its recorded checksum. */
export async function readIncomingFile(
  deps: ActorDeps & { files: FileStore },
  incomingId: string,
  fileId: string,
) {
  const { item } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const file = (await repo.listItemFiles(deps.db, item.id)).find((f) => f.id === fileId);
  if (!file) throw incomingErrors.fileNotFound();
  const content = await deps.files.get(file.sha256);
  if (createHash('sha256').update(content).digest('hex') !== file.sha256) {
    throw commonErrors.internal({ reason: 'stored file does not match its checksum' });
  }
  return {
    content,
    contentType: file.content_type,
    fileName: file.original_name,
    sha256: file.sha256,
  };
}

/** Attaches a file (the scan of a paper letter, an electronic attachment) to an item. */
export async function attachIncomingFile(
  deps: ActorDeps & { files: FileStore },
  incomingId: string,
  file: { name: string; content: Uint8Array },
) {
  const blob = await deps.files.put(file.content);
  return runInTransaction(deps, async (tx) => {
    const { item } = await getIncomingOrThrow(tx.trx, tx.actor, incomingId, 'attach');
    const stored = await insertStoredFile(tx.trx, tx.actor, blob, file.name);
    await repo.insertItemFile(tx.trx, {
      office_id: tx.actor.officeId,
      incoming_id: item.id,
      file_id: stored.id,
      added_at: tx.now,
      added_by: tx.actor.userId,
    });
    await tx.record(fileAttachedEvent(item, { id: stored.id, name: file.name, blob }));
    return attachedFile(stored.id, blob);
  });
}

/** Identifiers of a sender a person may confirm on the letter. */
export const SENDER_IDENTIFIER_LABELS = {
  pesel: 'PESEL',
  nip: 'NIP',
  regon: 'REGON',
  krs: 'KRS',
  iban: 'rachunek (IBAN)',
  edelivery: 'adres do doręczeń elektronicznych',
  email: 'e-mail',
} as const;
export type SenderIdentifierKind = keyof typeof SENDER_IDENTIFIER_LABELS;

/**
 * A person confirms an identifier of the letter's sender (e.g. the PESEL OCR found in the scan);
 * joins the caller's transaction when there is one.
 */
export async function setSenderIdentifier(
  deps: ActorDeps,
  incomingId: string,
  identifier: { kind: SenderIdentifierKind; value: string },
) {
  return runInTransaction(deps, async (tx) => {
    const { item } = await getIncomingOrThrow(tx.trx, tx.actor, incomingId, 'attach');
    await repo.setSenderIdentifier(tx.trx, item.id, identifier.kind, identifier.value);
    await tx.record({
      action: 'incoming.sender_identifier_set',
      description: `Nadawca przesyłki ${item.rpw_sign}: ${SENDER_IDENTIFIER_LABELS[identifier.kind]} ${identifier.value}`,
      subject: { type: 'incoming', id: item.id },
      payload: { kind: identifier.kind, value: identifier.value },
    });
  });
}
