// `npm start`, and `node server.mjs` in the production bundle: serves the production build.
// `-p`/`--port` and `-H`/`--hostname` choose where it listens, as with `next start`; otherwise
// PORT and HOSTNAME, by default 127.0.0.1:3000. Containers export HOSTNAME as their own name, so
// a HOSTNAME that is not an address is ignored in favour of loopback; RAFTSCOPE_HOSTNAME wins
// over HOSTNAME, and `-H` over both.
//
// It serves Next through its custom-server API rather than `next start` for one reason: Next
// does not tell proxy.ts or route handlers the TCP peer's address (NextRequest.ip is gone, and
// X-Forwarded-For is whatever the client sent). Here each request gets the socket's address in
// `x-raftscope-peer`, overwritten so a client cannot supply it, under a key made per process so
// a copy reaching a bare `next start` is not believed. Proxy mode and per-address login limits
// rely on it; see docs/security.md.
//
// SIGTERM or SIGINT drains: readiness turns not ok, no new connection is accepted, event streams
// end, the pollers stop and the event logs are synced and closed, then the process exits 0.
// Past RAFTSCOPE_DRAIN_TIMEOUT_MS (default 10000, within Kubernetes' 30 s grace period) the
// remaining connections are cut and it exits 1; a second signal exits at once.
//
// `npm start`, the demo and the container image run it with `--disable-warning=DEP0123`: the
// etcd client (grpc-js) sets the TLS servername to a member's IP address, which Node warns about
// (RFC 6066 has no IP names); the member's certificate is still verified against that IP.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, parseArgs } from "node:util";
import { formatLogLine, logFormat } from "../lib/log/log-line.mjs";

const USAGE =
  "usage: npm start -- [-p PORT] [-H HOSTNAME]   (or: node server.mjs [-p PORT] [-H HOSTNAME])";

const NODE_WARNING = /^\(node:\d+\) (\[\w+\] )?\w*Warning:/;
const CONSOLE_LEVELS = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" };

/**
 * In `json` format, turns everything written through `console` (Next's own messages too) into
 * one JSON object per line, redacted, so the log stays machine-readable. A multi-line message
 * (a stack) stays inside its one object.
 */
function installConsoleFormat(fmt) {
  if (fmt !== "json") return;
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    const stream = level === "warn" || level === "error" ? process.stderr : process.stdout;
    console[method] = (...args) => {
      const message = format(...args).replace(/^raftscope: /, "");
      // Node prints its own warnings (deprecations) through console.error.
      const actual = level === "error" && NODE_WARNING.test(message) ? "warn" : level;
      stream.write(`${formatLogLine("json", actual, message)}\n`);
    };
  }
}

function fail(message, code = 1) {
  process.stderr.write(`${formatLogLine(fmt, "error", message)}\n`);
  process.exit(code);
}

function info(message, fields) {
  process.stdout.write(`${formatLogLine(fmt, "info", message, fields)}\n`);
}

let fmt = "text";
try {
  fmt = logFormat(process.env.RAFTSCOPE_LOG_FORMAT);
} catch (err) {
  fail(err.message);
}
installConsoleFormat(fmt);

