#!/usr/bin/env bash
# Installs what Raftscope's demo and tests need and is missing: Debian's etcd 3.4 (server and
# etcdctl), Debian's chromium, iptables, prometheus (with promtool) and dnsmasq for the tests
# (with --with-browser), and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--with-browser" ] && want_browser=1

missing=()
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "$want_browser" = 1 ]; then
  # The tests also need iptables: the fault matrix cuts a peer off on loopback.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/sbin/iptables ] || missing+=(iptables)
  # The metrics tests run a real Prometheus on loopback, and promtool checks the rule file.
  [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || missing+=(prometheus)
  # SRV discovery is tested against a real DNS server on loopback.
  [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "raftscope: installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "raftscope: missing ${missing[*]}." >&2
    echo "  Install them as root:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# etcd 3.5 for the test matrix: Debian's sid suite ships 3.5 as a static Go binary that runs on
# bookworm. Fetch and unpack it into .cache/etcd-3.5 without installing it (bookworm's 3.4 stays
# the system etcd), through a private sources list so the system's apt state is untouched.
if [ "$want_browser" = 1 ] && [ ! -x .cache/etcd-3.5/usr/bin/etcd ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "raftscope: fetching etcd 3.5 from Debian sid into .cache/etcd-3.5"
    sid=$(mktemp -d)
    mkdir -p "$sid/lists/partial" "$sid/cache/archives/partial"
    echo "deb http://deb.debian.org/debian sid main" >"$sid/sources.list"
    apt_sid=(-o "Dir::Etc::SourceList=$sid/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$sid/lists" -o "Dir::Cache=$sid/cache" -o APT::Sandbox::User=root)
    apt-get "${apt_sid[@]}" update -qq
    (cd "$sid" && apt-get "${apt_sid[@]}" download etcd-server etcd-client >/dev/null 2>&1)
    rm -rf .cache/etcd-3.5.tmp && mkdir -p .cache/etcd-3.5.tmp
    for deb in "$sid"/etcd-*.deb; do dpkg-deb -x "$deb" .cache/etcd-3.5.tmp; done
    rm -rf .cache/etcd-3.5 && mv .cache/etcd-3.5.tmp .cache/etcd-3.5
    rm -rf "$sid"
    # No pipe into head: under pipefail, etcd's SIGPIPE would fail the install.
    version=$(.cache/etcd-3.5/usr/bin/etcd --version)
    echo "${version%%$'\n'*}"
  else
    echo "raftscope: etcd 3.5 tests need apt-get to fetch Debian sid's etcd 3.5" >&2
    exit 1
  fi
fi

# Browser downloads are not possible here; the tests drive Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "raftscope: installing npm packages"
  # Exactly the locked versions. npm 11's `npm ci` rejects its own lock files when they leave
  # out other platforms' optional binaries, so install from the lock without saving instead.
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
