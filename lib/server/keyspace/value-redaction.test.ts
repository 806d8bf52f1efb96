import { describe, expect, it } from "vitest";
import * as k8s from "../../../harness/k8s-objects";
import { textBytes } from "../../keys/key-bytes";
import { parseKeyBrowserSettings } from "../keys/key-browser-settings";
import { valueRedaction } from "./value-redaction";

describe("the keyspace index's redaction", () => {
  it("leaves out a Secret's bytes under any key, as the key browser does", () => {
    const redacted = valueRedaction(parseKeyBrowserSettings({}));
    const secret = k8s.secret({ name: "db", uid: "u", createdAt: 0 }, "Opaque", { pw: "x" });
    expect(redacted(textBytes("/custom-root/secrets/team-a/db"), secret)).toBe(true);
    expect(redacted(textBytes("/registry/secrets/a/b"), textBytes("anything"))).toBe(true);
    expect(redacted(textBytes("/registry/configmaps/a/b"), textBytes("plain"))).toBe(false);
    const shown = valueRedaction(parseKeyBrowserSettings({ RAFTSCOPE_SHOW_SECRETS: "true" }));
    expect(shown(textBytes("/custom-root/secrets/team-a/db"), secret)).toBe(false);
  });
});
