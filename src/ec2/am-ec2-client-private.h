/* am-ec2-client-private.h: what the files of AmEc2Client (and the Auto Scaling client) share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-ec2-error.h"
#include "am-ec2-model-private.h"
#include "am-ec2-parse-private.h"
#include "am-query-client.h"

G_BEGIN_DECLS

#define EC2_VERSION "2016-11-15"

/* @error prefixed with "@what: " in its own domain and code (AWS details kept); a cancellation
 * is copied as it is. */
GError        *_am_ec2_error_with_context (const GError  *error,
                                           const char    *what);

/* A Query client for @service in @region with @ec2's credentials and retry count; a custom
 * endpoint of @ec2 (the sandbox, a local emulator) is used for it too. */
AmQueryClient *_am_ec2_client_derive_query (AmEc2Client   *ec2,
                                            const char    *service,
                                            const char    *region,
                                            GError       **error);

/* --- one call: its parameters go out, its answer comes back as a value --------------------- */

typedef enum
{
  AM_EC2_RESULT_RETURN,      /* <return>true</return> (or nothing) */
  AM_EC2_RESULT_VALUE,       /* the text of one child of the response */
  AM_EC2_RESULT_OBJECT,      /* one model object */
  AM_EC2_RESULT_LIST,        /* one page of model objects, parsed on the main thread */
  AM_EC2_RESULT_LIST_ALL,    /* every page */
  AM_EC2_RESULT_IMAGES,      /* one page of images, parsed in a worker thread */
  AM_EC2_RESULT_PARSED,      /* whatever the call's own parse function makes of the answer */
} AmEc2ResultKind;

/* Turns a response into the call's value (non-%NULL), or fails with @error. */
typedef gpointer (*AmEc2ParseFunc) (GBytes  *body,
                                    GError **error);

typedef enum
{
  AM_EC2_RECOVER_NONE,
  AM_EC2_RECOVER_IMAGE,           /* DescribeImages Owner=self, name → imageId */
  AM_EC2_RECOVER_SECURITY_GROUP,  /* DescribeSecurityGroups group-name (+ vpc-id) → groupId */
  AM_EC2_RECOVER_KEY_PAIR,        /* DescribeKeyPairs key-name → its material is lost */
} AmEc2RecoverKind;

typedef struct
{
  AmEc2ResultKind    kind;
  const AmModelInfo  *info;
  const char * const *path;
  const char         *element;
  AmEc2ParseFunc      parse;       /* AM_EC2_RESULT_PARSED */
  GDestroyNotify      parse_free;
  char               *what;        /* "Could not deregister ami-123" */
  gboolean            dry_run;

  GBytes             *body;
  GPtrArray          *items;

  gpointer            value;
  GDestroyNotify      value_free;
  char               *next_token;
  gboolean            dry_run_ok;

  /* A creation without a ClientToken (CreateImage, …): how to find by name what an attempt
   * whose answer was lost made. */
  AmEc2RecoverKind   recover;
  char               *recover_name;
  char               *recover_key;   /* "Action/name/vpc", in AmEc2Client:uncertain */
  AmQueryParams      *lookup;
  const AmModelInfo  *lookup_info;
  const char * const *lookup_path;
  GError             *lost_error;    /* the failure the lookup may explain */
} AmEc2Call;


AmEc2Call     *_am_ec2_call_new                  (AmEc2ResultKind      kind,
                                                  char                *what);
/* A call whose answer holds objects of @info at @path. */
AmEc2Call     *_am_ec2_call_new_model            (AmEc2ResultKind      kind,
                                                  char                *what,
                                                  const AmModelInfo   *info,
                                                  const char * const  *path);
/* Makes @call find by name what an attempt of @action whose answer was lost made. */
void           _am_ec2_call_set_recover          (AmEc2Call           *call,
                                                  AmEc2RecoverKind     kind,
                                                  const char          *action,
                                                  const char          *name,
                                                  const char          *vpc_id);
gpointer       _am_ec2_call_steal_value          (AmEc2Call           *call);

/* Sends @params (taken) and finishes @call (taken) on a task tagged @source_tag. */
void           _am_ec2_client_start_call         (AmEc2Client         *self,
                                                  AmQueryParams       *params,
                                                  AmEc2Call           *call,
                                                  gboolean             dry_run,
                                                  gpointer             source_tag,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* Describe calls that walk every page: the common part. */
void           _am_ec2_client_describe_all       (AmEc2Client         *self,
                                                  AmQueryParams       *params,
                                                  const AmModelInfo   *info,
                                                  const char * const  *path,
                                                  char                *what,
                                                  gpointer             source_tag,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* An action whose only parameter is ImageId and whose answer is <return>. */
void           _am_ec2_client_image_id_call      (AmEc2Client         *self,
                                                  const char          *action,
                                                  const char          *image_id,
                                                  char                *what,
                                                  gboolean             dry_run,
                                                  gpointer             source_tag,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* Returns: (transfer none): the finished call, or NULL with @error */
AmEc2Call     *_am_ec2_client_finish_call        (AmEc2Client         *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  gboolean            *dry_run_ok,
                                                  GError             **error);
gboolean       _am_ec2_client_finish_simple      (AmEc2Client         *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  gboolean            *dry_run_ok,
                                                  GError             **error);
GPtrArray     *_am_ec2_client_finish_list        (AmEc2Client         *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  GError             **error);
gboolean       _am_ec2_client_finish_value       (AmEc2Client         *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  gpointer            *out,
                                                  gboolean            *dry_run_ok,
                                                  GError             **error);
void           _am_ec2_client_emit_image_created (AmEc2Client         *self,
                                                  const char          *image_id);

/* --- parameters (am-ec2-client-params.c) ---------------------------------------------------- */

AmQueryParams *_am_ec2_params_new                    (const char                  *action);
void           _am_ec2_params_add_filter_value       (AmQueryParams               *params,
                                                      const char                  *name,
                                                      const char                  *value);
/* Adds @values as @prefix.N, nothing when there are none. */
void           _am_ec2_params_add_list               (AmQueryParams               *params,
                                                      const char                  *prefix,
                                                      const char * const          *values);
void           _am_ec2_params_add_filters            (AmQueryParams               *params,
                                                      GPtrArray                   *filters);
/* A Describe action's parameters: @ids as @id_prefix.N, then @filters. */
AmQueryParams *_am_ec2_params_new_describe           (const char                  *action,
                                                      const char                  *id_prefix,
                                                      const char * const          *ids,
                                                      GPtrArray                   *filters);
void           _am_ec2_params_add_block_devices      (AmQueryParams               *params,
                                                      const char                  *prefix,
                                                      GPtrArray                   *specs);
void           _am_ec2_params_add_tag_specifications (AmQueryParams               *params,
                                                      const char                  *prefix,
                                                      GPtrArray                   *specs);
/* RunInstances and LaunchTemplateData share most names; @p is "" or "LaunchTemplateData.". */
void           _am_ec2_params_add_launch_fields      (AmQueryParams               *params,
                                                      const char                  *p,
                                                      const AmRunInstancesRequest *request,
                                                      gboolean                     for_template);
/* Appends @spec (taken) to *@list, made on first use. */
void           _am_ec2_tag_specifications_append     (GPtrArray                  **list,
                                                      AmTagSpecification          *spec);
/* Returns: *@token, first set to a new random one when it is %NULL or empty. */
const char    *_am_ec2_ensure_client_token           (char                       **token);
/* "id1, id2" for messages ("nothing" for none). */
char          *_am_ec2_join_ids                      (const char * const          *ids);

G_END_DECLS
