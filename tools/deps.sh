#!/bin/sh
# Installs the Debian packages kg needs to build, test and run, and nothing
# else; does nothing when they are all present.  Needs root (apt-get) only when
# something is missing.
set -eu

PKGS="make gcc libc6-dev pkg-config ca-certificates
libigraph-dev libjansson-dev libgraphviz-dev graphviz libcmocka-dev
iso-codes libutf8proc-dev wordnet-base wamerican ruby-ffaker
python3 valgrind parallel nodejs $(command -v npm >/dev/null 2>&1 || echo npm)
g++ man-db"
# the HTML page's browser test (tests/browser/graph_page.mjs)
PKGS="$PKGS chromium"

# The npm packages the HTML page is bundled from, as web/package-lock.json
# pins them; installed once, when web/node_modules is missing.
web_packages() {
    web="$(cd "$(dirname "$0")/.." && pwd)/web"
    [ -d "$web/node_modules" ] && return 0
    echo "deps: npm ci in web/" >&2
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
}

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    web_packages
    exit 0
fi

echo "deps: installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: not root; run as root: apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
web_packages
