import { describe, expect, it } from "vitest";
import { srvEndpoints, srvServiceNames } from "./srv-endpoints";

const rec = (name: string, port: number, priority = 0, weight = 0) => ({
  name,
  port,
  priority,
  weight,
});

describe("srvServiceNames", () => {
  it("asks etcdctl's names, with the service name when given", () => {
    expect(srvServiceNames("example.com")).toEqual({
      https: "_etcd-client-ssl._tcp.example.com",
      http: "_etcd-client._tcp.example.com",
    });
    expect(srvServiceNames("example.com.", "prod")).toEqual({
      https: "_etcd-client-ssl-prod._tcp.example.com",
      http: "_etcd-client-prod._tcp.example.com",
    });
  });
});

describe("srvEndpoints", () => {
  it("strips the trailing dot, orders by priority then weight, https before http", () => {
    expect(
      srvEndpoints(
        [
          rec("b.example.com.", 2379, 10),
          rec("A.example.com.", 2379, 0, 5),
          rec("c.example.com", 2379, 0, 50),
        ],
        [rec("d.example.com.", 2380)],
        true,
      ),
    ).toEqual([
      "https://c.example.com:2379",
      "https://a.example.com:2379",
      "https://b.example.com:2379",
      "http://d.example.com:2380",
    ]);
  });

  it("leaves http endpoints out when discovery must be secure", () => {
    expect(srvEndpoints([], [rec("d.example.com.", 2379)], false)).toEqual([]);
  });
});
