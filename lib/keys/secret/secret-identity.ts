import { z } from "zod";

/** How the Secret was stored: kube-apiserver writes protobuf or JSON; YAML comes from other tools. */
export const secretEncodingSchema = z.enum(["protobuf", "json", "yaml", "unparsed"]);

/**
 * A Kubernetes Secret without its contents: who it is and what it holds, never a value.
 * Sizes are in bytes (a data value's size is that of its decoded bytes, as `kubectl describe`
 * prints them). A label or annotation whose value would reveal the data is withheld: `value`
 * null, only its size (kubectl's last-applied-configuration annotation holds the whole Secret).
 */
export const secretIdentitySchema = z.object({
  encoding: secretEncodingSchema,
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  creationTimestamp: z.string().optional(),
  /** The Secret's `type`, e.g. Opaque or kubernetes.io/tls. */
  type: z.string().optional(),
  immutable: z.boolean().optional(),
  labels: z.array(z.object({ name: z.string(), value: z.string().nullable(), size: z.number() })),
  annotations: z.array(
    z.object({ name: z.string(), value: z.string().nullable(), size: z.number() }),
  ),
  /** `data` and `stringData` keys, each with its value's size, sorted by key. */
  data: z.array(z.object({ key: z.string(), size: z.number() })),
  /** Why the identity is partial, e.g. the object is malformed after its type. */
  note: z.string().optional(),
});

export type SecretIdentity = z.infer<typeof secretIdentitySchema>;
export type SecretMetadataEntry = SecretIdentity["labels"][number];

/** True for the type of a core v1 Secret; an absent apiVersion is taken as v1, to err on the safe side. */
export function isCoreSecretType(apiVersion: unknown, kind: unknown): boolean {
  return (
    kind === "Secret" &&
    (apiVersion === undefined ||
      apiVersion === "" ||
      apiVersion === "v1" ||
      apiVersion === "core/v1")
  );
}
