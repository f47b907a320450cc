/* am-launch-network-page.c: the launch wizard's network page: VPC, subnets in one or several zones, security groups
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "am-launch-network-page.h"

struct _AmLaunchNetworkPage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  AdwComboRow *vpc_row;
  GtkListBox *subnet_list;
  GtkSpinButton *count_spin;
  AdwActionRow *spread_row;
  GtkWidget *count_row;
  GtkWidget *template_note_row;   /* template mode: who decides count and zones */
  GtkWidget *subnet_group;
  AdwComboRow *public_ip_row;
  GtkListBox *group_list;
  AdwExpanderRow *new_group_row;
  AdwEntryRow *new_group_name;
  GtkCheckButton *rule_checks[3];
  AdwComboRow *source_row;
  AdwEntryRow *cidr_row;

  /* template objects */
  GListStore *subnets;             /* AmSubnet, every VPC's */
  GtkCustomFilter *subnet_filter;  /* the chosen VPC's */
  GtkCustomSorter *subnet_sorter;  /* by zone */
  GtkSortListModel *vpc_subnets;
  GListStore *groups;              /* AmSecurityGroup, every VPC's */
  GtkCustomFilter *group_filter;   /* the chosen VPC's */
  GtkFilterListModel *vpc_groups;

  /* owned references */
  GPtrArray *vpcs;           /* AmVpc */
  GBindingGroup *request_bindings;
  GSignalGroup *request_signals;
  GtkWidget *empty_subnet_row;    /* the lists' placeholders once all is listed */
  GtkWidget *empty_group_row;

  /* state */
  gboolean subnets_listed;
  gboolean groups_listed;
};

G_DEFINE_FINAL_TYPE (AmLaunchNetworkPage, am_launch_network_page, AM_TYPE_LAUNCH_PAGE)

static void vpc_selected_cb (AmLaunchNetworkPage *self);

static const char *
current_vpc_id (AmLaunchNetworkPage *self)
{
  AmVpc *vpc = am_launch_request_get_vpc (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));

  return vpc != NULL ? am_vpc_get_vpc_id (vpc) : NULL;
}

/* The check of a subnet or group row writes the choice; the request's "changed" sets the checks
 * (sync_checks), and a check set to what the request holds writes nothing. */
static void
subnet_toggled_cb (GtkCheckButton *check,
                   AmSubnet       *subnet)
{
  AmLaunchPage *page = AM_LAUNCH_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (check), AM_TYPE_LAUNCH_PAGE));
  AmLaunchRequest *request = am_launch_page_get_request (page);
  gboolean chosen = am_launch_request_has_subnet (request, am_subnet_get_subnet_id (subnet));

  if (gtk_check_button_get_active (check) && !chosen)
    am_launch_request_add_subnet (request, subnet);
  else if (!gtk_check_button_get_active (check) && chosen)
    am_launch_request_remove_subnet (request, am_subnet_get_subnet_id (subnet));
}

static void
group_toggled_cb (GtkCheckButton  *check,
                  AmSecurityGroup *group)
{
  AmLaunchPage *page = AM_LAUNCH_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (check), AM_TYPE_LAUNCH_PAGE));
  AmLaunchRequest *request = am_launch_page_get_request (page);
  const char *group_id = am_security_group_get_group_id (group);
  gboolean chosen = am_launch_request_has_security_group (request, group_id);

  if (gtk_check_button_get_active (check) && !chosen)
    am_launch_request_add_security_group (request, group_id);
  else if (!gtk_check_button_get_active (check) && chosen)
    am_launch_request_remove_security_group (request, group_id);
}

