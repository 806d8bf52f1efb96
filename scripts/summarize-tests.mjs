// Adds up the vitest and Playwright JSON reports and the checks that are not test runners
// (typecheck, lint, build) into the closing line `N passed, N failed`; exits non-zero on any failure.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  const p = path.join(dir, file);
  return existsSync(p) ? JSON.parse(readFileSync(p, "utf8")) : undefined;
}

const failedIn = {};
for (const stage of ["unit", "integration", "integration-etcd-3.5"]) {
  const r = read(`${stage}.json`);
  if (!r) continue;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  failedIn[stage] = r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
const e2e = read("e2e-results.json");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  failedIn.e2e = e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
// Each check that is not a test runner counts once; a runner stage that failed without
// failing a test (it crashed, or its report is missing) counts once too.
for (const stage of failedStages) {
  if ((failedIn[stage] ?? 0) > 0) continue;
  console.log(`stage failed: ${stage}`);
  failed += 1;
}
const checks = ["typecheck", "lint", "build"].filter((s) => !failedStages.includes(s)).length;
passed += checks;

console.log("");
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
