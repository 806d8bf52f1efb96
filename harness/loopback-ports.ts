import { createServer, type Server } from "node:net";

const HOST = "127.0.0.1";
// Ports this process has handed out: two clusters started by one test file must not share one
// even when the first has not bound it yet.
const handedOut = new Set<number>();

/**
 * Returns `count` distinct loopback ports that are free right now. Without `basePort` the kernel
 * picks them (listen on port 0), which keeps clusters in different processes apart; with it, the
 * first free ports at or above `basePort` are used. A port can still be taken between this call
 * and etcd binding it, so callers retry on "address already in use".
 */
export async function freeLoopbackPorts(count: number, basePort?: number): Promise<number[]> {
  const ports: number[] = [];
  if (basePort === undefined) {
    // Hold every probe open until all are chosen, so the kernel cannot hand out one port twice.
    const servers: Server[] = [];
    try {
      while (ports.length < count) {
        const server = await listen(0);
        servers.push(server);
        const port = boundPort(server);
        if (!handedOut.has(port)) ports.push(port);
      }
    } finally {
      await Promise.all(servers.map(close));
    }
  } else {
    for (let port = basePort; ports.length < count; port++) {
      if (port > 65_535) throw new Error(`no ${count} free loopback ports at or above ${basePort}`);
      if (handedOut.has(port)) continue;
      const server = await listen(port).catch(() => undefined);
      if (server === undefined) continue;
      await close(server);
      ports.push(port);
    }
  }
  for (const port of ports) handedOut.add(port);
  return ports;
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: HOST, port, exclusive: true }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("loopback probe server has no TCP address");
  }
  return address.port;
}
