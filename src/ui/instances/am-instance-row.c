/* am-instance-row.c: one row of the Instances view: an instance that is replaced as it changes
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance-row"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "am-instance-row.h"
#include "am-time-format.h"

struct _AmInstanceRow
{
  GObject     parent_instance;

  /* owned */
  AmInstance *instance;
  char       *image_name;
  char       *image_status;
  AmImage    *newer_image;                   /* a newer image of the same family, or NULL */
  char       *texts[AM_INSTANCE_N_COLUMNS];
  char       *keys[AM_INSTANCE_N_COLUMNS];   /* sort keys, computed with the texts */
  char       *search_key;                    /* casefolded, every column and tag */

  /* state */
  const char *state_icon_name;               /* static strings */
  const char *state_css_classes[2];
};

G_DEFINE_FINAL_TYPE (AmInstanceRow, am_instance_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INSTANCE,
  PROP_NAME,
  PROP_INSTANCE_ID,
  PROP_STATE,
  PROP_INSTANCE_TYPE,
  PROP_IMAGE,
  PROP_ZONE,
  PROP_PUBLIC_IP,
  PROP_PRIVATE_IP,
  PROP_LAUNCH_TIME,
  PROP_KEY_NAME,
  PROP_ROOT_DEVICE,
  PROP_IMAGE_STATUS,
  PROP_STATE_ICON_NAME,
  PROP_STATE_CSS_CLASSES,
  PROP_IMAGE_MARKUP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Column n is property PROP_NAME + n. */
G_STATIC_ASSERT (PROP_IMAGE_STATUS - PROP_NAME == AM_INSTANCE_COLUMN_IMAGE_STATUS);

const char *
am_instance_find_tag (AmInstance *instance,
                      const char *key)
{
  AmTag * const *tags;

  g_return_val_if_fail (AM_IS_INSTANCE (instance), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  tags = am_instance_get_tags (instance);
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (am_tag_get_key (tags[i]), key) == 0)
      return am_tag_get_value (tags[i]);

  return NULL;
}

AmInstancePhase
am_instance_phase_for_state (const char *state_name)
{
  if (g_strcmp0 (state_name, "running") == 0)
    return AM_INSTANCE_PHASE_RUNNING;
  if (g_strcmp0 (state_name, "stopped") == 0)
    return AM_INSTANCE_PHASE_STOPPED;
  if (g_strcmp0 (state_name, "terminated") == 0)
    return AM_INSTANCE_PHASE_TERMINATED;
  /* pending, stopping, shutting-down, and anything new are worth watching. */
  return AM_INSTANCE_PHASE_TRANSITIONAL;
}

static const char *
state_label (const char *state_name)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "pending", N_("Pending") },
    { "running", N_("Running") },
    { "stopping", N_("Stopping") },
    { "stopped", N_("Stopped") },
    { "shutting-down", N_("Shutting down") },
    { "terminated", N_("Terminated") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (state_name, labels[i].name) == 0)
      return _(labels[i].label);

  return state_name != NULL ? state_name : "";
}

static char *
format_launch_time (const char *iso8601)
{
  char *text = am_time_format_local (iso8601);

  return text != NULL ? text : g_strdup ("");
}

/* Dotted quads sort by number, not by text. */
static char *
ip_sort_key (const char *ip)
{
  guint a, b, c, d;

  if (ip == NULL || *ip == '\0')
    return g_strdup ("~");   /* empty addresses last */
  if (sscanf (ip, "%u.%u.%u.%u", &a, &b, &c, &d) == 4)
    return g_strdup_printf ("%03u.%03u.%03u.%03u", a, b, c, d);
  return g_strdup (ip);
}

