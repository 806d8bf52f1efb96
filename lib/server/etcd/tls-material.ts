import "server-only";
import { readFileSync } from "node:fs";
import type { TlsFiles } from "../../config/config-schema";

export interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** Reads the client certificate, key and CA; never sent anywhere but the TLS handshake. */
export function readTlsMaterial(files: TlsFiles): TlsMaterial {
  return {
    ca: readFileSync(files.ca),
    cert: readFileSync(files.cert),
    key: readFileSync(files.key),
  };
}
