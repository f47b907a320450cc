/* am-ec2-operations.h: which EC2 and Auto Scaling operations may be sent twice
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-query-client.h"

G_BEGIN_DECLS

typedef enum
{
  AM_EC2_OPERATION_UNKNOWN,
  AM_EC2_OPERATION_IDEMPOTENT,      /* a read, or a change that a repeat leaves as it is */
  AM_EC2_OPERATION_CLIENT_TOKEN,    /* idempotent when it carries a ClientToken */
  AM_EC2_OPERATION_NOT_IDEMPOTENT,  /* a repeat makes a second change, or fails as a duplicate */
} AmEc2OperationKind;

/** am_ec2_operation_get_kind: the table's entry for @action (UNKNOWN if it has none) */
AmEc2OperationKind am_ec2_operation_get_kind       (const char          *action);

/**
 * am_ec2_operation_is_idempotent:
 * The #AmQueryIdempotentFunc of every EC2 and Auto Scaling client: %TRUE for idempotent
 * operations and for ClientToken operations that carry one; %FALSE for the rest, including
 * an operation missing from the table.
 */
gboolean           am_ec2_operation_is_idempotent  (const AmQueryParams *params);

G_END_DECLS
