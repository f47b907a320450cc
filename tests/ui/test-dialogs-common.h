/* test-dialogs-common.h: shared set-up of the image dialog tests (sandbox, sessions, sync calls)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-ec2-client.h"
#include "am-image-actions.h"
#include "am-session.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"

G_BEGIN_DECLS

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *alice;
  AmSession        *bob;
  GtkWindow        *parent;
} DlgFixture;

void        dlg_fixture_set_up        (DlgFixture    *fixture,
                                       gconstpointer  data);
/* As dlg_fixture_set_up(), with options for amiable-sandbox (e.g. "--faults", "…"). */
void        dlg_fixture_set_up_with_args (DlgFixture         *fixture,
                                          const char * const *sandbox_args);
void        dlg_fixture_tear_down     (DlgFixture    *fixture,
                                       gconstpointer  data);

/* Synchronous look-ups through the real client (running the main loop meanwhile). */
/* Alice's own images by name (element-type AmImage). */
GPtrArray  *dlg_owned_images          (AmSession     *session);
AmImage    *dlg_owned_image_named     (AmSession     *session,
                                       const char    *name);
/* The image as @client sees it now, or NULL when it is not visible (not found). */
AmImage    *dlg_describe_image        (AmEc2Client   *client,
                                       const char    *image_id);
/* The launch permissions as "all", account ids and ARNs, sorted, joined with ",". */
char       *dlg_launch_permissions    (AmEc2Client   *client,
                                       const char    *image_id);
/* How many of @snapshot_ids @client still finds among its own snapshots. */
guint       dlg_count_snapshots       (AmEc2Client   *client,
                                       const char * const *snapshot_ids);
/* The value of @key among @image's tags, or NULL. */
const char *dlg_tag_value             (AmImage       *image,
                                       const char    *key);

/* The result of am_image_actions_run, once its callback ran. */
typedef struct
{
  gboolean  done;
  gboolean  applied;
  GError   *error;
} DlgRun;

/* Runs @action on @images with the fixture's parent and alice's session; returns the dialog. */
GtkWidget  *dlg_run_action            (DlgFixture    *fixture,
                                       AmSession     *session,
                                       const char    *action,
                                       GPtrArray     *images,
                                       GType          dialog_type,
                                       DlgRun        *run);
void        dlg_wait_run              (DlgRun        *run);
/* The callback dlg_run_action gives am_image_actions_run: fills the DlgRun @user_data. */
void        dlg_run_cb                (GObject       *object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
void        dlg_run_clear             (DlgRun        *run);
/* Waits until @condition holds (fails the test after 10 s). */
void        dlg_wait                  (gboolean     (*condition) (gpointer data),
                                       gpointer       data);
/* Conditions for dlg_wait. @data: an AmActionDialog, not busy any more. */
gboolean    dlg_not_busy              (gpointer       data);
/* @data: an AmDeregisterDialog, not busy any more. */
gboolean    dlg_deregister_idle       (gpointer       data);
/* @data: a widget, drawable. */
gboolean    dlg_widget_drawable       (gpointer       data);
/* @data: a GAsyncResult * that dlg_store_result_cb set. */
gboolean    dlg_have_result           (gpointer       data);
/* @data: { DlgFixture *, AmImage * }: alice sees the image's description as it was in it. */
gboolean    dlg_description_restored  (gpointer       data);

/* A GAsyncReadyCallback keeping a reference to the result in the GAsyncResult * @user_data. */
void        dlg_store_result_cb       (GObject       *object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
/* A new array (element-type AmImage) holding just @image. */
GPtrArray  *dlg_one_image             (AmImage       *image);

/* Keeps (in *@toast) the toast @dialog (an AmActionDialog) offers when its change succeeds. */
void        dlg_grab_toast            (GtkWidget     *dialog,
                                       AdwToast     **toast);
/* Presses the toast's Undo. */
void        dlg_undo                  (AdwToast      *toast);

/* Clicks a button the way a user does (emits "clicked"); fails when it is insensitive. */
void        dlg_click                 (GtkWidget     *button);
/* The dialog's Apply (or Save, Copy…) button, and whether it is sensitive. */
GtkWidget  *dlg_apply_button          (GtkWidget     *dialog);
gboolean    dlg_can_apply             (GtkWidget     *dialog);
/* The first visible label below @root with the "error" or "am-field-error" style, or NULL. */
const char *dlg_visible_error         (GtkWidget     *root);
/* Types @text into an editable (entry or entry row). */
void        dlg_type                  (GtkWidget     *editable,
                                       const char    *text);
/* Saves light and dark screenshots of @widget as dialogs-NAME-light/dark.png under
 * $AMIABLE_SCREENSHOT_DIR (when set). */
void        dlg_screenshot            (GtkWidget     *widget,
                                       const char    *name);

/* Opens alice's permissions dialog on @image and waits until it shows the current permissions. */
GtkWidget  *dlg_open_permissions      (DlgFixture    *fixture,
                                       AmImage       *image,
                                       DlgRun        *run);

/* A Governance window (@data) has loaded or saved and shows the result. */
gboolean dlg_governance_ready (gpointer data);

G_END_DECLS
