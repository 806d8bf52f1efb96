import type { DecodedValue } from "@/lib/keys/decode/decoded-value";

/** Who encrypted a value at rest, and with which key; Raftscope never decrypts. */
export function EncryptedValueView({
  value,
}: {
  value: Extract<DecodedValue, { format: "encrypted" }>;
}) {
  const kms = value.provider === "kms";
  return (
    <div
      role="note"
      aria-label="Encrypted value"
      className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p className="font-semibold">
        Encrypted with provider {value.provider} ({value.providerVersion}),{" "}
        {kms ? "KMS plugin" : "key"} {value.keyName}
      </p>
      <p>
        {value.kmsKeyId ? `Key encryption key ${value.kmsKeyId}. ` : ""}
        {value.ciphertextBytes.toLocaleString("en")} bytes of ciphertext; Raftscope does not decrypt
        values.
      </p>
    </div>
  );
}
