# syntax=docker/dockerfile:1
# The production image: built with the same commands as the production-install
# test (tests/services/production.test.ts, tests/helpers/deploy.ts), run as
# `node dist/server.js` by a non-root user. README "Deploying" says how to use
# it and how this file was verified.

# Build: install everything, compile the server, SDK and docs, then copy the
# server with its runtime dependencies only into /app.
FROM node:24-bookworm-slim AS build
RUN npm install -g pnpm@12
WORKDIR /src
# Dependencies first, from the lockfile alone: this layer is reused until the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm run build
RUN pnpm --filter @storefront/server deploy --prod /app

# Run: Node and /app, nothing else.
FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# The embedded database's folder (DATA_DIR=./.data), when DATABASE_URL is not set.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Liveness only: a database outage makes /readyz fail, which must not get the container restarted.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1 and gets the runtime's SIGTERM: requests in flight complete, then it exits 0.
CMD ["node", "dist/server.js"]
