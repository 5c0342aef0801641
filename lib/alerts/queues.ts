// Alert queue names (= outbox topics), in a module of their own that imports nothing, so jobs.ts and the
// services that write to the outbox can both read them whatever order they load in.
/** Written with a drop's new opening (lib/alerts/events.ts): schedules the T-10 job. */
export const OPENING_SET_QUEUE = "alerts-opening-set";
/** The delayed T-10 job of one opening (its id is derived from product and opening). */
export const OPENING_DUE_QUEUE = "alerts-opening-due";
/** Every minute: opening alerts whose T-10 passed and whose job was lost, late, or never scheduled. */
export const OPENING_SWEEP_QUEUE = "alerts-opening-sweep";
/** Written when a sold-out size (or product) gets units back. */
export const RESTOCKED_QUEUE = "alerts-restocked";
/** One alert's mail. */
export const ALERT_MAIL_QUEUE = "alerts-mail";
