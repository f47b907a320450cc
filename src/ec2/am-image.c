/* am-image.c: an Amazon Machine Image with every field of a DescribeImages item
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image"

#include "config.h"

#include "am-image.h"
#include "am-ec2-model-private.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/*
 * The small values most images have in common (owner, architecture, state, platform, ...)
 * live in one block that images with the same values share: a 100,000-image listing has a
 * few hundred different blocks, and each image holds one pointer instead of 92 bytes. An
 * image being read fills a block of its own; am_image_finish() swaps it for the shared one.
 * The block is all 4-byte fields (no padding), so its bytes are its value.
 */
typedef struct
{
  GQuark state;
  GQuark owner_id;
  GQuark architecture;
  GQuark image_type;
  GQuark platform;
  GQuark platform_details;
  GQuark usage_operation;
  GQuark state_reason_code;
  GQuark owner_alias;
  GQuark root_device_type;
  GQuark root_device_name;
  GQuark virtualization_type;
  GQuark hypervisor;
  GQuark sriov_net_support;
  GQuark boot_mode;
  GQuark tpm_support;
  GQuark imds_support;
  GQuark deregistration_protection;
  GQuark source_image_region;
  gboolean is_public;
  gboolean ena_support;
  gboolean image_allowed;
  gboolean free_tier_eligible;
  gboolean shared;   /* last: not part of the value */
} AmImageTraits;

#define TRAITS_VALUE_SIZE G_STRUCT_OFFSET (AmImageTraits, shared)

struct _AmImage
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *image_id;
  char *image_location;
  char *creation_date;
  gpointer *product_codes;
  char *name;
  char *description;
  gpointer *block_device_mappings;
  gpointer *tags;
  char *deprecation_time;
  char *source_instance_id;
  char *last_launched_time;
  char *source_image_id;
  gint64 creation_time;
  gint64 deprecation_unix;
  char *kernel_id;
  char *ramdisk_id;
  char *state_reason_message;
  gboolean is_deprecated;

  /* the quarks and flags many images share (see am_image_traits_intern) */
  AmImageTraits *traits;

  /* the image's own strings live in one allocation (see am_image_finish) */
  char *blob;
  const char *search_key;
  guint32 search_key_len;

  /* set by a listing of several regions (am-region-fanout.c); 0 in a one-region listing */
  GQuark region;
};

G_DEFINE_FINAL_TYPE (AmImage, am_image, G_TYPE_OBJECT)

static void am_image_finish (GObject *object);
static void am_image_release_blob (AmImage *self);

/* a field kept in the shared block */
#define TRAIT(member) G_STRUCT_OFFSET (AmImageTraits, member), NULL, G_STRUCT_OFFSET (AmImage, traits) + 1

