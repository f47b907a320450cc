#!/bin/bash
# test-session.sh: inside a private D-Bus session, unlock a throwaway keyring and run meson test
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
if command -v gnome-keyring-daemon >/dev/null; then
  # A private keyring in the test's own home, unlocked with a throwaway password.
  eval "$(printf 'amiable-test-keyring' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
exec meson test "$@"
