import { describe, expect, it } from "vitest";
import * as k8s from "../../../harness/k8s-objects";
import { encryptedAtRest } from "../../../harness/k8s-storage";
import { textBytes } from "../../keys/key-bytes";
import { parseKeyBrowserSettings } from "./key-browser-settings";
import { isRedactedKey, valueRedaction } from "./value-redaction";

const t = textBytes;
const hidden = parseKeyBrowserSettings({ RAFTSCOPE_REDACT_PATTERNS: "/app/creds/" });
const shown = parseKeyBrowserSettings({ RAFTSCOPE_SHOW_SECRETS: "true" });
const secret = k8s.secret({ name: "db", namespace: "team-a", uid: "u", createdAt: 0 }, "Opaque", {
  password: "pw-0123456789",
});

describe("valueRedaction", () => {
  it("redacts a Secret by what it is, under any key", () => {
    for (const key of ["/custom-root/secrets/team-a/db", "/kubernetes.io/secrets/x", "anything"]) {
      const r = valueRedaction(t(key), secret, hidden);
      expect(r).toMatchObject({ redacted: true, reason: "kubernetes-secret" });
      expect(r.redacted && r.secret?.name).toBe("db");
    }
  });

  it("recognises a large JSON Secret from the whole value, beyond any display prefix", () => {
    const json = JSON.stringify({
      apiVersion: "v1",
      kind: "Secret",
      data: { big: btoa("x".repeat(400_000)) },
    });
    expect(valueRedaction(t("/k"), t(json), hidden).redacted).toBe(true);
  });

  it("redacts by key pattern, prefixes ending in / included, and names the encryption", () => {
    expect(valueRedaction(t("/app/creds/db"), t("plain"), hidden)).toEqual({
      redacted: true,
      reason: "key-pattern",
    });
    const enc = encryptedAtRest({ kind: "aescbc", key: "key1" }, "/registry/secrets/a/b");
    expect(valueRedaction(t("/registry/secrets/a/b"), enc, hidden)).toMatchObject({
      redacted: true,
      encryption: { provider: "aescbc", keyName: "key1" },
    });
    expect(isRedactedKey(t("/app/creds/x/y"), hidden)).toBe(true);
    expect(isRedactedKey(t("/app/credsx"), hidden)).toBe(false);
  });

  it("shows everything else, and everything when the server says so", () => {
    expect(valueRedaction(t("/app/config"), t("plain"), hidden)).toEqual({ redacted: false });
    expect(valueRedaction(t("/registry/secrets/a/b"), secret, shown)).toEqual({ redacted: false });
  });
});