static const AmField am_image_fields[] = {
  { "image-id", "imageId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, image_id), NULL },
  { "image-location", "imageLocation", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, image_location), NULL },
  { "state", "imageState", NULL, AM_FIELD_INTERNED, TRAIT (state) },
  { "owner-id", "imageOwnerId", NULL, AM_FIELD_INTERNED, TRAIT (owner_id) },
  { "creation-date", "creationDate", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, creation_date), NULL },
  { "is-public", "isPublic", NULL, AM_FIELD_BOOLEAN, TRAIT (is_public) },
  { "product-codes", "productCodes", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, product_codes), _am_product_code_get_model_info },
  { "architecture", "architecture", NULL, AM_FIELD_INTERNED, TRAIT (architecture) },
  { "image-type", "imageType", NULL, AM_FIELD_INTERNED, TRAIT (image_type) },
  { "kernel-id", "kernelId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, kernel_id), NULL },
  { "ramdisk-id", "ramdiskId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, ramdisk_id), NULL },
  { "platform", "platform", NULL, AM_FIELD_INTERNED, TRAIT (platform) },
  { "platform-details", "platformDetails", NULL, AM_FIELD_INTERNED, TRAIT (platform_details) },
  { "usage-operation", "usageOperation", NULL, AM_FIELD_INTERNED, TRAIT (usage_operation) },
  { "state-reason-code", "code", "stateReason", AM_FIELD_INTERNED, TRAIT (state_reason_code) },
  { "state-reason-message", "message", "stateReason", AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, state_reason_message), NULL },
  { "owner-alias", "imageOwnerAlias", NULL, AM_FIELD_INTERNED, TRAIT (owner_alias) },
  { "name", "name", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, name), NULL },
  { "description", "description", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, description), NULL },
  { "root-device-type", "rootDeviceType", NULL, AM_FIELD_INTERNED, TRAIT (root_device_type) },
  { "root-device-name", "rootDeviceName", NULL, AM_FIELD_INTERNED, TRAIT (root_device_name) },
  { "block-device-mappings", "blockDeviceMapping", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, block_device_mappings), _am_block_device_mapping_get_model_info },
  { "virtualization-type", "virtualizationType", NULL, AM_FIELD_INTERNED, TRAIT (virtualization_type) },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, tags), _am_tag_get_model_info },
  { "hypervisor", "hypervisor", NULL, AM_FIELD_INTERNED, TRAIT (hypervisor) },
  { "ena-support", "enaSupport", NULL, AM_FIELD_BOOLEAN, TRAIT (ena_support) },
  { "sriov-net-support", "sriovNetSupport", NULL, AM_FIELD_INTERNED, TRAIT (sriov_net_support) },
  { "boot-mode", "bootMode", NULL, AM_FIELD_INTERNED, TRAIT (boot_mode) },
  { "tpm-support", "tpmSupport", NULL, AM_FIELD_INTERNED, TRAIT (tpm_support) },
  { "deprecation-time", "deprecationTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, deprecation_time), NULL },
  { "imds-support", "imdsSupport", NULL, AM_FIELD_INTERNED, TRAIT (imds_support) },
  { "source-instance-id", "sourceInstanceId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, source_instance_id), NULL },
  { "deregistration-protection", "deregistrationProtection", NULL, AM_FIELD_INTERNED, TRAIT (deregistration_protection) },
  { "last-launched-time", "lastLaunchedTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, last_launched_time), NULL },
  { "image-allowed", "imageAllowed", NULL, AM_FIELD_BOOLEAN, TRAIT (image_allowed) },
  { "source-image-id", "sourceImageId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, source_image_id), NULL },
  { "source-image-region", "sourceImageRegion", NULL, AM_FIELD_INTERNED, TRAIT (source_image_region) },
  { "free-tier-eligible", "freeTierEligible", NULL, AM_FIELD_BOOLEAN, TRAIT (free_tier_eligible) },
  { "creation-time", NULL, NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmImage, creation_time), NULL },
  { "deprecation-unix", NULL, NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmImage, deprecation_unix), NULL },
  { "is-deprecated", NULL, NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, is_deprecated), NULL },
};

static AmModelInfo am_image_info = {
  "AmImage", am_image_get_type, am_image_fields, G_N_ELEMENTS (am_image_fields), am_image_finish, NULL,
};

const AmModelInfo *
_am_image_get_model_info (void)
{
  return &am_image_info;
}

static void
am_image_finalize (GObject *object)
{
  AmImage *self = AM_IMAGE (object);

  am_image_release_blob (self);
  _am_model_clear (object, &am_image_info);
  if (!self->traits->shared)
    g_free (self->traits);

  G_OBJECT_CLASS (am_image_parent_class)->finalize (object);
}

static void
am_image_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_image_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_image_class_init (AmImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_image_finalize;
  object_class->get_property = am_image_get_property;

  _am_model_install_properties (object_class, &am_image_info);
}

static void
am_image_init (AmImage *self)
{
  self->traits = g_new0 (AmImageTraits, 1);
}

const char *
am_image_get_image_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->image_id;
}

const char *
am_image_get_image_location (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->image_location;
}

const char *
am_image_get_state (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->state);
}

const char *
am_image_get_owner_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->owner_id);
}

