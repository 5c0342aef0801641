#!/usr/bin/env bash
# `npm run demo`: create and migrate the database, seed the demo data, build, and run the shop on :3000
# with its background worker (and the Toss-compatible server when no real Toss keys are configured).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
set -a; source .env; set +a
# The demo runs the order lifecycle in minutes, not days (unless .env says otherwise): ship a minute after
# payment, deliver a minute later, returns accepted for ten minutes and completed a minute after the request.
export ORDER_SHIP_DELAY_SECONDS="${ORDER_SHIP_DELAY_SECONDS:-60}" ORDER_DELIVER_DELAY_SECONDS="${ORDER_DELIVER_DELAY_SECONDS:-60}"
export ORDER_RETURN_WINDOW_SECONDS="${ORDER_RETURN_WINDOW_SECONDS:-600}" ORDER_RETURN_COMPLETE_SECONDS="${ORDER_RETURN_COMPLETE_SECONDS:-60}"
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis is not reachable on 127.0.0.1:6379"; exit 1; }

npm run -s db:migrate
npm run -s db:seed
# Built again only when what the build reads changed: the hash of its inputs (scripts/lib/source-hash.ts)
# is kept beside the build. The type-check belongs to `npm test` (and CI), not to the demo's start.
source_hash=$(node_modules/.bin/tsx scripts/source-hash.ts)
if [ -f .next/BUILD_ID ] && [ "$(cat .next/hurryup-source-hash 2>/dev/null)" = "$source_hash" ]; then
  echo "The build is up to date (its sources did not change since): not building again."
else
  HURRYUP_BUILD_SKIP_TYPECHECK=1 npm run -s build
  echo "$source_hash" > .next/hurryup-source-hash
fi

# Each child in a process group of its own, stopped as a whole (npm → sh → tsx → node) on exit,
# Ctrl-C or TERM (scripts/lib/procs.sh).
source scripts/lib/procs.sh
procs_trap
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