static GtkWidget *
create_subnet_row (gpointer item,
                   gpointer user_data)
{
  AmLaunchNetworkPage *self = user_data;
  AmSubnet *subnet = item;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf (_("%s · %s · %d addresses free%s"), am_subnet_get_subnet_id (subnet),
                              am_subnet_get_cidr_block (subnet),
                              am_subnet_get_available_ip_address_count (subnet),
                              am_subnet_get_default_for_az (subnet) ? _(" · default") : "");
  row = am_launch_check_row_new (am_subnet_get_availability_zone (subnet), subtitle, check);
  gtk_widget_set_name (row, am_subnet_get_subnet_id (subnet));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               am_launch_request_has_subnet (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), am_subnet_get_subnet_id (subnet)));
  g_signal_connect_data (check, "toggled", G_CALLBACK (subnet_toggled_cb), g_object_ref (subnet),
                         (GClosureNotify) g_object_unref, 0);
  return row;
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer user_data)
{
  AmLaunchNetworkPage *self = user_data;
  AmSecurityGroup *sg = item;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf ("%s · %s", am_security_group_get_group_id (sg),
                              am_security_group_get_description (sg) != NULL
                              ? am_security_group_get_description (sg) : "");
  row = am_launch_check_row_new (am_security_group_get_group_name (sg), subtitle, check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               am_launch_request_has_security_group (am_launch_page_get_request (AM_LAUNCH_PAGE (self)),
                                                                     am_security_group_get_group_id (sg)));
  g_signal_connect_data (check, "toggled", G_CALLBACK (group_toggled_cb), g_object_ref (sg),
                         (GClosureNotify) g_object_unref, 0);
  return row;
}

/* The request changed (a subnet or group chosen elsewhere, or dropped with its VPC): the checks
 * follow. Row i of a bound list shows item i of its model. */
static void
sync_checks (AmLaunchNetworkPage *self)
{
  AmLaunchRequest *request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  GListModel *subnets = G_LIST_MODEL (self->vpc_subnets);
  GListModel *groups = G_LIST_MODEL (self->vpc_groups);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->subnet_list, i)) != NULL && (guint) i < g_list_model_get_n_items (subnets); i++)
    {
      g_autoptr (AmSubnet) subnet = g_list_model_get_item (subnets, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), am_launch_request_has_subnet (request, am_subnet_get_subnet_id (subnet)));
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->group_list, i)) != NULL && (guint) i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (AmSecurityGroup) sg = g_list_model_get_item (groups, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   am_launch_request_has_security_group (request, am_security_group_get_group_id (sg)));
    }
}

static gboolean
in_current_vpc (AmLaunchNetworkPage *self,
                const char          *vpc_id)
{
  /* Nothing is offered until the VPCs, subnets and groups are all in. */
  return self->vpcs != NULL && self->subnets_listed && self->groups_listed
         && g_strcmp0 (vpc_id, current_vpc_id (self)) == 0;
}

static gboolean
subnet_in_vpc (gpointer item,
               gpointer user_data)
{
  return in_current_vpc (user_data, am_subnet_get_vpc_id (item));
}

static gboolean
group_in_vpc (gpointer item,
              gpointer user_data)
{
  return in_current_vpc (user_data, am_security_group_get_vpc_id (item));
}

static int
compare_subnets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AmSubnet *sa = (AmSubnet *) a;
  AmSubnet *sb = (AmSubnet *) b;
  int order = g_strcmp0 (am_subnet_get_availability_zone (sa), am_subnet_get_availability_zone (sb));

  if (order == 0)
    order = g_strcmp0 (am_subnet_get_subnet_id (sa), am_subnet_get_subnet_id (sb));
  return gtk_ordering_from_cmpfunc (order);
}

static void
network_lists_changed_cb (AmLaunchNetworkPage *self)
{
  am_launch_list_update_placeholder (self->subnet_list, G_LIST_MODEL (self->vpc_subnets), self->empty_subnet_row);
  am_launch_list_update_placeholder (self->group_list, G_LIST_MODEL (self->vpc_groups), self->empty_group_row);
}

