/* am-sandbox-governance.c: Block Public Access, Allowed AMIs, ancestry, usage reports, CancelImageLaunchPermission
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "am-sandbox-private.h"
#include "am-sandbox-record.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)
/* EC2 keeps a usage report for 30 days. */
#define REPORT_TTL_MS (30 * DAY_MS)
/* GetImageAncestry gives up on chains longer than this (a loop in a hand-edited state). */
#define MAX_ANCESTRY 64
/* EC2's limits on the Allowed AMIs criteria. */
#define MAX_CRITERIA 10
/* How the state file's governance entries are said to be damaged. */
#define DAMAGED "the state file has a damaged %s"
#define MAX_CRITERION_VALUES 200

typedef struct
{
  GPtrArray *providers;       /* char*, nullable */
  GPtrArray *names;           /* char*, nullable */
  GPtrArray *product_codes;   /* char*, nullable */
  gint64     max_days_created;    /* -1: no condition */
  gint64     max_days_deprecated; /* -1: no condition */
} Criterion;

static const char *const allowed_states[] = { "disabled", "enabled", "audit-mode", NULL };

/* One account's settings in one region; the table key is "ACCOUNT/REGION". */
struct _AmSbGovernance
{
  char       *key;
  gboolean    block_public;
  const char *allowed_state;  /* disabled, enabled, audit-mode (interned) */
  GPtrArray  *criteria;       /* Criterion */
};

typedef struct
{
  const char *resource_type;  /* interned */
  const char *account_id;     /* interned */
  gint64      count;
} ReportEntry;

struct _AmSbUsageReport
{
  char       *report_id;
  const char *region;
  const char *owner_id;
  char       *image_id;
  GPtrArray  *resource_types; /* char* */
  GPtrArray  *account_ids;    /* char*, as asked (empty: all) */
  gint64      version_depth;
  gint64      creation_time;
  GArray     *entries;        /* ReportEntry, computed when the report was made */
};

static void
criterion_free (Criterion *c)
{
  g_clear_pointer (&c->providers, g_ptr_array_unref);
  g_clear_pointer (&c->names, g_ptr_array_unref);
  g_clear_pointer (&c->product_codes, g_ptr_array_unref);
  g_free (c);
}

static Criterion *
criterion_new (void)
{
  Criterion *c = g_new0 (Criterion, 1);

  c->max_days_created = -1;
  c->max_days_deprecated = -1;
  return c;
}

void
am_sb_governance_free (AmSbGovernance *gov)
{
  g_free (gov->key);
  g_clear_pointer (&gov->criteria, g_ptr_array_unref);
  g_free (gov);
}

void
am_sb_usage_report_free (AmSbUsageReport *report)
{
  g_free (report->report_id);
  g_free (report->image_id);
  g_clear_pointer (&report->resource_types, g_ptr_array_unref);
  g_clear_pointer (&report->account_ids, g_ptr_array_unref);
  g_clear_pointer (&report->entries, g_array_unref);
  g_free (report);
}

static AmSbGovernance *
governance_new (const char *key)
{
  AmSbGovernance *gov = g_new0 (AmSbGovernance, 1);

  gov->key = g_strdup (key);
  gov->allowed_state = g_intern_static_string ("disabled");
  gov->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  return gov;
}

/* The settings of @account_id in @region; NULL (all defaults) when never set. */
static AmSbGovernance *
lookup (AmSbState  *state,
        const char *account_id,
        const char *region)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", account_id, region);

  return g_hash_table_lookup (state->governance, key);
}

static AmSbGovernance *
ensure (AmSbCall *call)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", call->account->account_id, call->region);
  AmSbGovernance *gov = g_hash_table_lookup (call->state->governance, key);

  if (gov == NULL)
    {
      gov = governance_new (key);
      g_hash_table_replace (call->state->governance, gov->key, gov);
    }
  return gov;
}

static const char *
allowed_state (AmSbCall *call)
{
  AmSbGovernance *gov = lookup (call->state, call->account->account_id, call->region);

  return gov ? gov->allowed_state : "disabled";
}

/* Allowed AMIs */

