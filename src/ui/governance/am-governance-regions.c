/* am-governance-regions.c: Block Public Access and Allowed AMIs of every enabled region at once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-governance"

#include "config.h"

#include <glib/gi18n.h>

#include "am-error-state.h"
#include "am-governance-page-private.h"
#include "am-governance-regions.h"
#include "am-region-governance.h"

/* One region's line of the table. */
typedef struct
{
  char           *region;
  GtkWidget      *bpa;
  GtkWidget      *allowed;
  GtkWidget      *status;
  GtkWidget      *details;     /* a menu button: the whole error */
  GtkWidget      *details_label;
  GtkWidget      *retry;
  AmRegionFanout *source;      /* borrowed: the fanout whose answer the line shows last */
} RegionLine;

struct _AmGovernanceRegions
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkSpinner       *spinner;
  GtkStack         *stack;
  AmErrorState     *error_state;
  GtkGrid          *grid;
  GtkButton        *bpa_button;
  GtkButton        *criteria_button;

  /* owned */
  AmSession        *session;
  AmRegionFanout   *fanout;      /* reads every region */
  AmRegionFanout   *change;      /* the last change, while it is shown */
  GHashTable       *lines;       /* region → RegionLine */
  char             *summary;

  /* borrowed */
  AmGovernancePage *page;        /* weak */
  AdwMessageDialog *confirmation;

  /* state */
  AmRegionGovernanceChange change_kind;
  guint             n_lines;
};

G_DEFINE_FINAL_TYPE (AmGovernanceRegions, am_governance_regions, ADW_TYPE_WINDOW)

static void
region_line_free (RegionLine *line)
{
  g_free (line->region);
  g_free (line);
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
update_busy (AmGovernanceRegions *self)
{
  gboolean busy = am_governance_regions_is_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bpa_button), !busy && self->n_lines > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->criteria_button), !busy && self->n_lines > 0);
}

static AmRegionGovernance *
find_item (AmRegionFanout *fanout,
           const char     *region)
{
  GListModel *items = am_region_fanout_get_items (fanout);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (AmRegionGovernance) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (am_region_governance_get_region (item), region) == 0)
        return item;
    }
  return NULL;
}

static const char *
allowed_state_words (const char *state)
{
  if (g_strcmp0 (state, "enabled") == 0)
    return _("Enabled");
  if (g_strcmp0 (state, "audit-mode") == 0)
    return _("Audit mode");
  return _("Disabled");
}

static void
show_settings (RegionLine         *line,
               AmRegionGovernance *item)
{
  g_autofree char *allowed = NULL;
  guint n = am_region_governance_get_n_criteria (item);

  gtk_label_set_text (GTK_LABEL (line->bpa), am_region_governance_get_blocked (item) ? _("On") : _("Off"));
  allowed = g_strdup_printf (ngettext ("%s, %u criterion", "%s, %u criteria", n),
                             allowed_state_words (am_region_governance_get_allowed_state (item)), n);
  gtk_label_set_text (GTK_LABEL (line->allowed), allowed);
}

/* What the line's last answer says, in the result column. */
static void
update_line (AmGovernanceRegions *self,
             RegionLine          *line)
{
  AmRegionFanout *source = line->source;
  gboolean is_change = source == self->change;
  const char *text = "";
  g_autofree char *failure = NULL;
  const GError *error;

  gtk_widget_set_visible (line->retry, FALSE);
  gtk_widget_set_visible (line->details, FALSE);
  gtk_widget_remove_css_class (line->status, "error");
  gtk_widget_remove_css_class (line->status, "success");
  switch (am_region_fanout_get_region_state (source, line->region))
    {
    case AM_REGION_JOB_WAITING:
      text = _("Waiting…");
      break;
    case AM_REGION_JOB_RUNNING:
      if (!is_change)
        text = _("Asking…");
      else if (self->change_kind == AM_REGION_GOVERNANCE_BLOCK_PUBLIC)
        text = _("Turning on Block Public Access…");
      else
        text = _("Applying the criteria…");
      break;
    case AM_REGION_JOB_DONE:
      show_settings (line, find_item (source, line->region));
      if (is_change)
        {
          text = self->change_kind == AM_REGION_GOVERNANCE_BLOCK_PUBLIC ? _("Turned on") : _("Criteria applied");
          gtk_widget_add_css_class (line->status, "success");
        }
      break;
    case AM_REGION_JOB_FAILED:
    default:
      error = am_region_fanout_get_region_error (source, line->region);
      if (error == NULL)
        break;
      {
        g_autofree char *reason = am_region_fanout_describe_error (source, error);

        text = failure = g_strdup_printf (is_change ? _("Not changed: %s") : _("Failed: %s"), reason);
      }
      gtk_label_set_text (GTK_LABEL (line->details_label), error->message);
      gtk_widget_set_visible (line->retry, TRUE);
      gtk_widget_set_visible (line->details, TRUE);
      gtk_widget_add_css_class (line->status, "error");
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (line->bpa)), "") == 0)
        {
          gtk_label_set_text (GTK_LABEL (line->bpa), _("Unknown"));
          gtk_label_set_text (GTK_LABEL (line->allowed), _("Unknown"));
        }
      break;
    }
  gtk_label_set_text (GTK_LABEL (line->status), text);
}

