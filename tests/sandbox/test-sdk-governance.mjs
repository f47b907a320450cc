// test-sdk-governance.mjs: Block Public Access, Allowed AMIs, ancestry, usage reports and
// CancelImageLaunchPermission in the sandbox, driven by the AWS SDK for JavaScript v3
// Copyright 2026 The Amiable authors
// SPDX-License-Identifier: GPL-3.0-or-later
import { test, run, ec2, assert, assertEqual, refused, ACCOUNTS } from './sdktest.mjs';

const BOB = ACCOUNTS.bob[0];

async function ownImage (client) {
  const out = await client.send(new ec2.DescribeImagesCommand({ Owners: ['self'] }));
  const available = out.Images.filter((i) => i.State === 'available');
  assert(available.length > 0, 'alice has an available image');
  return available[0];
}

async function until (what, fn, ceilingMs = 60000) {
  const deadline = Date.now() + ceilingMs;
  for (;;) {
    const value = await fn();
    if (value)
      return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('Block Public Access: on refuses making an image public with OperationNotPermitted, per region', async (sb) => {
  const alice = sb.client('alice');
  const image = await ownImage(alice);
  const makePublic = (client, id) => client.send(new ec2.ModifyImageAttributeCommand({
    ImageId: id, LaunchPermission: { Add: [{ Group: 'all' }] },
  }));

  let state = await alice.send(new ec2.GetImageBlockPublicAccessStateCommand({}));
  assertEqual(state.ImageBlockPublicAccessState, 'unblocked', 'initial state');
  assertEqual(state.ManagedBy, 'account', 'ManagedBy');
  const enabled = await alice.send(new ec2.EnableImageBlockPublicAccessCommand({
    ImageBlockPublicAccessState: 'block-new-sharing',
  }));
  assertEqual(enabled.ImageBlockPublicAccessState, 'block-new-sharing', 'Enable answer');
  state = await alice.send(new ec2.GetImageBlockPublicAccessStateCommand({}));
  assertEqual(state.ImageBlockPublicAccessState, 'block-new-sharing', 'state after Enable');

  const e = await refused(() => makePublic(alice, image.ImageId));
  assertEqual(e.name, 'OperationNotPermitted', 'error code');
  assert(/block public access for AMIs is enabled/.test(e.message), e.message);
  // Sharing with an account is not public sharing.
  await alice.send(new ec2.ModifyImageAttributeCommand({
    ImageId: image.ImageId, LaunchPermission: { Add: [{ UserId: BOB }] },
  }));

  // Another region of the same account and another account are unaffected.
  const west = sb.client('alice', 'us-west-2');
  assertEqual((await west.send(new ec2.GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState,
              'unblocked', 'us-west-2');
  assertEqual((await sb.client('bob').send(new ec2.GetImageBlockPublicAccessStateCommand({})))
    .ImageBlockPublicAccessState, 'unblocked', 'bob');

  const bad = await refused(() => alice.send(new ec2.EnableImageBlockPublicAccessCommand({
    ImageBlockPublicAccessState: 'unblocked',
  })));
  assertEqual(bad.name, 'InvalidParameterValue', 'invalid state');

  const disabled = await alice.send(new ec2.DisableImageBlockPublicAccessCommand({}));
  assertEqual(disabled.ImageBlockPublicAccessState, 'unblocked', 'Disable answer');
  await makePublic(alice, image.ImageId);
  const after = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [image.ImageId] }));
  assertEqual(after.Images[0].Public, true, 'public once unblocked');
});

test('Allowed AMIs: criteria round-trip, imageAllowed in audit mode, hidden and refused when enabled', async (sb) => {
  const alice = sb.client('alice');
  let settings = await alice.send(new ec2.GetAllowedImagesSettingsCommand({}));
  assertEqual(settings.State, 'disabled', 'initial state');
  assertEqual(settings.ImageCriteria || [], [], 'initial criteria');

  await alice.send(new ec2.ReplaceImageCriteriaInAllowedImagesSettingsCommand({
    ImageCriteria: [
      { ImageProviders: ['amazon'] },
      { ImageNames: ['ubuntu/images/*noble*'], CreationDateCondition: { MaximumDaysSinceCreated: 36500 } },
    ],
  }));
  settings = await alice.send(new ec2.GetAllowedImagesSettingsCommand({}));
  assertEqual(settings.ImageCriteria, [
    { ImageProviders: ['amazon'] },
    { ImageNames: ['ubuntu/images/*noble*'], CreationDateCondition: { MaximumDaysSinceCreated: 36500 } },
  ], 'criteria');

  // Disabled: DescribeImages says nothing about allowance.
  const before = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
  assertEqual(before.Images[0].ImageAllowed, undefined, 'imageAllowed while disabled');

  assertEqual((await alice.send(new ec2.EnableAllowedImagesSettingsCommand({
    AllowedImagesSettingsState: 'audit-mode',
  }))).AllowedImagesSettingsState, 'audit-mode', 'Enable audit-mode answer');
  const amazon = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['amazon'] }));
  assert(amazon.Images.length > 0 && amazon.Images.every((i) => i.ImageAllowed === true), 'amazon allowed');
  const market = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['aws-marketplace'] }));
  assert(market.Images.length > 0 && market.Images.every((i) => i.ImageAllowed === false),
         'marketplace not allowed');
  const ubuntu = await alice.send(new ec2.DescribeImagesCommand({
    Filters: [{ Name: 'name', Values: ['ubuntu/images/*'] }],
  }));
  assert(ubuntu.Images.some((i) => i.ImageAllowed === true), 'a noble image is allowed');
  assert(ubuntu.Images.some((i) => i.ImageAllowed === false), 'an older Ubuntu is not');
  const own = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['self'] }));
  assert(own.Images.every((i) => i.ImageAllowed === true), 'own images are always allowed');
  // Audit mode restricts nothing.
  const notAllowed = ubuntu.Images.find((i) => !i.ImageAllowed && i.State === 'available' && i.Architecture === 'x86_64');
  assert(notAllowed, 'a not-allowed x86_64 Ubuntu image');
  const dry = await refused(() => alice.send(new ec2.RunInstancesCommand({
    ImageId: notAllowed.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, DryRun: true,
  })));
  assertEqual(dry.name, 'DryRunOperation', 'audit mode launch');
  // An instance of it: DescribeInstanceImageMetadata says the image is not allowed.
  const launched = await alice.send(new ec2.RunInstancesCommand({
    ImageId: notAllowed.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
  }));
  const metadata = async () => (await alice.send(new ec2.DescribeInstanceImageMetadataCommand({
    InstanceIds: [launched.Instances[0].InstanceId],
  }))).InstanceImageMetadata[0].ImageMetadata;
  const audited = await metadata();
  assertEqual([audited.ImageId, audited.ImageAllowed], [notAllowed.ImageId, false], 'instance image metadata');

  await alice.send(new ec2.EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'enabled' }));
  assertEqual((await alice.send(new ec2.GetAllowedImagesSettingsCommand({}))).State, 'enabled', 'state');
  const hidden = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['aws-marketplace'] }));
  assertEqual(hidden.Images.length, 0, 'not-allowed images are hidden from listings');
  const hiddenUbuntu = await alice.send(new ec2.DescribeImagesCommand({
    Filters: [{ Name: 'name', Values: ['ubuntu/images/*'] }],
  }));
  assert(hiddenUbuntu.Images.length > 0 && hiddenUbuntu.Images.every((i) => i.ImageAllowed === true),
         'only allowed Ubuntu images are listed');
  const byId = await alice.send(new ec2.DescribeImagesCommand({ ImageIds: [notAllowed.ImageId] }));
  assertEqual(byId.Images.map((i) => [i.ImageId, i.ImageAllowed]), [[notAllowed.ImageId, false]], 'asked by ID');
  for (const dryRun of [true, false]) {
    const e = await refused(() => alice.send(new ec2.RunInstancesCommand({
      ImageId: notAllowed.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, DryRun: dryRun,
    })));
    assertEqual(e.name, 'InvalidAMIID.Unavailable', `launch refused (DryRun ${dryRun})`);
    assert(e.message.includes(notAllowed.ImageId) && /Allowed AMIs/.test(e.message), e.message);
  }
  // A launch template that names the image is refused at launch too.
  await alice.send(new ec2.CreateLaunchTemplateCommand({
    LaunchTemplateName: 'market', LaunchTemplateData: { ImageId: notAllowed.ImageId, InstanceType: 't3.micro' },
  }));
  const viaTemplate = await refused(() => alice.send(new ec2.RunInstancesCommand({
    LaunchTemplate: { LaunchTemplateName: 'market' }, MinCount: 1, MaxCount: 1,
  })));
  assertEqual(viaTemplate.name, 'InvalidAMIID.Unavailable', 'launch through a template');
  const allowed = amazon.Images.find((i) => i.State === 'available' && i.Architecture === 'x86_64');
  const ok = await refused(() => alice.send(new ec2.RunInstancesCommand({
    ImageId: allowed.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, DryRun: true,
  })));
  assertEqual(ok.name, 'DryRunOperation', 'an allowed image launches');
  // Bob's settings are his own.
  const bobMarket = await sb.client('bob').send(new ec2.DescribeImagesCommand({ Owners: ['aws-marketplace'] }));
  assert(bobMarket.Images.length > 0, 'bob still sees Marketplace images');

  assertEqual((await alice.send(new ec2.DisableAllowedImagesSettingsCommand({}))).AllowedImagesSettingsState,
              'disabled', 'Disable answer');
  assert((await alice.send(new ec2.DescribeImagesCommand({ Owners: ['aws-marketplace'] }))).Images.length > 0,
         'listed again once disabled');
  assertEqual((await metadata()).ImageAllowed, undefined, 'instance image metadata once disabled');

  const tooMany = await refused(() => alice.send(new ec2.ReplaceImageCriteriaInAllowedImagesSettingsCommand({
    ImageCriteria: Array.from({ length: 11 }, () => ({ ImageProviders: ['amazon'] })),
  })));
  assertEqual(tooMany.name, 'InvalidParameterValue', 'more than 10 criteria');
  const badProvider = await refused(() => alice.send(new ec2.ReplaceImageCriteriaInAllowedImagesSettingsCommand({
    ImageCriteria: [{ ImageProviders: ['somebody'] }],
  })));
  assertEqual(badProvider.name, 'InvalidParameterValue', 'unknown provider');
});

