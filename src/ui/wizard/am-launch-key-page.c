/* am-launch-key-page.c: the launch wizard's key pair page: choose, create and save a key pair, or go without
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "am-aws-error.h"
#include "am-ec2-error.h"
#include "am-launch-key-page.h"

struct _AmLaunchKeyPage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  GtkListBox *key_list;
  AdwEntryRow *new_key_name;
  AdwComboRow *new_key_type;
  GtkButton *create_key_button;
  AdwActionRow *save_key_row;
  GtkSwitch *no_key_switch;

  /* template objects */
  GListStore *key_pairs;     /* AmKeyPair */

  /* owned references */
  GBindingGroup *request_bindings;
  GSignalGroup *request_signals;
  GtkWidget *empty_key_row;  /* the list's placeholder once the Region has none */
  char *private_key;         /* the key pair just created, until saved */
  char *private_key_name;
  char *creating_key_name;   /* the key pair being created, for a retry after a lost answer */

  /* state */
  const char *creating_key_type;
  gboolean touched;          /* the user chose, typed or left the key pair page: its errors show */
};

G_DEFINE_FINAL_TYPE (AmLaunchKeyPage, am_launch_key_page, AM_TYPE_LAUNCH_PAGE)

enum
{
  SAVE_ENDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWindow *
window_of (AmLaunchKeyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A key pair chosen (in the list, or just created) is the user's choice and ends "without a key
 * pair" (whose switch follows the request). */
static void
key_name_changed_cb (AmLaunchKeyPage *self)
{
  AmLaunchRequest *request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));

  if (am_launch_request_get_key_name (request) == NULL)
    return;
  self->touched = TRUE;
  am_launch_request_set_no_key_acknowledged (request, FALSE);
}

static GtkWidget *
create_key_row (gpointer item,
                gpointer user_data)
{
  AmLaunchKeyPage *self = user_data;
  AmKeyPair *key = item;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                               am_key_pair_get_key_type (key) != NULL
                                               ? am_key_pair_get_key_type (key) : "rsa",
                                               am_key_pair_get_key_fingerprint (key) != NULL
                                               ? am_key_pair_get_key_fingerprint (key) : "");

  am_launch_join_radio_group (self->key_list, GTK_CHECK_BUTTON (check));
  am_launch_bind_choice (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), "key-name", check,
                         g_strdup (am_key_pair_get_key_name (key)), g_free, NULL);
  return am_launch_check_row_new (am_key_pair_get_key_name (key), subtitle, check);
}

static void
key_list_changed_cb (AmLaunchKeyPage *self)
{
  am_launch_list_update_placeholder (self->key_list, G_LIST_MODEL (self->key_pairs), self->empty_key_row);
}

static void
key_pairs_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmLaunchKeyPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  keys = am_ec2_client_describe_key_pairs_finish (AM_EC2_CLIENT (object), result, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (keys == NULL)
    {
      am_launch_page_show_lookup_error (AM_LAUNCH_PAGE (self), error);
      return;
    }
  am_launch_page_hide_lookup_error (AM_LAUNCH_PAGE (self));
  g_list_store_splice (self->key_pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->key_pairs)),
                       keys->pdata, keys->len);
  /* Only an answer with no key pair says there is none. */
  if (self->empty_key_row == NULL)
    self->empty_key_row = g_object_ref_sink (am_launch_summary_row_new (_("No key pairs in this Region yet"),
                                                                        _("Create one below."), NULL));
  key_list_changed_cb (self);
}

static void
load_key_pairs (AmLaunchKeyPage *self)
{
  if (am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    return;
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  am_ec2_client_describe_key_pairs_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), NULL, NULL, FALSE, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                          key_pairs_cb, g_object_ref (self));
}

/* The switch and the request's no-key-acknowledged are bound; going without a key pair also
 * drops the one chosen (whose row's check follows). */
static void
no_key_changed_cb (AmLaunchKeyPage *self)
{
  self->touched = TRUE;
  if (gtk_switch_get_active (self->no_key_switch))
    am_launch_request_set_key_name (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), NULL);
}

/* Zeroes the private key before letting it go. */
static void
forget_private_key (AmLaunchKeyPage *self)
{
  if (self->private_key == NULL)
    return;
  memset (self->private_key, 0, strlen (self->private_key));
  g_clear_pointer (&self->private_key, g_free);
}

