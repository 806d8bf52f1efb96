import "server-only";
import { readFileSync, statSync } from "node:fs";
import { tokenProblem } from "../../auth/token-strength";
import { ConfigError } from "../../errors";

/**
 * Reads a token file: the login token of RAFTSCOPE_AUTH_TOKEN_FILE, or the scrape token of
 * RAFTSCOPE_METRICS_TOKEN_FILE (`variable` names it in errors). A file that its group or anyone else
 * may read or write is refused: every local user could then read the dashboard's key to the
 * control plane. A trailing newline, as `echo` and editors leave, is not part of the token.
 * A token that cannot be sent as a Bearer token or is plainly guessable is refused (tokenProblem).
 */
export function readTokenFile(file: string, variable = "RAFTSCOPE_AUTH_TOKEN_FILE"): string {
  let mode: number;
  try {
    mode = statSync(/*turbopackIgnore: true*/ file).mode;
  } catch (err) {
    throw new ConfigError(
      `${variable}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `${variable}: ${file} has mode ${(mode & 0o777).toString(8).padStart(3, "0")}, so its group or other users can reach it; run chmod 600 ${file}`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(/*turbopackIgnore: true*/ file);
  } catch (err) {
    throw new ConfigError(
      `${variable}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  const end = bytes.length - (bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? 2 : 1) : 0);
  const problem = tokenProblem(bytes.subarray(0, end));
  if (problem) {
    throw new ConfigError(
      `${variable}: the token in ${file} ${problem} (try: openssl rand -base64 32)`,
    );
  }
  return bytes.subarray(0, end).toString("latin1");
}