/* The lists show the chosen VPC's subnets and groups, or say there are none. */
static void
vpc_changed (AmLaunchNetworkPage *self)
{
  gboolean listed = self->vpcs != NULL && self->subnets_listed && self->groups_listed;

  gtk_filter_changed (GTK_FILTER (self->subnet_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->group_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (listed && self->empty_subnet_row == NULL)
    {
      self->empty_subnet_row = g_object_ref_sink (am_launch_summary_row_new (_("No subnets in this VPC"),
                                                                             _("Create a subnet first, or choose another VPC."),
                                                                             "dialog-warning-symbolic"));
      self->empty_group_row = g_object_ref_sink (am_launch_summary_row_new (_("No security groups in this VPC"),
                                                                            _("Create one below."), NULL));
    }
  network_lists_changed_cb (self);
}

/* The default VPC, its first subnet and its default group: a launch that works as is. */
static void
choose_default_network (AmLaunchNetworkPage *self)
{
  const char *vpc_id;

  if (self->vpcs == NULL || !self->subnets_listed || !self->groups_listed)
    return;
  if (am_launch_request_get_vpc (am_launch_page_get_request (AM_LAUNCH_PAGE (self))) == NULL)
    {
      AmVpc *choice = NULL;

      for (guint i = 0; i < self->vpcs->len && choice == NULL; i++)
        if (am_vpc_get_is_default (g_ptr_array_index (self->vpcs, i)))
          choice = g_ptr_array_index (self->vpcs, i);
      if (choice == NULL && self->vpcs->len > 0)
        choice = g_ptr_array_index (self->vpcs, 0);
      if (choice == NULL)
        return;
      am_launch_request_set_vpc (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), choice);
    }
  vpc_id = current_vpc_id (self);

  /* the filter follows the VPC just chosen: the first subnet it shows is the first by zone */
  gtk_filter_changed (GTK_FILTER (self->subnet_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (am_launch_request_get_subnets (am_launch_page_get_request (AM_LAUNCH_PAGE (self)))->len == 0
      && g_list_model_get_n_items (G_LIST_MODEL (self->vpc_subnets)) > 0)
    {
      g_autoptr (AmSubnet) first = g_list_model_get_item (G_LIST_MODEL (self->vpc_subnets), 0);

      am_launch_request_add_subnet (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), first);
    }
  if (am_launch_request_get_security_groups (am_launch_page_get_request (AM_LAUNCH_PAGE (self)))[0] == NULL
      && !am_launch_request_get_create_group (am_launch_page_get_request (AM_LAUNCH_PAGE (self))))
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
      {
        g_autoptr (AmSecurityGroup) sg = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

        if (g_strcmp0 (am_security_group_get_vpc_id (sg), vpc_id) == 0
            && g_strcmp0 (am_security_group_get_group_name (sg), "default") == 0)
          am_launch_request_add_security_group (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), am_security_group_get_group_id (sg));
      }
}

/* The VPC's name and the default marker first, so a narrow row never cuts them off. */
static char *
describe_vpc (AmVpc *vpc)
{
  AmTag * const *tags = am_vpc_get_tags (vpc);
  const char *name = NULL;
  g_autofree char *prefix = NULL;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (g_strcmp0 (am_tag_get_key (tags[i]), "Name") == 0 && *am_tag_get_value (tags[i]) != '\0')
      name = am_tag_get_value (tags[i]);
  if (name != NULL && am_vpc_get_is_default (vpc))
    prefix = g_strdup_printf (_("%s (default)"), name);
  else if (name != NULL)
    prefix = g_strdup (name);
  else if (am_vpc_get_is_default (vpc))
    prefix = g_strdup (_("Default VPC"));
  if (prefix == NULL)
    return g_strdup_printf ("%s · %s", am_vpc_get_vpc_id (vpc), am_vpc_get_cidr_block (vpc));
  return g_strdup_printf ("%s · %s · %s", prefix, am_vpc_get_cidr_block (vpc), am_vpc_get_vpc_id (vpc));
}

static void
fill_vpc_row (AmLaunchNetworkPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const char *vpc_id = current_vpc_id (self);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->vpcs != NULL && i < self->vpcs->len; i++)
    {
      AmVpc *vpc = g_ptr_array_index (self->vpcs, i);
      g_autofree char *label = describe_vpc (vpc);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (am_vpc_get_vpc_id (vpc), vpc_id) == 0)
        selected = i;
    }
  /* The request's VPC shown is not the user's choice: only that goes back to the request. */
  g_signal_handlers_block_by_func (self->vpc_row, vpc_selected_cb, self);
  adw_combo_row_set_model (self->vpc_row, G_LIST_MODEL (labels));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->vpc_row, selected);
  g_signal_handlers_unblock_by_func (self->vpc_row, vpc_selected_cb, self);
}

