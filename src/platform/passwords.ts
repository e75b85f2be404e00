// Argon2id (OWASP parameters: 19 MiB, 2 iterations).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// The native module loads with the first sign-in, not with every process (an API worker answering
// bearer tokens never needs it).
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password);
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
