import "server-only";
// Consents: an append-only log (lib/accounts/consent-config.ts names the versions). A sign-up records all
// four kinds at once, in the transaction that creates the account; marketing can be changed later, each
// change a new row with its time and the version shown.
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ConsentKind } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { CONSENT_VERSIONS } from "./consent-config";
import { marketingConsentSchema } from "./schemas";

export type ConsentState = { kind: ConsentKind; granted: boolean; version: string; at: string };

/** The required three are granted by a sign-up that passed validation; marketing as chosen. */
export async function recordSignUpConsents(tx: Tx, userId: string, marketing: boolean): Promise<void> {
  const createdAt = clock.now();
  const kinds: [ConsentKind, boolean][] = [["TERMS", true], ["PRIVACY", true], ["AGE_14", true], ["MARKETING", marketing]];
  await tx.consent.createMany({ data: kinds.map(([kind, granted]) => ({ userId, kind, granted, version: CONSENT_VERSIONS[kind], createdAt })) });
}

/** The newest record of each kind the account has. */
export async function getConsents(userId: string): Promise<ConsentState[]> {
  const rows = await db.consent.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const latest = new Map<ConsentKind, ConsentState>();
  for (const r of rows) if (!latest.has(r.kind)) latest.set(r.kind, { kind: r.kind, granted: r.granted, version: r.version, at: r.createdAt.toISOString() });
  return [...latest.values()];
}

export async function isMarketingGranted(userId: string): Promise<boolean> {
  const row = await db.consent.findFirst({ where: { userId, kind: "MARKETING" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { granted: true } });
  return row?.granted ?? false;
}

/** Grants or withdraws marketing consent; a change is one new row, a repeat of the current state none. */
export async function setMarketingConsent(userId: string, input: unknown): Promise<ConsentState[]> {
  const { marketing } = parseInput(marketingConsentSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
  if (!user || user.deletedAt) throw notFound("account");
  if ((await isMarketingGranted(userId)) !== marketing) {
    await db.consent.create({ data: { userId, kind: "MARKETING", granted: marketing, version: CONSENT_VERSIONS.MARKETING, createdAt: clock.now() } });
  }
  return getConsents(userId);
}
