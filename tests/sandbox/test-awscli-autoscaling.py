#!/usr/bin/python3
# test-awscli-autoscaling.py: awscli conformance of the sandbox's Auto Scaling groups
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sandboxtest import Sandbox, check, equal, run, test, xml_find  # noqa: E402

sb = Sandbox('--transition-ms', '60000')
ctx = {}
AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'
NS = '{http://autoscaling.amazonaws.com/doc/2011-01-01/}'


def asg_raw(action, params=None):
    """A botocore-signed Auto Scaling request (no awscli start-up) for the quick checks."""
    request = {'Action': action, 'Version': '2011-01-01'}
    request.update(params or {})
    return sb.raw(request, service='autoscaling')


def asg_error(code, action, params):
    import xml.etree.ElementTree as ET
    status, body = asg_raw(action, params)
    equal(status, 400, f'{action} status ({body[:200]})')
    root = ET.fromstring(body)
    equal(root.tag, NS + 'ErrorResponse', 'Auto Scaling error document')
    equal(xml_find(body, 'Type'), ['Sender'], 'error type')
    equal(xml_find(body, 'Code'), [code], f'{action} error code')
    check(len(xml_find(body, 'RequestId')) == 1, 'request id')
    return xml_find(body, 'Message')[0]


def group_instances(name):
    """Instances tagged with the group's name, by Availability Zone (raw DescribeInstances)."""
    status, body = sb.raw({'Action': 'DescribeInstances', 'Version': '2016-11-15',
                           'Filter.1.Name': 'tag:aws:autoscaling:groupName', 'Filter.1.Value.1': name,
                           'Filter.2.Name': 'instance-state-name', 'Filter.2.Value.1': 'pending',
                           'Filter.2.Value.2': 'running'})
    check(status == 200, body)
    return collections.Counter(xml_find(body, 'availabilityZone'))


@test
def create_and_describe():
    status, body = sb.raw({'Action': 'DescribeSubnets', 'Version': '2016-11-15'})
    check(status == 200, body)
    subnets = dict(zip(xml_find(body, 'availabilityZone'), xml_find(body, 'subnetId')))
    ctx['subnets'] = [subnets['us-east-1a'], subnets['us-east-1b'], subnets['us-east-1c']]
    status, body = sb.raw({'Action': 'CreateLaunchTemplate', 'Version': '2016-11-15',
                           'LaunchTemplateName': 'web',
                           'LaunchTemplateData.ImageId': f'resolve:ssm:{AL2023}',
                           'LaunchTemplateData.InstanceType': 't3.micro'})
    check(status == 200, body)
    ctx['lt'] = xml_find(body, 'launchTemplateId')[0]

    out = sb.aws('autoscaling', 'create-auto-scaling-group', '--auto-scaling-group-name', 'web',
                 '--launch-template', 'LaunchTemplateName=web,Version=$Latest',
                 '--min-size', '1', '--max-size', '8', '--desired-capacity', '5',
                 '--vpc-zone-identifier', ','.join(ctx['subnets']),
                 '--tags', 'Key=Team,Value=blue,PropagateAtLaunch=true',
                 'Key=Cost,Value=42,PropagateAtLaunch=false')
    equal(out, {}, 'create answers with metadata only')
    groups = sb.aws('autoscaling', 'describe-auto-scaling-groups',
                    '--auto-scaling-group-names', 'web')['AutoScalingGroups']
    equal(len(groups), 1, 'one group')
    g = groups[0]
    equal((g['MinSize'], g['MaxSize'], g['DesiredCapacity']), (1, 8, 5), 'sizes')
    equal(g['LaunchTemplate'], {'LaunchTemplateId': ctx['lt'], 'LaunchTemplateName': 'web', 'Version': '$Latest'},
          'launch template')
    equal(sorted(g['AvailabilityZones']), ['us-east-1a', 'us-east-1b', 'us-east-1c'], 'zones')
    equal(g['VPCZoneIdentifier'], ','.join(ctx['subnets']), 'subnets')
    check(g['AutoScalingGroupARN'].startswith('arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:')
          and g['AutoScalingGroupARN'].endswith(':autoScalingGroupName/web'), g['AutoScalingGroupARN'])
    check('CreatedTime' in g and g['HealthCheckType'] == 'EC2', 'created time, health check')
    equal(len(g['Instances']), 5, 'five instances')
    check(all(i['LifecycleState'] == 'Pending' and i['HealthStatus'] == 'Healthy' for i in g['Instances']),
          'pending, healthy')
    zones = collections.Counter(i['AvailabilityZone'] for i in g['Instances'])
    equal(sorted(zones.values()), [1, 2, 2], 'balanced over three zones')
    equal(group_instances('web'), zones, 'DescribeInstances shows the group tag in the same zones')
    tags = {t['Key']: (t['Value'], t['PropagateAtLaunch'], t['ResourceType']) for t in g['Tags']}
    equal(tags, {'Team': ('blue', True, 'auto-scaling-group'), 'Cost': ('42', False, 'auto-scaling-group')},
          'group tags')
    status, body = sb.raw({'Action': 'DescribeTags', 'Version': '2016-11-15',
                           'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': g['Instances'][0]['InstanceId']})
    equal(sorted(xml_find(body, 'key')), ['Team', 'aws:autoscaling:groupName'], 'propagated tags only')


