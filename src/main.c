/* main.c: the entry point of Amiable
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "amiable"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/am-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AmApplication) app = NULL;

  am_application_use_installed_data ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = am_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
