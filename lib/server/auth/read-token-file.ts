import "server-only";
import { readFileSync, statSync } from "node:fs";
import { ConfigError } from "../../errors";

const MIN_TOKEN_LENGTH = 16;

/**
 * Reads a token file: the login token of RAFTSCOPE_AUTH_TOKEN_FILE, or the scrape token of
 * RAFTSCOPE_METRICS_TOKEN_FILE (`variable` names it in errors). A file that its group or anyone else
 * may read or write is refused: every local user could then read the dashboard's key to the
 * control plane. A trailing newline, as `echo` and editors leave, is not part of the token.
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
  let token: string;
  try {
    token = readFileSync(/*turbopackIgnore: true*/ file, "utf8").replace(/\r?\n$/, "");
  } catch (err) {
    throw new ConfigError(
      `${variable}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  if (token.length < MIN_TOKEN_LENGTH || token.length > 1024 || /[\r\n]/.test(token)) {
    throw new ConfigError(
      `${variable}: ${file} must hold one line of ${MIN_TOKEN_LENGTH} to 1024 characters (try: openssl rand -base64 32)`,
    );
  }
  return token;
}
