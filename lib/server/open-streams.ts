import "server-only";

// On globalThis: the stream route and the drain (run from instrumentation) are separate bundles.
const globalForStreams = globalThis as unknown as { raftscopeOpenStreams?: Set<() => void> };

function streams(): Set<() => void> {
  globalForStreams.raftscopeOpenStreams ??= new Set();
  return globalForStreams.raftscopeOpenStreams;
}

/**
 * Registers an open event stream's `close` (which ends the response cleanly); returns the
 * function that unregisters it. A stream opened after the drain began is closed at once.
 */
export function trackStream(close: () => void, draining: boolean): () => void {
  if (draining) {
    close();
    return () => {};
  }
  const set = streams();
  set.add(close);
  return () => set.delete(close);
}

/** Ends every open event stream; returns how many there were. */
export function closeOpenStreams(): number {
  const set = streams();
  const closers = [...set];
  set.clear();
  for (const close of closers) close();
  return closers.length;
}
