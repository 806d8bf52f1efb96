// `npm start`: serves the production build. PORT and HOSTNAME choose where it listens,
// by default 127.0.0.1:3000. Containers export HOSTNAME as their own name, so a HOSTNAME
// that is not an address is ignored in favour of loopback; RAFTSCOPE_HOSTNAME always wins.
//
// It serves Next through its custom-server API rather than `next start` for one reason: Next
// does not tell proxy.ts or route handlers the TCP peer's address (NextRequest.ip is gone, and
// X-Forwarded-For is whatever the client sent). Here each request gets the socket's address in
// `x-raftscope-peer`, overwritten so a client cannot supply it, under a key made per process so
// a copy reaching a bare `next start` is not believed. Proxy mode and per-address login limits
// rely on it; see docs/security.md.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { isIP } from "node:net";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const candidate = process.env.RAFTSCOPE_HOSTNAME ?? process.env.HOSTNAME;
const hostname =
  process.env.RAFTSCOPE_HOSTNAME ??
  (candidate && (isIP(candidate) || candidate === "localhost") ? candidate : "127.0.0.1");
const port = Number(process.env.PORT ?? "3000");

function isLoopback(host) {
  if (host === "localhost" || host === "::1" || host === "[::1]") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

// The same default as the app's own check (lib/auth/auth-env-schema.ts): unset or empty is none.
const authMode = process.env.RAFTSCOPE_AUTH?.trim() || "none";
if (authMode === "none" && !isLoopback(hostname)) {
  console.error(
    `raftscope: refusing to listen on ${hostname} with RAFTSCOPE_AUTH=none: anyone who can reach ` +
      "that address could read the whole control plane. Set RAFTSCOPE_AUTH=token or " +
      "RAFTSCOPE_AUTH=proxy (see docs/security.md), or listen on 127.0.0.1.",
  );
  process.exit(1);
}

const PEER_HEADER = "x-raftscope-peer";
const stampKey = randomBytes(16).toString("hex");
process.env.RAFTSCOPE_PEER_STAMP_KEY = stampKey;
// `next start` does the same; Next's server code branches on it.
process.env.NODE_ENV = "production";

const next = require("next");
const app = next({
  dev: false,
  dir: fileURLToPath(new URL("..", import.meta.url)),
  hostname,
  port,
});
// Runs instrumentation.ts, which exits the process on bad settings before anything listens.
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = `${stampKey} ${req.socket.remoteAddress ?? ""}`;
  handle(req, res).catch((err) => {
    console.error("raftscope: request failed", err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (err) => {
  console.error(`raftscope: cannot listen on ${hostname}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  console.log(`raftscope: listening on http://${shown}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Event streams never end on their own; close them so the process can exit.
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
