#!/usr/bin/python3
# test-awscli-persistence.py: restarts, kill -9, a damaged state file, --help and --faults
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sandboxtest import ACCOUNTS, AwsError, Sandbox, check, equal, run, test, xml_find  # noqa: E402

sb = Sandbox('--transition-ms', '500')
ctx = {}


def web_image():
    images = sb.aws('ec2', 'describe-images', '--owners', 'self', '--filters',
                    'Name=name,Values=alice-web-server*')['Images']
    return images[0]


@test
def help_lists_accounts():
    out = subprocess.run([sb.program, '--help'], capture_output=True, text=True, timeout=30)
    equal(out.returncode, 0, 'exit code')
    for name, (account, key, secret) in ACCOUNTS.items():
        check(account in out.stdout and key in out.stdout and secret in out.stdout, f'{name} in --help')
    check('--listen' in out.stdout and '--faults' in out.stdout and '--public-images' in out.stdout, 'options')
    bad = subprocess.run([sb.program, '--faults', 'gremlins=1'], capture_output=True, text=True, timeout=30)
    check(bad.returncode != 0 and 'gremlins' in bad.stderr, 'bad --faults refused')


@test
def restart_keeps_everything():
    sb.start()
    image = web_image()
    ctx['image'] = image['ImageId']
    sb.aws('ec2', 'create-key-pair', '--key-name', 'persist-key', '--key-type', 'ed25519')
    sb.aws('ec2', 'create-tags', '--resources', image['ImageId'], '--tags', 'Key=Restart,Value=one')
    launched = sb.aws('ec2', 'run-instances', '--image-id', image['ImageId'], '--count', '1')
    ctx['instance'] = launched['Instances'][0]['InstanceId']
    equal(sb.stop(), 0, 'clean exit on SIGTERM')
    sb.start()
    keys = sb.aws('ec2', 'describe-key-pairs')['KeyPairs']
    equal([k['KeyName'] for k in keys], ['persist-key'], 'key pair kept')
    tags = {t['Key']: t['Value'] for t in web_image()['Tags']}
    equal(tags.get('Restart'), 'one', 'tag kept')
    instances = sb.aws('ec2', 'describe-instances')['Reservations'][0]['Instances']
    equal(instances[0]['InstanceId'], ctx['instance'], 'instance kept')
    equal(instances[0]['State']['Name'], 'running', 'state computed from timestamps after restart')


@test
def one_sandbox_per_data_folder():
    second = subprocess.run([sb.program, '--data-dir', sb.data_dir], capture_output=True, text=True, timeout=30)
    check(second.returncode != 0 and 'already using' in second.stderr, second.stderr)
    equal(second.stdout, '', 'no listening line')


@test
def snapshot_sharing_kept():
    """ModifySnapshotAttribute in awscli's two forms; the sharing survives a restart."""
    snap = next(m['Ebs']['SnapshotId'] for m in web_image()['BlockDeviceMappings'] if 'Ebs' in m)
    sb.aws('ec2', 'modify-snapshot-attribute', '--snapshot-id', snap, '--attribute', 'createVolumePermission',
           '--operation-type', 'add', '--user-ids', ACCOUNTS['bob'][0])
    sb.aws('ec2', 'modify-snapshot-attribute', '--snapshot-id', snap,
           '--create-volume-permission', 'Add=[{Group=all}]')
    sb.aws('ec2', 'modify-snapshot-attribute', '--snapshot-id', snap, '--attribute', 'createVolumePermission',
           '--operation-type', 'remove', '--group-names', 'all')
    equal(sb.stop(), 0, 'clean exit on SIGTERM')
    sb.start()
    out = sb.aws('ec2', 'describe-snapshot-attribute', '--snapshot-id', snap, '--attribute', 'createVolumePermission')
    equal(out, {'CreateVolumePermissions': [{'UserId': ACCOUNTS['bob'][0]}], 'SnapshotId': snap}, 'kept')
    shared = sb.aws('ec2', 'describe-snapshots', '--restorable-by-user-ids', 'self', account='bob')['Snapshots']
    check(snap in [s['SnapshotId'] for s in shared], 'bob sees the shared snapshot')
    sb.expect_error('UnauthorizedOperation', 'ec2', 'reset-snapshot-attribute', '--snapshot-id', snap,
                    '--attribute', 'createVolumePermission', account='bob')
    sb.aws('ec2', 'reset-snapshot-attribute', '--snapshot-id', snap, '--attribute', 'createVolumePermission')
    out = sb.aws('ec2', 'describe-snapshot-attribute', '--snapshot-id', snap, '--attribute', 'createVolumePermission')
    equal(out['CreateVolumePermissions'], [], 'reset')
    sb.expect_error('InvalidSnapshot.NotFound', 'ec2', 'describe-snapshots', '--snapshot-ids', snap, account='bob')