static void
retry_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  AmGovernanceRegions *self = user_data;
  RegionLine *line = g_hash_table_lookup (self->lines, g_object_get_data (G_OBJECT (button), "am-region"));

  am_region_fanout_retry (line->source, line->region);
  update_busy (self);
}

static RegionLine *
add_line (AmGovernanceRegions *self,
          const char          *region)
{
  RegionLine *line = g_new0 (RegionLine, 1);
  GtkWidget *popover;
  GtkWidget *region_label = cell (region, FALSE);
  int row = (int) ++self->n_lines;

  line->region = g_strdup (region);
  line->bpa = cell ("", FALSE);
  line->allowed = cell ("", FALSE);
  line->status = cell ("", FALSE);
  gtk_widget_set_hexpand (line->status, TRUE);
  gtk_label_set_selectable (GTK_LABEL (line->status), TRUE);
  line->retry = gtk_button_new_with_mnemonic (_("_Retry"));
  g_object_set_data_full (G_OBJECT (line->retry), "am-region", g_strdup (region), g_free);
  gtk_widget_set_valign (line->retry, GTK_ALIGN_CENTER);
  g_signal_connect (line->retry, "clicked", G_CALLBACK (retry_clicked_cb), self);
  line->details_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (line->details_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (line->details_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (line->details_label), 60);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), line->details_label);
  line->details = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (line->details), _("Details"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (line->details), popover);
  gtk_widget_set_valign (line->details, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (region_label, "monospace");

  gtk_grid_attach (self->grid, region_label, 0, row, 1, 1);
  gtk_grid_attach (self->grid, line->bpa, 1, row, 1, 1);
  gtk_grid_attach (self->grid, line->allowed, 2, row, 1, 1);
  gtk_grid_attach (self->grid, line->status, 3, row, 1, 1);
  gtk_grid_attach (self->grid, line->details, 4, row, 1, 1);
  gtk_grid_attach (self->grid, line->retry, 5, row, 1, 1);
  g_hash_table_replace (self->lines, line->region, line);
  return line;
}

static void
region_changed_cb (AmGovernanceRegions *self,
                   const char          *region,
                   AmRegionFanout      *fanout)
{
  RegionLine *line = g_hash_table_lookup (self->lines, region);

  if (line == NULL)
    {
      if (fanout != self->fanout)
        return;
      line = add_line (self, region);
      gtk_stack_set_visible_child_name (self->stack, "content");
    }
  line->source = fanout;
  update_line (self, line);
  update_busy (self);
}

static void
fanout_error_cb (AmGovernanceRegions *self)
{
  const GError *error = am_region_fanout_get_error (self->fanout);

  if (error == NULL)
    return;
  am_error_state_set_error (self->error_state, _("Could Not List the Regions"), error, "DescribeRegions",
                            am_session_get_profile_name (self->session), am_session_get_endpoint (self->session));
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* A change has ended in every region: one sentence of how it went. */
static void
change_loading_cb (AmGovernanceRegions *self)
{
  g_auto (GStrv) regions = NULL;
  g_autoptr (GString) failed = g_string_new (NULL);
  guint n_done = 0;
  guint n = 0;

  update_busy (self);
  if (am_region_fanout_get_loading (self->change))
    return;
  regions = am_region_fanout_dup_regions (self->change);
  for (n = 0; regions[n] != NULL; n++)
    if (am_region_fanout_get_region_state (self->change, regions[n]) == AM_REGION_JOB_DONE)
      n_done++;
    else
      g_string_append_printf (failed, "%s%s", failed->len > 0 ? ", " : "", regions[n]);
  g_free (self->summary);
  if (n_done == n)
    self->summary = g_strdup_printf (ngettext ("Changed in the %u region", "Changed in all %u regions", n), n);
  else
    self->summary = g_strdup_printf (ngettext ("Changed in %u of %u region; not in %s: retry there",
                                               "Changed in %u of %u regions; not in %s: retry there", n),
                                     n_done, n, failed->str);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (self->summary));
}

