// test-sdk-images.mjs: the sandbox's image operations driven by the AWS SDK for JavaScript v3
// Copyright 2026 The Amiable authors
// SPDX-License-Identifier: GPL-3.0-or-later
import { test, run, ec2, assert, assertEqual, refused } from './sdktest.mjs';

test('DescribeImages Owners=self lists alice\'s own images, parsed by the SDK', async (sb) => {
  const out = await sb.client('alice').send(new ec2.DescribeImagesCommand({ Owners: ['self'] }));
  assert(out.Images.length >= 2, `alice owns ${out.Images.length} images`);
  for (const image of out.Images) {
    assertEqual(image.OwnerId, '111122223333', 'OwnerId');
    assert(/^ami-[0-9a-f]{17}$/.test(image.ImageId), `ImageId ${image.ImageId}`);
    assert(image.CreationDate && !Number.isNaN(Date.parse(image.CreationDate)), 'CreationDate');
    assert(Array.isArray(image.BlockDeviceMappings), 'BlockDeviceMappings');
  }
});

test('CreateTags on an image is seen by DescribeImages with a tag filter', async (sb) => {
  const alice = sb.client('alice');
  const mine = await alice.send(new ec2.DescribeImagesCommand({ Owners: ['self'] }));
  const id = mine.Images[0].ImageId;
  await alice.send(new ec2.CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'stage', Value: 'sdk' }] }));
  const found = await alice.send(new ec2.DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'tag:stage', Values: ['sdk'] }],
  }));
  assertEqual(found.Images.map((i) => i.ImageId), [id], 'tagged images');
});

test('an unknown image ID is refused with InvalidAMIID.NotFound', async (sb) => {
  const e = await refused(() => sb.client('alice').send(
    new ec2.DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })));
  assertEqual(e.name, 'InvalidAMIID.NotFound', 'error code');
});

await run();
