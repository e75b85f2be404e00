/**
 * The archival package (paczka archiwalna) Obieg writes for the state archive, and its checker
 * reads: a folder with `manifest.json` (SHA-256 and size of every other file), `spis.xml` (the
 * list of cases) and one folder per case under `sprawy/` with `metadane.xml` (the case and its
 * documents, metadata after the NES / Metadane schema's elements), `metryka.xml` (the case record
 * with its hash chain) and the documents' files under `dokumenty/`.
 */
export const PACKAGE_FORMAT = 'obieg-paczka-archiwalna/1';
export const PACKAGE_NS = 'urn:obieg:paczka-archiwalna:1';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: string;
  createdAt: string;
  office: string;
  cases: number;
  files: ManifestEntry[];
}

/** Elements every case's metadane.xml must fill. */
export const REQUIRED_CASE_FIELDS = [
  'identyfikator',
  'znak',
  'tytul',
  'klasaJrwa',
  'kategoriaArchiwalna',
  'dataWszczecia',
  'dataZakonczenia',
  'tworca',
] as const;

/** Elements every document of a case must fill. */
export const REQUIRED_DOCUMENT_FIELDS = [
  'identyfikator',
  'tytul',
  'rodzaj',
  'data',
  'plik',
] as const;

/** A case sign as a folder name: `FN.3011.1.2025` stays, anything unsafe becomes `_`. */
export function caseFolder(sign: string): string {
  return sign.replace(/[^A-Za-z0-9.\-ĄĆĘŁŃÓŚŹŻąćęłńóśźż]/g, '_');
}

/** A file name inside the package: no folders, nothing a file system refuses. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name, (c) =>
    c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c,
  )
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'plik' : cleaned.slice(0, 150);
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `<name>text</name>` or `<name attr="…">text</name>`, escaped. */
export function element(name: string, text: string | number | null, attributes = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return `<${name}${attrs}>${text === null ? '' : escapeXml(String(text))}</${name}>`;
}
