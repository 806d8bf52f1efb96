import "server-only";

// On globalThis: instrumentation and the route bundles are separate module graphs in one process.
const globalForDrain = globalThis as unknown as { raftscopeDraining?: boolean };

/** True once SIGTERM started the drain: readiness turns not ok, new streams are refused. */
export function isDraining(): boolean {
  return globalForDrain.raftscopeDraining === true;
}

export function markDraining(): void {
  globalForDrain.raftscopeDraining = true;
}
