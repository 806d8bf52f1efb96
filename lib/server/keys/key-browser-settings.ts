import "server-only";
import { z } from "zod";
import { formatIssues } from "../../config/format-issues";
import { ConfigError } from "../../errors";
import { DEFAULT_REDACT_PATTERNS } from "../../keys/redaction";

/** The key browser's environment: secrets stay hidden unless the server is told otherwise. */
export const keyBrowserEnvironmentSchema = z.object({
  RAFTSCOPE_SHOW_SECRETS: z
    .enum(["true", "false"], { error: "RAFTSCOPE_SHOW_SECRETS must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  /** Comma-separated globs ("*" matches anything, "/" included) redacted on top of the defaults. */
  RAFTSCOPE_REDACT_PATTERNS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    ),
});

export interface KeyBrowserSettings {
  showSecrets: boolean;
  redactPatterns: string[];
}

/** Parses the key browser's environment; ConfigError naming the variable when it is invalid. */
export function parseKeyBrowserSettings(
  env: Record<string, string | undefined>,
): KeyBrowserSettings {
  const parsed = keyBrowserEnvironmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment:\n${formatIssues(parsed.error)}`);
  return {
    showSecrets: parsed.data.RAFTSCOPE_SHOW_SECRETS,
    redactPatterns: [...DEFAULT_REDACT_PATTERNS, ...parsed.data.RAFTSCOPE_REDACT_PATTERNS],
  };
}

const globalForSettings = globalThis as unknown as { raftscopeKeySettings?: KeyBrowserSettings };

/** The process's settings, read once. */
export function getKeyBrowserSettings(): KeyBrowserSettings {
  globalForSettings.raftscopeKeySettings ??= parseKeyBrowserSettings(process.env);
  return globalForSettings.raftscopeKeySettings;
}
