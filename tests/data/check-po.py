#!/usr/bin/python3
# check-po.py: POTFILES.in lists every source with translatable strings, and every translation covers them all
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when:
#  - po/POTFILES.in lists a file that does not exist (or lists one twice);
#  - a .c, .h or .ui file under src/ has translatable strings (found by running xgettext over
#    the whole tree, so comments and strings that merely contain "_(" do not count) but is
#    missing from po/POTFILES.in;
#  - a language of po/LINGUAS has untranslated or fuzzy entries, or msgfmt -c rejects it;
#  - a message was cut short because a format macro (G_GSIZE_FORMAT, G_GINT64_FORMAT, ...) sits
#    inside _(): xgettext cannot expand it and stores only the part before it, ending in "%".
import os
import re
import subprocess
import sys
import tempfile

po_dir = sys.argv[1]
top = os.path.dirname(os.path.abspath(po_dir))

# Keep in step with the 'glib' preset of i18n.gettext() in po/meson.build.
XGETTEXT = ['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_',
            '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
            '--keyword=ngettext:1,2', '--keyword=g_dcgettext:2', '--keyword=g_dpgettext2:2c,3']
SOURCE_SUFFIXES = ('.c', '.h', '.ui')


def read_list(name):
    with open(os.path.join(po_dir, name)) as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith('#')]


def referenced_files(pot):
    """Source paths named in the #: reference lines of a template."""
    files = set()
    if not os.path.exists(pot):
        return files
    with open(pot, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#:'):
                for ref in line[2:].split():
                    files.add(re.sub(r':[0-9]+$', '', ref))
    return files


def cut_messages(pot):
    """(reference, msgid) of every message whose text ends in an unpaired '%'."""
    found = []
    with open(pot, encoding='utf-8') as f:
        text = f.read()
    for block in text.split('\n\n'):
        refs = [l[3:].split()[0] for l in block.splitlines() if l.startswith('#: ')]
        m = re.search(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n?)+)', block, re.M)
        if not m:
            continue
        msgid = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        trailing = len(msgid) - len(msgid.rstrip('%'))
        if msgid and trailing % 2 == 1:
            found.append((refs[0] if refs else '?', msgid))
    return found


sources = read_list('POTFILES.in')
langs = read_list('LINGUAS')
failures = 0

# 1. Every listed file exists, and none is listed twice.
missing = [s for s in sources if not os.path.isfile(os.path.join(top, s))]
if missing:
    failures += 1
    print('po/POTFILES.in lists files that do not exist (remove them):')
    for s in missing:
        print('  ' + s)
dups = sorted({s for s in sources if sources.count(s) > 1})
if dups:
    failures += 1
    print('po/POTFILES.in lists files more than once:')
    for s in dups:
        print('  ' + s)
sources = [s for s in dict.fromkeys(sources) if s not in missing]

with tempfile.TemporaryDirectory() as tmp:
    # 2. Every file under src/ with translatable strings is listed.
    candidates = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(top, 'src')):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(SOURCE_SUFFIXES):
                candidates.append(os.path.relpath(os.path.join(dirpath, name), top))
    scan = os.path.join(tmp, 'scan.pot')
    res = subprocess.run(XGETTEXT + ['-o', scan, '-D', top] + candidates,
                         capture_output=True, text=True)
    if res.returncode != 0:
        failures += 1
        print('xgettext failed on the sources under src/:\n' + res.stderr)
    unlisted = sorted(referenced_files(scan) - set(sources))
    if unlisted:
        failures += 1
        print('These files have translatable strings but are missing from po/POTFILES.in (add them):')
        for s in unlisted:
            print('  ' + s)

    # 3. No message is cut short at a format macro.
    pot = os.path.join(tmp, 'amiable.pot')
    subprocess.run(XGETTEXT + ['-o', pot, '-D', top] + sources, check=True)
    cut = cut_messages(pot)
    if cut:
        failures += 1
        print('These messages end in a bare "%": a format macro inside _() cut them short. '
              'Use a plain conversion (%lu with an (unsigned long) cast, %lld with (long long)):')
        for ref, msgid in cut:
            print(f'  {ref}: "{msgid}"')

    # 4. Every translation is complete.
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
    print(f'{failures} problem(s): fix po/POTFILES.in, then run `ninja -C _build amiable-update-po` '
          'and translate the new strings')
sys.exit(1 if failures else 0)
