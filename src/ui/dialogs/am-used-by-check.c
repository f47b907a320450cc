/* am-used-by-check.c: what still uses images about to go, and the override that lets them go
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-used-by-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-action-dialog.h"
#include "am-image.h"
#include "am-image-reference.h"
#include "am-used-by-check.h"

#define IDS_PER_CALL 10

struct _AmUsedByCheck
{
  AdwBin          parent_instance;

  /* owned widgets */
  GtkLabel       *status;
  GtkLabel       *list;
  GtkCheckButton *override;

  /* owned references */
  AmEc2Client    *client;
  GPtrArray      *ids;          /* image ids still to ask about */
  GPtrArray      *references;   /* AmImageReference */
  GCancellable   *cancellable;

  /* state */
  AmUsedByAction  action;
  guint           next;
  gboolean        loaded;
  gboolean        failed;
};

G_DEFINE_FINAL_TYPE (AmUsedByCheck, am_used_by_check, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CLEARED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gboolean
am_used_by_check_get_cleared (AmUsedByCheck *self)
{
  g_return_val_if_fail (AM_IS_USED_BY_CHECK (self), FALSE);

  if (!self->loaded)
    return FALSE;
  if (self->references->len == 0 && !self->failed)
    return TRUE;
  return gtk_check_button_get_active (self->override);
}

guint
am_used_by_check_get_n_users (AmUsedByCheck *self)
{
  g_return_val_if_fail (AM_IS_USED_BY_CHECK (self), 0);
  return self->references->len;
}

GtkCheckButton *
am_used_by_check_get_override (AmUsedByCheck *self)
{
  g_return_val_if_fail (AM_IS_USED_BY_CHECK (self), NULL);
  return self->override;
}

/* "Instance i-0abc (ami-…)" from a reference's type and ARN. */
static char *
describe_reference (AmImageReference *ref,
                    gboolean          with_image)
{
  const char *type = am_image_reference_get_resource_type (ref);
  const char *arn = am_image_reference_get_arn (ref);
  const char *slash = arn != NULL ? strchr (arn, '/') : NULL;
  const char *name = slash != NULL ? slash + 1 : (arn != NULL ? arn : "");
  const char *kind;

  if (g_strcmp0 (type, "ec2:Instance") == 0)
    kind = _("Instance");
  else if (g_strcmp0 (type, "ec2:LaunchTemplate") == 0)
    kind = _("Launch template");
  else if (g_strcmp0 (type, "ssm:Parameter") == 0)
    kind = _("SSM parameter");
  else
    kind = type != NULL ? type : _("Resource");
  if (with_image)
    return g_strdup_printf (_("• %s %s (uses %s)"), kind, name, am_image_reference_get_image_id (ref));
  return g_strdup_printf ("• %s %s", kind, name);
}

static void
show_result (AmUsedByCheck *self,
             const GError  *error)
{
  guint n = self->references->len;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  self->loaded = TRUE;
  if (error != NULL)
    {
      g_autofree char *why = am_action_dialog_describe_error (error);
      g_autofree char *status = g_strdup_printf (_("Could not find out what uses it: %s"), why);

      self->failed = TRUE;
      gtk_label_set_text (self->status, status);
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
      label = g_strdup (self->action == AM_USED_BY_DISABLE
                        ? _("_Disable anyway, without knowing what uses it")
                        : _("_Deregister anyway, without knowing what uses it"));
    }
  else if (n == 0)
    {
      gtk_label_set_text (self->status, _("Nothing in this account and region uses it."));
    }
  else
    {
      gboolean several_images = self->ids->len > 1;

      gtk_label_set_text (self->status,
                          self->action == AM_USED_BY_DISABLE
                          ? _("Still in use: these could no longer launch new instances from it.")
                          : _("Still in use: these could no longer launch new instances from it, "
                              "and a deregistered image cannot be brought back."));
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "warning");
      for (guint i = 0; i < n && i < 12; i++)
        {
          g_autofree char *line = describe_reference (g_ptr_array_index (self->references, i), several_images);

          g_string_append_printf (text, "%s\n", line);
        }
      if (n > 12)
        g_string_append_printf (text, ngettext ("…and %u more\n", "…and %u more\n", n - 12), n - 12);
      g_string_truncate (text, text->len - 1);
      gtk_label_set_text (self->list, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
      if (self->action == AM_USED_BY_DISABLE)
        label = g_strdup_printf (ngettext ("_Disable anyway, %u resource still uses it",
                                           "_Disable anyway, %u resources still use it", n), n);
      else
        label = g_strdup_printf (ngettext ("_Deregister anyway, %u resource still uses it",
                                           "_Deregister anyway, %u resources still use it", n), n);
    }
  if (label != NULL)
    {
      gtk_check_button_set_label (self->override, label);
      gtk_widget_set_visible (GTK_WIDGET (self->override), TRUE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEARED]);
}

static void ask_next (AmUsedByCheck *self);

static void
references_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmUsedByCheck) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) references = NULL;

  references = am_ec2_client_describe_image_references_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (references == NULL)
    {
      show_result (self, error);
      return;
    }
  for (guint i = 0; i < references->len; i++)
    g_ptr_array_add (self->references, g_object_ref (g_ptr_array_index (references, i)));
  ask_next (self);
}

