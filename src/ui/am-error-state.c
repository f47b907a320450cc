/* am-error-state.c: a view's error state: what went wrong and what to do, details, one button
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-error-state"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-error-state.h"

struct _AmErrorState
{
  AdwBin         parent_instance;

  /* template widgets */
  AdwStatusPage *status_page;
  GtkButton     *button;
  GtkExpander   *expander;
  GtkLabel      *details_label;

  /* state */
  char          *summary;
  char          *details;
};

G_DEFINE_FINAL_TYPE (AmErrorState, am_error_state, ADW_TYPE_BIN)

GtkWidget *
am_error_state_new (void)
{
  return g_object_new (AM_TYPE_ERROR_STATE, NULL);
}

char *
am_error_state_summarize (const GError *error,
                          const char   *profile,
                          const char   *endpoint)
{
  const char *code;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    return g_strdup (_("The built-in sandbox stopped. Restart it to go on: nothing is lost."));
  if (error->domain != AM_AWS_ERROR)
    return g_strdup (error->message);

  switch ((AmAwsErrorCode) error->code)
    {
    case AM_AWS_ERROR_NETWORK:
      return g_strdup_printf (_("Could not reach %s. Check the network connection and the endpoint, then retry."),
                              endpoint != NULL ? endpoint : _("the endpoint"));
    case AM_AWS_ERROR_AUTH:
    case AM_AWS_ERROR_NO_CREDENTIALS:
      return g_strdup_printf (_("The profile “%s” was refused. Check its keys and permissions, then retry."),
                              profile != NULL ? profile : "");
    case AM_AWS_ERROR_THROTTLED:
      return g_strdup (_("The service is limiting requests. Wait a moment, then retry."));
    case AM_AWS_ERROR_SERVER:
      return g_strdup (_("The service is having trouble. Retry in a moment."));
    case AM_AWS_ERROR_CLOCK_SKEW:
      return g_strdup (_("This computer’s clock is off. Correct its clock and time zone, then retry."));
    case AM_AWS_ERROR_MALFORMED_RESPONSE:
      return g_strdup (_("The endpoint gave an answer Amiable cannot read. Check the endpoint setting."));
    default:
      code = am_aws_error_get_code (error);
      if (code != NULL)
        return g_strdup_printf (_("The service refused the request (%s). See Details, then retry."), code);
      return g_strdup (error->message);
    }
}

static char *
describe_chain (const GError *error,
                const char   *operation,
                const char   *endpoint)
{
  GString *text = g_string_new (NULL);

  if (operation != NULL)
    g_string_append_printf (text, _("Request: %s\n"), operation);
  if (endpoint != NULL)
    g_string_append_printf (text, _("Endpoint: %s\n"), endpoint);
  if (error->domain == AM_AWS_ERROR)
    {
      if (am_aws_error_get_code (error) != NULL)
        g_string_append_printf (text, _("Error code: %s\n"), am_aws_error_get_code (error));
      if (am_aws_error_get_http_status (error) != 0)
        g_string_append_printf (text, _("HTTP status: %u\n"), am_aws_error_get_http_status (error));
      if (am_aws_error_get_request_id (error) != NULL)
        g_string_append_printf (text, _("Request ID: %s\n"), am_aws_error_get_request_id (error));
    }
  g_string_append (text, error->message);

  return g_string_free (text, FALSE);
}

void
am_error_state_set_error (AmErrorState *self,
                          const char   *title,
                          const GError *error,
                          const char   *operation,
                          const char   *profile,
                          const char   *endpoint)
{
  g_return_if_fail (AM_IS_ERROR_STATE (self));
  g_return_if_fail (error != NULL);

  g_free (self->summary);
  self->summary = am_error_state_summarize (error, profile, endpoint);
  g_free (self->details);
  self->details = describe_chain (error, operation, endpoint);

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, self->summary);
  adw_status_page_set_icon_name (self->status_page,
                                 g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH)
                                 ? "dialog-password-symbolic" : "network-error-symbolic");
  gtk_label_set_label (self->details_label, self->details);
}

void
am_error_state_set_action (AmErrorState *self,
                           const char   *label,
                           const char   *action_name)
{
  g_return_if_fail (AM_IS_ERROR_STATE (self));

  gtk_button_set_label (self->button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action_name);
}

const char *
am_error_state_get_summary (AmErrorState *self)
{
  g_return_val_if_fail (AM_IS_ERROR_STATE (self), NULL);

  return self->summary;
}

const char *
am_error_state_get_details (AmErrorState *self)
{
  g_return_val_if_fail (AM_IS_ERROR_STATE (self), NULL);

  return self->details;
}

GtkButton *
am_error_state_get_button (AmErrorState *self)
{
  g_return_val_if_fail (AM_IS_ERROR_STATE (self), NULL);

  return self->button;
}

/* No dispose: the template's one child is AdwBin's child, which AdwBin unparents itself. */
static void
am_error_state_finalize (GObject *object)
{
  AmErrorState *self = AM_ERROR_STATE (object);

  g_free (self->summary);
  g_free (self->details);

  G_OBJECT_CLASS (am_error_state_parent_class)->finalize (object);
}

static void
am_error_state_class_init (AmErrorStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = am_error_state_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/am-error-state.ui");
  gtk_widget_class_bind_template_child (widget_class, AmErrorState, status_page);
  gtk_widget_class_bind_template_child (widget_class, AmErrorState, button);
  gtk_widget_class_bind_template_child (widget_class, AmErrorState, expander);
  gtk_widget_class_bind_template_child (widget_class, AmErrorState, details_label);
}

static void
am_error_state_init (AmErrorState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
