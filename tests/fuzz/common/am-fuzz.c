/* am-fuzz.c: what every libFuzzer harness shares (fatal criticals, a scratch folder)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-fuzz"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
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
