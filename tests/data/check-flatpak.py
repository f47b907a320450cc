#!/usr/bin/python3
# check-flatpak.py: the Flatpak manifest builds what meson offers, asks for the minimum, and starts the app
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST MESON_OPTIONS DESKTOP_FILE_IN PROGRAM...
#        check-flatpak.py --self-test MANIFEST MESON_OPTIONS DESKTOP_FILE_IN PROGRAM...
# Checks, beyond the JSON syntax:
#  - the ids, a runtime Flathub supports (GNOME 49 or later), the command;
#  - every -D option a module of this project passes exists in meson_options.txt (or is one of
#    meson's own) with a value of its type;
#  - finish-args are exactly the minimum Amiable needs, each for a stated reason;
#  - the desktop file's Exec starts the manifest's command, a program the project installs;
#  - the rules of Flathub's linter (flatpak-builder-lint toplevel, modules, finish-args, appid
#    checks) that apply to the manifest offline.
# --self-test breaks a copy of the manifest in each of these ways and expects each to be caught.
import copy
import json
import os
import re
import sys

APP_ID = 'io.github.amiable.Amiable'
MIN_RUNTIME = 49

# The minimum Amiable needs, and why. Anything else is refused.
NEEDED = {
    '--share=network': 'EC2, STS and IAM Identity Center endpoints',
    '--share=ipc': 'X11 shared memory, with the X11 fallback',
    '--socket=wayland': 'the window',
    '--socket=fallback-x11': 'the window where there is no Wayland',
    '--device=dri': "GTK's GL renderer",
    '--filesystem=~/.aws:ro': "the AWS CLI's profiles and IAM Identity Center token cache, read only",
    # Flathub's linter reports finish-args-flatpak-spawn-access: this one needs an exception,
    # asked for with the reason below.
    '--talk-name=org.freedesktop.Flatpak':
        'credential_process commands (aws-vault, granted, password managers) run on the host',
}
# Keys typed into Preferences go through libsecret's simple API, which inside a Flatpak uses the
# Secret portal: no talk-name for org.freedesktop.secrets is needed.

# meson's own options a module may set (meson setup --help, meson 1.x).
MESON_BUILTINS = {
    'prefix', 'bindir', 'datadir', 'includedir', 'libdir', 'libexecdir', 'localedir',
    'localstatedir', 'mandir', 'sbindir', 'sharedstatedir', 'sysconfdir', 'auto_features',
    'backend', 'buildtype', 'debug', 'default_library', 'errorlogs', 'install_umask', 'layout',
    'optimization', 'pkg_config_path', 'prefer_static', 'stdsplit', 'strip', 'unity',
    'unity_size', 'warning_level', 'werror', 'wrap_mode', 'force_fallback_for', 'b_asneeded',
    'b_colorout', 'b_coverage', 'b_lto', 'b_lto_threads', 'b_lundef', 'b_ndebug', 'b_pch',
    'b_pgo', 'b_pie', 'b_sanitize', 'b_staticpic', 'c_args', 'c_link_args', 'c_std',
}


def meson_options(path):
    """{name: (type, choices or None)} of meson_options.txt."""
    text = open(path, encoding='utf-8').read()
    options = {}
    for m in re.finditer(r"option\s*\(\s*'([^']+)'(.*?)\)\s*$", text, re.M | re.S):
        kind = re.search(r"type\s*:\s*'([^']+)'", m.group(2))
        choices = re.search(r"choices\s*:\s*\[([^\]]*)\]", m.group(2))
        options[m.group(1)] = (kind.group(1) if kind else None,
                               re.findall(r"'([^']*)'", choices.group(1)) if choices else None)
    return options


def module_opts(module):
    opts = list(module.get('config-opts', []))
    build_options = module.get('build-options', {})
    opts += build_options.get('config-opts', [])
    for arch in build_options.get('arch', {}).values():
        opts += arch.get('config-opts', [])
    return opts


