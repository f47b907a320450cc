/* am-sandbox-main.c: entry point of the amiable-sandbox program
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include <gio/gio.h>
#include <glib-unix.h>

#include "am-sandbox-server.h"
#include "am-sandbox-state.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static char *
accounts_text (void)
{
  GString *s = g_string_new ("Built-in accounts (use them with awscli, e.g. "
                             "aws --endpoint-url http://127.0.0.1:PORT ec2 describe-images):\n");
  guint n;
  const AmSbAccount *accounts = am_sb_accounts (&n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "  %-6s account %s  AWS_ACCESS_KEY_ID=%s\n"
                               "                               AWS_SECRET_ACCESS_KEY=%s\n",
                            accounts[i].name, accounts[i].account_id, accounts[i].access_key_id,
                            accounts[i].secret_access_key);
  g_string_append (s, "\nRegions: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-northeast-1.\n"
                      "These keys are public sandbox keys: they open nothing but this sandbox.");
  return g_string_free (s, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSandboxServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *faults = NULL;
  g_autofree char *quotas = NULL;
  g_autofree char *seed_scale = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *description = NULL;
  int port = 0;
  int public_images = 0;
  int fault_seed = -1;
  int transition_ms = AM_SB_DEFAULT_TRANSITION_MS;
  int recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
  int snapshot_recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "TCP port (default: an ephemeral port)", "PORT" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      "Listen on ADDRESS instead of 127.0.0.1 (exposes the sandbox to other machines)", "ADDRESS" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Folder of state.json (default: $XDG_DATA_HOME/amiable/sandbox)", "DIR" },
    { "public-images", 0, 0, G_OPTION_ARG_INT, &public_images,
      "Add N synthetic public images per region (regenerated from a fixed seed, not stored)", "N" },
    { "faults", 0, 0, G_OPTION_ARG_STRING, &faults,
      "Inject faults, e.g. throttle=0.2,error5xx=0.1,latency=300ms,truncate=0.05,skew=600s,drop=0.1,drop-once=CreateImage,region-down=eu-west-1", "SPEC" },
    { "quota", 0, 0, G_OPTION_ARG_STRING, &quotas,
      "Quotas per account and region, e.g. images=3,snapshots=10,key-pairs=2,security-groups=5,"
      "launch-templates=2,instances=4 (default: EC2's; 20 instances)", "SPEC" },
    { "seed-scale", 0, 0, G_OPTION_ARG_STRING, &seed_scale,
      "Give alice many resources over the five regions at start, e.g. lifecycle or "
      "images=10000,snapshots=20000,instances=2000,launch-templates=300 (for benchmarks)", "SPEC" },
    { "fault-seed", 0, 0, G_OPTION_ARG_INT, &fault_seed, "Seed of the fault dice (repeatable runs)", "SEED" },
    { "transition-ms", 0, 0, G_OPTION_ARG_INT, &transition_ms,
      "How long pending, stopping, shutting-down and image creation last (default 3000)", "MS" },
    { "recycle-bin-days", 0, 0, G_OPTION_ARG_INT, &recycle_days,
      "Recycle Bin retention of deregistered AMIs in days, 0 for none (default 7)", "DAYS" },
    { "snapshot-recycle-bin-days", 0, 0, G_OPTION_ARG_INT, &snapshot_recycle_days,
      "Recycle Bin retention of deleted EBS snapshots in days, 0 for none (default 7)", "DAYS" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  signal (SIGPIPE, SIG_IGN);

  context = g_option_context_new ("- an EC2-compatible endpoint for learning and testing Amiable");
  g_option_context_add_main_entries (context, entries, NULL);
  description = accounts_text ();
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("amiable-sandbox: %s (see --help)\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("amiable-sandbox %s\n", am_sandbox_server_get_version ());
      return 0;
    }
  if (port < 0 || port > 65535 || public_images < 0 || public_images > 2000000 || transition_ms < 0
      || recycle_days < 0 || recycle_days > 365 || snapshot_recycle_days < 0 || snapshot_recycle_days > 365)
    {
      g_printerr ("amiable-sandbox: --port must be 0–65535, --public-images 0–2000000, --transition-ms ≥ 0, "
                  "--recycle-bin-days and --snapshot-recycle-bin-days 0–365\n");
      return 2;
    }
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "amiable", "sandbox", NULL);

  /* Handle SIGTERM/SIGINT before announcing the port: a client may stop us right away. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);

  server = am_sandbox_server_new ();
  am_sandbox_server_set_public_images (server, public_images);
  am_sandbox_server_set_transition_ms (server, transition_ms);
  am_sandbox_server_set_recycle_days (server, recycle_days);
  am_sandbox_server_set_snapshot_recycle_days (server, snapshot_recycle_days);
  if (fault_seed >= 0)
    am_sandbox_server_set_fault_seed (server, fault_seed);
  if (!am_sandbox_server_set_quotas (server, quotas, &error))
    {
      g_printerr ("amiable-sandbox: %s\n", error->message);
      return 2;
    }
  if (!am_sandbox_server_set_faults (server, faults, &error))
    {
      g_printerr ("amiable-sandbox: %s\n", error->message);
      return 2;
    }
  if (!am_sandbox_server_load (server, data_dir, &error))
    {
      g_printerr ("amiable-sandbox: %s\n", error->message);
      return 1;
    }
  if (seed_scale != NULL && !am_sandbox_server_seed_scale (server, seed_scale, &error))
    {
      g_printerr ("amiable-sandbox: %s\n", error->message);
      return 2;
    }
  if (!am_sandbox_server_listen (server, listen, port, &error))
    {
      g_printerr ("amiable-sandbox: could not listen on %s port %d: %s\n",
                  listen ? listen : "127.0.0.1", port, error->message);
      return 1;
    }
  if (listen != NULL)
    {
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (listen);

      if (inet != NULL && !g_inet_address_get_is_loopback (inet))
        g_printerr ("amiable-sandbox: warning: listening on %s, not on a loopback address: anyone who can "
                    "reach this address can use the sandbox with its public keys (see --help), which "
                    "every copy of Amiable knows. Use --listen only on a network you trust.\n", listen);
    }
  uri = am_sandbox_server_get_uri (server);
  printf ("listening on %s\n", uri);
  fflush (stdout);

  g_main_loop_run (loop);
  am_sandbox_server_disconnect (server);
  return 0;
}
