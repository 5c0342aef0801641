// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The Toss client the payment services use: the process-wide one built from the environment, or one a
// test points at its own in-process Toss-compatible server.
import { tossClient, type TossClient } from "./toss";

let override: TossClient | undefined;

export const toss = (): TossClient => override ?? tossClient();

/** Test-only: route every payment call through `client` (undefined restores the default). */
export function setTossClient(client: TossClient | undefined): void {
  override = client;
}
