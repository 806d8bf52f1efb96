import type { DecodedValue } from "@/lib/keys/decode/decoded-value";
import { base64ToBytes } from "@/lib/keys/key-bytes";
import { EncryptedValueView } from "./encrypted-value-view";
import { HexDumpView } from "./hex-dump-view";
import { JsonTree } from "./json-tree";
import { KubernetesObjectView } from "./kubernetes-object-view";
import { ScrollRegion } from "./scroll-region";

const region = "max-h-[60vh] rounded-md bg-slate-50 p-3 dark:bg-slate-950";
const pre = "whitespace-pre-wrap break-all font-mono text-sm";

/** A decoded value in the view its format calls for. Everything renders as text: never as HTML. */
export function DecodedView({ decoded }: { decoded: DecodedValue }) {
  return (
    <div className="flex flex-col gap-2">
      {decoded.note && (
        <p role="note" className="text-sm text-amber-800 dark:text-amber-200">
          {decoded.note}
        </p>
      )}
      {(() => {
        switch (decoded.format) {
          case "text":
            return (
              <ScrollRegion label="Value as text" className={region}>
                <pre className={pre}>{decoded.text}</pre>
              </ScrollRegion>
            );
          case "yaml":
            return (
              <ScrollRegion label="Value as YAML" className={region}>
                <pre className={pre}>{decoded.text}</pre>
              </ScrollRegion>
            );
          case "json":
            return <JsonTree value={decoded.value} />;
          case "kubernetes":
            return <KubernetesObjectView value={decoded} />;
          case "encrypted":
            return <EncryptedValueView value={decoded} />;
          case "binary":
            return <HexDumpView bytes={base64ToBytes(decoded.base64) ?? new Uint8Array()} />;
        }
      })()}
    </div>
  );
}