test('GetImageAncestry: a copy of a copy across two regions, and an image made from an instance', async (sb) => {
  const east = sb.client('alice', 'us-east-1');
  const west = sb.client('alice', 'us-west-2');
  const root = await ownImage(east);
  const copy1 = await west.send(new ec2.CopyImageCommand({
    SourceImageId: root.ImageId, SourceRegion: 'us-east-1', Name: 'copy-one',
  }));
  await until('copy-one', async () => (await west.send(new ec2.DescribeImagesCommand({
    ImageIds: [copy1.ImageId],
  }))).Images[0].State === 'available');
  const copy2 = await east.send(new ec2.CopyImageCommand({
    SourceImageId: copy1.ImageId, SourceRegion: 'us-west-2', Name: 'copy-two',
  }));
  const described = await east.send(new ec2.DescribeImagesCommand({ ImageIds: [copy2.ImageId] }));
  assertEqual([described.Images[0].SourceImageId, described.Images[0].SourceImageRegion],
              [copy1.ImageId, 'us-west-2'], 'DescribeImages source');

  const out = await east.send(new ec2.GetImageAncestryCommand({ ImageId: copy2.ImageId }));
  const chain = out.ImageAncestryEntries;
  assert(chain.length >= 3, `chain of ${chain.length}`);
  assertEqual(chain.slice(0, 3).map((e) => [e.ImageId, e.SourceImageId, e.SourceImageRegion]), [
    [copy2.ImageId, copy1.ImageId, 'us-west-2'],
    [copy1.ImageId, root.ImageId, 'us-east-1'],
    [root.ImageId, chain[2].SourceImageId, chain[2].SourceImageRegion],
  ], 'chain');
  assert(chain[0].CreationDate instanceof Date, 'CreationDate parsed as a date');
  assertEqual(chain[chain.length - 1].SourceImageId, undefined, 'the root has no source');

  // CreateImage records the instance's image.
  const amazon = await east.send(new ec2.DescribeImagesCommand({
    Owners: ['amazon'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }], MaxResults: 5,
  }));
  const base = amazon.Images[0];
  const run = await east.send(new ec2.RunInstancesCommand({
    ImageId: base.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
  }));
  await until('the instance to run', async () => (await east.send(new ec2.DescribeInstancesCommand({
    InstanceIds: [run.Instances[0].InstanceId],
  }))).Reservations[0].Instances[0].State.Name === 'running');
  const made = await east.send(new ec2.CreateImageCommand({
    InstanceId: run.Instances[0].InstanceId, Name: 'from-instance', NoReboot: true,
  }));
  const lineage = await east.send(new ec2.GetImageAncestryCommand({ ImageId: made.ImageId }));
  assertEqual(lineage.ImageAncestryEntries.map((e) => e.ImageId).slice(0, 2), [made.ImageId, base.ImageId],
              'made from the instance\'s image');
  assertEqual(lineage.ImageAncestryEntries[1].ImageOwnerAlias, 'amazon', 'owner alias');

  const missing = await refused(() => east.send(new ec2.GetImageAncestryCommand({ ImageId: 'ami-0123456789abcdef0' })));
  assertEqual(missing.name, 'InvalidAMIID.NotFound', 'unknown image');
}, '--transition-ms', '300');

