import { z } from "zod";
import { checkEndpointSource, discoverySrvFields } from "./discovery-srv-schema";
import { etcdAuthSchema } from "./etcd-auth-schema";
import { etcdctlExtraVariables } from "./etcdctl-extra-variables";
import { prometheusSourceSchema } from "./prometheus-source-schema";

const endpointUrl = z
  .url({ protocol: /^https?$/, error: "expected a URL like https://10.0.0.1:2379" })
  .transform((u) => u.replace(/\/+$/, ""));

const filePath = z.string({ error: "expected a file path" }).min(1, "expected a file path");

export const tlsSchema = z.strictObject({
  ca: filePath,
  cert: filePath,
  key: filePath,
  /** A file whose first line is the passphrase of a passphrase-protected `key` (never the passphrase itself). */
  keyPassphraseFile: filePath.optional(),
});

export const nodeRoleSchema = z.enum(["etcd", "kube-apiserver", "control-plane"]);

export const topologyNodeSchema = z.strictObject({
  name: z.string().min(1),
  /** Host name or IP; matched against the host part of each member's peer and client URLs. */
  address: z.string().min(1),
  roles: z.array(nodeRoleSchema).min(1, "expected at least one role"),
  /** The etcd member's name, when it differs from the node name. */
  etcdMember: z.string().min(1).optional(),
});

export const apiServerSchema = z.strictObject({
  name: z.string().min(1),
  /** The node it runs on; stacked topologies put it beside an etcd member. */
  node: z.string().min(1).optional(),
  /** Its --etcd-servers list. */
  etcdServers: z.array(endpointUrl).min(1, "expected the API server's --etcd-servers list"),
});

export const topologySchema = z.strictObject({
  mode: z.enum(["stacked", "external"]),
  nodes: z.array(topologyNodeSchema).default([]),
  apiServers: z.array(apiServerSchema).default([]),
});

/** The live keyspace index (lib/server/keyspace); absent means on with the default budget. */
export const keyspaceConfigSchema = z.strictObject({
  /** Off: the index reads nothing, and the key browser lists the way it does without it. */
  enabled: z.boolean().default(true),
  /** The scan's read budget in MB/s (10^6 bytes of keys and values a second). */
  scanMegabytesPerSecond: z
    .number({ error: "expected a number of MB/s, like 2" })
    .positive("expected a positive number of MB/s")
    .max(1000, "expected at most 1000 MB/s")
    .default(2),
});

/** The periodic HashKV comparison across members (see lib/consistency). */
export const consistencyCheckSchema = z.strictObject({
  /** Minutes between periodic checks; 0 turns them off (the on-demand check stays). */
  intervalMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(30),
  /**
   * HashKV reads a member's whole key bucket, and writes through that member wait meanwhile
   * (about 4 s at 1M keys, 248 MiB: docs/benchmarks.md): no check while a member's db is larger.
   */
  maxDbSizeBytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024 * 1024),
  /** Deadline of each HashKV call, in milliseconds. */
  hashDeadlineMs: z.number().int().min(1000).max(600_000).default(60_000),
});

export const clusterConfigSchema = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,62}$/,
        "expected lowercase letters, digits and dashes, like prod-eu",
      ),
    name: z.string().min(1).optional(),
    /** Empty only with discoverySrv, until start-up fills it from DNS. */
    endpoints: z.array(endpointUrl).default([]),
    ...discoverySrvFields,
    tls: tlsSchema.optional(),
    auth: etcdAuthSchema.optional(),
    /** Maintenance Status on every member, in milliseconds. */
    pollIntervalMs: z.number().int().min(100).max(60_000).default(1000),
    /** Deadline of every call to etcd, in milliseconds. */
    deadlineMs: z.number().int().min(50).max(30_000).default(1000),
    /** MemberList, self-checks, and /metrics while someone watches the cluster, in milliseconds. */
    scrapeIntervalMs: z.number().int().min(500).max(300_000).default(2000),
    /**
     * /metrics while no one has the cluster's page open, in milliseconds (never more often than
     * scrapeIntervalMs): what the alert rules and the verdict's metric figures need. Prometheus
     * scrapes every 1 m by default; the mixin's rules read 5 m windows.
     */
    backgroundScrapeIntervalMs: z.number().int().min(500).max(300_000).default(10_000),
    /**
     * The etcd mixin's alert rules, in milliseconds: Prometheus's evaluation_interval (1 m by
     * default there). Their `for:` durations are 1 to 15 minutes.
     */
    ruleEvaluationIntervalMs: z.number().int().min(1000).max(300_000).default(10_000),
    /** A member whose applied index trails the leader's by more than this is lagging. */
    applyLagThreshold: z.number().int().min(1).default(1000),
    topology: topologySchema.optional(),
    keyspace: keyspaceConfigSchema.optional(),
    /** Where longer chart windows and the operator's own alert state come from. */
    prometheus: prometheusSourceSchema.optional(),
    /** Absent: the defaults (every 30 min, 1 GiB guard, 60 s HashKV deadline). */
    consistencyCheck: consistencyCheckSchema.optional(),
  })
  .superRefine(checkEndpointSource);

export const configFileSchema = z
  .strictObject({
    clusters: z.array(clusterConfigSchema).min(1, "expected at least one cluster"),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.clusters.forEach((c, i) => {
      if (seen.has(c.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["clusters", i, "id"],
          message: `duplicate cluster id "${c.id}"`,
        });
      }
      seen.add(c.id);
    });
  });

export type TlsFiles = z.infer<typeof tlsSchema>;
export type TopologyConfig = z.infer<typeof topologySchema>;
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type KeyspaceConfig = z.infer<typeof keyspaceConfigSchema>;
export type ConsistencyCheckConfig = z.infer<typeof consistencyCheckSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Environment variables Raftscope reads; the ETCDCTL_* ones give a zero-config single cluster. */
export const environmentSchema = z.object({
  RAFTSCOPE_CONFIG: z.string().min(1).optional(),
  RAFTSCOPE_DATA_DIR: z.string().min(1).default("./data"),
  ETCDCTL_ENDPOINTS: z.string().min(1).optional(),
  ETCDCTL_CACERT: z.string().min(1).optional(),
  ETCDCTL_CERT: z.string().min(1).optional(),
  ETCDCTL_KEY: z.string().min(1).optional(),
  ...etcdctlExtraVariables,
  /** The passphrase file of a passphrase-protected ETCDCTL_KEY. */
  RAFTSCOPE_TLS_KEY_PASSPHRASE_FILE: z.string().min(1).optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
