# One image for every service; docker-compose.yml picks the entry point per service
# (node subgraphs/<name>/dist/main.js, node <flags> gateway/dist/main.js). It holds the compiled JavaScript,
# the production dependencies and the data files, and nothing else: no TypeScript sources, no tests,
# no demo data, no development tools.

# The workspaces whose compiled code runs in production; the others (shared/demo, dev, tests/support)
# are built but not shipped.
ARG PRODUCTION_WORKSPACES="shared/platform shared/federation subgraphs/actors subgraphs/agreements subgraphs/activities subgraphs/situation subgraphs/concerns gateway"

# Every workspace's manifest and the lockfile: enough for npm ci, so dependency layers are cached
# until a manifest changes.
FROM node:22-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/platform/package.json shared/platform/
COPY shared/federation/package.json shared/federation/
COPY shared/demo/package.json shared/demo/
COPY dev/package.json dev/
COPY tests/support/package.json tests/support/
COPY subgraphs/actors/package.json subgraphs/actors/
COPY subgraphs/agreements/package.json subgraphs/agreements/
COPY subgraphs/activities/package.json subgraphs/activities/
COPY subgraphs/situation/package.json subgraphs/situation/
COPY subgraphs/concerns/package.json subgraphs/concerns/
COPY gateway/package.json gateway/
COPY dashboard/package.json dashboard/
COPY finder/package.json finder/

# Build: all dependencies, the sources, tsc -b into each workspace's dist/. Then gather what ships
# in /release: each production workspace's package.json and dist/, and the data files that travel
# with their package, less demo folders, tests and TypeScript leftovers.
FROM manifests AS build
ARG PRODUCTION_WORKSPACES
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build
RUN set -eu; \
    for ws in $PRODUCTION_WORKSPACES; do \
      mkdir -p "/release/$ws"; \
      cp "$ws/package.json" "/release/$ws/"; \
      cp -R "$ws/dist" "/release/$ws/dist"; \
    done; \
    cp -R subgraphs/actors/data /release/subgraphs/actors/data; \
    cp gateway/supergraph.graphql /release/gateway/supergraph.graphql; \
    cp package.json /release/package.json; \
    find /release -depth -type d \( -name demo -o -name test -o -name tests -o -name __tests__ \) -exec rm -rf {} +; \
    find /release -type f \( -name '*.ts' -o -name '*.test.js' -o -name '*.spec.js' -o -name '*.tsbuildinfo' \) -delete; \
    if find /release \( -name demo -o -name 'demo.*' \) | grep .; then echo "demo data left in the release" >&2; exit 1; fi

# Production dependencies only, for the production workspaces only: a fresh install, so nothing of
# the build's development tree comes along. --omit=optional as well, because typeorm names ts-node
# as an optional peer, which would otherwise bring ts-node and typescript in; nothing in production
# needs an optional package (checked: the graphql-armor plugins run without @envelop/*).
FROM manifests AS production-dependencies
ARG PRODUCTION_WORKSPACES
RUN set -eu; \
    workspaces=""; for ws in $PRODUCTION_WORKSPACES; do workspaces="$workspaces --workspace=$ws"; done; \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund $workspaces; \
    mkdir /release; cp -a node_modules /release/node_modules; \
    for ws in $PRODUCTION_WORKSPACES; do \
      if [ -d "$ws/node_modules" ]; then mkdir -p "/release/$ws"; cp -a "$ws/node_modules" "/release/$ws/node_modules"; fi; \
    done

# The dashboard: a static bundle (HTML, JavaScript, CSS, the map's outlines), served by any web
# server beside a config.json (README, "Dashboard"). Its own target, which the default image does not
# build:  docker build --target dashboard --output type=local,dest=dashboard-static .
FROM build AS dashboard-build
RUN npm run build --workspace=dashboard
FROM scratch AS dashboard
COPY --from=dashboard-build /app/dashboard/dist/ /

# The public finder ("Hitta aktiviteter"): a static bundle too (HTML, JavaScript, CSS, one outline per
# municipality), served by any web server beside a config.json naming the gateway (README, "Public finder").
# build:  docker build --target finder --output type=local,dest=finder-static .
FROM build AS finder-build
RUN npm run build --workspace=finder
FROM scratch AS finder
COPY --from=finder-build /app/finder/dist/ /

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the service user: the services write nothing to disk.
COPY --from=production-dependencies /release/ ./
COPY --from=build /release/ ./
USER node
EXPOSE 4000 4001 4002 4003 4004
# The gateway's by default; docker-compose.yml gives each service a check on its own port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.GATEWAY_PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The gateway with its Node flags (GATEWAY_NODE_FLAGS in dev/src/processes.ts: a smaller young
# generation and a 1 GB old-space ceiling, which keep its resident memory near 200 MB under load).
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=1024", "gateway/dist/main.js"]
