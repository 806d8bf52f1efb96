import { z } from "zod";
import { hasControlCharacter } from "./has-control-character";

/**
 * The identity a trusted proxy sends: one printable line. Anything else means the proxy is
 * misconfigured, and the request is refused rather than shown under a mangled name.
 */
export const proxyIdentitySchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .refine((name) => !hasControlCharacter(name), "control characters in the identity");
