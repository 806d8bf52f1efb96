import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downloadName } from "./download-name";
import { textBytes } from "./key-bytes";

describe("downloadName", () => {
  it("uses the last component of the key", () => {
    expect(downloadName(textBytes("/registry/pods/default/nginx"))).toBe("nginx");
    expect(downloadName(textBytes("/config/payments/app.yaml"))).toBe("app.yaml");
    expect(downloadName(textBytes("/registry/pods/"))).toBe("value");
    expect(downloadName(textBytes('<script>alert("x")</script>'))).toBe("script_3e");
    expect(downloadName(textBytes("/a/.hidden"))).toBe("_2ehidden");
  });

  it("gives keys that are not UTF-8 distinct names", () => {
    const fe = downloadName(Uint8Array.of(0x2f, 0x6b, 0xfe));
    const ff = downloadName(Uint8Array.of(0x2f, 0x6b, 0xff));
    expect([fe, ff]).toEqual(["k_fe", "k_ff"]);
    expect(downloadName(textBytes("/k_fe"))).toBe("k_5ffe");
  });

  it("is always safe inside a quoted header value", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (key) => {
        expect(downloadName(key)).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}$/);
      }),
    );
  });

  it("tells different last components apart", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.uint8Array({ maxLength: 60 }), (a, b) => {
        const ka = Uint8Array.of(0x2f, ...a.filter((x) => x !== 0x2f));
        const kb = Uint8Array.of(0x2f, ...b.filter((x) => x !== 0x2f));
        if (Buffer.compare(ka, kb) !== 0 && ka.length > 1 && kb.length > 1) {
          expect(downloadName(ka)).not.toBe(downloadName(kb));
        }
      }),
    );
  });
});
