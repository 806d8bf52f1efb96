import { z } from "zod";

/**
 * etcd's own authentication (etcdctl's `--user`), for clusters with `etcdctl auth enable`: the
 * key browser reads as this user. The password lives in a file so the config file holds no
 * secret; one trailing newline is ignored.
 */
export const etcdAuthSchema = z.strictObject({
  username: z
    .string({ error: "expected the etcd user name" })
    .min(1, "expected the etcd user name"),
  passwordFile: z
    .string({ error: "expected the path of a file that holds the user's password" })
    .min(1, "expected the path of a file that holds the user's password"),
});

export type EtcdAuthConfig = z.infer<typeof etcdAuthSchema>;
