#!/usr/bin/env bash
# The whole test suite: lint, type-check, unit and integration tests (real PostgreSQL and Redis),
# the production build, and the end-to-end journeys in Chromium against it.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build is a production build; accept the development secrets for it (no .env needed in CI).
export HURRYUP_DEMO="${HURRYUP_DEMO:-1}"
step() { printf '\n==> %s\n' "$*"; }
step "lint ($(node -v))";        npm run -s lint
step "type-check";  npm run -s typecheck
# The build first: server/pages.int.test.ts runs the production server on it.
step "build";       npm run -s build
step "unit + integration tests"; npx vitest run
step "end-to-end";  SKIP_BUILD=1 bash scripts/e2e.sh
