import "server-only";
import {
  isSecureRequest,
  normalizeAddress,
  resolveClientAddress,
  splitPeerStamp,
} from "../../auth/client-address";
import type { AuthState } from "./auth-state";

export const PEER_STAMP_HEADER = "x-raftscope-peer";

export interface RequestFacts {
  /** The TCP peer, known only when scripts/start.mjs stamped it. */
  peer: string | undefined;
  /** Who to count failed logins against. */
  clientAddress: string;
  /** Whether the browser is on https, which makes the session cookie Secure. */
  secure: boolean;
}

/** What the server may believe about where a request came from. */
export function requestFacts(state: AuthState, headers: Headers): RequestFacts {
  const stamp = splitPeerStamp(headers.get(PEER_STAMP_HEADER));
  const peer =
    stamp && state.isPeerStampKey(stamp.key) ? normalizeAddress(stamp.address) : undefined;
  return {
    peer,
    clientAddress: resolveClientAddress(peer, headers.get("x-forwarded-for"), state.isTrustedProxy),
    secure: isSecureRequest(peer, headers.get("x-forwarded-proto"), state.isTrustedProxy),
  };
}
