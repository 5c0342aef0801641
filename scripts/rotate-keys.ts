// `npm run keys:rotate` — re-encrypts personal data still under an older key (see lib/accounts/rotate-keys.ts).
// Put the new key first in DATA_ENCRYPTION_KEYS, keep the old ones after it, run this, then drop the old ones.
import { env } from "@/lib/env";
import { parseKeyRing } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { rotateEncryptionKeys } from "@/lib/accounts/rotate-keys";

const report = await rotateEncryptionKeys(parseKeyRing(env.DATA_ENCRYPTION_KEYS));
console.log(JSON.stringify(report, null, 2));
await db.$disconnect();
