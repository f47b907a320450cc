/* am-sandbox-catalog.c: the public image catalog, instance types and the first state of a sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-state.h"

/* Fixed so that --public-images N gives the same images on every start. */
#define SYNTHETIC_SEED 20260101u

typedef struct
{
  const char *owner;
  const char *alias;
  const char *name;
  const char *description;
  const char *arch;
  const char *platform;
  const char *platform_details;
  const char *usage_operation;
  const char *root_type;      /* ebs or instance-store */
  const char *root_device;
  const char *boot_mode;
  int         volume_size;
  const char *volume_type;
  const char *created;
  const char *deprecated;
  const char *product_code;
  const char *ssm;
  const char *virtualization;
} SeedImage;

#define AMZ AM_SB_OWNER_AMAZON, "amazon"
#define WIN AM_SB_OWNER_WINDOWS, "amazon"
#define MKT AM_SB_OWNER_MARKETPLACE, "aws-marketplace"
#define CAN AM_SB_OWNER_CANONICAL, NULL
#define DEB AM_SB_OWNER_DEBIAN, NULL
#define RH  AM_SB_OWNER_REDHAT, NULL
#define SUS AM_SB_OWNER_SUSE, NULL
#define LINUX NULL, "Linux/UNIX", "RunInstances"
#define WINDOWS "windows", "Windows", "RunInstances:0002"

