// Password hashing: argon2id with OWASP's recommended parameters (19 MiB memory, 2 iterations, 1 lane).
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports a const enum, which isolatedModules cannot import.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  // No hash (deleted user, unknown email): verify against a fixed hash anyway so the timing does not tell.
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

/** argon2id hash of a random string nobody knows; used to equalize timing for unknown accounts. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$9G8Jr8FQY+fh7IINcxzAfA$2EskbmEFre6hGmTa23TPs5mjsyw8yl8dwxmM4dAPuIs";
