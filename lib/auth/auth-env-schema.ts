import { z } from "zod";
import { coversEveryAddress, rangeProblem } from "./address-coverage";
import { type ScryptHash, scryptHashSchema } from "./scrypt-hash";

/** One entry of RAFTSCOPE_AUTH_PROXY_ADDRESSES: an address, or a network in CIDR form. */
export interface AddressRange {
  family: "ipv4" | "ipv6";
  network: string;
  prefix: number;
}

export type TokenSecretSource = { kind: "file"; path: string } | { kind: "hash"; hash: ScryptHash };

interface CommonSettings {
  /** Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustedProxies: AddressRange[];
  /** Set by scripts/start.mjs, which stamps each request's socket address under this key. */
  peerStampKey: string | undefined;
  /** A second token that opens GET /metrics only, for Prometheus' scrape config. */
  metricsTokenFile: string | undefined;
}

export type AuthSettings =
  | ({ mode: "none" } & CommonSettings)
  | ({
      mode: "token";
      secret: TokenSecretSource;
      sessionSecret: string | undefined;
    } & CommonSettings)
  | ({ mode: "proxy"; identityHeader: string } & CommonSettings);

// Headers a proxy must never be told to trust as an identity: they carry other meanings, are set
// by Raftscope itself on the way to a page (x-raftscope-raw-query holds the client's own query),
// by Next, or by the browser, so the value would be the client's to choose.
const reservedHeaders = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "host",
  "x-nonce",
  "content-security-policy",
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
  "rsc",
  "origin",
  "referer",
  "user-agent",
  "connection",
  "upgrade",
  "te",
  "trailer",
  "transfer-encoding",
  "keep-alive",
  "range",
  "cache-control",
  "pragma",
]);
const reservedHeaderPrefixes = [
  "x-raftscope-",
  "x-middleware-",
  "x-nextjs-",
  "x-invoke-",
  "next-",
  "sec-",
  "content-",
  "accept",
  "if-",
];

/** Whether `name` (lower case) has a meaning of its own and so cannot carry an identity. */
export function isReservedHeader(name: string): boolean {
  return reservedHeaders.has(name) || reservedHeaderPrefixes.some((p) => name.startsWith(p));
}

/** An unset and an empty variable mean the same, as in a shell's `${X:-default}`. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const addressRange = z.string().transform((entry, ctx): AddressRange => {
  const [network = "", prefixText, ...extra] = entry.split("/");
  const family = z.ipv4().safeParse(network).success
    ? "ipv4"
    : z.ipv6().safeParse(network).success
      ? "ipv6"
      : undefined;
  const max = family === "ipv4" ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  const prefixOk = prefixText === undefined || /^\d{1,3}$/.test(prefixText);
  if (!family || !prefixOk || extra.length > 0 || prefix > max) {
    ctx.addIssue({
      code: "custom",
      message: `"${entry}" is not an IP address or CIDR range like 10.0.0.0/8 or fd00::/8`,
    });
    return z.NEVER;
  }
  if (prefix === 0) {
    ctx.addIssue({ code: "custom", message: `"${entry}" would trust every address` });
    return z.NEVER;
  }
  const range: AddressRange = { family, network, prefix };
  const problem = rangeProblem(range, entry);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return range;
});

const addressList = optionalText.pipe(
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(addressRange)
        .refine(
          (ranges) => !coversEveryAddress(ranges),
          "these ranges together would trust every address; list only your proxies",
        ),
    ),
);

export const authEnvSchema = z
  .object({
    RAFTSCOPE_AUTH: optionalText.pipe(
      z
        .enum(["none", "token", "proxy"], { error: "expected none, token or proxy" })
        .default("none"),
    ),
    RAFTSCOPE_AUTH_TOKEN_FILE: optionalText,
    RAFTSCOPE_AUTH_TOKEN_HASH: optionalText.pipe(scryptHashSchema.optional()),
    RAFTSCOPE_AUTH_PROXY_HEADER: optionalText.pipe(
      z
        .string()
        .transform((h) => h.toLowerCase())
        .pipe(
          z
            .string()
            .regex(
              /^[a-z0-9!#$%&'*+.^_`|~-]+$/,
              "expected an HTTP header name like X-Forwarded-User",
            )
            .refine(
              (h) => !isReservedHeader(h),
              "this header cannot carry an identity: Raftscope, Next.js or the browser set it for another purpose",
            ),
        )
        .default("x-forwarded-user"),
    ),
    RAFTSCOPE_AUTH_PROXY_ADDRESSES: addressList,
    RAFTSCOPE_SESSION_SECRET: optionalText.pipe(
      z.string().min(32, "expected at least 32 characters").optional(),
    ),
    RAFTSCOPE_PEER_STAMP_KEY: optionalText,
    RAFTSCOPE_METRICS_TOKEN_FILE: optionalText,
  })
  .transform((env, ctx): AuthSettings => {
    const common: CommonSettings = {
      trustedProxies: env.RAFTSCOPE_AUTH_PROXY_ADDRESSES,
      peerStampKey: env.RAFTSCOPE_PEER_STAMP_KEY,
      metricsTokenFile: env.RAFTSCOPE_METRICS_TOKEN_FILE,
    };
    if (env.RAFTSCOPE_AUTH === "token") {
      const file = env.RAFTSCOPE_AUTH_TOKEN_FILE;
      const hash = env.RAFTSCOPE_AUTH_TOKEN_HASH;
      const secret: TokenSecretSource | undefined =
        file !== undefined && hash === undefined
          ? { kind: "file", path: file }
          : hash !== undefined && file === undefined
            ? { kind: "hash", hash }
            : undefined;
      if (!secret) {
        ctx.addIssue({
          code: "custom",
          path: ["RAFTSCOPE_AUTH_TOKEN_FILE"],
          message:
            "token mode needs exactly one of RAFTSCOPE_AUTH_TOKEN_FILE (a file only its owner can read) or RAFTSCOPE_AUTH_TOKEN_HASH (from `npx tsx scripts/hash-token.ts`)",
        });
        return z.NEVER;
      }
      return {
        mode: "token",
        secret,
        sessionSecret: env.RAFTSCOPE_SESSION_SECRET,
        ...common,
      };
    }
    if (env.RAFTSCOPE_AUTH === "proxy") {
      if (common.trustedProxies.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["RAFTSCOPE_AUTH_PROXY_ADDRESSES"],
          message:
            "proxy mode needs the addresses of the proxies allowed to send the identity header, like 10.0.0.5,fd00::/64",
        });
        return z.NEVER;
      }
      if (common.peerStampKey === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["RAFTSCOPE_AUTH"],
          message:
            "proxy mode needs each request's socket address, which only `npm start` (scripts/start.mjs) provides; `next start` hides it",
        });
        return z.NEVER;
      }
      return { mode: "proxy", identityHeader: env.RAFTSCOPE_AUTH_PROXY_HEADER, ...common };
    }
    return { mode: "none", ...common };
  });
