/* am-connection-monitor.h: whether each endpoint answered the last request sent to it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The transport reports every attempt's outcome here, keyed by the endpoint's host:port, so
 * that the window can say whether its endpoint is reachable without asking anything itself:
 * an HTTP answer (even an error) means REACHABLE, a connection that failed with a retry to
 * come means RETRYING, one that failed for good means OFFLINE (since the first such failure).
 */
typedef enum
{
  AM_CONNECTION_UNKNOWN,
  AM_CONNECTION_REACHABLE,
  AM_CONNECTION_RETRYING,
  AM_CONNECTION_OFFLINE,
} AmConnectionState;

#define AM_TYPE_CONNECTION_MONITOR (am_connection_monitor_get_type ())

G_DECLARE_FINAL_TYPE (AmConnectionMonitor, am_connection_monitor, AM, CONNECTION_MONITOR, GObject)

/** am_connection_monitor_get_default: Returns: (transfer none): the process's monitor */
AmConnectionMonitor *am_connection_monitor_get_default (void);
/**
 * am_connection_monitor_report:
 * Records an outcome for @host (as in a Host header, "host" or "host:port") and emits
 * "changed" in the main context when the state changed.
 */
void                 am_connection_monitor_report      (AmConnectionMonitor *self,
                                                        const char          *host,
                                                        AmConnectionState    state);
/**
 * am_connection_monitor_get_state:
 * @since: (out) (optional) (transfer full) (nullable): when the state began
 */
AmConnectionState    am_connection_monitor_get_state   (AmConnectionMonitor *self,
                                                        const char          *host,
                                                        GDateTime          **since);
/** am_connection_monitor_host_for_url: Returns: (transfer full) (nullable): @url's key */
char                *am_connection_monitor_host_for_url (const char         *url);

G_END_DECLS