test('Image usage report: bob launching alice\'s shared image shows in alice\'s report', async (sb) => {
  const alice = sb.client('alice');
  const bob = sb.client('bob');
  const image = await ownImage(alice);
  await alice.send(new ec2.ModifyImageAttributeCommand({
    ImageId: image.ImageId, LaunchPermission: { Add: [{ UserId: BOB }] },
  }));
  await bob.send(new ec2.RunInstancesCommand({ ImageId: image.ImageId, InstanceType: 't3.micro', MinCount: 2, MaxCount: 2 }));
  await bob.send(new ec2.CreateLaunchTemplateCommand({
    LaunchTemplateName: 'uses-alice', LaunchTemplateData: { ImageId: image.ImageId },
  }));

  // Only the owner can ask.
  const notOwner = await refused(() => bob.send(new ec2.CreateImageUsageReportCommand({
    ImageId: image.ImageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }],
  })));
  assertEqual(notOwner.name, 'UnauthorizedOperation', 'bob asking about alice\'s image');

  const created = await alice.send(new ec2.CreateImageUsageReportCommand({
    ImageId: image.ImageId,
    ResourceTypes: [{ ResourceType: 'ec2:Instance' },
                    { ResourceType: 'ec2:LaunchTemplate', ResourceTypeOptions: [{ OptionName: 'version-depth', OptionValues: ['5'] }] }],
    TagSpecifications: [{ ResourceType: 'image-usage-report', Tags: [{ Key: 'why', Value: 'unshare' }] }],
  }));
  assert(/^amiur-[0-9a-f]{17}$/.test(created.ReportId), created.ReportId);

  const report = await until('the report', async () => {
    const out = await alice.send(new ec2.DescribeImageUsageReportsCommand({ ReportIds: [created.ReportId] }));
    return out.ImageUsageReports[0].State === 'available' ? out.ImageUsageReports[0] : null;
  });
  assertEqual(report.ImageId, image.ImageId, 'ImageId');
  assertEqual(report.ResourceTypes.map((t) => t.ResourceType), ['ec2:Instance', 'ec2:LaunchTemplate'], 'types');
  assertEqual(report.ResourceTypes[1].ResourceTypeOptions, [{ OptionName: 'version-depth', OptionValues: ['5'] }],
              'options');
  assertEqual(report.Tags, [{ Key: 'why', Value: 'unshare' }], 'tags');
  assert(report.ExpirationTime > report.CreationTime, 'expires after creation');

  const entries = await alice.send(new ec2.DescribeImageUsageReportEntriesCommand({ ReportIds: [created.ReportId] }));
  const bobs = entries.ImageUsageReportEntries.filter((e) => e.AccountId === BOB)
    .map((e) => [e.ResourceType, e.UsageCount, e.ImageId, e.ReportId]);
  assertEqual(bobs, [['ec2:Instance', 2, image.ImageId, created.ReportId],
                     ['ec2:LaunchTemplate', 1, image.ImageId, created.ReportId]], 'bob\'s usage');

  const byImage = await alice.send(new ec2.DescribeImageUsageReportsCommand({
    ImageIds: [image.ImageId], Filters: [{ Name: 'state', Values: ['available'] }],
  }));
  assertEqual(byImage.ImageUsageReports.map((r) => r.ReportId), [created.ReportId], 'by image and state');
  assertEqual((await bob.send(new ec2.DescribeImageUsageReportsCommand({}))).ImageUsageReports, [],
              'bob sees none of alice\'s reports');

  assertEqual((await alice.send(new ec2.DeleteImageUsageReportCommand({ ReportId: created.ReportId }))).Return,
              true, 'Delete answer');
  const gone = await refused(() => alice.send(new ec2.DescribeImageUsageReportsCommand({ ReportIds: [created.ReportId] })));
  assertEqual(gone.name, 'InvalidImageUsageReportId.NotFound', 'deleted report');
  const noTypes = await refused(() => alice.send(new ec2.CreateImageUsageReportCommand({
    ImageId: image.ImageId, ResourceTypes: [{ ResourceType: 'ec2:Volume' }],
  })));
  assertEqual(noTypes.name, 'InvalidParameterValue', 'unknown resource type');
}, '--transition-ms', '300');

