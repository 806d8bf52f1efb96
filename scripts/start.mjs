// `npm start`: serves the production build. PORT and HOSTNAME choose where it listens,
// by default 127.0.0.1:3000. Containers export HOSTNAME as their own name, so a HOSTNAME
// that is not an address is ignored in favour of loopback; RAFTSCOPE_HOSTNAME always wins.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { isIP } from "node:net";

const require = createRequire(import.meta.url);
const candidate = process.env.RAFTSCOPE_HOSTNAME ?? process.env.HOSTNAME;
const hostname =
  process.env.RAFTSCOPE_HOSTNAME ??
  (candidate && (isIP(candidate) || candidate === "localhost") ? candidate : "127.0.0.1");
const port = process.env.PORT ?? "3000";
const next = require.resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "start", "-H", hostname, "-p", port], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
