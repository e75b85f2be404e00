import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { isValidPesel } from '../../../platform/polish-identifiers.ts';
import { EIDAS_ATTRIBUTES } from './identity-provider.ts';
import type { IdpSigningKey } from './idp-signing-key.ts';

/**
 * A small SAML 2.0 identity provider playing the national node (login.gov.pl) for the demo
 * (`npm start`) and the tests: it reads the portal's AuthnRequest, lets you choose who signs in
 * (no password: it is a demonstration) and posts back a Response whose Assertion and Response are
 * signed with RSA-SHA256 (exclusive c14n), carrying the eIDAS attributes the node releases.
 * It never runs unless the demo or a test starts it.
 */
export interface DemoIdpOptions {
  key: IdpSigningKey;
  entityId: string;
  /** ACS URLs the provider may post to: the portal's own, never an arbitrary one. */
  acceptAcs: (acsUrl: string) => boolean;
  now?: () => Date;
}

export const DEMO_CITIZENS = [
  { givenName: 'Jan', familyName: 'Kowalski', pesel: '80010112357' },
  { givenName: 'Anna', familyName: 'Wiśniewska', pesel: '85071545685' },
  { givenName: 'Tomasz', familyName: 'Zieliński', pesel: '92032087632' },
] as const;

const SAML_NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
};
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

interface AuthnRequest {
  id: string;
  acsUrl: string;
  spEntityId: string;
}

export function createDemoIdentityProvider(options: DemoIdpOptions) {
  const app = new Hono();
  const now = options.now ?? (() => new Date());
  // Its pages run no script but the auto-post's (with a nonce) and are never framed.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy'))
      c.res.headers.set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.get('/sso', (c) => {
    const encoded = c.req.query('SAMLRequest') ?? '';
    const request = parseAuthnRequest(encoded, true);
    if (!request || !options.acceptAcs(request.acsUrl))
      return c.text('Nieprawidłowe żądanie SAML.', 400);
    return c.html(loginPage(encoded, c.req.query('RelayState') ?? ''));
  });

  app.post('/sso', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const request = parseAuthnRequest(field('SAMLRequest'), true);
    if (!request || !options.acceptAcs(request.acsUrl))
      return c.text('Nieprawidłowe żądanie SAML.', 400);
    const citizen = {
      givenName: field('givenName').trim(),
      familyName: field('familyName').trim(),
      pesel: field('pesel').trim(),
    };
    if (!citizen.givenName || !citizen.familyName || !isValidPesel(citizen.pesel)) {
      return c.html(
        loginPage(
          field('SAMLRequest'),
          field('RelayState'),
          'Podaj imię, nazwisko i prawidłowy PESEL.',
        ),
        400,
      );
    }
    const response = await buildSignedResponse(options, request, citizen, now());
    const nonce = randomBytes(12).toString('base64');
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; form-action *; base-uri 'none'; frame-ancestors 'none'`,
    );
    return c.html(autoPostPage(request.acsUrl, response, field('RelayState'), nonce));
  });

  return app;
}

/** Reads an AuthnRequest: base64 of the raw-deflated XML (HTTP-Redirect binding). */
export function parseAuthnRequest(encoded: string, deflated: boolean): AuthnRequest | null {
  try {
    const bytes = Buffer.from(encoded, 'base64');
    const xml = (deflated ? inflateRawSync(bytes) : bytes).toString('utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (!root || root.localName !== 'AuthnRequest' || root.namespaceURI !== SAML_NS.protocol)
      return null;
    const issuer = root.getElementsByTagNameNS(SAML_NS.assertion, 'Issuer')[0]?.textContent?.trim();
    const id = root.getAttribute('ID');
    const acsUrl = root.getAttribute('AssertionConsumerServiceURL');
    if (!id || !acsUrl || !issuer) return null;
    return { id, acsUrl, spEntityId: issuer };
  } catch {
    return null;
  }
}

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function buildSignedResponse(
  options: Pick<DemoIdpOptions, 'key' | 'entityId'>,
  request: AuthnRequest,
  citizen: { givenName: string; familyName: string; pesel: string },
  at: Date,
): Promise<string> {
  // xml-crypto loads at the first demo sign-in, not with every process.
  const { SignedXml } = await import('xml-crypto');
  const sign = (xml: string, reference: string, after: string) => {
    const signature = new SignedXml({
      privateKey: options.key.privateKeyPem,
      publicCert: options.key.certificatePem,
      signatureAlgorithm: RSA_SHA256,
      canonicalizationAlgorithm: EXC_C14N,
    });
    signature.addReference({
      xpath: reference,
      digestAlgorithm: SHA256,
      transforms: [ENVELOPED, EXC_C14N],
    });
    signature.computeSignature(xml, {
      prefix: 'ds',
      location: { reference: after, action: 'after' },
    });
    return signature.getSignedXml();
  };
  const iso = (offsetMs: number) => new Date(at.getTime() + offsetMs).toISOString();
  const id = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
  const attribute = (name: string, value: string) =>
    `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`;
  const acs = escapeXml(request.acsUrl);
  const xml =
    `<samlp:Response xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}" ID="${id('_r')}" Version="2.0" IssueInstant="${iso(0)}" Destination="${acs}" InResponseTo="${escapeXml(request.id)}">` +
    `<saml:Issuer>${escapeXml(options.entityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${id('_a')}" Version="2.0" IssueInstant="${iso(0)}">` +
    `<saml:Issuer>${escapeXml(options.entityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${id('_p')}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${escapeXml(request.id)}" NotOnOrAfter="${iso(5 * 60_000)}" Recipient="${acs}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(-60_000)}" NotOnOrAfter="${iso(5 * 60_000)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(request.spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(0)}" SessionIndex="${id('_s')}"><saml:AuthnContext><saml:AuthnContextClassRef>http://eidas.europa.eu/LoA/substantial</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    attribute(EIDAS_ATTRIBUTES.personIdentifier, citizen.pesel) +
    attribute(EIDAS_ATTRIBUTES.givenName, citizen.givenName) +
    attribute(EIDAS_ATTRIBUTES.familyName, citizen.familyName) +
    `</saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  const assertionSigned = sign(
    xml,
    "//*[local-name(.)='Assertion']",
    "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
  );
  const signed = sign(
    assertionSigned,
    "/*[local-name(.)='Response']",
    "/*[local-name(.)='Response']/*[local-name(.)='Issuer']",
  );
  return Buffer.from(signed, 'utf8').toString('base64');
}

