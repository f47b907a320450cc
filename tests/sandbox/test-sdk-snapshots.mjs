// test-sdk-snapshots.mjs: deleted snapshots in the Recycle Bin (ListSnapshotsInRecycleBin,
// RestoreSnapshotFromRecycleBin), driven by the AWS SDK for JavaScript v3
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

// A snapshot of a new instance's root volume, used by no image.
async function volumeSnapshot (client, description, count = 1) {
  const image = await webServer(client);
  const instance = (await client.send(new ec2.RunInstancesCommand({
    ImageId: image.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
  }))).Instances[0];
  const described = await client.send(new ec2.DescribeInstancesCommand({ InstanceIds: [instance.InstanceId] }));
  const volumeId = described.Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs.VolumeId;
  const out = [];
  for (let i = 0; i < count; i++)
    out.push(await client.send(new ec2.CreateSnapshotCommand({
      VolumeId: volumeId, Description: description,
      TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'purpose', Value: 'backup' }] }],
    })));
  return out.length === 1 ? out[0] : out;
}

async function listed (client) {
  return (await client.send(new ec2.DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots.map((s) => s.SnapshotId);
}

test('DeleteSnapshot under the EBS_SNAPSHOT rule keeps the snapshot in the Recycle Bin for 7 days; Restore brings it back with its tags', async (sb) => {
  const alice = sb.client('alice');
  const snap = await volumeSnapshot(alice, 'before the upgrade');
  assert((await listed(alice)).includes(snap.SnapshotId), 'listed before');

  const out = await alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId }));
  assertEqual(out.$metadata.httpStatusCode, 200, 'DeleteSnapshot answered');
  assert(!(await listed(alice)).includes(snap.SnapshotId), 'DescribeSnapshots no longer lists it');
  const byId = await refused(() => alice.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [snap.SnapshotId] })));
  assertEqual(byId.name, 'InvalidSnapshot.NotFound', 'described by id once binned');
  const twice = await refused(() => alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId })));
  assertEqual(twice.name, 'InvalidSnapshot.NotFound', 'deleting a binned snapshot');

  const bin = await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({}));
  assertEqual(bin.Snapshots.map((s) => [s.SnapshotId, s.Description, s.VolumeId]),
              [[snap.SnapshotId, 'before the upgrade', snap.VolumeId]], 'the Recycle Bin');
  const entry = bin.Snapshots[0];
  assert(entry.RecycleBinEnterTime instanceof Date, 'RecycleBinEnterTime');
  assertEqual(entry.RecycleBinExitTime - entry.RecycleBinEnterTime, 7 * DAY_MS, 'retention');
  assertEqual((await sb.client('bob').send(new ec2.ListSnapshotsInRecycleBinCommand({}))).Snapshots, [],
              'bob\'s Recycle Bin');
  const byIdInBin = await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({ SnapshotIds: [snap.SnapshotId] }));
  assertEqual(byIdInBin.Snapshots.length, 1, 'listed by id');
  const bobRestore = await refused(() => sb.client('bob').send(new ec2.RestoreSnapshotFromRecycleBinCommand({
    SnapshotId: snap.SnapshotId })));
  assertEqual(bobRestore.name, 'InvalidSnapshot.NotFound', 'bob cannot restore alice\'s snapshot');

  const restored = await alice.send(new ec2.RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snap.SnapshotId }));
  assertEqual([restored.SnapshotId, restored.Description, restored.VolumeId, restored.VolumeSize, restored.OwnerId,
               restored.Encrypted],
              [snap.SnapshotId, 'before the upgrade', snap.VolumeId, 8, '111122223333', false], 'restored fields');
  assert(restored.StartTime instanceof Date, 'StartTime');
  const back = (await alice.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [snap.SnapshotId] }))).Snapshots[0];
  assertEqual(back.Tags, [{ Key: 'purpose', Value: 'backup' }], 'tags kept');
  assertEqual((await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({}))).Snapshots, [], 'empty bin');
  const again = await refused(() => alice.send(new ec2.RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snap.SnapshotId })));
  assertEqual(again.name, 'InvalidSnapshot.NotFound', 'restoring twice');
  const bad = await refused(() => alice.send(new ec2.RestoreSnapshotFromRecycleBinCommand({ SnapshotId: 'vol-123' })));
  assertEqual(bad.name, 'InvalidSnapshotID.Malformed', 'not a snapshot id');
});

test('ListSnapshotsInRecycleBin pages with MaxResults and NextToken', async (sb) => {
  const alice = sb.client('alice');
  const snaps = await volumeSnapshot(alice, 'paged', 6);
  for (const s of snaps)
    await alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: s.SnapshotId }));
  const first = await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({ MaxResults: 5 }));
  assertEqual(first.Snapshots.length, 5, 'first page');
  assert(first.NextToken, 'a NextToken');
  const second = await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({ MaxResults: 5, NextToken: first.NextToken }));
  assertEqual(second.Snapshots.length, 1, 'second page');
  assertEqual(second.NextToken, undefined, 'no token after the last page');
  assertEqual([...first.Snapshots, ...second.Snapshots].map((s) => s.SnapshotId).sort(),
              snaps.map((s) => s.SnapshotId).sort(), 'every deleted snapshot');
  const small = await refused(() => alice.send(new ec2.ListSnapshotsInRecycleBinCommand({ MaxResults: 2 })));
  assertEqual(small.name, 'InvalidParameterValue', 'MaxResults under 5');
});

test('an image deregistered with its snapshots comes back once its snapshot is restored first', async (sb) => {
  const alice = sb.client('alice');
  const image = await webServer(alice);
  const snapshotId = image.BlockDeviceMappings[0].Ebs.SnapshotId;
  const out = await alice.send(new ec2.DeregisterImageCommand({ ImageId: image.ImageId, DeleteAssociatedSnapshots: true }));
  assertEqual(out.DeleteSnapshotResults.map((r) => [r.SnapshotId, r.ReturnCode]), [[snapshotId, 'success']], 'deleted');
  const bin = await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({ SnapshotIds: [snapshotId] }));
  assertEqual(bin.Snapshots.map((s) => s.SnapshotId), [snapshotId], 'the image\'s snapshot is in the Recycle Bin');

  const early = await refused(() => alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId })));
  assertEqual(early.name, 'InvalidSnapshot.NotFound', 'the image needs its snapshot first');
  await alice.send(new ec2.RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snapshotId }));
  await alice.send(new ec2.RestoreImageFromRecycleBinCommand({ ImageId: image.ImageId }));
  const back = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(back.Images[0].BlockDeviceMappings[0].Ebs.SnapshotId, snapshotId, 'restored with its snapshot');
});

test('without an EBS_SNAPSHOT rule a deleted snapshot is gone for good', async (sb) => {
  const alice = sb.client('alice');
  const snap = await volumeSnapshot(alice, 'no rule');
  await alice.send(new ec2.DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId }));
  assertEqual((await alice.send(new ec2.ListSnapshotsInRecycleBinCommand({}))).Snapshots, [], 'empty bin');
  const e = await refused(() => alice.send(new ec2.RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snap.SnapshotId })));
  assertEqual(e.name, 'InvalidSnapshot.NotFound', 'nothing to restore');
}, '--snapshot-recycle-bin-days', '0');

await run();
