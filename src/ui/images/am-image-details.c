/* am-image-details.c: the details pane: an image's anatomy, every field, and what it means
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-details"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-image-anatomy.h"
#include "am-image-details.h"
#include "am-image-lineage.h"
#include "am-image-reference.h"
#include "am-image-storage.h"
#include "am-time-format.h"
#include "am-title-layout.h"

struct _AmImageDetails
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *bulk_box;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  AmImageAnatomy *anatomy;
  AmImageLineage *lineage;
  AmImageStorage *storage;
  GtkBox *fields_box;
  AdwPreferencesGroup *anatomy_group;
  AdwPreferencesGroup *volumes_group;
  AdwPreferencesGroup *permissions_group;
  AdwPreferencesGroup *used_by_group;
  AdwPreferencesGroup *tags_group;

  /* owned references */
  AmImage *image;
  GPtrArray *field_rows;    /* AdwActionRow, one per entry of fields[] */
  GPtrArray *field_groups;  /* AdwPreferencesGroup, one per entry of headings[] */
  GHashTable *pools;        /* AdwPreferencesGroup → RowPool: the rows of the volumes, permissions, used-by and tags groups */
  GHashTable *values;       /* row title → copyable value */

  /* state */
  guint n_selected;
  gboolean manageable;
};

G_DEFINE_FINAL_TYPE (AmImageDetails, am_image_details, ADW_TYPE_BIN)

typedef char *(*FieldFunc) (AmImage *image);
typedef const char *(*TimeFunc) (AmImage *image);

/* The headings the fields are grouped under. */
typedef enum
{
  HEADING_IDENTITY,
  HEADING_PLATFORM,
  HEADING_STORAGE,
  HEADING_LIFECYCLE,
  N_HEADINGS
} Heading;

static const char * const headings[N_HEADINGS] = {
  N_("Identity"),
  N_("Platform"),
  N_("Root Device and Boot"),
  N_("Lifecycle and Origin"),
};

typedef struct
{
  const char *title;
  const char *explanation;   /* tooltip: the concept in a sentence */
  FieldFunc get;
  Heading heading;
  gboolean copy;             /* an ID or an address: a Copy button */
  TimeFunc time;             /* a time: the same in UTC is the value's tooltip */
} Field;

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static char *
yes_no (gboolean value)
{
  return g_strdup (value ? _("Yes") : _("No"));
}

#define STRING_FIELD(fn) \
  static char *field_##fn (AmImage *image) { return dup_or_null (am_image_get_##fn (image)); }

STRING_FIELD (name)
STRING_FIELD (image_id)
STRING_FIELD (description)
STRING_FIELD (owner_id)
STRING_FIELD (owner_alias)
STRING_FIELD (state)
STRING_FIELD (state_reason_message)
STRING_FIELD (platform_details)
STRING_FIELD (usage_operation)
STRING_FIELD (architecture)
STRING_FIELD (image_type)
STRING_FIELD (hypervisor)
STRING_FIELD (virtualization_type)
STRING_FIELD (boot_mode)
STRING_FIELD (sriov_net_support)
STRING_FIELD (tpm_support)
STRING_FIELD (imds_support)
STRING_FIELD (image_location)
STRING_FIELD (kernel_id)
STRING_FIELD (ramdisk_id)
STRING_FIELD (source_image_id)
STRING_FIELD (source_image_region)
STRING_FIELD (source_instance_id)
STRING_FIELD (deregistration_protection)
STRING_FIELD (root_device_name)
STRING_FIELD (root_device_type)

static char *
field_creation_date (AmImage *image)
{
  return am_time_format_local (am_image_get_creation_date (image));
}

static char *
field_last_launched (AmImage *image)
{
  return am_time_format_local (am_image_get_last_launched_time (image));
}

