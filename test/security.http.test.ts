import { describe, expect, it } from 'vitest';
import { buildIncoming } from './support/factories.ts';
import { countIncomingItems, useTestApi } from './support/http.ts';

/**
 * The findings of the security review in issue 18, each tried the way it was found: through the
 * public HTTP contract of the staff API.
 */
const api = useTestApi();

async function errorCode(response: Response) {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

const countItems = () => countIncomingItems(api);

describe('security findings of issue 18', () => {
  it('refuses a NUL character or a lone surrogate in a title, a sender or a file name with 400, storing nothing', async () => {
    const kancelaria = await api.login('kancelaria');
    const before = await countItems();
    const letters = [
      buildIncoming({ title: 'Wniosek\u0000 o zaświadczenie' }),
      { ...buildIncoming(), sender: { name: 'Jan\u0000Kowalski' } },
      buildIncoming({ title: 'Skarga \ud800 na bezczynność' }),
    ];
    for (const letter of letters) {
      const response = await kancelaria.post('/api/v1/incoming', letter);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: {
          code: 'request.invalid_text',
          messagePl: expect.stringContaining('NUL'),
          message: expect.stringContaining('NUL'),
        },
      });
    }
    const letter = (await (await kancelaria.post('/api/v1/incoming', buildIncoming())).json()) as {
      id: string;
    };
    const upload = await kancelaria.upload(
      `/api/v1/incoming/${letter.id}/attachments`,
      'skan\u0000.pdf',
      new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
    );
    expect(upload.status).toBe(400);
    expect(await errorCode(upload)).toBe('request.invalid_text');
    expect(await countItems()).toBe(before + 1);
    const files = await kancelaria.get(`/api/v1/incoming/${letter.id}`);
    expect(((await files.json()) as { files: unknown[] }).files).toEqual([]);
  });

  it('refuses a letter date that is not in the calendar', async () => {
    const kancelaria = await api.login('kancelaria');
    for (const letterDate of ['2026-02-30', '2025-02-29', '2026-04-31']) {
      const response = await kancelaria.post('/api/v1/incoming', buildIncoming({ letterDate }));
      expect(response.status, letterDate).toBe(400);
      expect(await errorCode(response)).toBe('request.invalid');
    }
    for (const letterDate of ['2024-02-29', '2026-02', '2026']) {
      const response = await kancelaria.post('/api/v1/incoming', buildIncoming({ letterDate }));
      expect(response.status, letterDate).toBe(201);
    }
  });

  it('writes spis spraw titles that look like formulas as text, never as live cells', async () => {
    const referent = await api.login('referent.fn');
    const units = (await (await referent.get('/api/v1/org/units')).json()) as Array<{
      id: string;
      symbol: string;
    }>;
    const fn = units.find((u) => u.symbol === 'FN')!;
    const titles = [
      '=HYPERLINK("http://zly.example","Kliknij")',
      "+cmd|' /C calc'!A0",
      '@SUM(A1:A9)',
    ];
    for (const title of titles) {
      const opened = await referent.post('/api/v1/cases', {
        unitId: fn.id,
        jrwaSymbol: '3118',
        title,
      });
      expect(opened.status).toBe(201);
    }
    const kierownik = await api.login('kierownik.fn');
    const csv = await (
      await kierownik.get(`/api/v1/case-lists?year=2026&unitId=${fn.id}&jrwaSymbol=3118&format=csv`)
    ).text();
    const cells = csv.split(/[;\r\n]+/);
    for (const cell of cells) expect(cell).not.toMatch(/^"[=+\-@]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://zly.example"",""Kliknij"")"`);
    expect(csv).toContain(`"'@SUM(A1:A9)"`);
  });

  it('sends security headers on the API and serves uploaded HTML and SVG as sandboxed downloads', async () => {
    const kancelaria = await api.login('kancelaria');
    const me = await kancelaria.get('/api/v1/auth/me');
    expect(me.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(me.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(me.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('x-frame-options')).toBe('DENY');
    const anonymous = await api.app.request('/api/v1/incoming');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-content-type-options')).toBe('nosniff');
    expect(anonymous.headers.has('strict-transport-security')).toBe(false);
    const behindTls = await api.app.request('/api/v1/health', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);

    const letter = (await (await kancelaria.post('/api/v1/incoming', buildIncoming())).json()) as {
      id: string;
    };
    const uploads = {
      'strona.html': '<!doctype html><script>fetch("/api/v1/auth/me")</script>',
      'obraz.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    };
    for (const [name, content] of Object.entries(uploads)) {
      const attached = await kancelaria.upload(
        `/api/v1/incoming/${letter.id}/attachments`,
        name,
        new TextEncoder().encode(content),
      );
      expect(attached.status, name).toBe(201);
      const { fileId } = (await attached.json()) as { fileId: string };
      const served = await kancelaria.get(`/api/v1/incoming/${letter.id}/files/${fileId}/content`);
      expect(served.status).toBe(200);
      // Shown only as what it was stored as (plain text or an image type that runs nothing) or
      // downloaded; either way in a sandbox, and never sniffed into HTML.
      const type = served.headers.get('content-type')!;
      const disposition = served.headers.get('content-disposition')!;
      expect(
        disposition.startsWith('attachment;') || /^(text\/plain|image\/(png|jpeg))/.test(type),
        `${name}: ${type}, ${disposition}`,
      ).toBe(true);
      expect(type).not.toMatch(/html|svg/);
      expect(served.headers.get('content-security-policy'), name).toMatch(/^sandbox/);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers a signed-in clerk asking for an API token with 403, not 401', async () => {
    const clerk = await api.login('referent.fn');
    const response = await clerk.post(
      `/api/v1/org/people/${api.demo.people['referent.fn']}/api-tokens`,
      {
        name: 'mój token',
      },
    );
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('auth.forbidden');
  });
});
