import { parse as parseYaml } from "yaml";
import { ConfigError } from "../errors";
import { type ConfigFile, configFileSchema, type Environment } from "./config-schema";
import { discoveryFromEtcdctlEnvironment } from "./etcdctl-discovery";
import { formatIssues } from "./format-issues";

/** Parses and validates a config file's text (YAML, or JSON, which is YAML too). */
export function parseConfigText(text: string, source: string): ConfigFile {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    throw new ConfigError(
      `${source} is not valid YAML or JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      `${source} is not a valid Raftscope config:\n${formatIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** The single cluster `default` described by the variables etcdctl already reads. */
export function configFromEtcdctlEnvironment(env: Environment): ConfigFile {
  const endpoints = (env.ETCDCTL_ENDPOINTS ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const tlsParts = [env.ETCDCTL_CACERT, env.ETCDCTL_CERT, env.ETCDCTL_KEY];
  const someTls = tlsParts.some(Boolean);
  if (someTls && !tlsParts.every(Boolean)) {
    throw new ConfigError(
      "ETCDCTL_CACERT, ETCDCTL_CERT and ETCDCTL_KEY must be set together for mutual TLS",
    );
  }
  const candidate = {
    clusters: [
      {
        id: "default",
        ...discoveryFromEtcdctlEnvironment(env, endpoints),
        ...(someTls
          ? {
              tls: {
                ca: env.ETCDCTL_CACERT,
                cert: env.ETCDCTL_CERT,
                key: env.ETCDCTL_KEY,
                ...(env.RAFTSCOPE_TLS_KEY_PASSPHRASE_FILE
                  ? { keyPassphraseFile: env.RAFTSCOPE_TLS_KEY_PASSPHRASE_FILE }
                  : {}),
              },
            }
          : {}),
      },
    ],
  };
  const parsed = configFileSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ConfigError(
      `ETCDCTL_ENDPOINTS does not describe a cluster:\n${formatIssues(parsed.error).replace(/clusters\[0\]\./g, "")}`,
    );
  }
  return parsed.data;
}