test('CancelImageLaunchPermission: bob removes alice\'s shared image from his account', async (sb) => {
  const alice = sb.client('alice');
  const bob = sb.client('bob');
  const image = await ownImage(alice);
  await alice.send(new ec2.ModifyImageAttributeCommand({
    ImageId: image.ImageId, LaunchPermission: { Add: [{ UserId: BOB }] },
  }));
  const shared = await bob.send(new ec2.DescribeImagesCommand({ ExecutableBy: ['self'] }));
  assert(shared.Images.some((i) => i.ImageId === image.ImageId), 'shared with bob');

  const own = await refused(() => alice.send(new ec2.CancelImageLaunchPermissionCommand({ ImageId: image.ImageId })));
  assertEqual(own.name, 'InvalidParameterValue', 'the owner cannot cancel');
  assertEqual((await bob.send(new ec2.CancelImageLaunchPermissionCommand({ ImageId: image.ImageId }))).Return,
              true, 'Return');
  const after = await bob.send(new ec2.DescribeImagesCommand({ ExecutableBy: ['self'] }));
  assert(!after.Images.some((i) => i.ImageId === image.ImageId), 'no longer shared with bob');
  const attr = await alice.send(new ec2.DescribeImageAttributeCommand({
    ImageId: image.ImageId, Attribute: 'launchPermission',
  }));
  assertEqual(attr.LaunchPermissions.filter((p) => p.UserId === BOB), [], 'alice\'s permissions');
  const again = await refused(() => bob.send(new ec2.CancelImageLaunchPermissionCommand({ ImageId: image.ImageId })));
  assertEqual(again.name, 'InvalidAMIID.NotFound', 'no longer visible to bob');
});