gboolean
am_launch_key_page_save_to (AmLaunchKeyPage  *self,
                            const char       *path,
                            GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_KEY_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->private_key == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no new private key to save: create a key pair first."));
      return FALSE;
    }
  /* Written to a temporary file with 0600, flushed to the disk and renamed, so the key is never
   * readable by others and survives a crash right after "Saved" (CONSISTENT alone skips the
   * flush for a new file). The folder is flushed too, so the new name survives as well. */
  if (!g_file_set_contents_full (path, self->private_key, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("Could not save the private key of %s: "), self->private_key_name);
      return FALSE;
    }
  g_chmod (path, 0600);
  {
    g_autofree char *folder = g_path_get_dirname (path);
    int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }
  {
    g_autofree char *text = g_strdup_printf (_("Saved to %s (readable by you only)."), path);

    adw_action_row_set_subtitle (self->save_key_row, text);
  }
  forget_private_key (self);
  gtk_widget_set_sensitive (adw_action_row_get_activatable_widget (self->save_key_row), FALSE);
  am_launch_page_changed (AM_LAUNCH_PAGE (self));
  return TRUE;
}

static void
save_key_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  g_autoptr (AmLaunchKeyPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        am_launch_page_toast (AM_LAUNCH_PAGE (self), _("Choose a local folder for the private key."));
      else if (!am_launch_key_page_save_to (self, path, &error))
        am_launch_page_toast (AM_LAUNCH_PAGE (self), error->message);
    }
  g_object_unref (dialog);
  g_signal_emit (self, signals[SAVE_ENDED], 0);
}

static void
save_key_clicked_cb (AmLaunchKeyPage *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->private_key == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Private Key"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.pem", self->private_key_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_key_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void create_key_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

/* The name and type of a key pair whose private key was lost, while the wizard asks. */
typedef struct
{
  AmLaunchKeyPage *self;
  char           *name;
  char           *type;
} LostKey;

static LostKey *
lost_key_new (AmLaunchKeyPage *self,
              const char     *name,
              const char     *type)
{
  LostKey *lost = g_new0 (LostKey, 1);

  lost->self = g_object_ref (self);
  lost->name = g_strdup (name);
  lost->type = g_strdup (type);
  return lost;
}

static void
lost_key_free (LostKey *lost)
{
  g_object_unref (lost->self);
  g_free (lost->name);
  g_free (lost->type);
  g_free (lost);
}

static void
recreate_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LostKey *lost = user_data;
  AmLaunchKeyPage *self = lost->self;
  g_autoptr (GError) error = NULL;

  am_ec2_client_delete_key_pair_finish (AM_EC2_CLIENT (object), result, &error);
  if (error != NULL)
    {
      am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        am_launch_page_toast (AM_LAUNCH_PAGE (self), error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_key_button), TRUE);
      lost_key_free (lost);
      return;
    }
  /* create_key_cb pops the busy mark pushed for the deletion. */
  am_ec2_client_create_key_pair_async (AM_EC2_CLIENT (object), lost->name, lost->type, "pem", FALSE,
                                       am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)), create_key_cb, g_object_ref (self));
  lost_key_free (lost);
}

static void
lost_key_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LostKey          *lost)
{
  AmLaunchKeyPage *self = lost->self;

  /* @lost goes with the dialog (which may also go with the wizard, unanswered). */
  if (g_strcmp0 (response, "recreate") != 0 || am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_key_button), FALSE);
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  am_ec2_client_delete_key_pair_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), lost->name, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                       recreate_deleted_cb, lost_key_new (self, lost->name, lost->type));
}

/* CreateKeyPair made the key pair, but its answer, the only copy of the private key, was lost:
 * say so, and offer to delete the key pair and create it again. */
