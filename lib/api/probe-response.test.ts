import { describe, expect, it } from "vitest";
import { probeResponse } from "./probe-response";

describe("probeResponse", () => {
  it("answers ok with 200 and not ok with 503, uncached, and nothing more", async () => {
    const ok = probeResponse(true);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ status: "ok" });
    const notOk = probeResponse(false);
    expect(notOk.status).toBe(503);
    expect(await notOk.json()).toEqual({ status: "not ok" });
  });
});