static gboolean
list_contains (GPtrArray  *list,
               const char *value)
{
  for (guint i = 0; list && value && i < list->len; i++)
    if (strcmp (list->pdata[i], value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
provider_matches (GPtrArray       *providers,
                  const AmSbImage *image)
{
  for (guint i = 0; i < providers->len; i++)
    {
      const char *p = providers->pdata[i];

      if (g_strcmp0 (image->owner_alias, p) == 0 || strcmp (image->owner_id, p) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
criterion_matches (const Criterion *c,
                   const AmSbImage *image,
                   gint64           now_ms)
{
  if (c->providers && !provider_matches (c->providers, image))
    return FALSE;
  if (c->names && !am_sb_filter_values_match (c->names, image->name))
    return FALSE;
  if (c->product_codes)
    {
      gboolean found = FALSE;

      for (guint i = 0; image->product_codes && i < image->product_codes->len && !found; i++)
        found = list_contains (c->product_codes, ((AmSbProductCode *) image->product_codes->pdata[i])->code);
      if (!found)
        return FALSE;
    }
  if (c->max_days_created >= 0 && image->creation_time < now_ms - c->max_days_created * DAY_MS)
    return FALSE;
  if (c->max_days_deprecated >= 0 && image->deprecation_time != 0 && image->deprecation_time <= now_ms
      && image->deprecation_time < now_ms - c->max_days_deprecated * DAY_MS)
    return FALSE;
  return TRUE;
}

/* Whether @image passes the caller's criteria (own images always do, as in EC2). */
static gboolean
image_allowed (AmSbCall        *call,
               const AmSbImage *image)
{
  AmSbGovernance *gov = lookup (call->state, call->account->account_id, call->region);

  if (strcmp (image->owner_id, call->account->account_id) == 0)
    return TRUE;
  for (guint i = 0; gov && i < gov->criteria->len; i++)
    if (criterion_matches (gov->criteria->pdata[i], image, call->now_ms))
      return TRUE;
  return FALSE;
}

void
_am_sb_xml_image_allowed (AmSbCall        *call,
                          GString         *s,
                          const AmSbImage *image)
{
  if (strcmp (allowed_state (call), "disabled") != 0)
    _am_sb_xml_bool (s, "imageAllowed", image_allowed (call, image));
}

gboolean
_am_sb_image_hidden_by_settings (AmSbCall        *call,
                                 const AmSbImage *image)
{
  return strcmp (allowed_state (call), "enabled") == 0 && !image_allowed (call, image);
}

gboolean
_am_sb_check_image_allowed (AmSbCall        *call,
                            const AmSbImage *image)
{
  if (!_am_sb_image_hidden_by_settings (call, image))
    return TRUE;
  /* EC2 does not document this refusal's code: a not-launchable image's code, rather than an
   * authorization one, since the credentials are not at fault. */
  return _am_sb_fail (call, 400, "InvalidAMIID.Unavailable",
                      "Image %s is not allowed: it does not match the Allowed AMIs criteria of account "
                      "%s in %s. Change the criteria or use an allowed image.",
                      image->image_id, call->account->account_id, call->region);
}

/* Block Public Access */

gboolean
_am_sb_check_public_sharing (AmSbCall        *call,
                             const AmSbImage *image,
                             GPtrArray       *adding)
{
  AmSbGovernance *gov = lookup (call->state, call->account->account_id, call->region);

  if (gov == NULL || !gov->block_public || am_sb_image_is_public (image))
    return TRUE;
  for (guint i = 0; i < adding->len; i++)
    if (((AmSbLaunchPermission *) adding->pdata[i])->kind == AM_SB_PERM_GROUP)
      return _am_sb_fail (call, 400, "OperationNotPermitted",
                          "You can't publicly share this image because block public access for AMIs is "
                          "enabled for this account. To publicly share the image, you must call the "
                          "DisableImageBlockPublicAccess API.");
  return TRUE;
}

static gboolean
op_get_block_public_access (AmSbCall *call)
{
  AmSbGovernance *gov = lookup (call->state, call->account->account_id, call->region);

  if (_am_sb_dry_run (call))
    return FALSE;
  _am_sb_xml_text (call->body, "imageBlockPublicAccessState",
                   gov && gov->block_public ? "block-new-sharing" : "unblocked");
  _am_sb_xml_text (call->body, "managedBy", "account");
  return TRUE;
}

/* The value of @name, one of @valid; NULL when it is missing or another (the call failed). */
static const char *
require_state (AmSbCall          *call,
               const char        *name,
               const char *const *valid)
{
  const char *value;
  g_autofree char *list = NULL;

  if (!_am_sb_require (call, name, &value))
    return NULL;
  if (g_strv_contains (valid, value))
    return value;
  list = g_strjoinv (", ", (char **) valid);
  _am_sb_fail (call, 400, "InvalidParameterValue", "Value (%s) for parameter %s is invalid. Valid value%s: %s.",
               value, name, valid[1] != NULL ? "s" : "", list);
  return NULL;
}

static gboolean
op_enable_block_public_access (AmSbCall *call)
{
  static const char *const valid[] = { "block-new-sharing", NULL };

  if (!require_state (call, "ImageBlockPublicAccessState", valid) || _am_sb_dry_run (call))
    return FALSE;
  ensure (call)->block_public = TRUE;
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "imageBlockPublicAccessState", "block-new-sharing");
  return TRUE;
}

static gboolean
op_disable_block_public_access (AmSbCall *call)
{
  if (_am_sb_dry_run (call))
    return FALSE;
  ensure (call)->block_public = FALSE;
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "imageBlockPublicAccessState", "unblocked");
  return TRUE;
}

/* Allowed AMIs operations */

static void
xml_list (GString    *s,
          const char *element,
          GPtrArray  *values)
{
  if (values == NULL)
    return;
  g_string_append_printf (s, "<%s>", element);
  for (guint i = 0; i < values->len; i++)
    _am_sb_xml_text (s, "item", values->pdata[i]);
  g_string_append_printf (s, "</%s>", element);
}

static gboolean
op_get_allowed_images_settings (AmSbCall *call)
{
  AmSbGovernance *gov = lookup (call->state, call->account->account_id, call->region);
  GString *s = call->body;

  if (_am_sb_dry_run (call))
    return FALSE;
  _am_sb_xml_text (s, "state", gov ? gov->allowed_state : "disabled");
  g_string_append (s, "<imageCriterionSet>");
  for (guint i = 0; gov && i < gov->criteria->len; i++)
    {
      Criterion *c = gov->criteria->pdata[i];

      g_string_append (s, "<item>");
      xml_list (s, "imageProviderSet", c->providers);
      xml_list (s, "marketplaceProductCodeSet", c->product_codes);
      xml_list (s, "imageNameSet", c->names);
      if (c->max_days_deprecated >= 0)
        {
          g_string_append (s, "<deprecationTimeCondition>");
          _am_sb_xml_int (s, "maximumDaysSinceDeprecated", c->max_days_deprecated);
          g_string_append (s, "</deprecationTimeCondition>");
        }
      if (c->max_days_created >= 0)
        {
          g_string_append (s, "<creationDateCondition>");
          _am_sb_xml_int (s, "maximumDaysSinceCreated", c->max_days_created);
          g_string_append (s, "</creationDateCondition>");
        }
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</imageCriterionSet>");
  _am_sb_xml_text (s, "managedBy", "account");
  return TRUE;
}

static gboolean
op_enable_allowed_images_settings (AmSbCall *call)
{
  static const char *const valid[] = { "enabled", "audit-mode", NULL };
  const char *value = require_state (call, "AllowedImagesSettingsState", valid);

  if (value == NULL || _am_sb_dry_run (call))
    return FALSE;
  ensure (call)->allowed_state = g_intern_string (value);
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "allowedImagesSettingsState", value);
  return TRUE;
}

static gboolean
op_disable_allowed_images_settings (AmSbCall *call)
{
  if (_am_sb_dry_run (call))
    return FALSE;
  ensure (call)->allowed_state = g_intern_static_string ("disabled");
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "allowedImagesSettingsState", "disabled");
  return TRUE;
}

static gboolean
valid_provider (const char *value)
{
  static const char *const aliases[] = { "amazon", "aws-marketplace", "aws-backup-vault", "none", NULL };

  if (g_strv_contains (aliases, value))
    return TRUE;
  if (strlen (value) != 12)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* ImageCriterion.N.FIELD.M into a list (NULL when none is given). */
static GPtrArray *
criterion_values (AmSbCall   *call,
                  guint       n,
                  const char *field)
{
  g_autofree char *prefix = g_strdup_printf ("ImageCriterion.%u.%s", n, field);
  g_autoptr (GPtrArray) values = _am_sb_param_list (call, prefix);

  if (values->len == 0)
    return NULL;
  /* The call's list borrows the parameter table: keep our own copies. */
  {
    GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < values->len; i++)
      g_ptr_array_add (copy, g_strdup (values->pdata[i]));
    return copy;
  }
}

static gboolean
criterion_days (AmSbCall   *call,
                guint       n,
                const char *field,
                gint64     *out)
{
  g_autofree char *name = g_strdup_printf ("ImageCriterion.%u.%s", n, field);

  return _am_sb_param_int (call, name, 0, 2147483647, -1, out);
}

static gboolean
op_replace_image_criteria (AmSbCall *call)
{
  g_autoptr (GArray) indices = _am_sb_param_indices (call, "ImageCriterion");
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  AmSbGovernance *gov;
  guint total = 0;

  if (indices->len > MAX_CRITERIA)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "You can specify at most %d image criteria; %u were given.", MAX_CRITERIA, indices->len);
  for (guint i = 0; i < indices->len; i++)
    {
      guint n = g_array_index (indices, guint, i);
      Criterion *c = criterion_new ();

      g_ptr_array_add (criteria, c);
      c->providers = criterion_values (call, n, "ImageProvider");
      c->names = criterion_values (call, n, "ImageName");
      c->product_codes = criterion_values (call, n, "MarketplaceProductCode");
      if (!criterion_days (call, n, "CreationDateCondition.MaximumDaysSinceCreated", &c->max_days_created)
          || !criterion_days (call, n, "DeprecationTimeCondition.MaximumDaysSinceDeprecated",
                              &c->max_days_deprecated))
        return FALSE;
      for (guint j = 0; c->providers && j < c->providers->len; j++)
        if (!valid_provider (c->providers->pdata[j]))
          return _am_sb_fail (call, 400, "InvalidParameterValue",
                              "Invalid image provider '%s': use amazon, aws-marketplace, aws-backup-vault, "
                              "none or a 12-digit account ID.", (char *) c->providers->pdata[j]);
      if (c->providers == NULL && c->names == NULL && c->product_codes == NULL
          && c->max_days_created < 0 && c->max_days_deprecated < 0)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Image criterion %u is empty: give image providers, names, product codes, "
                            "a creation date or a deprecation time condition.", n);
      total += (c->providers ? c->providers->len : 0) + (c->names ? c->names->len : 0)
               + (c->product_codes ? c->product_codes->len : 0);
    }
  if (total > MAX_CRITERION_VALUES)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "The image criteria may hold at most %d values; %u were given.",
                        MAX_CRITERION_VALUES, total);
  if (_am_sb_dry_run (call))
    return FALSE;
  gov = ensure (call);
  g_ptr_array_set_size (gov->criteria, 0);
  for (guint i = 0; i < criteria->len; i++)
    g_ptr_array_add (gov->criteria, g_steal_pointer (&criteria->pdata[i]));
  g_ptr_array_set_free_func (criteria, NULL);
  return _am_sb_changed (call);
}

