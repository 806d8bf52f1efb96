import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("loadConfig", () => {
  it("names a certificate path that does not exist", () => {
    expect(() =>
      loadConfig({
        ETCDCTL_ENDPOINTS: "https://127.0.0.1:2379",
        ETCDCTL_CACERT: "/nonexistent/ca.crt",
        ETCDCTL_CERT: "/nonexistent/client.crt",
        ETCDCTL_KEY: "/nonexistent/client.key",
      }),
    ).toThrow(/tls\.ca file \/nonexistent\/ca\.crt does not exist/);
  });

  it("names a config file it cannot read", () => {
    expect(() => loadConfig({ RAFTSCOPE_CONFIG: "/nonexistent/raftscope.yaml" })).toThrow(
      /Cannot read the config file \/nonexistent\/raftscope\.yaml \(RAFTSCOPE_CONFIG\): ENOENT/,
    );
  });

  it("explains what to set when nothing is configured", () => {
    expect(() => loadConfig({})).toThrow(/No cluster configured: set RAFTSCOPE_CONFIG/);
  });

  it("loads a file whose certificates exist and resolves the data directory", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-config-"));
    for (const f of ["ca.crt", "client.crt", "client.key"]) writeFileSync(path.join(dir, f), "x");
    const file = path.join(dir, "raftscope.yaml");
    writeFileSync(
      file,
      `clusters:\n  - id: a\n    endpoints: [https://127.0.0.1:2379]\n    tls: { ca: ${dir}/ca.crt, cert: ${dir}/client.crt, key: ${dir}/client.key }\n`,
    );
    const cfg = loadConfig({ RAFTSCOPE_CONFIG: file, RAFTSCOPE_DATA_DIR: path.join(dir, "data") });
    expect(cfg.clusters[0]?.id).toBe("a");
    expect(cfg.dataDir).toBe(path.join(dir, "data"));
    expect(cfg.source).toBe(file);
  });

  it("reads an etcd user's password from auth.passwordFile, and names a missing one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-config-"));
    const file = path.join(dir, "raftscope.yaml");
    const write = (passwordFile: string) =>
      writeFileSync(
        file,
        `clusters:\n  - id: a\n    endpoints: [https://127.0.0.1:2379]\n    auth: { username: dashboard, passwordFile: ${passwordFile} }\n`,
      );
    writeFileSync(path.join(dir, "pw"), "s3cret\n");
    write(path.join(dir, "pw"));
    const cfg = loadConfig({ RAFTSCOPE_CONFIG: file });
    expect(cfg.etcdUsers.get("a")).toEqual({ username: "dashboard", password: "s3cret" });
    write(path.join(dir, "missing"));
    expect(() => loadConfig({ RAFTSCOPE_CONFIG: file })).toThrow(
      /cluster "a": auth\.passwordFile .*missing does not exist/,
    );
  });

  it("takes ETCDCTL_USER for the zero-config cluster only", () => {
    const env = { ETCDCTL_ENDPOINTS: "http://127.0.0.1:2379", ETCDCTL_USER: "dashboard:pw" };
    expect(loadConfig(env).etcdUsers.get("default")).toEqual({
      username: "dashboard",
      password: "pw",
    });
    expect(() => loadConfig({ ...env, ETCDCTL_USER: "dashboard" })).toThrow(
      /ETCDCTL_USER names a user without a password/,
    );
  });
});
