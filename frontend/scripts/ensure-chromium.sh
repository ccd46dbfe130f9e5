#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the Playwright tests (which never download a
# browser of their own). Idempotent: does nothing when Chromium is already installed.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

fail() {
  echo "[ensure-chromium] ERROR: $*" >&2
  echo "[ensure-chromium] Install it yourself with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and apt-get is not available (not a Debian/Ubuntu machine)."

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "$CHROMIUM is missing, and installing it needs root (not root, and sudo is unavailable or asks for a password)."
fi

echo "[ensure-chromium] $CHROMIUM is missing; installing Debian's chromium package..."
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
  || fail "apt-get update failed."
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
  || fail "apt-get install chromium failed."

[ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM does not exist."
echo "[ensure-chromium] installed: $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
