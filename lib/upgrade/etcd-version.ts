/** An etcd server version, e.g. 3.5.30. */
export interface EtcdVersion {
  major: number;
  minor: number;
  patch: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?/;

/** Reads "3.5.30", "v3.5.30" or a cluster version "3.5" (patch 0); null when it is not one. */
export function parseEtcdVersion(text: string | null | undefined): EtcdVersion | null {
  const m = VERSION.exec(text?.trim() ?? "");
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** Negative, zero or positive, as `a` is older than, equal to or newer than `b`. */
export function compareVersions(a: EtcdVersion, b: EtcdVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function minorOf(v: EtcdVersion): string {
  return `${v.major}.${v.minor}`;
}

export function formatVersion(v: EtcdVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}