test('governance settings survive a restart of the sandbox', async (sb) => {
  const alice = sb.client('alice');
  await alice.send(new ec2.EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }));
  await alice.send(new ec2.ReplaceImageCriteriaInAllowedImagesSettingsCommand({
    ImageCriteria: [{ ImageProviders: ['amazon', BOB], MarketplaceProductCodes: ['abc123'],
                      DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 30 } }],
  }));
  await alice.send(new ec2.EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' }));
  const image = await ownImage(alice);
  const report = await alice.send(new ec2.CreateImageUsageReportCommand({
    ImageId: image.ImageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }], AccountIds: [BOB],
  }));
  await sb.stop();
  await sb.start();
  const again = sb.client('alice');
  assertEqual((await again.send(new ec2.GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState,
              'block-new-sharing', 'Block Public Access');
  const settings = await again.send(new ec2.GetAllowedImagesSettingsCommand({}));
  assertEqual([settings.State, settings.ImageCriteria], ['audit-mode', [{
    ImageProviders: ['amazon', BOB], MarketplaceProductCodes: ['abc123'],
    DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 30 },
  }]], 'Allowed AMIs');
  const reports = await again.send(new ec2.DescribeImageUsageReportsCommand({}));
  assertEqual(reports.ImageUsageReports.map((r) => [r.ReportId, r.AccountIds]), [[report.ReportId, [BOB]]],
              'usage report');
});

await run();
