import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eventTypes } from "../events/cluster-event";
import {
  clusterHealthSchema,
  healthWarningSchema,
  memberViewSchema,
  warningCodeSchema,
} from "./cluster-health";

const readme = readFileSync(path.join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const contract = readme.slice(
  readme.indexOf("The health verdict:"),
  readme.indexOf("## How it works"),
);

describe("README's verdict contract", () => {
  it("names every warning code", () => {
    const missing = warningCodeSchema.options.filter((code) => !contract.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it("names every event type", () => {
    expect(eventTypes.filter((t) => !contract.includes(`\`${t}\``))).toEqual([]);
  });

  it("names every field of the verdict, of a member and of a warning", () => {
    const fields = [
      ...Object.keys(clusterHealthSchema.shape),
      ...Object.keys(memberViewSchema.shape),
      ...Object.keys(healthWarningSchema.shape),
    ];
    expect(fields.filter((f) => !new RegExp(`\\b${f}\\b`).test(contract))).toEqual([]);
  });
});
