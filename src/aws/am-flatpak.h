/* am-flatpak.h: commands of the user's computer, run on the host when Amiable is a Flatpak
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * am_flatpak_info_path:
 * @envp: the environment of the configuration snapshot
 * Returns: where Flatpak describes the sandbox, `/.flatpak-info`, or the file named by
 *   AMIABLE_FLATPAK_INFO in @envp (tests pretend to run in a Flatpak with it)
 */
const char  *am_flatpak_info_path      (const char * const  *envp);

/** am_flatpak_is_sandboxed: Returns: whether Amiable runs inside a Flatpak */
gboolean     am_flatpak_is_sandboxed   (const char * const  *envp);

/**
 * am_flatpak_host_argv:
 * @envp: the environment the command would get; its PATH finds `flatpak-spawn`
 * @argv: a command of the user's computer (`credential_process`)
 * @what: what runs, for the error ("the credential_process of profile “dev”")
 *
 * Outside a Flatpak, a copy of @argv. Inside one, the same arguments run on the host through
 * `flatpak-spawn --host --watch-bus` (so the host command ends when flatpak-spawn is stopped at
 * the time-out), with the AWS CLI's non-secret variables of @envp passed along.
 *
 * Returns: (transfer full): the argument vector to run, or %NULL with @error
 *   (%G_SPAWN_ERROR_PERM when the Flatpak may not start host commands,
 *   %G_SPAWN_ERROR_NOENT when flatpak-spawn is missing), saying what to do
 */
char       **am_flatpak_host_argv      (const char * const  *envp,
                                        const char * const  *argv,
                                        const char          *what,
                                        GError             **error);

/**
 * am_flatpak_where_to_run:
 * Returns: "" outside a Flatpak; inside one, where the user should type a command that
 *   Amiable names (`aws sso login`), starting with a space: " in a terminal on your computer …"
 */
const char  *am_flatpak_where_to_run   (const char * const  *envp);

G_END_DECLS