static void
start_change (AmGovernanceRegions      *self,
              AmRegionGovernanceChange  kind,
              GPtrArray                *criteria)
{
  g_auto (GStrv) regions = am_region_fanout_dup_regions (self->fanout);

  if (self->change != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->change, self);
      am_region_fanout_cancel (self->change);
      g_clear_object (&self->change);
    }
  g_clear_pointer (&self->summary, g_free);
  self->change_kind = kind;
  self->change = am_region_governance_fanout_new_change (am_session_get_client (self->session), kind, criteria);
  g_signal_connect_object (self->change, "region-changed", G_CALLBACK (region_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->change, "notify::loading", G_CALLBACK (change_loading_cb), self, G_CONNECT_SWAPPED);
  am_region_fanout_start_for_regions (self->change, (const char * const *) regions);
  update_busy (self);
}

static void
confirmation_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  AmGovernanceRegions *self = AM_GOVERNANCE_REGIONS (user_data);
  GPtrArray *criteria = g_object_get_data (G_OBJECT (dialog), "am-criteria");

  self->confirmation = NULL;
  if (g_strcmp0 (response, "turn-on") == 0)
    start_change (self, AM_REGION_GOVERNANCE_BLOCK_PUBLIC, NULL);
  else if (g_strcmp0 (response, "apply") == 0)
    start_change (self, AM_REGION_GOVERNANCE_REPLACE_CRITERIA, criteria);
}

static void
confirm (AmGovernanceRegions *self,
         const char          *heading,
         const char          *body,
         const char          *response,
         const char          *label,
         GPtrArray           *criteria)
{
  self->confirmation = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (self->confirmation, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (self->confirmation, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->confirmation, "cancel");
  adw_message_dialog_set_close_response (self->confirmation, "cancel");
  if (criteria != NULL)
    g_object_set_data_full (G_OBJECT (self->confirmation), "am-criteria", g_ptr_array_ref (criteria),
                            (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (self->confirmation, "response", G_CALLBACK (confirmation_cb), self);
  gtk_window_present (GTK_WINDOW (self->confirmation));
}

static char *
region_list (AmGovernanceRegions *self)
{
  g_auto (GStrv) regions = am_region_fanout_dup_regions (self->fanout);

  return g_strjoinv (", ", regions);
}

static void
bpa_clicked_cb (AmGovernanceRegions *self)
{
  g_autofree char *regions = region_list (self);
  g_autofree char *body = g_strdup_printf (_("Once it is on, no image of this account can be made public in %s. "
                                             "Images that are public already stay public; sharing with accounts "
                                             "and organizations still works."), regions);

  confirm (self, _("Turn On Block Public Access in All Regions?"), body, "turn-on", _("_Turn On"), NULL);
}

static void
criteria_clicked_cb (AmGovernanceRegions *self)
{
  g_autofree char *problem = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *body = NULL;

  if (self->page != NULL)
    criteria = am_governance_page_collect_criteria (self->page, &problem);
  if (criteria == NULL)
    {
      g_free (self->summary);
      if (self->page == NULL)
        self->summary = g_strdup (_("The Governance window with the criteria was closed: open it again from the main menu, then All Regions…"));
      else
        self->summary = g_strdup_printf (_("The criteria are not complete: %s"), problem);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (self->summary));
      return;
    }
  regions = region_list (self);
  body = g_strdup_printf (ngettext ("The Allowed AMIs criteria of %s will be replaced by the %u criterion of the "
                                   "Governance window. Each region keeps its Allowed AMIs state (disabled, audit "
                                   "mode or enabled).",
                                   "The Allowed AMIs criteria of %s will be replaced by the %u criteria of the "
                                   "Governance window. Each region keeps its Allowed AMIs state (disabled, audit "
                                   "mode or enabled).", criteria->len),
                          regions, criteria->len);
  confirm (self, _("Apply These Criteria to All Regions?"), body, "apply", _("_Apply"), criteria);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmGovernanceRegions *self = AM_GOVERNANCE_REGIONS (widget);

  gtk_stack_set_visible_child_name (self->stack, self->n_lines > 0 ? "content" : "loading");
  am_region_fanout_start (self->fanout);
  update_busy (self);
}

/* Public API */

AmGovernanceRegions *
am_governance_regions_new (AmSession        *session,
                           AmGovernancePage *page)
{
  AmGovernanceRegions *self;
  AmEc2Client *client;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (page == NULL || AM_IS_GOVERNANCE_PAGE (page), NULL);

  self = g_object_new (AM_TYPE_GOVERNANCE_REGIONS, NULL);
  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->page, page);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_button), page != NULL);
  client = am_session_get_client (session);
  if (client == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                                                      _("Not connected: choose a profile and a region first."));

      am_error_state_set_error (self->error_state, _("Could Not List the Regions"), error, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }
  self->fanout = am_region_governance_fanout_new (client);
  g_signal_connect_object (self->fanout, "region-changed", G_CALLBACK (region_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fanout, "notify::loading", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fanout, "notify::error", G_CALLBACK (fanout_error_cb), self, G_CONNECT_SWAPPED);
  am_region_fanout_start (self->fanout);
  update_busy (self);
  return self;
}

