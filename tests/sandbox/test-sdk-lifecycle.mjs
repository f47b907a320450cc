// test-sdk-lifecycle.mjs: image references, instance image metadata, disabled images, the Recycle
// Bin, snapshots and launch template versions, driven by the AWS SDK for JavaScript v3
// Copyright 2026 The Amiable authors
// SPDX-License-Identifier: GPL-3.0-or-later
import { test, run, ec2, assert, assertEqual, refused } from './sdktest.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

async function webServer (client) {
  const out = await client.send(new ec2.DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'name', Values: ['alice-web-server-2026-01-15'] }],
  }));
  assertEqual(out.Images.length, 1, 'alice-web-server images');
  return out.Images[0];
}

async function launch (client, imageId) {
  const out = await client.send(new ec2.RunInstancesCommand({
    ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
  }));
  return out.Instances[0];
}

test('DescribeImageReferences finds the instance and the launch template using an image, by type, state and page', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const instance = await launch(alice, image.ImageId);
  const template = (await alice.send(new ec2.CreateLaunchTemplateCommand({
    LaunchTemplateName: 'web-template', LaunchTemplateData: { ImageId: image.ImageId, InstanceType: 't3.micro' },
  }))).LaunchTemplate;

  const all = await alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], IncludeAllResourceTypes: true,
  }));
  const found = all.ImageReferences.map((r) => [r.ImageId, r.ResourceType, r.Arn]).sort();
  assertEqual(found, [
    [image.ImageId, 'ec2:Instance', `arn:aws:ec2:us-east-1:111122223333:instance/${instance.InstanceId}`],
    [image.ImageId, 'ec2:LaunchTemplate',
     `arn:aws:ec2:us-east-1:111122223333:launch-template/${template.LaunchTemplateId}`],
  ], 'references');

  const instancesOnly = await alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], ResourceTypes: [{ ResourceType: 'ec2:Instance' }],
  }));
  assertEqual(instancesOnly.ImageReferences.map((r) => r.ResourceType), ['ec2:Instance'], 'instances only');

  const stoppedOnly = await alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId],
    ResourceTypes: [{ ResourceType: 'ec2:Instance',
                      ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['stopped'] }] }],
  }));
  assertEqual(stoppedOnly.ImageReferences, [], 'no stopped instance uses it');

  const first = await alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], IncludeAllResourceTypes: true, MaxResults: 1,
  }));
  assertEqual(first.ImageReferences.length, 1, 'first page');
  assert(first.NextToken, 'a NextToken after the first page');
  const second = await alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], IncludeAllResourceTypes: true, MaxResults: 1, NextToken: first.NextToken,
  }));
  assertEqual(second.ImageReferences.length, 1, 'second page');
  assertEqual(second.NextToken, undefined, 'no token after the last page');
  assert(second.ImageReferences[0].Arn !== first.ImageReferences[0].Arn, 'the pages differ');

  // bob's view: none of alice's resources are his.
  const bobs = await sb.client('bob').send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], IncludeAllResourceTypes: true,
  }));
  assertEqual(bobs.ImageReferences, [], 'bob sees no references to alice\'s image');

  const e = await refused(() => alice.send(new ec2.DescribeImageReferencesCommand({ ImageIds: [image.ImageId] })));
  assertEqual(e.name, 'MissingParameter', 'neither IncludeAllResourceTypes nor ResourceTypes');
  const bad = await refused(() => alice.send(new ec2.DescribeImageReferencesCommand({
    ImageIds: [image.ImageId], ResourceTypes: [{ ResourceType: 'ec2:Volume' }],
  })));
  assertEqual(bad.name, 'InvalidParameterValue', 'unknown resource type');
});