/* Ancestry */

/* The image @image was made from: CopyImage's source, or the image of the instance CreateImage
 * used (for images created before the source was recorded). */
static void
parent_of (AmSbCall         *call,
           const AmSbImage  *image,
           const char      **id,
           const char      **region)
{
  *id = image->source_image_id;
  *region = image->source_image_region ? image->source_image_region : image->region;
  if (*id == NULL && image->source_instance_id != NULL)
    {
      AmSbInstance *instance = g_hash_table_lookup (call->state->instances, image->source_instance_id);

      if (instance != NULL)
        {
          *id = instance->image_id;
          *region = instance->region;
        }
    }
}

static gboolean
op_get_image_ancestry (AmSbCall *call)
{
  const char *image_id;
  const AmSbImage *image;
  GString *s = call->body;

  if (!_am_sb_require (call, "ImageId", &image_id))
    return FALSE;
  image = _am_sb_visible_image (call, image_id);
  if (image == NULL || _am_sb_dry_run (call))
    return FALSE;
  g_string_append (s, "<imageAncestryEntrySet>");
  for (guint depth = 0; image != NULL && depth < MAX_ANCESTRY; depth++)
    {
      const char *parent_id;
      const char *parent_region;

      parent_of (call, image, &parent_id, &parent_region);
      g_string_append (s, "<item>");
      _am_sb_xml_time (s, "creationDate", image->creation_time);
      _am_sb_xml_text (s, "imageId", image->image_id);
      _am_sb_xml_text (s, "imageOwnerAlias", image->owner_alias);
      _am_sb_xml_text (s, "sourceImageId", parent_id);
      if (parent_id != NULL)
        _am_sb_xml_text (s, "sourceImageRegion", parent_region);
      g_string_append (s, "</item>");
      /* A deregistered parent ends the chain: its entry names it, but it has none of its own. */
      image = parent_id ? am_sb_state_find_image (call->state, parent_region, parent_id) : NULL;
    }
  g_string_append (s, "</imageAncestryEntrySet>");
  return TRUE;
}

