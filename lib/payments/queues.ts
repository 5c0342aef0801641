// Payment queue names (= outbox topics), in a module of their own that imports nothing: lib/jobs/registry
// lists the payment jobs, and the payment services write to the outbox, which reads the registry; the
// names must be readable while that circle of imports is still being evaluated.
export const PAID_MAIL_QUEUE = "payment-paid-mail";
/** Written by cancel/return (lib/orders) in the transaction that cancels a paid order. */
export const REFUND_REQUESTED_QUEUE = "payment.refund_requested";
export const WEBHOOK_QUEUE = "payment-webhook";
export const RECONCILE_PAYMENTS_QUEUE = "payments-reconcile";
export const DAILY_SETTLEMENT_QUEUE = "settlement-daily";
/** "Your payment was cancelled" mail, written with every refund Toss made. */
export const REFUND_MAIL_QUEUE = "payment-refund-mail";
