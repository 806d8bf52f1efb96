import { describe, expect, it } from "vitest";
import {
  isSessionCurrent,
  newSessionPayload,
  SESSION_MAX_AGE_MS,
  sessionCookieOptions,
} from "./session-payload";

describe("session payload", () => {
  it("lasts twelve hours", () => {
    const p = newSessionPayload("token user", 1_000);
    expect(isSessionCurrent(p, 1_000)).toBe(true);
    expect(isSessionCurrent(p, 1_000 + SESSION_MAX_AGE_MS - 1)).toBe(true);
    expect(isSessionCurrent(p, 1_000 + SESSION_MAX_AGE_MS)).toBe(false);
  });

  it("refuses a payload that claims a longer life or a future start", () => {
    expect(
      isSessionCurrent({ v: 1, user: "u", issuedAt: 0, expiresAt: SESSION_MAX_AGE_MS * 2 }, 1),
    ).toBe(false);
    expect(
      isSessionCurrent({ v: 1, user: "u", issuedAt: 10 * 60_000, expiresAt: 10 * 60_000 + 1 }, 0),
    ).toBe(false);
  });

  it("makes an HttpOnly, SameSite=Strict cookie with an expiry", () => {
    const p = newSessionPayload("token user", 0);
    expect(sessionCookieOptions(p, true)).toEqual({
      httpOnly: true,
      sameSite: "strict",
      secure: true,
      path: "/",
      maxAge: 12 * 60 * 60,
      expires: new Date(SESSION_MAX_AGE_MS),
    });
  });
});