/* CancelImageLaunchPermission */

static gboolean
op_cancel_image_launch_permission (AmSbCall *call)
{
  const char *image_id;
  AmSbImage *image;
  guint found = G_MAXUINT;

  if (!_am_sb_require (call, "ImageId", &image_id))
    return FALSE;
  image = _am_sb_visible_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (strcmp (image->owner_id, call->account->account_id) == 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Image %s is owned by this account: remove its launch permissions with "
                        "ModifyImageAttribute or deregister it instead.", image_id);
  for (guint i = 0; i < image->launch_permissions->len && found == G_MAXUINT; i++)
    {
      AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

      if (perm->kind == AM_SB_PERM_USER && strcmp (perm->value, call->account->account_id) == 0)
        found = i;
    }
  if (found == G_MAXUINT)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Image %s is not shared with account %s directly (it is public, or shared with "
                        "an organization or OU): only its owner can remove that access.",
                        image_id, call->account->account_id);
  if (_am_sb_dry_run (call))
    return FALSE;
  g_ptr_array_remove_index (image->launch_permissions, found);
  return _am_sb_changed (call);
}

/* Usage reports */

static const char *
report_state (AmSbCall              *call,
              const AmSbUsageReport *report)
{
  return call->now_ms >= report->creation_time + (gint64) call->state->transition_ms ? "available" : "pending";
}

static void
count_usage (GArray     *entries,
             const char *resource_type,
             const char *account_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      ReportEntry *e = &g_array_index (entries, ReportEntry, i);

      if (e->resource_type == resource_type && e->account_id == account_id)
        {
          e->count++;
          return;
        }
    }
  g_array_append_vals (entries, &(ReportEntry) { resource_type, account_id, 1 }, 1);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ReportEntry *x = a;
  const ReportEntry *y = b;
  int c = strcmp (x->resource_type, y->resource_type);

  return c != 0 ? c : strcmp (x->account_id, y->account_id);
}