@test
def validation_errors():
    subnets = ','.join(ctx['subnets'])
    base = {'AutoScalingGroupName': 'web', 'LaunchTemplate.LaunchTemplateId': ctx['lt'],
            'MinSize': '1', 'MaxSize': '3', 'VPCZoneIdentifier': subnets}
    asg_error('AlreadyExists', 'CreateAutoScalingGroup', base)
    other = dict(base, AutoScalingGroupName='other')
    check('between' in asg_error('ValidationError', 'CreateAutoScalingGroup', dict(other, DesiredCapacity='4')),
          'desired above max')
    asg_error('ValidationError', 'CreateAutoScalingGroup', dict(other, MinSize='4'))
    asg_error('ValidationError', 'CreateAutoScalingGroup',
              dict(other, **{'LaunchTemplate.LaunchTemplateId': 'lt-0123456789abcdef0'}))
    asg_error('ValidationError', 'CreateAutoScalingGroup', dict(other, **{'LaunchTemplate.Version': '7'}))
    asg_error('ValidationError', 'CreateAutoScalingGroup', dict(other, VPCZoneIdentifier='subnet-0000000000000000f'))
    asg_error('ValidationError', 'UpdateAutoScalingGroup', {'AutoScalingGroupName': 'nope', 'MaxSize': '2'})
    asg_error('ValidationError', 'SetDesiredCapacity', {'AutoScalingGroupName': 'web', 'DesiredCapacity': '9'})
    asg_error('ResourceInUse', 'DeleteAutoScalingGroup', {'AutoScalingGroupName': 'web'})
    asg_error('ValidationError', 'DeleteAutoScalingGroup', {'AutoScalingGroupName': 'nope'})
    # Nothing of the failed calls stayed behind.
    status, body = asg_raw('DescribeAutoScalingGroups')
    equal(xml_find(body, 'AutoScalingGroupName'), ['web'], 'only the first group')
    equal(sum(group_instances('other').values()), 0, 'no instances of failed groups')
    status, _ = sb.raw({'Action': 'DescribeInstances', 'Version': '2016-11-15'}, service='autoscaling')
    equal(status, 400, 'EC2 actions are not Auto Scaling actions')


@test
def update_scales_and_pages():
    out = sb.aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'web',
                 '--desired-capacity', '6')
    equal(out, {}, 'update answers with metadata only')
    equal(sorted(group_instances('web').values()), [2, 2, 2], 'scaled out to two per zone')
    status, body = asg_raw('SetDesiredCapacity', {'AutoScalingGroupName': 'web', 'DesiredCapacity': '3'})
    equal(status, 200, body)
    check(body.find('<SetDesiredCapacityResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">') > 0,
          body)
    equal(sorted(group_instances('web').values()), [1, 1, 1], 'scaled in evenly')
    status, body = asg_raw('UpdateAutoScalingGroup', {'AutoScalingGroupName': 'web', 'MaxSize': '2'})
    equal(status, 200, body)
    status, body = asg_raw('DescribeAutoScalingGroups', {'AutoScalingGroupNames.member.1': 'web'})
    equal((xml_find(body, 'MaxSize'), xml_find(body, 'DesiredCapacity')), (['2'], ['2']), 'max drags desired')
    equal(sum(group_instances('web').values()), 2, 'two instances left')

    status, body = asg_raw('CreateAutoScalingGroup', {
        'AutoScalingGroupName': 'batch', 'LaunchTemplate.LaunchTemplateName': 'web', 'MinSize': '0',
        'MaxSize': '2', 'DesiredCapacity': '0', 'VPCZoneIdentifier': ctx['subnets'][0]})
    equal(status, 200, body)
    status, body = asg_raw('DescribeAutoScalingGroups', {'MaxRecords': '1'})
    equal(xml_find(body, 'AutoScalingGroupName'), ['batch'], 'first page')
    token = xml_find(body, 'NextToken')
    equal(len(token), 1, 'a next token')
    status, body = asg_raw('DescribeAutoScalingGroups', {'MaxRecords': '1', 'NextToken': token[0]})
    equal((xml_find(body, 'AutoScalingGroupName'), xml_find(body, 'NextToken')), (['web'], []), 'last page')
    status, body = sb.raw({'Action': 'DescribeAutoScalingGroups', 'Version': '2011-01-01'},
                          account='bob', service='autoscaling')
    equal(xml_find(body, 'AutoScalingGroupName'), [], 'groups are per account')


