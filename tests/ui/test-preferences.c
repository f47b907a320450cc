/* test-preferences.c: Preferences adds and removes accounts (secret in the keyring only), validates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include "am-account-dialog.h"
#include "am-accounts.h"
#include "am-preferences-window.h"
#include "am-session.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"

#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzAmiableTEST"

/* How long the keyring probe may take: an unlocked keyring answers at once; a locked or missing
 * one asks for a password in a prompt nobody answers under Xvfb. */
#define KEYRING_PROBE_TIMEOUT_MS 5000

typedef struct
{
  gboolean  done;
  gboolean  stored;
  GError   *error;
} KeyringProbe;

static void
keyring_probe_clear (KeyringProbe *probe)
{
  g_clear_error (&probe->error);
}

static void
keyring_probe_stored_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  KeyringProbe *probe = user_data;

  probe->stored = secret_password_store_finish (result, &probe->error);
  probe->done = TRUE;
  g_atomic_rc_box_release_full (probe, (GDestroyNotify) keyring_probe_clear);
}

static gboolean
keyring_probe_timeout_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
keyring_probe_give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
keyring_available (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  KeyringProbe *probe = g_atomic_rc_box_new0 (KeyringProbe);
  gboolean gave_up = FALSE;
  guint timeout;
  guint give_up;
  gboolean available;

  /* Tests run in build-aux/test-session.sh, which unlocks a throwaway keyring. Anywhere else
   * the store may wait for a prompt: it is cancelled after a while and the test skips. The
   * callback holds its own reference, in case it comes after we stopped waiting. */
  timeout = g_timeout_add (KEYRING_PROBE_TIMEOUT_MS, keyring_probe_timeout_cb, cancellable);
  /* A cancelled call should end at once; stop waiting anyway if it does not. */
  give_up = g_timeout_add (KEYRING_PROBE_TIMEOUT_MS + 2000, keyring_probe_give_up_cb, &gave_up);
  secret_password_store (am_accounts_get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                         "amiable test probe", "probe", cancellable, keyring_probe_stored_cb,
                         g_atomic_rc_box_acquire (probe),
                         "profile", "amiable-test-probe", NULL);
  while (!probe->done && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout);
  if (!gave_up)
    g_source_remove (give_up);

  available = probe->done && probe->stored;
  if (!available)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_test_skip_printf ("no unlocked keyring: storing a secret did not finish within %d s "
                            "(run through build-aux/test-session.sh)", KEYRING_PROBE_TIMEOUT_MS / 1000);
      else
        g_test_skip_printf ("no unlocked keyring (run through build-aux/test-session.sh): %s",
                            probe->error != NULL ? probe->error->message : "no answer");
    }
  g_atomic_rc_box_release_full (probe, (GDestroyNotify) keyring_probe_clear);
  if (available)
    secret_password_clear_sync (am_accounts_get_secret_schema (), NULL, NULL, "profile", "amiable-test-probe", NULL);
  return available;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_assert_true (am_ui_test_screenshot_light_dark (widget, name, 100));
}

static void
set_row (GtkWidget  *root,
         const char *id,
         const char *text)
{
  GtkWidget *row = am_ui_test_find_widget (root, ADW_TYPE_ENTRY_ROW, id);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  am_ui_test_iterate ();
}

static guint
n_accounts (GSettings *settings)
{
  g_autoptr (GPtrArray) accounts = am_accounts_list (settings);

  return accounts->len;
}

static gboolean
has_accounts (gpointer data)
{
  return n_accounts (data) > 0;
}

static gboolean
has_no_accounts (gpointer data)
{
  return n_accounts (data) == 0;
}

/* Whether the keyring holds no secret for the profile named @data. */
static gboolean
secret_gone (gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *secret = secret_password_lookup_sync (am_accounts_get_secret_schema (), NULL, &error,
                                                         "profile", (const char *) data, NULL);

  g_assert_no_error (error);
  return secret == NULL;
}

/* No GSettings key of ours may hold @secret, in any form. */
static void
assert_not_in_settings (GSettings  *settings,
                        const char *secret)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr (GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, secret));
    }
}

static AmAccountDialog *
open_add_dialog (AmPreferencesWindow *prefs)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-account", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (prefs));

  return AM_ACCOUNT_DIALOG (dialog);
}