/* The Image Status column's words for an image state (unknown ones as EC2 says them). */
static const char *
image_status_label (const char *status)
{
  if (status == NULL)
    return "";
  if (g_str_equal (status, "available"))
    return C_("image status", "available");
  if (g_str_equal (status, "deprecated"))
    return C_("image status", "deprecated");
  if (g_str_equal (status, "disabled"))
    return C_("image status", "disabled");
  if (g_str_equal (status, "deregistered"))
    return C_("image status", "deregistered");
  if (g_str_equal (status, "not-allowed"))
    return C_("image status", "not allowed");
  return status;
}

/* The status, and whether the image's family has a newer one ("available · newer exists"). */
static char *
image_status_text (AmInstanceRow *self)
{
  const char *status = image_status_label (self->image_status);

  if (self->newer_image == NULL)
    return g_strdup (status);
  if (*status == '\0')
    return g_strdup (C_("image status", "newer exists"));
  /* Translators: an image status, then a marker, e.g. "available · newer exists" */
  return g_strdup_printf (C_("image status", "%s · newer exists"), status);
}

static char *
compute_text (AmInstanceRow    *self,
              AmInstanceColumn  column)
{
  AmInstance *instance = self->instance;
  const char *s;

  switch (column)
    {
    case AM_INSTANCE_COLUMN_NAME:
      s = am_instance_find_tag (instance, "Name");
      return g_strdup (s != NULL ? s : "");
    case AM_INSTANCE_COLUMN_ID:
      return g_strdup (am_instance_get_instance_id (instance));
    case AM_INSTANCE_COLUMN_STATE:
      return g_strdup (state_label (am_instance_get_state_name (instance)));
    case AM_INSTANCE_COLUMN_TYPE:
      return g_strdup (am_instance_get_instance_type (instance));
    case AM_INSTANCE_COLUMN_IMAGE:
      if (self->image_name != NULL && *self->image_name != '\0')
        return g_strdup_printf ("%s (%s)", self->image_name, am_instance_get_image_id (instance));
      return g_strdup (am_instance_get_image_id (instance));
    case AM_INSTANCE_COLUMN_ZONE:
      return g_strdup (am_instance_get_availability_zone (instance));
    case AM_INSTANCE_COLUMN_PUBLIC_IP:
      return g_strdup (am_instance_get_public_ip_address (instance));
    case AM_INSTANCE_COLUMN_PRIVATE_IP:
      return g_strdup (am_instance_get_private_ip_address (instance));
    case AM_INSTANCE_COLUMN_LAUNCH_TIME:
      return format_launch_time (am_instance_get_launch_time (instance));
    case AM_INSTANCE_COLUMN_KEY_NAME:
      return g_strdup (am_instance_get_key_name (instance));
    case AM_INSTANCE_COLUMN_ROOT_DEVICE:
      {
        const char *type = am_instance_get_root_device_type (instance);
        const char *name = am_instance_get_root_device_name (instance);

        if (type != NULL && name != NULL)
          return g_strdup_printf ("%s (%s)", name, type);
        return g_strdup (type != NULL ? type : name);
      }
    case AM_INSTANCE_COLUMN_IMAGE_STATUS:
      return image_status_text (self);
    case AM_INSTANCE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static char *
compute_key (AmInstanceRow    *self,
             AmInstanceColumn  column)
{
  AmInstance *instance = self->instance;
  const char *text = self->texts[column] != NULL ? self->texts[column] : "";

  switch (column)
    {
    case AM_INSTANCE_COLUMN_STATE:
      /* Group by phase first, so running, stopped, … stay together. */
      return g_strdup_printf ("%d%s",
                              am_instance_phase_for_state (am_instance_get_state_name (instance)),
                              text);
    case AM_INSTANCE_COLUMN_PUBLIC_IP:
      return ip_sort_key (am_instance_get_public_ip_address (instance));
    case AM_INSTANCE_COLUMN_PRIVATE_IP:
      return ip_sort_key (am_instance_get_private_ip_address (instance));
    case AM_INSTANCE_COLUMN_LAUNCH_TIME:
      {
        const char *t = am_instance_get_launch_time (instance);

        return g_strdup (t != NULL ? t : "");
      }
    case AM_INSTANCE_COLUMN_ID:
      return g_strdup (text);
    case AM_INSTANCE_COLUMN_NAME:
    case AM_INSTANCE_COLUMN_TYPE:
    case AM_INSTANCE_COLUMN_IMAGE:
    case AM_INSTANCE_COLUMN_ZONE:
    case AM_INSTANCE_COLUMN_KEY_NAME:
    case AM_INSTANCE_COLUMN_ROOT_DEVICE:
    case AM_INSTANCE_COLUMN_IMAGE_STATUS:
      {
        g_autofree char *folded = g_utf8_casefold (text, -1);

        /* Empty cells sort after the others. */
        if (*folded == '\0')
          return g_strdup ("\xff");
        return g_utf8_collate_key_for_filename (folded, -1);
      }
    case AM_INSTANCE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
am_instance_row_update (AmInstanceRow *self,
                        gboolean       notify)
{
  g_autoptr (GString) search = g_string_new (NULL);
  AmTag * const *tags;
  gboolean changed = FALSE;
  const char *old_icon = self->state_icon_name;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < AM_INSTANCE_N_COLUMNS; i++)
    {
      g_autofree char *text = compute_text (self, i);

      if (text == NULL)
        text = g_strdup ("");

      if (g_strcmp0 (text, self->texts[i]) != 0)
        {
          g_free (self->texts[i]);
          self->texts[i] = g_steal_pointer (&text);
          g_free (self->keys[i]);
          self->keys[i] = compute_key (self, i);
          changed = TRUE;
          if (notify)
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME + i]);
          if (notify && i == AM_INSTANCE_COLUMN_IMAGE)
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_MARKUP]);
        }
      else if (i == AM_INSTANCE_COLUMN_LAUNCH_TIME || i == AM_INSTANCE_COLUMN_STATE)
        {
          g_free (self->keys[i]);
          self->keys[i] = compute_key (self, i);
        }

      g_string_append (search, self->texts[i]);
      g_string_append_c (search, '\n');
    }

  /* Tags, the state's EC2 name and the addresses' DNS names are searchable too. */
  g_string_append_printf (search, "%s\n", am_instance_get_state_name (self->instance));
  tags = am_instance_get_tags (self->instance);
  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (search, "%s=%s\n", am_tag_get_key (tags[i]), am_tag_get_value (tags[i]));
  if (am_instance_get_public_dns_name (self->instance) != NULL)
    g_string_append_printf (search, "%s\n", am_instance_get_public_dns_name (self->instance));
  if (am_instance_get_private_dns_name (self->instance) != NULL)
    g_string_append_printf (search, "%s\n", am_instance_get_private_dns_name (self->instance));

  g_free (self->search_key);
  self->search_key = g_utf8_casefold (search->str, search->len);

  self->state_icon_name = am_instance_row_get_state_icon_name (self);
  self->state_css_classes[0] = am_instance_row_get_state_css_class (self);
  if (notify && old_icon != self->state_icon_name)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_ICON_NAME]);
  if (notify && changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_CSS_CLASSES]);

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