let args;
try {
  args = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  fail(`${err.message}\n${USAGE}`, 2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const portText = args.port ?? process.env.PORT ?? "3000";
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
  fail(
    `${args.port ? "-p" : "PORT"}: expected a port number from 0 to 65535, got "${portText}"`,
    2,
  );
}
const port = Number(portText);
const candidate = process.env.RAFTSCOPE_HOSTNAME ?? process.env.HOSTNAME;
const hostname =
  args.hostname ??
  process.env.RAFTSCOPE_HOSTNAME ??
  (candidate && (isIP(candidate) || candidate === "localhost") ? candidate : "127.0.0.1");

function isLoopback(host) {
  if (host === "localhost" || host === "::1" || host === "[::1]") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

// The same default as the app's own check (lib/auth/auth-env-schema.ts): unset or empty is none.
const authMode = process.env.RAFTSCOPE_AUTH?.trim() || "none";
if (authMode === "none" && !isLoopback(hostname)) {
  fail(
    `refusing to listen on ${hostname} with RAFTSCOPE_AUTH=none: anyone who can reach ` +
      "that address could read the whole control plane. Set RAFTSCOPE_AUTH=token or " +
      "RAFTSCOPE_AUTH=proxy (see docs/security.md), or listen on 127.0.0.1.",
  );
}

const drainTimeoutText = process.env.RAFTSCOPE_DRAIN_TIMEOUT_MS ?? "10000";
if (!/^\d+$/.test(drainTimeoutText)) {
  fail(`RAFTSCOPE_DRAIN_TIMEOUT_MS: expected milliseconds, got "${drainTimeoutText}"`, 2);
}
const drainTimeoutMs = Number(drainTimeoutText);

// The app is the folder above this script: the clone, or the bundle (.next/standalone).
const dir = fileURLToPath(new URL("..", import.meta.url));
const serverFiles = path.join(dir, ".next", "required-server-files.json");
if (!existsSync(path.join(dir, ".next", "BUILD_ID")) || !existsSync(serverFiles)) {
  fail(`no production build in ${dir}: run \`npm run build\` first`);
}

const PEER_HEADER = "x-raftscope-peer";
const stampKey = randomBytes(16).toString("hex");
process.env.RAFTSCOPE_PEER_STAMP_KEY = stampKey;
// `next start` does the same; Next's server code branches on it.
process.env.NODE_ENV = "production";
// The config as built, as Next's own standalone server.js passes it: the bundle has no
// next.config.mjs, and the clone serves what was built, not what was edited since.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
  JSON.parse(readFileSync(serverFiles, "utf8")).config,
);

const require = createRequire(import.meta.url);
const next = require("next");
const app = next({ dev: false, dir, hostname, port });
// Runs instrumentation.ts, which exits the process on bad settings before anything listens.
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // Only origin-form targets ("/path"): "*" or an absolute URL makes Next throw before any of
  // Raftscope's code runs (RFC 9112 §3.2 allows "*" only for OPTIONS, which Raftscope serves not).
  if (!req.url?.startsWith("/")) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad request target: Raftscope serves paths that start with /\n");
    return;
  }
  req.headers[PEER_HEADER] = `${stampKey} ${req.socket.remoteAddress ?? ""}`;
  handle(req, res).catch((err) => {
    console.error("raftscope: request failed", err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (err) => fail(`cannot listen on ${hostname}:${port}: ${err.message}`));
server.listen(port, hostname, () => {
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  info(`listening on http://${shown}:${server.address().port}`);
});

// Published by instrumentation.ts (lib/server/drain.ts): stops streams, pollers and event logs.
const DRAIN = Symbol.for("raftscope.drain");

let draining = false;
async function drain(signal) {
  if (draining) {
    info(`${signal} again: exiting without waiting`);
    process.exit(1);
  }
  draining = true;
  const started = Date.now();
  info(`${signal}: draining`, { timeoutMs: drainTimeoutMs });
  const cut = setTimeout(() => {
    console.error(`raftscope: drain not done within ${drainTimeoutMs} ms; cutting connections`);
    server.closeAllConnections();
    process.exit(1);
  }, drainTimeoutMs);
  // Left referenced on purpose: the pollers' timers are unref'd, and once the listener closes
  // nothing else would keep the process alive until the event logs are closed.
  const closed = new Promise((resolve) => server.close(resolve));
  await globalThis[DRAIN]?.();
  server.closeIdleConnections();
  await closed;
  clearTimeout(cut);
  info("drained; exiting", { ms: Date.now() - started });
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    drain(signal).catch((err) => {
      console.error("raftscope: drain failed", err);
      process.exit(1);
    });
  });
}