static void
ask_recreate_lost_key (AmLaunchKeyPage *self,
                       const char     *name,
                       const char     *type)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The key pair “%s” was created, but the answer that carried its private key was lost on the way, and AWS never shows a private key again. Delete the key pair and create it again to get a new private key."),
                          name);
  dialog = adw_message_dialog_new (window_of (self), _("Private Key Lost"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Key Pair"),
                                    "recreate", _("_Delete and Create Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recreate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recreate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (lost_key_response_cb),
                         lost_key_new (self, name, type), (GClosureNotify) lost_key_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmLaunchKeyPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmKeyPair) key = NULL;

  am_ec2_client_create_key_pair_finish (AM_EC2_CLIENT (object), result, &key, NULL, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_key_button), TRUE);
  if (g_error_matches (error, AM_EC2_ERROR, AM_EC2_ERROR_KEY_MATERIAL_LOST))
    {
      ask_recreate_lost_key (self, self->creating_key_name, self->creating_key_type);
      return;
    }
  if (key == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not create the key pair: %s"), error->message);

      am_launch_page_toast (AM_LAUNCH_PAGE (self), text);
      return;
    }

  /* Only reached with no unsaved key, or after the user chose to drop it. */
  forget_private_key (self);
  g_free (self->private_key_name);
  self->private_key = g_strdup (am_key_pair_get_key_material (key));
  self->private_key_name = g_strdup (am_key_pair_get_key_name (key));
  /* The wizard's copy is the only one kept, zeroed once saved. */
  am_key_pair_clear_key_material (key);
  g_list_store_append (self->key_pairs, key);
  self->touched = TRUE;
  am_launch_request_set_key_name (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), am_key_pair_get_key_name (key));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->save_key_row), _("Save the private key now"));
  adw_action_row_set_subtitle (self->save_key_row,
                               _("AWS shows it only this once. Without it you cannot log in to instances that use this key."));
  gtk_widget_set_sensitive (adw_action_row_get_activatable_widget (self->save_key_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_key_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_key_name), "");
  am_launch_page_changed (AM_LAUNCH_PAGE (self));
}

static void create_key (AmLaunchKeyPage *self);

static void
second_key_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AmLaunchKeyPage   *self)
{
  if (g_str_equal (response, "create"))
    create_key (self);
  else if (g_str_equal (response, "save"))
    save_key_clicked_cb (self);
}

/* A second key pair while the first one's private key is unsaved would drop that key: ask. */
static void
create_key_clicked_cb (AmLaunchKeyPage *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->private_key == NULL)
    {
      create_key (self);
      return;
    }
  body = g_strdup_printf (_("The private key of %s is not saved yet. AWS shows it only once: if you create another key pair now, it is lost."),
                          self->private_key_name);
  dialog = am_launch_unsaved_key_dialog_new (window_of (self), _("Create Another Key Pair?"), body,
                                             "create", _("_Create Anyway"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (second_key_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_key (AmLaunchKeyPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_key_name));
  const char *type = adw_combo_row_get_selected (self->new_key_type) == 1 ? "ed25519" : "rsa";

  if (*name == '\0' || am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_key_button), FALSE);
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  g_free (self->creating_key_name);
  self->creating_key_name = g_strdup (name);
  self->creating_key_type = type;
  am_ec2_client_create_key_pair_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), name, type, "pem", FALSE, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                       create_key_cb, g_object_ref (self));
}

static void
new_key_name_changed_cb (AmLaunchKeyPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_key_name));
  gboolean ok = *name != '\0' && strlen (name) <= 255;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->key_pairs)); i++)
    {
      g_autoptr (AmKeyPair) key = g_list_model_get_item (G_LIST_MODEL (self->key_pairs), i);

      if (g_strcmp0 (am_key_pair_get_key_name (key), name) == 0)
        ok = FALSE;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_key_button), ok);
  if (!self->touched)
    {
      self->touched = TRUE;
      am_launch_page_changed (AM_LAUNCH_PAGE (self));
    }
}

