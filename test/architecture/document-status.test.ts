import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSources, readSource } from './table-writes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Whether the source updates the status column of `documents` (a Kysely `set` after the table). */
const setsDocumentStatus = (source: string) =>
  /updateTable\(\s*'documents'\s*\)[^;]*?\.set\(\s*(?:\{[^}]*\bstatus\b|\(\s*\w+\s*\)\s*=>\s*\(\{[^}]*\bstatus\b)/.test(
    source,
  );

describe("a document's status", () => {
  it('is set in exactly one file, the lifecycle of documents', () => {
    const writers = listSources(root).filter((file) => setsDocumentStatus(readSource(root, file)));
    expect(writers).toEqual(['src/modules/documents/document-lifecycle.ts']);
  });

  it('is recognised however the update is written', () => {
    expect(setsDocumentStatus(`trx.updateTable('documents').set({ status: 'signed' })`)).toBe(true);
    expect(
      setsDocumentStatus(
        `db\n  .updateTable('documents')\n  .set({ status: to })\n  .where('id', '=', id)`,
      ),
    ).toBe(true);
    expect(
      setsDocumentStatus(
        `trx.updateTable('documents').set((eb) => ({ current_version: eb('current_version', '+', 1) }))`,
      ),
    ).toBe(false);
  });
});