typedef enum
{
  NETWORK_VPCS,
  NETWORK_SUBNETS,
  NETWORK_GROUPS,
} NetworkList;

typedef struct
{
  AmLaunchNetworkPage *self;
  NetworkList which;
} NetworkLoad;

static void
network_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  NetworkLoad *load = user_data;
  g_autoptr (AmLaunchNetworkPage) self = load->self;
  NetworkList which = load->which;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  AmEc2Client *client = AM_EC2_CLIENT (object);

  g_free (load);
  if (which == NETWORK_VPCS)
    items = am_ec2_client_describe_vpcs_finish (client, result, &error);
  else if (which == NETWORK_SUBNETS)
    items = am_ec2_client_describe_subnets_finish (client, result, &error);
  else
    items = am_ec2_client_describe_security_groups_finish (client, result, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    {
      am_launch_page_show_lookup_error (AM_LAUNCH_PAGE (self), error);
      return;
    }
  if (which == NETWORK_VPCS)
    {
      g_clear_pointer (&self->vpcs, g_ptr_array_unref);
      self->vpcs = g_steal_pointer (&items);
    }
  else
    {
      GListStore *store = which == NETWORK_SUBNETS ? self->subnets : self->groups;

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
      if (which == NETWORK_SUBNETS)
        self->subnets_listed = TRUE;
      else
        self->groups_listed = TRUE;
    }

  if (self->vpcs != NULL && self->subnets_listed && self->groups_listed)
    {
      am_launch_page_hide_lookup_error (AM_LAUNCH_PAGE (self));
      choose_default_network (self);
      fill_vpc_row (self);
      vpc_changed (self);
    }
}

static void
load_network (AmLaunchNetworkPage *self)
{
  AmEc2Client *client = am_launch_page_get_client (AM_LAUNCH_PAGE (self));

  if (client == NULL)
    return;
  for (NetworkList which = NETWORK_VPCS; which <= NETWORK_GROUPS; which++)
    {
      NetworkLoad *load;

      /* a Retry reloads only the lists that failed */
      if ((which == NETWORK_VPCS && self->vpcs != NULL)
          || (which == NETWORK_SUBNETS && self->subnets_listed)
          || (which == NETWORK_GROUPS && self->groups_listed))
        continue;
      load = g_new0 (NetworkLoad, 1);

      load->self = g_object_ref (self);
      load->which = which;
      am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
      if (which == NETWORK_VPCS)
        am_ec2_client_describe_vpcs_async (client, NULL, NULL, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)), network_loaded_cb, load);
      else if (which == NETWORK_SUBNETS)
        am_ec2_client_describe_subnets_async (client, NULL, NULL, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)), network_loaded_cb, load);
      else
        am_ec2_client_describe_security_groups_async (client, NULL, NULL, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                                      network_loaded_cb, load);
    }
}

static void
vpc_selected_cb (AmLaunchNetworkPage *self)
{
  guint selected = adw_combo_row_get_selected (self->vpc_row);

  if (self->vpcs == NULL || selected >= self->vpcs->len)
    return;
  am_launch_request_set_vpc (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), g_ptr_array_index (self->vpcs, selected));
  choose_default_network (self);
  vpc_changed (self);
}