static char *
field_deprecation (AmImage *image)
{
  g_autofree char *when = am_time_format_local (am_image_get_deprecation_time (image));

  if (when == NULL)
    return g_strdup (_("Not scheduled"));
  if (am_image_get_is_deprecated (image))
    return g_strdup_printf (_("Deprecated since %s"), when);
  return g_strdup_printf (_("Will be deprecated on %s"), when);
}

static char *
field_visibility (AmImage *image)
{
  return g_strdup (am_image_get_is_public (image) ? _("Public") : _("Private"));
}

static char *
field_ena (AmImage *image)
{
  return yes_no (am_image_get_ena_support (image));
}

static char *
field_free_tier (AmImage *image)
{
  return yes_no (am_image_get_free_tier_eligible (image));
}

static char *
field_product_codes (AmImage *image)
{
  AmProductCode * const *codes = am_image_get_product_codes (image);
  GString *s;

  if (codes[0] == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *id = am_product_code_get_product_code (codes[i]);

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", id != NULL ? id : "");
    }
  return g_string_free (s, FALSE);
}

#define ID TRUE
#define NO_ID FALSE

static const Field fields[] = {
  { N_("Name"), NULL, field_name, HEADING_IDENTITY, NO_ID, NULL },
  { N_("Image ID"), N_("The unique identifier you pass to launch the image, valid in this Region only"), field_image_id, HEADING_IDENTITY, ID, NULL },
  { N_("Description"), NULL, field_description, HEADING_IDENTITY, NO_ID, NULL },
  { N_("Owner"), N_("The AWS account that registered the image"), field_owner_id, HEADING_IDENTITY, ID, NULL },
  { N_("Owner Alias"), N_("“amazon” for images published by AWS, “aws-marketplace” for Marketplace products"), field_owner_alias, HEADING_IDENTITY, NO_ID, NULL },
  { N_("Created"), NULL, field_creation_date, HEADING_IDENTITY, NO_ID, am_image_get_creation_date },
  { N_("State"), N_("Only available images can launch instances"), field_state, HEADING_IDENTITY, NO_ID, NULL },
  { N_("State Reason"), NULL, field_state_reason_message, HEADING_IDENTITY, NO_ID, NULL },
  { N_("Visibility"), N_("Public images can be launched by any AWS account"), field_visibility, HEADING_IDENTITY, NO_ID, NULL },
  { N_("Platform"), N_("The operating system family; it decides how the instance is billed"), field_platform_details, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Usage Operation"), N_("The billing code of instances launched from it"), field_usage_operation, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Product Codes"), N_("Marketplace products the image belongs to; launching it subscribes you"), field_product_codes, HEADING_PLATFORM, ID, NULL },
  { N_("Architecture"), N_("The processor family the image runs on: x86_64 (Intel, AMD) or arm64 (Graviton)"), field_architecture, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Image Type"), NULL, field_image_type, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Free Tier Eligible"), NULL, field_free_tier, HEADING_PLATFORM, NO_ID, NULL },
  { N_("ENA Support"), N_("Whether the Elastic Network Adapter (fast networking) is enabled"), field_ena, HEADING_PLATFORM, NO_ID, NULL },
  { N_("SR-IOV Support"), NULL, field_sriov_net_support, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Instance Metadata"), N_("“v2.0”: instances launched from it require IMDSv2 (session tokens)"), field_imds_support, HEADING_PLATFORM, NO_ID, NULL },
  { N_("Root Device Type"), N_("EBS: the root volume is a persistent network disk. Instance store: a local disk that does not survive a stop"), field_root_device_type, HEADING_STORAGE, NO_ID, NULL },
  { N_("Root Device Name"), N_("The device name the root volume is attached as"), field_root_device_name, HEADING_STORAGE, NO_ID, NULL },
  { N_("Virtualization"), N_("HVM runs on current instance types; paravirtual (PV) is the older Xen mode"), field_virtualization_type, HEADING_STORAGE, NO_ID, NULL },
  { N_("Boot Mode"), N_("How the firmware starts the operating system: legacy BIOS or UEFI"), field_boot_mode, HEADING_STORAGE, NO_ID, NULL },
  { N_("NitroTPM"), N_("A virtual Trusted Platform Module for measured boot and key storage"), field_tpm_support, HEADING_STORAGE, NO_ID, NULL },
  { N_("Hypervisor"), NULL, field_hypervisor, HEADING_STORAGE, NO_ID, NULL },
  { N_("Location"), NULL, field_image_location, HEADING_STORAGE, ID, NULL },
  { N_("Kernel"), NULL, field_kernel_id, HEADING_STORAGE, ID, NULL },
  { N_("RAM Disk"), NULL, field_ramdisk_id, HEADING_STORAGE, ID, NULL },
  { N_("Deprecation"), N_("A deprecated image still launches, but no longer shows in default listings"), field_deprecation, HEADING_LIFECYCLE, NO_ID, am_image_get_deprecation_time },
  { N_("Deregistration Protection"), N_("While on, the image cannot be deregistered"), field_deregistration_protection, HEADING_LIFECYCLE, NO_ID, NULL },
  { N_("Last Launched"), NULL, field_last_launched, HEADING_LIFECYCLE, NO_ID, am_image_get_last_launched_time },
  { N_("Copied From"), NULL, field_source_image_id, HEADING_LIFECYCLE, ID, NULL },
  { N_("Copied From Region"), NULL, field_source_image_region, HEADING_LIFECYCLE, NO_ID, NULL },
  { N_("Created From Instance"), NULL, field_source_instance_id, HEADING_LIFECYCLE, ID, NULL },
};

