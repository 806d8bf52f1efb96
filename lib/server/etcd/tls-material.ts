import "server-only";

/** The client certificate, key and CA; never sent anywhere but the TLS handshake. */
export interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}
