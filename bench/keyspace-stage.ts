// One stage of the keyspace benchmark in a process of its own, as a fresh Raftscope server would
// be: it builds the index from the member it is given and times first pages, then prints its
// figures as one JSON line. Started by bench/keyspace-bench.ts with the react-server condition.
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { TlsFiles } from "../harness/etcdctl";
import { keyspaceConfigSchema } from "../lib/config/config-schema";
import { textBytes } from "../lib/keys/key-bytes";
import { getFromMember } from "../lib/server/etcd/member-http";
import { currentRevision } from "../lib/server/keys/current-revision";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { KeyspaceIndex } from "../lib/server/keyspace/keyspace-index";
import { valueRedaction } from "../lib/server/keyspace/value-redaction";
import { TlsMaterialSource } from "../lib/server/tls/tls-material-source";
import { median, timed } from "./range-timing";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

export const WARM_RUNS = 15;
export const BUDGET_BYTES_PER_SECOND = keyspaceConfigSchema.parse({}).scanMegabytesPerSecond * 1e6;

/** What the parent passes: where to read, and the directories to time. */
export interface StageInput {
  /** The follower the index scans and listings read first. */
  follower: string;
  endpoints: string[];
  tls: TlsFiles;
  directories: string[];
}

export interface StageFigures {
  keysPassMs: number;
  valuesPassMs: number;
  ranges: number;
  sentBytes: number;
  /** The process's RSS with the index ready, after a full GC. */
  rssReady: number;
  rssGrowth: number;
  heapGrowth: number;
  directories: number;
  pages: Array<{ prefix: string; indexed: FirstPage; plain: FirstPage }>;
}

interface FirstPage {
  cold: number;
  warm: number;
}

/** etcd's own counters on one member: Range calls handled and bytes sent to clients. */
async function memberCounters(
  clientUrl: string,
  tls: { ca: Buffer; cert: Buffer; key: Buffer },
): Promise<{ ranges: number; sentBytes: number }> {
  const body = await getFromMember(clientUrl, "/metrics", tls, 10_000);
  let ranges = 0;
  let sentBytes = 0;
  for (const line of body.split("\n")) {
    const value = Number(line.split(" ").at(-1));
    if (line.startsWith("grpc_server_handled_total{") && line.includes('grpc_method="Range"'))
      ranges += value;
    if (line.startsWith("etcd_network_client_grpc_sent_bytes_total")) sentBytes += value;
  }
  return { ranges, sentBytes };
}

function memory(): { rss: number; heap: number } {
  gc();
  return { rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed };
}

/**
 * The first page of `prefix` on a reader already connected (one unrelated read) that has never
 * listed it, as a directory's first visit on a running server; then warm, the median of repeats.
 */
async function firstPage(
  input: StageInput,
  prefix: string,
  index: KeyspaceIndex | undefined,
): Promise<FirstPage> {
  const endpoints = [input.follower, ...input.endpoints.filter((e) => e !== input.follower)];
  const reader = new KeyReader({
    cluster: { id: "bench", endpoints, tls: input.tls, deadlineMs: 5_000 },
  });
  const page = { prefix: textBytes(prefix), separator: textBytes("/"), limit: 100 };
  try {
    await currentRevision(reader);
    const cold = await timed(() => listKeys(reader, page, index));
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => listKeys(reader, page, index)));
    return { cold, warm: median(warm) };
  } finally {
    reader.close();
  }
}

async function runStage(input: StageInput): Promise<StageFigures> {
  const tls = {
    ca: readFileSync(input.tls.ca),
    cert: readFileSync(input.tls.cert),
    key: readFileSync(input.tls.key),
  };
  const source = new TlsMaterialSource(input.tls);
  const before = memory();
  const counted = await memberCounters(input.follower, tls);
  const index = new KeyspaceIndex({
    clusterId: "bench",
    enabled: true,
    bytesPerSecond: BUDGET_BYTES_PER_SECOND,
    deadlineMs: 5_000,
    endpoints: () => [input.follower],
    tls: () => source.current(),
    redaction: valueRedaction({ showSecrets: false, redactPatterns: ["/registry/secrets/*"] }),
    log: (message) => console.error(`bench: ${message}`),
  });
  const t0 = performance.now();
  index.start();
  let keysDone = 0;
  for (;;) {
    const status = index.status();
    if (status.state === "off") throw new Error(`the index switched off: ${status.reason}`);
    if (!keysDone && (status.phase === "values" || status.state === "ready"))
      keysDone = performance.now();
    if (status.state === "ready") break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const ready = performance.now();
  const after = await memberCounters(input.follower, tls);
  const grown = memory();
  const pages: StageFigures["pages"] = [];
  for (const prefix of input.directories) {
    pages.push({
      prefix,
      indexed: await firstPage(input, prefix, index),
      plain: await firstPage(input, prefix, undefined),
    });
  }
  index.close();
  return {
    keysPassMs: keysDone - t0,
    valuesPassMs: ready - keysDone,
    ranges: after.ranges - counted.ranges,
    sentBytes: after.sentBytes - counted.sentBytes,
    rssReady: grown.rss,
    rssGrowth: grown.rss - before.rss,
    heapGrowth: grown.heap - before.heap,
    directories: index.tree?.directoryCount ?? 0,
    pages,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runStage(JSON.parse(process.argv[2] ?? "") as StageInput).then(
    (figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
