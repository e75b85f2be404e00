import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Settings } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { createDemoIdentityProvider } from './identity/demo-identity-provider.ts';
import type { IdentityProvider } from './identity/identity-provider.ts';
import {
  createIdpSigningKey,
  demoIdpSigningKey,
  type IdpSigningKey,
} from './identity/idp-signing-key.ts';
import { createSamlIdentityProvider } from './identity/saml-identity-provider.ts';
import { DEFAULT_PORTAL_SETTINGS, type PortalSettings } from './portal-account.ts';

/** Everything the portal's HTTP side needs beyond the application's dependencies. */
export interface PortalOptions {
  settings: PortalSettings;
  /** Null: signing in is off (the status lookup still works). */
  identityProvider: IdentityProvider | null;
  /** The demo identity provider, served at /portal/demo-idp when sign-in is `demo`. */
  demoIdentityProvider: Hono | null;
  publicUrl?: string | undefined;
  trustProxy: boolean;
}

export const DEMO_IDP_PATH = '/portal/demo-idp';
export const ACS_PATH = '/portal/saml/acs';

export const defaultPortalOptions = (): PortalOptions => ({
  settings: DEFAULT_PORTAL_SETTINGS,
  identityProvider: null,
  demoIdentityProvider: null,
  trustProxy: false,
});

export function portalSettingsFrom(settings: Settings): PortalSettings {
  return {
    officeCode: settings.OBIEG_PORTAL_OFFICE,
    maxFileBytes: settings.OBIEG_PORTAL_MAX_FILE_MB * 1024 * 1024,
    maxFiles: settings.OBIEG_PORTAL_MAX_FILES,
    sessionMinutes: settings.OBIEG_PORTAL_SESSION_MINUTES,
    lookupMaxFailures: settings.OBIEG_PORTAL_LOOKUP_MAX_FAILURES,
    lookupWindowMinutes: settings.OBIEG_PORTAL_LOOKUP_WINDOW_MIN,
    uncollectedAfterDays: settings.OBIEG_PORTAL_UNCOLLECTED_DAYS,
  };
}

/** The portal's options from the settings; `demo` is true under `obieg serve --demo`. */
export async function buildPortalOptions(
  settings: Settings,
  deps: { db: Db; clock: Clock },
  options: { demo?: boolean } = {},
): Promise<PortalOptions> {
  const portal = portalSettingsFrom(settings);
  const login =
    settings.OBIEG_PORTAL_LOGIN ??
    (settings.OBIEG_PORTAL_SAML_ENTRY_POINT ? 'saml' : options.demo ? 'demo' : 'off');
  const base = {
    settings: portal,
    publicUrl: settings.OBIEG_PORTAL_PUBLIC_URL,
    trustProxy: settings.OBIEG_TRUST_PROXY || settings.OBIEG_PORTAL_TRUST_PROXY,
  };
  if (login === 'off') return { ...base, identityProvider: null, demoIdentityProvider: null };
  if (login === 'demo')
    return {
      ...base,
      ...(await createDemoSignIn(
        deps,
        settings.OBIEG_PORTAL_SAML_SP_ENTITY_ID,
        await demoIdpSigningKey(settings.OBIEG_DATA_DIR),
      )),
    };
  if (!settings.OBIEG_PORTAL_SAML_ENTRY_POINT || !settings.OBIEG_PORTAL_SAML_IDP_CERT) {
    throw new Error(
      'OBIEG_PORTAL_LOGIN=saml wymaga OBIEG_PORTAL_SAML_ENTRY_POINT i OBIEG_PORTAL_SAML_IDP_CERT / needs the entry point and the IdP certificate',
    );
  }
  const pem = readFileSync(settings.OBIEG_PORTAL_SAML_IDP_CERT, 'utf8');
  return {
    ...base,
    demoIdentityProvider: null,
    identityProvider: createSamlIdentityProvider(deps, {
      label: 'login.gov.pl',
      entryPoint: settings.OBIEG_PORTAL_SAML_ENTRY_POINT,
      idpCertificates: splitPemCertificates(pem),
      spEntityId: settings.OBIEG_PORTAL_SAML_SP_ENTITY_ID,
      idpEntityId: settings.OBIEG_PORTAL_SAML_IDP_ENTITY_ID,
    }),
  };
}

/**
 * Sign-in through the demo identity provider served by this process: the same SAML service
 * provider as in production, talking to a local provider that signs with a throw-away key.
 */
export async function createDemoSignIn(
  deps: { db: Db; clock: Clock },
  spEntityId: string,
  givenKey?: IdpSigningKey,
) {
  const key = givenKey ?? (await createIdpSigningKey());
  const entityId = 'urn:obieg:demo-idp';
  return {
    demoIdentityProvider: createDemoIdentityProvider({
      key,
      entityId,
      acceptAcs: (url) => URL.canParse(url) && new URL(url).pathname === ACS_PATH,
    }),
    identityProvider: createSamlIdentityProvider(deps, {
      label: 'login.gov.pl (wersja demonstracyjna)',
      entryPoint: (acsUrl) => new URL(`${DEMO_IDP_PATH}/sso`, acsUrl).toString(),
      idpCertificates: [key.certificatePem],
      spEntityId,
      idpEntityId: entityId,
    }),
  };
}

export function splitPemCertificates(pem: string): string[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks?.length) throw new Error('no PEM certificate in OBIEG_PORTAL_SAML_IDP_CERT');
  return blocks;
}
