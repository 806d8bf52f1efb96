import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The start script in a folder that has no build, as on a fresh clone: it must refuse bad
// arguments and say what to run, before it loads Next.
let dir: string;

function start(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [path.join(dir, "scripts/start.mjs"), ...args], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-start-"));
  mkdirSync(path.join(dir, "scripts"));
  mkdirSync(path.join(dir, "lib/log"), { recursive: true });
  cpSync(path.resolve("scripts/start.mjs"), path.join(dir, "scripts/start.mjs"));
  cpSync(path.resolve("lib/log/log-line.mjs"), path.join(dir, "lib/log/log-line.mjs"));
});

// Spawns processes: slow on a loaded machine, never a measure of speed.
describe("scripts/start.mjs", { timeout: 30_000 }, () => {
  it("says to build first when there is no production build", () => {
    const { code, output } = start(["-p", "4000"]);
    expect(code).toBe(1);
    expect(output).toContain(`no production build in ${dir}/: run \`npm run build\` first`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("refuses an unknown argument with the usage, instead of ignoring it", () => {
    const { code, output } = start(["--prot", "4000"]);
    expect(code).toBe(2);
    expect(output).toContain("Unknown option '--prot'");
    expect(output).toContain("usage: npm start -- [-p PORT] [-H HOSTNAME]");
    expect(start(["4000"]).output).toContain("Unexpected argument '4000'");
  });

  it("names a bad port, a bad log format and a non-loopback host without auth", () => {
    expect(start(["-p", "http"]).output).toContain(
      '-p: expected a port number from 0 to 65535, got "http"',
    );
    expect(start([], { PORT: "70000" }).output).toContain("PORT: expected a port number");
    expect(start([], { RAFTSCOPE_LOG_FORMAT: "xml" }).output).toContain(
      'RAFTSCOPE_LOG_FORMAT: expected text or json, got "xml"',
    );
    const open = start(["-H", "0.0.0.0"]);
    expect(open.code).toBe(1);
    expect(open.output).toContain("refusing to listen on 0.0.0.0 with RAFTSCOPE_AUTH=none");
  });

  it("writes its refusals as JSON lines in json format", () => {
    const { output } = start([], { RAFTSCOPE_LOG_FORMAT: "json" });
    const line = JSON.parse(output.trim());
    expect(line).toMatchObject({ level: "error" });
    expect(line.message).toContain("run `npm run build` first");
  });
});
