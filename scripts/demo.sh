#!/usr/bin/env bash
# `npm run demo`: create and migrate the database, seed the demo data, build, and run the shop on :3000
# with its background worker (and the Toss-compatible server when no real Toss keys are configured).
# Needs nothing but Node.js: with no DATABASE_URL and nothing answering on 127.0.0.1:5432 it starts an
# embedded PostgreSQL (data in .data/postgres, scripts/embedded-postgres.ts); with no REDIS_URL and nothing
# answering on 127.0.0.1:6379 the shop runs its PostgreSQL-only stock mode (STOCK_STORE=postgres).
# Optional: HURRYUP_ENV_FILE (default .env), HURRYUP_DATA_DIR (default .data), EMBEDDED_POSTGRES_PORT
# (default 54329), SKIP_BUILD=1 (use the build there is), DEMO_POSTGRES_ADDRESS / DEMO_REDIS_ADDRESS (the
# default addresses probed; the embedded-demo test points them at closed ports).
set -euo pipefail
cd "$(dirname "$0")/.."
env_file="${HURRYUP_ENV_FILE:-.env}"
bash scripts/ensure-env.sh "$env_file"
set -a; source "$env_file"; set +a
# The demo runs the order lifecycle in minutes, not days (unless .env says otherwise): ship a minute after
# payment, deliver a minute later, returns accepted for ten minutes and completed a minute after the request.
export ORDER_SHIP_DELAY_SECONDS="${ORDER_SHIP_DELAY_SECONDS:-60}" ORDER_DELIVER_DELAY_SECONDS="${ORDER_DELIVER_DELAY_SECONDS:-60}"
export ORDER_RETURN_WINDOW_SECONDS="${ORDER_RETURN_WINDOW_SECONDS:-600}" ORDER_RETURN_COMPLETE_SECONDS="${ORDER_RETURN_COMPLETE_SECONDS:-60}"

# Each child in a process group of its own, stopped as a whole (npm → sh → tsx → node) on exit,
# Ctrl-C or TERM (scripts/lib/procs.sh); the embedded PostgreSQL last, once nothing uses it.
source scripts/lib/procs.sh
procs_trap
# answers ADDRESS: something accepts TCP connections at host:port or at a URL's host and port.
answers() {
  node -e '
    const a = process.argv[1], [dflt] = process.argv.slice(2).map(Number);
    let host, port;
    if (a.includes("://")) { const u = new URL(a); host = u.hostname || "127.0.0.1"; port = Number(u.port) || dflt; }
    else { host = a.slice(0, a.lastIndexOf(":")); port = Number(a.slice(a.lastIndexOf(":") + 1)); }
    const s = require("net").connect(port, host.replace(/^\[|\]$/g, ""));
    s.setTimeout(1500);
    s.on("connect", () => process.exit(0)).on("error", () => process.exit(1)).on("timeout", () => process.exit(1));
  ' "$1" "${2:-0}"
}

data_dir="${HURRYUP_DATA_DIR:-.data}"
if [ -n "${DATABASE_URL:-}" ]; then
  answers "$DATABASE_URL" 5432 || { echo "PostgreSQL is not reachable at DATABASE_URL"; exit 1; }
  postgres_used="PostgreSQL at DATABASE_URL"
elif answers "${DEMO_POSTGRES_ADDRESS:-127.0.0.1:5432}"; then
  postgres_used="PostgreSQL on ${DEMO_POSTGRES_ADDRESS:-127.0.0.1:5432}"
  if [ -n "${DEMO_POSTGRES_ADDRESS:-}" ]; then export DATABASE_URL="postgresql://postgres@$DEMO_POSTGRES_ADDRESS/hurryup"; fi
else
  # Nothing there: the embedded PostgreSQL, its URL (with the cluster's generated password) once it is up.
  pg_port="${EMBEDDED_POSTGRES_PORT:-54329}" url_file="$data_dir/postgres.url"
  mkdir -p "$data_dir"; rm -f "$url_file"
  procs_start_last - node_modules/.bin/tsx scripts/embedded-postgres.ts --dir "$data_dir/postgres" --port "$pg_port" --url-file "$url_file"
  embedded_pid=$!
  for _ in $(seq 1 600); do
    [ -s "$url_file" ] && break
    kill -0 "$embedded_pid" 2>/dev/null || { echo "the embedded PostgreSQL did not start"; exit 1; }
    sleep 0.2
  done
  [ -s "$url_file" ] || { echo "the embedded PostgreSQL did not start within 2 minutes"; exit 1; }
  DATABASE_URL="$(cat "$url_file")"
  export DATABASE_URL DATABASE_EMBEDDED=1
  postgres_used="embedded PostgreSQL in $data_dir/postgres (127.0.0.1:$pg_port)"
fi
if [ -n "${REDIS_URL:-}${UPSTASH_REDIS_REST_URL:-}${STOCK_REDIS_CLUSTER_NODES:-}" ] || [ "${STOCK_STORE:-}" = "redis" ]; then
  if [ -n "${REDIS_URL:-}" ]; then answers "$REDIS_URL" 6379 || { echo "Redis is not reachable at REDIS_URL"; exit 1; }; fi
  stock_used="stock admitted by Redis"
elif [ "${STOCK_STORE:-}" != "postgres" ] && answers "${DEMO_REDIS_ADDRESS:-127.0.0.1:6379}"; then
  stock_used="stock admitted by Redis on ${DEMO_REDIS_ADDRESS:-127.0.0.1:6379}"
  if [ -n "${DEMO_REDIS_ADDRESS:-}" ]; then export REDIS_URL="redis://$DEMO_REDIS_ADDRESS"; fi
else
  export STOCK_STORE=postgres
  stock_used="stock on PostgreSQL (no Redis: limits and caches in memory, waiting rooms off)"
fi
echo "demo: $postgres_used; $stock_used"

npm run -s db:migrate
npm run -s db:seed
# Built again only when what the build reads changed: the hash of its inputs (scripts/lib/source-hash.ts)
# is kept beside the build. The type-check belongs to `npm test` (and CI), not to the demo's start.
if [ "${SKIP_BUILD:-}" = "1" ] && [ -f .next/BUILD_ID ]; then
  echo "SKIP_BUILD=1: using the build there is."
else
  source_hash=$(node_modules/.bin/tsx scripts/source-hash.ts)
  if [ -f .next/BUILD_ID ] && [ "$(cat .next/hurryup-source-hash 2>/dev/null)" = "$source_hash" ]; then
    echo "The build is up to date (its sources did not change since): not building again."
  else
    HURRYUP_BUILD_SKIP_TYPECHECK=1 npm run -s build
    echo "$source_hash" > .next/hurryup-source-hash
  fi
fi

# Without Toss keys the Toss-compatible server stands in for Toss (API and payment window on :4010).
if [ -z "${NEXT_PUBLIC_TOSS_CLIENT_KEY:-}" ]; then
  procs_start - node_modules/.bin/tsx scripts/toss-fake.ts --webhook-url "http://127.0.0.1:${PORT:-3000}/api/webhooks/toss"
fi
if [ -f worker/index.ts ]; then procs_start - node_modules/.bin/tsx worker/index.ts; fi
# `npm start`: the production server with its heap settings (server/node-flags.ts).
PORT="${PORT:-3000}" procs_start - npm run -s start
server_pid=$!
# Once the shop answers: the demo drops timed from now, then its address with the demo accounts.
node_modules/.bin/tsx scripts/demo-ready.ts "${PORT:-3000}" "$server_pid"
# Until one of them ends (then the rest are stopped) or Ctrl-C.
wait -n
