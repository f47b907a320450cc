/* am-key-pair.h: an EC2 key pair (and, right after CreateKeyPair, its private key material)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_KEY_PAIR (am_key_pair_get_type ())

G_DECLARE_FINAL_TYPE (AmKeyPair, am_key_pair, AM, KEY_PAIR, GObject)

/** am_key_pair_get_key_pair_id: the key pair id */
const char *am_key_pair_get_key_pair_id (AmKeyPair *self);
/** am_key_pair_get_key_name: the key pair name */
const char *am_key_pair_get_key_name (AmKeyPair *self);
/** am_key_pair_get_key_fingerprint: the fingerprint */
const char *am_key_pair_get_key_fingerprint (AmKeyPair *self);
/** am_key_pair_get_key_type: "rsa" or "ed25519" */
const char *am_key_pair_get_key_type (AmKeyPair *self);
/** am_key_pair_get_public_key: the public key (DescribeKeyPairs with IncludePublicKey), or %NULL */
const char *am_key_pair_get_public_key (AmKeyPair *self);
/** am_key_pair_get_create_time: when the key pair was created, or %NULL */
const char *am_key_pair_get_create_time (AmKeyPair *self);
/** am_key_pair_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_key_pair_get_tags (AmKeyPair *self);
/** am_key_pair_get_key_material: the private key (CreateKeyPair only; never logged), or %NULL */
const char *am_key_pair_get_key_material (AmKeyPair *self);
/** am_key_pair_clear_key_material: zeroes and drops the private key once it is taken. */
void        am_key_pair_clear_key_material (AmKeyPair *self);

G_END_DECLS
