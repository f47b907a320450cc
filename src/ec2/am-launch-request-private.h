/* am-launch-request-private.h: AmLaunchRequest's fields, shared by its object, validation and request building
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-request.h"

G_BEGIN_DECLS

struct _AmLaunchRequest
{
  GObject parent_instance;

  /* owned references */
  AmImage *image;
  AmInstanceType *instance_type;
  AmVpc *vpc;
  GPtrArray *subnets;          /* AmSubnet* */
  GPtrArray *security_groups;  /* char*, NULL-terminated */
  GPtrArray *volumes;          /* AmLaunchVolume* */
  GPtrArray *tags;             /* AmLaunchTag* */
  GBytes *user_data;
  GHashTable *client_tokens;   /* subnet id → token */

  /* state */
  char *key_name;
  gboolean no_key_acknowledged;
  AmLaunchPublicIp public_ip;
  gboolean create_group;
  char *new_group_name;
  AmLaunchRules new_group_rules;
  AmLaunchSource new_group_source;
  char *custom_cidr;
  char *my_ip;
  char *created_group_id;
  guint count;
  char *iam_profile;
  gboolean shutdown_terminates;
  gboolean termination_protection;
  gboolean imdsv2_required;
};

G_END_DECLS
