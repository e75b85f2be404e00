import { generateKeyPair, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * A throw-away PKI for tests and demos, generated on the spot: a root CA that issues personal
 * certificates and office seals packed as PKCS#12 with a password. Keys come from Node's native
 * RSA generator (fast); node-forge builds the certificates and the PKCS#12 files.
 * Never use these certificates outside tests: they carry no policy and no revocation.
 */
export interface TestIdentity {
  p12: Uint8Array;
  password: string;
  certificate: X509Certificate;
}

export type TestCertificateKind = 'personal' | 'office_seal' | 'encryption';

export interface IssueOptions {
  commonName: string;
  kind?: TestCertificateKind;
  notBefore?: Date;
  notAfter?: Date;
  password?: string;
}

export interface TestCa {
  certificate: X509Certificate;
  issue(options: IssueOptions): TestIdentity;
  /** Many at once: the keys are generated in parallel on Node's thread pool (the demo's 20 people). */
  issueAll(options: IssueOptions[]): Promise<TestIdentity[]>;
}

export const TEST_P12_PASSWORD = 'tajne-haslo-testowe';
const DEFAULT_NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const DEFAULT_NOT_AFTER = new Date('2028-12-31T23:59:59Z');

export function createTestCa(
  options: { commonName?: string; notBefore?: Date; notAfter?: Date } = {},
): TestCa {
  const keys = generateForgeKeys();
  const name = [
    { shortName: 'C', value: 'PL' },
    { shortName: 'O', value: 'Obieg Test', valueTagClass: UTF8 },
    { shortName: 'CN', value: options.commonName ?? 'Obieg Test Root CA', valueTagClass: UTF8 },
  ];
  const root = forge.pki.createCertificate();
  fillCertificate(root, keys.publicKey, {
    subject: name,
    issuer: name,
    notBefore: options.notBefore ?? new Date('2024-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2034-01-01T00:00:00Z'),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
  root.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certificate: toNodeCertificate(root),
    issue: (issue) => issueCertificate(root, keys.privateKey, issue, generateForgeKeys()),
    issueAll: async (list) => {
      const pairs = await Promise.all(list.map(() => generateForgeKeysInParallel()));
      return list.map((issue, i) => issueCertificate(root, keys.privateKey, issue, pairs[i]!));
    },
  };
}

/** The usual cast: one CA, a person's qualified-style certificate and the office seal. */
export function createTestPki() {
  const ca = createTestCa();
  return {
    ca,
    personal: ca.issue({ commonName: 'Joanna Dąbrowska', kind: 'personal' }),
    officeSeal: ca.issue({ commonName: 'Urząd Miasta Demo', kind: 'office_seal' }),
  };
}
export type TestPki = ReturnType<typeof createTestPki>;

// forge reads `valueTagClass` as the ASN.1 string type; @types/node-forge mistypes it as a class.
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function issueCertificate(
  issuer: forge.pki.Certificate,
  issuerKey: forge.pki.rsa.PrivateKey,
  options: IssueOptions,
  keys: ForgeKeys,
): TestIdentity {
  const kind = options.kind ?? 'personal';
  const subject =
    kind === 'office_seal'
      ? [
          { shortName: 'C', value: 'PL' },
          { shortName: 'O', value: options.commonName, valueTagClass: UTF8 },
          { type: '2.5.4.97', value: 'VATPL-8551575099' },
          { shortName: 'CN', value: options.commonName, valueTagClass: UTF8 },
        ]
      : [
          { shortName: 'C', value: 'PL' },
          { shortName: 'CN', value: options.commonName, valueTagClass: UTF8 },
          { type: '2.5.4.5', value: 'PNOPL-80010112345' },
        ];
  const certificate = forge.pki.createCertificate();
  fillCertificate(certificate, keys.publicKey, {
    subject,
    issuer: issuer.subject.attributes,
    notBefore: options.notBefore ?? DEFAULT_NOT_BEFORE,
    notAfter: options.notAfter ?? DEFAULT_NOT_AFTER,
    extensions: [
      { name: 'basicConstraints', cA: false },
      kind === 'encryption'
        ? { name: 'keyUsage', keyEncipherment: true, critical: true }
        : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'subjectKeyIdentifier' },
      {
        name: 'authorityKeyIdentifier',
        keyIdentifier: issuer.generateSubjectKeyIdentifier().getBytes(),
      },
    ],
  });
  certificate.sign(issuerKey, forge.md.sha256.create());
  const password = options.password ?? TEST_P12_PASSWORD;
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate, issuer], password, {
    algorithm: '3des',
    friendlyName: options.commonName,
  });
  return {
    p12: forge.util.binary.raw.decode(forge.asn1.toDer(p12).getBytes()),
    password,
    certificate: toNodeCertificate(certificate),
  };
}

function fillCertificate(
  certificate: forge.pki.Certificate,
  publicKey: forge.pki.rsa.PublicKey,
  fields: {
    subject: forge.pki.CertificateField[];
    issuer: forge.pki.CertificateField[];
    notBefore: Date;
    notAfter: Date;
    extensions: object[];
  },
) {
  certificate.publicKey = publicKey;
  // A positive serial: forge writes the hex as given, and a leading 1 bit would make it negative.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = fields.notBefore;
  certificate.validity.notAfter = fields.notAfter;
  certificate.setSubject(fields.subject);
  certificate.setIssuer(fields.issuer);
  certificate.setExtensions(fields.extensions);
}

interface ForgeKeys {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

const RSA_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;

function generateForgeKeys(): ForgeKeys {
  return toForgeKeys(generateKeyPairSync('rsa', RSA_OPTIONS));
}

async function generateForgeKeysInParallel(): Promise<ForgeKeys> {
  return toForgeKeys(await promisify(generateKeyPair)('rsa', RSA_OPTIONS));
}

function toForgeKeys({ privateKey, publicKey }: { privateKey: string; publicKey: string }) {
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

function toNodeCertificate(certificate: forge.pki.Certificate): X509Certificate {
  return new X509Certificate(forge.pki.certificateToPem(certificate));
}
