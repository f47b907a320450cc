/* am-launch-review-page.c: the launch wizard's review page: the summary and a dry run per zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-launch-review-page.h"
#include "am-launch-zone.h"

struct _AmLaunchReviewPage
{
  AmLaunchPage parent_instance;

  /* template widgets */
  GtkLabel *review_heading;

  /* built widgets */
  GtkListBox *summary_list;
  GtkListBox *dry_run_list;
  GtkLabel *dry_run_status;
  GtkWidget *dry_run_group;

  /* owned references */
  GCancellable *dry_run_cancellable;
  GPtrArray *dry_zones;      /* AmLaunchZone */

  /* state */
  guint dry_run_generation;
  gboolean dry_run_stale;     /* the request changed since the dry runs ended */
  gboolean template_mode;     /* the dry run checks one instance per subnet */
};

G_DEFINE_FINAL_TYPE (AmLaunchReviewPage, am_launch_review_page, AM_TYPE_LAUNCH_PAGE)

enum
{
  DRY_RUN_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Whether a dry run failed for a reason @step fixes (until the request changes). */
gboolean
am_launch_review_page_blames (AmLaunchReviewPage *self,
                              AmLaunchStep        step)
{
  if (self->dry_run_stale || self->dry_zones == NULL)
    return FALSE;
  for (guint i = 0; i < self->dry_zones->len; i++)
    {
      AmLaunchZone *zone = g_ptr_array_index (self->dry_zones, i);

      if (zone->state == AM_LAUNCH_ZONE_FAILED && zone->error != NULL
          && am_launch_step_for_error (zone->error) == step && step != AM_LAUNCH_STEP_REVIEW)
        return TRUE;
    }
  return FALSE;
}

/* review.edit(step): an Edit button's target is the step that changes what its row says */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  am_launch_page_go_to (AM_LAUNCH_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
add_review_row (AmLaunchReviewPage *self,
                const char     *title,
                const char     *subtitle,
                AmLaunchStep    step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Edit"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", (guint32) step);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->summary_list, row);
}

