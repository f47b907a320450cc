/* am-fuzz.c: what every libFuzzer harness shares (fatal criticals, a scratch folder)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-fuzz"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-fuzz.h"

static char *scratch;

/* No leak check at exit, only libFuzzer's own check of every input that allocates more than it
 * frees (run with detect_leaks=1). GLib drops its quark table each time it grows by 2048 (on
 * purpose: lookups stay lock-free), and parsers that intern fuzzed strings (the EC2 models,
 * the sandbox state) grow it for good, so a long run ends with those old tables unreachable.
 * Fast unwinding stops inside GLib, so no suppression can tell them from a real leak. */
const char *__lsan_default_options (void);

const char *
__lsan_default_options (void)
{
  return "leak_check_at_exit=0";
}

/* GLib 2.74 hands out small blocks (JSON nodes and objects, GErrors, list links) from its slice
 * magazines, which keep freed blocks for reuse. LeakSanitizer cannot see such a block leak, and
 * as an input rarely gives back to malloc as many blocks as it took, libFuzzer ran its costly
 * leak scan after most inputs (nine tenths of the JSON harnesses' time, more as the heap grew).
 * G_SLICE=always-malloc cures both, but GLib reads it while it loads, before any code of ours
 * runs: a harness started without it starts itself again with it (argv as glibc passes it to
 * constructors). */
__attribute__ ((constructor)) static void
use_malloc_for_slices (int    argc,
                       char **argv,
                       char **envp)
{
  const char *value = getenv ("G_SLICE");
  char *wanted;

  if (value != NULL && strstr (value, "always-malloc") != NULL)
    return;
  if (value != NULL && *value != '\0')
    {
      wanted = malloc (strlen (value) + sizeof (",always-malloc"));
      if (wanted == NULL)
        return;
      strcpy (wanted, value);
      strcat (wanted, ",always-malloc");
    }
  else
    wanted = (char *) "always-malloc";
  setenv ("G_SLICE", wanted, 1);
  execv ("/proc/self/exe", argv);
  /* Could not start again: go on with the magazines (slower, blind to slice leaks). */
  fprintf (stderr, "am-fuzz: could not restart with G_SLICE=always-malloc: %s\n", strerror (errno));
}

gboolean
am_fuzz_json_has_second_value (const guint8 *data,
                               size_t        size)
{
  /* Three readings of the text: strings in double quotes, in single quotes (json-glib's scanner
   * may take those too), and no strings at all. A document is skipped if any of them sees a
   * second value, so the check errs towards skipping, never towards a false finding. */
  static const int quotes[] = { '"', '\'', -1 };

  for (guint q = 0; q < G_N_ELEMENTS (quotes); q++)
    {
      gboolean in_string = FALSE;
      gboolean escaped = FALSE;
      gboolean started = FALSE;
      gsize depth = 0;

      for (size_t i = 0; i < size; i++)
        {
          int c = data[i];

          if (in_string)
            {
              if (escaped)
                escaped = FALSE;
              else if (c == '\\')
                escaped = TRUE;
              else if (c == quotes[q])
                in_string = FALSE;
              continue;
            }
          if (c == '{' || c == '[')
            {
              if (depth == 0 && started)
                return TRUE;
              depth++;
            }
          else if (c == '}' || c == ']')
            {
              if (depth > 0)
                depth--;
            }
          else if (c == quotes[q])
            in_string = TRUE;
          else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
          started = TRUE;
        }
    }
  return FALSE;
}

/* Fatal GLib messages and g_error() end in a breakpoint (SIGTRAP), which libFuzzer does not
 * catch: it would stop without saving the input. An abort it does catch. */
static void
abort_on_trap (int signum)
{
  abort ();
}

void
am_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  signal (SIGTRAP, abort_on_trap);
}

void
am_fuzz_ignore_leaks (int    *argc,
                      char ***argv)
{
  /* libFuzzer reads its flags after LLVMFuzzerInitialize, the last one of a name winning. */
  char **args = g_new0 (char *, *argc + 2);

  for (int i = 0; i < *argc; i++)
    args[i] = (*argv)[i];
  args[*argc] = (char *) "-detect_leaks=0";
  *argc += 1;
  *argv = args;
}

void
am_fuzz_empty_dir (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          am_fuzz_empty_dir (path);
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
}

static void
remove_scratch (void)
{
  am_fuzz_empty_dir (scratch);
  g_rmdir (scratch);
}

const char *
am_fuzz_scratch_dir (void)
{
  if (scratch == NULL)
    {
      g_autofree char *template = NULL;

      if (access ("/dev/shm", W_OK) == 0)
        template = g_strdup ("/dev/shm/amiable-fuzz-XXXXXX");
      else
        template = g_build_filename (g_get_tmp_dir (), "amiable-fuzz-XXXXXX", NULL);
      if (g_mkdtemp (template) == NULL)
        g_error ("could not make a scratch folder %s: %s", template, g_strerror (errno));
      scratch = g_steal_pointer (&template);
      atexit (remove_scratch);
    }
  return scratch;
}

void
am_fuzz_write_file (const char   *path,
                    const guint8 *data,
                    size_t        size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    g_error ("could not write %s: %s", path, g_strerror (errno));
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("could not write %s: %s", path, g_strerror (errno));
      data += n;
      size -= (size_t) n;
    }
  close (fd);
}
