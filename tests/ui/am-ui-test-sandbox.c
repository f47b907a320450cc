/* am-ui-test-sandbox.c: UI tests' real sandbox process and READY sessions on it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "am-ui-test-sandbox.h"

#define DATA_DIR_KEY "am-ui-test-sandbox-data-dir"

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} StartWait;

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StartWait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
data_dir_free (gpointer data)
{
  char *path = data;

  remove_tree (path);
  g_free (path);
}

AmSandboxProcess *
am_ui_test_sandbox_start (const char * const *extra_args)
{
  g_autoptr (AmSandboxProcess) sandbox = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;
  StartWait wait = { FALSE, NULL };
  const char *endpoint;

  data_dir = g_dir_make_tmp ("amiable-ui-sandbox-XXXXXX", &error);
  g_assert_no_error (error);

  sandbox = am_sandbox_process_new (data_dir, extra_args);
  am_sandbox_process_start_async (sandbox, NULL, start_cb, &wait);
  /* The process gives up by itself after its own start time-out. */
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  endpoint = am_sandbox_process_start_finish (sandbox, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (endpoint);
  g_assert_true (g_str_has_prefix (endpoint, "http://127.0.0.1:"));
  g_test_message ("sandbox at %s, data in %s", endpoint, data_dir);

  /* The directory goes when the sandbox object does (after the process was reaped). */
  g_object_set_data_full (G_OBJECT (sandbox), DATA_DIR_KEY, g_steal_pointer (&data_dir), data_dir_free);

  return g_steal_pointer (&sandbox);
}

const char *
am_ui_test_sandbox_get_data_dir (AmSandboxProcess *sandbox)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (sandbox), NULL);

  return g_object_get_data (G_OBJECT (sandbox), DATA_DIR_KEY);
}

AmSession *
am_ui_test_sandbox_session (AmSandboxProcess *sandbox,
                            const char       *account)
{
  g_autoptr (GError) error = NULL;
  AmSession *session;
  const char *access_key;
  const char *secret_key;

  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (sandbox), NULL);
  g_return_val_if_fail (am_sandbox_process_get_endpoint (sandbox) != NULL, NULL);

  if (g_strcmp0 (account, "bob") == 0)
    {
      access_key = AM_SANDBOX_BOB_ACCESS_KEY;
      secret_key = AM_SANDBOX_BOB_SECRET_KEY;
    }
  else
    {
      g_assert_cmpstr (account, ==, "alice");
      access_key = AM_SANDBOX_ALICE_ACCESS_KEY;
      secret_key = AM_SANDBOX_ALICE_SECRET_KEY;
    }

  session = am_session_new_for_endpoint (account, am_sandbox_process_get_endpoint (sandbox),
                                         access_key, secret_key, AM_SANDBOX_DEFAULT_REGION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);

  return session;
}
