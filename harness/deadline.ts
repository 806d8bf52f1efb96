import { setTimeout as sleep } from "node:timers/promises";
import { HarnessError, type HarnessErrorCode } from "./harness-error";

export { sleep };

/** Resolves like `promise`, or rejects with `message` once `ms` have passed. */
export async function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
  code: HarnessErrorCode = "TIMEOUT",
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(code, message)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Seconds for error messages: 20000 → "20 s". */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
