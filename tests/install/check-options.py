#!/usr/bin/python3
# check-options.py: --version, --help and the man pages of both programs, and the options at work
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the build tree's programs: --version prints the project's version, --help lists the
# options, each man page names every option its program's --help lists and formats without a
# groff warning; then --region and --endpoint are checked on a real window's first listing
# (AMIABLE_REPORT_FIRST_LISTING), the endpoint being a sandbox this test starts.
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import first_listing  # noqa: E402

amiable, sandbox, man_dir, version, schema_dir = sys.argv[1:6]
problems = []
def expect(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what, flush=True)
    if not cond:
        problems.append(what)

plain = {'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8', 'HOME': tempfile.mkdtemp(prefix='amiable-options-')}
def output(*argv):
    r = subprocess.run(argv, env=plain, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    return r.returncode, r.stdout, r.stderr

for program, name in ((amiable, 'amiable'), (sandbox, 'amiable-sandbox')):
    code, out, _ = output(program, '--version')
    expect(code == 0 and out.strip() == f'{name} {version}', f'{name} --version prints "{name} {version}" (got {out.strip()!r})')
    code, out, _ = output(program, '--help')
    expect(code == 0, f'{name} --help exits 0')
    listed = sorted(set(re.findall(r'^\s+(?:-\w, )?--([\w-]+)', out, re.M)) - {'help', 'help-all', 'help-gapplication'})
    if name == 'amiable':
        for needed in ('profile', 'region', 'endpoint', 'version'):
            expect(needed in listed, f'amiable --help lists --{needed}')
    page = os.path.join(man_dir, name + '.1')
    text = open(page, encoding='utf-8').read()
    for option in listed + ['help']:
        expect('\\-\\-' + option.replace('-', '\\-') in text, f'{name}.1 describes --{option}')
    r = subprocess.run(['groff', '-man', '-ww', '-z', '-Tutf8', page], env=plain,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    expect(r.returncode == 0 and r.stdout.strip() == '', f'{name}.1 formats without warnings {r.stdout.strip()!r}')

code, _, err = output(amiable, '--endpoint', 'not a url')
expect(code == 2 and 'not an endpoint URL' in err, f'a wrong --endpoint is refused in words ({err.strip()!r})')

# The options reach the window's session.
home = tempfile.mkdtemp(prefix='amiable-options-')
base = {'GSETTINGS_SCHEMA_DIR': schema_dir}
fields, _, _ = first_listing.run([amiable, '--region', 'eu-west-1'],
                                 first_listing.desktop_env(os.path.join(home, 'a'), base), home)
expect(fields is not None and fields['profile'] == 'Sandbox' and fields['region'] == 'eu-west-1'
       and int(fields['rows']) > 0, '--region eu-west-1 lists the Sandbox in eu-west-1')
# Run from the build tree with no AMIABLE_SANDBOX_PROGRAM: the build tree's sandbox.
expect(fields is not None and os.path.realpath(fields['sandbox']) == os.path.realpath(sandbox),
       'the uninstalled program finds the build tree\'s sandbox')

server = subprocess.Popen([sandbox, '--data-dir', os.path.join(home, 'server')], stdout=subprocess.PIPE, text=True)
try:
    url = server.stdout.readline().strip().removeprefix('listening on ')
    keys = {'AWS_ACCESS_KEY_ID': 'AKIAIOSFODNN7SANDBOX',
            'AWS_SECRET_ACCESS_KEY': 'sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY'}
    fields, _, _ = first_listing.run([amiable, '--profile', 'default', '--region', 'us-east-1', '--endpoint', url],
                                     first_listing.desktop_env(os.path.join(home, 'b'), {**base, **keys}), home)
    expect(fields is not None and fields['profile'] == 'default' and fields['endpoint'] == url
           and int(fields['rows']) > 0, f'--profile default --endpoint {url} lists that endpoint\'s images')
finally:
    server.terminate()
    server.wait(30)

sys.exit(1 if problems else 0)
