// Payment queue names (= outbox topics), in a module of their own that imports nothing, so jobs.ts and
// the services that write to the outbox can both read them whatever order they load in.
export const PAID_MAIL_QUEUE = "payment-paid-mail";
/** Written by cancel/return (lib/orders) in the transaction that cancels a paid order. */
export const REFUND_REQUESTED_QUEUE = "payment.refund_requested";
export const WEBHOOK_QUEUE = "payment-webhook";
export const RECONCILE_PAYMENTS_QUEUE = "payments-reconcile";
export const DAILY_SETTLEMENT_QUEUE = "settlement-daily";
/** "Your payment was cancelled" mail, written with every refund Toss made. */
export const REFUND_MAIL_QUEUE = "payment-refund-mail";
