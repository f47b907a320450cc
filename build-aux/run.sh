#!/bin/bash
# run.sh: installs what is missing, builds Amiable into _build and starts it on the built-in sandbox.
# With no display it runs the app under Xvfb, saves a screenshot of the window once it has painted
# its first listing and prints its path (AMIABLE_SCREENSHOT_TIMEOUT: seconds to wait, default 180).
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

# Headless: show what the app looks like instead. The window saves itself once it has painted
# its first listing (AMIABLE_SCREENSHOT), however long a busy machine takes to get there.
shots="$top/_build/screenshots"
mkdir -p "$shots"
shot="$shots/amiable-$(date +%Y%m%d-%H%M%S).png"
wait_s="${AMIABLE_SCREENSHOT_TIMEOUT:-180}"
export GTK_A11Y=none
export GSETTINGS_BACKEND=memory
export AMIABLE_SCREENSHOT="$shot" AMIABLE_SCREENSHOT_TIMEOUT="$wait_s"
status=0
# The app gives up by itself after $wait_s s; the outer limit only catches a hang.
timeout --kill-after=10 $((wait_s + 60)) \
  xvfb-run -a -s "-screen 0 1280x800x24" "$top/_build/src/amiable" || status=$?
if [ ! -s "$shot" ]; then
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "error: Amiable did not finish within $((wait_s + 60)) s under Xvfb, so no screenshot was taken" >&2
  else
    echo "error: Amiable did not show its first listing under Xvfb (exit status $status; its message is above)," >&2
  fi
  echo "       so there is no screenshot. Run it on a display to see what happens: build-aux/run.sh" >&2
  exit 1
fi
echo "No display: Amiable ran under Xvfb. Screenshot of its first listing: $shot"
