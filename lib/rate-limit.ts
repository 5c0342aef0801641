// Server code that also runs in the worker process (plain Node via tsx: the webhook jobs), hence no
// "server-only" marker.
// Every abuse limit of the shop, on Redis (rate-limiter-flexible). Per-address limits key on
// lib/client-address.ts's clientIp, the one derivation of the client's address. Sign-in counts only failures: the 6th failed try in 15 minutes — per account and per client
// IP — is refused with 429 and Retry-After, before the password is even checked. A success clears the account's counter. Placing orders is limited per buyer (a bot
// hammering a drop gets 429 long before it costs the shop anything); while Redis is unreachable that
// limit is kept per process in memory, so the buy path keeps working on PostgreSQL. Without Redis
// (STOCK_STORE=postgres) every limit is kept per process in memory: one process counts, several each count.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { key, redis, redisEnabled } from "@/lib/redis";

export const SIGNIN_MAX_FAILURES = 5;
/** Order requests a buyer may send per 10 seconds. */
export const ORDER_REQUESTS_PER_10S = 20;
/** SMS codes one account may have sent, and one number may receive, per hour. */
export const SMS_CODES_PER_HOUR = 5;
/** Webhook bodies naming nothing of ours that one address may send per minute. */
export const WEBHOOK_MISSES_PER_MINUTE = 30;
/** Alert requests and cancels (lib/alerts) a buyer may send per minute: each may become a mail. */
export const ALERT_WRITES_PER_MINUTE = 30;
/** Guest carts one client address may create per hour (a cart is made by a cookie-less guest's first add). */
export const GUEST_CARTS_PER_HOUR = 30;
const limiter = (name: string, points: number, duration: number, opts: { failOpenToMemory?: boolean } = {}): RateLimiterAbstract =>
  !redisEnabled ? new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration }) : new RateLimiterRedis({
    storeClient: redis, keyPrefix: key(`rl:${name}`), points, duration,
    ...(opts.failOpenToMemory && {
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration }),
      // A buyer over the limit is refused from memory for the rest of the window: no Redis call per retry.
      inMemoryBlockOnConsumed: points + 1,
      inMemoryBlockDuration: duration,
    }),
  });

export const limiters = {
  signInAccount: limiter("signin-account", SIGNIN_MAX_FAILURES, 15 * 60),
  signInIp: limiter("signin-ip", SIGNIN_MAX_FAILURES, 15 * 60),
  signUpIp: limiter("signup-ip", 10, 60 * 60),
  /** New guest carts per client address: each is a row a bot could otherwise mint without end. */
  guestCartIp: limiter("guest-cart-ip", GUEST_CARTS_PER_HOUR, 60 * 60),
  resendAccount: limiter("resend-account", 3, 60 * 60),
  /** Password reset requests per client address and per address asked for (blind index, known or not). */
  resetIp: limiter("reset-ip", 10, 60 * 60),
  resetAddress: limiter("reset-address", 3, 60 * 60),
  /** "You already have an account" mails per account: a repeated sign-up must not become a mail bomb. */
  accountExistsMail: limiter("account-exists-mail", 3, 24 * 60 * 60),
  placeOrderUser: limiter("order-user", ORDER_REQUESTS_PER_10S, 10, { failOpenToMemory: true }),
  alertUser: limiter("alert-user", ALERT_WRITES_PER_MINUTE, 60),
  /** SMS verification codes sent per account and per number (blind index) in an hour (lib/accounts/phone.ts). */
  smsAccount: limiter("sms-account", SMS_CODES_PER_HOUR, 60 * 60),
  smsNumber: limiter("sms-number", SMS_CODES_PER_HOUR, 60 * 60),
  /** Toss webhook deliveries per source address: generous, Toss sends one per status change. */
  webhookIp: limiter("webhook-ip", 2_000, 10, { failOpenToMemory: true }),
  /** Webhook bodies that name nothing of ours, per source address: the probing an attacker would do. */
  webhookIpMiss: limiter("webhook-ip-miss", WEBHOOK_MISSES_PER_MINUTE, 60, { failOpenToMemory: true }),
  /** Unknown paymentKeys named for one of our orders: a real second payment is one or two events. */
  webhookForeignKey: limiter("webhook-foreign-key", 10, 3_600, { failOpenToMemory: true }),
};

/** Consumes one point; false when none is left (the caller decides what refusing means). */
export async function tryConsume(l: RateLimiterAbstract, id: string): Promise<boolean> {
  try {
    await l.consume(id);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}

/** The one 429 of the shop, with the seconds until the caller may try again. */
export const rateLimited = (msBeforeNext: number) =>
  new AppError("RATE_LIMITED", "Too many attempts, try again later", undefined, { retryAfter: Math.max(1, Math.ceil(msBeforeNext / 1000)) });

/** Consumes one point; throws RATE_LIMITED (429) when none is left. */
export async function consumeOrThrow(l: RateLimiterAbstract, id: string): Promise<void> {
  try {
    await l.consume(id);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext);
    throw err;
  }
}

/** Throws RATE_LIMITED if this sign-in (account or IP) has used up its failures. */
export async function assertSignInAllowed(accountId: string, ip: string): Promise<void> {
  const [acc, byIp] = await Promise.all([limiters.signInAccount.get(accountId), limiters.signInIp.get(ip)]);
  const blocked = [acc, byIp].filter((r): r is RateLimiterRes => r !== null && r.consumedPoints >= SIGNIN_MAX_FAILURES);
  if (blocked.length) throw rateLimited(Math.max(...blocked.map((r) => r.msBeforeNext)));
}

export async function recordSignInFailure(accountId: string, ip: string): Promise<void> {
  // Penalty, not consume: the limit is enforced by assertSignInAllowed, so no throw here.
  await Promise.all([limiters.signInAccount.penalty(accountId), limiters.signInIp.penalty(ip)]);
}

export async function clearSignInFailures(accountId: string): Promise<void> {
  await limiters.signInAccount.delete(accountId);
}