const char *
am_image_get_creation_date (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->creation_date;
}

gboolean
am_image_get_is_public (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->traits->is_public;
}

AmProductCode * const *
am_image_get_product_codes (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmProductCode * const *) _am_model_array_or_empty (self->product_codes);
}

const char *
am_image_get_architecture (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->architecture);
}

const char *
am_image_get_image_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->image_type);
}

const char *
am_image_get_kernel_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->kernel_id;
}

const char *
am_image_get_ramdisk_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->ramdisk_id;
}

const char *
am_image_get_platform (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->platform);
}

gboolean
am_image_is_windows (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  /* EC2 sends <platform> only for Windows; another server may send any word. */
  return self->traits->platform == g_quark_from_static_string ("windows");
}

const char *
am_image_get_platform_details (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->platform_details);
}

const char *
am_image_get_usage_operation (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->usage_operation);
}

const char *
am_image_get_state_reason_code (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->state_reason_code);
}

const char *
am_image_get_state_reason_message (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->state_reason_message;
}

const char *
am_image_get_owner_alias (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->owner_alias);
}

const char *
am_image_get_name (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->name;
}

const char *
am_image_get_description (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->description;
}

const char *
am_image_get_root_device_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->root_device_type);
}

const char *
am_image_get_root_device_name (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->root_device_name);
}

AmBlockDeviceMapping * const *
am_image_get_block_device_mappings (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmBlockDeviceMapping * const *) _am_model_array_or_empty (self->block_device_mappings);
}

const char *
am_image_get_virtualization_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->virtualization_type);
}

AmTag * const *
am_image_get_tags (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}

const char *
am_image_get_hypervisor (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->hypervisor);
}

gboolean
am_image_get_ena_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->traits->ena_support;
}

const char *
am_image_get_sriov_net_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->sriov_net_support);
}

const char *
am_image_get_boot_mode (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->boot_mode);
}

const char *
am_image_get_tpm_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->tpm_support);
}

const char *
am_image_get_deprecation_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->deprecation_time;
}

const char *
am_image_get_imds_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->imds_support);
}

const char *
am_image_get_source_instance_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->source_instance_id;
}

const char *
am_image_get_deregistration_protection (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->deregistration_protection);
}

const char *
am_image_get_last_launched_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->last_launched_time;
}

gboolean
am_image_get_image_allowed (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->traits->image_allowed;
}

const char *
am_image_get_source_image_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->source_image_id;
}

const char *
am_image_get_source_image_region (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->traits->source_image_region);
}

const char *
am_image_get_region (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return g_quark_to_string (self->region);
}

void
am_image_set_region (AmImage    *self,
                     const char *region)
{
  g_return_if_fail (AM_IS_IMAGE (self));

  self->region = region != NULL ? g_quark_from_string (region) : 0;
}

gboolean
am_image_get_free_tier_eligible (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->traits->free_tier_eligible;
}

gint64
am_image_get_creation_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), 0);

  return self->creation_time;
}

gint64
am_image_get_deprecation_unix (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), 0);

  return self->deprecation_unix;
}

gboolean
am_image_get_is_deprecated (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->is_deprecated;
}

/* The strings that belong to this image alone; am_image_finish() packs them in self->blob. */
static const gsize packed_fields[] = {
  G_STRUCT_OFFSET (AmImage, image_id),
  G_STRUCT_OFFSET (AmImage, image_location),
  G_STRUCT_OFFSET (AmImage, creation_date),
  G_STRUCT_OFFSET (AmImage, name),
  G_STRUCT_OFFSET (AmImage, description),
  G_STRUCT_OFFSET (AmImage, deprecation_time),
  G_STRUCT_OFFSET (AmImage, source_instance_id),
  G_STRUCT_OFFSET (AmImage, last_launched_time),
  G_STRUCT_OFFSET (AmImage, source_image_id),
  /* free text and unique ids: interning them would keep them for the process's lifetime */
  G_STRUCT_OFFSET (AmImage, kernel_id),
  G_STRUCT_OFFSET (AmImage, ramdisk_id),
  G_STRUCT_OFFSET (AmImage, state_reason_message),
};

