import { describe, expect, it } from "vitest";
import { decodeStatusV36, statusResponseV36 } from "./status-v36";

const encode = (fields: Record<string, unknown>) =>
  statusResponseV36.encode(statusResponseV36.fromObject(fields)).finish();

describe("decodeStatusV36", () => {
  it("reads storageVersion, dbSizeQuota and downgradeInfo as etcd 3.6 sends them", () => {
    const bytes = encode({
      version: "3.6.4",
      dbSize: "2105344",
      storageVersion: "3.6.0",
      dbSizeQuota: "8589934592",
      downgradeInfo: { enabled: true, targetVersion: "3.5.0" },
    });
    expect(decodeStatusV36(bytes)).toEqual({
      storageVersion: "3.6.0",
      dbSizeQuotaBytes: 8589934592,
      downgrade: { enabled: true, targetVersion: "3.5.0" },
    });
  });

  it("reads absent fields as not reported, never 0, and a quota of 0 as not reported", () => {
    expect(decodeStatusV36(encode({ version: "3.5.30", dbSize: "20480" }))).toEqual({});
    expect(decodeStatusV36(encode({ version: "3.6.0", dbSizeQuota: "0" }))).toEqual({});
  });

  it("refuses bytes that are not a StatusResponse", () => {
    expect(() => decodeStatusV36(new Uint8Array([0x0a, 0xff, 0xff]))).toThrow();
  });
});
