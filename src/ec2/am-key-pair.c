/* am-key-pair.c: an EC2 key pair (and, right after CreateKeyPair, its private key material)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-key-pair"

#include "config.h"

#include <string.h>

#include "am-key-pair.h"
#include "am-ec2-model-private.h"

struct _AmKeyPair
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *key_pair_id;
  char *key_name;
  char *key_fingerprint;
  char *public_key;
  char *create_time;
  gpointer *tags;
  char *key_material;
  GQuark key_type;
};

G_DEFINE_FINAL_TYPE (AmKeyPair, am_key_pair, G_TYPE_OBJECT)

static const AmField am_key_pair_fields[] = {
  { "key-pair-id", "keyPairId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, key_pair_id), NULL },
  { "key-name", "keyName", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, key_name), NULL },
  { "key-fingerprint", "keyFingerprint", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, key_fingerprint), NULL },
  { "key-type", "keyType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmKeyPair, key_type), NULL },
  { "public-key", "publicKey", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, public_key), NULL },
  { "create-time", "createTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, create_time), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmKeyPair, tags), _am_tag_get_model_info },
  { "key-material", "keyMaterial", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmKeyPair, key_material), NULL },
};

static AmModelInfo am_key_pair_info = {
  "AmKeyPair", am_key_pair_get_type, am_key_pair_fields, G_N_ELEMENTS (am_key_pair_fields), NULL, NULL,
};

const AmModelInfo *
_am_key_pair_get_model_info (void)
{
  return &am_key_pair_info;
}

static void
am_key_pair_finalize (GObject *object)
{
  _am_model_clear (object, &am_key_pair_info);

  G_OBJECT_CLASS (am_key_pair_parent_class)->finalize (object);
}

static void
am_key_pair_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_key_pair_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_key_pair_class_init (AmKeyPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_key_pair_finalize;
  object_class->get_property = am_key_pair_get_property;

  _am_model_install_properties (object_class, &am_key_pair_info);
}

static void
am_key_pair_init (AmKeyPair *self)
{
}

const char *
am_key_pair_get_key_pair_id (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->key_pair_id;
}

const char *
am_key_pair_get_key_name (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->key_name;
}

const char *
am_key_pair_get_key_fingerprint (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->key_fingerprint;
}

const char *
am_key_pair_get_key_type (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return g_quark_to_string (self->key_type);
}

const char *
am_key_pair_get_public_key (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->public_key;
}

const char *
am_key_pair_get_create_time (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->create_time;
}

AmTag * const *
am_key_pair_get_tags (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}

const char *
am_key_pair_get_key_material (AmKeyPair *self)
{
  g_return_val_if_fail (AM_IS_KEY_PAIR (self), NULL);

  return self->key_material;
}

void
am_key_pair_clear_key_material (AmKeyPair *self)
{
  g_return_if_fail (AM_IS_KEY_PAIR (self));

  if (self->key_material == NULL)
    return;
  memset (self->key_material, 0, strlen (self->key_material));
  g_clear_pointer (&self->key_material, g_free);
}