@test
def kill_9_after_acknowledged_create_tags():
    sb.aws('ec2', 'create-tags', '--resources', ctx['image'], '--tags', 'Key=Acknowledged,Value=yes')
    sb.stop(kill=True)
    sb.start()
    tags = {t['Key']: t['Value'] for t in web_image()['Tags']}
    equal(tags.get('Acknowledged'), 'yes', 'acknowledged tag survived kill -9')


@test
def kill_9_at_any_moment():
    """Fires CreateTags as fast as possible and kills the server mid-stream."""
    acknowledged = []
    stop = threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            try:
                status, _ = sb.raw({'Action': 'CreateTags', 'Version': '2016-11-15',
                                    'ResourceId.1': ctx['image'], 'Tag.1.Key': f'k{n}', 'Tag.1.Value': str(n)})
            except OSError:
                return
            if status == 200:
                acknowledged.append(f'k{n}')

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(1.5)
    sb.stop(kill=True)
    stop.set()
    thread.join(timeout=30)
    check(len(acknowledged) > 5, f'only {len(acknowledged)} writes acknowledged')
    sb.start()
    status, body = sb.raw({'Action': 'DescribeTags', 'Version': '2016-11-15',
                           'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': ctx['image']})
    check(status == 200, body)
    present = set(xml_find(body, 'key'))
    missing = [k for k in acknowledged if k not in present]
    equal(missing, [], f'{len(acknowledged)} acknowledged tags')


@test
def damaged_state_file_moved_aside():
    sb.stop()
    state = os.path.join(sb.data_dir, 'state.json')
    with open(state, 'w') as f:
        f.write('{"version": 1, "images": [ {"imageId": "ami-0')
    sb.start()
    err = sb.stderr()
    check('damaged' in err and 'moved to' in err, err)
    aside = glob.glob(state + '.damaged-*')
    equal(len(aside), 1, 'one file moved aside')
    with open(aside[0]) as f:
        check(f.read().startswith('{"version": 1, "images": [ {"imageId"'), 'damaged bytes kept')
    names = sorted(i['Name'] for i in sb.aws('ec2', 'describe-images', '--owners', 'self')['Images'])
    equal(names, ['alice-build-runner-arm64-2026-02-03', 'alice-web-server-2026-01-15'], 'fresh seed state')


@test
def presigned_query():
    """A presigned GET (X-Amz-* in the query), signed by botocore's query signer."""
    import urllib.error
    import urllib.request
    sys.path.insert(0, '/usr/lib/python3/dist-packages/awscli')
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    _, key, secret = ACCOUNTS['bob']
    for use_secret, expected in ((secret, 200), ('wrong', 403)):
        request = AWSRequest(method='GET', url=sb.url + '/?Action=DescribeKeyPairs&Version=2016-11-15', headers={})
        SigV4QueryAuth(Credentials(key, use_secret), 'ec2', 'eu-west-1', expires=300).add_auth(request)
        try:
            with urllib.request.urlopen(request.url, timeout=30) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read().decode()
        equal(status, expected, body)
    check('SignatureDoesNotMatch' in body, body)