static void
ask_next (AmUsedByCheck *self)
{
  g_autoptr (GPtrArray) batch = g_ptr_array_new ();

  if (self->next >= self->ids->len)
    {
      show_result (self, NULL);
      return;
    }
  for (; self->next < self->ids->len && batch->len < IDS_PER_CALL; self->next++)
    g_ptr_array_add (batch, g_ptr_array_index (self->ids, self->next));
  g_ptr_array_add (batch, NULL);
  am_ec2_client_describe_image_references_async (self->client, (const char * const *) batch->pdata,
                                                 self->cancellable, references_cb, g_object_ref (self));
}

void
am_used_by_check_start (AmUsedByCheck *self,
                        AmEc2Client   *client,
                        GPtrArray     *images)
{
  g_return_if_fail (AM_IS_USED_BY_CHECK (self));
  g_return_if_fail (images != NULL);

  for (guint i = 0; i < images->len; i++)
    g_ptr_array_add (self->ids, g_strdup (am_image_get_image_id (g_ptr_array_index (images, i))));
  if (client == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                                                      _("Not connected to an account"));

      show_result (self, error);
      return;
    }
  self->client = g_object_ref (client);
  gtk_label_set_text (self->status, _("Checking what uses it…"));
  ask_next (self);
}

static void
override_toggled_cb (AmUsedByCheck *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEARED]);
}

static void
am_used_by_check_dispose (GObject *object)
{
  AmUsedByCheck *self = AM_USED_BY_CHECK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);

  G_OBJECT_CLASS (am_used_by_check_parent_class)->dispose (object);
}

static void
am_used_by_check_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmUsedByCheck *self = AM_USED_BY_CHECK (object);

  switch (prop_id)
    {
    case PROP_CLEARED:
      g_value_set_boolean (value, am_used_by_check_get_cleared (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_used_by_check_class_init (AmUsedByCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_used_by_check_dispose;
  object_class->get_property = am_used_by_check_get_property;

  /**
   * AmUsedByCheck:cleared:
   * Nothing uses the images, or the user ticked the override.
   */
  properties[PROP_CLEARED] = g_param_spec_boolean ("cleared", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkLabel *
new_label (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
am_used_by_check_init (AmUsedByCheck *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->references = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->status = new_label (GTK_BOX (box));
  self->list = new_label (GTK_BOX (box));
  gtk_label_set_selectable (self->list, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  self->override = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_use_underline (self->override, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->override), FALSE);
  g_signal_connect_swapped (self->override, "toggled", G_CALLBACK (override_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->override));
  adw_bin_set_child (ADW_BIN (self), box);
}

AmUsedByCheck *
am_used_by_check_new (AmUsedByAction action)
{
  AmUsedByCheck *self = g_object_new (AM_TYPE_USED_BY_CHECK, NULL);

  self->action = action;
  return self;
}
