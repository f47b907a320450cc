/* am-sandbox-state-private.h: what am-sandbox-state.c shares with the state file's code
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-sandbox-record.h"
#include "am-sandbox-state.h"

G_BEGIN_DECLS

/* Empties every table of @state (before a load, and after a failed one). */
void _am_sb_state_clear       (AmSbState       *state);
void _am_sb_client_token_free (AmSbClientToken *token);

/* The field tables of the resources the state's tables hold (am-sandbox-resources.c). */
extern const AmSbRecordType _am_sb_image_record;
extern const AmSbRecordType _am_sb_snapshot_record;
extern const AmSbRecordType _am_sb_instance_record;
extern const AmSbRecordType _am_sb_key_pair_record;
extern const AmSbRecordType _am_sb_vpc_record;
extern const AmSbRecordType _am_sb_subnet_record;
extern const AmSbRecordType _am_sb_security_group_record;
extern const AmSbRecordType _am_sb_launch_template_record;
extern const AmSbRecordType _am_sb_client_token_record;
extern const AmSbRecordType _am_sb_auto_scaling_group_record;

G_END_DECLS
