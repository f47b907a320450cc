/* am-launch-page.h: the base of the launch wizard's pages: a page over one AmLaunchRequest
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-launch-request.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_PAGE (am_launch_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmLaunchPage, am_launch_page, AM, LAUNCH_PAGE, GtkBox)

struct _AmLaunchPageClass
{
  GtkBoxClass parent_class;

  /* the request or the session was set: show what the page needs */
  void (*request_set) (AmLaunchPage *self);
  /* load the lists the page offers (at start, and on Retry after a failed lookup) */
  void (*load)        (AmLaunchPage *self);
  /* the wizard shows the page */
  void (*shown)       (AmLaunchPage *self);
};

AmLaunchRequest *am_launch_page_get_request       (AmLaunchPage *self);
void             am_launch_page_set_request       (AmLaunchPage    *self,
                                                   AmLaunchRequest *request);
AmSession       *am_launch_page_get_session       (AmLaunchPage *self);
void             am_launch_page_set_session       (AmLaunchPage *self,
                                                   AmSession    *session);
/* The session's client, or %NULL when there is none (no session, or it is not connected) */
AmEc2Client     *am_launch_page_get_client        (AmLaunchPage *self);
/* Cancelled when the page goes away: for the page's calls */
GCancellable    *am_launch_page_get_cancellable   (AmLaunchPage *self);
void             am_launch_page_load              (AmLaunchPage *self);
void             am_launch_page_shown             (AmLaunchPage *self);
/* Tells the wizard to validate again through "changed" */
void             am_launch_page_changed           (AmLaunchPage *self);
/* Asks the wizard to show @step (an AmLaunchStep) through "go-to" */
void             am_launch_page_go_to             (AmLaunchPage *self,
                                                   guint         step);
/* The card at the top of the page that says what lookup failed, with Retry (which calls
 * the load vfunc); @name names its label and its button, e.g. "retry-types" */
void             am_launch_page_add_lookup_error  (AmLaunchPage *self,
                                                   const char   *name);
void             am_launch_page_show_lookup_error (AmLaunchPage *self,
                                                   const GError *error);
void             am_launch_page_hide_lookup_error (AmLaunchPage *self);
/* TRUE while a call of the page is in flight ("busy" notifies) */
gboolean         am_launch_page_get_busy          (AmLaunchPage *self);
void             am_launch_page_busy_push         (AmLaunchPage *self);
void             am_launch_page_busy_pop          (AmLaunchPage *self);
/* TRUE while the page rewrites several fields of the request at once: the shell validates
 * once when it turns FALSE, and the changes on the way do not count as the user's edits */
gboolean         am_launch_page_get_syncing       (AmLaunchPage *self);
void             am_launch_page_set_syncing       (AmLaunchPage *self,
                                                   gboolean      syncing);
/* Shows @text as a toast in the window's toast overlay, if the page is in one */
void             am_launch_page_toast             (AmLaunchPage *self,
                                                   const char   *text);

/* Appends the label where the validation message of @field shows (the shell fills it) */
void             am_launch_page_add_field_label   (AmLaunchPage  *self,
                                                   AmLaunchField  field);
/* Returns: (nullable) (transfer none): the page's label for @field, if it has one */
GtkWidget       *am_launch_page_get_field_label   (AmLaunchPage  *self,
                                                   AmLaunchField  field);

/* Building blocks the pages share */
GtkWidget       *am_launch_group_new              (GtkBox       *page,
                                                   const char   *title,
                                                   const char   *description);
GtkWidget       *am_launch_boxed_list_new         (const char   *accessible_label);
void             am_launch_clear_list             (GtkListBox   *list);
GtkWidget       *am_launch_field_label_new        (AmLaunchField field);
/* Memory as people say it: "512 MiB", "8 GiB" */
char            *am_launch_format_memory          (gint64        mib);
/* The question before an unsaved private key is lost: Cancel, @destructive or Save Private Key… */
GtkWidget       *am_launch_unsaved_key_dialog_new (GtkWindow    *parent,
                                                   const char   *heading,
                                                   const char   *body,
                                                   const char   *destructive,
                                                   const char   *destructive_label);
/* A hidden lookup error card; its label and Retry button are both named @name */
GtkWidget       *am_launch_lookup_error_new       (const char   *name,
                                                   GtkLabel    **out_label,
                                                   GtkButton   **out_button);
/* An action row with @check as its prefix and activatable widget */
GtkWidget       *am_launch_check_row_new          (const char   *title,
                                                   const char   *subtitle,
                                                   GtkWidget    *check);
GtkWidget       *am_launch_switch_row_new         (const char   *title,
                                                   const char   *subtitle,
                                                   GtkSwitch   **out_switch);
GtkWidget       *am_launch_spin_row_new           (const char     *title,
                                                   const char     *subtitle,
                                                   double          min,
                                                   double          max,
                                                   double          step,
                                                   GtkSpinButton **out_spin);
GtkWidget       *am_launch_combo_row_new          (const char          *title,
                                                   const char * const  *items);
GtkWidget       *am_launch_summary_row_new        (const char   *title,
                                                   const char   *subtitle,
                                                   const char   *icon_name);
/* Puts @check, the check of a row being made for @list's bound model, in the radio group of
 * the list's other check rows */
void             am_launch_join_radio_group       (GtkListBox     *list,
                                                   GtkCheckButton *check);
/* Makes @empty_row (owned by the caller; %NULL for none) @list's placeholder while @model, the
 * model bound to @list, is empty, and no placeholder otherwise */
void             am_launch_list_update_placeholder (GtkListBox  *list,
                                                    GListModel  *model,
                                                    GtkWidget   *empty_row);
/* Binds the radio @check of a choice row to @request's @property both ways: on while the property
 * holds @item (an object, or for a string property the row's name), as @is_chosen says (%NULL:
 * the same object, or an equal string); turning it on puts @item in the request. Takes @item,
 * freed with @item_free. */
void             am_launch_bind_choice            (AmLaunchRequest       *request,
                                                   const char            *property,
                                                   GtkWidget             *check,
                                                   gpointer               item,
                                                   GDestroyNotify         item_free,
                                                   GBindingTransformFunc  is_chosen);
/* Keeps the check row of @check dimmed while @check is insensitive */
void             am_launch_dim_row_with_check     (GtkWidget    *check);
void             am_launch_add_summary_row        (GtkListBox   *list,
                                                   const char   *title,
                                                   const char   *subtitle,
                                                   const char   *icon_name);

G_END_DECLS