@test
def presigned_client_token():
    """A retried presigned CopyImage (new X-Amz-Date, same ClientToken) is the same request."""
    import urllib.error
    import urllib.parse
    import urllib.request
    sys.path.insert(0, '/usr/lib/python3/dist-packages/awscli')
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    _, key, secret = ACCOUNTS['bob']
    source = sb.aws('ec2', 'describe-images', '--owners', 'self', account='bob')['Images'][0]['ImageId']

    def copy(name):
        query = urllib.parse.urlencode({'Action': 'CopyImage', 'Version': '2016-11-15', 'SourceImageId': source,
                                        'SourceRegion': 'us-east-1', 'Name': name, 'ClientToken': 'presigned-1'})
        request = AWSRequest(method='GET', url=f'{sb.url}/?{query}', headers={})
        SigV4QueryAuth(Credentials(key, secret), 'ec2', 'eu-west-1', expires=300).add_auth(request)
        try:
            with urllib.request.urlopen(request.url, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    status, first = copy('presigned-copy')
    equal(status, 200, first)
    time.sleep(1.1)  # a later X-Amz-Date, so another signature
    status, again = copy('presigned-copy')
    equal(status, 200, again)
    equal(xml_find(again, 'imageId'), xml_find(first, 'imageId'), 'the retry returns the same image')
    status, other = copy('another-name')
    check(status == 400 and xml_find(other, 'Code') == ['IdempotentParameterMismatch'], other)


@test
def http_limits_and_listen():
    # Only the headers are sent: the sandbox must refuse the body before reading it.
    import socket
    host, port = sb.url.rsplit('/', 1)[1].split(':')
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n'
                     b'Content-Length: 2097152\r\n\r\n')
        reply = b''
        while b'</Response>' not in reply:
            chunk = conn.recv(65536)
            if not chunk:
                break
            reply += chunk
    check(reply.startswith(b'HTTP/1.1 413') and b'RequestEntityTooLarge' in reply, reply[:300])
    check(b'\r\nDate: ' in reply.split(b'\r\n\r\n')[0], f'the 413 answer has a Date header: {reply[:300]}')
    # A loopback address is quiet; any other one warns that the public keys open it to everyone.
    for address, warns in (('127.0.0.2', False), ('0.0.0.0', True)):
        other = subprocess.Popen([sb.program, '--data-dir', os.path.join(sb.home, 'listen'), '--listen', address],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            line = other.stdout.readline().decode()
            check(line.startswith(f'listening on http://{address}:'), line)
        finally:
            other.terminate()
            equal(other.wait(timeout=20), 0, 'clean exit')
            other.stdout.close()
            err = other.stderr.read().decode()
            other.stderr.close()
        equal('warning' in err and 'public keys' in err, warns, f'--listen {address}: {err!r}')


@test
def faults():
    faulty = Sandbox('--faults', 'error5xx=1', data_dir=os.path.join(sb.home, 'faulty'))
    faulty.start()
    try:
        status, body = faulty.raw({'Action': 'DescribeRegions', 'Version': '2016-11-15'})
        check(status == 500 and xml_find(body, 'Code') == ['InternalError'], body)
    finally:
        faulty.stop()
    slow = Sandbox('--faults', 'latency=400ms,skew=600s', data_dir=os.path.join(sb.home, 'slow'))
    slow.start()
    try:
        start = time.time()
        status, body = slow.raw({'Action': 'DescribeRegions', 'Version': '2016-11-15'})
        check(time.time() - start >= 0.35, 'latency injected')
        check(status == 400 and xml_find(body, 'Code') == ['RequestExpired'], body)
    finally:
        slow.stop()


@test
def quota_option():
    bad = subprocess.run([sb.program, '--quota', 'gremlins=1'], capture_output=True, text=True, timeout=30)
    check(bad.returncode == 2 and 'gremlins' in bad.stderr, bad.stderr)
    small = Sandbox('--quota', 'key-pairs=1', data_dir=os.path.join(sb.home, 'quota'))
    small.start()
    try:
        small.aws('ec2', 'create-key-pair', '--key-name', 'first', '--key-type', 'ed25519')
        e = small.expect_error('KeyPairLimitExceeded', 'ec2', 'create-key-pair', '--key-name', 'second')
        check('quota of 1 key pairs' in str(e), str(e))
    finally:
        small.stop()


@test
def lost_answer():
    # drop-once: the key pair is made and saved, then the connection closes unanswered; awscli
    # (one attempt) sees the dropped connection, and its retry by hand is a duplicate.
    lossy = Sandbox('--faults', 'drop-once=CreateKeyPair', data_dir=os.path.join(sb.home, 'lossy'))
    lossy.start()
    try:
        try:
            lossy.aws('ec2', 'create-key-pair', '--key-name', 'lost')
            raise AssertionError('the answer to CreateKeyPair was not dropped')
        except AwsError as e:
            check('Connection was closed' in str(e), str(e))
        names = [k['KeyName'] for k in lossy.aws('ec2', 'describe-key-pairs')['KeyPairs']]
        equal(names.count('lost'), 1, 'the dropped CreateKeyPair was carried out')
        lossy.expect_error('InvalidKeyPair.Duplicate', 'ec2', 'create-key-pair', '--key-name', 'lost')
        equal(lossy.aws('ec2', 'create-key-pair', '--key-name', 'kept')['KeyName'], 'kept', 'only once')
    finally:
        lossy.stop()


if __name__ == '__main__':
    try:
        code = run()
    finally:
        sb.cleanup()
    sys.exit(code)
