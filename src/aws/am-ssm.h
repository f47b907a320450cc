/* am-ssm.h: SSM Parameter Store reads (GetParameter, GetParameters, GetParametersByPath)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-json-client.h"

G_BEGIN_DECLS

/* One parameter as SSM returns it, e.g. the public "latest AMI" parameters under
 * /aws/service/ami-amazon-linux-latest/. */
typedef struct
{
  char      *name;
  char      *value;
  char      *type;          /* "String", "StringList", "SecureString" */
  gint64     version;
  GDateTime *last_modified; /* nullable */
  char      *arn;           /* nullable */
  char      *data_type;     /* nullable, e.g. "aws:ec2:image" */
} AmSsmParameter;

#define AM_TYPE_SSM_PARAMETER (am_ssm_parameter_get_type ())

GType           am_ssm_parameter_get_type (void) G_GNUC_CONST;
AmSsmParameter *am_ssm_parameter_copy     (const AmSsmParameter *parameter);
void            am_ssm_parameter_free     (AmSsmParameter       *parameter);

/**
 * am_ssm_parameter_new_from_json:
 * Returns: (transfer full): the parameter in @object, or %NULL with
 *   AM_AWS_ERROR_MALFORMED_RESPONSE when Name or Value is missing
 */
AmSsmParameter *am_ssm_parameter_new_from_json (JsonObject      *object,
                                                GError         **error);

/** am_ssm_client_new: an AmJsonClient for "ssm" with the "AmazonSSM" target prefix. */
AmJsonClient   *am_ssm_client_new         (AmCredentialsProvider *credentials,
                                           const char            *region,
                                           const char            *endpoint_url,
                                           GError               **error);

void            am_ssm_get_parameter_async  (AmJsonClient        *client,
                                             const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/** Returns: (transfer full): the parameter; ParameterNotFound is an AM_AWS_ERROR_CLIENT error */
AmSsmParameter *am_ssm_get_parameter_finish (AmJsonClient        *client,
                                             GAsyncResult        *result,
                                             GError             **error);

/** am_ssm_get_parameters_async: up to 10 names per call (SSM's limit); more are split. */
void            am_ssm_get_parameters_async (AmJsonClient        *client,
                                             const char * const  *names,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/**
 * am_ssm_get_parameters_finish:
 * @invalid_names: (out) (optional) (transfer full): names SSM did not know
 * Returns: (transfer full) (element-type AmSsmParameter): the parameters found
 */
GPtrArray      *am_ssm_get_parameters_finish (AmJsonClient       *client,
                                              GAsyncResult       *result,
                                              char             ***invalid_names,
                                              GError            **error);

/** am_ssm_get_parameters_by_path_async: walks every page (NextToken). */
void            am_ssm_get_parameters_by_path_async  (AmJsonClient        *client,
                                                      const char          *path,
                                                      gboolean             recursive,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/** Returns: (transfer full) (element-type AmSsmParameter): every parameter under @path */
GPtrArray      *am_ssm_get_parameters_by_path_finish (AmJsonClient        *client,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmSsmParameter, am_ssm_parameter_free)

G_END_DECLS
