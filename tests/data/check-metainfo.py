#!/usr/bin/python3
# check-metainfo.py: the metainfo passes appstreamcli strictly and follows Flathub's offline rules
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-metainfo.py BUILT_METAINFO BUILT_DESKTOP_FILE SOURCE_DATA_DIR VERSION APP_ID
# 1. `appstreamcli validate --no-net --strict` of Debian 12's AppStream: no error, warning or
#    info (pedantic hints only).
# 2. The rules of Flathub's linter (flatpak-builder-lint: appid, metainfo, screenshots, desktop
#    checks) that need no network or build: name and summary length, developer name, license,
#    launchable matching the installed desktop file, screenshots (PNG, captioned, one default,
#    the main states, shipped in data/screenshots), icon, desktop file Icon/Exec/Categories.
# 3. What a store page needs of this release: URLs, keywords, the release of the project's
#    version with its features listed.
import configparser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

metainfo, desktop, data_dir, version, app_id = sys.argv[1:6]
problems = []
def expect(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what)
    if not cond:
        problems.append(what)

# 1. appstreamcli, strictly
r = subprocess.run(['appstreamcli', 'validate', '--no-net', '--strict', '--explain', metainfo],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
issues = [l for l in r.stdout.splitlines() if re.match(r'^[EWI]: ', l)]
if r.returncode != 0 or issues:
    print(r.stdout)
expect(r.returncode == 0 and not issues, 'appstreamcli validate --strict: no error, warning or info')

# 2. Flathub's offline rules
root = ET.parse(metainfo).getroot()
def text(path):
    e = root.find(path)
    return e.text.strip() if e is not None and e.text else None

expect(root.tag == 'component' and root.get('type') == 'desktop-application', 'a desktop-application component')
expect(text('id') == app_id, f'id is {app_id}')
parts = app_id.split('.')
expect(not (parts[1] in ('github', 'gitlab') and (parts[0] != 'io' or len(parts) < 4)),
       'a code-hosting app id is io.github.<user>.<App>')
name, summary = text('name') or '', text('summary') or ''
expect(0 < len(name) <= 20, f'name has at most 20 characters ({len(name)})')
expect(0 < len(summary) <= 35, f'summary has at most 35 characters ({len(summary)}: {summary!r})')
expect(not summary.endswith('.'), 'summary does not end in a dot')
expect(text('developer_name') or text('developer/name'), 'a developer name')
expect(text('project_license'), 'a project license')
expect(root.find('content_rating') is not None, 'a content rating')

launchables = root.findall('launchable')
expect(len(launchables) == 1 and launchables[0].get('type') == 'desktop-id'
       and launchables[0].text == app_id + '.desktop', f'one launchable, {app_id}.desktop')
expect(os.path.basename(desktop) == app_id + '.desktop', 'the desktop file is installed under the launchable name')

shots = root.findall('screenshots/screenshot')
expect(len([s for s in shots if s.get('type') == 'default']) == 1, 'exactly one default screenshot')
shipped = set(os.listdir(os.path.join(data_dir, 'screenshots')))
named = []
for s in shots:
    images = s.findall('image')
    caption = s.find('caption')
    expect(len(images) >= 1 and caption is not None and caption.text and caption.text.strip(),
           'each screenshot has an image and a caption')
    for image in images:
        url = (image.text or '').strip()
        base = os.path.basename(url)
        named.append(base)
        expect(url.startswith('https://') and url.endswith('.png'), f'{url} is a PNG over https')
        expect(base in shipped, f'{base} is in data/screenshots')
        if base in shipped:
            with open(os.path.join(data_dir, 'screenshots', base), 'rb') as f:
                expect(f.read(8) == b'\x89PNG\r\n\x1a\n', f'{base} is a PNG file')
for state in ('main-window.png', 'image-details.png', 'launch-wizard-review.png'):
    expect(state in named, f'the screenshots show {state}')

icon = os.path.join(data_dir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg')
expect(os.path.exists(icon), 'a scalable SVG icon named after the app id')

entry = configparser.ConfigParser(interpolation=None, strict=False)
entry.optionxform = str
entry.read(desktop, encoding='utf-8')
d = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
expect(d.get('Icon') == app_id, 'the desktop file Icon is the app id')
expect(d.get('Exec') and 'flatpak run' not in d.get('Exec'), 'the desktop file Exec is set and has no "flatpak run"')
categories = {c for c in d.get('Categories', '').split(';') if c}
expect(bool(categories - {'GTK', 'Qt', 'KDE', 'GNOME', 'Motif', 'Java', 'Application', 'XFCE', 'DDE'}),
       'the desktop file has a real category besides the toolkit ones')
expect(d.get('NoDisplay', 'false') != 'true' and d.get('Hidden', 'false') != 'true', 'the desktop file is shown')

# 3. The store page of this release
urls = {u.get('type'): (u.text or '').strip() for u in root.findall('url')}
for kind in ('homepage', 'bugtracker', 'vcs-browser'):
    expect(urls.get(kind, '').startswith('https://'), f'a {kind} URL')
keywords = [k.text for k in root.findall('keywords/keyword')]
expect(len(keywords) >= 3, f'keywords ({len(keywords)})')
releases = root.findall('releases/release')
expect(releases and releases[0].get('version') == version, f'the newest release is {version}, the project version')
if releases:
    items = releases[0].findall('description/ul/li')
    expect(releases[0].get('date') and len(items) >= 3, 'the release has a date and lists its features')
features = root.findall('description/ul/li')
expect(len(features) >= 5, f'the description lists the features ({len(features)})')

print('metainfo ok' if not problems else f'{len(problems)} problem(s)')
sys.exit(1 if problems else 0)
