import type { X509Certificate } from 'node:crypto';
import { wasIssuedBy } from './certificates.ts';

/**
 * `trusted`: the chain ends at one of the office's trust anchors; `untrusted`: it ends anywhere
 * else (an unknown root, a missing intermediate); `unknown`: there is no signer certificate to
 * start from. Unknown CAs are a finding of the report, never an exception.
 */
export type ChainStatus = 'trusted' | 'untrusted' | 'unknown';

export interface TrustChain {
  status: ChainStatus;
  /** From the signer's certificate up to the anchor (or as far as it could be built). */
  path: X509Certificate[];
}

const MAX_DEPTH = 8;

/**
 * Builds the path signer → intermediates (from the signature itself) → trust anchor. Only CA
 * certificates may issue; an anchor is trusted as configured, without further checks.
 */
export function buildTrustChain(
  signer: X509Certificate | null,
  intermediates: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): TrustChain {
  if (!signer) return { status: 'unknown', path: [] };
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) {
      return { status: 'trusted', path };
    }
    const anchor = anchors.find((candidate) => wasIssuedBy(current, candidate));
    if (anchor) return { status: 'trusted', path: [...path, anchor] };
    const next = intermediates.find(
      (candidate) =>
        candidate.ca &&
        !path.some((seen) => seen.fingerprint256 === candidate.fingerprint256) &&
        wasIssuedBy(current, candidate),
    );
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { status: 'untrusted', path };
}
