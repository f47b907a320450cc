/* am-copy-image-request.h: everything one CopyImage call sends
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag-specification.h"

G_BEGIN_DECLS

/*
 * Serialised as SourceImageId, SourceRegion, Name, Description, Encrypted, KmsKeyId,
 * CopyImageTags, TagSpecification.N.*, ClientToken. The call goes to the client of the
 * *destination* Region.
 */
typedef struct
{
  char       *source_image_id;
  char       *source_region;
  char       *name;
  char       *description;
  gboolean    encrypted;
  char       *kms_key_id;
  gboolean    copy_image_tags;
  GPtrArray  *tag_specifications;   /* (element-type AmTagSpecification) */
  char       *client_token;         /* see am_copy_image_request_ensure_client_token() */
} AmCopyImageRequest;

#define AM_TYPE_COPY_IMAGE_REQUEST (am_copy_image_request_get_type ())

GType               am_copy_image_request_get_type (void) G_GNUC_CONST;
AmCopyImageRequest *am_copy_image_request_new      (const char               *source_image_id,
                                                    const char               *source_region,
                                                    const char               *name);
AmCopyImageRequest *am_copy_image_request_copy     (const AmCopyImageRequest *request);
void                am_copy_image_request_free     (AmCopyImageRequest       *request);
/** am_copy_image_request_add_tag_specification: takes ownership of @spec */
void                am_copy_image_request_add_tag_specification (AmCopyImageRequest *request,
                                                                 AmTagSpecification *spec);
/** Like am_run_instances_request_ensure_client_token(): keep the request to retry. */
const char         *am_copy_image_request_ensure_client_token (AmCopyImageRequest *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmCopyImageRequest, am_copy_image_request_free)

G_END_DECLS
