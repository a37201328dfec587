#!/bin/sh
# Install Debian's Chromium (used by the Playwright browser tests) only when it is missing.
# Playwright cannot download its own browser here, so the tests launch /usr/bin/chromium.
set -e
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    SUDO=
elif command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
else
    echo "error: chromium is missing and installing it needs root: run 'apt-get install chromium' as root" >&2
    exit 1
fi
echo "installing chromium with apt-get (for the browser tests)..." >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "error: chromium did not install (apt-get install chromium)" >&2; exit 1; }