static void
compute_entries (AmSbCall        *call,
                 AmSbUsageReport *report)
{
  GHashTableIter iter;
  gpointer value;
  const char *instance_type = g_intern_static_string ("ec2:Instance");
  const char *template_type = g_intern_static_string ("ec2:LaunchTemplate");

  if (list_contains (report->resource_types, instance_type))
    {
      g_hash_table_iter_init (&iter, call->state->instances);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          AmSbInstance *instance = value;
          const char *state = am_sb_instance_state (instance, call->state->transition_ms, call->now_ms, NULL);

          if (instance->region != report->region || g_strcmp0 (instance->image_id, report->image_id) != 0
              || strcmp (state, "terminated") == 0 || strcmp (state, "shutting-down") == 0)
            continue;
          if (report->account_ids->len > 0 && !list_contains (report->account_ids, instance->owner_id))
            continue;
          count_usage (report->entries, instance_type, g_intern_string (instance->owner_id));
        }
    }
  if (list_contains (report->resource_types, template_type))
    {
      g_hash_table_iter_init (&iter, call->state->launch_templates);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          AmSbLaunchTemplate *lt = value;

          if (lt->region != report->region || g_strcmp0 (g_hash_table_lookup (lt->data, "ImageId"), report->image_id) != 0)
            continue;
          if (report->account_ids->len > 0 && !list_contains (report->account_ids, lt->owner_id))
            continue;
          count_usage (report->entries, template_type, g_intern_string (lt->owner_id));
        }
    }
  g_array_sort (report->entries, compare_entries);
}

static gboolean
op_create_image_usage_report (AmSbCall *call)
{
  static const char *const types[] = { "ec2:Instance", "ec2:LaunchTemplate", NULL };
  const char *image_id;
  const char *token = _am_sb_param (call, "ClientToken");
  const char *earlier = NULL;
  g_autoptr (GArray) indices = _am_sb_param_indices (call, "ResourceType");
  g_autoptr (GPtrArray) accounts = _am_sb_param_list (call, "AccountId");
  g_autoptr (GPtrArray) tag_specs = NULL;
  AmSbUsageReport *report;
  AmSbImage *image;
  gint64 depth = 20;

  if (!_am_sb_require (call, "ImageId", &image_id))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (indices->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter ResourceTypes");
  for (guint i = 0; i < accounts->len; i++)
    if (strlen (accounts->pdata[i]) != 12 || strspn (accounts->pdata[i], "0123456789") != 12)
      return _am_sb_fail (call, 400, "InvalidParameterValue",
                          "Invalid account ID '%s': use a 12-digit account ID.", (char *) accounts->pdata[i]);
  tag_specs = _am_sb_tag_specs (call, "image-usage-report");

  report = g_new0 (AmSbUsageReport, 1);
  report->resource_types = g_ptr_array_new_with_free_func (g_free);
  report->account_ids = g_ptr_array_new_with_free_func (g_free);
  report->entries = g_array_new (FALSE, FALSE, sizeof (ReportEntry));
  for (guint i = 0; i < indices->len; i++)
    {
      guint n = g_array_index (indices, guint, i);
      g_autofree char *key = g_strdup_printf ("ResourceType.%u.ResourceType", n);
      g_autofree char *option = g_strdup_printf ("ResourceType.%u.ResourceTypeOption.1.OptionName", n);
      g_autofree char *option_value = g_strdup_printf ("ResourceType.%u.ResourceTypeOption.1.OptionValue.1", n);
      const char *type = _am_sb_param (call, key);
      const char *name = _am_sb_param (call, option);

      if (type == NULL || !g_strv_contains (types, type))
        {
          am_sb_usage_report_free (report);
          return _am_sb_fail (call, 400, "InvalidParameterValue",
                              "Value (%s) for parameter ResourceType is invalid. Valid values: "
                              "ec2:Instance, ec2:LaunchTemplate.", type ? type : "");
        }
      if (name != NULL && (strcmp (type, "ec2:LaunchTemplate") != 0 || strcmp (name, "version-depth") != 0
                           || !_am_sb_param_int (call, option_value, 1, 10000, 20, &depth)))
        {
          am_sb_usage_report_free (report);
          if (call->error_code != NULL)
            return FALSE;
          return _am_sb_fail (call, 400, "InvalidParameterValue",
                              "The option %s is not valid for %s: the only option is version-depth, for "
                              "ec2:LaunchTemplate.", name, type);
        }
      if (!list_contains (report->resource_types, type))
        g_ptr_array_add (report->resource_types, g_strdup (type));
    }
  if (token != NULL && _am_sb_lookup_client_token (call, token, &earlier))
    {
      am_sb_usage_report_free (report);
      if (earlier == NULL || _am_sb_dry_run (call))
        return FALSE;
      _am_sb_xml_text (call->body, "reportId", earlier);
      return TRUE;
    }
  if (_am_sb_dry_run (call))
    {
      am_sb_usage_report_free (report);
      return FALSE;
    }
  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (report->account_ids, g_strdup (accounts->pdata[i]));
  report->report_id = am_sb_state_new_id (call->state, "amiur", call->state->usage_reports);
  report->region = g_intern_string (call->region);
  report->owner_id = g_intern_string (call->account->account_id);
  report->image_id = g_strdup (image_id);
  report->version_depth = depth;
  report->creation_time = call->now_ms;
  compute_entries (call, report);
  g_hash_table_replace (call->state->usage_reports, report->report_id, report);
  for (guint i = 0; i + 1 < tag_specs->len; i += 2)
    am_sb_state_set_tag (call->state, call->account->account_id, report->report_id, tag_specs->pdata[i],
                         tag_specs->pdata[i + 1]);
  if (token != NULL)
    _am_sb_save_client_token (call, token, report->report_id);
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "reportId", report->report_id);
  return TRUE;
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  const AmSbUsageReport *x = *(AmSbUsageReport * const *) a;
  const AmSbUsageReport *y = *(AmSbUsageReport * const *) b;

  return strcmp (x->report_id, y->report_id);
}