static const SeedImage seed_images[] = {
  /* Amazon Linux 2023 */
  { AMZ, "al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.6.20241121.0 x86_64 HVM kernel-6.1",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 8, "gp3", "2024-11-20T23:15:05.000Z", "2025-02-19T23:15:00.000Z", NULL, NULL, "hvm" },
  { AMZ, "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.9.20251110.1 x86_64 HVM kernel-6.1",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 8, "gp3", "2025-11-11T19:42:38.000Z", "2027-11-11T19:42:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "hvm" },
  { AMZ, "al2023-ami-2023.9.20251110.1-kernel-6.1-arm64", "Amazon Linux 2023 AMI 2023.9.20251110.1 arm64 HVM kernel-6.1",
    "arm64", LINUX, "ebs", "/dev/xvda", "uefi", 8, "gp3", "2025-11-11T19:42:41.000Z", "2027-11-11T19:42:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "hvm" },
  { AMZ, "al2023-ami-2023.9.20251110.1-kernel-6.12-x86_64", "Amazon Linux 2023 AMI 2023.9.20251110.1 x86_64 HVM kernel-6.12",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 8, "gp3", "2025-11-11T19:43:02.000Z", "2027-11-11T19:43:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.12-x86_64", "hvm" },
  { AMZ, "al2023-ami-minimal-2023.9.20251110.1-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.9.20251110.1 x86_64 Minimal HVM kernel-6.1",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 2, "gp3", "2025-11-11T19:41:55.000Z", "2027-11-11T19:41:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64", "hvm" },
  { AMZ, "al2023-ami-minimal-2023.9.20251110.1-kernel-6.1-arm64", "Amazon Linux 2023 AMI 2023.9.20251110.1 arm64 Minimal HVM kernel-6.1",
    "arm64", LINUX, "ebs", "/dev/xvda", "uefi", 2, "gp3", "2025-11-11T19:41:58.000Z", "2027-11-11T19:41:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64", "hvm" },
  /* Amazon Linux 2 */
  { AMZ, "amzn2-ami-hvm-2.0.20251108.0-x86_64-gp2", "Amazon Linux 2 AMI 2.0.20251108.0 x86_64 HVM gp2",
    "x86_64", LINUX, "ebs", "/dev/xvda", NULL, 8, "gp2", "2025-11-08T05:29:44.000Z", "2026-06-30T00:00:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2", "hvm" },
  { AMZ, "amzn2-ami-hvm-2.0.20251108.0-arm64-gp2", "Amazon Linux 2 AMI 2.0.20251108.0 arm64 HVM gp2",
    "arm64", LINUX, "ebs", "/dev/xvda", "uefi", 8, "gp2", "2025-11-08T05:30:12.000Z", "2026-06-30T00:00:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-arm64-gp2", "hvm" },
  { AMZ, "amzn2-ami-kernel-5.10-hvm-2.0.20251108.0-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20251108.0 x86_64 HVM gp2",
    "x86_64", LINUX, "ebs", "/dev/xvda", NULL, 8, "gp2", "2025-11-08T05:31:40.000Z", "2026-06-30T00:00:00.000Z", NULL,
    "/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-x86_64-gp2", "hvm" },
  { AMZ, "amzn2-ami-hvm-2.0.20230207.0-x86_64-gp2", "Amazon Linux 2 AMI 2.0.20230207.0 x86_64 HVM gp2",
    "x86_64", LINUX, "ebs", "/dev/xvda", NULL, 8, "gp2", "2023-02-07T19:12:03.000Z", "2025-02-07T19:12:00.000Z", NULL, NULL, "hvm" },
  /* Amazon Linux AMI (2018.03), instance-store backed */
  { AMZ, "amzn-ami-hvm-2018.03.0.20231218.0-x86_64-s3", "Amazon Linux AMI 2018.03.0.20231218.0 x86_64 HVM instance-store",
    "x86_64", LINUX, "instance-store", "/dev/sda1", NULL, 0, NULL, "2023-12-18T22:40:11.000Z", "2025-12-31T00:00:00.000Z", NULL, NULL, "hvm" },
  { AMZ, "amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3", "Amazon Linux AMI 2018.03.0.20231218.0 x86_64 Minimal HVM instance-store",
    "x86_64", LINUX, "instance-store", "/dev/sda1", NULL, 0, NULL, "2023-12-18T22:41:54.000Z", "2027-12-31T00:00:00.000Z", NULL, NULL, "hvm" },
  /* Windows Server (Amazon-owned) */
  { WIN, "Windows_Server-2022-English-Full-Base-2025.11.12", "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon",
    "x86_64", WINDOWS, "ebs", "/dev/sda1", "uefi-preferred", 30, "gp3", "2025-11-12T21:36:20.000Z", "2027-11-12T21:36:00.000Z", NULL,
    "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base", "hvm" },
  { WIN, "Windows_Server-2022-English-Core-Base-2025.11.12", "Microsoft Windows Server 2022 Core Locale English AMI provided by Amazon",
    "x86_64", WINDOWS, "ebs", "/dev/sda1", "uefi-preferred", 30, "gp3", "2025-11-12T21:38:02.000Z", "2027-11-12T21:38:00.000Z", NULL,
    "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-Base", "hvm" },
  { WIN, "Windows_Server-2019-English-Full-Base-2025.11.12", "Microsoft Windows Server 2019 with Desktop Experience Locale English AMI provided by Amazon",
    "x86_64", WINDOWS, "ebs", "/dev/sda1", "legacy-bios", 30, "gp2", "2025-11-12T21:30:49.000Z", "2027-11-12T21:30:00.000Z", NULL,
    "/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-Base", "hvm" },
  { WIN, "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12", "Microsoft Windows Server 2022 Full Locale English with SQL Standard 2022 AMI provided by Amazon",
    "x86_64", "windows", "Windows with SQL Server Standard", "RunInstances:0006", "ebs", "/dev/sda1", "uefi-preferred", 45, "gp3",
    "2025-11-13T02:11:37.000Z", "2027-11-13T02:11:00.000Z", NULL,
    "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-SQL_2022_Standard", "hvm" },
  { WIN, "Windows_Server-2019-English-Full-Base-2024.06.12", "Microsoft Windows Server 2019 with Desktop Experience Locale English AMI provided by Amazon",
    "x86_64", WINDOWS, "ebs", "/dev/sda1", "legacy-bios", 30, "gp2", "2024-06-12T21:31:07.000Z", "2024-09-10T21:31:00.000Z", NULL, NULL, "hvm" },
  /* Ubuntu (Canonical) */
  { CAN, "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251112", "Canonical, Ubuntu, 24.04, amd64 noble image",
    "x86_64", LINUX, "ebs", "/dev/sda1", "uefi-preferred", 8, "gp3", "2025-11-12T08:18:40.000Z", "2027-11-12T08:18:40.000Z", NULL,
    "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "hvm" },
  { CAN, "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20251112", "Canonical, Ubuntu, 24.04, arm64 noble image",
    "arm64", LINUX, "ebs", "/dev/sda1", "uefi", 8, "gp3", "2025-11-12T08:18:44.000Z", "2027-11-12T08:18:44.000Z", NULL,
    "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id", "hvm" },
  { CAN, "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20251107", "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-11-07",
    "x86_64", LINUX, "ebs", "/dev/sda1", "legacy-bios", 8, "gp2", "2025-11-07T10:02:31.000Z", "2027-11-07T10:02:31.000Z", NULL,
    "/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id", "hvm" },
  { CAN, "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-20251107", "Canonical, Ubuntu, 22.04 LTS, arm64 jammy image build on 2025-11-07",
    "arm64", LINUX, "ebs", "/dev/sda1", "uefi", 8, "gp2", "2025-11-07T10:02:36.000Z", "2027-11-07T10:02:36.000Z", NULL,
    "/aws/service/canonical/ubuntu/server/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id", "hvm" },
  { CAN, "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20230516", "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2023-05-16",
    "x86_64", LINUX, "ebs", "/dev/sda1", "legacy-bios", 8, "gp2", "2023-05-16T10:51:12.000Z", "2025-05-16T10:51:12.000Z", NULL, NULL, "hvm" },
  { CAN, "ubuntu/images/hvm-instance/ubuntu-jammy-22.04-amd64-server-20251107", "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-11-07 (instance store)",
    "x86_64", LINUX, "instance-store", "/dev/sda1", "legacy-bios", 0, NULL, "2025-11-07T10:05:12.000Z", "2027-11-07T10:05:12.000Z", NULL, NULL, "hvm" },
  /* Debian */
  { DEB, "debian-12-amd64-20251112-2294", "Debian 12 (20251112-2294)",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 8, "gp2", "2025-11-12T19:30:01.000Z", NULL, NULL,
    "/aws/service/debian/release/12/latest/amd64", "hvm" },
  { DEB, "debian-12-arm64-20251112-2294", "Debian 12 (20251112-2294)",
    "arm64", LINUX, "ebs", "/dev/xvda", "uefi", 8, "gp2", "2025-11-12T19:30:05.000Z", NULL, NULL,
    "/aws/service/debian/release/12/latest/arm64", "hvm" },
  { DEB, "debian-13-amd64-20251117-2299", "Debian 13 (20251117-2299)",
    "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 8, "gp3", "2025-11-17T20:12:44.000Z", NULL, NULL,
    "/aws/service/debian/release/13/latest/amd64", "hvm" },
  { DEB, "debian-11-amd64-20240717-1811", "Debian 11 (20240717-1811)",
    "x86_64", LINUX, "ebs", "/dev/xvda", "legacy-bios", 8, "gp2", "2024-07-17T18:24:09.000Z", "2026-07-17T18:24:00.000Z", NULL,
    "/aws/service/debian/release/11/latest/amd64", "hvm" },
  /* Red Hat */
  { RH, "RHEL-9.6.0_HVM-20251030-x86_64-0-Hourly2-GP3", "Provided by Red Hat, Inc.",
    "x86_64", NULL, "Red Hat Enterprise Linux", "RunInstances:0010", "ebs", "/dev/sda1", "uefi-preferred", 10, "gp3",
    "2025-10-30T14:22:18.000Z", NULL, NULL, NULL, "hvm" },
  { RH, "RHEL-9.6.0_HVM-20251030-arm64-0-Hourly2-GP3", "Provided by Red Hat, Inc.",
    "arm64", NULL, "Red Hat Enterprise Linux", "RunInstances:0010", "ebs", "/dev/sda1", "uefi", 10, "gp3",
    "2025-10-30T14:25:51.000Z", NULL, NULL, NULL, "hvm" },
  { RH, "RHEL-8.10.0_HVM-20240614-x86_64-0-Hourly2-GP3", "Provided by Red Hat, Inc.",
    "x86_64", NULL, "Red Hat Enterprise Linux", "RunInstances:0010", "ebs", "/dev/sda1", "legacy-bios", 10, "gp3",
    "2024-06-14T09:11:40.000Z", NULL, NULL, NULL, "hvm" },
  /* SUSE */
  { SUS, "suse-sles-15-sp6-v20251105-hvm-ssd-x86_64", "SUSE Linux Enterprise Server 15 SP6 (HVM, 64-bit, SSD-Backed)",
    "x86_64", NULL, "SUSE Linux", "RunInstances:000g", "ebs", "/dev/sda1", "uefi-preferred", 10, "gp3",
    "2025-11-05T16:40:02.000Z", "2027-11-05T16:40:00.000Z", NULL, "/aws/service/suse/sles/15-sp6/x86_64/latest", "hvm" },
  { SUS, "suse-sles-15-sp6-v20251105-hvm-ssd-arm64", "SUSE Linux Enterprise Server 15 SP6 (HVM, 64-bit, SSD-Backed)",
    "arm64", NULL, "SUSE Linux", "RunInstances:000g", "ebs", "/dev/sda1", "uefi", 10, "gp3",
    "2025-11-05T16:41:30.000Z", "2027-11-05T16:41:00.000Z", NULL, "/aws/service/suse/sles/15-sp6/arm64/latest", "hvm" },
  /* AWS Marketplace */
  { MKT, "bitnami-wordpress-6.8.3-r0-debian-12-amd64-hvm-ebs-nami-7d426cb7-9522-4dd7-a56b-55dd8cc1c8d0",
    "Bitnami WordPress 6.8.3-r0 on Debian 12", "x86_64", LINUX, "ebs", "/dev/xvda", "uefi-preferred", 10, "gp3",
    "2025-10-21T03:17:25.000Z", NULL, "cbiajvrzhv2c5w5bsg4ooj6ui", NULL, "hvm" },
  { MKT, "CIS Hardened Image Level 1 on Ubuntu Linux Server 24.04 LTS-v1.0.3-2bc0a1a0-6d5b-4f4e-8e1c-3b2a4c6e9f10",
    "CIS Hardened Image Level 1 on Ubuntu Linux Server 24.04 LTS", "x86_64", LINUX, "ebs", "/dev/sda1", "uefi-preferred", 20, "gp3",
    "2025-09-30T12:00:41.000Z", NULL, "9pgrfzu1e0ql6qlhxbvxfrpbp", NULL, "hvm" },
  { MKT, "openvpn-access-server-2.14.3-fe8020db-5343-4c43-9e65-5ed4a825c931",
    "OpenVPN Access Server 2.14.3", "x86_64", LINUX, "ebs", "/dev/sda1", "legacy-bios", 8, "gp2",
    "2025-08-14T17:45:09.000Z", NULL, "f2ew2wrz425a1jagnifd02u5t", NULL, "hvm" },
  { MKT, "FortiGate-VMARM64-AWSONDEMAND build2795 (7.4.8) GA-b6a4e2c0-1f0e-4b49-9d8e-43b1d7a9c2f1",
    "FortiGate-VMARM64-AWSONDEMAND build2795 (7.4.8) GA", "arm64", LINUX, "ebs", "/dev/sda1", "uefi", 2, "gp2",
    "2025-07-02T22:05:33.000Z", NULL, "2wqkpek696qhdeo7lbbjncqli", NULL, "hvm" },
  { MKT, "bitnami-nginx-1.27.2-r1-debian-12-arm64-hvm-ebs-nami-0c2b9a87-45c1-4f0a-9e6e-1f2a3b4c5d6e",
    "Bitnami NGINX Open Source 1.27.2-r1 on Debian 12", "arm64", LINUX, "ebs", "/dev/xvda", "uefi", 10, "gp3",
    "2025-06-10T08:30:00.000Z", "2025-12-10T08:30:00.000Z", "5w8vhrrr1e7eqmf5s0wnc0zf1", NULL, "hvm" },
  /* built without the ENA driver (see no_ena_images): no instance type in the catalog runs it */
  { MKT, "netshield-vpn-gateway-4.2.1-x86_64-uefi-8c1f4e2a-7b3d-4f6e-a9d0-2e5b7c3f1a64",
    "NetShield VPN Gateway 4.2.1 (UEFI, without ENA)", "x86_64", LINUX, "ebs", "/dev/xvda", "uefi", 8, "gp2",
    "2025-03-18T11:20:00.000Z", NULL, "7hx2kq9vtn4b3m8c1zr6wdpya", NULL, "hvm" },
};

/*
 * Further mappings of a few seed images, so their block device mapping shows every kind: an
 * empty EBS data volume, instance store volumes, and a device the image suppresses. As AWS's
 * Windows images do, the SQL Server image maps instance store volumes at xvdcN.
 */
typedef struct
{
  const char *image;
  const char *device;
  const char *virtual_name;   /* instance store */
  gboolean    no_device;
  int         volume_size;    /* EBS, empty */
  const char *volume_type;
  gboolean    encrypted;
} SeedMapping;

static const SeedMapping seed_mappings[] = {
  { "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12", "xvdb", NULL, FALSE, 100, "gp3", TRUE },
  { "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12", "xvdca", "ephemeral0", FALSE, 0, NULL, FALSE },
  { "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12", "xvdcb", "ephemeral1", FALSE, 0, NULL, FALSE },
  { "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12", "xvdcc", NULL, TRUE, 0, NULL, FALSE },
  { "amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3", "/dev/sdb", "ephemeral1", FALSE, 0, NULL, FALSE },
};

/* Images registered without enaSupport, as older and imported images are. */
static const char *const no_ena_images[] = {
  "netshield-vpn-gateway-4.2.1-x86_64-uefi-8c1f4e2a-7b3d-4f6e-a9d0-2e5b7c3f1a64",
  NULL
};

#undef AMZ
#undef WIN
#undef MKT
#undef CAN
#undef DEB
#undef RH
#undef SUS
#undef LINUX
#undef WINDOWS

static const char *const ssm_parameters[] = {
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.12-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64",
  "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
  "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-arm64-gp2",
  "/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-x86_64-gp2",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-Base",
  "/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-Base",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-SQL_2022_Standard",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id",
  "/aws/service/canonical/ubuntu/server/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id",
  "/aws/service/debian/release/12/latest/amd64",
  "/aws/service/debian/release/12/latest/arm64",
  "/aws/service/debian/release/13/latest/amd64",
  "/aws/service/debian/release/11/latest/amd64",
  "/aws/service/suse/sles/15-sp6/x86_64/latest",
  "/aws/service/suse/sles/15-sp6/arm64/latest",
  NULL,
};

const char *const *
am_sb_catalog_ssm_parameters (void)
{
  return ssm_parameters;
}

static const AmSbInstanceType instance_types[] = {
  { "t2.micro",   1, 1, 1,  1024, "i386,x86_64", TRUE,  TRUE,  TRUE, "xen",   "Low to Moderate",  "legacy-bios",      2.5, 2, 2 },
  { "t2.small",   1, 1, 1,  2048, "i386,x86_64", FALSE, TRUE,  TRUE, "xen",   "Low to Moderate",  "legacy-bios",      2.5, 3, 4 },
  { "t3.nano",    2, 1, 2,   512, "x86_64",      FALSE, TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "legacy-bios,uefi", 2.5, 2, 2 },
  { "t3.micro",   2, 1, 2,  1024, "x86_64",      TRUE,  TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "legacy-bios,uefi", 2.5, 2, 2 },
  { "t3.small",   2, 1, 2,  2048, "x86_64",      TRUE,  TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "legacy-bios,uefi", 2.5, 3, 4 },
  { "t3.medium",  2, 1, 2,  4096, "x86_64",      FALSE, TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "legacy-bios,uefi", 2.5, 3, 6 },
  { "t3.large",   2, 1, 2,  8192, "x86_64",      FALSE, TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "legacy-bios,uefi", 2.5, 3, 12 },
  { "t4g.micro",  2, 2, 1,  1024, "arm64",       TRUE,  TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "uefi",             2.5, 2, 2 },
  { "t4g.small",  2, 2, 1,  2048, "arm64",       TRUE,  TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "uefi",             2.5, 3, 4 },
  { "t4g.medium", 2, 2, 1,  4096, "arm64",       FALSE, TRUE,  TRUE, "nitro", "Up to 5 Gigabit",  "uefi",             2.5, 3, 6 },
  { "m5.large",   2, 1, 2,  8192, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 10 Gigabit", "legacy-bios,uefi", 3.1, 3, 10 },
  { "m5.xlarge",  4, 2, 2, 16384, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 10 Gigabit", "legacy-bios,uefi", 3.1, 4, 15 },
  { "m6g.large",  2, 2, 1,  8192, "arm64",       FALSE, FALSE, TRUE, "nitro", "Up to 10 Gigabit", "uefi",             2.5, 3, 10 },
  { "m6i.large",  2, 1, 2,  8192, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "legacy-bios,uefi", 3.5, 3, 10 },
  { "m7i.large",  2, 1, 2,  8192, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "legacy-bios,uefi", 3.2, 3, 10 },
  { "m7g.large",  2, 2, 1,  8192, "arm64",       FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "uefi",             2.6, 3, 10 },
  { "c6i.large",  2, 1, 2,  4096, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "legacy-bios,uefi", 3.5, 3, 10 },
  { "c7g.large",  2, 2, 1,  4096, "arm64",       FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "uefi",             2.6, 3, 10 },
  { "c7i.large",  2, 1, 2,  4096, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "legacy-bios,uefi", 3.2, 3, 10 },
  { "r6i.large",  2, 1, 2, 16384, "x86_64",      FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "legacy-bios,uefi", 3.5, 3, 10 },
  { "r7g.large",  2, 2, 1, 16384, "arm64",       FALSE, FALSE, TRUE, "nitro", "Up to 12.5 Gigabit", "uefi",             2.6, 3, 10 },
  { "m4.large",   2, 1, 2,  8192, "x86_64",      FALSE, FALSE, FALSE, "xen",  "Moderate",         "legacy-bios",      2.4, 2, 10 },
};

const AmSbInstanceType *
am_sb_instance_types (guint *n_types)
{
  *n_types = G_N_ELEMENTS (instance_types);
  return instance_types;
}

const AmSbInstanceType *
am_sb_instance_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (instance_types); i++)
    if (strcmp (instance_types[i].name, name) == 0)
      return &instance_types[i];
  return NULL;
}

static gint64
parse_seed_time (const char *text)
{
  gint64 ms = 0;

  if (text != NULL && !am_sb_parse_time (text, &ms))
    g_assert_not_reached ();
  return ms;
}

static AmSbImage *
image_new (const char *region)
{
  AmSbImage *image = g_new0 (AmSbImage, 1);

  image->region = g_intern_string (region);
  image->image_type = g_intern_static_string ("machine");
  image->hypervisor = g_intern_static_string ("xen");
  image->virtualization_type = g_intern_static_string ("hvm");
  image->ena_support = TRUE;
  image->sriov_net_support = g_intern_static_string ("simple");
  image->block_devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_block_device_free);
  image->launch_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  return image;
}

static void
add_root_volume (AmSbImage  *image,
                 const char *snapshot_id,
                 int         size,
                 const char *type)
{
  AmSbBlockDevice *bd = am_sb_block_device_new ();

  bd->device_name = g_strdup (image->root_device_name);
  if (g_strcmp0 (image->root_device_type, "instance-store") == 0)
    {
      bd->virtual_name = g_strdup ("ephemeral0");
    }
  else
    {
      bd->has_ebs = TRUE;
      bd->snapshot_id = g_strdup (snapshot_id);
      bd->volume_size = size;
      bd->volume_type = g_strdup (type);
      bd->delete_on_termination = TRUE;
      if (g_strcmp0 (type, "gp3") == 0)
        {
          bd->iops = 3000;
          bd->throughput = 125;
        }
    }
  g_ptr_array_add (image->block_devices, bd);
}

static void
add_seed_mappings (AmSbImage       *image,
                   const SeedImage *seed)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_mappings); i++)
    {
      const SeedMapping *m = &seed_mappings[i];
      AmSbBlockDevice *bd;

      if (strcmp (m->image, seed->name) != 0)
        continue;
      bd = am_sb_block_device_new ();
      bd->device_name = g_strdup (m->device);
      bd->virtual_name = g_strdup (m->virtual_name);
      bd->no_device = m->no_device;
      if (m->volume_size > 0)
        {
          bd->has_ebs = TRUE;
          bd->volume_size = m->volume_size;
          bd->volume_type = g_strdup (m->volume_type);
          bd->encrypted = m->encrypted;
          bd->delete_on_termination = TRUE;
          bd->iops = 3000;
          bd->throughput = 125;
        }
      g_ptr_array_add (image->block_devices, bd);
    }
}

