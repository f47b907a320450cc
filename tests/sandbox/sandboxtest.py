# sandboxtest.py: starts amiable-sandbox and drives it with Debian's awscli; prints TAP
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the awscli conformance tests of amiable-sandbox.

Each test file builds a Sandbox (its own data folder and port), registers test functions with
@test and calls run(); results are printed as TAP for meson.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

AWS = '/usr/bin/aws'
ACCOUNTS = {
    'alice': ('111122223333', 'AKIAIOSFODNN7SANDBOX', 'sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY'),
    'bob': ('444455556666', 'AKIAI44QH8DHBSANDBOX', 'sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE'),
}


class AwsError(Exception):
    def __init__(self, code, message):
        super().__init__(f'{code}: {message}')
        self.code = code


class Sandbox:
    def __init__(self, *extra_args, data_dir=None):
        self.program = os.environ.get('AMIABLE_SANDBOX_PROGRAM')
        if not self.program:
            raise RuntimeError('AMIABLE_SANDBOX_PROGRAM is not set')
        self.home = tempfile.mkdtemp(prefix='amiable-awscli-')
        self.data_dir = data_dir or os.path.join(self.home, 'data')
        self.extra_args = list(extra_args)
        self.process = None
        self.url = None
        self.stderr_path = os.path.join(self.home, 'sandbox.stderr')

    def start(self):
        stderr = open(self.stderr_path, 'ab')
        self.process = subprocess.Popen(
            [self.program, '--data-dir', self.data_dir] + self.extra_args,
            stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL)
        stderr.close()
        line = self.process.stdout.readline().decode().strip()
        prefix = 'listening on '
        if not line.startswith(prefix + 'http://127.0.0.1:'):
            raise RuntimeError(f'unexpected first line from the sandbox: {line!r}')
        self.url = line[len(prefix):]
        return self

    def stop(self, kill=False):
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=20)
        self.process.stdout.close()
        self.process = None
        return code

    def stderr(self):
        with open(self.stderr_path, encoding='utf-8', errors='replace') as f:
            return f.read()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def env(self, account='alice', region='us-east-1', secret=None, key=None):
        _, account_key, real_secret = ACCOUNTS[account]
        key = key or account_key
        env = {
            'PATH': '/usr/bin:/bin',
            'HOME': self.home,
            'AWS_ACCESS_KEY_ID': key,
            'AWS_SECRET_ACCESS_KEY': secret if secret is not None else real_secret,
            'AWS_DEFAULT_REGION': region,
            'AWS_CONFIG_FILE': '/dev/null',
            'AWS_SHARED_CREDENTIALS_FILE': '/dev/null',
            'AWS_PAGER': '',
            'AWS_MAX_ATTEMPTS': '1',
            'LC_ALL': 'C.UTF-8',
        }
        return env

    def aws(self, *args, account='alice', region='us-east-1', secret=None, key=None):
        """Runs awscli against the sandbox; returns parsed JSON or raises AwsError."""
        cmd = [AWS, '--endpoint-url', self.url, '--output', 'json'] + [str(a) for a in args]
        result = subprocess.run(cmd, env=self.env(account, region, secret, key), capture_output=True,
                                text=True, timeout=120)
        if result.returncode != 0:
            err = result.stderr.strip()
            code = 'Unknown'
            if 'An error occurred (' in err:
                code = err.split('An error occurred (', 1)[1].split(')', 1)[0]
            raise AwsError(code, err)
        out = result.stdout.strip()
        return json.loads(out) if out else {}

    def expect_error(self, code, *args, **kwargs):
        try:
            self.aws(*args, **kwargs)
        except AwsError as e:
            if e.code != code:
                raise AssertionError(f'expected {code}, got {e}')
            return e
        raise AssertionError(f'expected {code}, the call succeeded: {args}')

    def raw_error(self, code, action, params=None, status=None, **kwargs):
        """Checks an error quickly (botocore-signed, no awscli start-up); awscli covers the rest.

        With @status, the HTTP status must be exactly that (412 for DryRunOperation, 401 for
        AuthFailure, 403 for UnauthorizedOperation, …); otherwise any 4xx or 5xx will do."""
        request = {'Action': action, 'Version': '2016-11-15'}
        request.update(params or {})
        got, body = self.raw(request, **kwargs)
        codes = xml_find(body, 'Code') if body.startswith('<') else []
        if got < 400 or codes != [code] or (status is not None and got != status):
            expected = f'{code} (HTTP {status})' if status is not None else code
            raise AssertionError(f'expected {expected} from {action}, got HTTP {got}: {body[:300]}')
        return body

    def raw(self, params, account='alice', region='us-east-1', service='ec2', key=None, secret=None):
        """A request awscli 2.9 cannot make (newer actions), signed by botocore's own SigV4."""
        sys.path.insert(0, '/usr/lib/python3/dist-packages/awscli')
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        _, account_key, account_secret = ACCOUNTS[account]
        key = key or account_key
        secret = secret or account_secret
        body = urllib.parse.urlencode(params)
        request = AWSRequest(method='POST', url=self.url + '/', data=body,
                             headers={'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8'})
        SigV4Auth(Credentials(key, secret), service, region).add_auth(request)
        http = urllib.request.Request(self.url + '/', data=body.encode(), method='POST',
                                      headers=dict(request.headers.items()))
        try:
            with urllib.request.urlopen(http, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()


def xml_find(body, tag):
    """All texts of elements named @tag (namespace ignored) in an EC2 response."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(body)
    return [e.text for e in root.iter() if e.tag.split('}')[-1] == tag]


def wait_for(predicate, timeout=15.0, step=0.3):
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError('timed out waiting for a condition')
        time.sleep(step)


_tests = []


def test(function):
    _tests.append(function)
    return function


def check(condition, message='check failed'):
    if not condition:
        raise AssertionError(message)


def equal(a, b, what=''):
    if a != b:
        raise AssertionError(f'{what}: {a!r} != {b!r}')


def run():
    """Runs the registered tests in order and prints TAP. Later tests may build on earlier ones."""
    print(f'1..{len(_tests)}', flush=True)
    failed = 0
    for number, function in enumerate(_tests, 1):
        name = function.__name__
        start = time.time()
        try:
            function()
        except Exception:  # noqa: BLE001 - every failure is reported as TAP
            failed += 1
            print(f'not ok {number} - {name}', flush=True)
            for line in traceback.format_exc().splitlines():
                print(f'# {line}', flush=True)
        else:
            print(f'ok {number} - {name} # {time.time() - start:.1f}s', flush=True)
    return 1 if failed else 0
