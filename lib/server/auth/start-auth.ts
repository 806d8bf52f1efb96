import "server-only";
import { ConfigError } from "../../errors";
import { getAuthState } from "./auth-state";

/** Boot-time check: bad auth settings end the process with a message naming the variable. */
export function startAuth(): void {
  try {
    const { settings } = getAuthState();
    const detail =
      settings.mode === "token"
        ? `token from ${settings.secret.kind === "file" ? settings.secret.path : "RAFTSCOPE_AUTH_TOKEN_HASH"}`
        : settings.mode === "proxy"
          ? `identity from ${settings.identityHeader}, trusted from ${settings.trustedProxies.length} address range(s)`
          : "no login; loopback only";
    console.log(`raftscope: auth mode ${settings.mode} (${detail})`);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`raftscope: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
