#!/usr/bin/python3
# test-awscli-images.py: awscli conformance of the sandbox's AMI, SSM, STS and lookup operations
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sandboxtest import ACCOUNTS, Sandbox, check, equal, run, test, wait_for, xml_find  # noqa: E402

# Without a Recycle Bin rule: a deregistered image is gone at once (test-sdk-lifecycle covers the bin).
sb = Sandbox('--transition-ms', '1500', '--public-images', '300', '--recycle-bin-days', '0')
ctx = {}


@test
def identity_and_wrong_secret():
    me = sb.aws('sts', 'get-caller-identity')
    equal(me['Account'], '111122223333', 'alice account')
    equal(me['Arn'], 'arn:aws:iam::111122223333:user/alice', 'alice arn')
    bob = sb.aws('sts', 'get-caller-identity', account='bob')
    equal(bob['Account'], '444455556666', 'bob account')
    sb.expect_error('SignatureDoesNotMatch', 'ec2', 'describe-regions', secret='not-the-secret')
    sb.expect_error('AuthFailure', 'ec2', 'describe-regions', region='sa-east-1')
    sb.expect_error('AuthFailure', 'ec2', 'describe-regions', key='AKIAUNKNOWNKEY000000')
    sb.raw_error('AuthFailure', 'DescribeRegions', key='AKIAUNKNOWNKEY000000', status=401)
    sb.raw_error('SignatureDoesNotMatch', 'DescribeRegions', secret='not-the-secret', status=403)


@test
def regions_zones_and_lookups():
    regions = sb.aws('ec2', 'describe-regions')['Regions']
    equal(sorted(r['RegionName'] for r in regions),
          ['ap-northeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2'], 'regions')
    zones = sb.aws('ec2', 'describe-availability-zones', region='eu-west-1')['AvailabilityZones']
    equal([z['ZoneName'] for z in zones], ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], 'zones')
    equal(zones[0]['ZoneId'], 'euw1-az1', 'zone id')
    types = sb.aws('ec2', 'describe-instance-types', '--instance-types', 't3.micro', 'm6g.large')['InstanceTypes']
    by_name = {t['InstanceType']: t for t in types}
    equal(by_name['t3.micro']['VCpuInfo']['DefaultVCpus'], 2, 't3.micro vCPUs')
    equal(by_name['t3.micro']['MemoryInfo']['SizeInMiB'], 1024, 't3.micro memory')
    equal(by_name['m6g.large']['ProcessorInfo']['SupportedArchitectures'], ['arm64'], 'm6g arch')
    free = sb.aws('ec2', 'describe-instance-types', '--filters', 'Name=free-tier-eligible,Values=true',
                  'Name=processor-info.supported-architecture,Values=arm64')['InstanceTypes']
    equal(sorted(t['InstanceType'] for t in free), ['t4g.micro', 't4g.small'], 'free arm64 types')
    # awscli's paginator over MaxResults/NextToken
    paged = sb.aws('ec2', 'describe-instance-types', '--page-size', '5')['InstanceTypes']
    check(len(paged) > 15 and len({t['InstanceType'] for t in paged}) == len(paged), 'instance types paged')
    sb.raw_error('InvalidInstanceType', 'DescribeInstanceTypes', {'InstanceType.1': 'z9.huge'})


