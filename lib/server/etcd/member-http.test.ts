import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { LINGER_MS, requestFromMember } from "./member-http";

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

/** A plain-HTTP stand-in for a member that answers each request after `delayMs` (never: -1). */
async function slowMember(delayMs: number): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer((_req, res) => {
    if (delayMs >= 0) setTimeout(() => res.end("etcd_server_has_leader 1\n"), delayMs);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections };
}

describe("requestFromMember", () => {
  it("answers with the body in time", async () => {
    const member = await slowMember(0);
    const answer = await requestFromMember(member.url, "/metrics", undefined, 2_000);
    expect(answer).toEqual({ statusCode: 200, body: "etcd_server_has_leader 1\n" });
  });

  it("names the path past its deadline, and keeps the connection for the next call when the answer comes late", async () => {
    const member = await slowMember(300);
    await expect(requestFromMember(member.url, "/metrics", undefined, 50)).rejects.toThrow(
      "/metrics timed out after 50 ms",
    );
    // The late answer lands and frees the connection: the next call does not dial again.
    await new Promise((r) => setTimeout(r, 600));
    const answer = await requestFromMember(member.url, "/metrics", undefined, 2_000);
    expect(answer.statusCode).toBe(200);
    expect(member.connections()).toBe(1);
  });

  it("closes a connection whose answer never comes, once it has lingered", async () => {
    const member = await slowMember(-1);
    await expect(requestFromMember(member.url, "/health", undefined, 50)).rejects.toThrow(
      "/health timed out after 50 ms",
    );
    const closed = new Promise<number>((resolve) => {
      const t0 = Date.now();
      const check = setInterval(() => {
        server?.getConnections((_err, n) => {
          if (n === 0) {
            clearInterval(check);
            resolve(Date.now() - t0);
          }
        });
      }, 50);
    });
    expect(await closed).toBeLessThan(LINGER_MS + 5_000);
  }, 20_000);
});