#undef ID
#undef NO_ID

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "am-copy-text");

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

/* Gives @row a Copy button (IDs and addresses only), once. */
static GtkWidget *
ensure_copy_button (AdwActionRow *row)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "am-copy-button");

  if (button != NULL)
    return button;

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"),
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  adw_action_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), "am-copy-button", button);

  return button;
}

/* A row with the value under its label; a Copy button when @copy. */
static AdwActionRow *
new_copy_row (const char *title,
              const char *explanation,
              gboolean    copy)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (row, 0);
  if (explanation != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (row), explanation);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  am_action_row_use_title_layout (row);
  if (copy)
    ensure_copy_button (row);

  return row;
}

/* Setting a tooltip makes GTK 4.8 ask the display server where the pointer is (a round trip),
 * even for the same text: only a new text is set. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
set_row_value (AmImageDetails *self,
               AdwActionRow   *row,
               const char     *key,
               const char     *value)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "am-copy-button");

  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL);
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  if (button != NULL)
    {
      g_object_set_data_full (G_OBJECT (button), "am-copy-text", g_strdup (value), g_free);
      set_tooltip_if_changed (button, _("Copy"));
    }
  if (value != NULL)
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));
}

/*
 * The rows of a group that change with the image (volumes, permissions, users, tags). A new
 * image reuses the rows the last one had, in order, and hides those it does not need: building
 * and styling a row costs more than the rest of the pane (a Windows image has 25 volumes).
 */
typedef struct
{
  GPtrArray *rows;   /* AdwActionRow, in the group's order */
  guint n_used;
} RowPool;

static void
row_pool_free (gpointer data)
{
  RowPool *pool = data;

  g_ptr_array_unref (pool->rows);
  g_free (pool);
}

/* The next unused row of @group, shown, with @title, a Copy button when @copy, dimmed when @dim.
 * What is unchanged is not set again (setting a label's text measures it again). */
static AdwActionRow *
take_row (AmImageDetails      *self,
          AdwPreferencesGroup *group,
          const char          *title,
          gboolean             copy,
          gboolean             dim)
{
  RowPool *pool = g_hash_table_lookup (self->pools, group);
  AdwActionRow *row;
  GtkWidget *button;

  if (pool == NULL)
    {
      pool = g_new0 (RowPool, 1);
      pool->rows = g_ptr_array_new ();
      g_hash_table_insert (self->pools, group, pool);
    }
  if (pool->n_used == pool->rows->len)
    {
      row = new_copy_row (title, NULL, FALSE);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (pool->rows, row);
    }
  row = g_ptr_array_index (pool->rows, pool->n_used++);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (dim)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
  button = copy ? ensure_copy_button (row) : g_object_get_data (G_OBJECT (row), "am-copy-button");
  if (button != NULL)
    gtk_widget_set_visible (button, copy);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);

  return row;
}

