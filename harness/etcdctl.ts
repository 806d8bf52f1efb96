import { execFile } from "node:child_process";
import { HarnessError } from "./harness-error";
import { scrubbedEnv } from "./scrubbed-env";

/** Debian's etcdctl 3.4; a cluster of another version passes its own binary. */
const DEFAULT_ETCDCTL_BIN = "/usr/bin/etcdctl";

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface EtcdctlOptions {
  endpoints: string[];
  tls: TlsFiles;
  /** etcdctl's own --command-timeout; the process gets a few seconds more to dial and exit. */
  commandTimeoutMs?: number;
  /** The etcdctl binary; default Debian's 3.4. */
  bin?: string;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;
const DIAL_TIMEOUT_MS = 3_000;

/**
 * Runs etcdctl (v3 API, 3.4's default, so ETCDCTL_API is not set) against `endpoints` with mutual
 * TLS and returns its stdout. Fails with ETCDCTL_TIMEOUT when the process outlives its deadline
 * and ETCDCTL_FAILED on a non-zero exit, with etcdctl's stderr in the message.
 */
export function runEtcdctl(args: string[], opts: EtcdctlOptions): Promise<string> {
  if (opts.endpoints.length === 0) {
    return Promise.reject(
      new HarnessError("ETCDCTL_FAILED", `etcdctl ${args.join(" ")}: no live endpoints`),
    );
  }
  const commandTimeoutMs = opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const fullArgs = [
    `--endpoints=${opts.endpoints.join(",")}`,
    `--cacert=${opts.tls.ca}`,
    `--cert=${opts.tls.cert}`,
    `--key=${opts.tls.key}`,
    `--dial-timeout=${DIAL_TIMEOUT_MS}ms`,
    `--command-timeout=${commandTimeoutMs}ms`,
    ...args,
  ];
  const deadlineMs = commandTimeoutMs + DIAL_TIMEOUT_MS + 2_000;
  return new Promise((resolve, reject) => {
    execFile(
      opts.bin ?? DEFAULT_ETCDCTL_BIN,
      fullArgs,
      { env: scrubbedEnv(), timeout: deadlineMs, killSignal: "SIGKILL", maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const what = `etcdctl ${args.join(" ")}`;
        if (error.killed) {
          reject(
            new HarnessError("ETCDCTL_TIMEOUT", `${what} did not finish within ${deadlineMs} ms`),
          );
          return;
        }
        const detail = stderr.trim() || stdout.trim() || error.message;
        reject(
          new HarnessError("ETCDCTL_FAILED", `${what} failed (exit ${error.code}): ${detail}`),
        );
      },
    );
  });
}
