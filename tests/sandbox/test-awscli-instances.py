#!/usr/bin/python3
# test-awscli-instances.py: awscli conformance of instances, images from instances, sharing, networks
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sandboxtest import Sandbox, check, equal, run, test, wait_for, xml_find  # noqa: E402

sb = Sandbox('--transition-ms', '4000')
ctx = {}
AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'


def raw_state(instance_id):
    """Fast (no awscli start-up) look at an instance, for the short transitional states."""
    status, body = sb.raw({'Action': 'DescribeInstances', 'Version': '2016-11-15', 'InstanceId.1': instance_id})
    check(status == 200, body)
    return xml_find(body, 'name')[0]


def state_of(instance_id, account='alice'):
    r = sb.aws('ec2', 'describe-instances', '--instance-ids', instance_id, account=account)
    return r['Reservations'][0]['Instances'][0]['State']['Name']


@test
def networks_and_key_pairs():
    vpcs = sb.aws('ec2', 'describe-vpcs', '--filters', 'Name=is-default,Values=true')['Vpcs']
    equal(len(vpcs), 1, 'one default VPC')
    vpc = vpcs[0]['VpcId']
    subnets = sb.aws('ec2', 'describe-subnets', '--filters', f'Name=vpc-id,Values={vpc}')['Subnets']
    equal(sorted(s['AvailabilityZone'] for s in subnets), ['us-east-1a', 'us-east-1b', 'us-east-1c'], 'AZs')
    check(all(s['DefaultForAz'] and s['MapPublicIpOnLaunch'] for s in subnets), 'default subnets')
    ctx['subnet_b'] = [s['SubnetId'] for s in subnets if s['AvailabilityZone'] == 'us-east-1b'][0]
    bob_vpcs = sb.aws('ec2', 'describe-vpcs', account='bob')['Vpcs']
    check(bob_vpcs[0]['VpcId'] != vpc and bob_vpcs[0]['OwnerId'] == '444455556666', 'per-account VPC')

    group = sb.aws('ec2', 'create-security-group', '--group-name', 'launch-wizard-1',
                   '--description', 'launch-wizard-1 created by a test', '--vpc-id', vpc)['GroupId']
    sb.aws('ec2', 'authorize-security-group-ingress', '--group-id', group, '--protocol', 'tcp',
           '--port', '22', '--cidr', '203.0.113.0/24')
    sb.aws('ec2', 'authorize-security-group-ingress', '--group-id', group, '--ip-permissions',
           'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]')
    sb.raw_error('InvalidPermission.Duplicate', 'AuthorizeSecurityGroupIngress',
                 {'GroupId': group, 'IpProtocol': 'tcp', 'FromPort': '22', 'ToPort': '22', 'CidrIp': '203.0.113.0/24'})
    sb.raw_error('InvalidGroup.Duplicate', 'CreateSecurityGroup',
                 {'GroupName': 'launch-wizard-1', 'GroupDescription': 'again', 'VpcId': vpc})
    groups = sb.aws('ec2', 'describe-security-groups', '--group-ids', group)['SecurityGroups']
    perms = sorted((p['FromPort'], p['IpRanges'][0]['CidrIp']) for p in groups[0]['IpPermissions'])
    equal(perms, [(22, '203.0.113.0/24'), (443, '0.0.0.0/0')], 'ingress rules')
    default = sb.aws('ec2', 'describe-security-groups', '--filters', 'Name=group-name,Values=default')
    equal(len(default['SecurityGroups']), 1, 'default group')
    ctx['group'] = group

    key = sb.aws('ec2', 'create-key-pair', '--key-name', 'alice-rsa')
    check(key['KeyMaterial'].startswith('-----BEGIN RSA PRIVATE KEY-----'), 'RSA PEM')
    equal(len(key['KeyFingerprint'].split(':')), 20, 'SHA-1 fingerprint')
    ed = sb.aws('ec2', 'create-key-pair', '--key-name', 'alice-ed', '--key-type', 'ed25519',
                '--tag-specifications', 'ResourceType=key-pair,Tags=[{Key=Use,Value=ci}]')
    check('PRIVATE KEY-----' in ed['KeyMaterial'], 'ed25519 PEM')
    sb.raw_error('InvalidKeyPair.Duplicate', 'CreateKeyPair', {'KeyName': 'alice-rsa'})
    keys = sb.aws('ec2', 'describe-key-pairs', '--include-public-key')['KeyPairs']
    equal(sorted((k['KeyName'], k['KeyType']) for k in keys), [('alice-ed', 'ed25519'), ('alice-rsa', 'rsa')], 'keys')
    check(all(k['PublicKey'].startswith('ssh-') for k in keys), 'OpenSSH public keys')
    sb.aws('ec2', 'delete-key-pair', '--key-name', 'alice-ed')
    sb.raw_error('InvalidKeyPair.NotFound', 'DescribeKeyPairs', {'KeyName.1': 'alice-ed'})
    equal(sb.aws('ec2', 'describe-key-pairs', account='bob')['KeyPairs'], [], 'bob has no keys')


