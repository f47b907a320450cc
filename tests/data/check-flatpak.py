#!/usr/bin/python3
# check-flatpak.py: the Flatpak manifest parses and asks for what Amiable needs, and no more
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

path = sys.argv[1]
with open(path) as f:
    manifest = json.load(f)

errors = []
def expect(cond, what):
    if not cond:
        errors.append(what)

expect(manifest.get('id') == 'io.github.amiable.Amiable', 'id is io.github.amiable.Amiable')
expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')
try:
    # GNOME 49 is the oldest runtime Flathub still supports; the code keeps Debian 12's floor.
    expect(int(str(manifest.get('runtime-version'))) >= 49, 'runtime-version is 49 or later')
except ValueError:
    errors.append('runtime-version is a number (49 or later)')
expect(manifest.get('command') == 'amiable', 'command is amiable')
args = manifest.get('finish-args', [])
for needed in ['--share=network', '--socket=wayland', '--socket=fallback-x11', '--device=dri',
               '--share=ipc', '--filesystem=~/.aws:ro',
               # credential_process commands run on the host through flatpak-spawn --host
               '--talk-name=org.freedesktop.Flatpak']:
    expect(needed in args, f'finish-args has {needed}')
expect(not any(a in ('--filesystem=home', '--filesystem=host') for a in args), 'no whole-home or host access')
# ~/.aws only read-only: no second grant of it (or of a folder holding it) that could write.
for a in args:
    if a.startswith('--filesystem='):
        target = a[len('--filesystem='):]
        place, _, mode = target.partition(':')
        holds_aws = place.rstrip('/') in ('~/.aws', 'home', 'host', 'host-os', '~') or place.startswith('~/.aws/')
        expect(not holds_aws or mode == 'ro', f'{a} must be read-only (~/.aws is only read)')
modules = manifest.get('modules', [])
expect(any(isinstance(m, dict) and m.get('name') == 'amiable' and m.get('buildsystem') == 'meson'
           for m in modules), 'an amiable module built with meson')
for m in modules:
    if isinstance(m, dict) and m.get('name') == 'amiable':
        expect('-Dtests=false' in m.get('config-opts', []), 'the app module builds without tests')
        expect(any(s.get('type') in ('dir', 'git') for s in m.get('sources', [])), 'the app module has a dir or git source')

for e in errors:
    print('missing:', e)
print('flatpak manifest ok' if not errors else f'{len(errors)} problem(s) in {path}')
sys.exit(1 if errors else 0)
