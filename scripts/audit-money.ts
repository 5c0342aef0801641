// `npm run audit:money [-- --toss-url URL] [--since ISO] [--order ID]... [--json]` — compares the
// Toss-compatible server's own record of charges and cancels (GET /_fake/ledger at TOSS_API_BASE_URL)
// with the shop's orders, payments, refunds and settlement entries; prints every disagreement and exits 1
// on any (2 when either side cannot be read). See lib/payments/audit.ts for what is checked.
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatMoneyAudit } from "@/lib/payments/audit";
import { auditMoney } from "@/lib/payments/audit-load";

const { values } = parseArgs({
  options: {
    "toss-url": { type: "string" },
    since: { type: "string" },
    order: { type: "string", multiple: true },
    json: { type: "boolean" },
    help: { type: "boolean" },
  },
});

if (values.help) {
  console.log("usage: npm run audit:money -- [--toss-url URL] [--since ISO-8601] [--order ORDER_ID]... [--json]");
  process.exit(0);
}

let code = 0;
try {
  const since = values.since ? new Date(values.since) : undefined;
  if (since && Number.isNaN(since.getTime())) throw new Error(`--since is not a date: ${values.since}`);
  const audit = await auditMoney({ tossUrl: values["toss-url"] ?? env.TOSS_API_BASE_URL, scope: { since, orderIds: values.order } });
  console.log(values.json ? JSON.stringify(audit, null, 2) : formatMoneyAudit(audit));
  code = audit.disagreements.length ? 1 : 0;
} catch (error) {
  console.error(`audit:money could not run: ${error instanceof Error ? error.message : error}`);
  code = 2;
} finally {
  await db.$disconnect();
}
process.exit(code);
