import { seededKeys } from "./demo-keys";
import { DAY, type Put, uid } from "./demo-support";

/** CRDs, custom resources and APIServices, which kube-apiserver stores as JSON, not protobuf. */
export function putJsonObjects(put: Put, now: number): void {
  // kube-apiserver stores CRDs, APIServices and custom resources as JSON, newline-terminated.
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  const created = new Date(now - 30 * DAY).toISOString().replace(/\.\d+Z$/, "Z");
  for (const [group, plural, kind] of [
    ["monitoring.coreos.com", "servicemonitors", "ServiceMonitor"],
    ["monitoring.coreos.com", "prometheuses", "Prometheus"],
    ["cert-manager.io", "certificates", "Certificate"],
  ] as const) {
    const name = `${plural}.${group}`;
    put(
      `/registry/apiextensions.k8s.io/customresourcedefinitions/${name}`,
      json({
        kind: "CustomResourceDefinition",
        apiVersion: "apiextensions.k8s.io/v1",
        metadata: { name, uid: uid(`crd/${name}`), generation: 1, creationTimestamp: created },
        spec: {
          group,
          names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
          scope: "Namespaced",
          versions: [
            {
              name: "v1",
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              },
            },
          ],
          conversion: { strategy: "None" },
        },
        status: {
          conditions: [{ type: "Established", status: "True", reason: "InitialNamesAccepted" }],
          acceptedNames: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
          storedVersions: ["v1"],
        },
      }),
    );
  }
  put(
    seededKeys.customResource,
    json({
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: {
        name: "payments-api",
        namespace: "payments",
        uid: uid("servicemonitor/payments-api"),
        generation: 1,
        creationTimestamp: created,
      },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "payments-api" } },
        endpoints: [{ port: "http", interval: "15s" }],
      },
    }),
  );
  put(
    "/registry/cert-manager.io/certificates/checkout/checkout-tls",
    json({
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: {
        name: "checkout-tls",
        namespace: "checkout",
        uid: uid("certificate/checkout-tls"),
        generation: 2,
        creationTimestamp: created,
      },
      spec: {
        secretName: "checkout-tls",
        dnsNames: ["shop.example.com"],
        issuerRef: { kind: "ClusterIssuer", name: "letsencrypt" },
      },
      status: { notAfter: new Date(now + 60 * DAY).toISOString() },
    }),
  );
  for (const [group, version, priority] of [
    ["apps", "v1", 17800],
    ["monitoring.coreos.com", "v1", 1000],
    ["metrics.k8s.io", "v1beta1", 100],
  ] as const) {
    const name = `${version}.${group}`;
    put(
      `/registry/apiregistration.k8s.io/apiservices/${name}`,
      json({
        kind: "APIService",
        apiVersion: "apiregistration.k8s.io/v1",
        metadata: { name, uid: uid(`apiservice/${name}`), creationTimestamp: created },
        spec: {
          group,
          version,
          groupPriorityMinimum: priority,
          versionPriority: 15,
          ...(group === "metrics.k8s.io"
            ? { service: { namespace: "kube-system", name: "metrics-server", port: 443 } }
            : {}),
        },
        status: { conditions: [{ type: "Available", status: "True", reason: "Local" }] },
      }),
    );
  }
}
