/* am-sandbox-state-private.h: what am-sandbox-state.c shares with the state file's code
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-sandbox-state.h"

G_BEGIN_DECLS

/* Empties every table of @state (before a load, and after a failed one). */
void _am_sb_state_clear       (AmSbState       *state);
void _am_sb_client_token_free (AmSbClientToken *token);

G_END_DECLS
