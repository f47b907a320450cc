// test-sdk-snapshot-sharing.mjs: who may create volumes from a snapshot (Describe/Modify/
// ResetSnapshotAttribute, DescribeSnapshots RestorableByUserIds), driven by the AWS SDK for
// JavaScript v3
// Copyright 2026 The Amiable authors
// SPDX-License-Identifier: GPL-3.0-or-later
import { test, run, ec2, assert, assertEqual, refused } from './sdktest.mjs';

const BOB = '444455556666';

// The snapshot behind alice's web server image.
async function webSnapshot (client) {
  const out = await client.send(new ec2.DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'name', Values: ['alice-web-server-2026-01-15'] }],
  }));
  return out.Images[0].BlockDeviceMappings.find((m) => m.Ebs && m.Ebs.SnapshotId).Ebs.SnapshotId;
}

async function permissions (client, snapshotId) {
  const out = await client.send(new ec2.DescribeSnapshotAttributeCommand({
    SnapshotId: snapshotId, Attribute: 'createVolumePermission',
  }));
  assertEqual(out.SnapshotId, snapshotId, 'snapshotId');
  return out.CreateVolumePermissions;
}

async function restorableBySelf (client) {
  const out = await client.send(new ec2.DescribeSnapshotsCommand({ RestorableByUserIds: ['self'] }));
  return out.Snapshots.map((s) => s.SnapshotId);
}

test('ModifySnapshotAttribute shares a snapshot with an account and publicly; the other account sees it', async (sb) => {
  const alice = sb.client('alice');
  const bob = sb.client('bob');
  const snap = await webSnapshot(alice);

  assertEqual(await permissions(alice, snap), [], 'not shared at first');
  assert(!(await restorableBySelf(bob)).includes(snap), 'bob does not see it yet');
  const hidden = await refused(() => bob.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [snap] })));
  assertEqual(hidden.name, 'InvalidSnapshot.NotFound', 'bob by id before sharing');

  // A launch permission lets bob launch the image, not copy it: that reads the snapshot.
  const image = (await alice.send(new ec2.DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'name', Values: ['alice-web-server-2026-01-15'] }] }))).Images[0];
  const copyInput = { SourceImageId: image.ImageId, SourceRegion: 'us-east-1', Name: 'bobs-copy' };
  const noCopy = await refused(() => bob.send(new ec2.CopyImageCommand(copyInput)));
  assertEqual(noCopy.name, 'InvalidRequest', 'bob copies before the snapshot is shared');
  assertEqual(noCopy.message, 'You do not have permission to access the storage of this ami', 'why');

  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, Attribute: 'createVolumePermission',
    CreateVolumePermission: { Add: [{ UserId: BOB }] },
  }));
  const bobCopy = await bob.send(new ec2.CopyImageCommand(copyInput));
  assert(bobCopy.ImageId.startsWith('ami-'), 'bob copies once it is shared');
  // Adding again changes nothing.
  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: BOB }] },
  }));
  assertEqual(await permissions(alice, snap), [{ UserId: BOB }], 'shared with bob once');
  assert((await restorableBySelf(bob)).includes(snap), 'bob: RestorableByUserIds=self');
  const byId = await bob.send(new ec2.DescribeSnapshotsCommand({ SnapshotIds: [snap] }));
  assertEqual(byId.Snapshots.map((s) => [s.SnapshotId, s.OwnerId]), [[snap, '111122223333']], 'bob by id');
  const byAccount = await alice.send(new ec2.DescribeSnapshotsCommand({ RestorableByUserIds: [BOB] }));
  assertEqual(byAccount.Snapshots.map((s) => s.SnapshotId), [snap], 'alice: restorable by bob');
  const own = await bob.send(new ec2.DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
  assert(!own.Snapshots.some((s) => s.SnapshotId === snap), 'not among bob\'s own');

  const bobChange = await refused(() => bob.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Remove: [{ UserId: BOB }] } })));
  assertEqual(bobChange.name, 'UnauthorizedOperation', 'only the owner changes it');
  const bobRead = await refused(() => permissions(bob, snap));
  assertEqual(bobRead.name, 'UnauthorizedOperation', 'only the owner reads it');
  const codes = await bob.send(new ec2.DescribeSnapshotAttributeCommand({ SnapshotId: snap, Attribute: 'productCodes' }));
  assertEqual([codes.SnapshotId, codes.ProductCodes], [snap, []], 'product codes of a shared snapshot');

  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Add: [{ Group: 'all' }] },
  }));
  assertEqual(await permissions(alice, snap), [{ UserId: BOB }, { Group: 'all' }], 'public too');
  const pub = await alice.send(new ec2.DescribeSnapshotsCommand({ RestorableByUserIds: ['all'] }));
  assertEqual(pub.Snapshots.map((s) => s.SnapshotId), [snap], 'RestorableByUserIds=all');

  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Remove: [{ UserId: BOB }, { Group: 'all' }] },
  }));
  assertEqual(await permissions(alice, snap), [], 'removed');
  assert(!(await restorableBySelf(bob)).includes(snap), 'bob no longer sees it');
});

