/* am-test-sandbox.c: the real amiable-sandbox as a child process of a test, in a temporary tree
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-test-sandbox"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "am-test-sandbox.h"

struct _AmTestSandbox
{
  GSubprocess *process;
  char        *home;
  char        *url;
};

/* The sandbox goes with the test, even when an assertion aborts it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

AmTestSandbox *
am_test_sandbox_start (const char *tmp_template,
                       const char *first_arg,
                       ...)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  const char *program = g_getenv ("AMIABLE_SANDBOX_PROGRAM");
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  AmTestSandbox *sandbox;
  va_list args;

  g_return_val_if_fail (tmp_template != NULL, NULL);

  g_assert_nonnull (program);
  sandbox = g_new0 (AmTestSandbox, 1);
  sandbox->home = g_dir_make_tmp (tmp_template, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, g_strdup (program));
  g_ptr_array_add (argv, g_strdup ("--data-dir"));
  g_ptr_array_add (argv, g_build_filename (sandbox->home, "data", NULL));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sandbox->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
  sandbox->url = g_strdup (line + strlen ("listening on "));

  return sandbox;
}

const char *
am_test_sandbox_get_url (AmTestSandbox *sandbox)
{
  g_return_val_if_fail (sandbox != NULL, NULL);

  return sandbox->url;
}

const char *
am_test_sandbox_get_home (AmTestSandbox *sandbox)
{
  g_return_val_if_fail (sandbox != NULL, NULL);

  return sandbox->home;
}

void
am_test_sandbox_stop (AmTestSandbox *sandbox)
{
  g_return_if_fail (sandbox != NULL);

  g_subprocess_force_exit (sandbox->process);
  g_subprocess_wait (sandbox->process, NULL, NULL);
  g_clear_object (&sandbox->process);
  am_test_remove_tree (sandbox->home);
  g_free (sandbox->home);
  g_free (sandbox->url);
  g_free (sandbox);
}

void
am_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        am_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
