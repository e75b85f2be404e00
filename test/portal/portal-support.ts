import os from 'node:os';
import path from 'node:path';
import type { TestOffice } from '../support/context.ts';
import { enrolTestSigner } from '../support/signing.ts';
import { createDiskFileStore, type FileStore } from '../../src/platform/files/file-store.ts';
import {
  decideApproval,
  listMyApprovalTasks,
  sendForApproval,
} from '../../src/modules/approvals/approvals.usecases.ts';
import {
  acceptAssignment,
  forwardAssignment,
  listAssignments,
} from '../../src/modules/assignments/assignments.usecases.ts';
import { issueDecision } from '../../src/modules/case-closing/case-closing.usecases.ts';
import { openCase } from '../../src/modules/cases/cases.usecases.ts';
import { setCaseDeadline } from '../../src/modules/case-deadlines/case-deadlines.usecases.ts';
import { registerOutgoing } from '../../src/modules/dispatch/dispatch.usecases.ts';
import { portalDispatchOutlet } from '../../src/modules/portal/portal-letters.ts';
import { signDocument } from '../../src/modules/signatures/signatures.usecases.ts';
import { createTestPki, type TestPki } from '../../src/modules/signatures/throwaway-ca.ts';
import { createDraftFromTemplate } from '../../src/modules/templates/template-drafts.usecases.ts';
import { signInCitizen } from '../../src/modules/portal/citizen-sessions.usecases.ts';
import {
  createDemoIdentityProvider,
  DEMO_CITIZENS,
} from '../../src/modules/portal/identity/demo-identity-provider.ts';
import { createIdpSigningKey } from '../../src/modules/portal/identity/idp-signing-key.ts';
import { createSamlIdentityProvider } from '../../src/modules/portal/identity/saml-identity-provider.ts';
import {
  DEFAULT_PORTAL_SETTINGS,
  resolvePortalOffice,
  type PortalDeps,
  type PortalSettings,
} from '../../src/modules/portal/portal-account.ts';

/** A file store of its own per test file (content-addressed, in the temp directory). */
export function testFileStore(name: string, maxBytes = 8 << 20): FileStore {
  return createDiskFileStore(
    path.join(os.tmpdir(), `obieg-portal-${name}-${process.pid}`),
    maxBytes,
  );
}

/** Portal dependencies over the demo office of a test; override any setting. */
export function portalDeps(
  office: TestOffice,
  files: FileStore,
  settings: Partial<PortalSettings> = {},
): PortalDeps {
  return {
    db: office.database.db,
    clock: office.clock,
    files,
    portal: { ...DEFAULT_PORTAL_SETTINGS, ...settings },
  };
}

/** A citizen signed in as the identity provider would confirm them (Jan Kowalski by default). */
export async function signInAs(deps: PortalDeps, citizen: { name?: string; pesel?: string } = {}) {
  const first = DEMO_CITIZENS[0];
  const office = await resolvePortalOffice(deps.db, deps.portal);
  return signInCitizen(deps, office, {
    name: citizen.name ?? `${first.givenName} ${first.familyName}`,
    pesel: citizen.pesel ?? first.pesel,
  });
}

/** Values of the tax-matter form (a decision, with an appeal term, ends it). */
export function buildTaxApplication(overrides: Record<string, string> = {}) {
  return {
    street: 'ul. Wojska Polskiego 1/5',
    postalCode: '72-600',
    town: 'Świnoujście',
    email: 'jan.kowalski@example.com',
    matter: 'instalments',
    propertyAddress: 'ul. Wojska Polskiego 1, Świnoujście',
    justification: 'Wnoszę o rozłożenie podatku od nieruchomości za 2026 r. na cztery raty.',
    ...overrides,
  };
}

/** A small but real PDF, as a citizen would attach it. */
export const SAMPLE_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let pki: TestPki | undefined;

/**
 * The office's side of a portal application in the Finance unit: the head passes it to the
 * handler, who opens a case (JRWA 3110) with the one-month deadline (`openCaseAsStaff`), drafts
 * the decision from the template, has it approved, signs it, issues it and sends it to the
 * citizen's portal (`decideCaseAsStaff`).
 */
