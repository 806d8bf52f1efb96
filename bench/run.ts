// `npm run bench`: every benchmark in one run; paste the printed tables into docs/benchmarks.md.
import { benchAlerts } from "./alerts";
import { cleanUp } from "./cleanup";
import { benchEventWindow } from "./event-window";
import { benchHealth } from "./health";
import { benchHistoryMemory } from "./history-memory";
import { benchKeys } from "./keys";
import { benchKeyspace } from "./keyspace";
import { benchLoad } from "./load";
import { benchScale } from "./scale";
import { benchWorstPage } from "./worst-page";

async function main() {
  console.log("## Health engine\n");
  console.log((await benchHealth()).join("\n"));
  console.log("\n## Alert rules\n");
  console.log((await benchAlerts()).join("\n"));
  console.log("\n## Load\n");
  console.log((await benchLoad()).join("\n"));
  console.log("\n## Chart history memory\n");
  console.log((await benchHistoryMemory()).join("\n"));
  console.log("\n## The hour's leader changes, per verdict\n");
  console.log((await benchEventWindow()).join("\n"));
  console.log("\n## Per-process ceiling\n");
  console.log((await benchScale()).join("\n"));
  console.log("\n## Key browser\n");
  console.log((await benchKeys()).join("\n"));
  console.log("\n## Keyspace index\n");
  console.log((await benchKeyspace()).join("\n"));
  console.log("\n## Worst single-request page\n");
  console.log((await benchWorstPage()).join("\n"));
}

main().then(
  () => cleanUp(),
  async (err: unknown) => {
    console.error(err);
    await cleanUp();
    process.exit(1);
  },
);