/* The caller's reports in the call's region that ImageId.N, ReportId.N and the filters select. */
static GPtrArray *
select_reports (AmSbCall *call)
{
  g_autoptr (GPtrArray) images = _am_sb_param_list (call, "ImageId");
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ReportId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  if (!_am_sb_parse_filters (call, &filters))
    return NULL;
  for (guint i = 0; i < filters->len; i++)
    {
      AmSbFilter *f = filters->pdata[i];

      if (strcmp (f->name, "state") != 0 && strcmp (f->name, "creation-time") != 0
          && strcmp (f->name, "tag-key") != 0 && !g_str_has_prefix (f->name, "tag:"))
        {
          _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", f->name);
          return NULL;
        }
    }
  for (guint i = 0; i < ids->len; i++)
    {
      AmSbUsageReport *r = g_hash_table_lookup (call->state->usage_reports, ids->pdata[i]);

      if (r == NULL || strcmp (r->owner_id, call->account->account_id) != 0 || strcmp (r->region, call->region) != 0)
        {
          _am_sb_fail (call, 400, "InvalidImageUsageReportId.NotFound",
                       "The image usage report ID '%s' does not exist", (char *) ids->pdata[i]);
          return NULL;
        }
    }
  g_hash_table_iter_init (&iter, call->state->usage_reports);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbUsageReport *r = value;
      gboolean keep = strcmp (r->owner_id, call->account->account_id) == 0 && strcmp (r->region, call->region) == 0
                      && (images->len == 0 || list_contains (images, r->image_id))
                      && (ids->len == 0 || list_contains (ids, r->report_id));

      for (guint i = 0; keep && i < filters->len; i++)
        {
          AmSbFilter *f = filters->pdata[i];
          g_autofree char *created = am_sb_format_time (r->creation_time);
          gboolean handled = FALSE;

          if (strcmp (f->name, "state") == 0)
            keep = am_sb_filter_values_match (f->values, report_state (call, r));
          else if (strcmp (f->name, "creation-time") == 0)
            keep = am_sb_filter_values_match (f->values, created);
          else
            keep = am_sb_tags_match (am_sb_state_get_tags (call->state, call->account->account_id, r->report_id),
                                     f->name, f->values, &handled);
        }
      if (keep)
        g_ptr_array_add (out, r);
    }
  g_ptr_array_sort (out, compare_reports);
  return g_steal_pointer (&out);
}

static void
xml_report (AmSbCall *call,
            gpointer  item)
{
  AmSbUsageReport *r = item;
  GString *s = call->body;

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "imageId", r->image_id);
  _am_sb_xml_text (s, "reportId", r->report_id);
  g_string_append (s, "<resourceTypeSet>");
  for (guint i = 0; i < r->resource_types->len; i++)
    {
      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "resourceType", r->resource_types->pdata[i]);
      if (strcmp (r->resource_types->pdata[i], "ec2:LaunchTemplate") == 0)
        {
          g_autofree char *depth = g_strdup_printf ("%" G_GINT64_FORMAT, r->version_depth);

          g_string_append (s, "<resourceTypeOptionSet><item>");
          _am_sb_xml_text (s, "optionName", "version-depth");
          g_string_append (s, "<optionValueSet>");
          _am_sb_xml_text (s, "item", depth);
          g_string_append (s, "</optionValueSet></item></resourceTypeOptionSet>");
        }
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</resourceTypeSet>");
  if (r->account_ids->len > 0)
    xml_list (s, "accountIdSet", r->account_ids);
  _am_sb_xml_text (s, "state", report_state (call, r));
  _am_sb_xml_time (s, "creationTime", r->creation_time);
  _am_sb_xml_time (s, "expirationTime", r->creation_time + REPORT_TTL_MS);
  _am_sb_xml_tags (s, am_sb_state_get_tags (call->state, call->account->account_id, r->report_id));
  g_string_append (s, "</item>");
}

/* The reports the call asks for, after its paging parameters (NULL: the call failed). */
static GPtrArray *
paged_reports (AmSbCall *call,
               guint    *offset,
               guint    *limit)
{
  g_autoptr (GPtrArray) reports = NULL;

  if (!_am_sb_paginate (call, 1, 1000, offset, limit))
    return NULL;
  reports = select_reports (call);
  if (reports == NULL || _am_sb_dry_run (call))
    return NULL;
  return g_steal_pointer (&reports);
}

static gboolean
op_describe_image_usage_reports (AmSbCall *call)
{
  guint offset, limit;
  g_autoptr (GPtrArray) reports = paged_reports (call, &offset, &limit);

  if (reports == NULL)
    return FALSE;
  _am_sb_emit_page (call, reports, offset, limit, "imageUsageReportSet", xml_report);
  return TRUE;
}

/* One row of DescribeImageUsageReportEntries: an entry and its report. */
typedef struct
{
  const ReportEntry     *entry;
  const AmSbUsageReport *report;
} EntryRow;