AmInstanceRow *
am_instance_row_new (AmInstance *instance)
{
  AmInstanceRow *self;

  g_return_val_if_fail (AM_IS_INSTANCE (instance), NULL);

  self = g_object_new (AM_TYPE_INSTANCE_ROW, NULL);
  self->instance = g_object_ref (instance);
  am_instance_row_update (self, FALSE);

  return self;
}

AmInstance *
am_instance_row_get_instance (AmInstanceRow *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  return self->instance;
}

gboolean
am_instance_row_set_instance (AmInstanceRow *self,
                              AmInstance    *instance)
{
  gboolean changed;

  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), FALSE);
  g_return_val_if_fail (AM_IS_INSTANCE (instance), FALSE);

  if (self->instance == instance)
    return FALSE;

  g_set_object (&self->instance, instance);
  g_object_freeze_notify (G_OBJECT (self));
  changed = am_instance_row_update (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE]);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

void
am_instance_row_set_image_name (AmInstanceRow *self,
                                const char    *image_name)
{
  g_return_if_fail (AM_IS_INSTANCE_ROW (self));

  if (g_strcmp0 (self->image_name, image_name) == 0)
    return;

  g_free (self->image_name);
  self->image_name = g_strdup (image_name);
  am_instance_row_update (self, TRUE);
}

