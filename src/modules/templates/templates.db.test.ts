import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { openFnCase } from '../../../test/support/factories.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { extendCaseDeadline, setCaseDeadline } from '../case-deadlines/case-deadlines.usecases.ts';
import { getDocument, readDocumentVersion } from '../documents/documents.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { extractPdfText } from '../../platform/files/pdf-text.ts';
import {
  createDelayNoticeDraft,
  createDraftFromTemplate,
  renderTemplatePreview,
} from './template-drafts.usecases.ts';
import { listTemplates, saveLetterhead, saveTemplate } from './templates.usecases.ts';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-templates-${process.pid}`),
  4 * 1024 * 1024,
);
const decisionFields = {
  legal_basis: 'art. 6 ustawy o podatkach i opłatach lokalnych',
  ruling: 'Ustalam wysokość podatku od nieruchomości na rok 2026 w kwocie 1 234,00 zł.',
  reasoning: 'Strona złożyła informację o nieruchomościach; organ ustalił podstawę opodatkowania.',
  appeal_body: 'Samorządowego Kolegium Odwoławczego w Szczecinie',
};

/** An FN case opened from a letter; the handler's deps carry the file store for drafts. */
async function openFnCaseWithFiles(title?: string) {
  const { referent, kase } = await openFnCase(office, title ? { title } : {});
  return { referent: { ...referent, files }, kase };
}

async function pdfText(deps: Parameters<typeof readDocumentVersion>[0], documentId: string) {
  const { content } = await readDocumentVersion(deps, documentId);
  return (await extractPdfText(content)).pages.join(' ');
}

/** Rows a failed draft must not leave behind. */
async function countWrites(caseId: string) {
  const db = office.database.db;
  const count = async (table: 'documents' | 'case_record_rows' | 'audit_events') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n;
  const files = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    documents: Number(await count('documents')),
    recordRows: Number(await count('case_record_rows')),
    events: Number(await count('audit_events')),
    files: Number(files.n),
  };
}

describe('drafts from letter templates', () => {
  it('renders a decision into a draft PDF of the case, with its case-record row', async () => {
    const { referent, kase } = await openFnCaseWithFiles();
    const created = await createDraftFromTemplate(referent, kase.id, {
      templateCode: 'decision',
      fields: decisionFields,
    });

    const document = await getDocument(referent, created.id);
    expect(document).toMatchObject({
      kind: 'decision',
      status: 'draft',
      title: 'Decyzja administracyjna',
      templateId: 'default.decision',
      currentVersion: 1,
    });
    expect(document.versions[0]).toMatchObject({ contentType: 'application/pdf' });
    const text = await pdfText(referent, created.id);
    expect(text).toContain('Demo, dnia 2 marca 2026 r.');
    expect(text).toContain(`Znak sprawy: ${kase.sign}`);
    expect(text).toContain('Urząd Miasta Demo Wydział Finansowy');
    expect(text).toContain('Jan Kowalski ul. Wojska Polskiego 1 72-600 Świnoujście');
    expect(text).toContain('w kwocie 1 234,00 zł.');
    expect(text).toContain('Samorządowego Kolegium Odwoławczego w Szczecinie');
    expect(text).toContain('Joanna Dąbrowska');

    const record = await getCaseRecord(referent, kase.id);
    expect(record.rows.slice(-2).map((r) => r.action)).toEqual([
      'document.added',
      'document.version_added',
    ]);
    expect(record.rows.at(-2)!.description).toContain('z szablonu default.decision');
  });

  it('writes nothing for an unknown template, a missing field or an unknown placeholder', async () => {
    const { referent, kase } = await openFnCaseWithFiles();
    const before = await countWrites(kase.id);

    await expect(
      createDraftFromTemplate(referent, kase.id, { templateCode: 'no_such', fields: {} }),
    ).rejects.toMatchObject({ code: 'template.not_found', status: 404 });
    await expect(
      createDraftFromTemplate(referent, kase.id, {
        templateCode: 'decision',
        fields: { ...decisionFields, ruling: ' ' },
      }),
    ).rejects.toMatchObject({
      code: 'template.missing_value',
      status: 422,
      details: { missing: ['fields.ruling'] },
    });
    // A row written before a placeholder was retired: saving it today would be refused.
    await office.database.db
      .insertInto('letter_templates')
      .values({
        office_id: office.demo.officeId,
        code: 'legacy',
        name: 'Stary szablon',
        kind: 'letter',
        body: 'Szanowny Panie {{party.nickname}}',
        created_by: office.demo.people['admin']!,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    await expect(
      createDraftFromTemplate(referent, kase.id, { templateCode: 'legacy', fields: {} }),
    ).rejects.toMatchObject({
      code: 'template.unknown_placeholder',
      status: 422,
      details: { unknown: ['party.nickname'] },
    });

    expect(await countWrites(kase.id)).toEqual(before);
  });

  it('hides a case outside the handler’s scope (404) and keeps templates for the administrator', async () => {
    const { kase } = await openFnCaseWithFiles();
    const outsider = { ...(await office.as('referent.gk')), files };
    await expect(
      createDraftFromTemplate(outsider, kase.id, { templateCode: 'letter', fields: {} }),
    ).rejects.toMatchObject({ code: 'case.not_found', status: 404 });
    await expect(
      saveTemplate(await office.as('referent.fn'), {
        code: 'letter',
        name: 'Pismo',
        kind: 'letter',
        body: 'x',
      }),
    ).rejects.toMatchObject({ code: 'template.forbidden', status: 403 });
    await expect(
      saveTemplate(await office.as('admin'), {
        code: 'letter',
        name: 'Pismo',
        kind: 'letter',
        body: 'Szanowny Panie {{party.nickname}}',
      }),
    ).rejects.toMatchObject({ code: 'template.unknown_placeholder' });
  });

  it('lets an office override a built-in template by code and set its letterhead', async () => {
    const admin = await office.as('admin');
    const saved = await saveTemplate(admin, {
      code: 'letter',
      name: 'Pismo ogólne Wydziału',
      kind: 'letter',
      body: 'W sprawie {{case.title}} ({{unit.name}}):\n\n{{fields.content}}\n\nTermin: {{today}}',
    });
    expect(saved).toMatchObject({ source: 'office', fields: ['content'] });
    await saveLetterhead(admin, { town: 'Świnoujście', address: 'ul. Wojska Polskiego 1/5' });
    const listed = await listTemplates(await office.as('referent.fn'));
    expect(listed.find((t) => t.code === 'letter')).toMatchObject({
      id: saved.id,
      name: 'Pismo ogólne Wydziału',
    });
    expect(listed.find((t) => t.code === 'decision')).toMatchObject({ source: 'default' });

    const { referent, kase } = await openFnCaseWithFiles('Ulga w podatku');
    const created = await createDraftFromTemplate(referent, kase.id, {
      templateCode: 'letter',
      title: 'Odpowiedź w sprawie ulgi',
      fields: { content: 'Uprzejmie informuję, że wniosek jest kompletny.' },
    });
    expect(await getDocument(referent, created.id)).toMatchObject({
      title: 'Odpowiedź w sprawie ulgi',
      templateId: saved.id,
    });
    const text = await pdfText(referent, created.id);
    expect(text).toContain('Świnoujście, dnia 2 marca 2026 r.');
    expect(text).toContain('ul. Wojska Polskiego 1/5');
    expect(text).toContain('W sprawie Ulga w podatku (Wydział Finansowy):');
    expect(text).toContain('Termin: 2 marca 2026 r.');
  });

  it('drafts the art. 36 delay notice inside the caller’s transaction, rolled back with it', async () => {
    const { referent, kase } = await openFnCaseWithFiles('Zwrot nadpłaty');
    await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-05-15',
      reason: 'konieczność uzyskania opinii biegłego',
    });

    const before = await countWrites(kase.id);
    await expect(
      runInTransaction(referent, async (tx) => {
        await createDelayNoticeDraft(tx, files, kase.id);
        throw new Error('the surrounding change failed');
      }),
    ).rejects.toThrow('the surrounding change failed');
    expect(await countWrites(kase.id)).toEqual(before);

    const notice = await runInTransaction(referent, (tx) =>
      createDelayNoticeDraft(tx, files, kase.id),
    );
    expect(await getDocument(referent, notice.id)).toMatchObject({
      kind: 'delay_notice',
      templateId: 'default.delay_notice',
    });
    const text = await pdfText(referent, notice.id);
    expect(text).toContain('nie zostanie załatwiona w terminie do dnia 2 kwietnia 2026 r.');
    expect(text).toContain('Przyczyna zwłoki: konieczność uzyskania opinii biegłego.');
    expect(text).toContain('Nowy termin załatwienia sprawy wyznaczam na dzień 15 maja 2026 r.');
    expect(text).toContain('ponaglenia');
  });

  it('previews a template as a PDF without writing anything', async () => {
    const { referent, kase } = await openFnCaseWithFiles();
    const before = await countWrites(kase.id);
    const pdf = await renderTemplatePreview(referent, {
      caseId: kase.id,
      body: 'Podgląd: {{case.signature}}, {{handler.name}}, {{handler.position}}',
      fields: {},
    });
    expect((await extractPdfText(pdf)).pages[0]).toContain(`Podgląd: ${kase.sign}, Joanna`);
    expect(await countWrites(kase.id)).toEqual(before);
  });
});