@test
def owners_and_executable_by():
    own = sb.aws('ec2', 'describe-images', '--owners', 'self')['Images']
    names = sorted(i['Name'] for i in own)
    equal(names, ['alice-build-runner-arm64-2026-02-03', 'alice-web-server-2026-01-15'], 'alice owns')
    check(all(not i['Public'] for i in own), 'own images are private')
    amazon = sb.aws('ec2', 'describe-images', '--owners', 'amazon')['Images']
    check(len(amazon) > 100, 'amazon has many images with --public-images')
    check(all(i.get('ImageOwnerAlias') == 'amazon' for i in amazon), 'owner alias amazon')
    check(any(i['OwnerId'] == '801119661308' and i.get('Platform') == 'windows' for i in amazon),
          'Windows images are Amazon-owned')
    market = sb.aws('ec2', 'describe-images', '--owners', 'aws-marketplace')['Images']
    check(market and all(i.get('ProductCodes') for i in market), 'marketplace images carry product codes')
    # The README's own query prints the product codes (not None).
    readme = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'sandbox', 'README.md')
    with open(readme, encoding='utf-8') as f:
        line = next(x for x in f if '--owners aws-marketplace --query' in x)
    query = line.split("--query '", 1)[1].split("'", 1)[0]
    rows = sb.aws('ec2', 'describe-images', '--owners', 'aws-marketplace', '--query', query)
    check(rows and all(r[1] for r in rows), f'README query {query} gives {rows[:3]}')
    canonical = sb.aws('ec2', 'describe-images', '--owners', '099720109477',
                       '--filters', 'Name=name,Values=ubuntu/images/*noble*')['Images']
    equal(sorted(i['Architecture'] for i in canonical if i['Name'].endswith('20251112')),
          ['arm64', 'x86_64'], 'noble for both architectures')
    shared = sb.aws('ec2', 'describe-images', '--executable-users', 'self', account='bob')['Images']
    equal(sorted(i['Name'] for i in shared),
          ['alice-web-server-2026-01-15', 'bob-analytics-2025-11-20'], 'bob: own + shared')
    public = sb.aws('ec2', 'describe-images', '--executable-users', 'all', '--owners', 'self')['Images']
    equal(public, [], 'alice has no public images')
    sb.raw_error('InvalidUserID.Malformed', 'DescribeImages', {'Owner.1': 'nobody'})


@test
def filters_and_deprecation():
    def names(*filters, extra=()):
        images = sb.aws('ec2', 'describe-images', '--owners', 'amazon', 'self', '099720109477',
                        '--filters', *filters, *extra)['Images']
        return sorted(i['Name'] for i in images)

    al2023 = names('Name=name,Values=al2023-ami-2023.9.*-kernel-6.1-*', 'Name=architecture,Values=arm64')
    equal(al2023, ['al2023-ami-2023.9.20251110.1-kernel-6.1-arm64'], 'name wildcard + architecture')
    check(names('Name=name,Values=al2023-ami-2023.?.20251110.1-kernel-6.1-x86_64'), '? wildcard')
    store = names('Name=root-device-type,Values=instance-store')
    check(len(store) >= 2 and all('s3' in n or 'hvm-instance' in n for n in store), 'instance-store images')
    equal(names('Name=tag:Name,Values=web-*'), ['alice-web-server-2026-01-15'], 'tag filter')
    equal(names('Name=tag-key,Values=Environment'), ['alice-web-server-2026-01-15'], 'tag-key filter')
    check(names('Name=description,Values=*Windows Server 2022*', 'Name=platform,Values=windows'), 'description')
    equal(names('Name=is-public,Values=false'), ['alice-build-runner-arm64-2026-02-03',
                                                  'alice-web-server-2026-01-15'], 'is-public')
    check(names('Name=block-device-mapping.volume-type,Values=gp3', 'Name=block-device-mapping.volume-size,Values=2'),
          'block-device-mapping filters')
    equal(names('Name=creation-date,Values=2026-01-15T*'), ['alice-web-server-2026-01-15'], 'creation-date')
    check(names('Name=state,Values=available', 'Name=image-type,Values=machine',
                'Name=virtualization-type,Values=hvm'), 'state/type filters')
    # Deprecated images are hidden unless asked for (or named by id).
    old = 'amzn2-ami-hvm-2.0.20230207.0-x86_64-gp2'
    check(old not in names('Name=name,Values=amzn2-ami-hvm-2.0.*'), 'deprecated hidden')
    with_deprecated = sb.aws('ec2', 'describe-images', '--owners', 'amazon', '--include-deprecated',
                             '--filters', f'Name=name,Values={old}')['Images']
    equal(len(with_deprecated), 1, 'IncludeDeprecated')
    check(with_deprecated[0]['DeprecationTime'].startswith('2025-02-07'), 'deprecation time')
    by_id = sb.aws('ec2', 'describe-images', '--image-ids', with_deprecated[0]['ImageId'])['Images']
    equal(len(by_id), 1, 'deprecated image by id')
    sb.raw_error('InvalidParameterValue', 'DescribeImages', {'Filter.1.Name': 'colour', 'Filter.1.Value.1': 'blue'})
    sb.raw_error('UnknownParameter', 'DescribeImages', {'Owners.1': 'self'}, status=400)
    # image-id, owner-id and product-code filters
    al2023_id = sb.aws('ec2', 'describe-images', '--owners', 'amazon', '--filters',
                       'Name=name,Values=al2023-ami-2023.9.20251110.1-kernel-6.1-arm64')['Images'][0]['ImageId']
    equal(names(f'Name=image-id,Values={al2023_id}'), ['al2023-ami-2023.9.20251110.1-kernel-6.1-arm64'], 'image-id')
    canonical = names('Name=owner-id,Values=099720109477')
    check(canonical and all(n.startswith('ubuntu/') for n in canonical), 'owner-id')
    equal(names('Name=owner-id,Values=111122223333'),
          ['alice-build-runner-arm64-2026-02-03', 'alice-web-server-2026-01-15'], 'owner-id self')
    market = sb.aws('ec2', 'describe-images', '--owners', 'aws-marketplace')['Images']
    code = market[0]['ProductCodes'][0]['ProductCodeId']
    coded = sb.aws('ec2', 'describe-images', '--owners', 'aws-marketplace',
                   '--filters', f'Name=product-code,Values={code}')['Images']
    check(coded and all(any(p['ProductCodeId'] == code for p in i['ProductCodes']) for i in coded), 'product-code')
    all_codes = {p['ProductCodeId'] for i in market for p in i['ProductCodes']}
    check(len(coded) < len(market) or len(all_codes) == 1, 'product-code narrows the list')
    sb.raw_error('InvalidAMIID.Malformed', 'DescribeImages', {'ImageId.1': 'ami-nothex'})
    sb.expect_error('InvalidAMIID.NotFound', 'ec2', 'describe-images', '--image-ids', 'ami-0123456789abcdef0')


