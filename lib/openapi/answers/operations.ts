// Answers of the admin, operations and test-hook routes.
/* eslint-disable no-restricted-syntax -- answers the shop writes, never input it parses: text()'s input rules do not apply */
import { z } from "zod";
import type { discardDeadLetter, retryDeadLetter } from "@/lib/admin/dead-letters";
import type { listReconciliations, listUsers } from "@/lib/admin/queries";
import type { changeRole } from "@/lib/admin/service";
import type { checkReadiness } from "@/lib/health/queries";
import type { listDeadLetters } from "@/lib/jobs/dead-letters";
import type { runJobsOnce } from "@/lib/jobs/drain";
import type { takeStepNow } from "@/lib/test-hooks";
import { fits, type Sent } from "../fits";
import { count, isoInstant, orderStatus, role, str } from "../responses";

/** Built inline by app/api/health/route.ts. */
export const healthSchema = fits(z.looseObject({ status: z.literal("ok"), uptime: count.describe("Seconds") }))<{ status: "ok"; uptime: number }>();

const check = z.enum(["ok", "failing"]);
/** lib/health/queries.ts: 200 when ready, 503 (same shape) naming what is failing. */
export const readinessSchema = fits(
  z.looseObject({
    status: z.enum(["ok", "unavailable"]),
    /** redis "off": the PostgreSQL-only mode (STOCK_STORE=postgres), configured, not failing. */
    checks: z.looseObject({ postgres: check, redis: z.enum(["ok", "failing", "off"]) }),
    failing: z.array(str),
    worker: z.looseObject({ status: z.enum(["alive", "missing", "unknown"]), lastHeartbeatAt: isoInstant.nullable() }),
    /** Each tier's mode (lib/tiers.ts). */
    modes: z.looseObject({
      postgres: z.enum(["embedded", "server"]), stock: z.enum(["redis", "postgres"]), limits: z.enum(["redis", "memory"]), waitingRoom: z.enum(["on", "off"]),
    }),
  }),
)<Sent<typeof checkReadiness>>();

export const cronRunSchema = fits(
  z.looseObject({ relayed: count, scheduled: count, ran: count, failed: count, drained: z.boolean().describe("Every ready job ran within the budget") }),
)<Sent<typeof runJobsOnce>>();

/**
 * The OpenAPI document itself: its top level only. What is inside is OpenAPI 3.1's own schema
 * (https://spec.openapis.org/oas/3.1), not restated here.
 */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: str, version: str, description: str }),
  jsonSchemaDialect: str,
  paths: z.record(str, z.looseObject({})),
  components: z.looseObject({}),
});

/**
 * Auth.js's own answers (csrf: `{ csrfToken }`, session: the session or null, providers…): their shapes
 * are Auth.js's, which differ by action and version, so the document says JSON and no more.
 */
export const authJsAnswerSchema = z.unknown();

export const usersPageSchema = fits(
  z.looseObject({
    users: z.array(z.looseObject({ id: z.uuid(), email: str.nullable().describe("null when it cannot be decrypted"), role, createdAt: isoInstant, emailVerifiedAt: isoInstant.nullable(), seller: z.looseObject({ id: z.uuid(), shopName: str }).nullable() })),
    count,
    page: z.number().int().positive(),
  }),
)<Sent<typeof listUsers>>();
export const roleChangedSchema = fits(z.looseObject({ user: z.looseObject({ id: z.uuid(), role }) }))<{ user: Sent<typeof changeRole> }>();

export const reconciliationsSchema = fits(
  z.looseObject({
    reports: z.array(z.looseObject({ id: z.uuid(), productId: z.uuid(), variantId: z.uuid().nullable().describe("The variant whose figure drifted"), productName: str.nullable(), redisAvailable: count.nullable(), pgAvailable: count, repaired: z.boolean(), createdAt: isoInstant })),
  }),
)<{ reports: Sent<typeof listReconciliations> }>();

export const deadLettersSchema = fits(
  z.looseObject({
    items: z.array(z.looseObject({ id: str, queue: str, deadLetterQueue: str, data: z.unknown().describe("The job's own payload"), error: str.nullable(), failedAt: isoInstant })),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
    total: count,
  }),
)<Sent<typeof listDeadLetters>>();
export const discardedSchema = fits(z.looseObject({ discarded: z.looseObject({ queue: str }) }))<{ discarded: Sent<typeof discardDeadLetter> }>();
export const retriedSchema = fits(z.looseObject({ retried: z.looseObject({ queue: str, jobId: str.nullable() }) }))<{ retried: Sent<typeof retryDeadLetter> }>();

type Step = Sent<typeof takeStepNow>;
export const stepMovedSchema = fits(z.looseObject({ result: z.literal("moved") }))<Extract<Step, { result: "moved" }>>();
/** The 409 of the advance hook: not an error shape, the reason the step was not taken. */
export const stepNotTakenSchema = fits(
  z.discriminatedUnion("result", [
    z.looseObject({ result: z.literal("skipped"), status: orderStatus.nullable().describe("The order's status (null: no such order)") }),
    z.looseObject({ result: z.literal("not_due"), dueAt: isoInstant }),
    z.looseObject({ result: z.literal("off").describe("The shop turned this fallback timer off (lib/fulfilment/settings.ts)") }),
  ]),
)<Exclude<Step, { result: "moved" }>>();
export const openedSchema = fits(z.looseObject({ saleStartsAt: isoInstant }))<{ saleStartsAt: string }>();
export const crowdQueuedSchema = fits(z.looseObject({ queued: count }))<{ queued: number }>();