static void
rebuild_summary (AmLaunchReviewPage *self)
{
  AmLaunchRequest *r = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  AmImage *image = am_launch_request_get_image (r);
  AmInstanceType *type = am_launch_request_get_instance_type (r);
  g_autofree char *image_text = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *network = NULL;
  g_autoptr (GString) groups = g_string_new (NULL);
  g_autoptr (GString) storage = g_string_new (NULL);
  g_autoptr (GString) details = g_string_new (NULL);
  const char * const *group_ids = am_launch_request_get_security_groups (r);
  GPtrArray *subnets = am_launch_request_get_subnets (r);

  am_launch_clear_list (self->summary_list);
  if (image != NULL)
    image_text = g_strdup_printf ("%s (%s, %s)", am_image_get_name (image), am_image_get_image_id (image),
                                  am_image_get_architecture (image));
  add_review_row (self, _("Image"), image_text, AM_LAUNCH_STEP_IMAGE);
  if (type != NULL)
    {
      g_autofree char *memory = am_launch_format_memory (am_instance_type_get_memory_mib (type));

      type_text = g_strdup_printf (_("%s · %d vCPUs · %s"), am_instance_type_get_instance_type (type),
                                   am_instance_type_get_default_vcpus (type), memory);
    }
  add_review_row (self, _("Instance type"), type_text, AM_LAUNCH_STEP_INSTANCE_TYPE);
  add_review_row (self, _("Key pair"),
                  am_launch_request_get_key_name (r) != NULL ? am_launch_request_get_key_name (r)
                                                             : _("None: you cannot log in with a key"),
                  AM_LAUNCH_STEP_KEY_PAIR);
  network = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u subnet · public address: %s",
                                          "%s · %u subnets · public address: %s", subnets->len),
                             am_launch_request_get_vpc (r) != NULL ? am_vpc_get_vpc_id (am_launch_request_get_vpc (r)) : "—", subnets->len,
                             am_launch_request_get_public_ip (r) == AM_LAUNCH_PUBLIC_IP_ENABLE ? _("yes")
                             : am_launch_request_get_public_ip (r) == AM_LAUNCH_PUBLIC_IP_DISABLE ? _("no")
                             : _("subnet's setting"));
  add_review_row (self, _("Network"), network, AM_LAUNCH_STEP_NETWORK);
  if (self->template_mode)
    add_review_row (self, _("Number of instances and zones"),
                    _("Not in the template: decided by the Auto Scaling group that uses it"), AM_LAUNCH_STEP_NETWORK);
  for (guint i = 0; group_ids[i] != NULL; i++)
    g_string_append_printf (groups, "%s%s", groups->len > 0 ? ", " : "", group_ids[i]);
  if (am_launch_request_get_create_group (r))
    {
      g_autofree char *cidr = am_launch_request_dup_new_group_cidr (r);
      AmLaunchRules rules = am_launch_request_get_new_group_rules (r);
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      g_autofree char *ports = NULL;

      if (rules & AM_LAUNCH_RULE_SSH)
        g_ptr_array_add (names, (gpointer) "SSH");
      if (rules & AM_LAUNCH_RULE_HTTP)
        g_ptr_array_add (names, (gpointer) "HTTP");
      if (rules & AM_LAUNCH_RULE_HTTPS)
        g_ptr_array_add (names, (gpointer) "HTTPS");
      g_ptr_array_add (names, NULL);
      ports = g_strjoinv (", ", (char **) names->pdata);
      if (groups->len > 0)
        g_string_append (groups, ", ");
      if (*ports == '\0')
        g_string_append_printf (groups, _("new group %s (no inbound rules)"),
                                am_launch_request_get_new_group_name (r));
      else
        /* Translators: the new security group's name, its ports (e.g. "SSH, HTTPS") and address block */
        g_string_append_printf (groups, _("new group %s (%s from %s)"),
                                am_launch_request_get_new_group_name (r), ports, cidr != NULL ? cidr : "?");
    }
  add_review_row (self, _("Security groups"), groups->str, AM_LAUNCH_STEP_NETWORK);
  for (guint i = 0; i < am_launch_request_get_n_volumes (r); i++)
    {
      const AmLaunchVolume *volume = am_launch_request_get_volume (r, i);

      if (storage->len > 0)
        g_string_append (storage, "; ");
      if (volume->virtual_name != NULL)
        g_string_append_printf (storage, "%s %s", volume->device_name, volume->virtual_name);
      else
        g_string_append_printf (storage, _("%s %d GiB %s%s"), volume->device_name, volume->size,
                                volume->volume_type, volume->encrypted ? _(" encrypted") : "");
    }
  add_review_row (self, _("Storage"), storage->str, AM_LAUNCH_STEP_STORAGE);
  for (guint i = 0; i < am_launch_request_get_n_tags (r); i++)
    {
      const AmLaunchTag *tag = am_launch_request_get_tag (r, i);

      g_string_append_printf (details, "%s%s=%s", details->len > 0 ? ", " : "", tag->key, tag->value);
    }
  if (am_launch_request_get_user_data (r) != NULL)
    g_string_append_printf (details, _("%suser data (%lu bytes)"), details->len > 0 ? ", " : "",
                            (unsigned long) g_bytes_get_size (am_launch_request_get_user_data (r)));
  g_string_append_printf (details, _("%sIMDSv2 %s, on shutdown %s%s"), details->len > 0 ? ", " : "",
                          am_launch_request_get_imdsv2_required (r) ? _("required") : _("optional"),
                          am_launch_request_get_shutdown_terminates (r) ? _("terminate") : _("stop"),
                          am_launch_request_get_termination_protection (r) ? _(", termination protection") : "");
  add_review_row (self, _("Details"), details->str, AM_LAUNCH_STEP_DETAILS);
}

/* A dry run's Fix in…: the page that can fix its error */
static void
zone_fix_cb (AmLaunchZone *zone,
             gpointer      user_data)
{
  AmLaunchReviewPage *self = user_data;

  am_launch_page_go_to (AM_LAUNCH_PAGE (self), am_launch_step_for_error (zone->error));
}

