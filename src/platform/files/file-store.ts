import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  contentType: string;
}

export interface FileStore {
  put(content: Uint8Array): Promise<StoredBlob>;
  /** The content; `file.gone` (410) when it is not in the store (destroyed in brakowanie). */
  get(sha256: string): Promise<Buffer>;
  /** Removes the content for good (disposal); removing what is not there is no error. */
  remove(sha256: string): Promise<void>;
}

/** Executables are never accepted into an office's records. */
const REJECTED_TYPES = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sh',
]);

/**
 * Content-addressed store on disk: a file lives at `<root>/ab/cd/<sha256>`, so the same content
 * is stored once. Writes go to a temporary name first and are renamed into place atomically.
 *
 * Durable before it returns: the content and the directory entry are flushed to disk (fsync)
 * before `put` resolves, so that the database row committed after it never names a file a power
 * cut has lost — the same promise PostgreSQL makes for the row itself.
 */
export function createDiskFileStore(root: string, maxBytes: number): FileStore {
  const blobPath = (sha256: string) =>
    path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const directories = new DurableDirectories();
  return {
    async put(content) {
      if (content.byteLength > maxBytes) {
        throw new AppError(
          'file.too_large',
          413,
          `The file exceeds the limit of ${Math.round(maxBytes / 1048576)} MB.`,
          `Plik przekracza limit ${Math.round(maxBytes / 1048576)} MB.`,
        );
      }
      if (content.byteLength === 0) {
        throw new AppError('file.empty', 400, 'The file is empty.', 'Plik jest pusty.');
      }
      const contentType = await sniffContentType(content);
      if (REJECTED_TYPES.has(contentType)) {
        throw new AppError(
          'file.type_rejected',
          415,
          `Files of type ${contentType} are not accepted.`,
          `Pliki typu ${contentType} nie są przyjmowane.`,
        );
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      const target = blobPath(sha256);
      const exists = await fs.stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) {
        const directory = path.dirname(target);
        await directories.ensure(directory);
        const temporary = `${target}.${randomUUID()}.tmp`;
        const handle = await fs.open(temporary, 'wx');
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temporary, target);
        await syncDirectory(directory);
      }
      return { sha256, sizeBytes: content.byteLength, contentType };
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
      try {
        return await fs.readFile(blobPath(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        throw new AppError(
          'file.gone',
          410,
          'The content of this file is no longer kept (destroyed with the state archive’s consent; the protocol remains).',
          'Treść tego pliku nie jest już przechowywana (zniszczona za zgodą archiwum państwowego; protokół pozostaje).',
        );
      }
    },
    async remove(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
      const target = blobPath(sha256);
      try {
        await fs.unlink(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      await syncDirectory(path.dirname(target));
    },
  };
}

/**
 * The store's two levels of directories, created once per process: a new directory's own entry
 * is flushed in its parent too, or a power cut could take the directory with the files in it.
 */
class DurableDirectories {
  private readonly known = new Set<string>();

  async ensure(directory: string): Promise<void> {
    if (this.known.has(directory)) return;
    const created = await fs.mkdir(directory, { recursive: true });
    if (created) {
      // mkdir names the first directory it made; flush each new level's entry in its parent.
      for (let at = directory; at.length >= created.length; at = path.dirname(at)) {
        await syncDirectory(path.dirname(at));
      }
    }
    this.known.add(directory);
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The type is read from the content, never trusted from the client. */
export async function sniffContentType(content: Uint8Array): Promise<string> {
  // file-type loads with the first upload, not with every process.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  let head: string;
  try {
    // `stream: true` tolerates a multi-byte character cut at the 4 KiB boundary.
    head = new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(0, 4096), {
      stream: true,
    });
  } catch {
    return 'application/octet-stream';
  }
  if (head.includes('\u0000')) return 'application/octet-stream';
  if (/^\s*<\?xml|^\s*<[A-Za-z]/.test(head)) return 'application/xml';
  if (/^#!/.test(head)) return 'application/x-sh';
  return 'text/plain';
}
