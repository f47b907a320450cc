#!/bin/bash
# ui-test-display.sh: runs one UI test on an X server of its own, so UI tests can run side by side
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: ui-test-display.sh PROGRAM [ARGS...]   (tests/ui/meson.build runs every UI test so)
# Each test gets a fresh Xvfb: no test sees another's windows, keyboard focus or pointer, the
# same as when the tests ran one after the other on one display. Xvfb picks a free display
# number itself (-displayfd), so two starting at once never race for the same one. Without
# Xvfb (a developer's desktop session), the test runs on the display it was given.
set -u

if ! command -v Xvfb >/dev/null; then
  exec "$@"
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/amiable-xvfb.XXXXXX")"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
cleanup () {
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap 'cleanup; exit 143' TERM INT

# Xvfb writes the number once it accepts connections (within a second or two, even under load).
for _ in $(seq 1 600); do
  grep -q '^[0-9][0-9]*$' "$dir/display" 2>/dev/null && break
  if ! kill -0 "$xvfb" 2>/dev/null; then
    echo "ui-test-display.sh: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    rm -rf "$dir"
    exit 1
  fi
  sleep 0.05
done
if ! grep -q '^[0-9][0-9]*$' "$dir/display" 2>/dev/null; then
  echo "ui-test-display.sh: Xvfb gave no display number within 30 s" >&2
  cleanup
  exit 1
fi

DISPLAY=":$(cat "$dir/display")" "$@"
rc=$?
cleanup
exit $rc
