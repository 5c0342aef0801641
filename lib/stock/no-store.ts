// The stock tier's store in the PostgreSQL-only mode (STOCK_STORE=postgres): there is no Redis, so nothing
// may reach one. The gate never calls it (StockGate.run refuses first); anything that goes round the gate
// to the store directly fails loudly here instead of connecting somewhere.
import type { StockStore } from "./store";

const off = (): Promise<never> => Promise.reject(new Error("the stock tier runs on PostgreSQL alone (STOCK_STORE=postgres): there is no Redis"));

export class NoRedisStore implements StockStore {
  readonly kind = "none";
  run = off;
  get = off;
  set = off;
  del = off;
  hmget = off;
  hgetall = off;
  scan = off;
  async ping() {
    return false;
  }
  async close() {}
}
