import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = path.resolve("bench/cleanup-fixture.ts");

interface Started {
  dir: string;
  pids: number[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the stand-in benchmark; `interrupt` is sent once it has started everything. */
function run(
  env: Record<string, string>,
  interrupt?: NodeJS.Signals,
): Promise<{ started: Started; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", FIXTURE],
      {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let started: Started | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the fixture did not finish: ${out}`));
    }, 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && !started) {
        started = JSON.parse(line) as Started;
        if (interrupt) child.kill(interrupt);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`the fixture never started: ${out}`));
      else resolve({ started, code });
    });
  });
}

async function gone(pids: number[]): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (pids.every((p) => !alive(p))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("an interrupted or failed benchmark leaves nothing behind", () => {
  it("SIGTERM stops the server and the etcd member and deletes the temporary folder", async () => {
    const { started, code } = await run({ FIXTURE_CLUSTER: "1" }, "SIGTERM");
    expect(code).toBe(143);
    expect(started.pids).toHaveLength(2);
    expect(await gone(started.pids)).toBe(true);
    expect(existsSync(started.dir)).toBe(false);
  });

  it("Ctrl-C (SIGINT) does the same", async () => {
    const { started, code } = await run({}, "SIGINT");
    expect(code).toBe(130);
    expect(await gone(started.pids)).toBe(true);
    expect(existsSync(started.dir)).toBe(false);
  });

  it("a benchmark that throws cleans up before exiting 1", async () => {
    const { started, code } = await run({ FIXTURE_FAIL: "1" });
    expect(code).toBe(1);
    expect(await gone(started.pids)).toBe(true);
    expect(existsSync(started.dir)).toBe(false);
  });
});