void
am_instance_row_set_image_status (AmInstanceRow *self,
                                  const char    *image_status)
{
  g_return_if_fail (AM_IS_INSTANCE_ROW (self));

  if (g_strcmp0 (self->image_status, image_status) == 0)
    return;

  g_free (self->image_status);
  self->image_status = g_strdup (image_status);
  am_instance_row_update (self, TRUE);
}

gboolean
am_instance_row_set_newer_image (AmInstanceRow *self,
                                 AmImage       *newer_image)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), FALSE);
  g_return_val_if_fail (newer_image == NULL || AM_IS_IMAGE (newer_image), FALSE);

  /* A refresh brings new objects for the same image: only another image is a change. */
  if (self->newer_image == newer_image
      || (self->newer_image != NULL && newer_image != NULL
          && g_strcmp0 (am_image_get_image_id (self->newer_image), am_image_get_image_id (newer_image)) == 0))
    return FALSE;
  g_set_object (&self->newer_image, newer_image);
  am_instance_row_update (self, TRUE);
  return TRUE;
}

AmImage *
am_instance_row_get_newer_image (AmInstanceRow *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  return self->newer_image;
}

const char *
am_instance_row_get_image_name (AmInstanceRow *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  return self->image_name;
}

const char *
am_instance_row_get_text (AmInstanceRow    *self,
                          AmInstanceColumn  column)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);
  g_return_val_if_fail (column < AM_INSTANCE_N_COLUMNS, NULL);

  return self->texts[column];
}

char *
am_instance_row_dup_image_markup (AmInstanceRow *self)
{
  const char *image_id;

  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  image_id = am_instance_get_image_id (self->instance);
  if (image_id == NULL)
    return g_strdup ("");

  /* The id is a link that shows the image in the Images view. */
  if (self->image_name != NULL && *self->image_name != '\0')
    return g_markup_printf_escaped ("%s (<a href=\"%s\">%s</a>)",
                                    self->image_name, image_id, image_id);
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", image_id, image_id);
}

const char *
am_instance_row_get_name (AmInstanceRow *self)
{
  return am_instance_row_get_text (self, AM_INSTANCE_COLUMN_NAME);
}

const char *
am_instance_row_get_display_name (AmInstanceRow *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  if (*self->texts[AM_INSTANCE_COLUMN_NAME] != '\0')
    return self->texts[AM_INSTANCE_COLUMN_NAME];
  return self->texts[AM_INSTANCE_COLUMN_ID];
}

AmInstancePhase
am_instance_row_get_phase (AmInstanceRow *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), AM_INSTANCE_PHASE_TRANSITIONAL);

  return am_instance_phase_for_state (am_instance_get_state_name (self->instance));
}

const char *
am_instance_row_get_state_icon_name (AmInstanceRow *self)
{
  const char *state;

  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  state = am_instance_get_state_name (self->instance);
  switch (am_instance_phase_for_state (state))
    {
    case AM_INSTANCE_PHASE_RUNNING:
      return "media-playback-start-symbolic";
    case AM_INSTANCE_PHASE_STOPPED:
      return "media-playback-stop-symbolic";
    case AM_INSTANCE_PHASE_TERMINATED:
      return "edit-delete-symbolic";
    case AM_INSTANCE_PHASE_TRANSITIONAL:
    default:
      return "content-loading-symbolic";
    }
}

