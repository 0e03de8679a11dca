#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (nothing downloads a browser of its own here).
# Installs it, with CJK fonts so screenshots show Chinese and the build can draw its link
# previews (src/build/previews.ts), when it is not there yet.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
echo "installed: $(chromium --version)"
