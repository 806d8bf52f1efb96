import { readFileSync } from "node:fs";

export interface DockerRuntime {
  env: Record<string, string>;
  uid: number;
  gid: number;
  /** The HEALTHCHECK's exec-form command. */
  healthcheck: string[];
  cmd: string[];
  workdir: string;
}

/**
 * What the Dockerfile's final stage runs, read from its ENV, USER, WORKDIR, HEALTHCHECK and CMD
 * lines, so the bundle test runs the bundle as the image would. Reads only the forms this
 * Dockerfile uses (`ENV k=v …`, numeric `USER uid:gid`, exec-form JSON commands) and throws on
 * any other.
 */
export function dockerRuntime(file: string): DockerRuntime {
  const text = readFileSync(file, "utf8").replace(/\\\n/g, " ");
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  const lastFrom = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const env: Record<string, string> = {};
  let user: string | undefined;
  let healthcheck: string[] | undefined;
  let cmd: string[] | undefined;
  let workdir = "/";
  for (const line of lines.slice(lastFrom + 1)) {
    const [, instruction = "", rest = ""] = /^(\w+)\s+([\s\S]*)$/.exec(line.trim()) ?? [];
    switch (instruction.toUpperCase()) {
      case "ENV":
        for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g)) {
          env[m[1] ?? ""] = m[3] ?? m[2] ?? "";
        }
        break;
      case "USER":
        user = rest.trim();
        break;
      case "WORKDIR":
        workdir = rest.trim();
        break;
      case "HEALTHCHECK":
        healthcheck = JSON.parse(rest.slice(rest.indexOf("CMD") + 3).trim());
        break;
      case "CMD":
        cmd = JSON.parse(rest.trim());
        break;
    }
  }
  const ids = /^(\d+):(\d+)$/.exec(user ?? "");
  if (!ids) throw new Error(`${file}: expected a numeric USER uid:gid, got ${user}`);
  if (!healthcheck || !cmd) throw new Error(`${file}: expected exec-form HEALTHCHECK and CMD`);
  return { env, uid: Number(ids[1]), gid: Number(ids[2]), healthcheck, cmd, workdir };
}
