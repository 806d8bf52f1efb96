import { describe, expect, it } from "vitest";
import { alertInputs } from "../../alerts/scraped-series";
import { type EtcdCaptureName, loadEtcdCapture } from "../metrics/fixtures/etcd-captures";
import { readPrometheusSeries } from "../metrics/read-prometheus-series";
import { scrapeFamilies } from "./scrape-families";

describe("scrapeFamilies", () => {
  it.each<EtcdCaptureName>(["leader-b", "follower-restarted"])(
    "keeps every series the alert rules read from a real etcd body (%s)",
    (name) => {
      const { text } = loadEtcdCapture(name);
      const all = readPrometheusSeries(text).filter((s) => Object.hasOwn(alertInputs, s.name));
      const kept = readPrometheusSeries(text, scrapeFamilies).filter((s) =>
        Object.hasOwn(alertInputs, s.name),
      );
      expect(kept).toEqual(all);
      // etcd exposes etcd_network_peer_sent_failures_total only after a first failure.
      expect(new Set(kept.map((s) => s.name)).size).toBeGreaterThanOrEqual(
        Object.keys(alertInputs).length - 1,
      );
    },
  );
});
