import { describe, expect, it } from 'vitest';
import { openFnCaseOverHttp } from '../../../test/support/factories.ts';
import { useTestApi } from '../../../test/support/http.ts';

const api = useTestApi();

describe('letter templates over HTTP', () => {
  it('lists templates, lets only the administrator save one, and drafts a PDF into a case', async () => {
    const admin = await api.login('admin');
    const referent = await api.login('referent.fn');

    const saved = await admin.post('/api/v1/templates', {
      code: 'note',
      name: 'Notatka służbowa',
      kind: 'note',
      body: '# NOTATKA SŁUŻBOWA\n\n{{fields.content}}',
    });
    expect(saved.status).toBe(200);
    const forbidden = await referent.post('/api/v1/templates', {
      code: 'note',
      name: 'Notatka',
      kind: 'note',
      body: 'x',
    });
    expect(forbidden.status).toBe(403);

    const listed = (await (await referent.get('/api/v1/templates')).json()) as Array<{
      code: string;
      source: string;
      fields: string[];
    }>;
    expect(listed.find((t) => t.code === 'note')).toMatchObject({
      source: 'office',
      fields: ['content'],
    });
    expect(listed.map((t) => t.code)).toEqual(
      expect.arrayContaining(['letter', 'decision', 'delay_notice', 'completion_request']),
    );

    const caseId = await openFnCaseOverHttp(api, referent);
    const drafted = await referent.post(`/api/v1/cases/${caseId}/documents/from-template`, {
      templateCode: 'note',
      fields: { content: 'Strona telefonicznie potwierdziła adres do doręczeń.' },
    });
    expect(drafted.status).toBe(201);
    const { id } = (await drafted.json()) as { id: string };
    const content = await referent.get(`/api/v1/documents/${id}/content`);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await content.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const unknown = await referent.post(`/api/v1/cases/${caseId}/documents/from-template`, {
      templateCode: 'no_such',
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'template.not_found' } });
  });
});
