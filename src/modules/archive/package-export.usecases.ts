import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { archiveErrors } from './archive.errors.ts';
import { archivePolicy } from './archive.policy.ts';
import { checkArchivalPackage, type PackageFinding } from './package-check.ts';
import {
  caseFolder,
  element,
  PACKAGE_FORMAT,
  PACKAGE_NS,
  safeFileName,
  type Manifest,
  type ManifestEntry,
} from './package-format.ts';

type FileDeps = ActorDeps & { files: FileStore };

export interface PackageExport {
  directory: string;
  cases: number;
  files: number;
  findings: PackageFinding[];
}

/**
 * Writes the archival package of one JRWA class and year of category A records held by the
 * archive into `directory` (which must not exist yet), then checks it with the same checker
 * `obieg archive check` runs: the result lists every finding. The export is recorded; the
 * records stay in the archive until the state archive's acceptance is recorded.
 */
export async function exportArchivalPackage(
  deps: FileDeps,
  input: { jrwaSymbol: string; year: number; directory: string },
): Promise<PackageExport> {
  if (!archivePolicy.can(deps.actor, 'dispose', { unitIds: [], ownerIds: [] }))
    throw archiveErrors.forbidden();
  const office = await deps.db
    .selectFrom('offices')
    .select(['name', 'code'])
    .where('id', '=', deps.actor.officeId)
    .executeTakeFirstOrThrow();
  const cases = await deps.db
    .selectFrom('archive_holdings as h')
    .innerJoin('cases', 'cases.id', 'h.case_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .select([
      'cases.id',
      'cases.sign',
      'cases.title',
      'cases.jrwa_symbol',
      'cases.archival_category',
      'cases.opened_at',
      'cases.closed_at',
      'units.symbol as unit_symbol',
      'units.name as unit_name',
    ])
    .where('h.office_id', '=', deps.actor.officeId)
    .where('h.destroyed_at', 'is', null)
    .where('cases.jrwa_symbol', '=', input.jrwaSymbol)
    .where('cases.year', '=', input.year)
    .where('cases.archival_category', '=', 'A')
    .orderBy('cases.sign')
    .execute();
  if (cases.length === 0) throw archiveErrors.nothingDue();

  await fs.mkdir(path.dirname(path.resolve(input.directory)), { recursive: true });
  await fs.mkdir(input.directory); // fails when it exists: a package is never written over
  const entries: ManifestEntry[] = [];
  const write = async (relative: string, content: Uint8Array | string) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const target = path.join(input.directory, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
    entries.push({
      path: relative,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
    });
  };

  const spis: string[] = [];
  for (const [index, kase] of cases.entries()) {
    const folder = `sprawy/${caseFolder(kase.sign)}`;
    const documents = await caseContents(deps.db, kase.id);
    const documentXml: string[] = [];
    for (const [i, document] of documents.entries()) {
      const file = `${folder}/dokumenty/${i + 1}-${safeFileName(document.fileName)}`;
      await write(file, await deps.files.get(document.sha256));
      documentXml.push(
        `    <dokument>${[
          element('identyfikator', document.id),
          element('tytul', document.title),
          element('rodzaj', document.kind),
          element('data', document.date),
          element('plik', file.slice(folder.length + 1), {
            sha256: document.sha256,
            format: document.contentType,
          }),
        ].join('')}</dokument>`,
      );
    }
    await write(
      `${folder}/metadane.xml`,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<sprawa xmlns="${PACKAGE_NS}">`,
        `  ${element('identyfikator', kase.id)}`,
        `  ${element('znak', kase.sign)}`,
        `  ${element('tytul', kase.title)}`,
        `  ${element('klasaJrwa', kase.jrwa_symbol)}`,
        `  ${element('kategoriaArchiwalna', kase.archival_category)}`,
        `  ${element('dataWszczecia', localDate(kase.opened_at))}`,
        `  ${element('dataZakonczenia', kase.closed_at ? localDate(kase.closed_at) : '')}`,
        `  ${element('tworca', `${office.name}, ${kase.unit_symbol} – ${kase.unit_name}`)}`,
        '  <dokumenty>',
        ...documentXml,
        '  </dokumenty>',
        '</sprawa>',
        '',
      ].join('\n'),
    );
    await write(`${folder}/metryka.xml`, await recordXml(deps.db, kase.id));
    spis.push(
      `  <pozycja lp="${index + 1}">${element('znak', kase.sign)}${element('tytul', kase.title)}${element('folder', folder)}</pozycja>`,
    );
  }
  await write(
    'spis.xml',
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<spis xmlns="${PACKAGE_NS}" klasaJrwa="${input.jrwaSymbol}" rok="${input.year}">`,
      ...spis,
      '</spis>',
      '',
    ].join('\n'),
  );
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    createdAt: deps.clock.now().toISOString(),
    office: office.name,
    cases: cases.length,
    files: entries,
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await fs.writeFile(path.join(input.directory, 'manifest.json'), manifestText);

  const findings = await checkArchivalPackage(input.directory);
  await runInTransaction(deps, async (tx) => {
    await tx.record({
      action: 'archive.package_exported',
      description: `Wygenerowano paczkę archiwalną: klasa ${input.jrwaSymbol}, rok ${input.year}, ${cases.length} spraw, ${entries.length} plików; sprawdzenie: ${findings.length === 0 ? 'bez uwag' : `${findings.length} uwag`}`,
      subject: { type: 'archive_package', id: randomUUID() },
      payload: {
        jrwaSymbol: input.jrwaSymbol,
        year: input.year,
        manifestSha256: createHash('sha256').update(manifestText).digest('hex'),
        findings: findings.length,
      },
    });
  });
  return { directory: input.directory, cases: cases.length, files: entries.length, findings };
}

