/** What a Prometheus label value may name a member by. */
export interface MemberIdentity {
  id: string;
  name: string;
  clientUrls: readonly string[];
}

function hostPort(url: string): { host: string; port: string } | undefined {
  try {
    const u = new URL(url);
    return { host: u.hostname, port: u.port || (u.protocol === "https:" ? "443" : "80") };
  } catch {
    return undefined;
  }
}

/**
 * The member a target label (`instance` by default) names: its id, its name, or the host:port of
 * one of its client URLs, as Prometheus sets `instance` from the scrape target. A target on
 * another port of a member's host (kubeadm's --listen-metrics-urls=http://…:2381) matches when
 * no other member shares that host. Returns the member's id, or undefined.
 */
export function matchMember(value: string, members: readonly MemberIdentity[]): string | undefined {
  const direct = members.find((m) => m.id === value || m.name === value);
  if (direct) return direct.id;
  const target = hostPort(`http://${value}`);
  if (!target) return undefined;
  const urls = members.flatMap((m) =>
    m.clientUrls.flatMap((u) => {
      const hp = hostPort(u);
      return hp ? [{ id: m.id, ...hp }] : [];
    }),
  );
  const exact = urls.find((u) => u.host === target.host && u.port === target.port);
  if (exact) return exact.id;
  const sameHost = new Set(urls.filter((u) => u.host === target.host).map((u) => u.id));
  return sameHost.size === 1 ? [...sameHost][0] : undefined;
}