typedef struct
{
  AmLaunchReviewPage *self;
  AmLaunchZone *zone;
  guint generation;
} ZoneCall;

/* A zone's dry run has answered. */
static void
zone_call_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZoneCall *call = user_data;
  g_autoptr (AmLaunchReviewPage) self = call->self;
  AmLaunchZone *zone = call->zone;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  gboolean stale = call->generation != self->dry_run_generation;
  guint failed = 0, done = 0;

  g_free (call);
  instances = am_launch_request_run_finish (AM_LAUNCH_REQUEST (object), result, NULL, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || stale)
    return;

  g_clear_error (&zone->error);
  if (instances == NULL)
    {
      g_debug ("Dry run in %s failed: %s", am_subnet_get_availability_zone (zone->subnet), error->message);
      zone->state = AM_LAUNCH_ZONE_FAILED;
      zone->error = g_steal_pointer (&error);
    }
  else
    zone->state = AM_LAUNCH_ZONE_DONE;
  am_launch_zone_show (zone);

  for (guint i = 0; i < self->dry_zones->len; i++)
    {
      AmLaunchZone *z = g_ptr_array_index (self->dry_zones, i);

      failed += z->state == AM_LAUNCH_ZONE_FAILED;
      done += z->state == AM_LAUNCH_ZONE_DONE;
    }
  if (failed > 0)
    gtk_label_set_text (self->dry_run_status,
                        _("The dry run found a problem: fix it on the page named next to the zone, then come back."));
  else if (done == self->dry_zones->len)
    gtk_label_set_text (self->dry_run_status,
                        self->template_mode
                        ? _("EC2 accepted every zone's request without launching anything: a template with these settings will launch. Save it when ready.")
                        : _("EC2 accepted every zone's request without launching anything: the launch would succeed. Launch when ready."));
  g_signal_emit (self, signals[DRY_RUN_CHANGED], 0);
}

/* What the dry runs check: the launch as planned, or for a template (which holds no count and
 * no subnet) one instance in each chosen subnet, as a group spreading over them would start. */
