/**
 * The answer of a liveness or readiness probe: 200 `{"status":"ok"}` or 503
 * `{"status":"not ok"}`, never cached. Probes are open without a login, so they say nothing else
 * (no cluster names, no reasons): the reasons go to the server log.
 */
export function probeResponse(ok: boolean): Response {
  return Response.json(
    { status: ok ? "ok" : "not ok" },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
