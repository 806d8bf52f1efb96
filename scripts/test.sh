#!/usr/bin/env bash
# `npm test`: installs what is missing, then typecheck, lint, unit tests, production build,
# integration tests against real etcd, and e2e in Debian's chromium. Every stage runs even when
# an earlier one failed, and the last line counts them all: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh --with-browser || exit 1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NEXT_TELEMETRY_DISABLED=1
# etcd and etcdctl take ETCD_*/ETCDCTL_* from the environment; so would Raftscope's zero-config.
for v in $(compgen -e | grep -E '^(ETCD_|ETCDCTL_|RAFTSCOPE_)' || true); do unset "$v"; done

results=test-results
rm -rf "$results" && mkdir -p "$results"
failed_stages=()

stage() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if ! "$@"; then failed_stages+=("$name"); fi
}

stage typecheck npx tsc --noEmit -p .
stage lint npx biome ci .
stage unit npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
stage build npm run build
stage integration npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"
# The verdict's tests again on etcd 3.5 (what most Kubernetes clusters run): it answers some
# requests differently (learners reject MemberList, /livez and /readyz exist).
stage integration-etcd-3.5 env RAFTSCOPE_ETCD_VERSION=3.5 npx vitest run --project integration \
  integration/harness.test.ts integration/poller.test.ts integration/fault-matrix.test.ts \
  integration/verdict.test.ts integration/member-identity.test.ts integration/learner-traffic.test.ts \
  --reporter=default --reporter=json --outputFile.json="$results/integration-etcd-3.5.json"
stage e2e npx playwright test

node scripts/summarize-tests.mjs "$results" "${failed_stages[@]+"${failed_stages[@]}"}"
