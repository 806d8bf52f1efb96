import "server-only";
import { createPrivateKey } from "node:crypto";
import type { TlsProblem } from "../../tls/tls-diagnosis";

// PKCS#8 "ENCRYPTED PRIVATE KEY" (RFC 5958) and OpenSSL's traditional "Proc-Type: 4,ENCRYPTED".
const ENCRYPTED_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/;

/** True when the PEM private key is passphrase-protected. */
export function isEncryptedKey(key: Buffer): boolean {
  return ENCRYPTED_PEM.test(key.toString("latin1"));
}

export type ClientKey = { key: Buffer } | { key: Buffer; problem: TlsProblem };

/**
 * The client key as gRPC can use it: grpc-js takes no passphrase, so a passphrase-protected key
 * is decrypted here, in memory, into an unencrypted PKCS#8 PEM that never touches the disk.
 * A key that needs a passphrase it was not given, or that the passphrase does not open, comes
 * back as it was with a problem naming the setting to fix; the passphrase never appears in it.
 */
export function clientKey(key: Buffer, passphrase: string | undefined): ClientKey {
  if (!isEncryptedKey(key)) return { key };
  if (passphrase === undefined) {
    return {
      key,
      problem: {
        kind: "other",
        message:
          "tls.key is passphrase-protected (an encrypted private key) and no passphrase was given: put the passphrase in a file only Raftscope's user can read and name it in tls.keyPassphraseFile (or RAFTSCOPE_TLS_KEY_PASSPHRASE_FILE)",
      },
    };
  }
  try {
    const pem = createPrivateKey({ key, passphrase }).export({ format: "pem", type: "pkcs8" });
    return { key: Buffer.from(pem) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return {
      key,
      problem: {
        kind: "other",
        message: `tls.key is passphrase-protected and the passphrase in tls.keyPassphraseFile does not open it (${typeof code === "string" ? code : "bad decrypt"})`,
      },
    };
  }
}