static void
update_spread (AmLaunchNetworkPage *self)
{
  g_autoptr (GArray) plan = am_launch_request_plan (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  g_autoptr (GString) text = g_string_new (NULL);

  if (self->spread_row == NULL)
    return;
  for (guint i = 0; i < plan->len; i++)
    {
      AmLaunchPlacement *placement = &g_array_index (plan, AmLaunchPlacement, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%u in %s"), placement->count,
                              am_subnet_get_availability_zone (placement->subnet));
    }
  adw_action_row_set_subtitle (self->spread_row, text->len > 0 ? text->str : _("Choose at least one subnet."));
}

static void
public_ip_changed_cb (AmLaunchNetworkPage *self)
{
  am_launch_request_set_public_ip (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), adw_combo_row_get_selected (self->public_ip_row));
}

static void
new_group_changed_cb (AmLaunchNetworkPage *self)
{
  gboolean create = adw_expander_row_get_enable_expansion (self->new_group_row);
  AmLaunchRules rules = 0;

  if (create && *gtk_editable_get_text (GTK_EDITABLE (self->new_group_name)) == '\0')
    {
      guint n = 1;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
        {
          g_autoptr (AmSecurityGroup) sg = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

          if (g_str_has_prefix (am_security_group_get_group_name (sg), "launch-wizard-"))
            n++;
        }
      {
        g_autofree char *name = g_strdup_printf ("launch-wizard-%u", n);

        gtk_editable_set_text (GTK_EDITABLE (self->new_group_name), name);
      }
    }
  am_launch_request_set_create_group (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), create);
  am_launch_request_set_new_group_name (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_editable_get_text (GTK_EDITABLE (self->new_group_name)));
  for (guint i = 0; i < G_N_ELEMENTS (self->rule_checks); i++)
    if (gtk_check_button_get_active (self->rule_checks[i]))
      rules |= 1 << i;
  am_launch_request_set_new_group_rules (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), rules);
  am_launch_request_set_custom_cidr (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_editable_get_text (GTK_EDITABLE (self->cidr_row)));
}

static void
my_ip_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (AmLaunchNetworkPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes != NULL)
    {
      g_autofree char *text = g_strstrip (g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
      g_autoptr (GInetAddress) address = g_inet_address_new_from_string (text);

      if (address != NULL)
        {
          am_launch_request_set_my_ip (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), text);
          return;
        }
    }
  am_launch_page_toast (AM_LAUNCH_PAGE (self), _("Could not find your public address; enter it as a custom block."));
}

static void
source_changed_cb (AmLaunchNetworkPage *self)
{
  AmLaunchSource source = adw_combo_row_get_selected (self->source_row);

  gtk_widget_set_visible (GTK_WIDGET (self->cidr_row), source == AM_LAUNCH_SOURCE_CUSTOM);
  am_launch_request_set_new_group_source (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), source);
  if (source == AM_LAUNCH_SOURCE_MY_IP && am_launch_request_get_my_ip (am_launch_page_get_request (AM_LAUNCH_PAGE (self))) == NULL)
    {
      /* The sandbox is this machine; on AWS, ask AWS's own address echo. */
      if (am_session_is_sandbox (am_launch_page_get_session (AM_LAUNCH_PAGE (self))) || am_ec2_client_has_custom_endpoint (am_launch_page_get_client (AM_LAUNCH_PAGE (self))))
        am_launch_request_set_my_ip (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), "127.0.0.1");
      else
        {
          g_autoptr (SoupSession) soup = soup_session_new ();
          g_autoptr (SoupMessage) message = soup_message_new ("GET", "https://checkip.amazonaws.com/");

          am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
          soup_session_send_and_read_async (soup, message, G_PRIORITY_DEFAULT, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                            my_ip_cb, g_object_ref (self));
        }
    }
}