static void
xml_entry_row (AmSbCall *call,
               gpointer  item)
{
  const EntryRow *row = item;
  GString *s = call->body;

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "resourceType", row->entry->resource_type);
  _am_sb_xml_text (s, "reportId", row->report->report_id);
  _am_sb_xml_int (s, "usageCount", row->entry->count);
  _am_sb_xml_text (s, "accountId", row->entry->account_id);
  _am_sb_xml_text (s, "imageId", row->report->image_id);
  _am_sb_xml_time (s, "reportCreationTime", row->report->creation_time);
  g_string_append (s, "</item>");
}

static gboolean
op_describe_image_usage_report_entries (AmSbCall *call)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);   /* EntryRow */
  guint offset, limit;
  g_autoptr (GPtrArray) reports = paged_reports (call, &offset, &limit);

  if (reports == NULL)
    return FALSE;
  /* A pending report has no entries yet. */
  for (guint i = 0; i < reports->len; i++)
    {
      AmSbUsageReport *r = reports->pdata[i];

      if (strcmp (report_state (call, r), "available") != 0)
        continue;
      for (guint j = 0; j < r->entries->len; j++)
        {
          EntryRow *row = g_new (EntryRow, 1);

          row->entry = &g_array_index (r->entries, ReportEntry, j);
          row->report = r;
          g_ptr_array_add (rows, row);
        }
    }
  _am_sb_emit_page (call, rows, offset, limit, "imageUsageReportEntrySet", xml_entry_row);
  return TRUE;
}

static gboolean
op_delete_image_usage_report (AmSbCall *call)
{
  const char *report_id;
  AmSbUsageReport *r;

  if (!_am_sb_require (call, "ReportId", &report_id))
    return FALSE;
  r = g_hash_table_lookup (call->state->usage_reports, report_id);
  if (r == NULL || strcmp (r->owner_id, call->account->account_id) != 0 || strcmp (r->region, call->region) != 0)
    return _am_sb_fail (call, 400, "InvalidImageUsageReportId.NotFound",
                        "The image usage report ID '%s' does not exist", report_id);
  if (_am_sb_dry_run (call))
    return FALSE;
  g_hash_table_remove (call->state->usage_reports, report_id);
  return _am_sb_changed (call);
}

/* Persistence: two top-level lists of the state file, "governance" and "imageUsageReports". */

#define STRINGS(Struct, member, json, flags) \
  { json, AM_SB_FIELD_STRINGS, G_STRUCT_OFFSET (Struct, member), (flags) | AM_SB_FIELD_SKIP_BAD }
#define NUMBER(Struct, member, json, fallback) \
  { json, AM_SB_FIELD_INT64, G_STRUCT_OFFSET (Struct, member), 0, NULL, NULL, fallback }

static const AmSbField criterion_fields[] = {
  STRINGS (Criterion, providers, "providers", AM_SB_FIELD_OMIT_NULL),
  STRINGS (Criterion, names, "names", AM_SB_FIELD_OMIT_NULL),
  STRINGS (Criterion, product_codes, "productCodes", AM_SB_FIELD_OMIT_NULL),
  NUMBER (Criterion, max_days_created, "maxDaysCreated", -1),
  NUMBER (Criterion, max_days_deprecated, "maxDaysDeprecated", -1),
};
static const AmSbRecordType criterion_type =
  AM_SB_RECORD_TYPE (Criterion, "image criterion", criterion_fields, criterion_free, NULL);

static gboolean
governance_finish (gpointer record)
{
  AmSbGovernance *gov = record;

  return g_strv_contains (allowed_states, gov->allowed_state);
}

static const AmSbField governance_fields[] = {
  { "key", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (AmSbGovernance, key), AM_SB_FIELD_REQUIRED },
  { "blockPublicAccess", AM_SB_FIELD_BOOL, G_STRUCT_OFFSET (AmSbGovernance, block_public), 0 },
  { "allowedImagesState", AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (AmSbGovernance, allowed_state),
    AM_SB_FIELD_REQUIRED },
  { "criteria", AM_SB_FIELD_RECORDS, G_STRUCT_OFFSET (AmSbGovernance, criteria), AM_SB_FIELD_SKIP_BAD,
    &criterion_type, NULL, 0, 0, 0, MAX_CRITERIA },
};
static const AmSbRecordType governance_type = {
  "governance setting", DAMAGED, sizeof (AmSbGovernance), governance_fields, G_N_ELEMENTS (governance_fields),
  (GDestroyNotify) am_sb_governance_free, governance_finish
};

static const AmSbField entry_fields[] = {
  { "resourceType", AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (ReportEntry, resource_type), AM_SB_FIELD_REQUIRED },
  { "accountId", AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (ReportEntry, account_id), AM_SB_FIELD_REQUIRED },
  NUMBER (ReportEntry, count, "count", 0),
};
static const AmSbRecordType entry_type = AM_SB_RECORD_TYPE (ReportEntry, "report entry", entry_fields, NULL, NULL);

