/* am-copy-image-request.c: everything one CopyImage call sends
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-copy-image-request"

#include "config.h"

#include "am-ec2-client-private.h"

#include "am-copy-image-request.h"

G_DEFINE_BOXED_TYPE (AmCopyImageRequest, am_copy_image_request,
                     am_copy_image_request_copy, am_copy_image_request_free)

AmCopyImageRequest *
am_copy_image_request_new (const char *source_image_id,
                           const char *source_region,
                           const char *name)
{
  AmCopyImageRequest *request = g_new0 (AmCopyImageRequest, 1);

  request->source_image_id = g_strdup (source_image_id);
  request->source_region = g_strdup (source_region);
  request->name = g_strdup (name);
  return request;
}

AmCopyImageRequest *
am_copy_image_request_copy (const AmCopyImageRequest *request)
{
  AmCopyImageRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->source_image_id = g_strdup (request->source_image_id);
  copy->source_region = g_strdup (request->source_region);
  copy->name = g_strdup (request->name);
  copy->description = g_strdup (request->description);
  copy->kms_key_id = g_strdup (request->kms_key_id);
  copy->client_token = g_strdup (request->client_token);
  copy->tag_specifications = NULL;
  if (request->tag_specifications != NULL)
    for (guint i = 0; i < request->tag_specifications->len; i++)
      am_copy_image_request_add_tag_specification (copy,
        am_tag_specification_copy (request->tag_specifications->pdata[i]));
  return copy;
}

void
am_copy_image_request_free (AmCopyImageRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->source_image_id);
  g_free (request->source_region);
  g_free (request->name);
  g_free (request->description);
  g_free (request->kms_key_id);
  g_clear_pointer (&request->tag_specifications, g_ptr_array_unref);
  g_free (request->client_token);
  g_free (request);
}

void
am_copy_image_request_add_tag_specification (AmCopyImageRequest *request,
                                             AmTagSpecification *spec)
{
  g_return_if_fail (request != NULL && spec != NULL);

  _am_ec2_tag_specifications_append (&request->tag_specifications, spec);
}

const char *
am_copy_image_request_ensure_client_token (AmCopyImageRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);

  return _am_ec2_ensure_client_token (&request->client_token);
}