static AmSbImage *
seed_image_build (const SeedImage *seed,
                  const char      *region)
{
  AmSbImage *image = image_new (region);
  g_autofree char *key = g_strconcat (region, "/", seed->owner, "/", seed->name, NULL);
  g_autofree char *snap_key = g_strconcat ("snapshot/", key, NULL);
  g_autofree char *snapshot_id = am_sb_hashed_id ("snap", snap_key);

  image->image_id = am_sb_hashed_id ("ami", key);
  image->owner_id = g_intern_static_string (seed->owner);
  image->owner_alias = seed->alias ? g_intern_static_string (seed->alias) : NULL;
  image->name = g_strdup (seed->name);
  image->description = g_strdup (seed->description);
  image->architecture = g_intern_static_string (seed->arch);
  image->platform = seed->platform ? g_intern_static_string (seed->platform) : NULL;
  image->platform_details = g_intern_static_string (seed->platform_details);
  image->usage_operation = g_intern_static_string (seed->usage_operation);
  image->root_device_type = g_intern_static_string (seed->root_type);
  image->root_device_name = g_intern_static_string (seed->root_device);
  image->virtualization_type = g_intern_static_string (seed->virtualization);
  image->boot_mode = seed->boot_mode ? g_intern_static_string (seed->boot_mode) : NULL;
  image->ena_support = !g_strv_contains (no_ena_images, seed->name);
  if (g_str_has_prefix (seed->name, "al2023") || g_str_has_prefix (seed->name, "Windows_Server-2022"))
    image->imds_support = g_intern_static_string ("v2.0");
  if (g_str_has_prefix (seed->name, "Windows_Server-2022"))
    image->tpm_support = g_intern_static_string ("v2.0");
  image->ssm_parameter = seed->ssm;
  image->creation_time = parse_seed_time (seed->created);
  image->deprecation_time = parse_seed_time (seed->deprecated);
  if (g_strcmp0 (seed->root_type, "instance-store") == 0)
    image->image_location = g_strdup_printf ("%s-%s/%s.manifest.xml",
                                             seed->alias ? seed->alias : "ubuntu-images", region, seed->name);
  add_root_volume (image, snapshot_id, seed->volume_size, seed->volume_type);
  add_seed_mappings (image, seed);
  if (seed->product_code != NULL)
    {
      AmSbProductCode *pc = g_new0 (AmSbProductCode, 1);

      pc->code = g_strdup (seed->product_code);
      pc->type = g_strdup ("marketplace");
      image->product_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_product_code_free);
      g_ptr_array_add (image->product_codes, pc);
    }
  g_ptr_array_add (image->launch_permissions, am_sb_launch_permission_new (AM_SB_PERM_GROUP, "all"));
  return image;
}