#define PACKED(self, i) ((char **) (((guint8 *) (self)) + packed_fields[i]))

static void
am_image_release_blob (AmImage *self)
{
  if (self->blob == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (packed_fields); i++)
    *PACKED (self, i) = NULL;
  g_clear_pointer (&self->blob, g_free);
  self->search_key = NULL;
  self->search_key_len = 0;
}

/*
 * g_utf8_casefold() of @text, which holds a byte beyond ASCII at @p. Casefolding maps each
 * character on its own, and GLib's costs a GString append per character, so the ASCII runs
 * (lower-cased, as g_utf8_casefold() does) are copied here and only the runs of other
 * characters go through GLib, stepped over exactly as g_utf8_casefold() steps.
 */
/* Appends @len bytes of ASCII at @run, lower-cased. */
static void
append_ascii_lower (GString    *out,
                    const char *run,
                    gsize       len)
{
  gsize at = out->len;

  g_string_append_len (out, run, len);
  for (char *c = out->str + at; c < out->str + out->len; c++)
    if (*c >= 'A' && *c <= 'Z')
      *c += 'a' - 'A';
}

static char *
fold_unicode (const char *text,
              const char *p)
{
  GString *out = g_string_sized_new ((p - text) + strlen (p) + 16);

  append_ascii_lower (out, text, p - text);
  while (*p != '\0')
    {
      const char *q = p;
      g_autofree char *folded = NULL;

      if ((guchar) *p < 0x80)
        {
          while (*q != '\0' && (guchar) *q < 0x80)
            q++;
          append_ascii_lower (out, p, q - p);
          p = q;
          continue;
        }
      while ((guchar) *q >= 0x80)
        {
          const char *next = g_utf8_next_char (q);

          /* A character cut by the end of the text (not UTF-8): fold the rest as GLib does. */
          if (memchr (q, '\0', next - q) != NULL)
            {
              if (q == p)
                q = p + strlen (p);
              break;
            }
          q = next;
        }
      folded = g_utf8_casefold (p, q - p);
      g_string_append (out, folded);
      p = q;
    }
  return g_string_free (out, FALSE);
}