static void
add_dynamic_row (AmImageDetails      *self,
                 AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *value,
                 gboolean             copy)
{
  AdwActionRow *row = take_row (self, group, title, copy, FALSE);
  g_autofree char *key = g_strdup_printf ("%s/%s", adw_preferences_group_get_title (group), title);

  set_row_value (self, row, key, value);
}

static void
add_dim_row (AmImageDetails      *self,
             AdwPreferencesGroup *group,
             const char          *text)
{
  AdwActionRow *row = take_row (self, group, text, FALSE, TRUE);

  adw_action_row_set_subtitle (row, "");
}

/* Starts filling @group again from its first row (trim_group_rows hides what is left over). */
static void
clear_group_rows (AmImageDetails      *self,
                  AdwPreferencesGroup *group)
{
  RowPool *pool = g_hash_table_lookup (self->pools, group);

  if (pool != NULL)
    pool->n_used = 0;
}

/* Hides the rows of @group that the last fill did not use (their titles cleared, so nothing
 * finds them). */
static void
trim_group_rows (AmImageDetails      *self,
                 AdwPreferencesGroup *group)
{
  RowPool *pool = g_hash_table_lookup (self->pools, group);

  if (pool == NULL)
    return;
  for (guint i = pool->n_used; i < pool->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (pool->rows, i);

      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "");
      adw_action_row_set_subtitle (row, "");
    }
}

/* Starts filling the dynamic groups again, or (@trim) hides what the fill left over. */
static void
clear_dynamic_rows (AmImageDetails *self,
                    gboolean        trim)
{
  AdwPreferencesGroup *groups[] = { self->volumes_group, self->permissions_group,
                                    self->used_by_group, self->tags_group };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (trim)
        trim_group_rows (self, groups[i]);
      else
        clear_group_rows (self, groups[i]);
    }
}

static const char *
reference_kind (const char *resource_type)
{
  if (g_strcmp0 (resource_type, "ec2:Instance") == 0)
    return _("Instance");
  if (g_strcmp0 (resource_type, "ec2:LaunchTemplate") == 0)
    return _("Launch Template");
  if (g_strcmp0 (resource_type, "ssm:Parameter") == 0)
    return _("SSM Parameter");
  if (g_strcmp0 (resource_type, "autoscaling:AutoScalingGroup") == 0)
    return _("Auto Scaling Group");
  return resource_type != NULL ? resource_type : "";
}

/* @references NULL: still looking (or @error says why it failed). */
static void
fill_references (AmImageDetails *self,
                 GPtrArray      *references,
                 const char     *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->used_by_group), self->manageable);
  if (!self->manageable)
    return;
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not find what uses this image: %s"), error);

      add_dim_row (self, self->used_by_group, text);
      return;
    }
  if (references == NULL)
    {
      add_dim_row (self, self->used_by_group, _("Looking for what uses this image…"));
      return;
    }
  for (guint i = 0; i < references->len; i++)
    {
      AmImageReference *ref = g_ptr_array_index (references, i);
      const char *arn = am_image_reference_get_arn (ref);
      const char *slash = arn != NULL ? strchr (arn, '/') : NULL;

      /* The resource's own name or id: what follows "instance/", "launch-template/", … */
      add_dynamic_row (self, self->used_by_group, reference_kind (am_image_reference_get_resource_type (ref)),
                       slash != NULL ? slash + 1 : arn, TRUE);
    }
  if (references->len == 0)
    add_dim_row (self, self->used_by_group, _("Nothing in this account and region uses this image"));
}