def is_this_project(module, manifest_dir, top):
    for s in module.get('sources', []):
        if s.get('type') == 'dir' and os.path.realpath(os.path.join(manifest_dir, s.get('path', ''))) == top:
            return True
    return module.get('name') == 'amiable'


def check(manifest, manifest_path, options, desktop_exec, programs):
    errors = []
    def expect(cond, what):
        if not cond:
            errors.append(what)

    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    top = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

    # ids, runtime, command
    expect(manifest.get('id') == APP_ID, f'id is {APP_ID}')
    expect(os.path.basename(manifest_path) in (APP_ID + '.json', APP_ID + '.yml', APP_ID + '.yaml'),
           'the manifest file is named after the app id (appid-filename-mismatch)')
    expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
    expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')
    try:
        expect(int(str(manifest.get('runtime-version'))) >= MIN_RUNTIME,
               f'runtime-version is {MIN_RUNTIME} or later (older GNOME runtimes are end of life on Flathub)')
    except ValueError:
        errors.append(f'runtime-version is a number ({MIN_RUNTIME} or later)')
    command = manifest.get('command')
    expect(isinstance(command, str) and command and not command.startswith('/'),
           'command is a program name, not a path (toplevel-command-is-path)')
    expect(manifest.get('branch') in (None, 'stable', 'beta') and manifest.get('default-branch') in (None, 'stable', 'beta'),
           'no branch or default-branch besides stable/beta (toplevel-unnecessary-branch)')
    expect('/lib/debug' not in manifest.get('cleanup', []), 'cleanup keeps /lib/debug (toplevel-cleanup-debug)')

    # the desktop file starts the command
    exec_program = desktop_exec.split()[0] if desktop_exec.split() else ''
    expect(exec_program == command, f'the desktop file Exec ({desktop_exec!r}) starts the command ({command!r})')
    expect(command in programs, f'the command {command!r} is a program the project installs ({", ".join(programs)})')
    expect('flatpak run' not in desktop_exec, 'the desktop file Exec has no "flatpak run"')

    # finish-args: the minimum, each for a reason
    args = manifest.get('finish-args', [])
    for needed, why in NEEDED.items():
        expect(needed in args, f'finish-args has {needed} ({why})')
    for a in args:
        expect(a in NEEDED, f'finish-args has {a}, which Amiable does not need: remove it')
    expect(len(args) == len(set(args)), 'no finish-arg is given twice')

    # modules
    modules = manifest.get('modules', [])
    expect(bool(modules), 'modules are listed (toplevel-no-modules)')
    ours = [m for m in modules if isinstance(m, dict) and is_this_project(m, manifest_dir, top)]
    expect(len(ours) == 1 and ours[0].get('name') == 'amiable' and ours[0].get('buildsystem') == 'meson',
           'one amiable module, built with meson')
    for m in modules:
        if not isinstance(m, dict):
            errors.append('every module is an object')
            continue
        name = m.get('name')
        for s in m.get('sources', []):
            if s.get('type') == 'git':
                expect(s.get('commit') or s.get('tag'), f'module {name}: a git source names a commit or tag')
                expect(str(s.get('url', '')).startswith(('https:', 'http:')), f'module {name}: a git source has an http(s) url')
            if s.get('type') in ('archive', 'file'):
                expect(not s.get('sha1') and not s.get('md5'), f'module {name}: sources use sha256')
        if m not in ours:
            continue
        opts = module_opts(m)
        expect('-Dtests=false' in opts, f'module {name} builds without the tests (-Dtests=false)')
        expect(any(s.get('type') in ('dir', 'git') for s in m.get('sources', [])),
               f'module {name} has a dir or git source')
        for opt in opts:
            if opt.startswith('-D'):
                key, eq, value = opt[2:].partition('=')
            elif opt.startswith('--'):
                key, eq, value = opt[2:].partition('=')
                key = key.replace('-', '_')
                if not eq:
                    errors.append(f'module {name}: {opt} has no value')
                    continue
            else:
                errors.append(f'module {name}: {opt!r} is not a meson option')
                continue
            if key == 'prefix':
                errors.append(f'module {name}: {opt} is redundant, flatpak-builder sets the prefix')
                continue
            if key in MESON_BUILTINS:
                continue
            if key not in options:
                errors.append(f'module {name}: {opt} names no option of meson_options.txt '
                              f'({", ".join(sorted(options))})')
                continue
            kind, choices = options[key]
            if kind == 'boolean':
                expect(value in ('true', 'false'), f'module {name}: {opt} needs true or false')
            elif kind == 'combo':
                expect(value in (choices or []), f'module {name}: {opt} is not one of {choices}')
            elif kind == 'feature':
                expect(value in ('enabled', 'disabled', 'auto'), f'module {name}: {opt} needs enabled, disabled or auto')
            elif kind == 'integer':
                expect(re.fullmatch(r'-?[0-9]+', value) is not None, f'module {name}: {opt} needs a number')
    return errors


