import { type ChildProcess, spawn } from "node:child_process";
import { freeLoopbackPorts } from "../harness/loopback-ports";

/** A Raftscope server started by a test, with everything it printed. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the process's exit code once it has exited. */
  exited: Promise<number | null>;
  /** Waits until `url + path` answers `status` (any status when omitted). */
  waitFor(
    path: string,
    opts?: { status?: number; headers?: Record<string, string> },
  ): Promise<Response>;
  kill(signal?: NodeJS.Signals): void;
}

const WAIT_MS = 60_000;

/** Starts `node <script> -p <free port> -H 127.0.0.1 ...args`, as uid/gid when given. */
export async function startServerProcess(opts: {
  script: string;
  cwd: string;
  /** The whole environment; NODE_ENV is production unless given. */
  env: Record<string, string>;
  args?: string[];
  uid?: number;
  gid?: number;
  command?: string;
}): Promise<ServerProcess> {
  const [port] = await freeLoopbackPorts(1);
  if (!port) throw new Error("no free loopback port");
  const child = spawn(
    opts.command ?? process.execPath,
    [opts.script, ...(opts.args ?? []), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: opts.cwd,
      env: { NODE_ENV: "production", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
    },
  );
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  process.once("exit", () => child.kill("SIGKILL"));
  return {
    child,
    url,
    output: () => out,
    exited,
    kill: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async waitFor(path, { status, headers } = {}) {
      const until = Date.now() + WAIT_MS;
      let last = "no answer";
      while (Date.now() < until) {
        if (child.exitCode !== null)
          throw new Error(`the server exited ${child.exitCode}:\n${out}`);
        try {
          const res = await fetch(url + path, { headers, signal: AbortSignal.timeout(5_000) });
          if (status === undefined || res.status === status) return res;
          last = `status ${res.status}`;
        } catch (err) {
          last = String(err);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`${url}${path} did not answer ${status ?? ""} (${last}):\n${out}`);
    },
  };
}

/** Reads a server-sent event stream until `text` appears; returns the reader to read on. */
export async function readStreamUntil(
  res: Response,
  text: string,
): Promise<{ seen: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  if (!res.body) throw new Error("the stream has no body");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  const until = Date.now() + WAIT_MS;
  while (!seen.includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" in the stream: ${seen.slice(0, 500)}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${text}": ${seen.slice(0, 500)}`);
    seen += decoder.decode(value, { stream: true });
  }
  return { seen, reader };
}
