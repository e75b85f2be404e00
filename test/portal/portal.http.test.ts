import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { DEFAULT_PORTAL_SETTINGS } from '../../src/modules/portal/portal-account.ts';
import { useDemoOffice } from '../support/context.ts';
import { json } from '../support/http.ts';
import {
  buildTaxApplication,
  createTestSignIn,
  SAMPLE_PDF,
  testFileStore,
} from './portal-support.ts';

const office = useDemoOffice('2026-03-02T09:00:00+01:00');
const files = testFileStore('http');
const IDP = 'http://idp.test';
let app: ReturnType<typeof createApp>;
let idpApp: Awaited<ReturnType<typeof createTestSignIn>>['idpApp'];

beforeAll(async () => {
  const signIn = await createTestSignIn({ db: office.database.db, clock: office.clock }, IDP);
  idpApp = signIn.idpApp;
  app = createApp(
    {
      db: office.database.db,
      clock: office.clock,
      files,
      logger: pino({ level: 'silent' }),
      sessionHours: 12,
    },
    {
      maxBodyBytes: 8 << 20,
      portal: {
        settings: { ...DEFAULT_PORTAL_SETTINGS, maxFileBytes: 1 << 20, lookupMaxFailures: 5 },
        identityProvider: signIn.identityProvider,
        demoIdentityProvider: null,
        trustProxy: false,
      },
    },
  );
});

const site = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    ...(cookie ? { cookie } : {}),
  },
});
const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';

