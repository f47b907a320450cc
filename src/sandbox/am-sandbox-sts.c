/* am-sandbox-sts.c: STS GetCallerIdentity for the sandbox's accounts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

gboolean
_am_sb_sts_handle (AmSbCall *call)
{
  const char *action = _am_sb_param (call, "Action");
  const char *version = _am_sb_param (call, "Version");
  g_autofree char *arn = NULL;
  g_autofree char *user_id = NULL;
  GString *s = call->body;

  if (action == NULL)
    return _am_sb_fail (call, 400, "MissingAction", "The request must contain the parameter Action.");
  if (g_strcmp0 (version, "2011-06-15") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "STS speaks the API version 2011-06-15.");
  if (strcmp (action, "GetCallerIdentity") != 0)
    return _am_sb_fail (call, 400, "InvalidAction",
                        "The sandbox's STS knows GetCallerIdentity only, not %s.", action);
  arn = g_strdup_printf ("arn:aws:iam::%s:user/%s", call->account->account_id, call->account->name);
  user_id = g_strdup_printf ("AIDA%.16s", call->account->access_key_id + 4);
  g_string_append (s, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                      "<GetCallerIdentityResult>");
  _am_sb_xml_text (s, "Arn", arn);
  _am_sb_xml_text (s, "UserId", user_id);
  _am_sb_xml_text (s, "Account", call->account->account_id);
  g_string_append (s, "</GetCallerIdentityResult><ResponseMetadata>");
  _am_sb_xml_text (s, "RequestId", call->request_id);
  g_string_append (s, "</ResponseMetadata></GetCallerIdentityResponse>");
  return TRUE;
}
