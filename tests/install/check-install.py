#!/usr/bin/python3
# check-install.py: `meson install` into a fresh prefix gives a program that runs on its own
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures a build of its own with --prefix in a scratch folder (kept between runs so ccache
# and ninja make the next run quick; the prefix is wiped each time), installs it, then starts
# the installed program under the suite's display with none of Amiable's, GLib's or AWS's
# variables set, on a fresh home (so the Sandbox profile is chosen), in German. The program
# prints one line once the Images view has painted its first rows (AMIABLE_REPORT_FIRST_LISTING);
# the test checks that it found its sandbox beside it, its schema, icon and translations.
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import first_listing  # noqa: E402

srcdir, workdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
build = os.path.join(workdir, 'build')
prefix = os.path.join(workdir, 'prefix')
home = os.path.join(workdir, 'home')

problems = []
def expect(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what, flush=True)
    if not cond:
        problems.append(what)

def run(*cmd, **kw):
    print('$', ' '.join(cmd), flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if r.returncode != 0:
        print(r.stdout[-6000:])
        print(f'FAILED: {cmd[0]} {cmd[1]} exited with {r.returncode}')
        sys.exit(1)
    return r.stdout

build_env = {k: v for k, v in os.environ.items() if k != 'DESTDIR' and not k.startswith('MESON_')}
shutil.rmtree(prefix, ignore_errors=True)
shutil.rmtree(home, ignore_errors=True)
if not os.path.exists(os.path.join(build, 'build.ninja')):
    shutil.rmtree(build, ignore_errors=True)
    # plain: no debug info and no optimisation, the quickest to compile; the test is about
    # where things are installed and found, not about the code the compiler makes.
    run('meson', 'setup', build, srcdir, '--prefix', prefix, '-Dtests=false', '-Dbuildtype=plain',
        env=build_env)
run('ninja', '-C', build, '-j2', env=build_env)
# Not DESTDIR: meson then compiles the schemas and updates the icon cache in the prefix.
run('meson', 'install', '-C', build, '--no-rebuild', env=build_env)

program = os.path.join(prefix, 'bin', 'amiable')
sandbox = os.path.join(prefix, 'bin', 'amiable-sandbox')
expect(os.access(program, os.X_OK), f'{program} is installed')
expect(os.access(sandbox, os.X_OK), f'{sandbox} is installed on PATH (bindir)')
expect(os.path.exists(os.path.join(prefix, 'share', 'glib-2.0', 'schemas', 'gschemas.compiled')),
       'the schemas are compiled in the prefix')
expect(os.path.exists(os.path.join(prefix, 'share', 'locale', 'de', 'LC_MESSAGES', 'amiable.mo')),
       'the German translation is installed')
for page in ('amiable.1', 'amiable-sandbox.1'):
    expect(os.path.exists(os.path.join(prefix, 'share', 'man', 'man1', page)), f'man page {page} is installed')
if problems:
    sys.exit(1)

# The German title of the Images view, from the translation itself.
po = open(os.path.join(srcdir, 'po', 'de.po'), encoding='utf-8').read()
german_images = re.search(r'msgid "_Images"\nmsgstr "([^"]+)"', po).group(1)

env = first_listing.desktop_env(home, {'LANGUAGE': 'de'})
expect('DISPLAY' in env or 'WAYLAND_DISPLAY' in env, 'a display to run on (run under xvfb-run)')
if problems:
    sys.exit(1)

# The command line speaks German too, and needs nothing but the installed files.
po_version = re.search(r'msgid "Print the version and exit"\nmsgstr "([^"]+)"', po).group(1)
r = subprocess.run([program, '--help'], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
expect(r.returncode == 0 and po_version in r.stdout, f'the installed amiable --help is translated ({po_version!r})')
r = subprocess.run([sandbox, '--version'], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
expect(r.returncode == 0 and r.stdout.startswith('amiable-sandbox '), 'the installed amiable-sandbox runs on its own')

fields, stderr, elapsed = first_listing.run([program], env, home)
if fields is None:
    expect(False, 'the installed program painted its first listing')
    sys.exit(1)
expect(int(fields.get('rows', '0')) > 0, 'the Images view shows rows')
expect(fields.get('profile') == 'Sandbox', 'on the Sandbox profile')
expect(os.path.realpath(fields.get('sandbox', '')) == os.path.realpath(sandbox),
       'the sandbox found is the installed one beside the program')
expect(fields.get('icon') == 'yes', 'the icon theme finds the installed app icon')
expect(fields.get('view') == german_images, f'the view title is translated ({german_images!r})')
criticals = [l for l in stderr if 'CRITICAL' in l or 'WARNING' in l]
if criticals:
    print('\n'.join(criticals[:20]))
expect(not criticals, 'no warnings or criticals on stderr')
sys.exit(1 if problems else 0)
