/* am-ui-test.h: helpers for UI tests under Xvfb
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-application.h"
#include "am-images-view.h"

G_BEGIN_DECLS

/* Initializes GTK, libadwaita and GTest and loads Amiable's stylesheets as AmApplication does;
 * fails the test program when no display exists. */
void           am_ui_test_init                     (int         *argc,
                                                    char      ***argv);
/* The same without the stylesheets, for a test of the application's own loading. */
void           am_ui_test_init_unstyled            (int         *argc,
                                                    char      ***argv);
/* The test program's registered application (not run), for building windows; a new ref. */
AmApplication *am_ui_test_application_new          (void);
/* Runs the main loop until nothing is pending (bounded). */
void           am_ui_test_iterate                  (void);
/* Runs the main loop until @condition returns TRUE or @timeout_ms passes; returns the last result. */
gboolean       am_ui_test_wait_until               (gboolean   (*condition) (gpointer data),
                                                    gpointer     data,
                                                    guint        timeout_ms);
void           am_ui_test_wait_mapped              (GtkWidget   *widget);
/* Runs the main loop for @ms (a new window size or a transition takes effect). */
void           am_ui_test_settle                   (guint        ms);
/* For am_ui_test_wait_until(): whether the AmSession @session is ready or has failed. */
gboolean       am_ui_test_session_settled          (gpointer     session);
/* Waits for a toplevel of @type (or a subtype) to be mapped and returns it. */
GtkWidget     *am_ui_test_wait_for_window_of_type  (GType        type);
/* Between TRUE and FALSE, what is allocated is not leak-checked: for a library's own known leak
 * (libcloudproviders, below the GTK file chooser, keeps two paths for good). */
void           am_ui_test_expect_foreign_leaks     (gboolean     expect);
void           am_ui_test_wait_window_gone         (GType        type);
/* Finds the first descendant of @root of @type whose accessible/buildable name, label or
 * title matches @name (NULL matches any). */
GtkWidget     *am_ui_test_find_widget              (GtkWidget   *root,
                                                    GType        type,
                                                    const char  *name);
/* Like am_ui_test_find_widget, but fails the test program when there is none. */
GtkWidget     *am_ui_test_get_widget               (GtkWidget   *root,
                                                    GType        type,
                                                    const char  *name);
/* The first drawn GtkLabel below @root whose text holds @needle, or NULL. */
GtkWidget     *am_ui_test_find_label_containing    (GtkWidget   *root,
                                                    const char  *needle);
/* The first GtkButton below @root whose action is @action_name, or NULL. */
GtkWidget     *am_ui_test_find_action_button       (GtkWidget   *root,
                                                    const char  *action_name);
/* Presses the button of @response in @dialog (an AdwMessageDialog) the way a user does, so
 * libadwaita closes the window before it emits the response; fails when the button is hidden
 * or insensitive. */
void           am_ui_test_message_dialog_press     (GtkWidget   *dialog,
                                                    const char  *response);
/* Waits (30 s at most) until @response of @dialog (an AdwMessageDialog) is enabled, e.g.
 * Deregister once the dialog learnt that nothing uses the image. */
void           am_ui_test_wait_response_enabled    (GtkWidget   *dialog,
                                                    const char  *response);
/* Saves a PNG of @widget as it is painted to @path (for looking at what tests build). */
gboolean       am_ui_test_screenshot               (GtkWidget   *widget,
                                                    const char  *path);
/* Saves light and dark screenshots of @widget as NAME-light.png and NAME-dark.png in
 * $AMIABLE_SCREENSHOT_DIR, when set (does nothing otherwise). In each scheme the main loop first
 * runs for @settle_ms (revealers, transitions); a widget with nothing to paint yet then gets a
 * few more frames. Returns FALSE when a screenshot could not be saved. */
gboolean       am_ui_test_screenshot_light_dark    (GtkWidget   *widget,
                                                    const char  *name,
                                                    guint        settle_ms);

/* A client call's result: pass am_ui_test_wait_cb and a zeroed AmUiTestWait to the _async
 * function, wait with am_ui_test_wait_for_result, pass @result to the _finish function, then
 * clear @result. */
typedef struct
{
  GAsyncResult *result;
} AmUiTestWait;

void           am_ui_test_wait_cb                  (GObject      *source,
                                                    GAsyncResult *result,
                                                    gpointer      user_data);
/* Runs the main loop until the call ended; fails the test after @timeout_ms. */
GAsyncResult  *am_ui_test_wait_for_result          (AmUiTestWait *wait,
                                                    guint         timeout_ms);

/* Whether @model, or a menu it links to (sections, submenus), has an item for @action_name. */
gboolean       am_ui_test_menu_has_action          (GMenuModel   *model,
                                                    const char   *action_name);

/* The Images view @view (an AmImagesView, as a condition for am_ui_test_wait_until) is done
 * loading: neither "loading" nor "no-session", and its progress bar is hidden. */
gboolean       am_ui_test_images_loaded            (gpointer      view);
/* Waits (30 s at most) until am_ui_test_images_loaded holds, then lets the view settle. */
void           am_ui_test_images_wait_loaded       (AmImagesView *view);
/* Shows a new AmImagesView of @session in a 1280×900 window, in @scope, and waits until it
 * loaded; returns the window (destroy it) and the view in @view. */
GtkWindow     *am_ui_test_images_window            (AmSession     *session,
                                                    int            scope,
                                                    AmImagesView **view);
/* @view (an AmImagesView) shows its list with at least one row. */
gboolean       am_ui_test_images_listed            (gpointer      view);
/* How many rows @view's list has. */
guint          am_ui_test_images_n_rows            (AmImagesView *view);

/* The header's title of @column in @view (a widget as wide as the column), or NULL when the
 * column is not shown. */
GtkWidget     *am_ui_test_column_title             (GtkColumnView       *view,
                                                    GtkColumnViewColumn *column);
/* Whether the whole title of @column is inside @view's visible width. */
gboolean       am_ui_test_column_on_screen         (GtkColumnView       *view,
                                                    GtkColumnViewColumn *column);

G_END_DECLS
