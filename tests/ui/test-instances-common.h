/* test-instances-common.h: helpers the Instances view's UI tests share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-ec2-client.h"
#include "am-instances-view.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"

G_BEGIN_DECLS

/* Generous: a busy 2-core machine, and state changes that take a few seconds each. */
#define INSTANCES_STATE_TIMEOUT_MS 60000
#define INSTANCES_CALL_TIMEOUT_MS  30000

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *session;
  AmEc2Client      *client;
  GtkWidget        *window;
  /* The AdwToastOverlay around the view, or NULL without one. */
  GtkWidget        *overlay;
  AmInstancesView  *view;
} InstancesFixture;

/* What instances_fixture_set_up builds; the test data of g_test_add. */
typedef struct
{
  /* The sandbox's --transition-ms: how long a state change takes. */
  const char *transition_ms;
  /* Whether the view sits in an AdwToastOverlay, as in the main window. */
  gboolean    toast_overlay;
  /* The sandbox's --faults, or NULL. */
  const char *faults;
} InstancesFixtureOptions;

/* Starts a sandbox, a session for alice and its client, and shows an Instances view without
 * a session in a 1280×720 window; @data is an InstancesFixtureOptions. */
void           instances_fixture_set_up        (InstancesFixture      *fixture,
                                                gconstpointer          data);
void           instances_fixture_tear_down     (InstancesFixture      *fixture,
                                                gconstpointer          data);

/* Saves light and dark screenshots of @widget as instances-NAME-light/dark.png under
 * $AMIABLE_SCREENSHOT_DIR, when set. */
void           instances_screenshot            (GtkWidget             *widget,
                                                const char            *name);
/* Logs @what with the seconds since the first step of the test program. */
void           instances_step                  (const char            *what);
/* Sets the text of the entry row @id below @root as typing would. */
void           instances_set_entry             (GtkWidget             *root,
                                                const char            *id,
                                                const char            *text);

/* The images @query finds, through alice's client (element-type AmImage). */
GPtrArray     *instances_describe_images       (InstancesFixture      *fixture,
                                                AmDescribeImagesQuery *query);
/* @instance_id as @client (its Region's) sees it now; fails the test when it is not listed once. */
AmInstance    *instances_describe_in           (AmEc2Client           *client,
                                                const char            *instance_id);
/* The image as alice's client sees it now, or NULL when it does not find it. */
AmImage       *instances_describe_image        (InstancesFixture      *fixture,
                                                const char            *image_id);
/* An EBS-backed x86_64 Amazon image of the sandbox's catalog. */
char          *instances_find_launchable_image (InstancesFixture      *fixture);
/* Runs @request and checks it started one instance; returns it (a new ref). */
AmInstance    *instances_run_request           (InstancesFixture      *fixture,
                                                AmRunInstancesRequest *request);
/* Runs a t3.micro instance of @image_id tagged Name=@name; returns its id. */
char          *instances_run_instance          (InstancesFixture      *fixture,
                                                const char            *image_id,
                                                const char            *name);

/* Wait until the view lists @instance_id in @state, or lists it at all; fail otherwise. */
void           instances_wait_for_state        (InstancesFixture      *fixture,
                                                const char            *instance_id,
                                                const char            *state);
void           instances_wait_for_listed       (InstancesFixture      *fixture,
                                                const char            *instance_id);
/* Conditions for am_ui_test_wait_until. @data points to a weak pointer to a widget. */
gboolean       instances_widget_gone           (gpointer               data);
/* @data is the fixture: exactly one toast offers “Launch from It”. */
gboolean       instances_launch_button_shown   (gpointer               data);

/* The mapped AdwMessageDialog (a confirmation), or NULL; conditions for am_ui_test_wait_until. */
GtkWidget     *instances_find_message_dialog   (void);
gboolean       instances_message_dialog_shown  (gpointer               data);
gboolean       instances_message_dialog_gone   (gpointer               data);
/* What the clipboard of @widget's display holds as text (a new string, or NULL). */
char          *instances_clipboard_text        (GtkWidget             *widget);

/* Opens the Create Image dialog of the selected instance and waits until it is ready. */
GtkWidget     *instances_open_create_image_dialog (InstancesFixture   *fixture);
/* A "created" handler of the Create Image dialog that keeps the new image's id in *@out. */
void           instances_keep_created_image_id (GtkWidget             *dialog,
                                                const char            *image_id,
                                                const char            *name,
                                                char                 **out);

G_END_DECLS