@test
def awscli_pagination():
    full = sb.aws('ec2', 'describe-images', '--owners', 'amazon')['Images']
    paged = sb.aws('ec2', 'describe-images', '--owners', 'amazon', '--page-size', '7')['Images']
    equal([i['ImageId'] for i in paged], [i['ImageId'] for i in full], 'pages join to the full list')
    first = sb.aws('ec2', 'describe-images', '--owners', 'amazon', '--max-items', '5')
    check(len(first['Images']) == 5 and 'NextToken' in first, 'max-items gives a token')
    rest = sb.aws('ec2', 'describe-images', '--owners', 'amazon', '--starting-token', first['NextToken'],
                  '--max-items', '5')
    equal([i['ImageId'] for i in first['Images'] + rest['Images']],
          [i['ImageId'] for i in full[:10]], 'starting-token resumes')


@test
def dry_run():
    sb.expect_error('DryRunOperation', 'ec2', 'describe-images', '--owners', 'self', '--dry-run')
    sb.raw_error('DryRunOperation', 'DescribeImages', {'Owner.1': 'self', 'DryRun': 'true'}, status=412)
    image_id = sb.aws('ec2', 'describe-images', '--owners', 'self', '--filters',
                      'Name=name,Values=alice-web-server*')['Images'][0]['ImageId']
    ctx['web'] = image_id
    sb.expect_error('DryRunOperation', 'ec2', 'create-tags', '--resources', image_id,
                    '--tags', 'Key=Dry,Value=run', '--dry-run')
    # A dry run that would fail gives the real error.
    sb.expect_error('UnauthorizedOperation', 'ec2', 'modify-image-attribute', '--image-id', image_id,
                    '--description', 'Value=mine', '--dry-run', account='bob')
    tags = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0].get('Tags', [])
    check(all(t['Key'] != 'Dry' for t in tags), 'dry run changed nothing')