@test
def delete_and_restart():
    asg_raw('DeleteAutoScalingGroup', {'AutoScalingGroupName': 'batch'})
    sb.stop()
    sb.start()
    status, body = asg_raw('DescribeAutoScalingGroups')
    equal(xml_find(body, 'AutoScalingGroupName'), ['web'], 'the group survived a restart')
    equal(collections.Counter(xml_find(body, 'LifecycleState')), {'Pending': 2, 'Terminating': 4},
          'with its instances (scaled-in ones terminating)')
    out = sb.aws('autoscaling', 'delete-auto-scaling-group', '--auto-scaling-group-name', 'web', '--force-delete')
    equal(out, {}, 'delete answers with metadata only')
    status, body = asg_raw('DescribeAutoScalingGroups')
    equal(xml_find(body, 'AutoScalingGroupName'), [], 'no groups left')
    equal(sum(group_instances('web').values()), 0, 'the instances are shutting down')


@test
def edited_state_is_clamped():
    """A state file edited by hand: sizes and times out of range, a group without subnets."""
    import json
    for name in ('huge', 'nosubnet'):
        status, body = asg_raw('CreateAutoScalingGroup', {
            'AutoScalingGroupName': name, 'LaunchTemplate.LaunchTemplateName': 'web', 'MinSize': '0',
            'MaxSize': '1', 'DesiredCapacity': '0', 'VPCZoneIdentifier': ctx['subnets'][0]})
        equal(status, 200, body)
    sb.stop()
    path = os.path.join(sb.data_dir, 'state.json')
    with open(path) as f:
        state = json.load(f)
    for g in state['autoScalingGroups']:
        if g['name'] == 'huge':
            g.update(minSize=-5, maxSize=2147483647, desiredCapacity=2000000000, createdTime=2**63 - 1)
        elif g['name'] == 'nosubnet':
            g.update(subnetIds=[], maxSize=3, createdTime=-(2**63))
    with open(path, 'w') as f:
        json.dump(state, f)
    sb.start()
    status, body = asg_raw('DescribeAutoScalingGroups', {'AutoScalingGroupNames.member.1': 'huge'})
    equal(status, 200, body)
    equal((xml_find(body, 'MinSize'), xml_find(body, 'MaxSize'), xml_find(body, 'DesiredCapacity')),
          (['0'], ['20'], ['20']), 'sizes clamped to the sandbox limit on load')
    check(xml_find(body, 'CreatedTime')[0].startswith('9999-12-31T'), body)
    status, body = asg_raw('SetDesiredCapacity', {'AutoScalingGroupName': 'huge', 'DesiredCapacity': '1'})
    equal(status, 200, body)
    equal(sum(group_instances('huge').values()), 1, 'one instance')
    # No subnet to launch into: a clear error, and the server lives on.
    message = asg_error('ValidationError', 'SetDesiredCapacity',
                        {'AutoScalingGroupName': 'nosubnet', 'DesiredCapacity': '1'})
    check('no subnets' in message, message)
    status, body = asg_raw('DescribeAutoScalingGroups', {'AutoScalingGroupNames.member.1': 'nosubnet'})
    equal((status, xml_find(body, 'DesiredCapacity')), (200, ['0']), 'the failed call changed nothing')
    check(xml_find(body, 'CreatedTime')[0].startswith('1970-01-01T'), body)
    for name in ('huge', 'nosubnet'):
        status, body = asg_raw('DeleteAutoScalingGroup', {'AutoScalingGroupName': name, 'ForceDelete': 'true'})
        equal(status, 200, body)


if __name__ == '__main__':
    sb.start()
    try:
        code = run()
    finally:
        sb.cleanup()
    sys.exit(code)
