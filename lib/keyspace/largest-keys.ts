/** One of a directory's largest keys: the key as latin1 (one code unit per byte), value bytes. */
export interface SizedKey {
  key: string;
  bytes: number;
}

/**
 * The `capacity` largest values of a directory, largest first. A delete can leave fewer than
 * `capacity` entries although smaller keys remain: the next scan refills them. Kept small on
 * purpose: every directory on a key's path holds one of these.
 */
export class LargestKeys {
  readonly entries: SizedKey[] = [];

  constructor(readonly capacity: number) {}

  offer(key: string, bytes: number): void {
    this.remove(key);
    const list = this.entries;
    if (list.length >= this.capacity && (list[list.length - 1]?.bytes ?? 0) >= bytes) return;
    let at = list.length;
    while (at > 0 && (list[at - 1]?.bytes ?? 0) < bytes) at--;
    list.splice(at, 0, { key, bytes });
    if (list.length > this.capacity) list.pop();
  }

  remove(key: string): void {
    const at = this.entries.findIndex((e) => e.key === key);
    if (at >= 0) this.entries.splice(at, 1);
  }
}