static void
build_page (AmLaunchNetworkPage *self)
{
  static const char *rules[] = { N_("SSH (TCP 22)"), N_("HTTP (TCP 80)"), N_("HTTPS (TCP 443)") };
  const char *public_ips[] = { _("Use the subnet's setting"), _("Assign a public address"),
                               _("No public address"), NULL };
  const char *sources[] = { _("Anywhere (0.0.0.0/0)"), _("My IP address"), _("Custom address block"), NULL };
  GtkWidget *group;
  GtkWidget *row;

  group = am_launch_group_new (GTK_BOX (self), _("VPC"), NULL);
  self->vpc_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vpc_row), _("VPC"));
  /* The choice as the subtitle wraps; at the row's end it would be cut short. */
  adw_combo_row_set_use_subtitle (self->vpc_row, TRUE);
  g_signal_connect_swapped (self->vpc_row, "notify::selected", G_CALLBACK (vpc_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->vpc_row));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_VPC);

  group = am_launch_group_new (GTK_BOX (self), _("Subnets"),
                     _("Choose subnets in several Availability Zones: the instances are spread over them, so one zone failing does not take them all."));
  self->subnet_group = group;
  self->subnet_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Subnets")));
  gtk_widget_set_name (GTK_WIDGET (self->subnet_list), "subnet-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->subnet_list));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_SUBNETS);

  group = am_launch_group_new (GTK_BOX (self), _("Placement"), NULL);
  row = am_launch_spin_row_new (_("Number of instances"), NULL, 0, 1000, 1, &self->count_spin);
  gtk_spin_button_set_value (self->count_spin, 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->count_row = row;
  row = adw_action_row_new ();
  gtk_widget_set_name (row, "template-count-note");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Number of instances and zones"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Not part of a launch template: the Auto Scaling group that uses it decides how many instances run and spreads them over its own subnets."));
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-information-symbolic");
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->template_note_row = row;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Spread over the zones"));
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "view-grid-symbolic");
  self->spread_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->public_ip_row = ADW_COMBO_ROW (am_launch_combo_row_new (_("Public IPv4 address"), public_ips));
  g_signal_connect_swapped (self->public_ip_row, "notify::selected", G_CALLBACK (public_ip_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->public_ip_row));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_COUNT);

  group = am_launch_group_new (GTK_BOX (self), _("Security groups"),
                     _("Firewall rules: which connections may reach the instances."));
  self->group_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Security groups")));
  gtk_widget_set_name (GTK_WIDGET (self->group_list), "group-list");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->group_list), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->group_list));

  self->new_group_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_group_row), _("Create a new security group"));
  adw_expander_row_set_subtitle (self->new_group_row, _("Made at launch, with the rules below"));
  adw_expander_row_set_show_enable_switch (self->new_group_row, TRUE);
  adw_expander_row_set_enable_expansion (self->new_group_row, FALSE);
  g_signal_connect_swapped (self->new_group_row, "notify::enable-expansion", G_CALLBACK (new_group_changed_cb), self);

  self->new_group_name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_group_name), _("Group name"));
  g_signal_connect_swapped (self->new_group_name, "changed", G_CALLBACK (new_group_changed_cb), self);
  adw_expander_row_add_row (self->new_group_row, GTK_WIDGET (self->new_group_name));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      self->rule_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (self->rule_checks[i], i == 0);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (new_group_changed_cb), self);
      adw_expander_row_add_row (self->new_group_row, am_launch_check_row_new (_(rules[i]), NULL, check));
    }
  self->source_row = ADW_COMBO_ROW (am_launch_combo_row_new (_("Allow connections from"), sources));
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (source_changed_cb), self);
  adw_expander_row_add_row (self->new_group_row, GTK_WIDGET (self->source_row));
  self->cidr_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cidr_row), _("Address block (CIDR)"));
  gtk_widget_set_visible (GTK_WIDGET (self->cidr_row), FALSE);
  g_signal_connect_swapped (self->cidr_row, "changed", G_CALLBACK (new_group_changed_cb), self);
  adw_expander_row_add_row (self->new_group_row, GTK_WIDGET (self->cidr_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_group_row));

  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_SECURITY_GROUPS);
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_NEW_GROUP_NAME);
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_NEW_GROUP_SOURCE);
}

