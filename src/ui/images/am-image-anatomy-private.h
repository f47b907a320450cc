/* am-image-anatomy-private.h: what the anatomy's parts and drawing files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image-anatomy.h"

G_BEGIN_DECLS

#define PAD 12.f            /* inside the image box and inside parts */
#define GAP 8.f             /* between parts */
#define SECTION_GAP 14.f
#define RADIUS 10.f
#define DISK_MIN 116.f        /* a disk is at least this wide, and at most DISK_MAX */
#define DISK_MAX 170.f
#define ELLIPSE 14.f        /* height of a disk's top ellipse */
#define ARROW 36.f          /* room for the arrow between template parts */
#define CONNECTOR 16.f      /* lines from who may launch it down to the box */
#define WIDE 420.f          /* inner width from which the root template lies side by side */

typedef enum
{
  PART_IMAGE,
  PART_INSTANCE,
  PART_SNAPSHOT,
  PART_ROOT_VOLUME,
  PART_BUNDLE,
  PART_EBS,
  PART_INSTANCE_STORE,
  PART_NO_DEVICE,
  PART_OWNER,
  PART_ACCOUNT,
  PART_ORGANIZATION,
  PART_OU,
  PART_EVERYONE,
  PART_UNKNOWN,
  PART_SOURCE,
  PART_TAG,
} PartKind;
typedef struct
{
  PartKind kind;
  char *title;
  char *detail;              /* may be NULL */
  char *tooltip;
  gboolean encrypted;        /* volumes: draw a closed lock */
  gboolean instance_store;   /* the root volume is a local disk */

  /* geometry of the last layout */
  graphene_rect_t rect;
  PangoLayout *title_layout;
  PangoLayout *detail_layout;
} Part;

typedef struct
{
  const char *text;
  float y;
  PangoLayout *layout;
} Heading;

struct _AmImageAnatomy
{
  GtkWidget parent_instance;

  /* owned references */
  AmImage *image;
  AmInstance *instance;
  GPtrArray *permissions;   /* AmLaunchPermission, or NULL when unknown */
  GPtrArray *parts;         /* Part */

  /* state */
  char *image_name;         /* instance mode: the name of its image */
  char *summary;
  float laid_out_width;
  float height;
  Heading headings[3];
  guint n_headings;
  PangoLayout *empty_layout; /* "no other volumes" */
  float empty_y;
};

/* am-image-anatomy-draw.c */
void     am_image_anatomy_ensure_layout (AmImageAnatomy *self,
                                         float           width);
void     am_image_anatomy_snapshot      (GtkWidget      *widget,
                                         GtkSnapshot    *snapshot);

G_END_DECLS
