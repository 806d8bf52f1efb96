/** A key whose name is not valid UTF-8 (a NUL, 0xff, 0xfe and a lone continuation byte). */
export const BINARY_KEY = Buffer.concat([
  Buffer.from("/config/binary/"),
  Buffer.from([0x00, 0xff, 0xfe, 0x80]),
  Buffer.from("-key"),
]);

/** Keys the e2e tests and the demo point at. Every one of them is written by seedDemoData. */
export const seededKeys = {
  namespace: "/registry/namespaces/payments",
  deployment: "/registry/deployments/payments/payments-api",
  configMap: "/registry/configmaps/payments/payments-api-config",
  lease: "/registry/leases/kube-system/kube-controller-manager",
  secret: "/registry/secrets/payments/payments-db-credentials",
  encrypted: {
    aescbc: "/registry/secrets/payments/ledger-signing-key",
    aesgcm: "/registry/secrets/checkout/session-secret",
    secretbox: "/registry/secrets/ingress-nginx/ingress-nginx-admission",
    kmsV2: "/registry/secrets/kube-system/cloud-provider-credentials",
  },
  crd: "/registry/apiextensions.k8s.io/customresourcedefinitions/servicemonitors.monitoring.coreos.com",
  customResource: "/registry/monitoring.coreos.com/servicemonitors/payments/payments-api",
  yaml: "/config/payments/app.yaml",
  text: "/config/payments/banner.txt",
  rootLevel: "feature-flags",
  spaceAndPercent: "/config/payments/rate limit 100%",
  html: "<script>alert(1)</script>",
  invalidUtf8: "/config/payments/legacy-blob",
  /** BINARY_KEY as lowercase hex, for places that cannot hold raw bytes. */
  binaryHex: BINARY_KEY.toString("hex"),
} as const;
