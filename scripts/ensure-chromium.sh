#!/bin/sh
# Install Debian's Chromium (used by the Playwright browser tests) only when it is missing.
# Playwright cannot download its own browser here, so the tests launch /usr/bin/chromium.
set -e
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
echo "installing chromium with apt-get (for the browser tests)..." >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "error: chromium did not install; browser tests will be skipped" >&2; exit 1; }
