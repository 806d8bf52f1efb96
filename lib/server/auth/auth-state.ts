import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { AuthSettings } from "../../auth/auth-env-schema";
import { LoginRateLimiter } from "../../auth/login-rate-limiter";
import { createAddressMatcher } from "./address-matcher";
import { loadAuthSettings } from "./load-auth-settings";
import { readTokenFile } from "./read-token-file";
import { SessionSigner } from "./session-signer";
import { TokenVerifier } from "./token-verifier";

export interface AuthState {
  settings: AuthSettings;
  /** Token mode only. */
  token: { verifier: TokenVerifier; signer: SessionSigner } | undefined;
  limiter: LoginRateLimiter;
  isTrustedProxy: (address: string) => boolean;
  /** The scrape token of RAFTSCOPE_METRICS_TOKEN_FILE: opens GET /metrics and nothing else. */
  metricsToken: TokenVerifier | undefined;
  /** Whether `key` is the one scripts/start.mjs stamps requests with. */
  isPeerStampKey: (key: string) => boolean;
}

/** Builds the auth state from validated settings; reads the token file, so it can throw. */
export function createAuthState(settings: AuthSettings): AuthState {
  let token: AuthState["token"];
  if (settings.mode === "token") {
    const verifier =
      settings.secret.kind === "file"
        ? TokenVerifier.fromToken(readTokenFile(settings.secret.path))
        : TokenVerifier.fromHash(settings.secret.hash);
    // Without a configured secret, sessions last until the server restarts: fine for one replica.
    const serverSecret = settings.sessionSecret ?? randomBytes(32);
    token = { verifier, signer: new SessionSigner(serverSecret, verifier.fingerprint) };
  }
  const stampKey = settings.peerStampKey ? Buffer.from(settings.peerStampKey) : undefined;
  const metricsToken = settings.metricsTokenFile
    ? TokenVerifier.fromToken(
        readTokenFile(settings.metricsTokenFile, "RAFTSCOPE_METRICS_TOKEN_FILE"),
      )
    : undefined;
  return {
    settings,
    token,
    metricsToken,
    limiter: new LoginRateLimiter(),
    isTrustedProxy: createAddressMatcher(settings.trustedProxies),
    isPeerStampKey: (key) => {
      const presented = Buffer.from(key);
      return (
        stampKey !== undefined &&
        presented.length === stampKey.length &&
        timingSafeEqual(presented, stampKey)
      );
    },
  };
}

// proxy.ts, route handlers and server components are separate bundles in one process; the
// session secret and the failed-login counts must be one per process, so they live on globalThis.
const globalForAuth = globalThis as unknown as { raftscopeAuth?: AuthState };

/** The process's auth state, built on first use from the environment (instrumentation does it at boot). */
export function getAuthState(): AuthState {
  globalForAuth.raftscopeAuth ??= createAuthState(loadAuthSettings());
  return globalForAuth.raftscopeAuth;
}
