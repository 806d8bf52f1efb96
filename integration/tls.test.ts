import { copyFileSync, mkdtempSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certPaths, type KeyPair } from "../harness/certs";
import { EtcdCluster } from "../harness/etcd-cluster";
import { freeLoopbackPorts } from "../harness/loopback-ports";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { textBytes } from "../lib/keys/key-bytes";
import { ClusterPoller } from "../lib/server/cluster-poller";
import type { TlsMaterial } from "../lib/server/etcd/tls-material";
import { EventLog } from "../lib/server/event-log";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { diagnoseEndpoint } from "../lib/server/tls/diagnose-endpoint";
import { BadPki, CURRENT, FUTURE, PAST } from "./bad-pki";
import { until } from "./poller-support";

function material(ca: string, pair: KeyPair, key = pair.key): TlsMaterial {
  return { ca: readFileSync(ca), cert: readFileSync(pair.cert), key: readFileSync(key) };
}

/** Replaces a file the way kubelet and cert-manager do: write beside it, then rename. */
function swap(target: string, from: string): void {
  copyFileSync(from, `${target}.next`);
  renameSync(`${target}.next`, target);
}

describe("TLS faults against a 3-member etcd 3.4 cluster with mutual TLS", () => {
  let cluster: EtcdCluster;
  let pki: BadPki;
  let harnessCa: KeyPair;
  let good: TlsMaterial;
  let otherCa: KeyPair;
  const bad: Record<string, KeyPair> = {};
  const pollers: ClusterPoller[] = [];

  const endpoint = (i: number) => cluster.endpoints[i] ?? "";
  const serverPair = (name: string) => certPaths(path.join(cluster.dir, "certs")).server(name);

  /** Swaps a member's serving certificate on disk: etcd 3.4 re-reads it on every handshake. */
  function serveWith(member: string, pair: KeyPair | "original"): void {
    const target = serverPair(member);
    const from = pair === "original" ? bad[`${member}-original`] : pair;
    if (!from) throw new Error(`no saved certificate for ${member}`);
    swap(target.key, from.key);
    swap(target.cert, from.cert);
  }

  function startPoller(files: { ca: string; cert: string; key: string }): ClusterPoller {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-tls-events-"));
    const config = clusterConfigSchema.parse({
      id: "tls",
      endpoints: [endpoint(0)],
      tls: files,
    });
    const poller = new ClusterPoller(config, new EventLog({ dir, clusterId: "tls" }));
    pollers.push(poller);
    poller.start();
    return poller;
  }

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-tls-")),
    });
    harnessCa = certPaths(path.join(cluster.dir, "certs")).ca;
    good = material(cluster.tlsFiles.ca, {
      cert: cluster.tlsFiles.cert,
      key: cluster.tlsFiles.key,
    });
    pki = await BadPki.create(mkdtempSync(path.join(tmpdir(), "raftscope-bad-pki-")));
    otherCa = await pki.selfSignedCa("other-ca", "Other CA");
    bad.otherClient = await pki.issue("other-client", "raftscope", otherCa, "client_ext", CURRENT);
    bad.expiredClient = await pki.issue(
      "expired-client",
      "raftscope",
      harnessCa,
      "client_ext",
      PAST,
    );
    bad.futureClient = await pki.issue(
      "future-client",
      "raftscope",
      harnessCa,
      "client_ext",
      FUTURE,
    );
    bad.rotatedClient = await pki.issue(
      "rotated-client",
      "raftscope-rotated",
      harnessCa,
      "client_ext",
      CURRENT,
    );
    bad.expiredServer = await pki.issue("expired-server", "expired", harnessCa, "member_ext", PAST);
    bad.futureServer = await pki.issue("future-server", "future", harnessCa, "member_ext", FUTURE);
    bad.wrongHost = await pki.issue(
      "wrong-host",
      "wrong-host",
      harnessCa,
      "wrong_host_ext",
      CURRENT,
    );
    for (const name of ["m2", "m3"]) {
      const saved = {
        cert: path.join(pki.dir, `${name}-original.crt`),
        key: path.join(pki.dir, `${name}-original.key`),
      };
      copyFileSync(serverPair(name).cert, saved.cert);
      copyFileSync(serverPair(name).key, saved.key);
      bad[`${name}-original`] = saved;
    }
  });

  afterAll(async () => {
    await Promise.all(pollers.map((p) => p.stop()));
    if (bad["m2-original"]) serveWith("m2", "original");
    if (bad["m3-original"]) serveWith("m3", "original");
    await cluster?.teardown({ removeData: true });
  });

  describe("diagnoseEndpoint", () => {
    it("finds nothing wrong with the harness material, by IP or by localhost", async () => {
      for (const e of cluster.endpoints) expect(await diagnoseEndpoint(e, good, 2000)).toBeNull();
      const byName = endpoint(0).replace("127.0.0.1", "localhost");
      expect(await diagnoseEndpoint(byName, good, 2000)).toBeNull();
    });

    it("names a CA that did not sign the members", async () => {
      const p = await diagnoseEndpoint(
        endpoint(0),
        { ...good, ca: readFileSync(otherCa.cert) },
        2000,
      );
      expect(p?.kind).toBe("wrong-ca");
      // node: UNABLE_TO_VERIFY_LEAF_SIGNATURE, "unable to verify the first certificate".
      expect(p?.message).toContain("CN=m1 (issued by CN=Raftscope harness CA)");
      expect(p?.message).toContain("[UNABLE_TO_VERIFY_LEAF_SIGNATURE]");
    });

    it("names a client certificate the member rejects (signed by another CA)", async () => {
      const p = await diagnoseEndpoint(
        endpoint(0),
        material(cluster.tlsFiles.ca, bad.otherClient as KeyPair),
        2000,
      );
      expect(p?.kind).toBe("client-cert-rejected");
      // etcd (Go 1.19) answers alert 42 "bad certificate" for any client certificate it refuses.
      expect(p?.message).toContain('alert "bad certificate"');
      expect(p?.message).toContain("(issued by CN=Other CA)");
    });

    it("tells an expired client certificate from other rejections", async () => {
      const p = await diagnoseEndpoint(
        endpoint(1),
        material(cluster.tlsFiles.ca, bad.expiredClient as KeyPair),
        2000,
      );
      expect(p?.kind).toBe("client-cert-expired");
      expect(p?.message).toContain("expired on 2020-02-01T00:00:00Z");
    });

    it("tells a client certificate that is not valid yet", async () => {
      const p = await diagnoseEndpoint(
        endpoint(1),
        material(cluster.tlsFiles.ca, bad.futureClient as KeyPair),
        2000,
      );
      expect(p?.kind).toBe("client-cert-not-yet-valid");
      expect(p?.message).toContain("not valid before 2099-01-01T00:00:00Z");
    });

    it("names a key that does not belong to the certificate", async () => {
      const mismatched = material(cluster.tlsFiles.ca, {
        cert: cluster.tlsFiles.cert,
        key: bad.rotatedClient?.key ?? "",
      });
      const p = await diagnoseEndpoint(endpoint(0), mismatched, 2000);
      expect(p?.kind).toBe("key-mismatch");
      expect(p?.message).toContain("[ERR_OSSL_X509_KEY_VALUES_MISMATCH]");
    });

    it("reports a member's expired or not-yet-valid certificate, and a host it does not cover", async () => {
      try {
        serveWith("m3", bad.expiredServer as KeyPair);
        const expired = await diagnoseEndpoint(endpoint(2), good, 2000);
        expect(expired?.kind).toBe("server-cert-expired");
        expect(expired?.message).toContain("CN=expired");
        expect(expired?.message).toContain("expired on 2020-02-01T00:00:00Z");

        serveWith("m3", bad.futureServer as KeyPair);
        const future = await diagnoseEndpoint(endpoint(2), good, 2000);
        expect(future?.kind).toBe("server-cert-not-yet-valid");
        expect(future?.message).toContain("not valid before 2099-01-01T00:00:00Z");

        serveWith("m3", bad.wrongHost as KeyPair);
        const byIp = await diagnoseEndpoint(endpoint(2), good, 2000);
        expect(byIp?.kind).toBe("hostname-mismatch");
        expect(byIp?.message).toContain("does not cover 127.0.0.1");
        expect(byIp?.message).toContain("it names DNS:etcd.example.invalid");
        const byName = await diagnoseEndpoint(
          endpoint(2).replace("127.0.0.1", "localhost"),
          good,
          2000,
        );
        expect(byName?.kind).toBe("hostname-mismatch");
        expect(byName?.message).toContain("does not cover localhost");
      } finally {
        serveWith("m3", "original");
      }
      expect(await diagnoseEndpoint(endpoint(2), good, 2000)).toBeNull();
    });

    it("tells a refused connection from a frozen member", async () => {
      const [port] = await freeLoopbackPorts(1);
      const refused = await diagnoseEndpoint(`https://127.0.0.1:${port}`, good, 2000);
      expect(refused?.kind).toBe("connection-refused");

      cluster.freeze("m3");
      try {
        const t0 = Date.now();
        const frozen = await diagnoseEndpoint(endpoint(2), good, 800);
        expect(frozen?.kind).toBe("timeout");
        expect(frozen?.message).toMatch(
          /accepted the connection but completed no TLS handshake within 800 ms/,
        );
        expect(Date.now() - t0).toBeLessThan(2000);
      } finally {
        cluster.thaw("m3");
      }
    });
  });

  describe("the poller", () => {
    it("shows each member's own TLS problem and recovers when it is fixed", async () => {
      serveWith("m2", bad.wrongHost as KeyPair);
      serveWith("m3", bad.expiredServer as KeyPair);
      let poller: ClusterPoller | undefined;
      try {
        poller = startPoller(cluster.tlsFiles);
        const h = await until(
          poller,
          (x) =>
            x.members.length === 3 &&
            x.members.find((m) => m.name === "m2")?.tlsProblem === "hostname-mismatch" &&
            x.members.find((m) => m.name === "m3")?.tlsProblem === "server-cert-expired" &&
            x.tls?.serverCertificates[x.members.find((m) => m.name === "m3")?.id ?? ""] !==
              undefined,
        );
        const [m1, m2, m3] = ["m1", "m2", "m3"].map((n) => h.members.find((m) => m.name === n));
        expect(m1?.reachable).toBe(true);
        expect(m1?.tlsProblem).toBeUndefined();
        expect(m2?.error).toContain("does not cover 127.0.0.1");
        expect(m3?.error).toContain("expired on 2020-02-01T00:00:00Z");
        const tlsWarnings = h.warnings.filter((w) => w.code === "TLS_PROBLEM");
        expect(tlsWarnings.map((w) => w.memberId).sort()).toEqual([m2?.id, m3?.id].sort());
        // The certificate m3 presents is shown with its dates; its expiry is not warned twice.
        expect(h.tls?.serverCertificates[m3?.id ?? ""]).toMatchObject({
          subject: "CN=expired",
          expiry: "expired",
          validTo: "2020-02-01T00:00:00.000Z",
        });
        expect(h.warnings.filter((w) => w.code === "CERT_EXPIRING")).toEqual([]);
        expect(h.tls?.clientCertificate).toMatchObject({
          subject: "CN=raftscope",
          expiry: "valid",
        });
        // The event log carries the diagnosis, not gRPC's "14 UNAVAILABLE", once the outage is
        // confirmed (two verdicts at least a second apart).
        const events = poller.events;
        const confirmBy = Date.now() + 5_000;
        const downs = () => events.recent(20).filter((e) => e.type === "member_unreachable");
        while (downs().length < 2 && Date.now() < confirmBy) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const down = downs();
        expect(down.map((e) => ("error" in e ? e.error : ""))).toEqual(
          expect.arrayContaining([expect.stringContaining("does not cover 127.0.0.1")]),
        );

        serveWith("m2", "original");
        serveWith("m3", "original");
        const fixed = await until(poller, (x) => x.members.every((m) => m.reachable));
        expect(fixed.members.some((m) => m.tlsProblem)).toBe(false);
        expect(fixed.warnings.filter((w) => w.code === "TLS_PROBLEM")).toEqual([]);
      } finally {
        serveWith("m2", "original");
        serveWith("m3", "original");
        await poller?.stop();
      }
    });

    it("uses rotated certificate files for new connections without a restart", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "raftscope-live-tls-"));
      const live = {
        ca: path.join(dir, "ca.crt"),
        cert: path.join(dir, "client.crt"),
        key: path.join(dir, "client.key"),
      };
      const install = (pair: KeyPair) => {
        swap(live.key, pair.key);
        swap(live.cert, pair.cert);
      };
      copyFileSync(cluster.tlsFiles.ca, live.ca);
      install(bad.otherClient as KeyPair);

      // 1. Started with a certificate the members reject: nothing can be listed, and why is shown.
      const poller = startPoller(live);
      const rejected = await until(poller, (x) => x.tls?.discoveryProblem != null);
      expect(rejected.tls?.discoveryProblem?.kind).toBe("client-cert-rejected");
      expect(rejected.members).toEqual([]);
      expect(rejected.warnings.map((w) => w.code)).toContain("TLS_PROBLEM");

      // 2. A valid pair lands on disk: the members accept it, which the old one could never do.
      install({ cert: cluster.tlsFiles.cert, key: cluster.tlsFiles.key });
      const healthy = await until(
        poller,
        (x) => x.members.length === 3 && x.members.every((m) => m.reachable),
      );
      expect(healthy.tls?.discoveryProblem).toBeNull();
      expect(healthy.tls?.clientCertificate?.subject).toBe("CN=raftscope");
      // The key browser shares the poller's files, so it follows the same rotations.
      const keys = new KeyReader({
        cluster: { id: "live", endpoints: cluster.endpoints, tls: live, deadlineMs: 2_000 },
        ...(poller.tlsSource ? { tlsSource: poller.tlsSource } : {}),
      });
      const listRoot = () =>
        listKeys(keys, { prefix: textBytes("/"), separator: textBytes("/"), limit: 5 });
      expect((await listRoot()).revision).toBeGreaterThan(0);

      // 3. A rotation caught halfway (new certificate, old key) is not adopted.
      swap(live.cert, bad.rotatedClient?.cert ?? "");
      const half = await until(poller, (x) => x.tls?.materialProblem?.kind === "key-mismatch");
      expect(half.members.every((m) => m.reachable)).toBe(true);
      expect(half.tls?.clientCertificate?.subject).toBe("CN=raftscope");
      swap(live.key, bad.rotatedClient?.key ?? "");
      const rotated = await until(
        poller,
        (x) => x.tls?.clientCertificate?.subject === "CN=raftscope-rotated",
      );
      expect(rotated.tls?.materialProblem).toBeNull();

      // 4. An expired pair replaces a working one: existing connections would have kept
      // working, new ones are refused, so every member going down proves new connections.
      install(bad.expiredClient as KeyPair);
      const expired = await until(
        poller,
        (x) =>
          x.members.length === 3 && x.members.every((m) => m.tlsProblem === "client-cert-expired"),
      );
      expect(expired.members.every((m) => !m.reachable)).toBe(true);
      expect(expired.members[0]?.error).toContain("expired on 2020-02-01T00:00:00Z");
      await expect(listRoot()).rejects.toMatchObject({ code: "ETCD_UNAVAILABLE" });
      keys.close();

      install({ cert: cluster.tlsFiles.cert, key: cluster.tlsFiles.key });
      await until(poller, (x) => x.members.every((m) => m.reachable));

      // Never PEM, key material or the key's path in what viewers get.
      const text = JSON.stringify(poller.health);
      expect(text).not.toMatch(/BEGIN|PRIVATE/);
      expect(text).not.toContain(live.key);
      expect(text).not.toContain(readFileSync(cluster.tlsFiles.key, "utf8").split("\n")[1]);
      await poller.stop();
    });
  });
});
