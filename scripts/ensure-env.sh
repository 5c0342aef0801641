#!/usr/bin/env bash
# Writes .env for a local demo when there is none: generated secrets, and HURRYUP_DEMO=1 so a
# production build accepts them. Never overwrites an existing .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && exit 0
rand() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('base64'))"; }
cat > .env <<ENV
# Written by scripts/ensure-env.sh for the local demo. See .env.example for every variable.
HURRYUP_DEMO=1
AUTH_SECRET=$(rand 32)
DATA_ENCRYPTION_KEYS=k$(date +%Y%m%d):$(rand 32)
BLIND_INDEX_KEY=$(rand 32)
ENV
echo "wrote .env with generated secrets"