test('DescribeInstanceImageMetadata describes an instance\'s image before and after it is deregistered', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const instance = await launch(alice, image.ImageId);

  const before = await alice.send(new ec2.DescribeInstanceImageMetadataCommand({ InstanceIds: [instance.InstanceId] }));
  assertEqual(before.InstanceImageMetadata.length, 1, 'one instance');
  const item = before.InstanceImageMetadata[0];
  assertEqual(item.InstanceId, instance.InstanceId, 'InstanceId');
  assertEqual(item.InstanceType, 't3.micro', 'InstanceType');
  assertEqual(item.OwnerId, '111122223333', 'OwnerId');
  assert(item.LaunchTime instanceof Date, 'LaunchTime');
  assert(/^use1-az[0-9]$/.test(item.ZoneId), `ZoneId ${item.ZoneId}`);
  assertEqual(item.ImageMetadata.ImageId, image.ImageId, 'ImageId');
  assertEqual(item.ImageMetadata.Name, 'alice-web-server-2026-01-15', 'Name');
  assertEqual(item.ImageMetadata.State, 'available', 'image state');
  assertEqual(item.ImageMetadata.OwnerId, '111122223333', 'image owner');
  assertEqual(item.ImageMetadata.IsPublic, false, 'IsPublic');

  await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId }));
  const after = await alice.send(new ec2.DescribeInstanceImageMetadataCommand({
    Filters: [{ Name: 'instance-id', Values: [instance.InstanceId] }],
  }));
  assertEqual(after.InstanceImageMetadata[0].ImageMetadata.State, 'deregistered', 'state after DeregisterImage');
  assertEqual(after.InstanceImageMetadata[0].ImageMetadata.ImageId, image.ImageId, 'ImageId after');

  const e = await refused(() => alice.send(new ec2.DescribeInstanceImageMetadataCommand({
    InstanceIds: ['i-0123456789abcdef0'] })));
  assertEqual(e.name, 'InvalidInstanceID.NotFound', 'unknown instance');
});

test('DisableImage hides the image unless IncludeDisabled, unshares it and stops launches; EnableImage brings it back private', async (sb) => {
  const alice = sb.client('alice');
  const bob = sb.client('bob');
  const image = await webServer(alice);
  const shared = await bob.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(shared.Images.length, 1, 'bob sees the shared image before');

  const out = await alice.send(new ec2.DisableImageCommand({ ImageId: image.ImageId }));
  assertEqual(out.Return, true, 'DisableImage returns true');
  const mine = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['self'] }));
  assert(!mine.Images.some((i) => i.ImageId === image.ImageId), 'hidden without IncludeDisabled');
  const withDisabled = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['self'], IncludeDisabled: true }));
  const listed = withDisabled.Images.find((i) => i.ImageId === image.ImageId);
  assert(listed, 'listed with IncludeDisabled');
  assertEqual(listed.State, 'disabled', 'State');
  const bobAfter = await bob.send(new ec2.DescribeImagesCommand({ ExecutableUsers: ['self'], IncludeDisabled: true }));
  assert(!bobAfter.Images.some((i) => i.ImageId === image.ImageId), 'no longer shared with bob');
  const e = await refused(() => launch(alice, image.ImageId));
  assertEqual(e.name, 'InvalidAMIID.Unavailable', 'a disabled image launches nothing');

  await alice.send(new ec2.EnableImageCommand({ ImageId: image.ImageId }));
  const back = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(back.Images[0].State, 'available', 'State after EnableImage');
  const perms = await alice.send(new ec2.DescribeImageAttributeCommand({
    ImageId: image.ImageId, Attribute: 'launchPermission' }));
  assertEqual(perms.LaunchPermissions, [], 'launch permissions stay removed');
  await launch(alice, image.ImageId);
});