gboolean
am_governance_regions_is_busy (AmGovernanceRegions *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), FALSE);

  return (self->fanout != NULL && am_region_fanout_get_loading (self->fanout))
         || (self->change != NULL && am_region_fanout_get_loading (self->change));
}

AmRegionFanout *
am_governance_regions_get_fanout (AmGovernanceRegions *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), NULL);
  return self->fanout;
}

char *
am_governance_regions_dup_row_text (AmGovernanceRegions *self,
                                    const char          *region)
{
  RegionLine *line;

  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), NULL);
  line = g_hash_table_lookup (self->lines, region);
  if (line == NULL)
    return NULL;
  return g_strdup_printf ("%s | %s | %s | %s", line->region, gtk_label_get_text (GTK_LABEL (line->bpa)),
                          gtk_label_get_text (GTK_LABEL (line->allowed)),
                          gtk_label_get_text (GTK_LABEL (line->status)));
}

GtkWidget *
am_governance_regions_get_retry_button (AmGovernanceRegions *self,
                                        const char          *region)
{
  RegionLine *line;

  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), NULL);
  line = g_hash_table_lookup (self->lines, region);
  return line != NULL && gtk_widget_get_visible (line->retry) ? line->retry : NULL;
}

AdwMessageDialog *
am_governance_regions_get_confirmation (AmGovernanceRegions *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), NULL);
  return self->confirmation;
}

const char *
am_governance_regions_get_summary (AmGovernanceRegions *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_REGIONS (self), NULL);
  return self->summary;
}

/* GObject */

static void
am_governance_regions_dispose (GObject *object)
{
  AmGovernanceRegions *self = AM_GOVERNANCE_REGIONS (object);

  /* What the fanouts still ask ends here; late answers find no window to tell. */
  if (self->change != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->change, self);
      am_region_fanout_cancel (self->change);
    }
  if (self->fanout != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->fanout, self);
      am_region_fanout_cancel (self->fanout);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_GOVERNANCE_REGIONS);
  g_clear_object (&self->change);
  g_clear_object (&self->fanout);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->page);
  g_clear_pointer (&self->lines, g_hash_table_unref);

  G_OBJECT_CLASS (am_governance_regions_parent_class)->dispose (object);
}

static void
am_governance_regions_finalize (GObject *object)
{
  g_free (AM_GOVERNANCE_REGIONS (object)->summary);

  G_OBJECT_CLASS (am_governance_regions_parent_class)->finalize (object);
}

static void
am_governance_regions_class_init (AmGovernanceRegionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_governance_regions_dispose;
  object_class->finalize = am_governance_regions_finalize;

  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/governance/am-governance-regions.ui");
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, stack);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, grid);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, bpa_button);
  gtk_widget_class_bind_template_child (widget_class, AmGovernanceRegions, criteria_button);
  gtk_widget_class_bind_template_callback (widget_class, bpa_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, criteria_clicked_cb);
  gtk_widget_class_install_action (widget_class, "governance-regions.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_governance_regions_init (AmGovernanceRegions *self)
{
  const char *headings[] = { N_("Region"), N_("Block Public Access"), N_("Allowed AMIs"), N_("Result") };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) region_line_free);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    gtk_grid_attach (self->grid, cell (_(headings[i]), TRUE), (int) i, 0, 1, 1);
  am_error_state_set_action (self->error_state, _("_Retry"), "governance-regions.retry");
}
