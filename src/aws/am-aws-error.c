/* am-aws-error.c: the AM_AWS_ERROR domain with AWS code, request id and HTTP status
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-aws-error"

#include "config.h"

#include "am-aws-error.h"

typedef struct
{
  char  *aws_code;
  char  *request_id;
  guint  http_status;
  gboolean maybe_applied;
} AmAwsErrorPrivate;

static void
am_aws_error_private_init (AmAwsErrorPrivate *priv)
{
  priv->aws_code = NULL;
  priv->request_id = NULL;
  priv->http_status = 0;
  priv->maybe_applied = FALSE;
}

static void
am_aws_error_private_copy (const AmAwsErrorPrivate *src,
                           AmAwsErrorPrivate       *dest)
{
  dest->aws_code = g_strdup (src->aws_code);
  dest->request_id = g_strdup (src->request_id);
  dest->http_status = src->http_status;
  dest->maybe_applied = src->maybe_applied;
}

static void
am_aws_error_private_clear (AmAwsErrorPrivate *priv)
{
  g_clear_pointer (&priv->aws_code, g_free);
  g_clear_pointer (&priv->request_id, g_free);
}

/* GLib's macro casts the error's private bytes to our struct; clang's -Wcast-align flags
 * that, but GLib allocates the area with the needed alignment. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (AmAwsError, am_aws_error)
#pragma GCC diagnostic pop

GError *
am_aws_error_new (AmAwsErrorCode  code,
                  const char     *aws_code,
                  const char     *request_id,
                  guint           http_status,
                  const char     *format,
                  ...)
{
  g_autofree char *message = NULL;
  AmAwsErrorPrivate *priv;
  GError *error;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (AM_AWS_ERROR, code, message);
  priv = am_aws_error_get_private (error);
  priv->aws_code = g_strdup (aws_code);
  priv->request_id = g_strdup (request_id);
  priv->http_status = http_status;

  return error;
}

GError *
am_aws_error_new_from (const GError *error,
                       const char   *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_val_if_fail (error != NULL && error->domain == AM_AWS_ERROR, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return am_aws_error_new (error->code, am_aws_error_get_code (error),
                           am_aws_error_get_request_id (error),
                           am_aws_error_get_http_status (error), "%s", message);
}

const char *
am_aws_error_get_code (const GError *error)
{
  AmAwsErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = am_aws_error_get_private (error);
  return priv != NULL ? priv->aws_code : NULL;
}

const char *
am_aws_error_get_request_id (const GError *error)
{
  AmAwsErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = am_aws_error_get_private (error);
  return priv != NULL ? priv->request_id : NULL;
}

guint
am_aws_error_get_http_status (const GError *error)
{
  AmAwsErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  priv = am_aws_error_get_private (error);
  return priv != NULL ? priv->http_status : 0;
}

gboolean
am_aws_error_code_is (const GError *error,
                      const char   *aws_code)
{
  const char *code;

  if (error == NULL || error->domain != AM_AWS_ERROR)
    return FALSE;

  code = am_aws_error_get_code (error);
  return code != NULL && g_strcmp0 (code, aws_code) == 0;
}

void
am_aws_error_set_maybe_applied (GError   *error,
                                gboolean  maybe_applied)
{
  AmAwsErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == AM_AWS_ERROR);

  priv = am_aws_error_get_private (error);
  priv->maybe_applied = !!maybe_applied;
}

gboolean
am_aws_error_get_maybe_applied (const GError *error)
{
  AmAwsErrorPrivate *priv;

  if (error == NULL || error->domain != AM_AWS_ERROR)
    return FALSE;

  priv = am_aws_error_get_private (error);
  return priv != NULL && priv->maybe_applied;
}
