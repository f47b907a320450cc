/* test-dialogs-tags.c: the tags editor edits, validates, works in bulk and undoes, on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-tags"

#include "config.h"

#include <string.h>

#include "am-tag-row.h"
#include "am-tags-editor.h"
#include "test-dialogs-common.h"

#define WEB_SERVER "alice-web-server-2026-01-15"
#define BUILD_RUNNER "alice-build-runner-arm64-2026-02-03"

static AmTagRow *
find_row (GtkWidget  *editor,
          const char *key)
{
  return AM_TAG_ROW (am_ui_test_find_widget (editor, AM_TYPE_TAG_ROW, key));
}

static AmTagRow *
add_row (GtkWidget  *editor,
         const char *key,
         const char *value)
{
  GtkWidget *add = am_ui_test_find_widget (editor, GTK_TYPE_BUTTON, "add_button");
  AmTagRow *row;

  dlg_click (add);
  /* The new row takes the focus, so the user types straight into its key. */
  row = AM_TAG_ROW (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), AM_TYPE_TAG_ROW));
  g_assert_nonnull (row);
  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), key);
  dlg_type (GTK_WIDGET (am_tag_row_get_value_entry (row)), value);
  return row;
}

static void
toast_grab_cb (AmActionDialog *dialog,
               gboolean        applied,
               AdwToast      **toast)
{
  AdwToast *shown = am_action_dialog_get_toast (dialog);

  if (shown != NULL)
    *toast = g_object_ref (shown);
}

static gboolean
image_has_tag_value (gpointer data)
{
  gpointer *args = data;
  g_autoptr (AmImage) image = dlg_describe_image (args[0], args[1]);

  return image != NULL && g_strcmp0 (dlg_tag_value (image, args[2]), args[3]) == 0;
}

static void
test_tags_edit (DlgFixture    *fixture,
                gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AdwToast) toast = NULL;
  const char *id = am_image_get_image_id (image);
  GtkWidget *editor;
  AmTagRow *row;
  DlgRun run;

  g_assert_cmpstr (dlg_tag_value (image, "Environment"), ==, "staging");
  g_assert_cmpstr (dlg_tag_value (image, "Name"), ==, "web-server");

  g_ptr_array_add (images, g_object_ref (image));
  editor = dlg_run_action (fixture, fixture->alice, "tags", images, AM_TYPE_TAGS_EDITOR, &run);
  g_signal_connect (editor, "finished", G_CALLBACK (toast_grab_cb), &toast);

  /* Nothing changed yet: nothing to save. */
  g_assert_false (dlg_can_apply (editor));
  row = find_row (editor, "Environment");
  g_assert_nonnull (row);
  g_assert_cmpstr (am_tag_row_get_value (row), ==, "staging");

  /* Change one value, remove one tag, add one. */
  dlg_type (GTK_WIDGET (am_tag_row_get_value_entry (row)), "production");
  g_assert_true (dlg_can_apply (editor));
  dlg_click (am_ui_test_find_widget (GTK_WIDGET (find_row (editor, "Name")), GTK_TYPE_BUTTON, "remove_button"));
  g_assert_null (find_row (editor, "Name"));
  add_row (editor, "Team", "infra");
  g_assert_true (dlg_can_apply (editor));
  g_assert_null (dlg_visible_error (editor));
  dlg_screenshot (editor, "tags");

  dlg_click (dlg_apply_button (editor));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);

  after = dlg_describe_image (client, id);
  g_assert_nonnull (after);
  g_assert_cmpstr (dlg_tag_value (after, "Environment"), ==, "production");
  g_assert_cmpstr (dlg_tag_value (after, "Team"), ==, "infra");
  g_assert_null (dlg_tag_value (after, "Name"));

  /* Undo puts every tag back as it was. */
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");
  {
    gpointer args[] = { client, (gpointer) id, (gpointer) "Name", (gpointer) "web-server" };

    dlg_wait (image_has_tag_value, args);
  }
  g_clear_object (&after);
  after = dlg_describe_image (client, id);
  g_assert_cmpstr (dlg_tag_value (after, "Environment"), ==, "staging");
  g_assert_null (dlg_tag_value (after, "Team"));
  dlg_run_clear (&run);
}

/* A fresh row says nothing before the user acts: no red on an empty key just added; typing and
 * clearing it, or leaving it empty, brings the message. */
static void
test_tags_fresh_row (DlgFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *add;
  GtkWidget *editor;
  AmTagRow *row;
  DlgRun run;

  g_ptr_array_add (images, g_object_ref (image));
  editor = dlg_run_action (fixture, fixture->alice, "tags", images, AM_TYPE_TAGS_EDITOR, &run);
  add = am_ui_test_find_widget (editor, GTK_TYPE_BUTTON, "add_button");

  dlg_click (add);
  row = AM_TAG_ROW (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), AM_TYPE_TAG_ROW));
  g_assert_nonnull (row);
  am_ui_test_iterate ();
  g_assert_null (dlg_visible_error (editor));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (am_tag_row_get_key_entry (row)), "error"));
  /* Still, an empty key cannot be saved. */
  g_assert_false (dlg_can_apply (editor));
  dlg_screenshot (editor, "tags-fresh-row");

  /* Typing, then clearing the key. */
  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), "O");
  g_assert_null (dlg_visible_error (editor));
  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), "");
  g_assert_nonnull (strstr (dlg_visible_error (editor), "Enter a key"));
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "remove_button"));
  am_ui_test_iterate ();
  g_assert_null (dlg_visible_error (editor));

  /* Leaving the key of a new row empty (to its value). */
  dlg_click (add);
  row = AM_TAG_ROW (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), AM_TYPE_TAG_ROW));
  g_assert_nonnull (row);
  g_assert_null (dlg_visible_error (editor));
  gtk_widget_grab_focus (GTK_WIDGET (am_tag_row_get_value_entry (row)));
  am_ui_test_iterate ();
  g_assert_nonnull (strstr (dlg_visible_error (editor), "Enter a key"));

  gtk_window_close (GTK_WINDOW (editor));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);
}