/* Synthetic images: families that look like the real public catalog. */
typedef struct
{
  const char *owner;
  const char *alias;
  const char *name_format;   /* %s date, %s arch, %u build */
  const char *description_format;
  const char *platform;
  const char *platform_details;
  const char *usage_operation;
  const char *root_device;
  int         volume_size;
  gboolean    arm64;
} SyntheticFamily;

static const SyntheticFamily families[] = {
  { AM_SB_OWNER_AMAZON, "amazon", "al2023-ami-2023.%s.%u-kernel-6.1-%s", "Amazon Linux 2023 AMI 2023.%s.%u %s HVM kernel-6.1",
    NULL, "Linux/UNIX", "RunInstances", "/dev/xvda", 8, TRUE },
  { AM_SB_OWNER_AMAZON, "amazon", "amzn2-ami-hvm-2.0.%s.%u-%s-gp2", "Amazon Linux 2 AMI 2.0.%s.%u %s HVM gp2",
    NULL, "Linux/UNIX", "RunInstances", "/dev/xvda", 8, TRUE },
  { AM_SB_OWNER_AMAZON, "amazon", "amazon-eks-node-al2023-%s-standard-1.31-v%s-%u", "EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: 1.31, arch: %s, build %s.%u)",
    NULL, "Linux/UNIX", "RunInstances", "/dev/xvda", 20, TRUE },
  { AM_SB_OWNER_WINDOWS, "amazon", "Windows_Server-2022-English-Full-Base-%s.%u-%s", "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon (%s.%u, %s)",
    "windows", "Windows", "RunInstances:0002", "/dev/sda1", 30, FALSE },
  { AM_SB_OWNER_CANONICAL, NULL, "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-%s-server-%s.%u", "Canonical, Ubuntu, 24.04, %s noble image (%s.%u)",
    NULL, "Linux/UNIX", "RunInstances", "/dev/sda1", 8, TRUE },
  { AM_SB_OWNER_DEBIAN, NULL, "debian-12-%s-%s-%u", "Debian 12 (%s %s-%u)",
    NULL, "Linux/UNIX", "RunInstances", "/dev/xvda", 8, TRUE },
  { AM_SB_OWNER_REDHAT, NULL, "RHEL-9.4.0_HVM-%s-%s-%u-Hourly2-GP3", "Provided by Red Hat, Inc. (%s %s.%u)",
    NULL, "Red Hat Enterprise Linux", "RunInstances:0010", "/dev/sda1", 10, TRUE },
  { AM_SB_OWNER_SUSE, NULL, "suse-sles-15-sp5-v%s-%u-hvm-ssd-%s", "SUSE Linux Enterprise Server 15 SP5 (HVM, 64-bit, SSD-Backed) v%s.%u %s",
    NULL, "SUSE Linux", "RunInstances:000g", "/dev/sda1", 10, TRUE },
  { AM_SB_OWNER_MARKETPLACE, "aws-marketplace", "bitnami-app-%s-%s-r%u-debian-12-hvm-ebs", "Bitnami application stack %s (%s r%u) on Debian 12",
    NULL, "Linux/UNIX", "RunInstances", "/dev/xvda", 10, TRUE },
};

