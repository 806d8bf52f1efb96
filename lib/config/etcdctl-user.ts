import { ConfigError } from "../errors";

/** An etcd user and its password, for etcd's own authentication. */
export interface EtcdUser {
  username: string;
  password: string;
}

/**
 * The user of ETCDCTL_USER and ETCDCTL_PASSWORD, read as etcdctl reads --user and --password:
 * with ETCDCTL_PASSWORD the whole of ETCDCTL_USER is the name; without it ETCDCTL_USER is
 * `user:password`, split at the first colon (etcdctl would prompt for a missing password,
 * which a server cannot). Undefined when neither is set; ConfigError when one is incomplete.
 */
export function etcdctlUser(env: {
  ETCDCTL_USER?: string | undefined;
  ETCDCTL_PASSWORD?: string | undefined;
}): EtcdUser | undefined {
  const user = env.ETCDCTL_USER;
  const password = env.ETCDCTL_PASSWORD;
  if (!user) {
    if (password) throw new ConfigError("ETCDCTL_PASSWORD is set without ETCDCTL_USER");
    return undefined;
  }
  if (password) return { username: user, password };
  const colon = user.indexOf(":");
  if (colon <= 0 || colon === user.length - 1) {
    throw new ConfigError(
      "ETCDCTL_USER names a user without a password: set ETCDCTL_USER=user:password, or ETCDCTL_PASSWORD",
    );
  }
  return { username: user.slice(0, colon), password: user.slice(colon + 1) };
}