@test
def bad_text_refused():
    image_id = ctx['web']
    # Text that XML cannot carry is refused when it arrives, so DescribeImages stays readable.
    e = sb.expect_error('InvalidParameterValue', 'ec2', 'create-tags', '--resources', image_id,
                        '--tags', json.dumps([{'Key': 'Bad', 'Value': 'a\x01b'}]))
    check('Tag.1.Value' in str(e), str(e))
    sb.expect_error('InvalidParameterValue', 'ec2', 'modify-image-attribute', '--image-id', image_id,
                    '--description', json.dumps({'Value': 'x\x02y'}))
    sb.raw_error('InvalidParameterValue', 'CreateTags',
                 {'ResourceId.1': image_id, 'Tag.1.Key': 'Bad', 'Tag.1.Value': b'\xff\xfe'})
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    check(all(t['Key'] != 'Bad' for t in image.get('Tags', [])), 'nothing stored')
    check('\x02' not in image.get('Description', ''), 'description unchanged')


@test
def tags_and_attributes():
    image_id = ctx['web']
    sb.aws('ec2', 'create-tags', '--resources', image_id, '--tags', 'Key=Stage,Value=prod', 'Key=Owner,Value=ops')
    tags = sb.aws('ec2', 'describe-tags', '--filters', f'Name=resource-id,Values={image_id}')['Tags']
    equal(sorted((t['Key'], t['Value']) for t in tags),
          [('Environment', 'staging'), ('Name', 'web-server'), ('Owner', 'ops'), ('Stage', 'prod')], 'tags')
    equal({t['ResourceType'] for t in tags}, {'image'}, 'resource type')
    sb.aws('ec2', 'delete-tags', '--resources', image_id, '--tags', 'Key=Owner')
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    equal(sorted(t['Key'] for t in image['Tags']), ['Environment', 'Name', 'Stage'], 'after delete-tags')

    perms = sb.aws('ec2', 'describe-image-attribute', '--image-id', image_id, '--attribute', 'launchPermission')
    equal(perms['LaunchPermissions'], [{'UserId': '444455556666'}], 'seeded share with bob')
    sb.aws('ec2', 'modify-image-attribute', '--image-id', image_id, '--launch-permission',
           'Add=[{Group=all},{OrganizationalUnitArn=arn:aws:organizations::111122223333:ou/o-amiable0001/ou-am01-bob00000}]')
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    check(image['Public'], 'group all makes it public')
    sb.aws('ec2', 'modify-image-attribute', '--image-id', image_id, '--launch-permission', 'Remove=[{Group=all}]')
    perms = sb.aws('ec2', 'describe-image-attribute', '--image-id', image_id, '--attribute', 'launchPermission')
    equal(len(perms['LaunchPermissions']), 2, 'user + OU remain')
    sb.aws('ec2', 'modify-image-attribute', '--image-id', image_id, '--description', 'Value=nginx web server')
    desc = sb.aws('ec2', 'describe-image-attribute', '--image-id', image_id, '--attribute', 'description')
    equal(desc['Description']['Value'], 'nginx web server', 'description attribute')
    boot = sb.aws('ec2', 'describe-image-attribute', '--image-id', image_id, '--attribute', 'bootMode')
    equal(boot['BootMode']['Value'], 'uefi-preferred', 'boot mode attribute')
    sb.raw_error('InvalidAMIAttributeItemValue', 'ModifyImageAttribute',
                 {'ImageId': image_id, 'LaunchPermission.Add.1.UserId': '12'})
    sb.raw_error('UnauthorizedOperation', 'ModifyImageAttribute',
                 {'ImageId': image_id, 'Description.Value': 'mine'}, account='bob', status=403)
    sb.aws('ec2', 'reset-image-attribute', '--image-id', image_id, '--attribute', 'launchPermission')
    perms = sb.aws('ec2', 'describe-image-attribute', '--image-id', image_id, '--attribute', 'launchPermission')
    equal(perms['LaunchPermissions'], [], 'reset')
    sb.raw_error('InvalidAMIID.NotFound', 'DescribeImages', {'ImageId.1': image_id}, account='bob')
    sb.aws('ec2', 'modify-image-attribute', '--image-id', image_id, '--launch-permission',
           'Add=[{UserId=444455556666}]')


