/* am-instance-row.h: one row of the Instances view: an instance that is replaced as it changes
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-image.h"
#include "am-instance.h"

G_BEGIN_DECLS

/*
 * The model objects of src/ec2 are immutable, so a refresh yields new AmInstance objects. The
 * view keeps one AmInstanceRow per instance id and swaps the instance inside it: the row
 * notifies only the columns whose text changed, so polling neither rebinds every cell nor
 * loses the selection.
 */

typedef enum
{
  AM_INSTANCE_COLUMN_NAME,
  AM_INSTANCE_COLUMN_ID,
  AM_INSTANCE_COLUMN_STATE,
  AM_INSTANCE_COLUMN_TYPE,
  AM_INSTANCE_COLUMN_IMAGE,
  AM_INSTANCE_COLUMN_ZONE,
  AM_INSTANCE_COLUMN_PUBLIC_IP,
  AM_INSTANCE_COLUMN_PRIVATE_IP,
  AM_INSTANCE_COLUMN_LAUNCH_TIME,
  AM_INSTANCE_COLUMN_KEY_NAME,
  AM_INSTANCE_COLUMN_ROOT_DEVICE,
  AM_INSTANCE_COLUMN_IMAGE_STATUS,
  AM_INSTANCE_N_COLUMNS
} AmInstanceColumn;

/* The coarse states the view filters and colours by. */
typedef enum
{
  AM_INSTANCE_PHASE_RUNNING,
  AM_INSTANCE_PHASE_STOPPED,
  AM_INSTANCE_PHASE_TRANSITIONAL,
  AM_INSTANCE_PHASE_TERMINATED,
} AmInstancePhase;

#define AM_TYPE_INSTANCE_ROW (am_instance_row_get_type ())

G_DECLARE_FINAL_TYPE (AmInstanceRow, am_instance_row, AM, INSTANCE_ROW, GObject)

AmInstanceRow   *am_instance_row_new              (AmInstance       *instance);
/** am_instance_row_get_instance: Returns: (transfer none): the latest state of the instance */
AmInstance      *am_instance_row_get_instance     (AmInstanceRow    *self);
/**
 * am_instance_row_set_instance: replaces the instance (same id), notifying changed columns
 * Returns: whether the text of any column changed
 */
gboolean         am_instance_row_set_instance     (AmInstanceRow    *self,
                                                   AmInstance       *instance);
/** am_instance_row_set_image_name: the name of the instance's AMI once it is known */
void             am_instance_row_set_image_name   (AmInstanceRow    *self,
                                                   const char       *image_name);
const char      *am_instance_row_get_image_name   (AmInstanceRow    *self);
/** am_instance_row_set_image_status: the state of the instance's AMI now ("available",
 * "deprecated", "disabled", "deregistered", …), from DescribeInstanceImageMetadata */
void             am_instance_row_set_image_status (AmInstanceRow    *self,
                                                   const char       *image_status);
/**
 * am_instance_row_set_newer_image: @newer_image: (nullable): a newer image of the same family
 * as the instance's, marked in the Image Status column ("available · newer exists")
 * Returns: whether it is another image than before
 */
gboolean         am_instance_row_set_newer_image  (AmInstanceRow    *self,
                                                   AmImage          *newer_image);
/** am_instance_row_get_newer_image: Returns: (transfer none) (nullable): the newer image */
AmImage         *am_instance_row_get_newer_image  (AmInstanceRow    *self);
/** am_instance_row_get_text: the text shown in @column */
const char      *am_instance_row_get_text         (AmInstanceRow    *self,
                                                   AmInstanceColumn  column);
/** am_instance_row_dup_image_markup: the image column as Pango markup whose id is a link */
char            *am_instance_row_dup_image_markup (AmInstanceRow    *self);
/** am_instance_row_get_name: the Name tag, or "" */
const char      *am_instance_row_get_name         (AmInstanceRow    *self);
/** am_instance_row_get_display_name: the Name tag, else the instance id */
const char      *am_instance_row_get_display_name (AmInstanceRow    *self);
AmInstancePhase  am_instance_row_get_phase        (AmInstanceRow    *self);
/** am_instance_row_get_state_icon_name: a symbolic icon for the state */
const char      *am_instance_row_get_state_icon_name (AmInstanceRow *self);
/** am_instance_row_get_state_css_class: "success", "warning", "error" or "dim-label" */
const char      *am_instance_row_get_state_css_class (AmInstanceRow *self);
/** am_instance_row_matches: whether @folded_needle (g_utf8_casefold'ed) occurs in the row */
gboolean         am_instance_row_matches          (AmInstanceRow    *self,
                                                   const char       *folded_needle);
/** am_instance_row_compare: compares two rows by @column (a GCompareDataFunc-like order) */
int              am_instance_row_compare          (AmInstanceRow    *a,
                                                   AmInstanceRow    *b,
                                                   AmInstanceColumn  column);
/** am_instance_phase_for_state: the phase of an EC2 state name */
AmInstancePhase  am_instance_phase_for_state      (const char       *state_name);
/** am_instance_find_tag: Returns: (nullable): the value of tag @key of @instance */
const char      *am_instance_find_tag             (AmInstance       *instance,
                                                   const char       *key);

G_END_DECLS
