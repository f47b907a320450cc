/* am-cleanup-plan.h: which owned images a set of keep rules would deregister, and what it frees
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"
#include "am-image.h"
#include "am-region-fanout.h"
#include "am-snapshot.h"

G_BEGIN_DECLS

#define AM_CLEANUP_DEFAULT_RATE_STANDARD 0.05
#define AM_CLEANUP_DEFAULT_RATE_ARCHIVE  0.0125

/* What the caller knows about an image beyond DescribeImages. */
typedef enum
{
  AM_CLEANUP_IMAGE_USED   = 1 << 0,  /* DescribeImageReferences named something that uses it */
  AM_CLEANUP_IMAGE_SHARED = 1 << 1,  /* launch permissions for other accounts (or public) */
} AmCleanupImageFlags;

/* Why an image stays, or AM_CLEANUP_REMOVE. The first rule that keeps it is named. */
typedef enum
{
  AM_CLEANUP_REMOVE,
  AM_CLEANUP_KEEP_USED,
  AM_CLEANUP_KEEP_PROTECTED,
  AM_CLEANUP_KEEP_SHARED,
  AM_CLEANUP_KEEP_NEWEST,
  AM_CLEANUP_KEEP_RECENT,
} AmCleanupVerdict;

typedef struct
{
  AmImage          *image;
  const char       *family;
  AmCleanupVerdict  verdict;
  guint             rank;            /* 0 for the newest of its family */
  gint64            age_days;        /* whole days since its creation */
  char            **snapshot_ids;    /* (array zero-terminated=1): all of its snapshots */
  char            **freed_snapshots; /* (array zero-terminated=1): those only this entry frees */
  double            freed_gb;        /* the size of freed_snapshots */
} AmCleanupEntry;

#define AM_TYPE_CLEANUP_PLAN (am_cleanup_plan_get_type ())

G_DECLARE_FINAL_TYPE (AmCleanupPlan, am_cleanup_plan, AM, CLEANUP_PLAN, GObject)

AmCleanupPlan *am_cleanup_plan_new               (void);
/* An owned image; its deregistration protection is read from @image. */
void           am_cleanup_plan_add_image         (AmCleanupPlan       *self,
                                                  AmImage             *image,
                                                  AmCleanupImageFlags  flags);
/* A snapshot's size and tier (without it, a snapshot counts its mapping's volume size, standard). */
void           am_cleanup_plan_add_snapshot      (AmCleanupPlan       *self,
                                                  AmSnapshot          *snapshot);
void           am_cleanup_plan_clear             (AmCleanupPlan       *self);

/* @tag_key: (nullable): group by this tag's value, or (NULL) by the name without its suffix. */
void           am_cleanup_plan_set_family_tag    (AmCleanupPlan       *self,
                                                  const char          *tag_key);
/* Keep the newest @n of each family (0: this rule keeps nothing). */
void           am_cleanup_plan_set_keep_newest   (AmCleanupPlan       *self,
                                                  guint                n);
/* Keep anything created less than @days days ago (0: this rule keeps nothing). */
void           am_cleanup_plan_set_keep_days     (AmCleanupPlan       *self,
                                                  guint                days);
/* The time ages are measured from, in seconds since the epoch (default: when computed). */
void           am_cleanup_plan_set_now           (AmCleanupPlan       *self,
                                                  gint64               now);
/* USD per GB-month for the standard and the archive tier. */
void           am_cleanup_plan_set_rates         (AmCleanupPlan       *self,
                                                  double               standard,
                                                  double               archive);

/**
 * am_cleanup_plan_compute:
 * Applies the rules (used, protected and shared images are always kept) and emits
 * "changed". Snapshots that a kept image also uses are never counted as freed; a snapshot
 * of several removed images counts once.
 */
void           am_cleanup_plan_compute           (AmCleanupPlan       *self);

/**
 * am_cleanup_plan_get_entries:
 * Returns: (transfer none) (element-type AmCleanupEntry): every image, by family, newest
 *   first within it
 */
GPtrArray     *am_cleanup_plan_get_entries       (AmCleanupPlan       *self);
/* Returns: (transfer container) (element-type AmCleanupEntry): the entries to deregister */
GPtrArray     *am_cleanup_plan_get_removals      (AmCleanupPlan       *self);
guint          am_cleanup_plan_get_n_removals    (AmCleanupPlan       *self);
/* How many snapshots, how many GB, and their monthly cost (an upper bound: EC2 does not
 * tell incremental snapshot sizes, so each snapshot counts its full size). */
guint          am_cleanup_plan_get_n_freed_snapshots (AmCleanupPlan   *self);
double         am_cleanup_plan_get_freed_gb      (AmCleanupPlan       *self);
double         am_cleanup_plan_get_freed_monthly_cost (AmCleanupPlan  *self);

/**
 * am_cleanup_plan_load_async:
 * Replaces the plan's images with @client's owned images (DescribeImages Owner=self, every
 * page), their snapshots (DescribeSnapshots Owner=self), what uses them
 * (DescribeImageReferences, 10 images a call) and whether they are shared
 * (DescribeImageAttribute launchPermission, one image at a time), then computes the plan.
 */
void           am_cleanup_plan_load_async        (AmCleanupPlan       *self,
                                                  AmEc2Client         *client,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       am_cleanup_plan_load_finish       (AmCleanupPlan       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/**
 * am_cleanup_plan_new_region_fanout:
 * Returns: (transfer full): a fanout whose items are one AmCleanupPlan per Region, each loaded
 *   as am_cleanup_plan_load_async() does through that Region's client, its images marked with
 *   the Region (am_image_set_region())
 */
AmRegionFanout *am_cleanup_plan_new_region_fanout (AmEc2Client        *client);
/**
 * am_cleanup_plan_take_regions:
 * @plans: (element-type AmCleanupPlan): the Regions' plans (a fanout's items)
 * Replaces the plan's images and snapshots with those of @plans and computes it. Families
 * are per Region: "keep the newest N" keeps N in each Region.
 */
void           am_cleanup_plan_take_regions      (AmCleanupPlan       *self,
                                                  GListModel          *plans);

G_END_DECLS
