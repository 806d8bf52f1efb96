# syntax=docker/dockerfile:1
# Raftscope's container image: the standalone production bundle (`npm run build`) on the
# official Node.js image, run as uid 65532 from a read-only root filesystem; the event logs go
# to the /data volume. See README "In a cluster" and deploy/kubernetes/.
#   docker build -t raftscope:0.1.0 .
#   docker run --read-only -v raftscope-data:/data -e RAFTSCOPE_AUTH=token \
#     -e RAFTSCOPE_AUTH_TOKEN_HASH='scrypt$…' -e RAFTSCOPE_CONFIG=/etc/raftscope/raftscope.yaml … raftscope:0.1.0
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Exactly the locked versions (see scripts/ensure-deps.sh for why not `npm ci`).
RUN npm install --no-save --no-audit --no-fund --loglevel=error
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="Raftscope" \
      org.opencontainers.image.description="A live dashboard for the etcd clusters behind Kubernetes control planes" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="docker.io/library/node:${NODE_VERSION}-bookworm-slim"
# The bundle test (integration/bundle.test.ts) runs the bundle with exactly these variables.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    RAFTSCOPE_HOSTNAME=0.0.0.0 \
    RAFTSCOPE_DATA_DIR=/data \
    RAFTSCOPE_LOG_FORMAT=json
WORKDIR /app
# Owned by root and not writable by the server's uid, even without --read-only.
COPY --from=build --chown=0:0 /src/.next/standalone/ ./
RUN mkdir /data && chown 65532:65532 /data
VOLUME ["/data"]
USER 65532:65532
EXPOSE 3000
# SIGTERM drains (streams closed, event logs synced) within RAFTSCOPE_DRAIN_TIMEOUT_MS (10 s).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/healthz`,{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# DEP0123: the etcd client (grpc-js) sets the TLS servername to a member's IP address, which Node
# warns about once per process; the member's certificate is still verified against that IP.
CMD ["node", "--disable-warning=DEP0123", "server.mjs"]
