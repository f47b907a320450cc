#!/bin/bash
# deps.sh: installs the Debian 12 packages Amiable needs to build, run and test (only the missing ones)
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libssl-dev libsecret-1-dev
  libxml2-utils desktop-file-utils appstream glib-networking
  # run headless, screenshots
  librsvg2-common adwaita-icon-theme
  xvfb xauth dbus dbus-x11 at-spi2-core imagemagick
)
if [ "${1:-}" = "--tests" ]; then
  packages+=(
    # tests: awscli drives the sandbox, gnome-keyring for libsecret, clang for the fuzzers
    awscli gnome-keyring libsecret-tools clang libclang-rt-14-dev llvm
    # mesa's GL drivers, which many desktop packages pull in: installed everywhere, so every
    # machine runs the UI tests with the same GL stack (the tests turn GL off: GDK_DEBUG)
    libgl1-mesa-dri libegl-mesa0
    # benchmarks: amiable-bench compare times botocore's own EC2 parser
    python3-botocore
  )
fi

if ! command -v node >/dev/null && [ "${1:-}" = "--tests" ]; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

install_sdk () {
  # The sandbox's conformance tests for EC2 operations newer than Debian's awscli use the AWS SDK
  # for JavaScript v3, installed from npm into tests/sandbox/sdk (ignored by git).
  [ "${1:-}" = "--tests" ] || return 0
  local sdk
  sdk="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/sandbox/sdk"
  [ -f "$sdk/node_modules/@aws-sdk/client-ec2/package.json" ] && return 0
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "error: Node.js and npm are needed for the SDK conformance tests (apt-get install nodejs npm)" >&2
    return 1
  fi
  echo "Installing @aws-sdk/client-ec2 from npm into $sdk"
  mkdir -p "$sdk"
  (cd "$sdk" && npm i --no-save --no-package-lock --no-audit --no-fund @aws-sdk/client-ec2 >/dev/null)
}

if [ ${#missing[@]} -eq 0 ]; then
  install_sdk "${1:-}"
  exit
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  else
    echo "error: these packages are missing and this is not root and sudo is not installed: ${missing[*]}" >&2
    echo "Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_sdk "${1:-}"
