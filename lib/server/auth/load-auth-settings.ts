import "server-only";
import { type AuthSettings, authEnvSchema } from "../../auth/auth-env-schema";
import { formatIssues } from "../../config/format-issues";
import { ConfigError } from "../../errors";

/** Validates every auth variable at once; the message names each variable at fault. */
export function loadAuthSettings(
  env: Record<string, string | undefined> = process.env,
): AuthSettings {
  const parsed = authEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid auth environment:\n${formatIssues(parsed.error)}`);
  }
  return parsed.data;
}
