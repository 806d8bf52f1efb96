// Completes the production bundle after `next build` (`npm run build` runs both): Next's
// `output: "standalone"` leaves the server and the node_modules it uses in .next/standalone;
// this adds the static assets, public/, and the start script that stamps each request's peer
// address (scripts/start.mjs) as `server.mjs`, and removes Next's own server.js, which would
// serve without that stamp. The folder then runs on its own: `node server.mjs`.
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = path.join(root, ".next", "standalone");
if (!existsSync(path.join(bundle, ".next", "BUILD_ID"))) {
  console.error(`raftscope: no standalone build in ${bundle}: run \`npx next build\` first`);
  process.exit(1);
}

cpSync(path.join(root, ".next", "static"), path.join(bundle, ".next", "static"), {
  recursive: true,
});
cpSync(path.join(root, "public"), path.join(bundle, "public"), { recursive: true });
for (const file of ["scripts/start.mjs", "lib/log/log-line.mjs"]) {
  cpSync(path.join(root, file), path.join(bundle, file));
}
writeFileSync(
  path.join(bundle, "server.mjs"),
  '// Raftscope\'s production server: `node server.mjs [-p PORT] [-H HOSTNAME]`.\nimport "./scripts/start.mjs";\n',
);
rmSync(path.join(bundle, "server.js"), { force: true });

function sizeOf(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const entry of readdirSync(p)) total += sizeOf(path.join(p, entry));
  return total;
}
const mib = (sizeOf(bundle) / 1024 / 1024).toFixed(1);
console.log(
  `raftscope: bundle in ${path.relative(root, bundle)} (${mib} MiB); start it with \`node server.mjs\``,
);
