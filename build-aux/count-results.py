#!/usr/bin/python3
# count-results.py: reads a meson testlog.json and counts passed, failed and skipped tests; a skip
# that is not allowed here (see ALLOWED_SKIPS) counts as a failure.
# Prints "PASSED FAILED SKIPPED" on the first line, then one line per failure.
#   count-results.py TESTLOG LABEL SOURCE_ROOT
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import sys

log, label, top = sys.argv[1], sys.argv[2], sys.argv[3]

# (test name, TAP subtest path or None for the whole test, reason, condition under which the
# skip is allowed). Everything else that skips is a failure: a test that should run here did not.
ALLOWED_SKIPS = [
    ('test-sigv4', '/sigv4/suite',
     'the official SigV4 vectors live beside the repository (../shared), not in it',
     lambda: not os.path.isdir(os.path.join(top, '..', 'shared', 'sigv4-test-suite'))),
    ('test-images-view', '/images/view/faults',
     'runs only after /images/view/public-progress passed (whose failure is counted)',
     lambda: True),
]

TAP_SKIP = re.compile(r'^ok\s+\d+\s+(\S*).*#\s*SKIP\b\s*(.*)$', re.IGNORECASE)


def allowed(test, subtest):
    for name, path, _reason, condition in ALLOWED_SKIPS:
        if name == test and (path is None or path == subtest) and condition():
            return True
    return False


passed = failed = skipped = 0
failures = []
for line in open(log, encoding='utf-8', errors='replace'):
    line = line.strip()
    if not line:
        continue
    r = json.loads(line)
    full_name = r.get('name', '?')
    test = full_name.split(' / ')[-1]
    result = r.get('result')
    bad_skips = []
    if result == 'SKIP':
        if allowed(test, None):
            skipped += 1
            continue
        why = (r.get('stdout') or '').strip().splitlines()
        bad_skips.append('the whole test' + (f' ({why[-1]})' if why else ''))
    elif result in ('OK', 'EXPECTEDFAIL'):
        for out_line in (r.get('stdout') or '').splitlines():
            m = TAP_SKIP.match(out_line.strip())
            if not m:
                continue
            subtest, reason = m.group(1), m.group(2).strip()
            if allowed(test, subtest):
                skipped += 1
            else:
                bad_skips.append(f'{subtest} ({reason})' if reason else subtest)
    else:
        failed += 1
        failures.append(f'{label}: {full_name} ({result})')
        continue
    if bad_skips:
        failed += 1
        failures.append(f'{label}: {full_name} skipped what should run here: ' + '; '.join(bad_skips))
    else:
        passed += 1

print(passed, failed, skipped)
for f in failures:
    print(f)
