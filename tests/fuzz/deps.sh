#!/bin/sh
# Installs what `make fuzz` needs beyond tools/deps.sh: clang and its
# sanitizer and libFuzzer runtimes.  Kept apart from tools/deps.sh because
# neither the build nor `make test` needs them.  Does nothing when present.
set -eu

PKGS="clang libclang-rt-dev"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

echo "fuzz deps: installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "fuzz deps: not root; run as root: apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
