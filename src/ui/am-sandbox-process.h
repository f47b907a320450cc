/* am-sandbox-process.h: runs the built-in amiable-sandbox endpoint as a child process
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The sandbox's documented built-in accounts (see src/sandbox/README.md). They are public
 * demonstration keys that only the sandbox accepts, not secrets. */
#define AM_SANDBOX_ALICE_ACCOUNT_ID  "111122223333"
#define AM_SANDBOX_ALICE_ACCESS_KEY  "AKIAIOSFODNN7SANDBOX"
#define AM_SANDBOX_ALICE_SECRET_KEY  "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define AM_SANDBOX_BOB_ACCOUNT_ID    "444455556666"
#define AM_SANDBOX_BOB_ACCESS_KEY    "AKIAI44QH8DHBSANDBOX"
#define AM_SANDBOX_BOB_SECRET_KEY    "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE"
#define AM_SANDBOX_DEFAULT_REGION    "us-east-1"

#define AM_TYPE_SANDBOX_PROCESS (am_sandbox_process_get_type ())

G_DECLARE_FINAL_TYPE (AmSandboxProcess, am_sandbox_process, AM, SANDBOX_PROCESS, GObject)

/**
 * am_sandbox_process_new:
 * @data_dir: (nullable): where the sandbox keeps its state; %NULL for its default
 * @extra_args: (nullable): more command-line options, e.g. "--public-images", "1000"
 */
AmSandboxProcess *am_sandbox_process_new          (const char          *data_dir,
                                                   const char * const  *extra_args);
/** am_sandbox_process_find_program: Returns: (transfer full) (nullable): the program's path */
char             *am_sandbox_process_find_program (void);
/** am_sandbox_process_start_async: starts the program and waits for its endpoint line. */
void              am_sandbox_process_start_async  (AmSandboxProcess    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/** am_sandbox_process_start_finish: Returns: the endpoint URL (owned by @self), or %NULL */
const char       *am_sandbox_process_start_finish (AmSandboxProcess    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/** am_sandbox_process_get_endpoint: Returns: (nullable): e.g. "http://127.0.0.1:40123" */
const char       *am_sandbox_process_get_endpoint (AmSandboxProcess    *self);
/**
 * am_sandbox_process_get_exit_reason:
 * Returns: (nullable): once a started sandbox has ended, how (e.g. "it was killed by signal 9");
 *   %NULL while it runs. The "exited" signal says when.
 */
const char       *am_sandbox_process_get_exit_reason (AmSandboxProcess *self);
/** am_sandbox_process_get_uptime: Returns: microseconds since it printed its endpoint (or ran until it ended) */
gint64            am_sandbox_process_get_uptime   (AmSandboxProcess    *self);
/** am_sandbox_process_get_identifier: Returns: (nullable): the running process's id, as text */
const char       *am_sandbox_process_get_identifier (AmSandboxProcess *self);
/** am_sandbox_process_stop: asks the sandbox to end (SIGTERM); it saves its state first. */
void              am_sandbox_process_stop         (AmSandboxProcess    *self);

G_END_DECLS
