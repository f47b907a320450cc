/* am-flatpak.c: commands of the user's computer, run on the host when Amiable is a Flatpak
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-flatpak"

#include "config.h"

#include "am-flatpak.h"

/* What the AWS CLI and its helpers read; never keys or tokens, which would show in the host's
 * process list as flatpak-spawn arguments. */
static const char * const passed_variables[] = {
  "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_SDK_LOAD_CONFIG", "AWS_VAULT_BACKEND",
};

const char *
am_flatpak_info_path (const char * const *envp)
{
  const char *path = g_environ_getenv ((char **) envp, "AMIABLE_FLATPAK_INFO");

  return path != NULL && *path != '\0' ? path : "/.flatpak-info";
}

gboolean
am_flatpak_is_sandboxed (const char * const *envp)
{
  return g_file_test (am_flatpak_info_path (envp), G_FILE_TEST_EXISTS);
}

/* The [Session Bus Policy] of the running Flatpak, overrides included. */
static gboolean
may_talk_to_flatpak (const char * const *envp)
{
  g_autoptr (GKeyFile) info = g_key_file_new ();
  g_autofree char *policy = NULL;

  if (!g_key_file_load_from_file (info, am_flatpak_info_path (envp), G_KEY_FILE_NONE, NULL))
    return FALSE;
  policy = g_key_file_get_string (info, "Session Bus Policy", "org.freedesktop.Flatpak", NULL);
  return g_strcmp0 (policy, "talk") == 0 || g_strcmp0 (policy, "own") == 0;
}

static char *
find_in_path (const char * const *envp,
              const char         *program)
{
  const char *path = g_environ_getenv ((char **) envp, "PATH");
  g_auto (GStrv) dirs = g_strsplit (path != NULL ? path : "/app/bin:/usr/bin", ":", -1);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *candidate = g_build_filename (*dirs[i] != '\0' ? dirs[i] : ".", program, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

char **
am_flatpak_host_argv (const char * const  *envp,
                      const char * const  *argv,
                      const char          *what,
                      GError             **error)
{
  g_autoptr (GPtrArray) host = NULL;
  g_autofree char *spawn = NULL;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  if (!am_flatpak_is_sandboxed (envp))
    return g_strdupv ((char **) argv);

  if (!may_talk_to_flatpak (envp))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_PERM,
                   "Amiable runs in a Flatpak that may not start programs on your computer, so %s "
                   "(%s) cannot run: allow it with `flatpak override --user "
                   "--talk-name=org.freedesktop.Flatpak %s` and start Amiable again, or use a "
                   "profile with keys or an IAM Identity Center sign-in", what, argv[0], APP_ID);
      return NULL;
    }
  spawn = find_in_path (envp, "flatpak-spawn");
  if (spawn == NULL)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT,
                   "Amiable runs in a Flatpak whose runtime has no flatpak-spawn, so %s (%s) "
                   "cannot run on your computer: update the runtime with `flatpak update`, or use "
                   "a profile with keys or an IAM Identity Center sign-in", what, argv[0]);
      return NULL;
    }

  host = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (host, g_steal_pointer (&spawn));
  g_ptr_array_add (host, g_strdup ("--host"));
  g_ptr_array_add (host, g_strdup ("--watch-bus"));
  for (guint i = 0; i < G_N_ELEMENTS (passed_variables); i++)
    {
      const char *value = g_environ_getenv ((char **) envp, passed_variables[i]);

      if (value != NULL)
        g_ptr_array_add (host, g_strdup_printf ("--env=%s=%s", passed_variables[i], value));
    }
  g_ptr_array_add (host, g_strdup ("--"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (host, g_strdup (argv[i]));
  g_ptr_array_add (host, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&host), FALSE);
}

const char *
am_flatpak_where_to_run (const char * const *envp)
{
  return am_flatpak_is_sandboxed (envp)
         ? " in a terminal on your computer (not inside Amiable’s Flatpak)"
         : "";
}
