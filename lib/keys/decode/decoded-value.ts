import { z } from "zod";

export const valueFormats = ["text", "json", "yaml", "kubernetes", "encrypted", "binary"] as const;
export const valueFormatSchema = z.enum(valueFormats);
export type ValueFormat = z.infer<typeof valueFormatSchema>;

/** One field of a protobuf message decoded without its schema, as `protoc --decode_raw` would. */
export interface ProtoField {
  field: number;
  wire: "varint" | "fixed64" | "fixed32" | "bytes";
  /** Numbers as decimal text: a uint64 does not fit a JavaScript number. */
  value?: string;
  /** A length-delimited field that is printable UTF-8. */
  text?: string;
  /** A length-delimited field that parses as a message. */
  message?: ProtoField[];
  /** Other length-delimited fields: the first bytes, as hex. */
  hex?: string;
  /** Length of a length-delimited field, in bytes. */
  size?: number;
}

export const protoFieldSchema: z.ZodType<ProtoField> = z.lazy(() =>
  z.object({
    field: z.number(),
    wire: z.enum(["varint", "fixed64", "fixed32", "bytes"]),
    value: z.string().optional(),
    text: z.string().optional(),
    message: z.array(protoFieldSchema).optional(),
    hex: z.string().optional(),
    size: z.number().optional(),
  }),
);

/** Why a value is shown in another format than asked for or detected, e.g. "not valid UTF-8". */
const note = z.string().optional();

export const decodedValueSchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("text"), text: z.string(), note }),
  z.object({ format: z.literal("json"), value: z.json(), note }),
  z.object({ format: z.literal("yaml"), text: z.string(), note }),
  z.object({
    format: z.literal("kubernetes"),
    apiVersion: z.string(),
    kind: z.string(),
    contentType: z.string(),
    contentEncoding: z.string(),
    /** ObjectMeta's name, namespace, uid and creation time, when the object has them. */
    object: z.object({
      name: z.string().optional(),
      namespace: z.string().optional(),
      uid: z.string().optional(),
      creationTimestamp: z.string().optional(),
    }),
    rawSize: z.number(),
    fields: z.array(protoFieldSchema),
    /** The inner bytes when they are not protobuf (a type Raftscope cannot read): shown as hex. */
    rawBase64: z.string().optional(),
    note,
  }),
  z.object({
    format: z.literal("encrypted"),
    /** EncryptionConfiguration provider: aescbc, aesgcm, secretbox, kms. */
    provider: z.string(),
    providerVersion: z.string(),
    /** The key's name in the EncryptionConfiguration, or the KMS plugin's name. */
    keyName: z.string(),
    /** KMS v2's key id from the EncryptedObject, when readable. */
    kmsKeyId: z.string().optional(),
    ciphertextBytes: z.number(),
    note,
  }),
  z.object({ format: z.literal("binary"), base64: z.string(), note }),
]);

export type DecodedValue = z.infer<typeof decodedValueSchema>;