static void
build_page (AmLaunchKeyPage *self)
{
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *button;
  GtkStringList *types;

  group = am_launch_group_new (GTK_BOX (self), _("Existing key pairs"), NULL);
  self->key_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Existing key pairs")));
  gtk_widget_set_name (GTK_WIDGET (self->key_list), "key-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->key_list));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_KEY_PAIR);

  group = am_launch_group_new (GTK_BOX (self), _("Create a key pair"),
                     _("EC2 keeps the public key; you get the private key once and save it."));
  self->new_key_name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_key_name), _("Key pair name"));
  g_signal_connect_swapped (self->new_key_name, "changed", G_CALLBACK (new_key_name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_key_name));

  types = gtk_string_list_new ((const char *[]) { "RSA", "ED25519", NULL });
  self->new_key_type = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_key_type), _("Key type"));
  adw_combo_row_set_model (self->new_key_type, G_LIST_MODEL (types));
  g_object_unref (types);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_key_type));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Create the key pair"));
  button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (create_key_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  self->create_key_button = GTK_BUTTON (button);
  gtk_widget_set_name (button, "create-key");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  button = gtk_button_new_with_mnemonic (_("_Save Private Key…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_key_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-password-symbolic");
  gtk_widget_set_visible (row, FALSE);
  self->save_key_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  group = am_launch_group_new (GTK_BOX (self), _("Without a key pair"), NULL);
  row = am_launch_switch_row_new (_("Launch without a key pair"),
                        _("You will not be able to log in over SSH or get the Windows password unless the image sets up another way in (for example Session Manager)."),
                        &self->no_key_switch);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  g_signal_connect_swapped (self->no_key_switch, "notify::active", G_CALLBACK (no_key_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
load (AmLaunchPage *page)
{
  load_key_pairs (AM_LAUNCH_KEY_PAGE (page));
}

static void
request_set (AmLaunchPage *page)
{
  AmLaunchKeyPage *self = AM_LAUNCH_KEY_PAGE (page);

  g_binding_group_set_source (self->request_bindings, am_launch_page_get_request (page));
  g_signal_group_set_target (self->request_signals, am_launch_page_get_request (page));
  gtk_list_box_bind_model (self->key_list, G_LIST_MODEL (self->key_pairs), create_key_row, self, NULL);
}

static void
am_launch_key_page_dispose (GObject *object)
{
  AmLaunchKeyPage *self = AM_LAUNCH_KEY_PAGE (object);

  if (self->key_list != NULL)
    gtk_list_box_bind_model (self->key_list, NULL, NULL, NULL, NULL);
  if (self->request_bindings != NULL)
    g_binding_group_set_source (self->request_bindings, NULL);
  g_clear_object (&self->request_bindings);
  g_clear_object (&self->request_signals);
  g_clear_object (&self->empty_key_row);

  G_OBJECT_CLASS (am_launch_key_page_parent_class)->dispose (object);
}

static void
am_launch_key_page_finalize (GObject *object)
{
  AmLaunchKeyPage *self = AM_LAUNCH_KEY_PAGE (object);

  forget_private_key (self);
  g_free (self->private_key_name);
  g_free (self->creating_key_name);

  G_OBJECT_CLASS (am_launch_key_page_parent_class)->finalize (object);
}

static void
am_launch_key_page_class_init (AmLaunchKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  object_class->dispose = am_launch_key_page_dispose;
  object_class->finalize = am_launch_key_page_finalize;
  page_class->load = load;
  page_class->request_set = request_set;

  /**
   * AmLaunchKeyPage::save-ended:
   * The file chooser of "Save Private Key…" closed, the key saved or not.
   */
  signals[SAVE_ENDED] = g_signal_new ("save-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AM_TYPE_KEY_PAIR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchKeyPage, key_pairs);
}

static void
am_launch_key_page_init (AmLaunchKeyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_launch_page_add_lookup_error (AM_LAUNCH_PAGE (self), "retry-keys");
  build_page (self);
  self->request_bindings = g_binding_group_new ();
  g_binding_group_bind (self->request_bindings, "no-key-acknowledged", self->no_key_switch, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  self->request_signals = g_signal_group_new (AM_TYPE_LAUNCH_REQUEST);
  g_signal_group_connect_swapped (self->request_signals, "notify::key-name", G_CALLBACK (key_name_changed_cb), self);
  g_signal_connect_object (self->key_pairs, "items-changed", G_CALLBACK (key_list_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
am_launch_key_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_KEY_PAGE, NULL);
}

const char *
am_launch_key_page_get_unsaved_key_name (AmLaunchKeyPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_KEY_PAGE (self), NULL);
  return self->private_key != NULL ? self->private_key_name : NULL;
}

void
am_launch_key_page_save (AmLaunchKeyPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_KEY_PAGE (self));
  save_key_clicked_cb (self);
}

gboolean
am_launch_key_page_get_touched (AmLaunchKeyPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_KEY_PAGE (self), FALSE);
  return self->touched;
}

void
am_launch_key_page_set_touched (AmLaunchKeyPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_KEY_PAGE (self));
  self->touched = TRUE;
}
