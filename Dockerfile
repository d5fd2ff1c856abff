# One image for every service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/actors/package.json subgraphs/actors/
COPY subgraphs/agreements/package.json subgraphs/agreements/
COPY subgraphs/activities/package.json subgraphs/activities/
COPY subgraphs/situation/package.json subgraphs/situation/
RUN npm ci --omit=dev --ignore-scripts
COPY . .
ENV NODE_ENV=production
USER node