static char *
mapping_text (AmBlockDeviceMapping *mapping)
{
  GString *s = g_string_new (NULL);
  const char *virtual_name = am_block_device_mapping_get_virtual_name (mapping);
  int size = am_block_device_mapping_get_volume_size (mapping);
  int iops = am_block_device_mapping_get_iops (mapping);
  int throughput = am_block_device_mapping_get_throughput (mapping);

  if (virtual_name != NULL)
    {
      g_string_append_printf (s, _("Instance store (%s)"), virtual_name);
      return g_string_free (s, FALSE);
    }
  if (am_block_device_mapping_get_no_device (mapping))
    return g_strdup (_("Suppressed: no device at launch"));

  g_string_append (s, _("EBS"));
  if (am_block_device_mapping_get_volume_type (mapping) != NULL)
    g_string_append_printf (s, " %s", am_block_device_mapping_get_volume_type (mapping));
  if (size > 0)
    g_string_append_printf (s, " · %d GiB", size);
  if (iops > 0)
    g_string_append_printf (s, " · %d IOPS", iops);
  if (throughput > 0)
    g_string_append_printf (s, " · %d MiB/s", throughput);
  g_string_append_printf (s, " · %s", am_block_device_mapping_get_encrypted (mapping)
                                        ? _("encrypted") : _("not encrypted"));
  if (am_block_device_mapping_get_snapshot_id (mapping) != NULL)
    g_string_append_printf (s, _(" · from %s"), am_block_device_mapping_get_snapshot_id (mapping));
  g_string_append (s, am_block_device_mapping_get_delete_on_termination (mapping)
                        ? _(" · deleted with the instance") : _(" · kept after the instance ends"));

  return g_string_free (s, FALSE);
}

static void
fill_permissions (AmImageDetails             *self,
                  AmLaunchPermission * const *permissions)
{
  if (self->image == NULL)
    return;

  if (am_image_get_is_public (self->image))
    add_dynamic_row (self, self->permissions_group, _("Everyone"), _("Public: any AWS account can launch it"), FALSE);

  if (permissions == NULL)
    {
      if (!am_image_get_is_public (self->image))
        add_dim_row (self, self->permissions_group, _("Only the owner can see who else may launch this image"));
      return;
    }

  for (guint i = 0; permissions[i] != NULL; i++)
    {
      AmLaunchPermission *perm = permissions[i];

      if (am_launch_permission_get_user_id (perm) != NULL)
        add_dynamic_row (self, self->permissions_group, _("Account"), am_launch_permission_get_user_id (perm), TRUE);
      else if (am_launch_permission_get_organization_arn (perm) != NULL)
        add_dynamic_row (self, self->permissions_group, _("Organization"), am_launch_permission_get_organization_arn (perm), TRUE);
      else if (am_launch_permission_get_organizational_unit_arn (perm) != NULL)
        add_dynamic_row (self, self->permissions_group, _("Organizational Unit"), am_launch_permission_get_organizational_unit_arn (perm), TRUE);
    }
  if (permissions[0] == NULL && !am_image_get_is_public (self->image))
    add_dim_row (self, self->permissions_group, _("Private: only the owner can launch it"));
}

