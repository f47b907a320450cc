# first_listing.py: starts Amiable and waits for its first-listing line (AMIABLE_REPORT_FIRST_LISTING)
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import signal
import subprocess
import threading
import time

CEILING = 300  # seconds; the wait ends as soon as the line comes


def desktop_env(home, extra=None):
    """Only what a desktop session gives every program, on a fresh home in @home."""
    for sub in ('config', 'cache', 'data', 'runtime'):
        os.makedirs(os.path.join(home, sub), mode=0o700, exist_ok=True)
    env = {
        'PATH': '/usr/local/bin:/usr/bin:/bin',
        'HOME': home,
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'XDG_CACHE_HOME': os.path.join(home, 'cache'),
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_RUNTIME_DIR': os.path.join(home, 'runtime'),
        'LC_ALL': 'C.UTF-8',
        # Keeps the run from writing the user's settings; the schema must still be found.
        'GSETTINGS_BACKEND': 'memory',
        # Software rendering under Xvfb, as in the rest of the suite.
        'GTK_A11Y': 'none', 'NO_AT_BRIDGE': '1', 'GDK_DEBUG': 'gl-disable', 'GSK_RENDERER': 'cairo',
        'AMIABLE_REPORT_FIRST_LISTING': '1',
    }
    for name in ('DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra or {})
    return env


def run(argv, env, cwd):
    """Runs @argv until it reports its first listing (or exits, or the ceiling passes), then
    stops it. Returns (fields of the line or None, stderr lines, seconds waited)."""
    print('$', ' '.join(argv), flush=True)
    app = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    lines, stderr = [], []
    got = threading.Event()

    def read_out():
        for line in app.stdout:
            lines.append(line.rstrip('\n'))
            if line.startswith('first-listing '):
                got.set()
        got.set()

    def read_err():
        for line in app.stderr:
            stderr.append(line.rstrip('\n'))

    threading.Thread(target=read_out, daemon=True).start()
    threading.Thread(target=read_err, daemon=True).start()
    start = time.monotonic()
    got.wait(CEILING)
    elapsed = time.monotonic() - start
    try:
        os.killpg(app.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        app.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(app.pid, signal.SIGKILL)
        app.wait()
    report = next((l for l in lines if l.startswith('first-listing ')), None)
    if report is None:
        print('\n'.join(stderr[-60:]))
        print(f'no first-listing line after {elapsed:.0f} s (exit code {app.returncode}, stderr above)')
        return None, stderr, elapsed
    print(report, f'(after {elapsed:.1f} s)', flush=True)
    fields = dict(re.findall(r'(\w+)=(.*?)(?= \w+=|$)', report[len('first-listing '):]))
    return fields, stderr, elapsed
