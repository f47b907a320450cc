/* am-ui-test-sandbox.h: UI tests' real sandbox process and READY sessions on it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-sandbox-process.h"
#include "am-session.h"

G_BEGIN_DECLS

/**
 * am_ui_test_sandbox_start:
 * @extra_args: (nullable): more options for amiable-sandbox, e.g. "--public-images", "1000"
 *
 * Starts $AMIABLE_SANDBOX_PROGRAM with --data-dir in a new temporary directory and waits
 * (running the main loop) until it prints its endpoint; fails the test when it does not.
 * Unref the result to stop the sandbox.
 *
 * Returns: (transfer full): the running sandbox
 */
AmSandboxProcess *am_ui_test_sandbox_start   (const char * const *extra_args);

/**
 * am_ui_test_sandbox_session:
 * @account: "alice" or "bob", the sandbox's built-in accounts
 *
 * Returns: (transfer full): a READY session on @sandbox for @account in us-east-1
 */
AmSession        *am_ui_test_sandbox_session (AmSandboxProcess   *sandbox,
                                              const char         *account);

/* The temporary data directory the sandbox was started with. */
const char       *am_ui_test_sandbox_get_data_dir (AmSandboxProcess *sandbox);

G_END_DECLS
