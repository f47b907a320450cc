/* am-permissions-dialog-snapshots.c: the permissions dialog's check that the image's snapshots are shared too
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-permissions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-ec2-governance.h"
#include "am-permissions-dialog-private.h"

/* A launch permission lets an account launch the image; copying it, or making volumes from its
 * snapshots, needs each snapshot's create-volume permission as well, which EC2 keeps apart. */

static gboolean
may_create_volumes (AmSnapshotSharing *sharing,
                    const char        *account_id)
{
  return sharing->is_public
         || (account_id != NULL && g_strv_contains ((const char * const *) sharing->user_ids, account_id));
}

/* The image's snapshots (among those read) that @account_id (NULL: every account) may not create
 * volumes from (@lacking), or still may by name or publicly (!@lacking), joined with ", "; NULL
 * when there are none. */
static char *
snapshots_for (AmPermissionsDialog *self,
               const char          *account_id,
               gboolean             lacking,
               guint               *n)
{
  g_autoptr (GString) list = g_string_new (NULL);

  *n = 0;
  for (guint i = 0; i < self->snapshot_ids->len; i++)
    {
      AmSnapshotSharing *sharing = g_hash_table_lookup (self->snapshot_sharing, self->snapshot_ids->pdata[i]);
      gboolean wanted;

      if (sharing == NULL)
        continue;
      if (lacking)
        wanted = !may_create_volumes (sharing, account_id);
      else
        wanted = account_id == NULL ? sharing->is_public
                                    : g_strv_contains ((const char * const *) sharing->user_ids, account_id);
      if (!wanted)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, self->snapshot_ids->pdata[i]);
      (*n)++;
    }
  return *n > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* What the change means for @account (NULL: every account, the image made public or private). */
static char *
sentence (gboolean    adding,
          const char *account,
          const char *snapshots,
          guint       n)
{
  if (adding && account != NULL)
    /* Translators: an account, then one or more snapshot IDs */
    return g_strdup_printf (ngettext ("%s will be able to launch this image but not to copy it or create "
                                      "volumes from its snapshots: %s is not shared with that account.",
                                      "%s will be able to launch this image but not to copy it or create "
                                      "volumes from its snapshots: %s are not shared with that account.", n),
                            account, snapshots);
  if (adding)
    return g_strdup_printf (ngettext ("Every account will be able to launch this image but not to copy it "
                                      "or create volumes from its snapshots: %s is not public.",
                                      "Every account will be able to launch this image but not to copy it "
                                      "or create volumes from its snapshots: %s are not public.", n),
                            snapshots);
  if (account != NULL)
    return g_strdup_printf (ngettext ("%s will no longer launch this image but can still create volumes "
                                      "from %s, and so copy what it holds.",
                                      "%s will no longer launch this image but can still create volumes "
                                      "from %s, and so copy what they hold.", n),
                            account, snapshots);
  return g_strdup_printf (ngettext ("The image will be private, but %s stays public: every account can "
                                    "still create volumes from it.",
                                    "The image will be private, but %s stay public: every account can "
                                    "still create volumes from them.", n),
                          snapshots);
}

/* Appends a line to @text for each account of @set (and every account when @set has group
 * all) whose snapshot access the change leaves out of step; TRUE when there is one. */
static gboolean
explain (AmPermissionsDialog *self,
         AmPermissionSet     *set,
         gboolean             adding,
         GString             *text)
{
  gboolean any = FALSE;

  for (guint i = 0; i <= set->user_ids->len; i++)
    {
      const char *account = i < set->user_ids->len ? set->user_ids->pdata[i] : NULL;
      g_autofree char *snapshots = NULL;
      g_autofree char *line = NULL;
      guint n;

      if (account == NULL && !set->group_all)
        continue;
      snapshots = snapshots_for (self, account, adding, &n);
      if (snapshots == NULL)
        continue;
      line = sentence (adding, account, snapshots, n);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
      any = TRUE;
    }
  return any;
}

