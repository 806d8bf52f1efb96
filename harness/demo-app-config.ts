import { BINARY_KEY, seededKeys } from "./demo-keys";
import type { Put } from "./demo-support";

/**
 * A plain application config tree beside the Kubernetes keys, with the cases a key browser must
 * survive: YAML and text values, a root-level key, a space and `%` in a name, a name that is not
 * UTF-8, a name that is HTML, and a value that is not UTF-8.
 */
export function putAppConfig(put: Put): void {
  put(
    seededKeys.yaml,
    "# payments service runtime configuration\nserver:\n  port: 8080\n  readTimeout: 5s\nretries:\n  max: 3\n  backoff: 250ms\ncurrencies: [EUR, USD, GBP]\n",
  );
  put(
    "/config/payments/limits.yaml",
    "perCustomer:\n  daily: 10000\n  single: 2500\nperMerchant:\n  daily: 250000\n",
  );
  put(
    seededKeys.text,
    "Scheduled maintenance: Sunday 02:00–03:00 UTC.\nPayments may be delayed by up to 5 minutes.\n",
  );
  put("/config/payments/endpoints/ledger", "http://ledger.payments.svc:8080");
  put(seededKeys.spaceAndPercent, "100");
  // 0xff and 0xfe never occur in UTF-8; 0xc3 0x28 is a truncated two-byte sequence.
  put(
    seededKeys.invalidUtf8,
    Buffer.concat([Buffer.from("legacy:"), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00, 0x9f])]),
  );
  put("/config/checkout/currency", "EUR");
  put(
    seededKeys.rootLevel,
    `${JSON.stringify({ newCheckout: true, fraudScorerV2: false, rolloutPercent: 25 }, null, 2)}\n`,
  );
  put(BINARY_KEY, "a value under a key that is not UTF-8");
  put(seededKeys.html, '<img src=x onerror="alert(2)">');
}
