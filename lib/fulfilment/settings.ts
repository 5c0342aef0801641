import "server-only";
// A shop's fallback timers (docs/fulfilment.md): how long the worker waits before it ships, delivers or
// completes a return the seller has not handled. null = the deployment default, 0 = off. A change applies
// to orders already waiting too (the sweep reads the setting each minute).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defaultDelaySeconds } from "@/lib/orders/lifecycle/delays";
import type { SellerScope } from "@/lib/seller/scope";
import type { TimerSettings } from "./schemas";

const select = { autoShipSeconds: true, autoDeliverSeconds: true, autoCompleteReturnSeconds: true } as const;

function shopOf(scope: SellerScope): string {
  if (!scope.sellerId) throw new AppError("VALIDATION", "Name the seller (?sellerId=)", { sellerId: ["required"] });
  return scope.sellerId;
}

export const timerDefaults = () => ({
  autoShipSeconds: defaultDelaySeconds.ship(),
  autoDeliverSeconds: defaultDelaySeconds.deliver(),
  autoCompleteReturnSeconds: defaultDelaySeconds.completeReturn(),
});

export async function getTimerSettings(scope: SellerScope) {
  const timers = await db.seller.findUniqueOrThrow({ where: { id: shopOf(scope) }, select });
  return { timers, defaults: timerDefaults() };
}

export async function updateTimerSettings(scope: SellerScope, input: TimerSettings) {
  const timers = await db.seller.update({ where: { id: shopOf(scope) }, data: input, select });
  return { timers, defaults: timerDefaults() };
}
