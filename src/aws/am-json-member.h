/* am-json-member.h: typed access to members of JSON read from files, processes and services
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * JSON from outside (a file on disk, a command's output, a service's answer) may hold any type
 * where a string is expected; json-glib's getters then emit a GLib critical, which aborts under
 * fatal criticals. These getters check first. A missing member and a null are "absent"
 * (%NULL / %FALSE with *@wrong_type %FALSE); a member of another type is absent with
 * *@wrong_type set to %TRUE, so that the caller can say what is wrong. @wrong_type may be %NULL.
 */

const char *am_json_member_string (JsonObject *object,
                                   const char *name,
                                   gboolean   *wrong_type);
JsonObject *am_json_member_object (JsonObject *object,
                                   const char *name,
                                   gboolean   *wrong_type);
JsonArray  *am_json_member_array  (JsonObject *object,
                                   const char *name,
                                   gboolean   *wrong_type);
/** A finite JSON number (integer or not), as a double. */
gboolean    am_json_member_number (JsonObject *object,
                                   const char *name,
                                   double     *value,
                                   gboolean   *wrong_type);
/**
 * am_json_member_int:
 * An integer in [@min, @max]; a number out of range, a fraction or a non-number is a wrong
 * type. Never trust a count or a size read from disk without such bounds.
 */
gboolean    am_json_member_int    (JsonObject *object,
                                   const char *name,
                                   gint64      min,
                                   gint64      max,
                                   gint64     *value,
                                   gboolean   *wrong_type);

/**
 * am_json_epoch_to_date_time:
 * @seconds: seconds since 1970 (a double as JSON gives it)
 * Returns: (transfer full) (nullable): the UTC time, %NULL if @seconds is not finite or lies
 *   outside years 1970 to 9999 (1e300 is not a time)
 */
GDateTime  *am_json_epoch_to_date_time (double seconds);

G_END_DECLS
