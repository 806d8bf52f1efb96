import type { DecodedValue } from "@/lib/keys/decode/decoded-value";
import { base64ToBytes } from "@/lib/keys/key-bytes";
import { HexDumpView } from "./hex-dump-view";
import { ProtoFieldTree } from "./proto-field-tree";
import { ScrollRegion } from "./scroll-region";

/** A Kubernetes object from its protobuf envelope: kind, apiVersion, metadata, then every field. */
export function KubernetesObjectView({
  value,
}: {
  value: Extract<DecodedValue, { format: "kubernetes" }>;
}) {
  const facts: Array<[string, string | undefined]> = [
    ["Kind", value.kind || "(not set)"],
    ["API version", value.apiVersion || "(not set)"],
    ["Name", value.object.name],
    ["Namespace", value.object.namespace],
    ["UID", value.object.uid],
    ["Created", value.object.creationTimestamp],
    ["Content type", value.contentType || undefined],
  ];
  return (
    <div className="flex flex-col gap-3">
      <dl
        aria-label="Kubernetes object"
        className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-md border border-slate-200 p-3 text-sm sm:grid-cols-2 dark:border-slate-700"
      >
        {facts
          .filter((f): f is [string, string] => f[1] !== undefined)
          .map(([label, text]) => (
            <div key={label}>
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="break-all font-mono">{text}</dd>
            </div>
          ))}
      </dl>
      {value.rawBase64 !== undefined ? (
        <HexDumpView bytes={base64ToBytes(value.rawBase64) ?? new Uint8Array()} />
      ) : (
        <ScrollRegion
          label="Protobuf fields"
          className="max-h-[50vh] rounded-md bg-slate-50 p-3 font-mono text-sm dark:bg-slate-950"
        >
          <p className="mb-1 font-sans text-slate-600 dark:text-slate-400">
            The object&apos;s {value.rawSize.toLocaleString("en")} bytes, decoded without its
            schema:
          </p>
          <ProtoFieldTree fields={value.fields} />
        </ScrollRegion>
      )}
    </div>
  );
}
