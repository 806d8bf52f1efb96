/**
 * The environment for etcd and etcdctl children. etcd reads every ETCD_* variable as a flag (and
 * refuses to start when one duplicates a command-line flag); etcdctl does the same with ETCDCTL_*.
 * A developer's shell often exports both, so they never reach a child.
 */
export function scrubbedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(env)) {
    if (name.startsWith("ETCD_") || name.startsWith("ETCDCTL_")) delete env[name];
  }
  return env;
}