static char *
format3 (const char *format,
         const char *a,
         const char *b,
         guint       n,
         gboolean    date_first)
{
  /* The families put the date, arch and build number in different orders. */
  const char *s1 = date_first ? a : b;
  const char *s2 = date_first ? b : a;
  GString *out = g_string_new (NULL);
  int string_index = 0;

  for (const char *p = format; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (out, string_index++ == 0 ? s1 : s2);
          p++;
        }
      else if (p[0] == '%' && p[1] == 'u')
        {
          g_string_append_printf (out, "%u", n);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
add_synthetic (GPtrArray  *catalog,
               const char *region,
               guint       count)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SYNTHETIC_SEED ^ g_str_hash (region));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 start = parse_seed_time ("2019-01-01T00:00:00Z");
  gint64 end = parse_seed_time ("2026-11-01T00:00:00Z");

  for (guint i = 0; i < catalog->len; i++)
    g_hash_table_add (seen, ((AmSbImage *) catalog->pdata[i])->image_id);

  for (guint i = 0; i < count; i++)
    {
      const SyntheticFamily *f = &families[g_rand_int_range (rand, 0, G_N_ELEMENTS (families))];
      gboolean arm = f->arm64 && g_rand_int_range (rand, 0, 3) == 0;
      const char *arch = arm ? "arm64" : "x86_64";
      gint64 created = start + (gint64) (g_rand_double (rand) * (double) (end - start));
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (created / 1000);
      g_autofree char *date = g_date_time_format (dt, "%Y%m%d");
      AmSbImage *image = image_new (region);
      char snapshot_id[32];
      int roll = g_rand_int_range (rand, 0, 100);
      gboolean date_first = strstr (f->name_format, "%s-%s") == NULL
                            || g_str_has_prefix (f->name_format, "al2023")
                            || g_str_has_prefix (f->name_format, "amzn2")
                            || g_str_has_prefix (f->name_format, "Windows");

      do
        {
          g_free (image->image_id);
          image->image_id = g_strdup_printf ("ami-0%08x%08x", g_rand_int (rand), g_rand_int (rand));
        }
      while (g_hash_table_contains (seen, image->image_id));
      g_hash_table_add (seen, image->image_id);
      g_snprintf (snapshot_id, sizeof snapshot_id, "snap-0%08x%08x", g_rand_int (rand), g_rand_int (rand));

      if (g_str_has_prefix (f->name_format, "ubuntu") || g_str_has_prefix (f->name_format, "debian"))
        {
          /* arch first: ubuntu-noble-24.04-amd64-server-DATE.N */
          const char *deb_arch = arm ? "arm64" : "amd64";

          image->name = format3 (f->name_format, deb_arch, date, i, TRUE);
          image->description = format3 (f->description_format, deb_arch, date, i, TRUE);
        }
      else if (g_str_has_prefix (f->name_format, "amazon-eks") || g_str_has_prefix (f->name_format, "RHEL")
               || g_str_has_prefix (f->name_format, "bitnami"))
        {
          image->name = format3 (f->name_format, date, arch, i, date_first);
          image->description = format3 (f->description_format, arch, date, i, TRUE);
        }
      else
        {
          image->name = format3 (f->name_format, date, arch, i, TRUE);
          image->description = format3 (f->description_format, date, arch, i, TRUE);
        }
      image->owner_id = g_intern_static_string (f->owner);
      image->owner_alias = f->alias ? g_intern_static_string (f->alias) : NULL;
      image->architecture = g_intern_static_string (arch);
      image->platform = f->platform ? g_intern_static_string (f->platform) : NULL;
      image->platform_details = g_intern_static_string (f->platform_details);
      image->usage_operation = g_intern_static_string (f->usage_operation);
      image->root_device_type = g_intern_static_string ("ebs");
      image->root_device_name = g_intern_static_string (f->root_device);
      image->boot_mode = g_intern_static_string (arm ? "uefi" : "uefi-preferred");
      image->creation_time = created;
      if (roll < 5)
        image->deprecation_time = created + (gint64) 90 * 24 * 3600 * 1000;
      else if (roll < 15)
        image->deprecation_time = end + (gint64) 365 * 24 * 3600 * 1000;
      add_root_volume (image, snapshot_id, f->volume_size, roll % 2 ? "gp3" : "gp2");
      if (f->alias != NULL && strcmp (f->alias, "aws-marketplace") == 0)
        {
          AmSbProductCode *pc = g_new0 (AmSbProductCode, 1);

          pc->code = g_strdup_printf ("%08x%08x%08x", g_rand_int (rand), g_rand_int (rand), g_rand_int (rand));
          pc->type = g_strdup ("marketplace");
          image->product_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_product_code_free);
          g_ptr_array_add (image->product_codes, pc);
        }
      g_ptr_array_add (image->launch_permissions, am_sb_launch_permission_new (AM_SB_PERM_GROUP, "all"));
      g_ptr_array_add (catalog, image);
    }
}

