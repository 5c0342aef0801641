#!/usr/bin/env bash
# Writes .env (or the file named as its argument) for a local demo when there is none: generated secrets,
# and HURRYUP_DEMO=1 so a production build accepts them. Never overwrites an existing file.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-.env}"
[ -f "$file" ] && exit 0
rand() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('base64'))"; }
cat > "$file" <<ENV
# Written by scripts/ensure-env.sh for the local demo. See .env.example for every variable.
HURRYUP_DEMO=1
AUTH_SECRET=$(rand 32)
DATA_ENCRYPTION_KEYS=k$(date +%Y%m%d):$(rand 32)
BLIND_INDEX_KEY=$(rand 32)
ENV
echo "wrote $file with generated secrets"