@test
def deprecation_and_protection():
    image_id = ctx['web']
    sb.aws('ec2', 'enable-image-deprecation', '--image-id', image_id, '--deprecate-at', '2031-05-01T12:34:56Z')
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    equal(image['DeprecationTime'], '2031-05-01T12:35:00.000Z', 'rounded to the nearest minute')
    sb.aws('ec2', 'enable-image-deprecation', '--image-id', image_id, '--deprecate-at', '2031-05-01T12:34:29Z')
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    equal(image['DeprecationTime'], '2031-05-01T12:34:00.000Z', 'rounded down below half a minute')
    sb.raw_error('InvalidParameterValue', 'EnableImageDeprecation',
                 {'ImageId': image_id, 'DeprecateAt': '2001-01-01T00:00:00Z'})
    sb.aws('ec2', 'disable-image-deprecation', '--image-id', image_id)
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    check('DeprecationTime' not in image, 'deprecation disabled')

    runner = sb.aws('ec2', 'describe-images', '--owners', 'self', '--filters',
                    'Name=name,Values=alice-build-runner*')['Images'][0]['ImageId']
    # awscli 2.9 predates deregistration protection: botocore signs these raw requests.
    status, body = sb.raw({'Action': 'DescribeImageAttribute', 'Version': '2016-11-15', 'ImageId': runner,
                           'Attribute': 'deregistrationProtection'})
    check(status == 200 and 'enabled-without-cooldown' in body, body)
    sb.expect_error('OperationNotPermitted', 'ec2', 'deregister-image', '--image-id', runner)
    status, body = sb.raw({'Action': 'DisableImageDeregistrationProtection', 'Version': '2016-11-15',
                           'ImageId': runner})
    check(status == 200 and '<return>disabled</return>' in body, body)
    status, body = sb.raw({'Action': 'EnableImageDeregistrationProtection', 'Version': '2016-11-15',
                           'ImageId': runner, 'WithCooldown': 'true'})
    check(status == 200 and 'enabled-with-cooldown' in body, body)
    status, body = sb.raw({'Action': 'DisableImageDeregistrationProtection', 'Version': '2016-11-15',
                           'ImageId': runner})
    check(status == 200 and 'disabled-with-cooldown' in body, body)
    # DescribeImageAttribute and DescribeImages agree while the cooldown lasts.
    status, body = sb.raw({'Action': 'DescribeImageAttribute', 'Version': '2016-11-15', 'ImageId': runner,
                           'Attribute': 'deregistrationProtection'})
    check(status == 200 and '<value>disabled-with-cooldown</value>' in body, body)
    status, body = sb.raw({'Action': 'DescribeImages', 'Version': '2016-11-15', 'ImageId.1': runner})
    check(status == 200 and xml_find(body, 'deregistrationProtection') == ['disabled-with-cooldown'], body)
    # The cooldown keeps the image for 24 hours after protection was disabled.
    status, body = sb.raw({'Action': 'DeregisterImage', 'Version': '2016-11-15', 'ImageId': runner})
    check(status == 400 and 'OperationNotPermitted' in body, body)
    debian = sb.aws('ec2', 'describe-images', '--owners', 'self', region='eu-west-1')['Images'][0]
    equal(debian['Name'], 'alice-debian-base-2025-12-01', 'alice in eu-west-1')
    snapshot = debian['BlockDeviceMappings'][0]['Ebs']['SnapshotId']
    device = debian['BlockDeviceMappings'][0]['DeviceName']
    # A snapshot another image still uses is kept: returnCode "skipped" (EC2's deleteSnapshotResultSet).
    twin = sb.aws('ec2', 'register-image', '--name', 'debian-twin', '--architecture', 'x86_64',
                  '--root-device-name', device, '--block-device-mappings',
                  f'DeviceName={device},Ebs={{SnapshotId={snapshot}}}', region='eu-west-1')['ImageId']
    status, body = sb.raw({'Action': 'DeregisterImage', 'Version': '2016-11-15', 'ImageId': debian['ImageId'],
                           'DeleteAssociatedSnapshots': 'true'}, region='eu-west-1')
    check(status == 200, body)
    equal(xml_find(body, 'snapshotId'), [snapshot], 'snapshot result listed')
    equal(xml_find(body, 'returnCode'), ['skipped'], 'snapshot in use is skipped')
    equal(len(sb.aws('ec2', 'describe-snapshots', '--snapshot-ids', snapshot, region='eu-west-1')['Snapshots']), 1,
          'skipped snapshot kept')
    status, body = sb.raw({'Action': 'DeregisterImage', 'Version': '2016-11-15', 'ImageId': twin,
                           'DeleteAssociatedSnapshots': 'true'}, region='eu-west-1')
    check(status == 200, body)
    equal(xml_find(body, 'returnCode'), ['success'], 'last user deletes the snapshot')
    sb.raw_error('InvalidAMIID.NotFound', 'DescribeImages', {'ImageId.1': debian['ImageId']}, region='eu-west-1')
    sb.raw_error('InvalidSnapshot.NotFound', 'DescribeSnapshots', {'SnapshotId.1': snapshot}, region='eu-west-1')


