import { isValidPesel } from '../../../platform/polish-identifiers.ts';
import { portalErrors } from '../portal.errors.ts';

/**
 * Who the national identity node (Węzeł Krajowy, login.gov.pl) says the citizen is. The portal
 * keeps only what the law needs to identify a party: the name and the PESEL.
 */
export interface CitizenIdentity {
  pesel: string;
  name: string;
}

/**
 * Sign-in through an external identity provider. The portal knows only this interface: the
 * production adapter speaks SAML 2.0 to the national node, the demo and the tests use a local
 * identity provider that signs its assertions the same way.
 */
export interface IdentityProvider {
  /** Name on the sign-in button, e.g. "login.gov.pl". */
  readonly label: string;
  /** Where to send the browser to sign in; `acsUrl` is where the answer must come back. */
  startSignIn(context: { acsUrl: string; relayState: string }): Promise<string>;
  /** Checks the provider's answer posted to the ACS (signature, audience, time, one-time use). */
  finishSignIn(context: {
    acsUrl: string;
    form: Record<string, string>;
  }): Promise<{ identity: CitizenIdentity; relayState: string | null }>;
  /** SAML metadata of the portal as a service provider, to register it with the node. */
  metadata(context: { acsUrl: string }): Promise<string>;
}

/**
 * eIDAS natural-person attributes, as the national node releases them to service providers.
 * https://ec.europa.eu/digital-building-blocks/sites/display/DIGITAL/eIDAS+eID+Profile
 */
export const EIDAS_ATTRIBUTES = {
  personIdentifier: 'http://eidas.europa.eu/attributes/naturalperson/PersonIdentifier',
  givenName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentGivenName',
  familyName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentFamilyName',
  dateOfBirth: 'http://eidas.europa.eu/attributes/naturalperson/DateOfBirth',
} as const;

/** Identity from the released attributes: the PESEL (bare or as `PL/PL/<PESEL>`) and the name. */
export function identityFromAttributes(attributes: Record<string, unknown>): CitizenIdentity {
  const text = (name: string) => {
    const value = attributes[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const identifier = text(EIDAS_ATTRIBUTES.personIdentifier);
  const pesel = /^(?:PL\/PL\/)?(\d{11})$/.exec(identifier)?.[1];
  const name = [text(EIDAS_ATTRIBUTES.givenName), text(EIDAS_ATTRIBUTES.familyName)]
    .filter(Boolean)
    .join(' ');
  if (!pesel || !isValidPesel(pesel) || !name) {
    throw portalErrors.signInFailed({ reason: 'missing or invalid PESEL or name attributes' });
  }
  return { pesel, name };
}
