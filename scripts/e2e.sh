#!/usr/bin/env bash
# End-to-end journeys: a fresh database with the demo data, the production build served by `next start`,
# the background worker beside it, and Playwright driving Debian's Chromium. Everything started here is
# stopped on success, failure, Ctrl-C and SIGTERM (scripts/lib/procs.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/procs.sh
export E2E_PORT="${E2E_PORT:-3100}"
export DATABASE_URL="${E2E_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/hurryup_e2e_${E2E_PORT}}"
export REDIS_KEY_PREFIX="e2e:${E2E_PORT}:"
export APP_URL="http://localhost:${E2E_PORT}"
export HURRYUP_DEMO=1 LOG_LEVEL="${LOG_LEVEL:-warn}"
# The Toss-compatible server stands in for Toss (real HTTP); uploads go to a folder of this run's own.
export E2E_TOSS_PORT="${E2E_TOSS_PORT:-$((E2E_PORT + 900))}"
export TOSS_FAKE_PORT="$E2E_TOSS_PORT" TOSS_API_BASE_URL="http://127.0.0.1:${E2E_TOSS_PORT}" NEXT_PUBLIC_TOSS_CLIENT_KEY=
# Kakao and Naver sign-in against local OAuth servers shaped like each provider (scripts/oauth-mock.ts).
# Offsets of 2000+: the browser refuses some ports outright (5060 and 5061, SIP), and E2E_PORT + 1900..1961
# would hit them for some of the ports in use.
export E2E_KAKAO_PORT="${E2E_KAKAO_PORT:-$((E2E_PORT + 2000))}" E2E_NAVER_PORT="${E2E_NAVER_PORT:-$((E2E_PORT + 2010))}"
for p in KAKAO NAVER; do
  port_var="E2E_${p}_PORT"; base="http://127.0.0.1:${!port_var}"; lower="$(echo "$p" | tr A-Z a-z)"
  export "${p}_CLIENT_ID=${lower}-client" "${p}_CLIENT_SECRET=${lower}-secret" "${p}_AUTHORIZATION_URL=${base}/authorize" \
    "${p}_TOKEN_URL=${base}/token" "${p}_USERINFO_URL=${base}/userinfo"
done
export UPLOAD_DIR="${UPLOAD_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hurryup-e2e-uploads.XXXXXX")}"
# No journey races the wall clock: the order lifecycle keeps the shop's own day-long delays, and a
# journey says when a step is due or a drop opens through the test hooks (lib/test-hooks, on only here).
export HURRYUP_TEST_HOOKS=1
unset ORDER_SHIP_DELAY_SECONDS ORDER_DELIVER_DELAY_SECONDS ORDER_RETURN_WINDOW_SECONDS ORDER_RETURN_COMPLETE_SECONDS
# Playwright's webServer writes its process group here, so it is stopped even if Playwright is not.
export E2E_SERVER_PIDFILE; E2E_SERVER_PIDFILE="$(mktemp "${TMPDIR:-/tmp}/hurryup-e2e-server.XXXXXX")"

tsx=node_modules/.bin/tsx
playwright_pid= interrupted=
cleanup() {
  local code=$?
  # Playwright stops its webServer on SIGINT. A Ctrl-C has already sent it one (a second would rush it
  # to exit), so after INT it gets 20 s to stop by itself before it is told.
  if [ -n "$playwright_pid" ]; then
    local grace=0; [ -z "$interrupted" ] || grace=20
    local until=$((SECONDS + grace))
    while [ "$SECONDS" -lt "$until" ] && kill -0 "$playwright_pid" 2>/dev/null; do sleep 0.2; done
    kill -INT "$playwright_pid" 2>/dev/null || true
    wait "$playwright_pid" 2>/dev/null || true
  fi
  local server; server="$(cat "$E2E_SERVER_PIDFILE" 2>/dev/null || true)"
  if [ -n "$server" ]; then _procs_groups+=("$server"); fi
  procs_stop_all
  rm -f "$E2E_SERVER_PIDFILE"
  exit "$code"
}
trap cleanup EXIT
trap 'interrupted=1; exit 130' INT
trap 'exit 143' TERM

# A port that already answers belongs to another run or to one left behind: its answers would be taken for
# this run's (a stale Toss fake, another shop), so the run refuses to start rather than test the wrong server.
for port in "$E2E_PORT" "$E2E_TOSS_PORT" "$E2E_KAKAO_PORT" "$E2E_NAVER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
    echo "e2e: port ${port} is already in use (another run, or one left behind): stop it, or choose other ports with E2E_PORT" >&2
    exit 1
  fi
done
[ "${SKIP_BUILD:-}" = 1 ] || npm run -s build
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"${DATABASE_URL##*/}\" WITH (FORCE)" >/dev/null
redis-cli --scan --pattern "${REDIS_KEY_PREFIX}*" | xargs -r redis-cli del >/dev/null
"$tsx" scripts/migrate.ts
"$tsx" prisma/seed.ts
# wait_for WHAT CMD...: until CMD succeeds (a ceiling of 5 minutes for a very busy machine, then fail).
wait_for() {
  local what="$1" deadline=$((SECONDS + 300)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "e2e: ${what} did not come up (see test-results-*.log)" >&2; exit 1; }
    sleep 0.2
  done
}
procs_start "test-results-toss-${E2E_PORT}.log" "$tsx" scripts/toss-fake.ts
procs_start "test-results-worker-${E2E_PORT}.log" "$tsx" worker/index.ts
procs_start "test-results-oauth-${E2E_PORT}.log" "$tsx" scripts/oauth-mock.ts "$E2E_KAKAO_PORT" "$E2E_NAVER_PORT"
wait_for "the Toss-compatible server" curl -s -o /dev/null "http://127.0.0.1:${E2E_TOSS_PORT}/"
wait_for "the Kakao mock" curl -sf -o /dev/null "http://127.0.0.1:${E2E_KAKAO_PORT}/.well-known/openid-configuration"
wait_for "the Naver mock" curl -sf -o /dev/null "http://127.0.0.1:${E2E_NAVER_PORT}/.well-known/openid-configuration"
# The worker beats once it has subscribed to every queue: journeys that need it start after that.
worker_ready() { [ "$(redis-cli exists "${REDIS_KEY_PREFIX}worker:heartbeat")" = 1 ]; }
wait_for "the worker" worker_ready
# In the background and waited for, so that INT/TERM reach the traps at once.
node_modules/.bin/playwright test "$@" & playwright_pid=$!
wait "$playwright_pid"
