import "server-only";
// Bulk shipping from a CSV file: every row is checked and shipped on its own (one transaction per row
// through shipOrder), so one bad row never holds back the others, and the answer says for each row what
// happened. Uploading the same file again changes nothing ("unchanged" rows).
import { AppError } from "@/lib/errors";
import { isOrderId } from "@/lib/orders/queries";
import type { SellerScope } from "@/lib/seller/scope";
import { fieldErrors } from "@/lib/validation";
import { courierByName } from "./couriers";
import { parseShipmentCsv, type CsvShipmentRow } from "./csv";
import { shipSchema, type BulkRowResult } from "./schemas";
import { shipOrder } from "./shipping";

/** An AppError as a row's reason: the field's code for bad input, else a short code for the refusal. */
function reasonOf(err: AppError): string {
  if (err.code === "NOT_FOUND") return "order_not_found";
  if (err.code === "INVALID_TRANSITION") return `invalid_status:${String(err.extra?.status ?? "")}`;
  if (err.code === "CONFLICT") return String(err.extra?.reason ?? "conflict");
  return err.code.toLowerCase();
}

async function shipRow(scope: SellerScope, row: CsvShipmentRow, seen: Map<string, string>): Promise<BulkRowResult> {
  const at = { line: row.line, orderId: row.orderId };
  // The template lists every order waiting to ship: a row left without courier and number is not shipped yet.
  if (!row.courier && !row.trackingNumber) return { ...at, result: "skipped" };
  if (!isOrderId(row.orderId)) return { ...at, result: "error", error: "order_not_found" };
  const courier = courierByName(row.courier);
  if (!courier) return { ...at, result: "error", error: "unknown_courier" };
  const parsed = shipSchema.safeParse({ courier: courier.code, trackingNumber: row.trackingNumber });
  if (!parsed.success) return { ...at, result: "error", error: Object.values(fieldErrors(parsed.error)).flat()[0] ?? "invalid" };
  // One order twice in a file with two different numbers is a mistake in the file, not a correction.
  const key = `${parsed.data.courier}:${parsed.data.trackingNumber}`;
  if (seen.has(row.orderId) && seen.get(row.orderId) !== key) return { ...at, result: "error", error: "duplicate_order" };
  seen.set(row.orderId, key);
  try {
    return { ...at, result: (await shipOrder(scope, row.orderId, parsed.data)).result };
  } catch (err) {
    if (err instanceof AppError) return { ...at, result: "error", error: reasonOf(err) };
    throw err;
  }
}

export type BulkShipAnswer = { rows: BulkRowResult[]; counts: Record<BulkRowResult["result"], number> };

export async function bulkShip(scope: SellerScope, csv: string): Promise<BulkShipAnswer> {
  const rows = parseShipmentCsv(csv);
  const seen = new Map<string, string>();
  const out: BulkRowResult[] = [];
  for (const row of rows) out.push(await shipRow(scope, row, seen));
  const counts = { shipped: 0, updated: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const r of out) counts[r.result]++;
  return { rows: out, counts };
}