static void
fill (AmImageDetails *self)
{
  AmBlockDeviceMapping * const *mappings;
  AmTag * const *tags;

  g_hash_table_remove_all (self->values);
  am_image_anatomy_set_image (self->anatomy, self->image);

  if (self->n_selected > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Image Selected", "%u Images Selected", self->n_selected),
                                                self->n_selected);

      adw_status_page_set_title (self->empty_page, title);
      if (self->manageable)
        adw_status_page_set_description (self->empty_page, _("Edit the tags of every selected image at once, or deregister them together. Select one image to see its details."));
      else
        adw_status_page_set_description (self->empty_page, _("Select one image to see its details. Only images owned by this account can be tagged or deregistered."));
      gtk_widget_set_visible (self->bulk_box, self->manageable);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_widget_set_visible (self->bulk_box, FALSE);
  if (self->image == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Image Selected"));
      adw_status_page_set_description (self->empty_page, _("Select an image to see what it is made of and who may launch it."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_label (self->title_label,
                       am_image_get_name (self->image) != NULL ? am_image_get_name (self->image)
                                                               : am_image_get_image_id (self->image));
  gtk_label_set_label (self->subtitle_label,
                       am_image_get_description (self->image) != NULL ? am_image_get_description (self->image) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), am_image_get_description (self->image) != NULL);

  {
    gboolean shown[N_HEADINGS] = { FALSE, };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *value = fields[i].get (self->image);
        AdwActionRow *row = g_ptr_array_index (self->field_rows, i);

        set_row_value (self, row, _(fields[i].title), value);
        shown[fields[i].heading] |= value != NULL;
        /* Times read in local time; the row's tooltip has them in UTC. */
        if (fields[i].time != NULL)
          {
            g_autofree char *utc = am_time_format_utc (fields[i].time (self->image));

            set_tooltip_if_changed (GTK_WIDGET (row), utc);
          }
      }
    for (guint i = 0; i < N_HEADINGS; i++)
      gtk_widget_set_visible (g_ptr_array_index (self->field_groups, i), shown[i]);
  }

  mappings = am_image_get_block_device_mappings (self->image);
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      g_autofree char *text = mapping_text (mappings[i]);
      const char *device = am_block_device_mapping_get_device_name (mappings[i]);
      g_autofree char *title = NULL;

      if (g_strcmp0 (device, am_image_get_root_device_name (self->image)) == 0)
        title = g_strdup_printf (_("%s (root)"), device);
      else
        title = g_strdup (device != NULL ? device : "");
      add_dynamic_row (self, self->volumes_group, title, text, FALSE);
    }
  if (mappings[0] == NULL)
    add_dim_row (self, self->volumes_group, _("No volumes are listed"));

  fill_permissions (self, NULL);
  fill_references (self, NULL, NULL);

  tags = am_image_get_tags (self->image);
  for (guint i = 0; tags[i] != NULL; i++)
    add_dynamic_row (self, self->tags_group, am_tag_get_key (tags[i]), am_tag_get_value (tags[i]), FALSE);
  if (tags[0] == NULL)
    add_dim_row (self, self->tags_group, _("No tags"));

  gtk_stack_set_visible_child_name (self->stack, "image");
}

static void
update (AmImageDetails *self)
{
  clear_dynamic_rows (self, FALSE);
  fill (self);
  clear_dynamic_rows (self, TRUE);
}

static void
am_image_details_dispose (GObject *object)
{
  AmImageDetails *self = AM_IMAGE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_IMAGE_DETAILS);
  g_clear_object (&self->image);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_groups, g_ptr_array_unref);
  g_clear_pointer (&self->pools, g_hash_table_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (am_image_details_parent_class)->dispose (object);
}

static void
am_image_details_class_init (AmImageDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_image_details_dispose;

  g_type_ensure (AM_TYPE_IMAGE_ANATOMY);
  g_type_ensure (AM_TYPE_IMAGE_LINEAGE);
  g_type_ensure (AM_TYPE_IMAGE_STORAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/images/am-image-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, bulk_box);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, anatomy);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, lineage);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, storage);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, fields_box);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, anatomy_group);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, volumes_group);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, permissions_group);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, used_by_group);
  gtk_widget_class_bind_template_child (widget_class, AmImageDetails, tags_group);
}