function loginPage(samlRequest: string, relayState: string, error?: string) {
  const first = DEMO_CITIZENS[0];
  return html`<!doctype html>
    <html lang="pl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Demonstracyjny login.gov.pl – wybierz osobę</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            max-width: 36rem;
            margin: 2rem auto;
            padding: 0 1rem;
            color: #1b1b1b;
          }
          label {
            display: block;
            margin-top: 1rem;
            font-weight: 600;
          }
          input {
            font-size: 1rem;
            padding: 0.5rem;
            width: 100%;
            box-sizing: border-box;
            border: 2px solid #555;
          }
          button {
            margin-top: 1.5rem;
            font-size: 1rem;
            padding: 0.75rem 1.25rem;
            background: #0b4f8a;
            color: #fff;
            border: 0;
          }
          .note {
            background: #fff4ce;
            border-left: 4px solid #8a6d00;
            padding: 0.75rem;
          }
          .error {
            color: #a4000f;
            font-weight: 600;
          }
        </style>
      </head>
      <body>
        <main>
          <h1>Demonstracyjny dostawca tożsamości</h1>
          <p class="note">
            To nie jest login.gov.pl. Ta strona zastępuje Węzeł Krajowy w wersji demonstracyjnej i w
            testach: wybierz, kim chcesz się zalogować.
          </p>
          ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
          <form method="post" action="sso">
            <input type="hidden" name="SAMLRequest" value="${samlRequest}" />
            <input type="hidden" name="RelayState" value="${relayState}" />
            <label for="givenName">Imię</label>
            <input
              id="givenName"
              name="givenName"
              value="${first.givenName}"
              autocomplete="given-name"
            />
            <label for="familyName">Nazwisko</label>
            <input
              id="familyName"
              name="familyName"
              value="${first.familyName}"
              autocomplete="family-name"
            />
            <label for="pesel">PESEL</label>
            <input id="pesel" name="pesel" value="${first.pesel}" inputmode="numeric" />
            <p>
              Przykładowe osoby:
              ${DEMO_CITIZENS.map((p) => `${p.givenName} ${p.familyName} (${p.pesel})`).join(', ')}.
            </p>
            <button type="submit">Zaloguj i wróć do portalu</button>
          </form>
        </main>
      </body>
    </html>`;
}

function autoPostPage(acsUrl: string, samlResponse: string, relayState: string, nonce: string) {
  return html`<!doctype html>
    <html lang="pl">
      <head>
        <meta charset="utf-8" />
        <title>Powrót do portalu</title>
      </head>
      <body>
        <form method="post" action="${acsUrl}">
          <input type="hidden" name="SAMLResponse" value="${samlResponse}" />
          <input type="hidden" name="RelayState" value="${relayState}" />
          <noscript><button type="submit">Wróć do portalu</button></noscript>
        </form>
        <script nonce="${nonce}">
          document.forms[0].submit();
        </script>
      </body>
    </html>`;
}