@test
def run_instances_idempotent():
    args = ['ec2', 'run-instances', '--image-id', f'resolve:ssm:{AL2023}', '--instance-type', 't3.micro',
            '--count', '2', '--key-name', 'alice-rsa', '--security-group-ids', ctx['group'],
            '--block-device-mappings', 'DeviceName=/dev/xvda,Ebs={VolumeSize=20}',
            'DeviceName=/dev/sdf,Ebs={VolumeSize=50,VolumeType=gp3}',
            '--subnet-id', ctx['subnet_b'], '--client-token', 'launch-1',
            '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web}]']
    first = sb.aws(*args)
    equal(len(first['Instances']), 2, 'two instances')
    check(all(i['State']['Name'] == 'pending' for i in first['Instances']), 'pending at first')
    equal({i['Placement']['AvailabilityZone'] for i in first['Instances']}, {'us-east-1b'}, 'subnet AZ')
    again = sb.aws(*args)
    equal(again['ReservationId'], first['ReservationId'], 'same token, same reservation')
    sb.expect_error('IdempotentParameterMismatch', *[a if a != 't3.micro' else 't3.small' for a in args])
    sb.expect_error('DryRunOperation', 'ec2', 'run-instances', '--image-id', f'resolve:ssm:{AL2023}',
                    '--instance-type', 't3.micro', '--count', '1', '--dry-run')
    sb.raw_error('InvalidParameterValue', 'RunInstances', {'ImageId': f'resolve:ssm:{AL2023}', 'InstanceType': 'm6g.large',
                                                           'MinCount': '1', 'MaxCount': '1', 'DryRun': 'true'})
    sb.raw_error('InvalidBlockDeviceMapping', 'RunInstances', {'ImageId': f'resolve:ssm:{AL2023}', 'MinCount': '1',
                                                               'MaxCount': '1',
                                                               'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
                                                               'BlockDeviceMapping.1.Ebs.VolumeSize': '4'})
    sb.raw_error('InvalidKeyPair.NotFound', 'RunInstances', {'ImageId': f'resolve:ssm:{AL2023}', 'KeyName': 'nope',
                                                             'MinCount': '1', 'MaxCount': '1'})
    ids = [i['InstanceId'] for i in first['Instances']]
    wait_for(lambda: state_of(ids[0]) == 'running')
    found = sb.aws('ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=web',
                   'Name=instance-state-name,Values=running')['Reservations']
    equal(sorted(i['InstanceId'] for r in found for i in r['Instances']), sorted(ids), 'filter by tag+state')
    inst = found[0]['Instances'][0]
    equal(inst['SecurityGroups'][0]['GroupName'], 'launch-wizard-1', 'security group')
    check(inst['PublicIpAddress'] and inst['PrivateIpAddress'].startswith('172.31.'), 'addresses')
    equal([b['DeviceName'] for b in inst['BlockDeviceMappings']], ['/dev/xvda', '/dev/sdf'], 'root + extra volume')
    ctx['instances'] = ids


@test
def lifecycle():
    a, b = ctx['instances']
    stop = sb.aws('ec2', 'stop-instances', '--instance-ids', a)['StoppingInstances'][0]
    equal((stop['PreviousState']['Name'], stop['CurrentState']['Name']), ('running', 'stopping'), 'stop')
    status, body = sb.raw({'Action': 'StartInstances', 'Version': '2016-11-15', 'InstanceId.1': a})
    check(status == 400 and xml_find(body, 'Code') == ['IncorrectInstanceState'], body)
    equal(raw_state(a), 'stopping', 'still stopping')
    wait_for(lambda: state_of(a) == 'stopped')
    start = sb.aws('ec2', 'start-instances', '--instance-ids', a)['StartingInstances'][0]
    equal((start['PreviousState']['Name'], start['CurrentState']['Name']), ('stopped', 'pending'), 'start')
    sb.aws('ec2', 'reboot-instances', '--instance-ids', b)
    term = sb.aws('ec2', 'terminate-instances', '--instance-ids', b)['TerminatingInstances'][0]
    equal(term['CurrentState']['Name'], 'shutting-down', 'terminate')
    status, body = sb.raw({'Action': 'RebootInstances', 'Version': '2016-11-15', 'InstanceId.1': b})
    check(status == 400 and xml_find(body, 'Code') == ['IncorrectInstanceState'], body)
    wait_for(lambda: state_of(b) == 'terminated' and state_of(a) == 'running')
    sb.raw_error('InvalidInstanceID.NotFound', 'DescribeInstances', {'InstanceId.1': a}, account='bob')
    sb.raw_error('InvalidInstanceID.Malformed', 'StopInstances', {'InstanceId.1': 'i-xyz'})


