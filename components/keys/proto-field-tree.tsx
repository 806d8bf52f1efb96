import type { ProtoField } from "@/lib/keys/decode/decoded-value";

function FieldName({ field }: { field: ProtoField }) {
  return (
    <>
      <span className="text-sky-800 dark:text-sky-300">#{field.field}</span>{" "}
      <span className="text-xs text-slate-500 dark:text-slate-400">{field.wire}</span>{" "}
    </>
  );
}

function Scalar({ field }: { field: ProtoField }) {
  if (field.text !== undefined) {
    return (
      <span className="break-all text-emerald-800 dark:text-emerald-300">
        {JSON.stringify(field.text)}
      </span>
    );
  }
  if (field.hex !== undefined) {
    const more = (field.size ?? 0) > 64 ? ` … (${field.size} B)` : "";
    return <span className="break-all text-slate-700 dark:text-slate-300">{field.hex + more}</span>;
  }
  return <span className="text-violet-800 dark:text-violet-300">{field.value}</span>;
}

/**
 * A schema-less protobuf message: field numbers, wire types and values, with nested messages
 * as disclosure widgets (the top level open, since ObjectMeta, spec and status live there).
 */
export function ProtoFieldTree({ fields, depth = 0 }: { fields: ProtoField[]; depth?: number }) {
  return (
    <ul className={depth > 0 ? "ml-3 border-l border-slate-200 pl-3 dark:border-slate-700" : ""}>
      {fields.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fields repeat; their position is their identity.
        <li key={i} className="py-0.5">
          {f.message ? (
            <details open={depth === 0}>
              <summary className="cursor-pointer">
                <FieldName field={f} />
                <span className="text-slate-500 dark:text-slate-400">
                  message, {f.message.length} fields, {f.size} B
                </span>
              </summary>
              <ProtoFieldTree fields={f.message} depth={depth + 1} />
            </details>
          ) : (
            <>
              <FieldName field={f} />
              <Scalar field={f} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
