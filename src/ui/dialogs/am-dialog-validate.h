/* am-dialog-validate.h: EC2's rules for what the image dialogs accept, as user-facing messages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits EC2 enforces (CreateTags, ModifyImageAttribute, CopyImage, EnableImageDeprecation). */
#define AM_TAG_KEY_MAX          128
#define AM_TAG_VALUE_MAX        256
#define AM_TAGS_PER_RESOURCE     50
#define AM_DESCRIPTION_MAX      255
#define AM_AMI_NAME_MIN           3
#define AM_AMI_NAME_MAX         128
#define AM_DEPRECATION_MAX_YEARS 10

/*
 * Each check returns NULL when @text is acceptable, else a translated sentence that says what
 * is wrong and what to type instead (transfer full), shown next to the field.
 */
char *am_validate_tag_key          (const char *key);
char *am_validate_tag_value        (const char *value);
char *am_validate_account_id       (const char *text);
char *am_validate_organization_arn (const char *text);
char *am_validate_ou_arn           (const char *text);
char *am_validate_ami_name         (const char *text);
char *am_validate_description      (const char *text);
/* @when and @now are compared to the minute; @when must be after @now and at most ten years on. */
char *am_validate_deprecation_time (GDateTime  *when,
                                    GDateTime  *now);

/* The kind of principal a launch-permission entry names, guessed from what was typed. */
typedef enum
{
  AM_PRINCIPAL_INVALID,
  AM_PRINCIPAL_ACCOUNT,
  AM_PRINCIPAL_ORGANIZATION,
  AM_PRINCIPAL_OU,
} AmPrincipalKind;

/* Classifies @text (surrounding spaces ignored); @message (nullable) gets why it is invalid. */
AmPrincipalKind am_validate_principal (const char  *text,
                                       char       **message);

G_END_DECLS
