// The Toss-compatible fake server: `startTossFake()` in tests, `npm run toss:fake` for the demo and
// benchmarks. Not part of the shop at run time.
export { startTossFake, type TossFake, type TossFakeOptions } from "./server";
export { defaultFakeConfig, type FakeConfig, type FakeConfigPatch } from "./config";
export type { WindowResult } from "./payment-window";
export type { Ledger, LedgerPayment } from "./state";
