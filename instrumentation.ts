/** Checks auth and starts the pollers once per server process; refuses to start on bad settings. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Auth first: a server that would start open by mistake must not start at all.
  const { startAuth } = await import("./lib/server/auth/start-auth");
  startAuth();
  const { startRuntime } = await import("./lib/server/start-runtime");
  await startRuntime();
}