@test
def register_and_copy():
    snapshots = sb.aws('ec2', 'describe-snapshots', '--owner-ids', 'self')['Snapshots']
    check(snapshots, 'alice has snapshots')
    snap = snapshots[0]
    new = sb.aws('ec2', 'register-image', '--name', 'registered-from-snapshot', '--architecture', 'x86_64',
                 '--root-device-name', '/dev/xvda', '--boot-mode', 'uefi', '--ena-support',
                 '--block-device-mappings', f'DeviceName=/dev/xvda,Ebs={{SnapshotId={snap["SnapshotId"]},VolumeType=gp3}}')
    image = sb.aws('ec2', 'describe-images', '--image-ids', new['ImageId'])['Images'][0]
    equal(image['RootDeviceType'], 'ebs', 'registered root device type')
    equal(image['BlockDeviceMappings'][0]['Ebs']['SnapshotId'], snap['SnapshotId'], 'registered snapshot')
    sb.raw_error('InvalidAMIName.Duplicate', 'RegisterImage',
                 {'Name': 'registered-from-snapshot', 'RootDeviceName': '/dev/xvda',
                  'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
                  'BlockDeviceMapping.1.Ebs.SnapshotId': snap['SnapshotId']})
    sb.raw_error('InvalidSnapshot.NotFound', 'RegisterImage',
                 {'Name': 'nope-image', 'RootDeviceName': '/dev/xvda', 'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
                  'BlockDeviceMapping.1.Ebs.SnapshotId': 'snap-0123456789abcdef0'})

    # CopyImage goes to the destination region; the same token gives the same image.
    web = ctx['web']
    copy = sb.aws('ec2', 'copy-image', '--source-image-id', web, '--source-region', 'us-east-1',
                  '--name', 'web-in-frankfurt', '--client-token', 'copy-1', '--copy-image-tags',
                  region='eu-central-1')
    copied = sb.aws('ec2', 'describe-images', '--image-ids', copy['ImageId'], region='eu-central-1')['Images'][0]
    equal(copied['State'], 'pending', 'copy starts pending')
    # Only available images can be copied.
    sb.expect_error('InvalidAMIID.Unavailable', 'ec2', 'copy-image', '--source-image-id', copy['ImageId'],
                    '--source-region', 'eu-central-1', '--name', 'copy-of-pending', region='eu-central-1')
    again = sb.aws('ec2', 'copy-image', '--source-image-id', web, '--source-region', 'us-east-1',
                   '--name', 'web-in-frankfurt', '--client-token', 'copy-1', '--copy-image-tags',
                   region='eu-central-1')
    equal(again['ImageId'], copy['ImageId'], 'idempotent CopyImage')
    sb.expect_error('IdempotentParameterMismatch', 'ec2', 'copy-image', '--source-image-id', web,
                    '--source-region', 'us-east-1', '--name', 'other-name', '--client-token', 'copy-1',
                    region='eu-central-1')
    equal(sorted(t['Key'] for t in copied['Tags']), ['Environment', 'Name', 'Stage'], 'copied tags')
    sb.raw_error('InvalidAMIID.NotFound', 'DescribeImages', {'ImageId.1': copy['ImageId']})
    wait_for(lambda: sb.aws('ec2', 'describe-images', '--image-ids', copy['ImageId'],
                            region='eu-central-1')['Images'][0]['State'] == 'available')
    # Bob can launch what alice shared with him, but copies it only once its snapshot is shared too.
    sb.expect_error('InvalidRequest', 'ec2', 'copy-image', '--source-image-id', web, '--source-region', 'us-east-1',
                    '--name', 'bobs-copy', region='us-west-2', account='bob')
    web_image = sb.aws('ec2', 'describe-images', '--image-ids', web)['Images'][0]
    for m in web_image['BlockDeviceMappings']:
        if 'Ebs' in m:
            sb.aws('ec2', 'modify-snapshot-attribute', '--snapshot-id', m['Ebs']['SnapshotId'],
                   '--attribute', 'createVolumePermission', '--operation-type', 'add',
                   '--user-ids', ACCOUNTS['bob'][0])
    bob_copy = sb.aws('ec2', 'copy-image', '--source-image-id', web, '--source-region', 'us-east-1',
                      '--name', 'bobs-copy', region='us-west-2', account='bob')
    mine = sb.aws('ec2', 'describe-images', '--owners', 'self', region='us-west-2', account='bob')['Images']
    equal([i['ImageId'] for i in mine], [bob_copy['ImageId']], 'bob owns his copy')
    ctx['registered'] = new['ImageId']