static void
am_image_details_init (AmImageDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  self->field_groups = g_ptr_array_new ();
  self->pools = g_hash_table_new_full (NULL, NULL, NULL, row_pool_free);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Group headings with a wrapping description are measured for their width only once per
   * width (see am-title-layout.h). */
  {
    AdwPreferencesGroup *groups[] = { self->anatomy_group, self->volumes_group, self->permissions_group,
                                      self->used_by_group, self->tags_group };

    for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
      am_preferences_group_use_title_layout (groups[i]);
  }

  /* The fixed rows are built once, under their headings; a selection change only updates
   * their text. */
  for (guint i = 0; i < N_HEADINGS; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(headings[i]));
      gtk_box_append (self->fields_box, group);
      g_ptr_array_add (self->field_groups, group);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      AdwActionRow *row = new_copy_row (_(fields[i].title),
                                        fields[i].explanation != NULL ? _(fields[i].explanation) : NULL,
                                        fields[i].copy);

      adw_preferences_group_add (g_ptr_array_index (self->field_groups, fields[i].heading), GTK_WIDGET (row));
      g_ptr_array_add (self->field_rows, row);
    }

  update (self);
}

GtkWidget *
am_image_details_new (void)
{
  return g_object_new (AM_TYPE_IMAGE_DETAILS, NULL);
}

void
am_image_details_set_image (AmImageDetails *self,
                            AmImage        *image)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));
  g_return_if_fail (image == NULL || AM_IS_IMAGE (image));

  if (self->image == image)
    return;

  g_set_object (&self->image, image);
  update (self);
}

AmImage *
am_image_details_get_image (AmImageDetails *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_DETAILS (self), NULL);

  return self->image;
}

void
am_image_details_set_n_selected (AmImageDetails *self,
                                 guint           n_selected)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));

  if (self->n_selected == n_selected)
    return;
  self->n_selected = n_selected;
  update (self);
}

void
am_image_details_set_manageable (AmImageDetails *self,
                                 gboolean        manageable)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));

  manageable = !!manageable;
  if (self->manageable == manageable)
    return;
  self->manageable = manageable;
  update (self);
}

void
am_image_details_set_launch_permissions (AmImageDetails             *self,
                                         AmLaunchPermission * const *permissions)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));

  if (self->image == NULL)
    return;

  /* Only the permissions rows change. */
  clear_group_rows (self, self->permissions_group);
  fill_permissions (self, permissions);
  trim_group_rows (self, self->permissions_group);
  am_image_anatomy_set_launch_permissions (self->anatomy, permissions);
}

void
am_image_details_add_user (AmImageDetails *self,
                           const char     *resource_type,
                           const char     *name,
                           const char     *error)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));

  if (self->image == NULL || !self->manageable)
    return;
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not find what uses this image: %s"), error);

      add_dim_row (self, self->used_by_group, text);
    }
  else
    add_dynamic_row (self, self->used_by_group, reference_kind (resource_type), name, TRUE);
}

void
am_image_details_set_references (AmImageDetails *self,
                                 GPtrArray      *references,
                                 const char     *error)
{
  g_return_if_fail (AM_IS_IMAGE_DETAILS (self));

  if (self->image == NULL)
    return;
  clear_group_rows (self, self->used_by_group);
  /* The copyable values of the group go with its rows. */
  {
    g_autofree char *prefix = g_strdup_printf ("%s/", adw_preferences_group_get_title (self->used_by_group));
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->values);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (g_str_has_prefix (key, prefix))
        g_hash_table_iter_remove (&iter);
  }
  fill_references (self, references, error);
  trim_group_rows (self, self->used_by_group);
}

const char *
am_image_details_get_field (AmImageDetails *self,
                            const char     *title)
{
  g_return_val_if_fail (AM_IS_IMAGE_DETAILS (self), NULL);

  return g_hash_table_lookup (self->values, title);
}

/* The Lineage group (where the image came from), for the view to fill with its client. */
AmImageLineage *
am_image_details_get_lineage (AmImageDetails *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_DETAILS (self), NULL);

  return self->lineage;
}

/* The Storage group (what the image's snapshots cost), for the view to fill with its client. */
AmImageStorage *
am_image_details_get_storage (AmImageDetails *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_DETAILS (self), NULL);

  return self->storage;
}
