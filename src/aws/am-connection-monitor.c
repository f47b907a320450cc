/* am-connection-monitor.c: whether each endpoint answered the last request sent to it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-connection-monitor"

#include "config.h"

#include "am-connection-monitor.h"
#include "am-endpoint.h"

typedef struct
{
  AmConnectionState  state;
  GDateTime         *since;
} HostState;

struct _AmConnectionMonitor
{
  GObject     parent_instance;

  /* owned */
  GMutex      lock;
  GHashTable *hosts;   /* host → HostState */
};

G_DEFINE_FINAL_TYPE (AmConnectionMonitor, am_connection_monitor, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
host_state_free (HostState *state)
{
  g_clear_pointer (&state->since, g_date_time_unref);
  g_free (state);
}

AmConnectionMonitor *
am_connection_monitor_get_default (void)
{
  static gsize monitor;

  /* Never freed, like the shared SoupSession whose outcomes it records. */
  if (g_once_init_enter (&monitor))
    g_once_init_leave (&monitor, (gsize) g_object_new (AM_TYPE_CONNECTION_MONITOR, NULL));

  return (AmConnectionMonitor *) monitor;
}

typedef struct
{
  AmConnectionMonitor *self;
  char                *host;
} Emission;

static gboolean
emit_changed (gpointer user_data)
{
  Emission *emission = user_data;

  g_signal_emit (emission->self, signals[CHANGED], g_quark_from_string (emission->host), emission->host);
  g_object_unref (emission->self);
  g_free (emission->host);
  g_free (emission);
  return G_SOURCE_REMOVE;
}

void
am_connection_monitor_report (AmConnectionMonitor *self,
                              const char          *host,
                              AmConnectionState    state)
{
  HostState *current;
  gboolean changed = FALSE;

  g_return_if_fail (AM_IS_CONNECTION_MONITOR (self));
  g_return_if_fail (host != NULL);

  g_mutex_lock (&self->lock);
  current = g_hash_table_lookup (self->hosts, host);
  if (current == NULL)
    {
      current = g_new0 (HostState, 1);
      g_hash_table_insert (self->hosts, g_strdup (host), current);
    }
  /* Retrying after going offline is still offline, since the first failure. */
  if (state == AM_CONNECTION_RETRYING && current->state == AM_CONNECTION_OFFLINE)
    state = AM_CONNECTION_OFFLINE;
  if (current->state != state)
    {
      current->state = state;
      g_clear_pointer (&current->since, g_date_time_unref);
      current->since = g_date_time_new_now_local ();
      changed = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (changed)
    {
      Emission *emission = g_new0 (Emission, 1);

      g_debug ("%s: %s", host, state == AM_CONNECTION_REACHABLE ? "reachable"
                               : state == AM_CONNECTION_RETRYING ? "retrying"
                               : state == AM_CONNECTION_OFFLINE ? "offline" : "unknown");
      emission->self = g_object_ref (self);
      emission->host = g_strdup (host);
      /* Watchers (the window) live in the main thread, whichever thread sent the request. */
      g_main_context_invoke (NULL, emit_changed, emission);
    }
}

AmConnectionState
am_connection_monitor_get_state (AmConnectionMonitor  *self,
                                 const char           *host,
                                 GDateTime           **since)
{
  HostState *current;
  AmConnectionState state = AM_CONNECTION_UNKNOWN;

  g_return_val_if_fail (AM_IS_CONNECTION_MONITOR (self), AM_CONNECTION_UNKNOWN);

  if (since != NULL)
    *since = NULL;
  if (host == NULL)
    return AM_CONNECTION_UNKNOWN;

  g_mutex_lock (&self->lock);
  current = g_hash_table_lookup (self->hosts, host);
  if (current != NULL)
    {
      state = current->state;
      if (since != NULL && current->since != NULL)
        *since = g_date_time_ref (current->since);
    }
  g_mutex_unlock (&self->lock);

  return state;
}

char *
am_connection_monitor_host_for_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;

  if (url == NULL)
    return NULL;
  uri = am_endpoint_parse (url, NULL);
  return uri != NULL ? am_endpoint_host_header (uri) : NULL;
}

static void
am_connection_monitor_finalize (GObject *object)
{
  AmConnectionMonitor *self = AM_CONNECTION_MONITOR (object);

  g_clear_pointer (&self->hosts, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (am_connection_monitor_parent_class)->finalize (object);
}

static void
am_connection_monitor_class_init (AmConnectionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_connection_monitor_finalize;

  /**
   * AmConnectionMonitor::changed:
   * @host: the host whose state changed (also the signal's detail)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
am_connection_monitor_init (AmConnectionMonitor *self)
{
  g_mutex_init (&self->lock);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) host_state_free);
}
