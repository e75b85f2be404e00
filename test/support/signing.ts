import type { TestOffice } from './context.ts';
import type { FileStore } from '../../src/platform/files/file-store.ts';
import {
  decideApproval,
  listMyApprovalTasks,
  sendForApproval,
} from '../../src/modules/approvals/approvals.usecases.ts';
import { openCase } from '../../src/modules/cases/cases.usecases.ts';
import { addDocument } from '../../src/modules/documents/documents.usecases.ts';
import {
  addSigningCredential,
  addTrustAnchor,
} from '../../src/modules/signatures/signing-credentials.usecases.ts';
import { signDocument } from '../../src/modules/signatures/signatures.usecases.ts';
import { createTestPki, type TestPki } from '../../src/modules/signatures/throwaway-ca.ts';

/**
 * Shortcuts for tests that need a document in a later state: approved (referent.fn drafts a
 * decision in FN, kierownik.fn approves it) or signed (referent.fn signs it with a personal
 * certificate from a test CA the office trusts). Each call opens a new case.
 */
export interface SigningFixtureOptions {
  title?: string;
  fileName?: string;
  content?: Uint8Array;
}

export async function createApprovedDocument(
  office: TestOffice,
  files: FileStore,
  options: SigningFixtureOptions = {},
) {
  const title = options.title ?? 'Decyzja w sprawie wymiaru podatku od nieruchomości';
  const content =
    options.content ?? new TextEncoder().encode(`%PDF-1.7\n${title}\nTreść decyzji.\n`);
  const referent = { ...(await office.as('referent.fn')), files };
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: `Wymiar podatku – ${title}`,
  });
  const document = await addDocument(
    referent,
    kase.id,
    { kind: 'decision', title },
    { name: options.fileName ?? 'decyzja.pdf', content },
  );
  await sendForApproval(referent, document.id, {
    steps: [{ approverIds: [office.demo.people['kierownik.fn']!] }],
  });
  const kierownik = await office.as('kierownik.fn');
  const task = (await listMyApprovalTasks(kierownik)).find((t) => t.documentId === document.id);
  await decideApproval(kierownik, task!.id, { decision: 'approve' });
  return { caseId: kase.id, documentId: document.id, content };
}

/**
 * Gives referent.fn a personal certificate (once per PKI) and makes the office trust its CA,
 * so that signatures made with it verify as valid.
 */
export async function enrolTestSigner(office: TestOffice, pki: TestPki) {
  const enrolled = enrolledPkis.get(office) ?? new Set<TestPki>();
  if (enrolled.has(pki)) return;
  await addTrustAnchor(await office.as('admin'), pki.ca.certificate.raw);
  await addSigningCredential(
    await office.as('referent.fn'),
    { kind: 'personal', password: pki.personal.password },
    pki.personal.p12,
  );
  enrolled.add(pki);
  enrolledPkis.set(office, enrolled);
}
const enrolledPkis = new WeakMap<TestOffice, Set<TestPki>>();

/** An approved document signed by referent.fn: `status` 'signed', one XAdES-BES signature. */
export async function createSignedDocument(
  office: TestOffice,
  files: FileStore,
  options: SigningFixtureOptions & { pki?: TestPki } = {},
) {
  const pki = options.pki ?? (defaultPki ??= createTestPki());
  await enrolTestSigner(office, pki);
  const approved = await createApprovedDocument(office, files, options);
  const signature = await signDocument(
    { ...(await office.as('referent.fn')), files },
    approved.documentId,
    { credential: 'personal', password: pki.personal.password },
  );
  return { ...approved, signature, pki };
}
let defaultPki: TestPki | undefined;
