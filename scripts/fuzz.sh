#!/usr/bin/env bash
# `npm run fuzz`: the hostile-traffic fuzz suite (test/fuzz) with a longer budget and, unless FUZZ_SEED is
# given, a new seed each time (printed, with the command that repeats a failure). Builds first when there
# is no production build. FUZZ_RUNS (default 200 per endpoint), FUZZ_SEED, FUZZ_ONLY, FUZZ_SHRINK=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export HURRYUP_DEMO="${HURRYUP_DEMO:-1}"
export FUZZ_RUNS="${FUZZ_RUNS:-200}"
export FUZZ_SEED="${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
[ -f .next/BUILD_ID ] || npm run -s build
echo "fuzz: seed $FUZZ_SEED, $FUZZ_RUNS runs per endpoint"
exec npx vitest run test/fuzz/fuzz.int.test.ts