static char *
fold (const char *text)
{
  const char *p;
  char *out;

  if (text == NULL)
    return g_strdup ("");

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return fold_unicode (text, p);

  out = g_malloc (p - text + 1);
  for (gsize i = 0; i <= (gsize) (p - text); i++)
    {
      char c = text[i];

      out[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  return out;
}

/* The length of @text's leading ASCII, eight bytes at a time. */
static gsize
skip_ascii (const char *text,
            gsize       len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, text + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  while (i < len && (guchar) text[i] < 0x80)
    i++;
  return i;
}

/*
 * The text as it goes into the search key: ASCII text as it is (the key is matched without
 * regard to ASCII case, so it needs no lower-case copy: *@owned stays %NULL and the result is
 * @text itself), any other text Unicode-folded.
 */
static const char *
fold_maybe (const char  *text,
            char       **owned,
            gsize       *len)
{
  const char *p;

  *owned = NULL;
  if (text == NULL)
    {
      *len = 0;
      return "";
    }
  p = text + skip_ascii (text, strlen (text));
  if (*p == '\0')
    {
      *len = p - text;
      return text;
    }
  *owned = fold (text);
  *len = strlen (*owned);
  return *owned;
}

char *
am_image_fold_search_text (const char *text)
{
  return fold (text);
}

static char *
put (char       **cursor,
     const char  *text,
     gsize        len)
{
  char *start = *cursor;

  memcpy (start, text, len);
  start[len] = '\0';
  *cursor += len + 1;
  return start;
}

/*
 * 100,000 images must fit in well under 100 MB, so an image's strings share one allocation:
 * the search key (folded name, id and description, NUL-separated); the name, id and
 * description point into it when folding left them unchanged. The location is usually
 * "owner/name": then it is written just before the key (when the name is in the key) or the
 * name points into it. Everything else follows, each copied once.
 */
static void
am_image_pack_strings (AmImage *self)
{
  g_autofree char *owned_name = NULL;
  g_autofree char *owned_id = NULL;
  g_autofree char *owned_description = NULL;
  gsize fname_len, fid_len, fdesc_len;
  const char *folded_name = fold_maybe (self->name, &owned_name, &fname_len);
  const char *folded_id = fold_maybe (self->image_id, &owned_id, &fid_len);
  const char *folded_description = fold_maybe (self->description, &owned_description, &fdesc_len);
  char *old[G_N_ELEMENTS (packed_fields)];
  gsize name_len = self->name ? strlen (self->name) : 0;
  gsize location_len = self->image_location ? strlen (self->image_location) : 0;
  gsize key_len = fname_len + fid_len + fdesc_len + 3;
  gboolean name_in_key = self->name != NULL && strcmp (folded_name, self->name) == 0;
  gboolean id_in_key = self->image_id != NULL && strcmp (folded_id, self->image_id) == 0;
  gboolean description_in_key = self->description != NULL
                                && strcmp (folded_description, self->description) == 0;
  gboolean location_ends_with_name = self->name != NULL
                                     && location_len > name_len
                                     && self->image_location[location_len - name_len - 1] == '/'
                                     && strcmp (self->image_location + location_len - name_len, self->name) == 0;
  gboolean location_before_key = name_in_key && location_ends_with_name;
  gboolean name_in_location = !name_in_key && location_ends_with_name;
  gsize prefix_len = location_before_key ? location_len - name_len : 0;
  gsize total = prefix_len + key_len;
  char *cursor;

  for (guint i = 0; i < G_N_ELEMENTS (packed_fields); i++)
    {
      char **field = PACKED (self, i);

      old[i] = *field;
      if (*field == NULL
          || (field == &self->name && (name_in_key || name_in_location))
          || (field == &self->image_id && id_in_key)
          || (field == &self->description && description_in_key)
          || (field == &self->image_location && location_before_key))
        continue;
      total += strlen (*field) + 1;
    }

  self->blob = cursor = g_malloc (total);
  if (location_before_key)
    {
      memcpy (cursor, self->image_location, prefix_len);
      self->image_location = cursor;
      cursor += prefix_len;
    }
  self->search_key = cursor;
  self->search_key_len = key_len - 1;
  if (name_in_key)
    self->name = cursor;
  put (&cursor, folded_name, fname_len);
  if (id_in_key)
    self->image_id = cursor;
  put (&cursor, folded_id, fid_len);
  if (description_in_key)
    self->description = cursor;
  put (&cursor, folded_description, fdesc_len);

  for (guint i = 0; i < G_N_ELEMENTS (packed_fields); i++)
    {
      char **field = PACKED (self, i);

      if (old[i] == NULL || *field != old[i])
        continue;
      if (field == &self->name && name_in_location)
        continue;
      *field = put (&cursor, old[i], strlen (old[i]));
      if (field == &self->image_location && name_in_location)
        self->name = *field + location_len - name_len;
    }
  g_assert ((gsize) (cursor - self->blob) == total);

  for (guint i = 0; i < G_N_ELEMENTS (packed_fields); i++)
    g_free (old[i]);
}

static void
am_image_pack (AmImage *self)
{
  /* Already packed: the fields point into the blob and must stay there. */
  if (self->blob != NULL)
    return;

  am_image_pack_strings (self);
}

static guint
traits_hash (gconstpointer data)
{
  const guint32 *p = data;
  guint32 h = 2166136261u;

  for (gsize i = 0; i < TRAITS_VALUE_SIZE / sizeof (guint32); i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static gboolean
traits_equal (gconstpointer a,
              gconstpointer b)
{
  return memcmp (a, b, TRAITS_VALUE_SIZE) == 0;
}

G_LOCK_DEFINE_STATIC (traits);

/* Swaps the image's own block for the shared one with the same values (kept for the life of
 * the process, like the quarks in it). */
static void
am_image_traits_intern (AmImage *self)
{
  static GHashTable *pool;
  AmImageTraits *shared;

  if (self->traits->shared)
    return;

  G_LOCK (traits);
  if (pool == NULL)
    pool = g_hash_table_new (traits_hash, traits_equal);
  shared = g_hash_table_lookup (pool, self->traits);
  if (shared == NULL)
    {
      shared = g_steal_pointer (&self->traits);
      shared->shared = TRUE;
      g_hash_table_add (pool, shared);
    }
  else
    g_free (self->traits);
  G_UNLOCK (traits);
  self->traits = shared;
}

static void
am_image_finish (GObject *object)
{
  AmImage *self = AM_IMAGE (object);

  self->creation_time = _am_model_parse_time (self->creation_date, 0);
  self->deprecation_unix = _am_model_parse_time (self->deprecation_time, G_MAXINT64);
  self->is_deprecated = self->deprecation_unix <= g_get_real_time () / G_USEC_PER_SEC;
  am_image_pack (self);
  am_image_traits_intern (self);
}

const char *
am_image_get_search_key (AmImage *self,
                         gsize   *length)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  if (length != NULL)
    *length = self->search_key_len;
  return self->search_key != NULL ? self->search_key : "";
}

gboolean
am_image_match_folded (AmImage    *self,
                       const char *folded_query,
                       gsize       query_len)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  return am_image_search_key_find (self->search_key, self->search_key_len,
                                   folded_query, query_len);
}

static inline guchar
fold_ascii (guchar c)
{
  return (guint) (c - 'A') < 26 ? c | 0x20 : c;
}

static inline gboolean
matches_at (const guchar *text,
            const guchar *needle,
            gsize         len)
{
  for (gsize k = 0; k < len; k++)
    if (fold_ascii (text[k]) != needle[k])
      return FALSE;
  return TRUE;
}

gboolean
am_image_search_key_find (const char *key,
                          gsize       key_len,
                          const char *needle,
                          gsize       needle_len)
{
  const guchar *t = (const guchar *) key;
  const guchar *n = (const guchar *) needle;
  gsize last, i = 0;

  if (needle_len == 0)
    return TRUE;
  if (key == NULL || needle_len > key_len)
    return FALSE;
  last = key_len - needle_len;   /* the last place a match can start */

#if defined(__SSE2__) && defined(__GNUC__)
  {
    /* Sixteen places at a time: the first and the last byte of the needle must both match
     * (an ASCII letter in either case) before the place is compared in full. */
    const guchar first = n[0], final = n[needle_len - 1];
    const __m128i want_first = _mm_set1_epi8 ((char) first);
    const __m128i want_final = _mm_set1_epi8 ((char) final);
    const __m128i case_first = _mm_set1_epi8 ((guint) (first - 'a') < 26 ? 0x20 : 0);
    const __m128i case_final = _mm_set1_epi8 ((guint) (final - 'a') < 26 ? 0x20 : 0);

    for (; i + 16 <= last + 1; i += 16)
      {
        __m128i a = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (t + i)), case_first);
        __m128i b = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (t + i + needle_len - 1)),
                                  case_final);
        unsigned mask = _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (a, want_first),
                                                          _mm_cmpeq_epi8 (b, want_final)));

        while (mask != 0)
          {
            if (matches_at (t + i + __builtin_ctz (mask), n, needle_len))
              return TRUE;
            mask &= mask - 1;
          }
      }
  }
#endif
  for (; i <= last; i++)
    if (fold_ascii (t[i]) == n[0] && matches_at (t + i, n, needle_len))
      return TRUE;
  return FALSE;
}

gboolean
am_image_is_same (AmImage *self,
                  AmImage *other)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);
  g_return_val_if_fail (AM_IS_IMAGE (other), FALSE);

  return _am_model_equal (G_OBJECT (self), G_OBJECT (other), &am_image_info);
}
