export interface UrlHost {
  host: string;
  port: string;
}

/** Host and port of an endpoint URL, lowercased; undefined when it does not parse. */
export function urlHost(url: string): UrlHost | undefined {
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === "https:" ? "443" : "80");
    return { host: u.hostname.toLowerCase().replace(/^\[|\]$/g, ""), port };
  } catch {
    return undefined;
  }
}

/** A loopback host reaches whatever listens on the machine the caller runs on. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/** Compares endpoint URLs as etcd does: scheme, host and port, without trailing slashes. */
export function sameEndpoint(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\/+$/, "");
  return norm(a) === norm(b);
}