static const AmSbField report_fields[] = {
  { "reportId", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (AmSbUsageReport, report_id), AM_SB_FIELD_REQUIRED },
  { "region", AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (AmSbUsageReport, region), AM_SB_FIELD_REQUIRED },
  { "ownerId", AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (AmSbUsageReport, owner_id), AM_SB_FIELD_REQUIRED },
  { "imageId", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (AmSbUsageReport, image_id), AM_SB_FIELD_REQUIRED },
  STRINGS (AmSbUsageReport, resource_types, "resourceTypes", 0),
  STRINGS (AmSbUsageReport, account_ids, "accountIds", 0),
  NUMBER (AmSbUsageReport, version_depth, "versionDepth", 20),
  NUMBER (AmSbUsageReport, creation_time, "creationTime", 0),
  { "entries", AM_SB_FIELD_INLINE, G_STRUCT_OFFSET (AmSbUsageReport, entries), AM_SB_FIELD_SKIP_BAD, &entry_type },
};
static const AmSbRecordType report_type = {
  "image usage report", DAMAGED, sizeof (AmSbUsageReport), report_fields, G_N_ELEMENTS (report_fields),
  (GDestroyNotify) am_sb_usage_report_free, NULL
};

static void
build_table (JsonBuilder          *b,
             const char           *name,
             const AmSbRecordType *type,
             GHashTable           *table)
{
  g_autoptr (GPtrArray) records = _am_sb_sorted_keys (table);

  for (guint i = 0; i < records->len; i++)
    records->pdata[i] = g_hash_table_lookup (table, records->pdata[i]);
  _am_sb_records_build (type, name, records, b);
}

void
am_sb_governance_build (AmSbState *state,
                        gpointer   json_builder)
{
  build_table (json_builder, "governance", &governance_type, state->governance);
  build_table (json_builder, "imageUsageReports", &report_type, state->usage_reports);
}

static void
add_governance (gpointer record,
                gpointer user_data)
{
  AmSbGovernance *gov = record;

  g_hash_table_replace (user_data, gov->key, gov);
}

static void
add_report (gpointer record,
            gpointer user_data)
{
  AmSbUsageReport *report = record;

  g_hash_table_replace (user_data, report->report_id, report);
}

gboolean
am_sb_governance_load (AmSbState *state,
                       gpointer   json_object,
                       GError   **error)
{
  /* Both lists came after the format's first release: a file without them has none. */
  return _am_sb_records_load (&governance_type, _am_sb_json_array (json_object, "governance"),
                              add_governance, state->governance, error)
         && _am_sb_records_load (&report_type, _am_sb_json_array (json_object, "imageUsageReports"),
                                 add_report, state->usage_reports, error);
}

/* Dispatch and parameters */

static const char *const no_params[] = { NULL };
static const char *const enable_bpa[] = { "ImageBlockPublicAccessState", NULL };
static const char *const enable_allowed[] = { "AllowedImagesSettingsState", NULL };
static const char *const replace_criteria[] = {
  "ImageCriterion.N.ImageProvider.N", "ImageCriterion.N.ImageName.N",
  "ImageCriterion.N.MarketplaceProductCode.N",
  "ImageCriterion.N.CreationDateCondition.MaximumDaysSinceCreated",
  "ImageCriterion.N.DeprecationTimeCondition.MaximumDaysSinceDeprecated", NULL
};
static const char *const image_id[] = { "ImageId", NULL };
static const char *const create_report[] = {
  "ImageId", "ResourceType.N.ResourceType", "ResourceType.N.ResourceTypeOption.N.OptionName",
  "ResourceType.N.ResourceTypeOption.N.OptionValue.N", "AccountId.N", "ClientToken",
  AM_SB_TAG_SPECS, NULL
};
static const char *const describe_reports[] = {
  "ImageId.N", "ReportId.N", AM_SB_FILTERS, AM_SB_PAGES, NULL
};
static const char *const delete_report[] = { "ReportId", NULL };

const AmSbAction _am_sb_governance_actions[] = {
  { "GetImageBlockPublicAccessState", op_get_block_public_access, no_params },
  { "EnableImageBlockPublicAccess", op_enable_block_public_access, enable_bpa },
  { "DisableImageBlockPublicAccess", op_disable_block_public_access, no_params },
  { "GetAllowedImagesSettings", op_get_allowed_images_settings, no_params },
  { "EnableAllowedImagesSettings", op_enable_allowed_images_settings, enable_allowed },
  { "DisableAllowedImagesSettings", op_disable_allowed_images_settings, no_params },
  { "ReplaceImageCriteriaInAllowedImagesSettings", op_replace_image_criteria, replace_criteria },
  { "GetImageAncestry", op_get_image_ancestry, image_id },
  { "CancelImageLaunchPermission", op_cancel_image_launch_permission, image_id },
  { "CreateImageUsageReport", op_create_image_usage_report, create_report },
  { "DescribeImageUsageReports", op_describe_image_usage_reports, describe_reports },
  { "DescribeImageUsageReportEntries", op_describe_image_usage_report_entries, describe_reports },
  { "DeleteImageUsageReport", op_delete_image_usage_report, delete_report },
  { NULL }
};