const char *
am_instance_row_get_state_css_class (AmInstanceRow *self)
{
  const char *state;

  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), NULL);

  state = am_instance_get_state_name (self->instance);
  if (g_strcmp0 (state, "shutting-down") == 0)
    return "error";

  switch (am_instance_phase_for_state (state))
    {
    case AM_INSTANCE_PHASE_RUNNING:
      return "success";
    case AM_INSTANCE_PHASE_STOPPED:
      return "dim-label";
    case AM_INSTANCE_PHASE_TERMINATED:
      return "dim-label";
    case AM_INSTANCE_PHASE_TRANSITIONAL:
    default:
      return "warning";
    }
}

gboolean
am_instance_row_matches (AmInstanceRow *self,
                         const char    *folded_needle)
{
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (self), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  return strstr (self->search_key, folded_needle) != NULL;
}

int
am_instance_row_compare (AmInstanceRow    *a,
                         AmInstanceRow    *b,
                         AmInstanceColumn  column)
{
  int result;

  g_return_val_if_fail (AM_IS_INSTANCE_ROW (a), 0);
  g_return_val_if_fail (AM_IS_INSTANCE_ROW (b), 0);
  g_return_val_if_fail (column < AM_INSTANCE_N_COLUMNS, 0);

  result = strcmp (a->keys[column], b->keys[column]);
  if (result == 0 && column != AM_INSTANCE_COLUMN_ID)
    result = strcmp (a->keys[AM_INSTANCE_COLUMN_ID], b->keys[AM_INSTANCE_COLUMN_ID]);

  return result;
}

static void
am_instance_row_finalize (GObject *object)
{
  AmInstanceRow *self = (AmInstanceRow *)object;

  g_clear_object (&self->instance);
  g_clear_pointer (&self->image_name, g_free);
  g_clear_pointer (&self->image_status, g_free);
  g_clear_object (&self->newer_image);
  for (guint i = 0; i < AM_INSTANCE_N_COLUMNS; i++)
    {
      g_clear_pointer (&self->texts[i], g_free);
      g_clear_pointer (&self->keys[i], g_free);
    }
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (am_instance_row_parent_class)->finalize (object);
}

static void
am_instance_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmInstanceRow *self = AM_INSTANCE_ROW (object);

  if (prop_id == PROP_INSTANCE)
    g_value_set_object (value, self->instance);
  else if (prop_id == PROP_STATE_ICON_NAME)
    g_value_set_static_string (value, self->state_icon_name);
  else if (prop_id == PROP_STATE_CSS_CLASSES)
    g_value_set_boxed (value, self->state_css_classes);
  else if (prop_id == PROP_IMAGE_MARKUP)
    g_value_take_string (value, am_instance_row_dup_image_markup (self));
  else if (prop_id >= PROP_NAME && prop_id <= PROP_IMAGE_STATUS)
    g_value_set_string (value, self->texts[prop_id - PROP_NAME]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_row_class_init (AmInstanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *column_properties[] = {
    "name", "instance-id", "state", "instance-type", "image", "zone", "public-ip",
    "private-ip", "launch-time", "key-name", "root-device", "image-status",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (column_properties) == AM_INSTANCE_N_COLUMNS);

  object_class->finalize = am_instance_row_finalize;
  object_class->get_property = am_instance_row_get_property;

  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL,
                         AM_TYPE_INSTANCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < AM_INSTANCE_N_COLUMNS; i++)
    properties[PROP_NAME + i] =
      g_param_spec_string (column_properties[i], NULL, NULL,
                           NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE_ICON_NAME] =
    g_param_spec_string ("state-icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_CSS_CLASSES] =
    g_param_spec_boxed ("state-css-classes", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE_MARKUP] =
    g_param_spec_string ("image-markup", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_instance_row_init (AmInstanceRow *self)
{
}
