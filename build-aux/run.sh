#!/bin/bash
# run.sh: installs what is missing, builds Amiable into _build and starts it on the built-in sandbox.
# With no display it runs the app under Xvfb, saves a screenshot of the window and prints its path.
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

build-aux/deps.sh
log="$(mktemp /tmp/amiable-build.XXXXXX)"
trap 'rm -f "$log"' EXIT
# Quiet when all goes well; the compiler's own words when it does not.
if [ ! -f _build/build.ninja ] && ! meson setup _build >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: meson setup failed (above); fix the cause and run build-aux/run.sh again" >&2
  exit 1
fi
if ! ninja -C _build >"$log" 2>&1; then
  tail -n 80 "$log" >&2
  echo "error: the build failed (above)" >&2
  exit 1
fi

export GSETTINGS_SCHEMA_DIR="$top/_build/data"
export AMIABLE_SANDBOX_PROGRAM="$top/_build/src/sandbox/amiable-sandbox"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$top/_build/src/amiable" "$@"
fi

# Headless: show what the app looks like instead.
shots="$top/_build/screenshots"
mkdir -p "$shots"
shot="$shots/amiable-$(date +%Y%m%d-%H%M%S).png"
export GTK_A11Y=none
export GSETTINGS_BACKEND=memory
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$1" & app=$!
  # Give the window and the sandbox time to come up and paint.
  sleep "${AMIABLE_SCREENSHOT_DELAY:-6}"
  import -window root "$2"
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
' _ "$top/_build/src/amiable" "$shot"
echo "No display: Amiable ran under Xvfb. Screenshot: $shot"
