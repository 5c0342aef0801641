#!/usr/bin/env bash
# End-to-end journeys: a fresh database with the demo data, the production build served by `next start`,
# the background worker beside it, and Playwright driving Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export E2E_PORT="${E2E_PORT:-3100}"
export DATABASE_URL="${E2E_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/hurryup_e2e_${E2E_PORT}}"
export REDIS_KEY_PREFIX="e2e:${E2E_PORT}:"
export APP_URL="http://localhost:${E2E_PORT}"
export HURRYUP_DEMO=1 LOG_LEVEL="${LOG_LEVEL:-warn}"
# The Toss-compatible server stands in for Toss (real HTTP); uploads go to a folder of this run's own.
export E2E_TOSS_PORT="${E2E_TOSS_PORT:-$((E2E_PORT + 900))}"
export TOSS_FAKE_PORT="$E2E_TOSS_PORT" TOSS_API_BASE_URL="http://127.0.0.1:${E2E_TOSS_PORT}" NEXT_PUBLIC_TOSS_CLIENT_KEY=
export UPLOAD_DIR="${UPLOAD_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hurryup-e2e-uploads.XXXXXX")}"
# The order lifecycle in seconds instead of days (ship, deliver, complete a return); the return window
# stays long enough for a journey to click "return" after delivery.
export ORDER_SHIP_DELAY_SECONDS="${ORDER_SHIP_DELAY_SECONDS:-2}" ORDER_DELIVER_DELAY_SECONDS="${ORDER_DELIVER_DELAY_SECONDS:-2}"
export ORDER_RETURN_WINDOW_SECONDS="${ORDER_RETURN_WINDOW_SECONDS:-300}" ORDER_RETURN_COMPLETE_SECONDS="${ORDER_RETURN_COMPLETE_SECONDS:-2}"
[ "${SKIP_BUILD:-}" = 1 ] || npm run -s build
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"${DATABASE_URL##*/}\" WITH (FORCE)" >/dev/null
redis-cli --scan --pattern "${REDIS_KEY_PREFIX}*" | xargs -r redis-cli del >/dev/null
npx tsx scripts/migrate.ts
npx tsx prisma/seed.ts
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
npx tsx scripts/toss-fake.ts > test-results-toss.log 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:${E2E_TOSS_PORT}/" && break; sleep 0.2; done
npx tsx worker/index.ts > test-results-worker.log 2>&1 & pids+=($!)
npx playwright test "$@"
