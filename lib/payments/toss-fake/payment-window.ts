// What the buyer does in the payment window (the widget's job), shared by the stand-in checkout page and
// the browserless POST /v1/_fake/sessions: pay (authorise → paymentKey), close the window, have the card
// rejected, or — for load tests — authorise with a card that confirm will decline.
import { z } from "zod";
import { orderIdSchema } from "@/lib/payments/toss/schemas";
import type { FakeConfig } from "./config";
import type { Rng } from "./rng";
import type { FakeState } from "./state";

const httpUrl = z.url({ protocol: /^https?$/ });

export const windowActionSchema = z.enum(["pay", "cancel", "reject", "decline", "profile"]);
export type WindowAction = z.infer<typeof windowActionSchema>;

export const windowParamsSchema = z.object({
  orderId: orderIdSchema,
  amount: z.coerce.number().int().positive(),
  orderName: z.string().trim().min(1).max(100).default("Hurry Up"),
  successUrl: httpUrl.optional(),
  failUrl: httpUrl.optional(),
  customerName: z.string().max(100).optional(),
  customerEmail: z.string().max(200).optional(),
});
export type WindowParams = z.infer<typeof windowParamsSchema>;

export type WindowResult =
  | { result: "success"; paymentKey: string; orderId: string; amount: number; redirectUrl?: string }
  | { result: "fail"; code: string; message: string; orderId: string; redirectUrl?: string };

const failures = {
  PAY_PROCESS_CANCELED: "사용자에 의해 결제가 취소되었습니다.",
  // What the widget sends to failUrl when the card company refuses the authorisation (Toss's failUrl codes).
  REJECT_CARD_COMPANY: "결제 승인이 거절되었습니다.",
  DUPLICATED_ORDER_ID: "이미 승인 및 취소가 진행된 중복된 주문번호 입니다.",
} as const;

/** The load profile: one draw decides abandon (close the window), fail (declined at confirm) or pay. */
function resolve(action: WindowAction, config: FakeConfig, rng: Rng): Exclude<WindowAction, "profile"> {
  if (action !== "profile") return action;
  const draw = rng();
  if (draw < config.abandonRate) return "cancel";
  if (draw < config.abandonRate + config.failRate) return "decline";
  return "pay";
}

export function runPaymentWindow(state: FakeState, config: FakeConfig, rng: Rng, params: WindowParams, action: WindowAction): WindowResult {
  const what = resolve(action, config, rng);
  const fail = (code: keyof typeof failures): WindowResult => ({
    result: "fail",
    code,
    message: failures[code],
    orderId: params.orderId,
    redirectUrl: params.failUrl && withQuery(params.failUrl, { code, message: failures[code], orderId: params.orderId }),
  });
  if (what === "cancel") return fail("PAY_PROCESS_CANCELED");
  if (what === "reject") return fail("REJECT_CARD_COMPANY");
  if (state.getByOrder(params.orderId, config.sessionTtlMs)?.approvedAt !== undefined) return fail("DUPLICATED_ORDER_ID");
  const record = state.newPayment({ orderId: params.orderId, orderName: params.orderName, amount: params.amount, fate: what === "decline" ? "decline" : "approve" });
  const query = { paymentKey: record.paymentKey, orderId: record.orderId, amount: String(record.amount), paymentType: "NORMAL" };
  return {
    result: "success",
    paymentKey: record.paymentKey,
    orderId: record.orderId,
    amount: record.amount,
    redirectUrl: params.successUrl && withQuery(params.successUrl, query),
  };
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