test('a deregistered image waits in the Recycle Bin for 7 days and comes back with its snapshots', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const snapshotId = image.BlockDeviceMappings[0].Ebs.SnapshotId;

  await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId }));
  const gone = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['self'], IncludeDisabled: true }));
  assert(!gone.Images.some((i) => i.ImageId === image.ImageId), 'not listed once deregistered');
  const bin = await alice.send(new ec2.ListImagesInRecycleBinCommand({}));
  assertEqual(bin.Images.map((i) => [i.ImageId, i.Name, i.Description]),
              [[image.ImageId, image.Name, image.Description]], 'the Recycle Bin');
  const entry = bin.Images[0];
  assertEqual(entry.RecycleBinExitTime - entry.RecycleBinEnterTime, 7 * DAY_MS, 'retention');
  assertEqual((await sb.client('bob').send(new ec2.ListImagesInRecycleBinCommand({}))).Images, [],
              'bob\'s Recycle Bin');

  const inUse = await refused(() => alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snapshotId })));
  assertEqual(inUse.name, 'InvalidSnapshot.InUse', 'a snapshot of an image in the Recycle Bin');

  const restored = await alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId }));
  assertEqual(restored.Return, true, 'RestoreImageFromRecycleBin returns true');
  const back = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(back.Images[0].BlockDeviceMappings[0].Ebs.SnapshotId, snapshotId, 'same snapshot');
  assertEqual((await alice.send(new ec2.ListImagesInRecycleBinCommand({}))).Images, [], 'empty bin');
  const again = await refused(() => alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId })));
  assertEqual(again.name, 'InvalidAMIID.NotFound', 'restoring twice');
});

test('DeleteAssociatedSnapshots keeps a snapshot that an image in the Recycle Bin needs, so it can be restored', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const snapshotId = image.BlockDeviceMappings[0].Ebs.SnapshotId;
  const other = await alice.send(new ec2.RegisterImageCommand({
    Name: 'same-root-volume', RootDeviceName: '/dev/xvda', Architecture: 'x86_64', VirtualizationType: 'hvm',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId } }],
  }));
  await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId }));
  const out = await alice.send(new ec2.DeregisterImageCommand({
    ImageId: other.ImageId, DeleteAssociatedSnapshots: true }));
  assertEqual(out.DeleteSnapshotResults.map((r) => [r.SnapshotId, r.ReturnCode]), [[snapshotId, 'skipped']],
              'the shared snapshot is kept');
  await alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId }));
  const back = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(back.Images[0].BlockDeviceMappings[0].Ebs.SnapshotId, snapshotId, 'restored with its snapshot');
});

test('--recycle-bin-days sets the retention rule', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId }));
  const entry = (await alice.send(new ec2.ListImagesInRecycleBinCommand({ ImageIds: [image.ImageId] }))).Images[0];
  assertEqual(entry.RecycleBinExitTime - entry.RecycleBinEnterTime, 2 * DAY_MS, 'retention');
}, '--recycle-bin-days', '2');

test('without a retention rule a deregistered image is gone for good', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId }));
  assertEqual((await alice.send(new ec2.ListImagesInRecycleBinCommand({}))).Images, [], 'empty bin');
  const e = await refused(() => alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId })));
  assertEqual(e.name, 'InvalidAMIID.NotFound', 'nothing to restore');
}, '--recycle-bin-days', '0');

