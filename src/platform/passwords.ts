import { hash, verify } from '@node-rs/argon2';

// Argon2id (OWASP parameters: 19 MiB, 2 iterations).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Hash of an unguessable password, verified against when the login does not exist (same timing).
 * Made on first use rather than at import: no top-level await, nothing hashed at every start.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-that-never-matches');
  return decoy;
}
