/* fuzz-sandbox-state.c: libFuzzer harness for the sandbox's state file (load, save, rollback)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-fuzz"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "am-sandbox-state.h"

/*
 * The input is written as DATA_DIR/state.json of a real data folder and loaded the way the
 * sandbox starts: a damaged file is moved aside and replaced by a fresh state; a file that loads
 * must survive save and load unchanged, a rollback after a change returns to what was loaded,
 * and the same state object loads the folder again.
 */

static char *dir;
static char *path;
static guint damaged_reports;
/* Two states for the whole run, as the sandbox keeps one for its life: a load clears all that
 * the file defines, and what survives it (the public catalogs, built from the region alone) no
 * longer has to be built for every input. */
static AmSbState *state;
static AmSbState *again;

static void
count_report (const char *text)
{
  /* The loader's "moved aside" report on stderr; thousands of them would only be noise. */
  if (strstr (text, "is damaged") != NULL)
    damaged_reports++;
}

static char *
read_file (const char *file)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (file, &contents, NULL, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&contents);
}

static gboolean
has_damaged_copy (void)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "state.json.damaged-"))
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  am_fuzz_ignore_leaks (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *after_rollback = NULL;
  guint reports_before = damaged_reports;
  gboolean damaged;

  am_fuzz_init ();
  if (dir == NULL)
    {
      dir = g_build_filename (am_fuzz_scratch_dir (), "data", NULL);
      path = g_build_filename (dir, "state.json", NULL);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_error ("could not make %s", dir);
      g_set_printerr_handler (count_report);
      state = am_sb_state_new (0, 0);
      again = am_sb_state_new (0, 0);
    }
  am_fuzz_empty_dir (dir);
  am_fuzz_write_file (path, data, size);

  if (!am_sb_state_load (state, path, &error))
    g_error ("a writable data folder did not load: %s", error->message);
  damaged = damaged_reports > reports_before;
  g_assert (damaged == has_damaged_copy ());
  if (damaged)
    {
      /* Moved aside and replaced by a fresh state that loads (the seed itself is the unit
       * tests' business; checking it whole on every damaged input would be most of the time). */
      g_assert (g_file_test (path, G_FILE_TEST_EXISTS));
      return 0;
    }

  /* What is loaded is what the file holds from now on. */
  json = am_sb_state_to_json (state);
  if (!am_sb_state_save (state, &error))
    g_error ("the state could not be saved: %s", error->message);
  on_disk = read_file (path);
  g_assert (strcmp (on_disk, json) == 0);

  /* It loads back whole: nothing is lost or changed by a save and a load. */
  if (!am_sb_state_load (again, path, &error))
    g_error ("the saved state did not load: %s", error->message);
  json_again = am_sb_state_to_json (again);
  if (strcmp (json, json_again) != 0)
    g_error ("the state changed in a save and load:\n%s\n---\n%s", json, json_again);

  /* A change that could not be saved is undone by a rollback. */
  am_sb_state_set_tag (state, "111122223333", "ami-0123456789abcdef0", "Fuzz", "rollback");
  if (!am_sb_state_rollback (state, &error))
    g_error ("the rollback failed: %s", error->message);
  after_rollback = am_sb_state_to_json (state);
  g_assert (strcmp (after_rollback, json) == 0);

  /* The same state object loads the file again (a restart without a new object). */
  if (!am_sb_state_load (state, path, &error))
    g_error ("a second load did not succeed: %s", error->message);
  return 0;
}
