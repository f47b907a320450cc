/* test-wizard-common.h: helpers the launch wizard's UI tests share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"
#include "am-launch-wizard.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"

G_BEGIN_DECLS

#define WIZARD_IMAGE_X86 "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64"
#define WIZARD_IMAGE_ARM "al2023-ami-2023.9.20251110.1-kernel-6.1-arm64"

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession *session;
  AmLaunchWizard *wizard;
} WizardFixture;

/* Starts a sandbox (with @sandbox_args), a session for alice and a wizard shown on screen. */
void            wizard_fixture_start    (WizardFixture       *fixture,
                                         const char * const  *sandbox_args);
void            wizard_fixture_stop     (WizardFixture       *fixture);
/* Takes @wizard as the fixture's, shows it and waits until it is idle. */
void            wizard_fixture_show     (WizardFixture       *fixture,
                                         AmLaunchWizard      *wizard);
/* From the key pair page to the network page without a key, choosing the subnets of @zones. */
void            wizard_skip_key_choose_subnets (AmLaunchWizard      *wizard,
                                                const char * const  *zones);
/* Waits (generously) until the wizard has no call in flight. */
void            wizard_wait_idle        (AmLaunchWizard      *wizard);
/* Finds a widget of the wizard by name, title, label or tooltip; fails when there is none. */
GtkWidget      *wizard_find             (AmLaunchWizard      *wizard,
                                         GType                type,
                                         const char          *name);
/* The check button (or switch) of the row titled @title in the list named @list_name. */
GtkWidget      *wizard_row_widget       (AmLaunchWizard      *wizard,
                                         const char          *list_name,
                                         const char          *title);
/* Emits "clicked" on a visible, sensitive button. */
void            wizard_click            (GtkWidget           *button);
/* Clicks Next and checks the wizard moved to @expected. */
void            wizard_next             (AmLaunchWizard      *wizard,
                                         AmLaunchStep         expected);
/* Checks that Next is blocked and that @field's message, containing @needle, shows. */
void            wizard_expect_blocked   (AmLaunchWizard      *wizard,
                                         AmLaunchField        field,
                                         const char          *needle);
/* Checks that Next is blocked while nothing shows in red: no message at @field, a plain status. */
void            wizard_expect_quiet     (AmLaunchWizard      *wizard,
                                         AmLaunchField        field);
void            wizard_expect_open      (AmLaunchWizard      *wizard);
/* Light and dark screenshots under $AMIABLE_SCREENSHOT_DIR (when set). */
void            wizard_screenshot       (AmLaunchWizard      *wizard,
                                         const char          *name);
void            wizard_screenshot_window (GtkWidget          *window,
                                          const char         *name);
/* Every instance of alice in us-east-1, through the client. */
GPtrArray      *wizard_list_instances   (WizardFixture       *fixture);
/* The one image named @name (deprecated ones too), through the session's client. */
AmImage        *wizard_lookup_image     (AmSession           *session,
                                         const char          *name);
/* Sets a GtkEditable's text as typing would. */
void            wizard_type             (GtkWidget           *editable,
                                         const char          *text);

G_END_DECLS
