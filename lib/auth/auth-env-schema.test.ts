import { describe, expect, it } from "vitest";
import { formatIssues } from "../config/format-issues";
import { authEnvSchema } from "./auth-env-schema";

const hash = `scrypt$16384$8$1$${Buffer.alloc(16, 1).toString("base64")}$${Buffer.alloc(32, 2).toString("base64")}`;

function errorText(env: Record<string, string>): string {
  const parsed = authEnvSchema.safeParse(env);
  if (parsed.success) throw new Error("expected the environment to be refused");
  return formatIssues(parsed.error);
}

describe("authEnvSchema", () => {
  it("defaults to none, and reads an empty RAFTSCOPE_AUTH as unset", () => {
    expect(authEnvSchema.parse({}).mode).toBe("none");
    expect(authEnvSchema.parse({ RAFTSCOPE_AUTH: "" }).mode).toBe("none");
  });

  it("names RAFTSCOPE_AUTH when its value is unknown", () => {
    expect(errorText({ RAFTSCOPE_AUTH: "tokn" })).toMatch(
      /^RAFTSCOPE_AUTH: expected none, token or proxy/,
    );
  });

  it("needs exactly one token source in token mode", () => {
    expect(errorText({ RAFTSCOPE_AUTH: "token" })).toMatch(/RAFTSCOPE_AUTH_TOKEN_FILE: token mode/);
    expect(
      errorText({
        RAFTSCOPE_AUTH: "token",
        RAFTSCOPE_AUTH_TOKEN_FILE: "/etc/t",
        RAFTSCOPE_AUTH_TOKEN_HASH: hash,
      }),
    ).toMatch(/exactly one/);
    const fromFile = authEnvSchema.parse({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_FILE: "/etc/t",
    });
    expect(fromFile).toMatchObject({ mode: "token", secret: { kind: "file", path: "/etc/t" } });
    const fromHash = authEnvSchema.parse({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_HASH: hash,
    });
    expect(fromHash).toMatchObject({ mode: "token", secret: { kind: "hash", hash: { N: 16384 } } });
  });

  it("names RAFTSCOPE_AUTH_TOKEN_HASH when the hash is malformed", () => {
    expect(errorText({ RAFTSCOPE_AUTH: "token", RAFTSCOPE_AUTH_TOKEN_HASH: "sha256$abc" })).toMatch(
      /^RAFTSCOPE_AUTH_TOKEN_HASH: expected scrypt\$N\$r\$p\$salt\$hash/,
    );
  });

  it("needs proxy addresses and the start script's peer stamp in proxy mode", () => {
    expect(errorText({ RAFTSCOPE_AUTH: "proxy", RAFTSCOPE_PEER_STAMP_KEY: "k" })).toMatch(
      /^RAFTSCOPE_AUTH_PROXY_ADDRESSES: proxy mode needs/,
    );
    expect(
      errorText({ RAFTSCOPE_AUTH: "proxy", RAFTSCOPE_AUTH_PROXY_ADDRESSES: "10.0.0.5" }),
    ).toMatch(/^RAFTSCOPE_AUTH: proxy mode needs each request's socket address/);
    const ok = authEnvSchema.parse({
      RAFTSCOPE_AUTH: "proxy",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: " 10.0.0.5, 192.168.0.0/16 ,fd00::/8,::1",
      RAFTSCOPE_AUTH_PROXY_HEADER: "X-Auth-Request-User",
      RAFTSCOPE_PEER_STAMP_KEY: "k",
    });
    expect(ok).toEqual({
      mode: "proxy",
      identityHeader: "x-auth-request-user",
      peerStampKey: "k",
      trustedProxies: [
        { family: "ipv4", network: "10.0.0.5", prefix: 32 },
        { family: "ipv4", network: "192.168.0.0", prefix: 16 },
        { family: "ipv6", network: "fd00::", prefix: 8 },
        { family: "ipv6", network: "::1", prefix: 128 },
      ],
    });
  });

  it("defaults the identity header to x-forwarded-user and refuses headers with other meanings", () => {
    const env = {
      RAFTSCOPE_AUTH: "proxy",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: "::1",
      RAFTSCOPE_PEER_STAMP_KEY: "k",
    };
    expect(authEnvSchema.parse(env)).toMatchObject({ identityHeader: "x-forwarded-user" });
    expect(errorText({ ...env, RAFTSCOPE_AUTH_PROXY_HEADER: "Cookie" })).toMatch(
      /^RAFTSCOPE_AUTH_PROXY_HEADER: this header cannot carry an identity/,
    );
    for (const header of [
      "X-Raftscope-Raw-Query",
      "x-raftscope-anything",
      "X-Nonce",
      "Content-Security-Policy",
      "X-Forwarded-For",
      "Forwarded",
      "x-middleware-subrequest",
      "Sec-Fetch-Site",
      "User-Agent",
      "Content-Type",
    ]) {
      expect(errorText({ ...env, RAFTSCOPE_AUTH_PROXY_HEADER: header }), header).toMatch(
        /^RAFTSCOPE_AUTH_PROXY_HEADER: this header cannot carry an identity/,
      );
    }
    expect(
      authEnvSchema.parse({ ...env, RAFTSCOPE_AUTH_PROXY_HEADER: "X-Auth-Request-Email" }),
    ).toMatchObject({ identityHeader: "x-auth-request-email" });
    expect(errorText({ ...env, RAFTSCOPE_AUTH_PROXY_HEADER: "x user" })).toMatch(
      /RAFTSCOPE_AUTH_PROXY_HEADER: expected an HTTP header name/,
    );
  });

  it("refuses entries that are not addresses or ranges, naming the entry", () => {
    for (const bad of [
      "proxy.local",
      "10.0.0.0/33",
      "10.0.0.1/",
      "fd00::/129",
      "10.0.0/8",
      "10.0.0.0/8/8",
      "0.0.0.0/-1",
    ]) {
      expect(errorText({ RAFTSCOPE_AUTH_PROXY_ADDRESSES: bad })).toContain(
        `RAFTSCOPE_AUTH_PROXY_ADDRESSES[0]: "${bad}" is not an IP address`,
      );
    }
  });

  it("refuses a range that would trust every address", () => {
    expect(errorText({ RAFTSCOPE_AUTH_PROXY_ADDRESSES: "10.0.0.5,0.0.0.0/0" })).toContain(
      'RAFTSCOPE_AUTH_PROXY_ADDRESSES[1]: "0.0.0.0/0" would trust every address',
    );
  });

  it("refuses ranges that trust every address together, or through IPv4-mapped IPv6", () => {
    for (const list of [
      "0.0.0.0/1,128.0.0.0/1",
      "::ffff:0.0.0.0/96",
      "::ffff:0:0/96",
      "64:ff9b::/96",
      "::/1",
      "8000::/1,::/1",
      "0.0.0.0/2,64.0.0.0/2,128.0.0.0/2,192.0.0.0/2",
      "10.0.0.0/4",
      "2000::/3",
    ]) {
      expect(errorText({ RAFTSCOPE_AUTH_PROXY_ADDRESSES: list }), list).toMatch(
        /^RAFTSCOPE_AUTH_PROXY_ADDRESSES(\[\d\])?: .*trust/,
      );
    }
    const all8 = Array.from({ length: 256 }, (_, i) => `${i}.0.0.0/8`).join(",");
    expect(errorText({ RAFTSCOPE_AUTH_PROXY_ADDRESSES: all8 })).toMatch(
      /together would trust every address/,
    );
    for (const ok of [
      "10.0.0.0/8",
      "fd00::/8",
      "::ffff:10.0.0.5",
      "::ffff:10.0.0.0/104",
      "10.0.0.5,fd00::/64",
    ]) {
      expect(
        authEnvSchema.parse({ RAFTSCOPE_AUTH_PROXY_ADDRESSES: ok }).trustedProxies.length,
        ok,
      ).toBeGreaterThan(0);
    }
  });

  it("wants a session secret of at least 32 characters", () => {
    expect(
      errorText({
        RAFTSCOPE_AUTH: "token",
        RAFTSCOPE_AUTH_TOKEN_FILE: "/t",
        RAFTSCOPE_SESSION_SECRET: "short",
      }),
    ).toMatch(/^RAFTSCOPE_SESSION_SECRET: expected at least 32 characters/);
  });
});
