import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { hashRecordRow } from '../../platform/record/record-hash.ts';
import { parseXmlStrictly } from '../signatures/xml-dsig-engine.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_NS,
  REQUIRED_CASE_FIELDS,
  REQUIRED_DOCUMENT_FIELDS,
  type Manifest,
} from './package-format.ts';

export type PackageFindingKind =
  | 'manifest_missing'
  | 'manifest_invalid'
  | 'file_missing'
  | 'file_unlisted'
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'metadata_missing'
  | 'metadata_invalid'
  | 'metadata_field_missing'
  | 'document_file_missing'
  | 'date_inconsistent'
  | 'category_not_permanent'
  | 'record_missing'
  | 'record_chain_broken';

export interface PackageFinding {
  kind: PackageFindingKind;
  /** The file (relative to the package) the finding is about. */
  path: string;
  detail: string;
}

/**
 * Checks an archival package folder of the structure in package-format.ts — Obieg's or another
 * vendor's — and lists every finding, not only the first: the manifest against the files (each
 * present, listed, of its size and SHA-256), each case's metadata (complete, dates consistent,
 * category A, every document's file there) and each case record's hash chain recomputed.
 */
export async function checkArchivalPackage(directory: string): Promise<PackageFinding[]> {
  const findings: PackageFinding[] = [];
  const found = (kind: PackageFindingKind, at: string, detail: string) =>
    findings.push({ kind, path: at, detail });
  const onDisk = new Set(await listFiles(directory));
  onDisk.delete('manifest.json');

  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(directory, 'manifest.json'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      found('manifest_missing', 'manifest.json', 'brak manifestu paczki');
    else
      found(
        'manifest_invalid',
        'manifest.json',
        `manifest nieczytelny: ${(error as Error).message}`,
      );
  }
  if (manifest && (manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files))) {
    found('manifest_invalid', 'manifest.json', `nieznany format: ${String(manifest.format)}`);
    manifest = undefined;
  }
  const listed = new Set<string>();
  for (const entry of manifest?.files ?? []) {
    listed.add(entry.path);
    if (!onDisk.has(entry.path)) {
      found('file_missing', entry.path, 'plik wymieniony w manifeście nie istnieje');
      continue;
    }
    const bytes = await fs.readFile(path.join(directory, ...entry.path.split('/')));
    if (bytes.byteLength !== entry.size)
      found(
        'size_mismatch',
        entry.path,
        `rozmiar ${bytes.byteLength} B, w manifeście ${entry.size} B`,
      );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256)
      found('hash_mismatch', entry.path, `SHA-256 ${sha256}, w manifeście ${entry.sha256}`);
  }
  if (manifest) {
    for (const file of onDisk) {
      if (!listed.has(file)) found('file_unlisted', file, 'pliku nie ma w manifeście');
    }
  }

  const caseFolders = new Set(
    [...onDisk, ...listed]
      .filter((file) => file.startsWith('sprawy/'))
      .map((file) => file.split('/').slice(0, 2).join('/')),
  );
  for (const folder of [...caseFolders].sort()) {
    await checkCase(directory, folder, onDisk, found);
  }
  return findings;
}

async function checkCase(
  directory: string,
  folder: string,
  onDisk: ReadonlySet<string>,
  found: (kind: PackageFindingKind, at: string, detail: string) => void,
) {
  const metadataPath = `${folder}/metadane.xml`;
  const metadata = await readXml(directory, metadataPath, onDisk);
  if (metadata === 'missing') found('metadata_missing', metadataPath, 'brak metadanych sprawy');
  else if (typeof metadata === 'string') found('metadata_invalid', metadataPath, metadata);
  else {
    const field = (name: string, within: Element = metadata) =>
      within.getElementsByTagNameNS(PACKAGE_NS, name)[0]?.textContent?.trim() ?? '';
    for (const name of REQUIRED_CASE_FIELDS) {
      if (field(name) === '')
        found('metadata_field_missing', metadataPath, `brak elementu „${name}” sprawy`);
    }
    const opened = field('dataWszczecia');
    const closed = field('dataZakonczenia');
    if (opened && closed && closed < opened)
      found('date_inconsistent', metadataPath, `zakończenie ${closed} przed wszczęciem ${opened}`);
    const category = field('kategoriaArchiwalna');
    if (category && category !== 'A')
      found('category_not_permanent', metadataPath, `kategoria ${category}, a paczka jest dla A`);
    const documents = Array.from(metadata.getElementsByTagNameNS(PACKAGE_NS, 'dokument'));
    for (const [i, document] of documents.entries()) {
      const at = `${metadataPath} (dokument ${i + 1})`;
      for (const name of REQUIRED_DOCUMENT_FIELDS) {
        if (field(name, document) === '')
          found('metadata_field_missing', at, `brak elementu „${name}” dokumentu`);
      }
      const date = field('data', document);
      if (date && closed && date > closed)
        found('date_inconsistent', at, `dokument z ${date}, po zakończeniu sprawy ${closed}`);
      const file = field('plik', document);
      if (file && !onDisk.has(`${folder}/${file}`))
        found('document_file_missing', at, `brak pliku ${file}`);
    }
  }

  const recordPath = `${folder}/metryka.xml`;
  const record = await readXml(directory, recordPath, onDisk);
  if (record === 'missing') found('record_missing', recordPath, 'brak metryki sprawy');
  else if (typeof record === 'string') found('record_chain_broken', recordPath, record);
  else {
    const caseId = record.getAttribute('sprawa') ?? '';
    let prev = '';
    for (const row of Array.from(record.getElementsByTagNameNS(PACKAGE_NS, 'wiersz'))) {
      const text = (name: string) =>
        row.getElementsByTagNameNS(PACKAGE_NS, name)[0]?.textContent ?? '';
      const seq = Number(row.getAttribute('lp'));
      const at = new Date(text('data'));
      const recomputed = Number.isNaN(at.getTime())
        ? ''
        : hashRecordRow(prev, {
            caseId,
            seq,
            at,
            actorId: text('osoba'),
            actorName: text('imieNazwisko'),
            actorPost: text('stanowisko'),
            action: text('czynnosc'),
            description: text('opis'),
            documentId: text('dokument') || null,
          });
      if (text('skrotPoprzedni') !== prev || recomputed !== text('skrot')) {
        found('record_chain_broken', recordPath, `łańcuch metryki przerwany w wierszu ${seq}`);
        break;
      }
      prev = text('skrot');
    }
  }
}

/** The document element of an XML file, 'missing', or why it does not parse. */
async function readXml(
  directory: string,
  relative: string,
  onDisk: ReadonlySet<string>,
): Promise<Element | 'missing' | string> {
  if (!onDisk.has(relative)) return 'missing';
  try {
    const xml = await fs.readFile(path.join(directory, ...relative.split('/')), 'utf8');
    return parseXmlStrictly(xml).documentElement as unknown as Element;
  } catch (error) {
    return `plik XML nieczytelny: ${(error as Error).message}`;
  }
}

async function listFiles(directory: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(directory, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(directory, relative)));
    else files.push(relative);
  }
  return files;
}
