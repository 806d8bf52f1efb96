import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EtcdVersion, etcdVersions } from "../harness/etcd-binaries";
import { EtcdCluster } from "../harness/etcd-cluster";
import { RaftscopeError } from "../lib/errors";
import { textBytes as t } from "../lib/keys/key-bytes";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { loadConfig } from "../lib/server/config";
import { EventLog } from "../lib/server/event-log";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { until } from "./poller-support";

const PASSWORD = "correct horse battery staple";

describe.each(etcdVersions)("etcd %s", (version: EtcdVersion) => {
  let cluster: EtcdCluster;
  let dir: string;
  const readers: KeyReader[] = [];

  async function rejection(p: Promise<unknown>): Promise<RaftscopeError> {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RaftscopeError);
    return err as RaftscopeError;
  }

  function reader(user?: { username: string; password: string }): KeyReader {
    const r = new KeyReader({
      cluster: {
        id: "auth",
        endpoints: cluster.endpoints,
        tls: cluster.tlsFiles,
        deadlineMs: 3_000,
      },
      ...(user ? { user } : {}),
    });
    readers.push(r);
    return r;
  }

  const listRegistry = (r: KeyReader) =>
    listKeys(r, { prefix: t("/registry/"), separator: t("/"), limit: 10 });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "raftscope-etcd-auth-"));
    cluster = await EtcdCluster.start({
      size: 1,
      dir: path.join(dir, "cluster"),
      etcdVersion: version,
    });
    await cluster.etcdctl(["put", "/registry/pods/default/web", "v"]);
    await cluster.etcdctl(["put", "outside", "v"]);
    // The harness's etcdctl presents CN=root. Raftscope's certificate (CN=raftscope) has no etcd
    // user here, so every read below that succeeds does so by the password alone.
    for (const args of [
      ["role", "add", "reader"],
      ["role", "grant-permission", "reader", "--prefix", "read", "/registry/"],
      ["user", "add", "root", "--no-password"],
      ["user", "grant-role", "root", "root"],
      ["user", "add", "dashboard", `--new-user-password=${PASSWORD}`],
      ["user", "grant-role", "dashboard", "reader"],
      ["auth", "enable"],
    ]) {
      await cluster.etcdctl(args);
    }
  });

  afterAll(async () => {
    for (const r of readers) r.close();
    await cluster?.teardown({ removeData: true });
  });

  describe("etcd authentication with a read-only role", () => {
    it("reads as the user of a config file's auth, its password from a file", async () => {
      const passwordFile = path.join(dir, "etcd-password");
      writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
      const file = path.join(dir, "raftscope.yaml");
      const tls = cluster.tlsFiles;
      writeFileSync(
        file,
        [
          "clusters:",
          "  - id: auth",
          `    endpoints: [${cluster.endpoints[0]}]`,
          `    tls: { ca: ${tls.ca}, cert: ${tls.cert}, key: ${tls.key} }`,
          `    auth: { username: dashboard, passwordFile: ${passwordFile} }`,
          "",
        ].join("\n"),
      );
      const config = loadConfig({ RAFTSCOPE_CONFIG: file, RAFTSCOPE_DATA_DIR: dir });
      const user = config.etcdUsers.get("auth");
      expect(user).toEqual({ username: "dashboard", password: PASSWORD });

      const page = await listRegistry(reader(user));
      expect(page.children.map((c) => c.name)).toEqual(["pods/"]);
      // Without the user, the certificate's CN alone is refused.
      expect((await rejection(listRegistry(reader()))).code).toBe("FORBIDDEN");
    });

    it("reads as ETCDCTL_USER and ETCDCTL_PASSWORD in zero-config", async () => {
      const config = loadConfig({
        ETCDCTL_ENDPOINTS: cluster.endpoints.join(","),
        ETCDCTL_CACERT: cluster.tlsFiles.ca,
        ETCDCTL_CERT: cluster.tlsFiles.cert,
        ETCDCTL_KEY: cluster.tlsFiles.key,
        ETCDCTL_USER: `dashboard:${PASSWORD}`,
        RAFTSCOPE_DATA_DIR: dir,
      });
      const page = await listRegistry(reader(config.etcdUsers.get("default")));
      expect(page.children.map((c) => c.name)).toEqual(["pods/"]);
    });

    it("names the user when the role does not cover a range", async () => {
      const err = await rejection(
        listKeys(reader({ username: "dashboard", password: PASSWORD }), {
          prefix: t(""),
          separator: t("/"),
          limit: 10,
        }),
      );
      expect(err.code).toBe("FORBIDDEN");
      expect(err.message).toMatch(/etcd user "dashboard" may not read this range/);
    });

    it("says a wrong password is wrong", async () => {
      const err = await rejection(
        listRegistry(reader({ username: "dashboard", password: "nope" })),
      );
      expect(err.code).toBe("FORBIDDEN");
      expect(err.message).toMatch(/etcd refused the user "dashboard": wrong user name or password/);
    });

    it("polls health as the certificate's CN: 3.4 answers Status to anyone, 3.5 only to root", async () => {
      const logDir = mkdtempSync(path.join(dir, "poller-"));
      const poller = new ClusterPoller(
        {
          id: "auth",
          endpoints: cluster.endpoints,
          tls: cluster.tlsFiles,
          pollIntervalMs: 500,
          deadlineMs: 2_000,
          scrapeIntervalMs: 1_000,
          backgroundScrapeIntervalMs: 1_000,
          ruleEvaluationIntervalMs: 10_000,
          applyLagThreshold: 1000,
        },
        new EventLog({ dir: logDir, clusterId: "auth" }),
      );
      poller.start();
      try {
        if (version === "3.5") {
          // MemberList answers anyone; Status names what is missing instead of a bare refusal.
          const h = await until(poller, (x) => /root role/.test(x.members[0]?.error ?? ""));
          expect(h.members[0]?.error).toMatch(
            /^Maintenance Status refused \(.*user name not found/,
          );
          return;
        }
        const h = await until(poller, (x) => x.members.length === 1 && x.leader !== null);
        expect(h.members[0]?.reachable).toBe(true);
        // One member: writable, and critical because it cannot lose one.
        expect(h.writable).toBe(true);
        expect(h.warnings.map((w) => w.code)).not.toContain("MEMBER_UNREACHABLE");
      } finally {
        await poller.stop();
      }
    });
  });
});
