import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './cms-signed-data.ts';
import type { SigningIdentity } from './pkcs12.ts';

export interface CmsSignatureInput {
  identity: SigningIdentity;
  /** SHA-256 of the signed bytes (for a PDF, of its byte ranges). */
  contentDigest: Uint8Array;
  /**
   * Adds the signing-time attribute. PAdES baseline signatures leave it out and state the time
   * in the signature dictionary's /M instead.
   */
  signingTime?: Date;
}

/**
 * A detached CMS SignedData (CAdES-BES) with the signed attributes PAdES requires: content type,
 * message digest and the ESS signing-certificate-v2 naming the signer's certificate, so the
 * certificate cannot be swapped. The signer's certificate and its issuers are included.
 */
export async function createCmsSignature(input: CmsSignatureInput): Promise<Uint8Array> {
  const [signer, ...issuers] = [input.identity.certificate, ...input.identity.chain].map((c) =>
    pkijs.Certificate.fromBER(c.raw),
  );
  const attributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: input.contentDigest })),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.identity, signer!)),
  ];
  if (input.signingTime) {
    attributes.push(
      attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: input.signingTime })),
    );
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer!.issuer,
          serialNumber: signer!.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: sortForDer(attributes),
        }),
      }),
    ],
    certificates: [signer!, ...issuers],
  });
  await signedData.sign(input.identity.privateKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

function attribute(type: string, value: asn1js.AsnType) {
  return new pkijs.Attribute({ type, values: [value] });
}

/** SigningCertificateV2 { certs: [ESSCertIDv2 { certHash (SHA-256 by default), issuerSerial }] } */
function signingCertificateV2(identity: SigningIdentity, certificate: pkijs.Certificate) {
  const certHash = createHash('sha256').update(identity.certificate.raw).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          // GeneralName directoryName [4], explicitly tagged: a Name is a CHOICE.
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [certificate.issuer.toSchema()],
          }),
        ],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

/** DER orders the members of a SET OF by their encodings. */
function sortForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map(({ a }) => a);
}
