/* am-ssm-private.h: the reader of SSM's GetParameters and GetParametersByPath pages, for the fuzzers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ssm.h"

G_BEGIN_DECLS

/* Appends the page's "Parameters" (AmSsmParameter) to @parameters and its
 * "InvalidParameters" (strings) to @invalid_names; FALSE on a malformed parameter. */
gboolean _am_ssm_collect_parameters (JsonObject  *response,
                                     GPtrArray   *parameters,
                                     GPtrArray   *invalid_names,
                                     GError     **error);

G_END_DECLS
