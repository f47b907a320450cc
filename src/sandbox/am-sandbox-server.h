/* am-sandbox-server.h: the EC2-compatible sandbox server
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Request bodies above this size are refused (HTTP 413). */
#define AM_SANDBOX_MAX_BODY (1024 * 1024)

/**
 * AmSandboxResponse:
 * @status: the HTTP status
 * @content_type: the Content-Type of @body
 * @headers: (element-type utf8): extra response headers, name and value alternating
 * @body: the response body
 * @delay_ms: latency to add before answering (fault injection)
 * @drop: close the connection without answering; the request was carried out (fault injection)
 */
typedef struct
{
  guint      status;
  char      *content_type;
  GPtrArray *headers;
  GBytes    *body;
  guint      delay_ms;
  gboolean   drop;
} AmSandboxResponse;

void        am_sandbox_response_free (AmSandboxResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmSandboxResponse, am_sandbox_response_free)

#define AM_TYPE_SANDBOX_SERVER (am_sandbox_server_get_type ())
G_DECLARE_FINAL_TYPE (AmSandboxServer, am_sandbox_server, AM, SANDBOX_SERVER, GObject)

const char      *am_sandbox_server_get_version        (void);

AmSandboxServer *am_sandbox_server_new                (void);

/** am_sandbox_server_set_public_images: synthetic public images per region (before load). */
void             am_sandbox_server_set_public_images  (AmSandboxServer  *self,
                                                       guint             n_images);
/** am_sandbox_server_set_recycle_days: every account's Recycle Bin retention rule for
 * deregistered AMIs, in days (default 7; 0: no rule, deregistered images are gone at once). */
void             am_sandbox_server_set_recycle_days   (AmSandboxServer  *self,
                                                       guint             days);
/** am_sandbox_server_set_snapshot_recycle_days: every account's Recycle Bin retention rule for
 * deleted EBS snapshots (resource type EBS_SNAPSHOT), in days (default 7; 0: no rule). */
void             am_sandbox_server_set_snapshot_recycle_days (AmSandboxServer *self,
                                                              guint            days);
/** am_sandbox_server_set_transition_ms: how long pending, stopping, … last (default 3000). */
void             am_sandbox_server_set_transition_ms  (AmSandboxServer  *self,
                                                       guint             transition_ms);
/**
 * am_sandbox_server_set_quotas:
 * @spec: e.g. "images=3,snapshots=10,key-pairs=2,security-groups=5,launch-templates=2,instances=4";
 *   quotas per account and region, the rest keep EC2's defaults
 * Returns: %FALSE with @error set when @spec cannot be parsed.
 */
gboolean         am_sandbox_server_set_quotas         (AmSandboxServer  *self,
                                                       const char       *spec,
                                                       GError          **error);
/**
 * am_sandbox_server_set_faults:
 * @spec: e.g. "throttle=0.2,error5xx=0.1,latency=300ms,truncate=0.05,skew=600s,drop=0.1";
 *   "drop-once=ACTION" (repeatable) drops the answer to the next successful ACTION only;
 *   "region-down=REGION" (repeatable) closes every connection signed for REGION unanswered
 * Returns: %FALSE with @error set when @spec cannot be parsed.
 */
gboolean         am_sandbox_server_set_faults         (AmSandboxServer  *self,
                                                       const char       *spec,
                                                       GError          **error);
void             am_sandbox_server_set_fault_seed     (AmSandboxServer  *self,
                                                       guint32           seed);
/**
 * am_sandbox_server_set_verify_signatures:
 * Only for fuzzing: with %FALSE every request is taken as signed by alice in us-east-1.
 */
void             am_sandbox_server_set_verify_signatures (AmSandboxServer *self,
                                                          gboolean         verify);

/**
 * am_sandbox_server_load:
 * @data_dir: (nullable): where state.json lives; %NULL keeps the state in memory only
 */
gboolean         am_sandbox_server_load               (AmSandboxServer  *self,
                                                       const char       *data_dir,
                                                       GError          **error);

/**
 * am_sandbox_server_seed_scale:
 * @spec: "lifecycle" or e.g. "images=10000,snapshots=20000,instances=2000,launch-templates=300"
 * After am_sandbox_server_load(): gives alice that many resources over the five regions
 * (am-sandbox-scale.h), straight into the state, and saves it once.
 */
gboolean         am_sandbox_server_seed_scale         (AmSandboxServer  *self,
                                                       const char       *spec,
                                                       GError          **error);

/**
 * am_sandbox_server_handle:
 * @path: the request path as on the wire
 * @query: (nullable): the raw query string as on the wire, without '?'
 * @headers: the request headers
 *
 * Handles one request without any network: verification, faults, dispatch, persistence.
 * Returns: (transfer full): the response
 */
AmSandboxResponse *am_sandbox_server_handle           (AmSandboxServer    *self,
                                                       const char         *method,
                                                       const char         *path,
                                                       const char         *query,
                                                       SoupMessageHeaders *headers,
                                                       const char         *body,
                                                       gsize               length);

/**
 * am_sandbox_server_listen:
 * @address: (nullable): an IP address to listen on; %NULL means 127.0.0.1
 * @port: 0 for an ephemeral port
 */
gboolean         am_sandbox_server_listen             (AmSandboxServer  *self,
                                                       const char       *address,
                                                       guint             port,
                                                       GError          **error);
/** am_sandbox_server_get_uri: Returns: (transfer full): "http://ADDRESS:PORT" once listening */
char            *am_sandbox_server_get_uri            (AmSandboxServer  *self);
void             am_sandbox_server_disconnect         (AmSandboxServer  *self);

G_END_DECLS
