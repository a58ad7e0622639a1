#!/bin/sh
# The browser tests and `npm run screenshots` drive Debian's chromium through playwright-core
# (which never downloads a browser of its own). Installs it when missing; as root apt-get runs
# directly, otherwise through password-less sudo.
set -eu
CHROMIUM="${CX_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$CHROMIUM" ]