void
_am_permissions_dialog_snapshots_update (AmPermissionsDialog *self,
                                         AmPermissionSet     *add,
                                         AmPermissionSet     *remove)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean can_share, can_unshare;

  if (self->snapshot_ids->len == 0 || self->current == NULL)
    {
      gtk_widget_set_visible (self->snapshots_box, FALSE);
      return;
    }

  can_share = explain (self, add, TRUE, text);
  can_unshare = explain (self, remove, FALSE, text);
  if (self->snapshot_error != NULL && (!am_permission_set_is_empty (add) || !am_permission_set_is_empty (remove)))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Amiable could not check whether the image's snapshots are shared: %s"),
                              self->snapshot_error);
    }

  gtk_label_set_text (self->snapshots_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_label), text->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->share_snapshots_button), can_share);
  gtk_widget_set_visible (GTK_WIDGET (self->unshare_snapshots_button), can_unshare);
  gtk_widget_set_sensitive (GTK_WIDGET (self->share_snapshots_button), self->snapshot_calls == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unshare_snapshots_button), self->snapshot_calls == 0);
  gtk_widget_set_visible (self->snapshots_box,
                          text->len > 0 || gtk_widget_get_visible (GTK_WIDGET (self->snapshots_result)));
}

/* One call about one snapshot: reading its permissions, or changing them for @user_ids / all. */
typedef struct
{
  AmPermissionsDialog *self;
  char                *snapshot_id;
  char               **user_ids;
  gboolean             group_all;
  gboolean             add;
} SnapshotCall;

static SnapshotCall *
snapshot_call_new (AmPermissionsDialog *self,
                   const char          *snapshot_id)
{
  SnapshotCall *c = g_new0 (SnapshotCall, 1);

  c->self = g_object_ref (self);
  c->snapshot_id = g_strdup (snapshot_id);
  self->snapshot_calls++;
  return c;
}

static void
snapshot_call_free (SnapshotCall *c)
{
  g_object_unref (c->self);
  g_free (c->snapshot_id);
  g_strfreev (c->user_ids);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SnapshotCall, snapshot_call_free)

static void
sharing_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (SnapshotCall) c = user_data;
  AmPermissionsDialog *self = c->self;
  g_autoptr (GError) error = NULL;
  AmSnapshotSharing *sharing = am_ec2_client_get_snapshot_sharing_finish (AM_EC2_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->snapshot_calls--;
  if (sharing == NULL)
    {
      g_free (self->snapshot_error);
      self->snapshot_error = g_strdup (error->message);
    }
  else
    g_hash_table_replace (self->snapshot_sharing, g_strdup (c->snapshot_id), sharing);
  _am_permissions_dialog_validate (self);
}

static void
append_result (AmPermissionsDialog *self,
               const char          *line)
{
  const char *old = gtk_label_get_text (self->snapshots_result);
  g_autofree char *text = *old != '\0' ? g_strconcat (old, "\n", line, NULL) : g_strdup (line);

  gtk_label_set_text (self->snapshots_result, text);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_result), TRUE);
}

