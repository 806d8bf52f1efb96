import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { etcdVersions } from "./etcd-binaries";
import { EtcdCluster } from "./etcd-cluster";
import { seedDemoData } from "./seed";

const USAGE = `usage: tsx harness/cli.ts up [--size 3] [--dir .cluster] [--seed] [--base-port N] [--name-prefix m]
                              [--etcd-version 3.4|3.5]

Starts a local etcd cluster with mutual TLS, prints {endpoints, tls, members, ...} as one JSON
line on stdout, writes the same to <dir>/cluster.json and stays in the foreground. SIGINT or
SIGTERM stops the followers, then the leader, and exits 0; a second signal kills at once.`;

const DOUBLE_SIGNAL_MS = 1_500;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: "string", default: "3" },
      dir: { type: "string", default: ".cluster" },
      seed: { type: "boolean", default: false },
      "base-port": { type: "string" },
      "name-prefix": { type: "string" },
      "etcd-version": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals[0] !== "up" || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const size = parsePositiveInt(values.size, "--size");
  const basePort =
    values["base-port"] === undefined
      ? undefined
      : parsePositiveInt(values["base-port"], "--base-port");
  const dir = path.resolve(values.dir);
  const wanted = values["etcd-version"];
  const etcdVersion = etcdVersions.find((v) => v === wanted);
  if (wanted !== undefined && !etcdVersion) {
    process.stderr.write(`--etcd-version must be one of ${etcdVersions.join(", ")}\n`);
    process.exit(2);
  }

  // Until the cluster is up, a signal just ends the process; the exit hook reaps the members.
  const started = Date.now();
  const cluster = await EtcdCluster.start({
    size,
    dir,
    basePort,
    namePrefix: values["name-prefix"],
    ...(etcdVersion ? { etcdVersion } : {}),
  });
  let firstSignalAt: number | undefined;
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const shutdown = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      // A Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and a
      // signal to the whole process group does the same: only a later one means "hurry up".
      if (Date.now() - firstSignalAt < DOUBLE_SIGNAL_MS) return;
      process.stderr.write(`second ${signal}: killing the members\n`);
      process.exit(1);
    }
    firstSignalAt = Date.now();
    process.stderr.write(`${signal}: stopping the cluster (followers first)\n`);
    cluster
      .teardown()
      .then(() => {
        clearInterval(keepAlive);
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`teardown failed: ${errorMessage(error)}\n`);
        process.exit(1);
      });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  const seed = values.seed ? await seedDemoData(cluster) : undefined;
  const description = {
    dir,
    ...cluster.describe(),
    leader: await cluster.leader(),
    harnessPid: process.pid,
    ...(seed === undefined ? {} : { seed }),
  };
  const line = JSON.stringify(description);
  await writeFile(path.join(dir, "cluster.json"), `${JSON.stringify(description, null, 2)}\n`);
  process.stdout.write(`${line}\n`);
  process.stderr.write(
    `etcd cluster of ${size} up in ${Date.now() - started} ms${seed ? `, ${seed.keyCount} keys seeded` : ""}; Ctrl-C to stop\n`,
  );
}

function parsePositiveInt(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`${flag} must be a positive integer, got ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`harness: ${errorMessage(error)}\n`);
  process.exit(1);
});