static void
test_preferences_add_remove (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  AmPreferencesWindow *prefs;
  AmAccountDialog *dialog;
  GtkWidget *add;
  GtkWidget *remove;
  GtkWidget *confirm;
  GtkWidget *row;
  GtkWidget *general;

  if (!keyring_available ())
    return;
  g_settings_reset (settings, "accounts");

  prefs = am_preferences_window_new ();
  gtk_window_present (GTK_WINDOW (prefs));
  am_ui_test_wait_mapped (GTK_WIDGET (prefs));
  screenshot (GTK_WIDGET (prefs), "preferences-accounts-empty");

  dialog = open_add_dialog (prefs);
  add = am_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "add_button");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));

  set_row (GTK_WIDGET (dialog), "name_row", "work");
  set_row (GTK_WIDGET (dialog), "key_row", "AKIAIOSFODNN7EXAMPLE");
  set_row (GTK_WIDGET (dialog), "secret_row", SECRET);
  set_row (GTK_WIDGET (dialog), "region_row", "eu-west-1");
  g_assert_true (gtk_widget_get_sensitive (add));
  screenshot (GTK_WIDGET (dialog), "add-account-dialog");

  gtk_widget_activate (add);
  g_assert_true (am_ui_test_wait_until (has_accounts, settings, 10000));
  am_ui_test_wait_window_gone (AM_TYPE_ACCOUNT_DIALOG);

  /* The secret is in the keyring, under our schema and the profile name... */
  stored = secret_password_lookup_sync (am_accounts_get_secret_schema (), NULL, &error, "profile", "work", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, SECRET);
  /* ...and nowhere in GSettings, which holds only the rest. */
  assert_not_in_settings (settings, SECRET);
  {
    g_autoptr (AmAccount) account = am_accounts_lookup (settings, "work");

    g_assert_nonnull (account);
    g_assert_cmpstr (account->access_key_id, ==, "AKIAIOSFODNN7EXAMPLE");
    g_assert_cmpstr (account->region, ==, "eu-west-1");
    g_assert_cmpstr (account->endpoint, ==, "");
  }

  /* The list shows it. */
  am_ui_test_iterate ();
  row = am_ui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "work");
  g_assert_nonnull (row);
  screenshot (GTK_WIDGET (prefs), "preferences-accounts");

  /* The General page offers it as the start profile. */
  am_preferences_window_show_page (prefs, "general");
  am_ui_test_iterate ();
  general = am_ui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "profile_row");
  g_assert_nonnull (general);
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (general));
    guint n = g_list_model_get_n_items (model);
    gboolean found = FALSE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

        if (g_strcmp0 (gtk_string_object_get_string (item), "work") == 0)
          {
            found = TRUE;
            adw_combo_row_set_selected (ADW_COMBO_ROW (general), i);
          }
      }
    g_assert_true (found);
  }
  {
    g_autofree char *profile = g_settings_get_string (settings, "profile");

    g_assert_cmpstr (profile, ==, "work");
  }
  screenshot (GTK_WIDGET (prefs), "preferences-general");
  g_settings_reset (settings, "profile");
  am_preferences_window_show_page (prefs, "accounts");
  am_ui_test_iterate ();

  /* Removing asks first, then forgets the account and deletes the secret. */
  remove = am_ui_test_find_widget (row, GTK_TYPE_BUTTON, "Remove Account “work”");
  g_assert_nonnull (remove);
  gtk_widget_activate (remove);
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  screenshot (confirm, "remove-account-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "remove");
  gtk_window_close (GTK_WINDOW (confirm));
  g_assert_true (am_ui_test_wait_until (has_no_accounts, settings, 10000));
  /* The account goes from the settings at once; the keyring deletes its secret in a call of
   * its own, which may answer a moment later. */
  g_assert_true (am_ui_test_wait_until (secret_gone, (gpointer) "work", 10000));

  gtk_window_destroy (GTK_WINDOW (prefs));
  am_ui_test_iterate ();
}

static const char *
message_of (AmAccountDialog *dialog)
{
  GtkWidget *label = am_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "message_label");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
