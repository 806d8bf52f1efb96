import { z } from "zod";
import { authUserSchema } from "./auth-user";

/** `POST /api/auth/login` body. The bound keeps a hostile body from costing a large hash. */
export const loginRequestSchema = z.strictObject({
  token: z
    .string({ error: "token must be a string" })
    .min(1, "token must not be empty")
    .max(1024, "token must be at most 1024 characters"),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** `POST /api/auth/login` answer; the session itself travels only in the HttpOnly cookie. */
export const loginResponseSchema = z.object({
  user: authUserSchema,
  expiresAt: z.iso.datetime(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
