import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openFnCaseOverHttp } from './support/factories.ts';
import { useTestApi, type Client } from './support/http.ts';

const api = useTestApi();

async function upload(
  client: Client,
  url: string,
  fields: Record<string, string>,
  name: string,
  text: string,
) {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(text)], name));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return api.app.request(url, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${client.token}` },
  });
}

describe('documents in a case', () => {
  it('keeps every version with its checksum and author, and serves each one unchanged', async () => {
    const referent = await api.login('referent.fn');
    const caseId = await openFnCaseOverHttp(api, referent);
    const added = await upload(
      referent,
      `/api/v1/cases/${caseId}/documents`,
      { kind: 'decision', title: 'Decyzja w sprawie wymiaru podatku' },
      'decyzja-v1.txt',
      'Projekt decyzji, wersja pierwsza',
    );
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    const second = await upload(
      referent,
      `/api/v1/documents/${id}/versions`,
      { note: 'poprawiona podstawa prawna' },
      'decyzja-v2.txt',
      'Projekt decyzji, wersja druga – poprawiona',
    );
    expect(second.status).toBe(201);

    const document = (await (await referent.get(`/api/v1/documents/${id}`)).json()) as {
      status: string;
      currentVersion: number;
      versions: Array<{ version: number; sha256: string; author: string; note: string | null }>;
    };
    expect(document).toMatchObject({ status: 'draft', currentVersion: 2 });
    expect(document.versions.map((v) => [v.version, v.author, v.note])).toEqual([
      [1, 'Joanna Dąbrowska', null],
      [2, 'Joanna Dąbrowska', 'poprawiona podstawa prawna'],
    ]);
    const first = await referent.get(`/api/v1/documents/${id}/content?version=1`);
    expect(await first.text()).toBe('Projekt decyzji, wersja pierwsza');
    expect(first.headers.get('x-content-sha256')).toBe(document.versions[0]!.sha256);

    await expect(
      sql`update document_versions set note = 'x' where document_id = ${id}`.execute(
        api.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    const record = (await (await referent.get(`/api/v1/cases/${caseId}/record`)).json()) as {
      rows: Array<{ action: string; documentId: string | null }>;
    };
    expect(record.rows.filter((r) => r.documentId === id).map((r) => r.action)).toEqual([
      'document.added',
      'document.version_added',
      'document.version_added',
    ]);

    const outsider = await api.login('referent.or');
    expect((await outsider.get(`/api/v1/documents/${id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/documents/${id}/content`)).status).toBe(404);
  });

  it('rejects a document without a title or kind, writing nothing', async () => {
    const referent = await api.login('referent.fn');
    const caseId = await openFnCaseOverHttp(api, referent);
    const response = await upload(
      referent,
      `/api/v1/cases/${caseId}/documents`,
      { kind: 'poem', title: '' },
      'x.txt',
      'x',
    );
    expect(response.status).toBe(400);
    expect(
      (await (await referent.get(`/api/v1/cases/${caseId}/documents`)).json()) as unknown[],
    ).toEqual([]);
  });
});
