#!/usr/bin/python3
# test-count-results.py: build-aux/count-results.py counts skips apart and fails a skip that
# should not happen here (TAP)
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys
import tempfile

top = os.environ.get('MESON_SOURCE_ROOT') or os.path.join(os.path.dirname(__file__), '..', '..')
script = os.path.join(top, 'build-aux', 'count-results.py')
n = 0
failed = False


def check(name, condition, detail=''):
    global n, failed
    n += 1
    print(f"{'ok' if condition else 'not ok'} {n} {name}")
    if not condition:
        failed = True
        print(f'# {detail}')


def run(entries, root):
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        for e in entries:
            f.write(json.dumps(e) + '\n')
        path = f.name
    try:
        out = subprocess.run([sys.executable, script, path, 'tests', root],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    lines = out.splitlines()
    return [int(x) for x in lines[0].split()], lines[1:]


def entry(name, result, stdout=''):
    return {'name': f'amiable:unit / {name}', 'result': result, 'stdout': stdout}


print('1..8')
with tempfile.TemporaryDirectory() as root:
    os.mkdir(os.path.join(root, 'src'))   # a checkout without ../shared beside it
    counts, failures = run([
        entry('test-a', 'OK', 'ok 1 /a/one\nok 2 /a/two\n'),
        entry('test-b', 'FAIL', 'not ok 1 /b\n'),
        # a keyring test that skipped: it should have run here
        entry('test-preferences', 'OK', 'ok 1 /preferences/x\n'
              'ok 2 /preferences/keyring # SKIP no unlocked keyring\n'),
        # allowed: the official vectors are not in the repository
        entry('test-sigv4', 'OK', 'ok 1 /sigv4/helpers\nok 2 /sigv4/suite # SKIP vectors not found\n'),
        # a whole test skipped (exit status 77)
        entry('test-c', 'SKIP', ''),
    ], os.path.join(root, 'src'))
    check('passed counts only tests that ran whole', counts[0] == 2, counts)
    check('a skip that should not happen is a failure', counts[1] == 3, counts)
    check('allowed skips are counted apart', counts[2] == 1, counts)
    check('the failure names the skipped subtest and its reason',
          any('test-preferences' in f and '/preferences/keyring (no unlocked keyring)' in f
              for f in failures), failures)
    check('a whole skipped test is named', any('test-c' in f for f in failures), failures)

    # With the vectors beside the checkout, skipping them is a failure.
    os.makedirs(os.path.join(root, 'shared', 'sigv4-test-suite'))
    counts, failures = run([
        entry('test-sigv4', 'OK', 'ok 1 /sigv4/suite # SKIP vectors not found\n'),
    ], os.path.join(root, 'src'))
    check('the vectors must run where they exist', counts == [0, 1, 0], counts)

    counts, failures = run([entry('test-a', 'OK', 'ok 1 /a\n'), entry('test-b', 'TIMEOUT')], root)
    check('a timeout is a failure', counts == [1, 1, 0], counts)
    check('nothing else is reported', len(failures) == 1 and 'TIMEOUT' in failures[0], failures)
sys.exit(1 if failed else 0)