def desktop_exec_of(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('Exec='):
            return line[len('Exec='):].strip()
    return ''


def self_test(manifest, path, options, desktop_exec, programs):
    """Each way of breaking the manifest is caught, by the message that names it."""
    def broken(change):
        m = copy.deepcopy(manifest)
        change(m)
        return m
    ours = next(i for i, m in enumerate(manifest['modules']) if m.get('name') == 'amiable')
    cases = [
        ('an unknown meson option', lambda m: m['modules'][ours]['config-opts'].append('-Dno_such_option=true'),
         'names no option of meson_options.txt'),
        ('a boolean option with a wrong value', lambda m: m['modules'][ours]['config-opts'].append('-Dfuzzing=yes'),
         'needs true or false'),
        ('a redundant prefix', lambda m: m['modules'][ours]['config-opts'].append('--prefix=/app'),
         'is redundant'),
        ('home access', lambda m: m['finish-args'].append('--filesystem=home'), 'does not need'),
        ('the keyring talk-name', lambda m: m['finish-args'].append('--talk-name=org.freedesktop.secrets'),
         'does not need'),
        ('no flatpak-spawn', lambda m: m['finish-args'].remove('--talk-name=org.freedesktop.Flatpak'),
         'finish-args has --talk-name=org.freedesktop.Flatpak'),
        ('another command', lambda m: m.update(command='amiable-sandbox'), 'the desktop file Exec'),
        ('a command path', lambda m: m.update(command='/app/bin/amiable'), 'not a path'),
        ('an old runtime', lambda m: m.update({'runtime-version': '47'}), 'runtime-version'),
        ('a git source without commit', lambda m: m['modules'].insert(0, {
            'name': 'dep', 'buildsystem': 'meson',
            'sources': [{'type': 'git', 'url': 'https://example.org/dep.git'}]}), 'commit or tag'),
    ]
    failures = 0
    for what, change, expected in cases:
        errors = check(broken(change), path, options, desktop_exec, programs)
        caught = any(expected in e for e in errors)
        print(('ok: ' if caught else 'FAILED: ') + f'{what} is caught' + ('' if caught else f' (got {errors})'))
        failures += not caught
    errors = check(broken(lambda m: None), path, options, 'amiable-sandbox %U', programs)
    caught = any('the desktop file Exec' in e for e in errors)
    print(('ok: ' if caught else 'FAILED: ') + 'a desktop file starting another program is caught')
    failures += not caught
    return failures


def main(argv):
    self_testing = argv[:1] == ['--self-test']
    if self_testing:
        argv = argv[1:]
    path, options_path, desktop_path, programs = argv[0], argv[1], argv[2], argv[3:]
    with open(path) as f:
        manifest = json.load(f)
    options = meson_options(options_path)
    desktop_exec = desktop_exec_of(desktop_path)
    if self_testing:
        return 1 if self_test(manifest, path, options, desktop_exec, programs) else 0
    errors = check(manifest, path, options, desktop_exec, programs)
    for e in errors:
        print('problem:', e)
    print('flatpak manifest ok' if not errors else f'{len(errors)} problem(s) in {path}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
