import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  isSessionCurrent,
  type SessionPayload,
  sessionPayloadSchema,
} from "../../auth/session-payload";

/**
 * Signs and reads session cookies: `base64url(JSON payload).base64url(HMAC-SHA256)`. The key
 * mixes the server secret with the configured token's fingerprint, so a new token (or a new
 * secret) ends every session without a session store.
 */
export class SessionSigner {
  private readonly key: Buffer;

  constructor(serverSecret: Buffer | string, tokenFingerprint: Buffer) {
    this.key = createHmac("sha256", serverSecret)
      .update("raftscope-session-v1\0")
      .update(tokenFingerprint)
      .digest();
  }

  sign(payload: SessionPayload): string {
    const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
    return `${body}.${this.mac(body).toString("base64url")}`;
  }

  /** The payload of a genuine, unexpired cookie; undefined for anything else. */
  read(value: string | undefined, now: number): SessionPayload | undefined {
    if (!value || value.length > 4096) return undefined;
    const [body, mac, ...rest] = value.split(".");
    if (!body || !mac || rest.length > 0) return undefined;
    const presented = Buffer.from(mac, "base64url");
    const expected = this.mac(body);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    const parsed = sessionPayloadSchema.safeParse(json);
    return parsed.success && isSessionCurrent(parsed.data, now) ? parsed.data : undefined;
  }

  private mac(body: string): Buffer {
    return createHmac("sha256", this.key).update(body).digest();
  }
}