@test
def create_image_and_share():
    a = ctx['instances'][0]
    image_id = sb.aws('ec2', 'create-image', '--instance-id', a, '--name', 'web-golden-1',
                      '--description', 'golden web image', '--no-reboot',
                      '--tag-specifications', 'ResourceType=image,Tags=[{Key=Team,Value=web}]',
                      'ResourceType=snapshot,Tags=[{Key=Team,Value=web}]')['ImageId']
    status, body = sb.raw({'Action': 'RunInstances', 'Version': '2016-11-15', 'ImageId': image_id,
                           'MinCount': '1', 'MaxCount': '1'})
    check(status == 400 and xml_find(body, 'Code') == ['InvalidAMIID.Unavailable'], body)
    status, body = sb.raw({'Action': 'DescribeImages', 'Version': '2016-11-15', 'ImageId.1': image_id})
    equal(xml_find(body, 'imageState'), ['pending'], 'image pending')
    image = sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]
    equal([(b['DeviceName'], b['Ebs']['VolumeSize']) for b in image['BlockDeviceMappings']],
          [('/dev/xvda', 20), ('/dev/sdf', 50)], 'the image snapshots every volume of the instance')
    snapshot = image['BlockDeviceMappings'][0]['Ebs']['SnapshotId']
    snaps = sb.aws('ec2', 'describe-snapshots', '--snapshot-ids', snapshot)['Snapshots']
    check(a in snaps[0]['Description'] and snaps[0]['Tags'][0]['Value'] == 'web', 'snapshot of the instance')
    sb.raw_error('InvalidAMIName.Duplicate', 'CreateImage', {'InstanceId': a, 'Name': 'web-golden-1'})
    wait_for(lambda: sb.aws('ec2', 'describe-images', '--image-ids', image_id)['Images'][0]['State'] == 'available')
    sb.raw_error('InvalidAMIID.NotFound', 'RunInstances', {'ImageId': image_id, 'MinCount': '1', 'MaxCount': '1'},
                 account='bob')
    sb.aws('ec2', 'modify-image-attribute', '--image-id', image_id, '--launch-permission',
           'Add=[{UserId=444455556666}]')
    shared = sb.aws('ec2', 'describe-images', '--executable-users', 'self', account='bob')['Images']
    check(image_id in [i['ImageId'] for i in shared], 'bob sees the shared image')
    launched = sb.aws('ec2', 'run-instances', '--image-id', image_id, '--count', '1', '--instance-type', 't2.micro',
                      account='bob')['Instances'][0]
    equal(launched['ImageId'], image_id, 'bob launched alice\'s image')
    equal(sb.aws('ec2', 'describe-instances', account='bob')['Reservations'][0]['OwnerId'], '444455556666', 'owner')
    equal(sb.aws('ec2', 'describe-instances', '--filters', f'Name=image-id,Values={image_id}')['Reservations'], [],
          'bob\'s instance is not alice\'s')
    # Deregistered images launch no more.
    sb.aws('ec2', 'deregister-image', '--image-id', image_id)
    sb.expect_error('InvalidAMIID.NotFound', 'ec2', 'run-instances', '--image-id', image_id, '--count', '1',
                    account='bob')
    snaps = sb.aws('ec2', 'describe-snapshots', '--snapshot-ids', snapshot)['Snapshots']
    equal(len(snaps), 1, 'snapshots stay unless asked to delete them')


@test
def launch_templates_and_limits():
    lt = sb.aws('ec2', 'create-launch-template', '--launch-template-name', 'web-template',
                '--version-description', 'first',
                '--launch-template-data', f'{{"ImageId":"resolve:ssm:{AL2023}","InstanceType":"t3.small"}}')
    equal(lt['LaunchTemplate']['LaunchTemplateName'], 'web-template', 'template created')
    sb.raw_error('InvalidLaunchTemplateName.AlreadyExistsException', 'CreateLaunchTemplate',
                 {'LaunchTemplateName': 'web-template', 'LaunchTemplateData.InstanceType': 't3.small'})
    listed = sb.aws('ec2', 'describe-launch-templates', '--launch-template-names', 'web-template')['LaunchTemplates']
    equal(listed[0]['LaunchTemplateId'], lt['LaunchTemplate']['LaunchTemplateId'], 'describe by name')
    from_template = sb.aws('ec2', 'run-instances', '--launch-template', 'LaunchTemplateName=web-template',
                           '--count', '1')['Instances'][0]
    equal(from_template['InstanceType'], 't3.small', 'type from the template')
    sb.raw_error('InstanceLimitExceeded', 'RunInstances', {'ImageId': f'resolve:ssm:{AL2023}', 'MinCount': '25',
                                                           'MaxCount': '25'})
    marketplace = sb.aws('ec2', 'describe-images', '--owners', 'aws-marketplace', '--filters',
                         'Name=architecture,Values=x86_64')['Images'][0]['ImageId']
    sb.expect_error('OptInRequired', 'ec2', 'run-instances', '--image-id', marketplace, '--count', '1')
    whole = sb.aws('ec2', 'describe-instances')['Reservations']
    paged = sb.aws('ec2', 'describe-instances', '--page-size', '5')['Reservations']
    equal([i['InstanceId'] for r in paged for i in r['Instances']],
          [i['InstanceId'] for r in whole for i in r['Instances']], 'instances paged by awscli')
    check(sum(len(r['Instances']) for r in whole) == 3, 'two launched + one from the template')


if __name__ == '__main__':
    sb.start()
    try:
        code = run()
    finally:
        sb.cleanup()
    sys.exit(code)