static int
compare_images (gconstpointer a,
                gconstpointer b)
{
  const AmSbImage *ia = *(const AmSbImage * const *) a;
  const AmSbImage *ib = *(const AmSbImage * const *) b;

  return strcmp (ia->image_id, ib->image_id);
}

GPtrArray *
am_sb_catalog_build (const char *region,
                     guint       n_synthetic)
{
  GPtrArray *catalog = g_ptr_array_new_full (G_N_ELEMENTS (seed_images) + n_synthetic,
                                             (GDestroyNotify) am_sb_image_free);

  for (guint i = 0; i < G_N_ELEMENTS (seed_images); i++)
    g_ptr_array_add (catalog, seed_image_build (&seed_images[i], region));
  add_synthetic (catalog, region, n_synthetic);
  g_ptr_array_sort (catalog, compare_images);
  return catalog;
}

/* The first state of a sandbox: default networks for every account and region, and a few
 * private images so that "owned by me" and "shared with me" are not empty. */

char *
am_sb_zone_id (const char *region,
               guint       index)
{
  g_auto (GStrv) parts = g_strsplit (region, "-", 3);
  const char *dir = parts[0] && parts[1] ? parts[1] : "";
  const char *abbrev = strcmp (dir, "northeast") == 0 ? "ne" : strcmp (dir, "southeast") == 0 ? "se"
                     : strcmp (dir, "central") == 0 ? "c" : NULL;
  g_autofree char *short_dir = abbrev ? g_strdup (abbrev) : g_strndup (dir, 1);

  return g_strdup_printf ("%s%s%s-az%u", parts[0] ? parts[0] : "", short_dir,
                          parts[0] && parts[1] && parts[2] ? parts[2] : "", index + 1);
}

