import "server-only";

/** etcd3 returns uint64 ids as decimal strings; etcdctl prints them as lowercase hex. */
export function decimalToHexId(decimal: string): string {
  return BigInt(decimal).toString(16);
}
