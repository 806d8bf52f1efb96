import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ReadOnlyKv } from "./read-only-kv";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PRODUCT_DIRS = ["app", "components", "lib"];

/** etcd3 calls that write, or that build something that writes (txn, lease, lock, election). */
const WRITE_CALLS: ReadonlyArray<[RegExp, string]> = [
  [/\.put\s*\(/, "put"],
  [/\.delete\s*\(\s*\)/, "delete() builder"],
  [/\.deleteRange\s*\(/, "deleteRange"],
  [/\.txn\s*\(/, "txn"],
  [/\.if\s*\(/, "if (transaction builder)"],
  [/\.commit\s*\(/, "commit"],
  [/\.lease\s*\(/, "lease"],
  [/\.lease(Grant|Revoke|KeepAlive)\s*\(/, "lease RPC"],
  [/\.compact\s*\(/, "compact"],
  [/\.defragment\s*\(/, "defragment"],
  [/\.moveLeader\s*\(/, "moveLeader"],
  [/\.(stm|lock|election)\s*\(/, "stm/lock/election"],
  [/\.member(Add|Remove|Update|Promote)\s*\(/, "membership change"],
  [
    /\.(user|role)(Add|Delete|GrantPermission|RevokePermission|GrantRole|RevokeRole|ChangePassword)?\s*\(/,
    "auth change",
  ],
  [/\.auth(Enable|Disable)\s*\(/, "auth change"],
  [/\.alarm\s*\(/, "alarm (can disarm)"],
];

/** What product code may import from etcd3: the client type, read shapes and error classes. */
const ALLOWED_IMPORTS =
  /^(Etcd3|IKeyValue|IRangeRequest|IRangeResponse|IResponseHeader|IStatusResponse|IMember|IMemberListResponse|IWatchResponse|\w+Error)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mjs|js)$/.test(entry) && !/\.(test|spec)\.tsx?$/.test(entry))
      out.push(full);
  }
  return out;
}

/** Writes to etcd that `source` could issue, as "line: what". */
function findEtcdWrites(source: string): string[] {
  const found: string[] = [];
  const lines = source.split("\n");
  for (const [i, line] of lines.entries()) {
    const code = line.replace(/\/\/.*$/, "");
    for (const [pattern, what] of WRITE_CALLS) {
      if (pattern.test(code)) found.push(`${i + 1}: ${what}`);
    }
  }
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+["']etcd3["']/g)) {
    for (const raw of (m[1] ?? "").split(",")) {
      const name =
        raw
          .replace(/^\s*type\s+/, "")
          .split(/\s+as\s+/)[0]
          ?.trim() ?? "";
      if (name && !ALLOWED_IMPORTS.test(name)) found.push(`import of ${name} from etcd3`);
    }
  }
  if (/import\s+\*\s+as\s+\w+\s+from\s+["']etcd3["']|require\(\s*["']etcd3["']\s*\)/.test(source)) {
    found.push("wholesale import of etcd3");
  }
  return found;
}

describe("read-only by construction", () => {
  it("no product code under app/, components/ or lib/ calls an etcd write API", () => {
    const offenders: string[] = [];
    const files = PRODUCT_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const hit of findEtcdWrites(readFileSync(file, "utf8"))) {
        offenders.push(`${path.relative(ROOT, file)}:${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the scan catches writes in every form it looks for", () => {
    const samples = [
      'await client.put("a").value("b");',
      "await client.delete().key(k).exec();",
      "await client.kv.deleteRange({ key });",
      "await client.kv.txn({ success: [] });",
      "await client.if(k, 'Value', '==', 'x').then(op).commit();",
      "const lease = client.lease(10);",
      "await client.leaseClient.leaseGrant({ TTL: 5 });",
      "await client.kv.compact({ revision: 5 });",
      "await client.maintenance.defragment({});",
      "await client.maintenance.moveLeader({ targetID: '1' });",
      "await client.cluster.memberRemove({ ID: '1' });",
      "await client.auth.roleGrantPermission({});",
      'import { Lease } from "etcd3";',
      'import type { PutBuilder, Etcd3 } from "etcd3";',
      'import * as etcd from "etcd3";',
    ];
    for (const sample of samples) expect(findEtcdWrites(sample), sample).not.toEqual([]);
  });

  it("the scan leaves reads and ordinary maps alone", () => {
    const fine = [
      "this.clients.delete(endpoint);",
      "await client.kv.range(req, deadline(1000));",
      "await client.maintenance.status(deadline(ms));",
      'import { Etcd3, GRPCDeadlineExceededError } from "etcd3";',
      'import type { Etcd3, IKeyValue, IRangeRequest } from "etcd3";',
      "// client.put is never called",
    ];
    for (const sample of fine) expect(findEtcdWrites(sample), sample).toEqual([]);
  });

  it("the key browser's client wrapper exposes a range read and nothing else", () => {
    const methods = Object.getOwnPropertyNames(ReadOnlyKv.prototype).sort();
    expect(methods).toEqual(["close", "constructor", "range"]);
  });
});
