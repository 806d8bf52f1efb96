import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downloadName } from "./download-name";
import { textBytes } from "./key-bytes";

describe("downloadName", () => {
  it("uses the last component of the key", () => {
    expect(downloadName(textBytes("/registry/pods/default/nginx"))).toBe("nginx");
    expect(downloadName(textBytes("/config/payments/app.yaml"))).toBe("app.yaml");
    expect(downloadName(textBytes("/registry/pods/"))).toBe("value");
    expect(downloadName(textBytes('<script>alert("x")</script>'))).toBe("script_");
  });

  it("is always safe inside a quoted header value", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (key) => {
        expect(downloadName(key)).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}$/);
      }),
    );
  });
});
