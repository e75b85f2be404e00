import type { SamlConfig } from '@node-saml/node-saml';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { portalErrors } from '../portal.errors.ts';
import { identityFromAttributes, type IdentityProvider } from './identity-provider.ts';
import { samlRequestCache } from './saml-request-cache.ts';

export interface SamlProviderOptions {
  label: string;
  /** SingleSignOnService of the identity provider (HTTP-Redirect binding), or one per ACS URL. */
  entryPoint: string | ((acsUrl: string) => string);
  /** The provider's signing certificate(s), PEM. */
  idpCertificates: string[];
  /** Entity id of the portal as a service provider. */
  spEntityId: string;
  /** Entity id the provider's answers must be issued by; unset = not checked. */
  idpEntityId?: string | undefined;
}

/** eIDAS level of assurance asked for: "substantial" is what a trusted profile or e-ID gives. */
const LOA_SUBSTANTIAL = 'http://eidas.europa.eu/LoA/substantial';

/**
 * The portal as a SAML 2.0 service provider (node-saml): AuthnRequest by HTTP-Redirect, signed
 * Response and Assertion by HTTP-POST to the ACS, audience = our entity id, InResponseTo checked
 * against requests we sent (once each), eIDAS attributes mapped to the citizen's identity.
 *
 * The national node itself additionally uses the HTTP-Artifact binding with encrypted assertions
 * (ECDH-ES key agreement); that adapter would implement the same `IdentityProvider` interface.
 */
export function createSamlIdentityProvider(
  deps: { db: Db; clock: Clock },
  options: SamlProviderOptions,
): IdentityProvider {
  const cacheProvider = samlRequestCache(deps.db, deps.clock);
  // node-saml (with xml-crypto and xmldom) loads at the first sign-in, not with every process.
  const samlFor = async (acsUrl: string) => {
    const { SAML, ValidateInResponseTo } = await import('@node-saml/node-saml');
    const config: SamlConfig = {
      entryPoint:
        typeof options.entryPoint === 'string' ? options.entryPoint : options.entryPoint(acsUrl),
      idpCert: options.idpCertificates,
      issuer: options.spEntityId,
      audience: options.spEntityId,
      callbackUrl: acsUrl,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      validateInResponseTo: ValidateInResponseTo.always,
      cacheProvider,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      authnContext: [LOA_SUBSTANTIAL],
      racComparison: 'minimum',
      acceptedClockSkewMs: 60_000,
      ...(options.idpEntityId ? { idpIssuer: options.idpEntityId } : {}),
    };
    return new SAML(config);
  };
  return {
    label: options.label,
    async startSignIn({ acsUrl, relayState }) {
      return (await samlFor(acsUrl)).getAuthorizeUrlAsync(relayState, undefined, {});
    },
    async finishSignIn({ acsUrl, form }) {
      if (!form.SAMLResponse) throw portalErrors.signInFailed({ reason: 'no SAMLResponse' });
      let profile;
      try {
        ({ profile } = await (
          await samlFor(acsUrl)
        ).validatePostResponseAsync({
          SAMLResponse: form.SAMLResponse,
        }));
      } catch (error) {
        throw portalErrors.signInFailed({ reason: (error as Error).message });
      }
      if (!profile) throw portalErrors.signInFailed({ reason: 'no assertion' });
      const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
      return { identity: identityFromAttributes(attributes), relayState: form.RelayState ?? null };
    },
    async metadata({ acsUrl }) {
      return (await samlFor(acsUrl)).generateServiceProviderMetadata(null);
    },
  };
}
