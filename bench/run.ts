// `npm run bench`: every benchmark in one run; paste the printed tables into docs/benchmarks.md.
import { benchHealth } from "./health";

async function main() {
  console.log("## Health engine\n");
  console.log((await benchHealth()).join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