@test
def ssm_parameters():
    p = sb.aws('ssm', 'get-parameter', '--name',
               '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64')['Parameter']
    image = sb.aws('ec2', 'describe-images', '--image-ids', p['Value'])['Images'][0]
    check(image['Name'].startswith('al2023-ami-2023.9') and image['Architecture'] == 'x86_64', 'al2023 latest')
    eu = sb.aws('ssm', 'get-parameter', '--name',
                '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', region='eu-west-1')
    check(eu['Parameter']['Value'] != p['Value'], 'AMI ids differ by region')
    both = sb.aws('ssm', 'get-parameters', '--names',
                  '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
                  '/aws/service/debian/release/12/latest/arm64', '/aws/service/nope')
    equal(len(both['Parameters']), 2, 'two found')
    equal(both['InvalidParameters'], ['/aws/service/nope'], 'one invalid')
    windows = sb.aws('ssm', 'get-parameters-by-path', '--path', '/aws/service/ami-windows-latest',
                     '--page-size', '2')['Parameters']
    check(len(windows) == 4 and all('Windows_Server' in w['Name'] for w in windows), 'windows by path')
    nested = sb.aws('ssm', 'get-parameters-by-path', '--path', '/aws/service/debian', '--recursive')['Parameters']
    equal(len(nested), 4, 'debian recursive')
    flat = sb.aws('ssm', 'get-parameters-by-path', '--path', '/aws/service/debian')['Parameters']
    equal(flat, [], 'not recursive: no direct children')
    sb.expect_error('ParameterNotFound', 'ssm', 'get-parameter', '--name', '/aws/service/does/not/exist')


if __name__ == '__main__':
    sb.start()
    try:
        code = run()
    finally:
        sb.cleanup()
    sys.exit(code)