test('OperationType with UserIds and GroupNames, ResetSnapshotAttribute, and what EC2 refuses', async (sb) => {
  const alice = sb.client('alice');
  const snap = await webSnapshot(alice);

  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, Attribute: 'createVolumePermission', OperationType: 'add',
    UserIds: [BOB], GroupNames: ['all'],
  }));
  assertEqual(await permissions(alice, snap), [{ UserId: BOB }, { Group: 'all' }], 'added by OperationType');
  await alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, OperationType: 'remove', GroupNames: ['all'],
  }));
  assertEqual(await permissions(alice, snap), [{ UserId: BOB }], 'group removed');
  await alice.send(new ec2.ResetSnapshotAttributeCommand({ SnapshotId: snap, Attribute: 'createVolumePermission' }));
  assertEqual(await permissions(alice, snap), [], 'reset');

  const cases = [
    [{ SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: 'bob' }] } }, 'InvalidParameterValue'],
    [{ SnapshotId: snap, CreateVolumePermission: { Add: [{ Group: 'everyone' }] } }, 'InvalidParameterValue'],
    [{ SnapshotId: snap, UserIds: [BOB] }, 'InvalidParameterValue'],
    [{ SnapshotId: snap, Attribute: 'productCodes', OperationType: 'add', UserIds: [BOB] }, 'InvalidParameterValue'],
    [{ SnapshotId: snap }, 'MissingParameter'],
    [{ SnapshotId: 'snap-0000000000000000f', OperationType: 'add', UserIds: [BOB] }, 'InvalidSnapshot.NotFound'],
    [{ SnapshotId: 'vol-1', OperationType: 'add', UserIds: [BOB] }, 'InvalidSnapshotID.Malformed'],
  ];
  for (const [input, code] of cases) {
    const e = await refused(() => alice.send(new ec2.ModifySnapshotAttributeCommand(input)));
    assertEqual(e.name, code, JSON.stringify(input));
  }
  const dry = await refused(() => alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, OperationType: 'add', UserIds: [BOB], DryRun: true })));
  assertEqual(dry.name, 'DryRunOperation', 'dry run');
  assertEqual(await permissions(alice, snap), [], 'a dry run changes nothing');
  const attr = await refused(() => alice.send(new ec2.DescribeSnapshotAttributeCommand({
    SnapshotId: snap, Attribute: 'volumeSize' })));
  assertEqual(attr.name, 'InvalidParameterValue', 'unknown attribute');
});

test('an encrypted snapshot (default key) is neither shared with an account nor made public', async (sb) => {
  const alice = sb.client('alice');
  const images = await alice.send(new ec2.DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'name', Values: ['alice-web-server-2026-01-15'] }],
  }));
  const copy = await alice.send(new ec2.CopyImageCommand({
    SourceImageId: images.Images[0].ImageId, SourceRegion: 'us-east-1', Name: 'encrypted-copy', Encrypted: true,
  }));
  const described = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [copy.ImageId] }));
  const snap = described.Images[0].BlockDeviceMappings.find((m) => m.Ebs && m.Ebs.SnapshotId).Ebs.SnapshotId;
  const shared = await refused(() => alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: BOB }] } })));
  assertEqual(shared.name, 'OperationNotPermitted', 'shared with bob');
  const pub = await refused(() => alice.send(new ec2.ModifySnapshotAttributeCommand({
    SnapshotId: snap, CreateVolumePermission: { Add: [{ Group: 'all' }] } })));
  assertEqual(pub.name, 'OperationNotPermitted', 'public');
  assertEqual(await permissions(alice, snap), [], 'unchanged');
});

await run();
