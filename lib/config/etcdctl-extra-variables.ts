import { z } from "zod";

// Go's strconv.ParseBool, which etcdctl reads its boolean variables with.
const goBool = z
  .string()
  .regex(/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/, "expected true or false")
  .transform((v) => /^(1|t|T|TRUE|true|True)$/.test(v));

/**
 * The etcdctl variables Raftscope reads beside the endpoints and certificates: etcd
 * authentication and DNS SRV discovery, with etcdctl's meanings.
 */
export const etcdctlExtraVariables = {
  /** `user` or `user:password`, as etcdctl's --user. */
  ETCDCTL_USER: z.string().min(1).optional(),
  /** The password when ETCDCTL_USER holds the user name alone, as etcdctl's --password. */
  ETCDCTL_PASSWORD: z.string().min(1).optional(),
  ETCDCTL_DISCOVERY_SRV: z.string().min(1).optional(),
  ETCDCTL_DISCOVERY_SRV_NAME: z.string().min(1).optional(),
  ETCDCTL_INSECURE_DISCOVERY: goBool.optional(),
  /** DNS servers (`ip` or `ip:port`, comma-separated) for SRV discovery instead of the system's. */
  RAFTSCOPE_DNS_SERVERS: z.string().min(1).optional(),
};

/** Every ETCDCTL_* variable Raftscope reads; others get a start-up warning. */
export const ETCDCTL_VARIABLES_READ = [
  "ETCDCTL_ENDPOINTS",
  "ETCDCTL_CACERT",
  "ETCDCTL_CERT",
  "ETCDCTL_KEY",
  "ETCDCTL_USER",
  "ETCDCTL_PASSWORD",
  "ETCDCTL_DISCOVERY_SRV",
  "ETCDCTL_DISCOVERY_SRV_NAME",
  "ETCDCTL_INSECURE_DISCOVERY",
] as const;