static void
test_tags_invalid (DlgFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *long_value = g_strnfill (257, 'v');
  g_autofree char *long_key = g_strnfill (129, 'k');
  GtkWidget *editor;
  GtkLabel *count;
  AmTagRow *row;
  DlgRun run;

  g_ptr_array_add (images, g_object_ref (image));
  editor = dlg_run_action (fixture, fixture->alice, "tags", images, AM_TYPE_TAGS_EDITOR, &run);

  row = add_row (editor, "aws:owner", "me");
  g_assert_false (dlg_can_apply (editor));
  g_assert_nonnull (strstr (dlg_visible_error (editor), "aws:"));
  dlg_screenshot (editor, "tags-invalid");

  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), "");
  g_assert_false (dlg_can_apply (editor));
  g_assert_nonnull (strstr (dlg_visible_error (editor), "Enter a key"));

  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), long_key);
  g_assert_false (dlg_can_apply (editor));
  g_assert_nonnull (strstr (dlg_visible_error (editor), "128"));

  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), "Name");
  g_assert_false (dlg_can_apply (editor));
  g_assert_nonnull (strstr (dlg_visible_error (editor), "already used"));

  dlg_type (GTK_WIDGET (am_tag_row_get_key_entry (row)), "Owner");
  dlg_type (GTK_WIDGET (am_tag_row_get_value_entry (row)), long_value);
  g_assert_false (dlg_can_apply (editor));
  g_assert_nonnull (strstr (dlg_visible_error (editor), "256"));

  dlg_type (GTK_WIDGET (am_tag_row_get_value_entry (row)), "me");
  g_assert_true (dlg_can_apply (editor));
  g_assert_null (dlg_visible_error (editor));

  /* 50 tags at most: 2 existing + Owner + 48 more is one too many. */
  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%02u", i);

      am_tags_editor_add_row (AM_TAGS_EDITOR (editor));
      row = AM_TAG_ROW (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), AM_TYPE_TAG_ROW));
      gtk_editable_set_text (am_tag_row_get_key_entry (row), key);
    }
  am_ui_test_iterate ();
  count = GTK_LABEL (am_ui_test_find_widget (editor, GTK_TYPE_LABEL, "count_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (count), "at most 50"));
  g_assert_false (dlg_can_apply (editor));
  /* Adding more is refused outright. */
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_find_widget (editor, GTK_TYPE_BUTTON, "add_button")));

  /* Cancel: nothing is sent, the caller hears G_IO_ERROR_CANCELLED. */
  dlg_click (am_ui_test_find_widget (editor, GTK_TYPE_BUTTON, "cancel_button"));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dlg_run_clear (&run);
  {
    g_autoptr (AmImage) after = dlg_describe_image (am_session_get_client (fixture->alice),
                                                    am_image_get_image_id (image));

    g_assert_null (dlg_tag_value (after, "Owner"));
  }
}

static void
test_tags_bulk (DlgFixture    *fixture,
                gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *editor;
  AmTagRow *name_row;
  DlgRun run;

  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, WEB_SERVER));
  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, BUILD_RUNNER));
  editor = dlg_run_action (fixture, fixture->alice, "tags", images, AM_TYPE_TAGS_EDITOR, &run);

  /* "Name" differs between the two: the row says so and leaves the values alone. */
  name_row = find_row (editor, "Name");
  g_assert_nonnull (name_row);
  g_assert_true (am_tag_row_get_mixed (name_row));
  g_assert_cmpstr (am_tag_row_get_value (name_row), ==, "");

  add_row (editor, "Batch", "2026-11");
  dlg_screenshot (editor, "tags-bulk");
  dlg_click (dlg_apply_button (editor));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);

  for (guint i = 0; i < images->len; i++)
    {
      AmImage *before = g_ptr_array_index (images, i);
      g_autoptr (AmImage) after = dlg_describe_image (client, am_image_get_image_id (before));

      g_assert_cmpstr (dlg_tag_value (after, "Batch"), ==, "2026-11");
      g_assert_cmpstr (dlg_tag_value (after, "Name"), ==, dlg_tag_value (before, "Name"));
    }
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/tags/edit-and-undo", DlgFixture, NULL,
              dlg_fixture_set_up, test_tags_edit, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/tags/fresh-row", DlgFixture, NULL,
              dlg_fixture_set_up, test_tags_fresh_row, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/tags/invalid", DlgFixture, NULL,
              dlg_fixture_set_up, test_tags_invalid, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/tags/bulk", DlgFixture, NULL,
              dlg_fixture_set_up, test_tags_bulk, dlg_fixture_tear_down);

  return g_test_run ();
}