static void
load (AmLaunchPage *page)
{
  load_network (AM_LAUNCH_NETWORK_PAGE (page));
}

static void
request_set (AmLaunchPage *page)
{
  AmLaunchNetworkPage *self = AM_LAUNCH_NETWORK_PAGE (page);

  g_binding_group_set_source (self->request_bindings, am_launch_page_get_request (page));
  g_signal_group_set_target (self->request_signals, am_launch_page_get_request (page));
  gtk_list_box_bind_model (self->subnet_list, G_LIST_MODEL (self->vpc_subnets), create_subnet_row, self, NULL);
  gtk_list_box_bind_model (self->group_list, G_LIST_MODEL (self->vpc_groups), create_group_row, self, NULL);
}

static void
am_launch_network_page_dispose (GObject *object)
{
  AmLaunchNetworkPage *self = AM_LAUNCH_NETWORK_PAGE (object);

  if (self->subnet_list != NULL)
    gtk_list_box_bind_model (self->subnet_list, NULL, NULL, NULL, NULL);
  if (self->group_list != NULL)
    gtk_list_box_bind_model (self->group_list, NULL, NULL, NULL, NULL);
  if (self->request_bindings != NULL)
    g_binding_group_set_source (self->request_bindings, NULL);
  g_clear_object (&self->request_bindings);
  g_clear_object (&self->request_signals);
  g_clear_object (&self->empty_subnet_row);
  g_clear_object (&self->empty_group_row);
  g_clear_pointer (&self->vpcs, g_ptr_array_unref);

  G_OBJECT_CLASS (am_launch_network_page_parent_class)->dispose (object);
}

static void
am_launch_network_page_class_init (AmLaunchNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  object_class->dispose = am_launch_network_page_dispose;
  page_class->load = load;
  page_class->request_set = request_set;
  g_type_ensure (AM_TYPE_SUBNET);
  g_type_ensure (AM_TYPE_SECURITY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, subnets);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, subnet_filter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, subnet_sorter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, vpc_subnets);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, groups);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, group_filter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchNetworkPage, vpc_groups);
}

static void
am_launch_network_page_init (AmLaunchNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_launch_page_add_lookup_error (AM_LAUNCH_PAGE (self), "retry-network");
  build_page (self);
  gtk_custom_filter_set_filter_func (self->subnet_filter, subnet_in_vpc, self, NULL);
  gtk_custom_sorter_set_sort_func (self->subnet_sorter, compare_subnets, self, NULL);
  gtk_custom_filter_set_filter_func (self->group_filter, group_in_vpc, self, NULL);
  /* The number typed is the request's, and the request's count (1 at first) shows. */
  self->request_bindings = g_binding_group_new ();
  g_binding_group_bind (self->request_bindings, "count", self->count_spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  self->request_signals = g_signal_group_new (AM_TYPE_LAUNCH_REQUEST);
  g_signal_group_connect_swapped (self->request_signals, "changed", G_CALLBACK (sync_checks), self);
  g_signal_connect_object (self->vpc_subnets, "items-changed", G_CALLBACK (network_lists_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vpc_groups, "items-changed", G_CALLBACK (network_lists_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
am_launch_network_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_NETWORK_PAGE, NULL);
}

void
am_launch_network_page_update (AmLaunchNetworkPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_NETWORK_PAGE (self));
  if (am_launch_page_get_request (AM_LAUNCH_PAGE (self)) != NULL)
    update_spread (self);
}

void
am_launch_network_page_set_template_mode (AmLaunchNetworkPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_NETWORK_PAGE (self));

  /* A template holds no count and no subnet: say who decides them instead of asking. */
  gtk_widget_set_visible (self->count_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spread_row), FALSE);
  gtk_widget_set_visible (self->template_note_row, TRUE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->subnet_group),
                                         _("A template keeps no subnets. The ones chosen here are checked by the dry run, one instance in each, and offered to an Auto Scaling group created from the template."));
}