static void
seed_network (AmSbState         *state,
              const AmSbAccount *account,
              const char        *region)
{
  g_autofree char *key = g_strconcat (account->account_id, "/", region, NULL);
  g_autofree char *vpc_key = g_strconcat ("vpc/", key, NULL);
  g_autofree char *sg_key = g_strconcat ("sg/", key, NULL);
  AmSbVpc *vpc = g_new0 (AmSbVpc, 1);
  AmSbSecurityGroup *sg = g_new0 (AmSbSecurityGroup, 1);
  static const char zones[] = { 'a', 'b', 'c' };

  vpc->vpc_id = am_sb_hashed_id ("vpc", vpc_key);
  vpc->region = g_intern_string (region);
  vpc->owner_id = g_intern_static_string (account->account_id);
  vpc->cidr_block = g_strdup ("172.31.0.0/16");
  vpc->is_default = TRUE;
  g_hash_table_replace (state->vpcs, vpc->vpc_id, vpc);

  for (guint i = 0; i < 3; i++)
    {
      AmSbSubnet *subnet = g_new0 (AmSbSubnet, 1);
      g_autofree char *subnet_key = g_strdup_printf ("subnet/%s/%u", key, i);

      subnet->subnet_id = am_sb_hashed_id ("subnet", subnet_key);
      subnet->region = vpc->region;
      subnet->owner_id = vpc->owner_id;
      subnet->vpc_id = g_strdup (vpc->vpc_id);
      subnet->availability_zone = g_strdup_printf ("%s%c", region, zones[i]);
      subnet->availability_zone_id = am_sb_zone_id (region, i);
      subnet->cidr_block = g_strdup_printf ("172.31.%u.0/20", i * 16);
      subnet->default_for_az = TRUE;
      g_hash_table_replace (state->subnets, subnet->subnet_id, subnet);
    }

  sg->group_id = am_sb_hashed_id ("sg", sg_key);
  sg->region = vpc->region;
  sg->owner_id = vpc->owner_id;
  sg->vpc_id = g_strdup (vpc->vpc_id);
  sg->group_name = g_strdup ("default");
  sg->description = g_strdup ("default VPC security group");
  sg->ingress = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_ingress_rule_free);
  g_hash_table_replace (state->security_groups, sg->group_id, sg);
}

