// Server code that also runs in the benchmark and tests (plain Node via tsx), hence no "server-only" marker.
// The waiting room's settings from the environment, and its keys derived from the server's secret.
import { env } from "@/lib/env";
import { deriveKey, derivedKeys } from "@/lib/crypto/secrets";

/** HMAC keys of passes, derived from AUTH_SECRET (signs) and AUTH_SECRET_PREVIOUS (still verify). */
export const passKeys = derivedKeys("waiting-room-pass/v1");
/** The key new passes are signed with. */
export const passKey = passKeys[0];
/** HMAC keys of the room's device cookie (lib/waiting-room/device.ts), the same way. */
export const deviceKeys = derivedKeys("waiting-room-device/v1");
/** HMAC key of ALTCHA challenges (they live 10 minutes): ALTCHA_HMAC_KEY, else derived from AUTH_SECRET. */
export const altchaKey: string = env.ALTCHA_HMAC_KEY ?? deriveKey(env.AUTH_SECRET, "altcha/v1").toString("hex");

export const roomConfig = {
  /** The rate of a room set to "auto" (docs/waiting-room.md, "Admission rate"). */
  autoRate: env.WAITING_ROOM_CAPACITY_PER_S,
  passTtlMs: env.WAITING_ROOM_PASS_TTL_SECONDS * 1000,
  pollMaxMs: env.WAITING_ROOM_POLL_MAX_MS,
  /** How often a waiting buyer's long poll reads the room (one Redis script per buyer per interval). */
  pollEveryMs: 1000,
  /** Caps on places per drop for drops that keep the default (0 = none): per address range, per device cookie. */
  rangeCap: env.WAITING_ROOM_RANGE_CAP,
  deviceCap: env.WAITING_ROOM_DEVICE_CAP,
  /** The room's keys outlive any drop's opening by this much (s). */
  keyTtlS: 3 * 24 * 3600,
  pow: { maxCounter: env.ALTCHA_MAX_COUNTER, cost: env.ALTCHA_COST, expiresS: 600 },
};

/** The caps a drop gets when its seller leaves them empty (the seller's form shows them). */
export const roomCapDefaults = { range: roomConfig.rangeCap, device: roomConfig.deviceCap };