static GArray *
dry_run_plan (AmLaunchReviewPage *self)
{
  GPtrArray *subnets = am_launch_request_get_subnets (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  GArray *plan;

  if (!self->template_mode)
    return am_launch_request_plan (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  plan = g_array_new (FALSE, TRUE, sizeof (AmLaunchPlacement));
  for (guint i = 0; i < subnets->len; i++)
    {
      AmLaunchPlacement placement = { g_ptr_array_index (subnets, i), 1 };

      g_array_append_val (plan, placement);
    }
  return plan;
}

void
am_launch_review_page_start (AmLaunchReviewPage *self)
{
  g_autoptr (GArray) plan = NULL;
  AmQueryClient *client;

  rebuild_summary (self);
  g_cancellable_cancel (self->dry_run_cancellable);
  g_clear_object (&self->dry_run_cancellable);
  self->dry_run_cancellable = g_cancellable_new ();
  self->dry_run_generation++;
  self->dry_run_stale = FALSE;
  am_launch_clear_list (self->dry_run_list);
  g_ptr_array_set_size (self->dry_zones, 0);

  if (!am_launch_request_validate (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), NULL) || am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    {
      gtk_label_set_text (self->dry_run_status, _("Complete the earlier steps first."));
      return;
    }
  gtk_label_set_text (self->dry_run_status, _("Asking EC2 whether each zone's launch would succeed, without launching…"));
  client = am_ec2_client_get_query_client (am_launch_page_get_client (AM_LAUNCH_PAGE (self)));
  plan = dry_run_plan (self);
  for (guint i = 0; i < plan->len; i++)
    {
      AmLaunchPlacement *placement = &g_array_index (plan, AmLaunchPlacement, i);
      AmLaunchZone *zone = am_launch_zone_new (placement, self->dry_run_list, TRUE, self->template_mode, zone_fix_cb, self);
      ZoneCall *call = g_new0 (ZoneCall, 1);

      g_ptr_array_add (self->dry_zones, zone);
      zone->state = AM_LAUNCH_ZONE_RUNNING;
      am_launch_zone_show (zone);
      call->self = g_object_ref (self);
      call->zone = zone;
      call->generation = self->dry_run_generation;
      am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
      am_launch_request_run_async (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), client, placement, TRUE, self->dry_run_cancellable,
                                   zone_call_cb, call);
    }
}

static void
build_page (AmLaunchReviewPage *self)
{
  GtkWidget *group;

  group = am_launch_group_new (GTK_BOX (self), _("Spread over Availability Zones and dry run"),
                     _("One RunInstances request per zone, each with its own idempotency token."));
  self->dry_run_group = group;
  self->dry_run_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->dry_run_status), "dry-run-status");
  gtk_label_set_xalign (self->dry_run_status, 0);
  gtk_label_set_wrap (self->dry_run_status, TRUE);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->dry_run_status), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->dry_run_status));
  self->dry_run_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Dry run per zone")));
  gtk_widget_set_name (GTK_WIDGET (self->dry_run_list), "dry-run-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->dry_run_list));

  group = am_launch_group_new (GTK_BOX (self), _("Summary"), NULL);
  self->summary_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Summary")));
  gtk_widget_set_name (GTK_WIDGET (self->summary_list), "summary-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary_list));
}

static void
am_launch_review_page_dispose (GObject *object)
{
  AmLaunchReviewPage *self = AM_LAUNCH_REVIEW_PAGE (object);

  g_cancellable_cancel (self->dry_run_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_LAUNCH_REVIEW_PAGE);
  g_clear_object (&self->dry_run_cancellable);
  g_clear_pointer (&self->dry_zones, g_ptr_array_unref);

  G_OBJECT_CLASS (am_launch_review_page_parent_class)->dispose (object);
}

static void
am_launch_review_page_class_init (AmLaunchReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_launch_review_page_dispose;

  /**
   * AmLaunchReviewPage::dry-run-changed:
   * A zone's dry run answered: what the wizard allows may have changed.
   */
  signals[DRY_RUN_CHANGED] = g_signal_new ("dry-run-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-review-page.ui");
  gtk_widget_class_install_action (widget_class, "review.edit", "u", edit_action);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchReviewPage, review_heading);
}

static void
am_launch_review_page_init (AmLaunchReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dry_run_cancellable = g_cancellable_new ();
  self->dry_zones = g_ptr_array_new_with_free_func ((GDestroyNotify) am_launch_zone_free);
  build_page (self);
}

GtkWidget *
am_launch_review_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_REVIEW_PAGE, NULL);
}

void
am_launch_review_page_set_template_mode (AmLaunchReviewPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_REVIEW_PAGE (self));

  self->template_mode = TRUE;
  gtk_label_set_text (self->review_heading, _("Review and save"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->dry_run_group), _("What the template holds, and a dry run"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->dry_run_group),
                                         _("A launch template holds the image, instance type, key pair, security groups, storage and details. The Auto Scaling group that uses it decides the number of instances and the zones. The dry run checks one instance in each chosen subnet."));
}

gboolean
am_launch_review_page_get_passed (AmLaunchReviewPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REVIEW_PAGE (self), FALSE);

  for (guint i = 0; i < self->dry_zones->len; i++)
    if (((AmLaunchZone *) g_ptr_array_index (self->dry_zones, i))->state != AM_LAUNCH_ZONE_DONE)
      return FALSE;
  return self->dry_zones->len > 0;
}

void
am_launch_review_page_request_changed (AmLaunchReviewPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_REVIEW_PAGE (self));

  /* The dry runs' verdict was about the request as it was. */
  if (self->dry_zones->len > 0)
    self->dry_run_stale = TRUE;
}

void
am_launch_review_page_cancel (AmLaunchReviewPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_REVIEW_PAGE (self));
  g_cancellable_cancel (self->dry_run_cancellable);
}
