import { z } from "zod";

/** How a request proved who it is; `none` is loopback-only access with auth switched off. */
export const authMethodSchema = z.enum(["session", "bearer", "proxy", "none"]);
export type AuthMethod = z.infer<typeof authMethodSchema>;

export const authUserSchema = z.object({
  name: z.string().min(1),
  method: authMethodSchema,
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** Token mode has one shared secret, so every holder is the same user. */
export const TOKEN_USER_NAME = "token user";
export const LOCAL_USER_NAME = "local user";

/** `GET /api/auth/session`: who the server thinks is asking. */
export const sessionInfoSchema = z.object({
  mode: z.enum(["none", "token", "proxy"]),
  user: authUserSchema,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