/** Goes through the identity provider like a browser: request, choose the person, post back. */
async function signIn(back = '/portal/sprawy') {
  const start = await site(`/portal/logowanie?powrot=${encodeURIComponent(back)}`);
  expect(start.status).toBe(302);
  const toIdp = new URL(start.headers.get('location')!);
  expect(toIdp.origin).toBe(IDP);
  const login = await idpApp.request(`${toIdp.pathname}${toIdp.search}`);
  expect(login.status).toBe(200);
  // The identity provider's own page runs no script and is never framed (issue 18).
  expect(login.headers.get('content-security-policy')).toMatch(
    /default-src 'none'.*frame-ancestors 'none'/,
  );
  expect(login.headers.get('content-security-policy')).not.toContain('script-src');
  const page = await login.text();
  const answer = await idpApp.request(
    '/sso',
    form({
      SAMLRequest: hidden(page, 'SAMLRequest'),
      RelayState: hidden(page, 'RelayState'),
      givenName: 'Jan',
      familyName: 'Kowalski',
      pesel: '80010112357',
    }),
  );
  const autopost = await answer.text();
  expect(autopost).toContain('action="http://localhost/portal/saml/acs"');
  const samlResponse = hidden(autopost, 'SAMLResponse');
  const acs = await site(
    '/portal/saml/acs',
    form({ SAMLResponse: samlResponse, RelayState: hidden(autopost, 'RelayState') }),
  );
  expect(acs.status).toBe(303);
  const cookie = /obieg_portal=([^;]+)/.exec(acs.headers.get('set-cookie') ?? '')?.[0];
  expect(acs.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  return { cookie: cookie!, location: acs.headers.get('location'), samlResponse };
}

describe('the citizens portal over HTTP', () => {
  it('signs a citizen in through the SAML identity provider, once per answer', async () => {
    const { cookie, location, samlResponse } = await signIn('/portal/formularze/pismo-ogolne');
    expect(location).toBe('/portal/formularze/pismo-ogolne');
    const page = await (
      await site('/portal/formularze/pismo-ogolne', { headers: { cookie } })
    ).text();
    expect(page).toContain('Zalogowano: <strong>Jan Kowalski</strong>');
    expect(page).toContain('80010112357');
    const replay = await site('/portal/saml/acs', form({ SAMLResponse: samlResponse }));
    expect(replay.status).toBe(401);
    const citizens = await office.database.db.selectFrom('portal_citizens').selectAll().execute();
    expect(citizens.map((c) => [c.name, c.pesel])).toEqual([['Jan Kowalski', '80010112357']]);
  });

  it('takes an application with an attachment and shows the acknowledgement with the RPW number', async () => {
    const { cookie } = await signIn();
    const formPage = await (
      await site('/portal/formularze/podatek-od-nieruchomosci', { headers: { cookie } })
    ).text();
    const body = new FormData();
    body.append('_csrf', hidden(formPage, '_csrf'));
    for (const [name, value] of Object.entries(buildTaxApplication())) body.append(name, value);
    body.append('attachments', new File([SAMPLE_PDF], 'IN-1.pdf', { type: 'application/pdf' }));
    const submitted = await site('/portal/formularze/podatek-od-nieruchomosci', {
      method: 'POST',
      body,
      headers: { cookie },
    });
    expect(submitted.status).toBe(303);
    const matterUrl = submitted.headers.get('location')!;
    expect(matterUrl).toMatch(/^\/portal\/sprawy\/[0-9a-f-]{36}\?wyslano=1$/);
    const matter = await (await site(matterUrl, { headers: { cookie } })).text();
    expect(matter).toContain('Wniosek został złożony');
    expect(matter).toContain('RPW/1/2026');
    expect(matter).toContain('Przekazane do wydziału');
    expect(matter).toContain('Potwierdzenie złożenia pisma (PDF)');
    expect(matter).not.toContain('UPP');
    const receipt = await site(`${matterUrl.split('?')[0]}/potwierdzenie.xml`, {
      headers: { cookie },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-disposition')).toContain('attachment');
    const receiptXml = await receipt.text();
    expect(receiptXml).toContain('<pp:PotwierdzenieZlozeniaPisma');
    expect(receiptXml).toContain('<pp:NumerRPW>RPW/1/2026</pp:NumerRPW>');

    // Without the form's CSRF token nothing is submitted; without a session, sign in first.
    const forged = new FormData();
    for (const [name, value] of Object.entries(buildTaxApplication())) forged.append(name, value);
    const refused = await site('/portal/formularze/podatek-od-nieruchomosci', {
      method: 'POST',
      body: forged,
      headers: { cookie },
    });
    expect(refused.status).toBe(403);
    const anonymous = await site('/portal/sprawy');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/portal/logowanie?powrot=%2Fportal%2Fsprawy');
  });

  it('shows validation errors next to the fields, with a summary linking to them', async () => {
    const { cookie } = await signIn();
    const formPage = await (
      await site('/portal/formularze/zaswiadczenie-o-niezaleganiu', { headers: { cookie } })
    ).text();
    const answer = await site(
      '/portal/formularze/zaswiadczenie-o-niezaleganiu',
      form(
        {
          _csrf: hidden(formPage, '_csrf'),
          street: 'Polna 1',
          postalCode: '7260',
          town: 'Demo',
          purpose: 'loan',
          copies: '1',
          nip: '1234563219',
        },
        cookie,
      ),
    );
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toContain('Popraw błędy w formularzu');
    expect(page).toContain('href="#pole-postalCode"');
    expect(page).toMatch(
      /id="pole-nip"[^>]*aria-describedby="pole-nip-podpowiedz pole-nip-blad"[^>]*aria-invalid="true"/s,
    );
    expect(page).toContain('value="Polna 1"');
  });

  it('answers the status lookup API without a token, and reveals nothing without the code', async () => {
    const kancelaria = await loginStaff('kancelaria');
    const registered = await site('/api/v1/incoming', {
      ...json('POST', {
        title: 'Wniosek o wydanie zaświadczenia',
        sender: { name: 'Ewa Nowak', address: { town: 'Świnoujście', country: 'Polska' } },
        receivedAt: '2026-03-02T08:30:00+01:00',
        channel: 'paper',
      }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kancelaria}` },
    });
    const { id, rpwNumber, accessCode } = (await registered.json()) as {
      id: string;
      rpwNumber: string;
      accessCode: string;
    };
    expect(accessCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const shown = await site(`/api/v1/incoming/${id}`, {
      headers: { authorization: `Bearer ${kancelaria}` },
    });
    expect(await shown.json()).toMatchObject({ accessCode });

    const ok = await site(
      '/api/v1/portal/status-lookup',
      json('POST', { reference: rpwNumber, accessCode }),
    );
    expect(ok.status).toBe(200);
    const status = (await ok.json()) as Record<string, unknown>;
    expect(status).toMatchObject({ status: 'registered', caseSign: null });
    expect(JSON.stringify(status)).not.toContain('Ewa Nowak');
    const wrong = await site(
      '/api/v1/portal/status-lookup',
      json('POST', { reference: rpwNumber, accessCode: 'ZZZZZ-ZZZZZ' }),
    );
    const unknown = await site(
      '/api/v1/portal/status-lookup',
      json('POST', { reference: 'RPW/404/2026', accessCode }),
    );
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.json()).toEqual(await unknown.json());

    const html = await site('/portal/status', form({ reference: rpwNumber, accessCode }));
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Zarejestrowane');
    const forms = await site('/api/v1/portal/forms');
    expect(((await forms.json()) as unknown[]).length).toBe(4);
  });

  it('keeps its own pages under /portal: a 404 of the portal, never the staff application', async () => {
    const missing = await site('/portal/nie-ma-takiej-strony');
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('<html lang="pl">');
    expect(page).toContain('Nie znaleziono strony');
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const home = await site('/portal');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Zaloguj się przez login.gov.pl (test)');
  });
});

async function loginStaff(login: string) {
  const response = await site('/api/v1/auth/login', json('POST', { login, password: 'demo' }));
  return ((await response.json()) as { token: string }).token;
}