export async function decideAsStaff(office: TestOffice, files: FileStore, incomingId: string) {
  const kase = await openCaseAsStaff(office, files, incomingId);
  return { ...kase, ...(await decideCaseAsStaff(office, files, kase.caseId)) };
}

export async function openCaseAsStaff(office: TestOffice, files: FileStore, incomingId: string) {
  const kierownik = { ...(await office.as('kierownik.fn')), files };
  const referent = { ...(await office.as('referent.fn')), files };
  const [pending] = (await listAssignments(kierownik, incomingId)).filter(
    (a) => a.status === 'pending',
  );
  const forwarded = await forwardAssignment(kierownik, pending!.id, {
    userId: office.demo.people['referent.fn']!,
    method: 'do załatwienia',
  });
  await acceptAssignment(referent, forwarded.id);
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: 'Rozłożenie podatku od nieruchomości na raty – Jan Kowalski',
    incomingId,
  });
  await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
  return { caseId: kase.id, caseSign: kase.sign };
}

export async function decideCaseAsStaff(office: TestOffice, files: FileStore, caseId: string) {
  const kierownik = { ...(await office.as('kierownik.fn')), files };
  const referent = { ...(await office.as('referent.fn')), files };
  const draft = await createDraftFromTemplate(referent, caseId, {
    templateCode: 'decision',
    title: 'Decyzja o rozłożeniu podatku na raty',
    fields: {
      legal_basis: 'art. 48 § 1 pkt 1 Ordynacji podatkowej',
      ruling: 'rozłożyć podatek od nieruchomości za 2026 r. na cztery raty',
      reasoning: 'Strona wykazała ważny interes podatnika.',
      appeal_body: 'Samorządowego Kolegium Odwoławczego w Szczecinie',
    },
  });
  await sendForApproval(referent, draft.id, {
    steps: [{ approverIds: [office.demo.people['kierownik.fn']!] }],
  });
  const task = (await listMyApprovalTasks(kierownik)).find((t) => t.documentId === draft.id);
  await decideApproval(kierownik, task!.id, { decision: 'approve' });
  pki ??= createTestPki();
  await enrolTestSigner(office, pki);
  await signDocument(referent, draft.id, {
    credential: 'personal',
    password: pki.personal.password,
  });
  await issueDecision(referent, draft.id);
  const outgoing = await registerOutgoing(withPortalOutlet(referent), {
    documentId: draft.id,
    addressee: { name: 'Jan Kowalski' },
    method: 'portal',
  });
  return { documentId: draft.id, outgoingId: outgoing.id };
}

/**
 * The SAML test identity provider: the demo provider with a key of its own, issued by a
 * throw-away CA, playing the national node for the tests (served in-process or on 127.0.0.1).
 */
export async function createTestIdentityProvider() {
  const key = await createIdpSigningKey('Obieg – testowy dostawca tożsamości');
  const entityId = 'urn:obieg:test-idp';
  return {
    key,
    entityId,
    app: createDemoIdentityProvider({
      key,
      entityId,
      acceptAcs: (url) => url.endsWith('/portal/saml/acs'),
    }),
  };
}

/** The portal's SAML service provider pointed at the test identity provider at `idpBaseUrl`. */
export function createTestServiceProvider(
  deps: { db: PortalDeps['db']; clock: PortalDeps['clock'] },
  idpBaseUrl: string,
  idp: Awaited<ReturnType<typeof createTestIdentityProvider>>,
) {
  return createSamlIdentityProvider(deps, {
    label: 'login.gov.pl (test)',
    entryPoint: `${idpBaseUrl}/sso`,
    idpCertificates: [idp.key.certificatePem],
    spEntityId: 'urn:obieg:portal',
    idpEntityId: idp.entityId,
  });
}

export async function createTestSignIn(
  deps: { db: PortalDeps['db']; clock: PortalDeps['clock'] },
  idpBaseUrl: string,
) {
  const idp = await createTestIdentityProvider();
  return { idpApp: idp.app, identityProvider: createTestServiceProvider(deps, idpBaseUrl, idp) };
}

/** Use-case dependencies with the portal plugged into dispatch, as the app does (app.ts). */
export const withPortalOutlet = <D extends object>(deps: D) => ({
  ...deps,
  outlets: { portal: portalDispatchOutlet },
});
