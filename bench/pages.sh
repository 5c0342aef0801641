#!/usr/bin/env bash
# Page throughput: wrk (64 connections, 10 s) on the home page and a product page of a running production
# server (`npm start`), beside a bare Node server measured in the same run — the ceiling of this machine at
# that moment — with the load average before each. Usage: bench/pages.sh BASE_URL PRODUCT_PATH [BARE_PORT]
set -euo pipefail
base="${1:?base url, e.g. http://127.0.0.1:3000}"
product="${2:?product path, e.g. /products/<id>}"
bare_port="${3:-3799}"
node -e 'require("http").createServer((q,s)=>s.end("ok")).listen(Number(process.argv[1]), "127.0.0.1")' "$bare_port" &
bare=$!
trap 'kill "$bare" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:${bare_port}/"; do sleep 0.1; done
run() {
  local name="$1" url="$2"
  curl -s -o /dev/null "$url" # warm: the first render fills the caches
  printf '\n== %s  %s\nloadavg before: %s\n' "$name" "$url" "$(cat /proc/loadavg)"
  wrk -t2 -c64 -d10s --latency "$url" | grep -E 'Requests/sec|Latency |50%|99%|Non-2xx|Socket errors'
}
run "bare node" "http://127.0.0.1:${bare_port}/"
run "home" "${base}/"
run "product" "${base}${product}"
printf '\nloadavg after: %s\n' "$(cat /proc/loadavg)"