test('CreateSnapshot of an instance volume, DescribeSnapshots fields, DeleteSnapshot refuses an image\'s snapshot', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const instance = await launch(alice, image.ImageId);
  const volumeId = instance.BlockDeviceMappings?.[0]?.Ebs?.VolumeId
    ?? (await alice.send(new ec2.DescribeInstancesCommand({ InstanceIds: [instance.InstanceId] })))
      .Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs.VolumeId;

  const created = await alice.send(new ec2.CreateSnapshotCommand({
    VolumeId: volumeId, Description: 'before the upgrade',
    TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'purpose', Value: 'backup' }] }],
  }));
  assert(/^snap-[0-9a-f]{17}$/.test(created.SnapshotId), `SnapshotId ${created.SnapshotId}`);
  assertEqual(created.VolumeId, volumeId, 'VolumeId');
  assertEqual(created.State, 'pending', 'State');
  assertEqual(created.Tags, [{ Key: 'purpose', Value: 'backup' }], 'Tags');

  const described = (await alice.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [created.SnapshotId] })))
    .Snapshots[0];
  assertEqual(described.Description, 'before the upgrade', 'Description');
  assert(described.StartTime instanceof Date, 'StartTime');
  assertEqual(described.VolumeSize, 8, 'VolumeSize');
  assertEqual(described.FullSnapshotSizeInBytes, 8 * 2 ** 30, 'FullSnapshotSizeInBytes');
  assertEqual(described.StorageTier, 'standard', 'StorageTier');
  assertEqual(described.OwnerId, '111122223333', 'OwnerId');

  const imageSnapshot = (await alice.send(new ec2.DescribeSnapshotsCommand({
    SnapshotIds: [image.BlockDeviceMappings[0].Ebs.SnapshotId] }))).Snapshots[0];
  assert(new RegExp(`^Created by CreateImage\\(i-[0-9a-f]{17}\\) for ${image.ImageId}$`).test(imageSnapshot.Description),
         `image snapshot description ${imageSnapshot.Description}`);
  const inUse = await refused(() => alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: imageSnapshot.SnapshotId })));
  assertEqual(inUse.name, 'InvalidSnapshot.InUse', 'a registered image\'s snapshot');

  await alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: created.SnapshotId }));
  const e = await refused(() => alice.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [created.SnapshotId] })));
  assertEqual(e.name, 'InvalidSnapshot.NotFound', 'deleted');
  const again = await refused(() => alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: created.SnapshotId })));
  assertEqual(again.name, 'InvalidSnapshot.NotFound', 'deleting twice');
  const novol = await refused(() => alice.send(new ec2.CreateSnapshotCommand({ VolumeId: 'vol-0123456789abcdef0' })));
  assertEqual(novol.name, 'InvalidVolume.NotFound', 'unknown volume');
});

test('DescribeLaunchTemplateVersions lists the version with its image, by name, version and image filter', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const template = (await alice.send(new ec2.CreateLaunchTemplateCommand({
    LaunchTemplateName: 'web-template', VersionDescription: 'first',
    LaunchTemplateData: { ImageId: image.ImageId, InstanceType: 't3.small' },
  }))).LaunchTemplate;

  const out = await alice.send(new ec2.DescribeLaunchTemplateVersionsCommand({
    LaunchTemplateName: 'web-template', Versions: ['$Latest'],
  }));
  assertEqual(out.LaunchTemplateVersions.length, 1, 'one version');
  const v = out.LaunchTemplateVersions[0];
  assertEqual([v.LaunchTemplateId, v.LaunchTemplateName, v.VersionNumber, v.VersionDescription, v.DefaultVersion],
              [template.LaunchTemplateId, 'web-template', 1, 'first', true], 'version');
  assertEqual(v.LaunchTemplateData.ImageId, image.ImageId, 'ImageId');
  assertEqual(v.LaunchTemplateData.InstanceType, 't3.small', 'InstanceType');

  const filtered = await alice.send(new ec2.DescribeLaunchTemplateVersionsCommand({
    Versions: ['$Default'], Filters: [{ Name: 'image-id', Values: ['ami-0123456789abcdef0'] }],
  }));
  assertEqual(filtered.LaunchTemplateVersions, [], 'no template uses another image');

  const e = await refused(() => alice.send(new ec2.DescribeLaunchTemplateVersionsCommand({
    LaunchTemplateId: template.LaunchTemplateId, Versions: ['7'] })));
  assertEqual(e.name, 'InvalidLaunchTemplateId.VersionNotFound', 'unknown version');
  const nf = await refused(() => alice.send(new ec2.DescribeLaunchTemplateVersionsCommand({
    LaunchTemplateName: 'no-such-template' })));
  assertEqual(nf.name, 'InvalidLaunchTemplateName.NotFoundException', 'unknown template');
});

await run();
