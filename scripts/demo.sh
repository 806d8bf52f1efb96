#!/usr/bin/env bash
# `npm run demo`: installs what is missing, builds the dashboard when the sources changed, then
# runs the demo (a real 3-member etcd cluster with mutual TLS plus the dashboard).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export NEXT_TELEMETRY_DISABLED=1
stamp=.next/raftscope-build-stamp
current=$(git rev-parse HEAD 2>/dev/null || echo unknown)$(git status --porcelain 2>/dev/null | md5sum | cut -c1-8)
if [ ! -f .next/BUILD_ID ] || [ "$(cat "$stamp" 2>/dev/null)" != "$current" ]; then
  echo "raftscope demo: building the dashboard (once per change)…"
  npx next build
  echo "$current" > "$stamp"
fi
exec npx tsx scripts/demo.ts
