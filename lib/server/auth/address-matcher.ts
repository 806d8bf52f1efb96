import "server-only";
import { BlockList } from "node:net";
import type { AddressRange } from "../../auth/auth-env-schema";

/**
 * A test for "is this one of the configured proxies". node's BlockList also matches IPv4-mapped
 * IPv6 (::ffff:10.0.0.5) against IPv4 ranges, which a dual-stack listener reports.
 */
export function createAddressMatcher(ranges: AddressRange[]): (address: string) => boolean {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.network, r.prefix, r.family);
  return (address) => {
    const family = address.includes(":") ? "ipv6" : "ipv4";
    try {
      return list.check(address, family);
    } catch {
      // Not an address at all (an X-Forwarded-For entry can be anything): not a proxy.
      return false;
    }
  };
}
