import { z } from "zod";
import { authUserSchema } from "./auth-user";

export const SESSION_COOKIE = "raftscope_session";
/** A working day and a bit: a laptop left logged in overnight must log in again. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** What a session cookie carries before its signature; `v` changes if the layout ever does. */
export const sessionPayloadSchema = z.strictObject({
  v: z.literal(1),
  user: authUserSchema.shape.name,
  issuedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().positive(),
});
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;

/** A fresh session for `user`, valid for {@link SESSION_MAX_AGE_MS} from `now`. */
export function newSessionPayload(user: string, now: number): SessionPayload {
  return { v: 1, user, issuedAt: now, expiresAt: now + SESSION_MAX_AGE_MS };
}

/** Whether a signed, well-formed payload may still be used at `now`. */
export function isSessionCurrent(payload: SessionPayload, now: number): boolean {
  return (
    payload.issuedAt <= now + 60_000 &&
    now < payload.expiresAt &&
    payload.expiresAt - payload.issuedAt <= SESSION_MAX_AGE_MS
  );
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "strict";
  secure: boolean;
  path: "/";
  maxAge: number;
  expires: Date;
}

/** Attributes of the session cookie: never readable by scripts, never sent cross-site. */
export function sessionCookieOptions(
  payload: SessionPayload,
  secure: boolean,
): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: Math.floor((payload.expiresAt - payload.issuedAt) / 1000),
    expires: new Date(payload.expiresAt),
  };
}