static AmSbImage *
seed_private_image (AmSbState         *state,
                    const AmSbAccount *account,
                    const char        *region,
                    const char        *base_name,
                    const char        *name,
                    const char        *description,
                    const char        *created)
{
  GPtrArray *catalog = am_sb_state_get_catalog (state, region);
  AmSbImage *base = NULL;
  AmSbImage *image;
  AmSbSnapshot *snapshot;
  AmSbBlockDevice *root;
  g_autofree char *key = g_strconcat (region, "/", account->account_id, "/", name, NULL);
  g_autofree char *snap_key = g_strconcat ("snapshot/", key, NULL);
  g_autofree char *vol_key = g_strconcat ("volume/", key, NULL);

  for (guint i = 0; i < catalog->len && base == NULL; i++)
    if (strcmp (((AmSbImage *) catalog->pdata[i])->name, base_name) == 0)
      base = catalog->pdata[i];
  g_assert (base != NULL);

  image = am_sb_image_copy (base);
  g_free (image->image_id);
  image->image_id = am_sb_hashed_id ("ami", key);
  image->owner_id = g_intern_static_string (account->account_id);
  image->owner_alias = NULL;
  g_free (image->name);
  image->name = g_strdup (name);
  g_free (image->description);
  image->description = g_strdup (description);
  image->ssm_parameter = NULL;
  image->creation_time = parse_seed_time (created);
  image->deprecation_time = 0;
  image->stored = TRUE;
  g_ptr_array_set_size (image->launch_permissions, 0);
  image->source_image_id = g_strdup (base->image_id);
  image->source_image_region = g_strdup (region);

  snapshot = g_new0 (AmSbSnapshot, 1);
  snapshot->snapshot_id = am_sb_hashed_id ("snap", snap_key);
  snapshot->region = image->region;
  snapshot->owner_id = image->owner_id;
  snapshot->volume_id = am_sb_hashed_id ("vol", vol_key);
  root = image->block_devices->pdata[0];
  snapshot->volume_size = root->volume_size;
  {
    g_autofree char *instance_key = g_strconcat ("instance/", key, NULL);
    g_autofree char *instance_id = am_sb_hashed_id ("i", instance_key);

    snapshot->description = g_strdup_printf ("Created by CreateImage(%s) for %s", instance_id, image->image_id);
    image->source_instance_id = g_strdup (instance_id);
  }
  snapshot->start_time = image->creation_time;
  snapshot->completed_time = image->creation_time;
  g_free (root->snapshot_id);
  root->snapshot_id = g_strdup (snapshot->snapshot_id);
  g_hash_table_replace (state->snapshots, snapshot->snapshot_id, snapshot);
  g_hash_table_replace (state->images, image->image_id, image);
  return image;
}

void
am_sb_state_seed (AmSbState *state)
{
  guint n_accounts;
  const AmSbAccount *accounts = am_sb_accounts (&n_accounts);
  const AmSbAccount *alice = &accounts[0];
  const AmSbAccount *bob = &accounts[1];
  AmSbImage *image;

  for (guint a = 0; a < n_accounts; a++)
    for (guint r = 0; am_sb_regions[r] != NULL; r++)
      seed_network (state, &accounts[a], am_sb_regions[r]);

  image = seed_private_image (state, alice, "us-east-1", "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64",
                              "alice-web-server-2026-01-15",
                              "Web server: nginx on Amazon Linux 2023, shared with the analytics team",
                              "2026-01-15T10:12:44.000Z");
  g_ptr_array_add (image->launch_permissions, am_sb_launch_permission_new (AM_SB_PERM_USER, bob->account_id));
  /* Registered before the team required IMDSv2, so there is something to require. */
  image->imds_support = NULL;
  am_sb_state_set_tag (state, alice->account_id, image->image_id, "Name", "web-server");
  am_sb_state_set_tag (state, alice->account_id, image->image_id, "Environment", "staging");

  image = seed_private_image (state, alice, "us-east-1", "al2023-ami-2023.9.20251110.1-kernel-6.1-arm64",
                              "alice-build-runner-arm64-2026-02-03",
                              "CI build runner (arm64), golden image",
                              "2026-02-03T16:40:02.000Z");
  image->deregistration_protection = TRUE;
  am_sb_state_set_tag (state, alice->account_id, image->image_id, "Name", "build-runner");

  image = seed_private_image (state, alice, "eu-west-1", "debian-12-amd64-20251112-2294",
                              "alice-debian-base-2025-12-01", "Hardened Debian 12 base",
                              "2025-12-01T09:00:00.000Z");

  image = seed_private_image (state, bob, "us-east-1", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251112",
                              "bob-analytics-2025-11-20", "Analytics workstation on Ubuntu 24.04",
                              "2025-11-20T13:30:00.000Z");
  am_sb_state_set_tag (state, bob->account_id, image->image_id, "Team", "analytics");
}
