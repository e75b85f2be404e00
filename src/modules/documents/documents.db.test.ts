import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { openFnCase } from '../../../test/support/factories.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { moveDocument } from './document-lifecycle.ts';
import { findDocument } from './documents.repository.ts';
import { addDocument, addDocumentVersion, cancelDraft, getDocument } from './documents.usecases.ts';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-documents-${process.pid}`),
  4 * 1024 * 1024,
);
const text = (content: string) => ({
  name: 'pismo.txt',
  content: new TextEncoder().encode(content),
});

async function draftInFnCase(title: string) {
  const { referent, kase } = await openFnCase(office, { title: `Sprawa: ${title}` });
  const deps = { ...referent, files };
  const added = await addDocument(deps, kase.id, { kind: 'letter', title }, text('Treść projektu'));
  return { deps, documentId: added.id };
}

describe('documents in a case', () => {
  it('keeps a draft with numbered versions and offers the draft steps', async () => {
    const { deps, documentId } = await draftInFnCase('Wezwanie do uzupełnienia wniosku');
    await addDocumentVersion(deps, documentId, text('Treść poprawiona'), 'po uwagach');
    const document = await getDocument(deps, documentId);
    expect(document.status).toBe('draft');
    expect(document.versions.map((v) => [v.version, v.note])).toEqual([
      [1, null],
      [2, 'po uwagach'],
    ]);
    expect(document.allowedActions).toEqual(['add_version', 'send_for_approval', 'cancel']);
  });

  it('cancels a draft, after which it takes no new version and cannot be cancelled again', async () => {
    const { deps, documentId } = await draftInFnCase('Projekt zastąpiony');
    expect(await cancelDraft(deps, documentId, 'zastąpiony nowym projektem')).toEqual({
      id: documentId,
      status: 'cancelled',
    });
    await expect(addDocumentVersion(deps, documentId, text('x'))).rejects.toMatchObject({
      code: 'document.not_draft',
    });
    await expect(cancelDraft(deps, documentId, 'raz jeszcze')).rejects.toMatchObject({
      code: 'document.not_draft',
    });
    expect((await getDocument(deps, documentId)).allowedActions).toEqual([]);
  });

  it('moves a document only from the status it has: a step on a stale status is refused', async () => {
    const { documentId } = await draftInFnCase('Projekt do akceptacji');
    const db = office.database.db;
    const draft = (await findDocument(db, office.demo.officeId, documentId))!;
    expect(await moveDocument(db, draft, 'send_for_approval')).toBe('in_approval');
    // A second step taken on what was read before the first one moved it.
    await expect(moveDocument(db, draft, 'send_for_approval')).rejects.toMatchObject({
      code: 'document.wrong_state',
    });
    const inApproval = (await findDocument(db, office.demo.officeId, documentId))!;
    await expect(moveDocument(db, inApproval, 'sign')).rejects.toMatchObject({
      code: 'document.wrong_state',
    });
    expect(await moveDocument(db, inApproval, 'approve')).toBe('approved');
    expect((await findDocument(db, office.demo.officeId, documentId))!.status).toBe('approved');
  });
});
