// zod 4 probes for eval with `new Function("")` when it builds its first object schema, as
// client modules load. The probe is caught, but under this CSP the browser still reports it as
// a violation. zod reads its config from this global, so setting `jitless` here, before any
// bundle runs, skips the probe; schemas then parse without generated code.
const script =
  "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true})";

/** Inline script for the root layout's head; it needs the request's CSP nonce to run. */
export function ZodCspScript({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      nonce={nonce}
      // Browsers hide a nonce from the DOM once applied, so hydration would see it differ.
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input.
      dangerouslySetInnerHTML={{ __html: script }}
    />
  );
}
