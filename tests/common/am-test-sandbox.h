/* am-test-sandbox.h: the real amiable-sandbox as a child process of a test, in a temporary tree
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AmTestSandbox AmTestSandbox;

/**
 * am_test_sandbox_start:
 * @tmp_template: the name of the temporary directory, for g_dir_make_tmp(),
 *   e.g. "amiable-ec2-sandbox-XXXXXX"
 * @first_arg: (nullable): the first of more options for amiable-sandbox, e.g. "--transition-ms"
 * @...: the rest of them, ending with NULL
 *
 * Starts $AMIABLE_SANDBOX_PROGRAM with --data-dir in a new temporary directory (dying with the
 * test, even when an assertion aborts it) and reads the "listening on" line it prints; fails the
 * test when it does not start.
 *
 * Returns: (transfer full): the running sandbox, for am_test_sandbox_stop()
 */
AmTestSandbox *am_test_sandbox_start    (const char    *tmp_template,
                                         const char    *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;

/* The endpoint the sandbox listens on, "http://127.0.0.1:PORT". */
const char    *am_test_sandbox_get_url  (AmTestSandbox *sandbox);
/* The temporary directory (the sandbox's data is in its "data" folder; tests may add others). */
const char    *am_test_sandbox_get_home (AmTestSandbox *sandbox);

/**
 * am_test_sandbox_stop:
 *
 * Kills the sandbox, waits for it, removes its temporary directory and frees @sandbox.
 */
void           am_test_sandbox_stop     (AmTestSandbox *sandbox);

/* Removes @path and everything below it (without following symbolic links). */
void           am_test_remove_tree      (const char    *path);

G_END_DECLS
