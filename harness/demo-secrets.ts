import { seededKeys } from "./demo-keys";
import { DAY, demoMeta, type Put } from "./demo-support";
import * as k8s from "./k8s-objects";
import { type EncryptionProvider, encryptedAtRest } from "./k8s-storage";

/**
 * Secrets as kube-apiserver stores them without encryption at rest (protobuf, data in the clear)
 * and with each EncryptionConfiguration provider: aescbc, aesgcm, secretbox and KMS v2.
 */
export function putSecrets(put: Put, now: number): void {
  // Plain secrets hold obviously fake data: this keyspace is shown in screenshots.
  const plain: Array<[string, string, string, Record<string, string>]> = [
    [
      "payments",
      "payments-db-credentials",
      "Opaque",
      { username: "payments_app", password: "not-a-real-password-demo-only" },
    ],
    ["checkout", "cart-redis", "Opaque", { url: "redis://cart-redis.checkout.svc:6379/0" }],
    [
      "monitoring",
      "grafana-datasources",
      "Opaque",
      { "datasources.yaml": "apiVersion: 1\ndatasources: []\n" },
    ],
    [
      "kube-system",
      "bootstrap-token-abcdef",
      "bootstrap.kubernetes.io/token",
      {
        "token-id": "abcdef",
        "token-secret": "0123456789abcdef",
        "usage-bootstrap-signing": "true",
      },
    ],
  ];
  for (const [namespace, name, type, data] of plain) {
    put(
      `/registry/secrets/${namespace}/${name}`,
      k8s.secret(demoMeta("Secret", name, namespace, now - 6 * DAY), type, data),
    );
  }
  const encrypted: Array<[string, EncryptionProvider]> = [
    [seededKeys.encrypted.aescbc, { kind: "aescbc", key: "key1" }],
    ["/registry/secrets/payments/fraud-model-token", { kind: "aescbc", key: "key1" }],
    ["/registry/secrets/monitoring/grafana-admin", { kind: "aescbc", key: "key1" }],
    [seededKeys.encrypted.aesgcm, { kind: "aesgcm", key: "key2" }],
    [seededKeys.encrypted.secretbox, { kind: "secretbox", key: "key3" }],
    [seededKeys.encrypted.kmsV2, { kind: "kms-v2", provider: "my-kms" }],
  ];
  for (const [key, provider] of encrypted) put(key, encryptedAtRest(provider, key));
}
