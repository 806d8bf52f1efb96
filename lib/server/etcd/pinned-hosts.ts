import "server-only";
import { isIP } from "node:net";

// Kept on globalThis like the runtime, so hot reload and every route see the same names.
const globalForPins = globalThis as unknown as { raftscopePinnedHosts?: Map<string, string> };

function pins(): Map<string, string> {
  globalForPins.raftscopePinnedHosts ??= new Map();
  return globalForPins.raftscopePinnedHosts;
}

/**
 * Records that `name` resolves to `address` through Raftscope's own DNS setting
 * (RAFTSCOPE_DNS_SERVERS), which the system resolver gRPC and https use does not know.
 */
export function pinHost(name: string, address: string): void {
  pins().set(name.toLowerCase(), address);
}

export interface DialTarget {
  /** The URL to connect to: the pinned address in place of the name, if any. */
  url: URL;
  /** The name TLS verifies the member's certificate against (SNI too); absent for IPs. */
  serverName?: string;
}

/**
 * Where to connect for `endpoint` (`https://host:port`): a pinned name connects to its address
 * and still verifies TLS against the name; anything else connects as written.
 */
export function dialTarget(endpoint: string): DialTarget {
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host)) return { url };
  const address = pins().get(host.toLowerCase());
  if (!address) return { url, serverName: host };
  const pinned = new URL(url);
  pinned.hostname = isIP(address) === 6 ? `[${address}]` : address;
  return { url: pinned, serverName: host };
}
