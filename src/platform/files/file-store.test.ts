import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskFileStore } from './file-store.ts';

const roots: string[] = [];
const freshRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-files-'));
  roots.push(root);
  return path.join(root, 'files');
};
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );

describe('content-addressed file store on disk', () => {
  it('stores content under its SHA-256 once, creating its directories, with no temporary file left', async () => {
    const root = freshRoot();
    const store = createDiskFileStore(root, 1024 * 1024);
    const content = new TextEncoder().encode('Wniosek o wydanie zaświadczenia\n');
    const sha256 = createHash('sha256').update(content).digest('hex');

    const first = await store.put(content);
    const again = await store.put(content);
    expect(first).toEqual({ sha256, sizeBytes: content.byteLength, contentType: 'text/plain' });
    expect(again).toEqual(first);
    expect(filesUnder(root)).toEqual([
      path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    ]);
    expect(Buffer.compare(await store.get(sha256), Buffer.from(content))).toBe(0);
  });

  it('refuses empty, oversized and executable content and writes nothing', async () => {
    const root = freshRoot();
    const store = createDiskFileStore(root, 16);
    await expect(store.put(new Uint8Array())).rejects.toMatchObject({ code: 'file.empty' });
    await expect(store.put(new Uint8Array(17).fill(65))).rejects.toMatchObject({
      code: 'file.too_large',
    });
    await expect(store.put(new TextEncoder().encode('#!/bin/sh\n'))).rejects.toMatchObject({
      code: 'file.type_rejected',
    });
    expect(fs.existsSync(root) ? filesUnder(root) : []).toEqual([]);
  });
});
