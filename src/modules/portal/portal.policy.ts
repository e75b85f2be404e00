/**
 * The portal's API paths open without a staff token: the forms on offer and the status lookup by
 * access code. Citizens are not staff actors: they sign in to the portal (SAML) and see only what
 * they submitted and the letters addressed to them, since every query of matters.repository.ts
 * is by the signed-in citizen's id.
 */
export const PUBLIC_PORTAL_PATHS = ['/portal/forms', '/portal/status-lookup'];