test_preferences_invalid_entries (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmPreferencesWindow *prefs;
  AmAccountDialog *dialog;
  GtkWidget *add;
  const char *message;

  g_settings_reset (settings, "accounts");
  prefs = am_preferences_window_new ();
  gtk_window_present (GTK_WINDOW (prefs));
  am_ui_test_wait_mapped (GTK_WIDGET (prefs));
  dialog = open_add_dialog (prefs);
  add = am_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "add_button");

  /* Empty: blocked, but nothing shouts yet. */
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_null (message_of (dialog));

  set_row (GTK_WIDGET (dialog), "name_row", "Sandbox");
  message = message_of (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "built-in"));
  set_row (GTK_WIDGET (dialog), "name_row", "lab");
  g_assert_null (message_of (dialog));

  set_row (GTK_WIDGET (dialog), "key_row", "akia-lower");
  g_assert_nonnull (strstr (message_of (dialog), "capital letters"));
  g_assert_true (gtk_widget_has_css_class (am_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "key_row"),
                                           "error"));
  set_row (GTK_WIDGET (dialog), "key_row", "AKIAI44QH8DHBSANDBOX");
  set_row (GTK_WIDGET (dialog), "secret_row", "short");
  g_assert_nonnull (strstr (message_of (dialog), "too short"));
  set_row (GTK_WIDGET (dialog), "secret_row", SECRET);
  g_assert_null (message_of (dialog));
  g_assert_true (gtk_widget_get_sensitive (add));

  /* The endpoint: https, or plain http only to this computer. */
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://ec2.example.com");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_nonnull (strstr (message_of (dialog), "http"));
  screenshot (GTK_WIDGET (dialog), "add-account-dialog-invalid");
  set_row (GTK_WIDGET (dialog), "endpoint_row", "ftp://ec2.example.com");
  g_assert_false (gtk_widget_get_sensitive (add));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "https://ec2.example.com/path?x=1");
  g_assert_false (gtk_widget_get_sensitive (add));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://127.0.0.1:4566");
  g_assert_true (gtk_widget_get_sensitive (add));
  /* A name that starts like a loopback address is any host on the internet. */
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://127.0.0.1.nip.io");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_nonnull (strstr (message_of (dialog), "http"));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://127.example.com:4566");
  g_assert_false (gtk_widget_get_sensitive (add));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://127.3.4.5:4566");
  g_assert_true (gtk_widget_get_sensitive (add));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "http://[::1]:4566");
  g_assert_true (gtk_widget_get_sensitive (add));
  set_row (GTK_WIDGET (dialog), "endpoint_row", "https://ec2.example.com");
  g_assert_true (gtk_widget_get_sensitive (add));

  set_row (GTK_WIDGET (dialog), "region_row", "EU West");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_nonnull (strstr (message_of (dialog), "region"));
  set_row (GTK_WIDGET (dialog), "region_row", "eu-west-1");
  g_assert_true (gtk_widget_get_sensitive (add));

  /* Nothing was stored. */
  g_assert_cmpuint (n_accounts (settings), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_ACCOUNT_DIALOG);
  gtk_window_destroy (GTK_WINDOW (prefs));
  am_ui_test_iterate ();
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} Wait;

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = am_accounts_add_finish (result, &wait->error);
  wait->done = TRUE;
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = am_session_connect_finish (AM_SESSION (object), result, &wait->error);
  wait->done = TRUE;
}

/* An account from Preferences, with a custom endpoint, connects with the keyring's secret. */
static void
test_preferences_account_connects (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (AmSandboxProcess) sandbox = NULL;
  g_autoptr (AmSession) session = NULL;
  g_autoptr (AmAccount) account = NULL;
  g_autofree char *expected_account = NULL;
  Wait wait = { FALSE, FALSE, NULL };
  const char *endpoint;

  if (!keyring_available ())
    return;
  g_settings_reset (settings, "accounts");
  g_unsetenv ("AWS_REGION");
  g_unsetenv ("AWS_DEFAULT_REGION");

  sandbox = am_ui_test_sandbox_start (NULL);
  endpoint = am_sandbox_process_get_endpoint (sandbox);
  account = am_account_new ("bob-lab", AM_SANDBOX_BOB_ACCESS_KEY, "eu-north-1", endpoint);
  am_accounts_add_async (settings, account, AM_SANDBOX_BOB_SECRET_KEY, NULL, added_cb, &wait);
  g_assert_true (am_ui_test_wait_until (wait_done, &wait, 10000));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  session = am_session_new ();
  wait = (Wait) { FALSE, FALSE, NULL };
  am_session_connect_async (session, "bob-lab", NULL, NULL, connected_cb, &wait);
  g_assert_true (am_ui_test_wait_until (wait_done, &wait, 30000));
  g_assert_no_error (wait.error);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);
  g_assert_false (am_session_is_sandbox (session));
  g_assert_cmpstr (am_session_get_region (session), ==, "eu-north-1");
  g_assert_cmpstr (am_session_get_endpoint (session), ==, endpoint);
  expected_account = g_strdup (endpoint + strlen ("http://"));
  g_assert_cmpstr (am_session_get_account (session), ==, expected_account);

  /* Without its secret the account cannot connect, and says why. */
  secret_password_clear_sync (am_accounts_get_secret_schema (), NULL, NULL, "profile", "bob-lab", NULL);
  wait = (Wait) { FALSE, FALSE, NULL };
  am_session_connect_async (session, "bob-lab", NULL, NULL, connected_cb, &wait);
  g_assert_true (am_ui_test_wait_until (wait_done, &wait, 30000));
  g_assert_false (wait.ok);
  g_assert_nonnull (wait.error);
  g_test_message ("without secret: %s", wait.error->message);
  g_assert_nonnull (strstr (wait.error->message, "keyring"));
  g_clear_error (&wait.error);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_FAILED);

  g_settings_reset (settings, "accounts");
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/preferences/add-remove", test_preferences_add_remove);
  g_test_add_func ("/ui/preferences/invalid-entries", test_preferences_invalid_entries);
  g_test_add_func ("/ui/preferences/account-connects", test_preferences_account_connects);

  return g_test_run ();
}
