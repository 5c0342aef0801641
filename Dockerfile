# Hurry Up — container image. Targets:
#   app     (default) Next's standalone server (small image)
#   server  `npm start`'s server: Next plus the buy path's fast path (what bench:flash measures; full
#           node_modules, larger image) — use it for flash-sale traffic
#   worker  the background worker (pg-boss jobs, outbox relay, hold expiry)
#   migrate one-shot: applies prisma/migrations and exits (add `seed` as the command to seed demo data)
# Build: docker build -t hurryup . && docker build --target worker -t hurryup-worker .

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.sh scripts/
COPY prisma prisma
COPY prisma.config.ts ./
# `npm install` honours package-lock.json; `npm ci` refuses lock files written by npm 11 (see README).
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 HURRYUP_DEMO=1
RUN npm run build

# Full source and dev tooling: runs migrations, the seed and the worker with tsx.
FROM build AS tools
ENV NODE_ENV=production HURRYUP_DEMO=
CMD ["npx", "tsx", "scripts/migrate.ts"]

FROM tools AS migrate

FROM tools AS worker
CMD ["npx", "tsx", "worker/index.ts"]

FROM tools AS server
ENV PORT=3000 HOST=0.0.0.0
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The heap flags of server/node-flags.ts.
CMD ["node", "--max-semi-space-size=32", "--max-old-space-size=384", "--import", "tsx", "server/index.ts"]

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system app && useradd --system --gid app app
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
USER app
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]
