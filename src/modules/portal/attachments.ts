import { sniffContentType } from '../../platform/files/file-store.ts';
import type { PortalSettings } from './portal-account.ts';

/**
 * What a citizen may attach: formats of the National Interoperability Framework (KRI, annex 2)
 * that an office can open and archive, with limits on size and number. The type is read from
 * the content, never from the file name.
 */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/rtf': 'RTF',
  'text/plain': 'TXT',
  'application/xml': 'XML (np. plik podpisu XAdES)',
};

export const acceptedTypesLabel = () => [...new Set(Object.values(ACCEPTED_TYPES))].join(', ');

export interface Upload {
  name: string;
  content: Uint8Array;
}

export interface CheckedUpload extends Upload {
  contentType: string;
}

/** The file name without a path or control characters, at most 150 characters, never empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  if (!clean) return 'zalacznik';
  if (clean.length <= 150) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 150 - extension.length) + extension;
}

/**
 * Checks the attachments of one application: number, size and type of each, and whether the
 * form requires at least one. Returns the accepted files or a Polish message.
 */
export async function checkAttachments(
  uploads: ReadonlyArray<Upload>,
  limits: Pick<PortalSettings, 'maxFileBytes' | 'maxFiles'>,
  required: boolean,
): Promise<{ files: CheckedUpload[]; error: string | null }> {
  const present = uploads.filter((u) => u.content.byteLength > 0 || u.name.trim() !== '');
  if (present.length === 0) {
    return { files: [], error: required ? 'Dołącz co najmniej jeden wymagany załącznik.' : null };
  }
  if (present.length > limits.maxFiles) {
    return { files: [], error: `Możesz dołączyć najwyżej ${limits.maxFiles} plików.` };
  }
  const files: CheckedUpload[] = [];
  const names = new Set<string>();
  const megabytes = Math.round((limits.maxFileBytes / 1048576) * 10) / 10;
  for (const upload of present) {
    let name = cleanFileName(upload.name);
    if (upload.content.byteLength === 0) return { files: [], error: `Plik „${name}” jest pusty.` };
    if (upload.content.byteLength > limits.maxFileBytes) {
      return { files: [], error: `Plik „${name}” jest większy niż ${megabytes} MB.` };
    }
    const contentType = await sniffContentType(upload.content);
    if (!ACCEPTED_TYPES[contentType]) {
      return {
        files: [],
        error: `Plik „${name}” ma format, którego urząd nie przyjmuje. Dozwolone formaty: ${acceptedTypesLabel()}.`,
      };
    }
    for (let n = 2; names.has(name); n += 1) name = `${n}-${cleanFileName(upload.name)}`;
    names.add(name);
    files.push({ name, content: upload.content, contentType });
  }
  return { files, error: null };
}
