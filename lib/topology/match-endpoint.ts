import type { TopologyMember } from "./topology-member";
import { isLoopback, sameEndpoint, urlHost } from "./url-host";

/**
 * The member an API server's --etcd-servers entry reaches: an advertised client URL first; a
 * loopback URL reaches the member on the API server's own node; otherwise a host that exactly
 * one member advertises. Undefined when nothing matches.
 */
export function matchEndpoint(
  url: string,
  members: readonly TopologyMember[],
  localMemberId: string | null,
): string | undefined {
  const exact = members.find((m) => m.clientUrls.some((c) => sameEndpoint(c, url)));
  if (exact) return exact.id;
  const target = urlHost(url);
  if (!target) return undefined;
  if (isLoopback(target.host)) return localMemberId ?? undefined;
  const byHost = members.filter((m) => m.clientUrls.some((c) => urlHost(c)?.host === target.host));
  return byHost.length === 1 ? byHost[0]?.id : undefined;
}
