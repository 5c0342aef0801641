// `npm run demo`'s PostgreSQL when none is there (scripts/demo.sh): starts the embedded PostgreSQL
// (scripts/lib/embedded-postgres.ts), writes its URL to --url-file once it accepts connections, and runs
// until SIGINT/SIGTERM, which shut PostgreSQL down cleanly (fast shutdown) before this process exits.
// Usage: tsx scripts/embedded-postgres.ts --dir .data/postgres --port 54329 --url-file .data/postgres.url
import { rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "./lib/embedded-postgres";

const { values } = parseArgs({
  options: { dir: { type: "string" }, port: { type: "string" }, "url-file": { type: "string" }, database: { type: "string", default: "hurryup" } },
});
if (!values.dir || !values.port || !values["url-file"]) {
  console.error("usage: tsx scripts/embedded-postgres.ts --dir DIR --port PORT --url-file FILE [--database NAME]");
  process.exit(2);
}
const urlFile = resolve(values["url-file"]);
const started = Date.now();
const lines: string[] = []; // PostgreSQL's own log until it is up, shown only if it fails to start
let up = false;

async function main() {
  await rm(urlFile, { force: true });
  const onLog = (l: string) => {
    if (!up) lines.push(l);
    // The one line of PostgreSQL's own shown: its clean shutdown, once Ctrl-C stopped it (best effort: the
    // exit hook may end this process before the line arrives; the removed postmaster.pid is the proof).
    if (l.includes("database system is shut down")) console.log("embedded PostgreSQL: database system is shut down");
  };
  const { url } = await startEmbedded({ dataDir: resolve(values.dir!), port: Number(values.port), database: values.database!, onLog });
  up = true;
  lines.length = 0;
  await writeFile(urlFile, `${url}\n`, { mode: 0o600 });
  console.log(`embedded PostgreSQL on 127.0.0.1:${values.port} (data in ${values.dir}), up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Runs until SIGINT/SIGTERM: embedded-postgres's own exit hook then stops the cluster (fast shutdown) and exits.
}

main().catch((err) => {
  console.error(lines.join(""));
  console.error(`embedded PostgreSQL failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
