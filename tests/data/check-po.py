#!/usr/bin/python3
# check-po.py: every translation in po/LINGUAS covers every string of the sources, with no fuzzy entries
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile

po_dir = sys.argv[1]
top = os.path.dirname(os.path.abspath(po_dir))

with open(os.path.join(po_dir, 'POTFILES.in')) as f:
    sources = [l.strip() for l in f if l.strip() and not l.startswith('#')]
with open(os.path.join(po_dir, 'LINGUAS')) as f:
    langs = [l.strip() for l in f if l.strip() and not l.startswith('#')]

failures = 0
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'amiable.pot')
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_',
                    '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
                    '--keyword=ngettext:1,2', '-o', pot, '-D', top] + sources, check=True)
    for lang in langs:
        merged = os.path.join(tmp, lang + '.po')
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
                        os.path.join(po_dir, lang + '.po'), pot], check=True)
        res = subprocess.run(['msgfmt', '-c', '--statistics', '-o', '/dev/null', merged],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        stats = res.stderr.strip()
        print(f'{lang}: {stats}')
        if res.returncode != 0 or 'untranslated' in stats or 'fuzzy' in stats:
            failures += 1
            for tool in (['msgattrib', '--untranslated', merged], ['msgattrib', '--only-fuzzy', merged]):
                print(subprocess.run(tool, capture_output=True, text=True).stdout)
if failures:
    print(f'{failures} translation(s) incomplete: run `ninja -C _build amiable-update-po` and translate the new strings')
sys.exit(1 if failures else 0)
