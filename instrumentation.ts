/** Starts the pollers once per server process, and refuses to start on a bad config. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRuntime } = await import("./lib/server/start-runtime");
  startRuntime();
}