/** The letters' files and each document's current version, oldest first. */
async function caseContents(db: Executor, caseId: string) {
  const letters = await db
    .selectFrom('incoming_items')
    .innerJoin('incoming_files', 'incoming_files.incoming_id', 'incoming_items.id')
    .innerJoin('files', 'files.id', 'incoming_files.file_id')
    .select([
      'files.id',
      'files.sha256',
      'files.content_type',
      'files.original_name',
      'incoming_items.title',
      'incoming_items.rpw_sign',
      'incoming_items.received_at',
    ])
    .where('incoming_items.case_id', '=', caseId)
    .where('files.destroyed_at', 'is', null)
    .orderBy('incoming_items.received_at')
    .execute();
  const documents = await db
    .selectFrom('documents')
    .innerJoin('document_versions', (join) =>
      join
        .onRef('document_versions.document_id', '=', 'documents.id')
        .onRef('document_versions.version', '=', 'documents.current_version'),
    )
    .innerJoin('files', 'files.id', 'document_versions.file_id')
    .select([
      'documents.id',
      'documents.title',
      'documents.kind',
      'documents.created_at',
      'files.sha256',
      'files.content_type',
      'files.original_name',
    ])
    .where('documents.case_id', '=', caseId)
    .where('documents.status', '!=', 'cancelled')
    .where('files.destroyed_at', 'is', null)
    .orderBy('documents.created_at')
    .execute();
  return [
    ...letters.map((letter) => ({
      id: letter.id,
      title: `${letter.title} (${letter.rpw_sign})`,
      kind: 'pismo przychodzące',
      date: localDate(letter.received_at),
      sha256: letter.sha256,
      contentType: letter.content_type,
      fileName: letter.original_name,
    })),
    ...documents.map((document) => ({
      id: document.id,
      title: document.title,
      kind: document.kind,
      date: localDate(document.created_at),
      sha256: document.sha256,
      contentType: document.content_type,
      fileName: document.original_name,
    })),
  ];
}

/** The case record with every field its hash chain covers, so a checker can recompute it. */
async function recordXml(db: Executor, caseId: string): Promise<string> {
  const rows = await db
    .selectFrom('case_record_rows')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<metryka xmlns="${PACKAGE_NS}" sprawa="${caseId}">`,
    ...rows.map(
      (row) =>
        `  <wiersz lp="${row.seq}">${[
          element('data', row.at.toISOString()),
          element('osoba', row.actor_id),
          element('imieNazwisko', row.actor_name),
          element('stanowisko', row.actor_post),
          element('czynnosc', row.action),
          element('opis', row.description),
          element('dokument', row.document_id),
          element('skrotPoprzedni', row.prev_hash),
          element('skrot', row.hash),
        ].join('')}</wiersz>`,
    ),
    '</metryka>',
    '',
  ].join('\n');
}
