import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors";
import { parseKeyBrowserSettings } from "./key-browser-settings";

describe("key browser settings", () => {
  it("hide secrets by default", () => {
    expect(parseKeyBrowserSettings({})).toEqual({
      showSecrets: false,
      redactPatterns: ["/registry/secrets/*"],
    });
  });

  it("show secrets only when told exactly so, and add configured patterns", () => {
    const s = parseKeyBrowserSettings({
      RAFTSCOPE_SHOW_SECRETS: "true",
      RAFTSCOPE_REDACT_PATTERNS: " */tokens/* , /config/*.key,,",
    });
    expect(s).toEqual({
      showSecrets: true,
      redactPatterns: ["/registry/secrets/*", "*/tokens/*", "/config/*.key"],
    });
    expect(parseKeyBrowserSettings({ RAFTSCOPE_SHOW_SECRETS: "false" }).showSecrets).toBe(false);
  });

  it("refuse a value that is neither true nor false, naming the variable", () => {
    for (const value of ["yes", "1", "TRUE", ""]) {
      expect(() => parseKeyBrowserSettings({ RAFTSCOPE_SHOW_SECRETS: value })).toThrow(ConfigError);
      expect(() => parseKeyBrowserSettings({ RAFTSCOPE_SHOW_SECRETS: value })).toThrow(
        /RAFTSCOPE_SHOW_SECRETS/,
      );
    }
  });
});
