#!/usr/bin/env bash
# Generates the Prisma client offline. `generate` needs no schema engine, but the CLI insists on finding
# one, so it is pointed at a dummy (never do this for `migrate`: it would exit 0 and do nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
dummy="$(mktemp)"
trap 'rm -f "$dummy"' EXIT
printf '#!/bin/sh\nexit 0\n' > "$dummy"
chmod +x "$dummy"
PRISMA_SCHEMA_ENGINE_BINARY="$dummy" PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 npx prisma generate
