import "server-only";
import type { AuthSettings } from "../../auth/auth-env-schema";
import { ConfigError } from "../../errors";
import { getAuthState } from "./auth-state";

/**
 * How failed logins are attributed, and how to make each client's own address count: behind a
 * shared reverse proxy that is not listed, one guesser locks out everyone behind it.
 */
export function limiterAddressNote(settings: AuthSettings): string {
  if (settings.peerStampKey === undefined) {
    return "failed logins are limited per client address, but `next start` does not tell Raftscope the address, so every client shares one count; start with `npm start`";
  }
  if (settings.trustedProxies.length === 0) {
    return "failed logins are limited per client address (the connecting address); behind a reverse proxy, list its address in RAFTSCOPE_AUTH_PROXY_ADDRESSES so each client's own address (from X-Forwarded-For) counts, not the proxy's";
  }
  return `failed logins are limited per client address, read from X-Forwarded-For past ${settings.trustedProxies.length} trusted proxy range(s) (RAFTSCOPE_AUTH_PROXY_ADDRESSES)`;
}

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
    if (settings.mode === "token") console.log(`raftscope: ${limiterAddressNote(settings)}`);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`raftscope: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
