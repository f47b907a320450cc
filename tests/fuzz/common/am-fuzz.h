/* am-fuzz.h: what every libFuzzer harness shares (fatal criticals, a scratch folder)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Makes GLib criticals and warnings fatal (as G_DEBUG=fatal-criticals does in the test suite):
 * a parser that lets a wrong-typed value reach a GLib precondition is a finding. */
void        am_fuzz_init            (void);

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/* For harnesses whose parsers intern what they read (g_intern_string, quarks), called from
 * their LLVMFuzzerInitialize: adds -detect_leaks=0, so leaks are not tracked (memory errors,
 * undefined behaviour and criticals still are). GLib drops its quark table each time it grows
 * past another 2048 strings, on purpose, and with GLib's frames unwound fast no suppression can
 * tell those tables from a real leak. The unit tests' ASan run checks the same parsers for
 * leaks on their inputs. */
void        am_fuzz_ignore_leaks    (int          *argc,
                                     char       ***argv);

/* A private folder for this process, on a memory file system when there is one (saves fsync
 * there cost nothing), removed with its contents at exit. */
const char *am_fuzz_scratch_dir     (void);

/* Empties @dir (files only, not recursive). */
void        am_fuzz_empty_dir       (const char   *dir);

/* Writes @size bytes to @path (created or truncated), or aborts. */
void        am_fuzz_write_file      (const char   *path,
                                     const guint8 *data,
                                     size_t        size);

/* TRUE if the JSON text @data holds a second top-level value that begins with { or [ (as in
 * "{…}{…}" or "1[2]"). json-glib 1.6 (Debian 12) takes such a document as valid, keeps its
 * first value and leaks the others: a leak outside Amiable that LeakSanitizer would report on
 * every such input, so the JSON harnesses skip them (Amiable's code only ever sees the first
 * value, the same as for that value alone). Errs towards TRUE. */
gboolean    am_fuzz_json_has_second_value (const guint8 *data,
                                           size_t        size);

G_END_DECLS