static void
sharing_changed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (SnapshotCall) c = user_data;
  AmPermissionsDialog *self = c->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *line = NULL;
  AmSnapshotSharing *sharing = g_hash_table_lookup (self->snapshot_sharing, c->snapshot_id);

  if (!am_ec2_client_modify_snapshot_sharing_finish (AM_EC2_CLIENT (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->snapshot_calls--;

  who = g_strjoinv (", ", c->user_ids);
  if (c->group_all)
    {
      g_autofree char *with_all = *who != '\0' ? g_strdup_printf (_("%s and every account"), who)
                                               : g_strdup (_("every account"));

      g_free (who);
      who = g_steal_pointer (&with_all);
    }
  if (error != NULL)
    /* Translators: a snapshot ID, then the accounts, then EC2's error */
    line = g_strdup_printf (c->add ? _("%s: not shared with %s: %s") : _("%s: still shared with %s: %s"),
                            c->snapshot_id, who, error->message);
  else
    {
      g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func (g_free);

      /* What EC2 holds now, so the check above reads it without asking again. */
      for (guint i = 0; sharing->user_ids[i] != NULL; i++)
        if (c->add || !g_strv_contains ((const char * const *) c->user_ids, sharing->user_ids[i]))
          g_ptr_array_add (users, g_strdup (sharing->user_ids[i]));
      for (guint i = 0; c->add && c->user_ids[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) sharing->user_ids, c->user_ids[i]))
          g_ptr_array_add (users, g_strdup (c->user_ids[i]));
      g_ptr_array_add (users, NULL);
      g_strfreev (sharing->user_ids);
      sharing->user_ids = (char **) g_ptr_array_free (g_steal_pointer (&users), FALSE);
      if (c->group_all)
        sharing->is_public = c->add;
      line = g_strdup_printf (c->add ? _("%s: now shared with %s") : _("%s: no longer shared with %s"),
                              c->snapshot_id, who);
    }
  append_result (self, line);
  _am_permissions_dialog_validate (self);
}

/* Shares the snapshots with the accounts being added (@add), or stops sharing them with those
 * being removed; one ModifySnapshotAttribute per snapshot, each result in words. */
static void
change_snapshots (AmPermissionsDialog *self,
                  gboolean             add)
{
  g_autoptr (AmPermissionSet) adding = am_permission_set_new ();
  g_autoptr (AmPermissionSet) removing = am_permission_set_new ();
  AmPermissionSet *set = add ? adding : removing;

  _am_permissions_dialog_diff (self, adding, removing);
  gtk_label_set_text (self->snapshots_result, "");
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_result), FALSE);
  for (guint i = 0; i < self->snapshot_ids->len; i++)
    {
      const char *snapshot_id = self->snapshot_ids->pdata[i];
      AmSnapshotSharing *sharing = g_hash_table_lookup (self->snapshot_sharing, snapshot_id);
      g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func (g_free);
      gboolean group_all;
      SnapshotCall *c;

      if (sharing == NULL)
        continue;
      for (guint j = 0; j < set->user_ids->len; j++)
        if (g_strv_contains ((const char * const *) sharing->user_ids, set->user_ids->pdata[j]) != add)
          g_ptr_array_add (users, g_strdup (set->user_ids->pdata[j]));
      group_all = set->group_all && sharing->is_public != add;
      if (users->len == 0 && !group_all)
        continue;
      g_ptr_array_add (users, NULL);
      c = snapshot_call_new (self, snapshot_id);
      c->user_ids = (char **) g_ptr_array_free (g_steal_pointer (&users), FALSE);
      c->group_all = group_all;
      c->add = add;
      am_ec2_client_modify_snapshot_sharing_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                                   snapshot_id, add, (const char * const *) c->user_ids,
                                                   group_all, am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                                   sharing_changed_cb, c);
    }
  _am_permissions_dialog_validate (self);
}

void
_am_permissions_dialog_share_snapshots_clicked (AmPermissionsDialog *self)
{
  change_snapshots (self, TRUE);
}

void
_am_permissions_dialog_unshare_snapshots_clicked (AmPermissionsDialog *self)
{
  change_snapshots (self, FALSE);
}

void
_am_permissions_dialog_snapshots_start (AmPermissionsDialog *self)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (self->image);

  /* Encrypted snapshots are explained by the encryption note: EC2 refuses to share those made
   * with the default key, and others need their key shared as well. */
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      const char *snapshot = am_block_device_mapping_get_snapshot_id (mappings[i]);

      if (snapshot != NULL && !am_block_device_mapping_get_encrypted (mappings[i])
          && !g_ptr_array_find_with_equal_func (self->snapshot_ids, snapshot, g_str_equal, NULL))
        g_ptr_array_add (self->snapshot_ids, g_strdup (snapshot));
    }
  for (guint i = 0; i < self->snapshot_ids->len; i++)
    am_ec2_client_get_snapshot_sharing_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                              self->snapshot_ids->pdata[i],
                                              am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                              sharing_read_cb, snapshot_call_new (self, self->snapshot_ids->pdata[i]));
}
