#!/usr/bin/env bash
# Install everything the tests need, then run them: the Python test extra, and Debian's
# headless Chromium for the report test (skipped when it is already there).
set -euo pipefail
cd "$(dirname "$0")/.."
pip install -q -e ".[test]"
if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    echo "installing chromium (Debian package) for the report test" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
exec pytest "$@"
