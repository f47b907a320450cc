/* test-dialogs-validate.c: EC2's input rules as the dialogs apply them, and the actions' entry checks
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-validate"

#include "config.h"

#include "am-dialog-validate.h"
#include "am-image-actions.h"
#include "am-session.h"
#include "am-ui-test.h"

#define CHECK_OK(expr)  G_STMT_START { g_autofree char *m_ = (expr); g_assert_null (m_); } G_STMT_END
#define CHECK_BAD(expr) G_STMT_START { g_autofree char *m_ = (expr); g_assert_nonnull (m_); g_test_message ("%s", m_); } G_STMT_END

static void
test_tags (void)
{
  g_autofree char *k128 = g_strnfill (128, 'k');
  g_autofree char *k129 = g_strnfill (129, 'k');
  g_autofree char *v256 = g_strnfill (256, 'v');
  g_autofree char *v257 = g_strnfill (257, 'v');

  CHECK_OK (am_validate_tag_key ("Name"));
  CHECK_OK (am_validate_tag_key (k128));
  CHECK_OK (am_validate_tag_key ("awsome"));
  CHECK_OK (am_validate_tag_key ("ключ"));
  CHECK_BAD (am_validate_tag_key (""));
  CHECK_BAD (am_validate_tag_key (k129));
  CHECK_BAD (am_validate_tag_key ("aws:cloudformation"));
  CHECK_BAD (am_validate_tag_key ("AWS:x"));
  CHECK_OK (am_validate_tag_value (""));
  CHECK_OK (am_validate_tag_value (v256));
  CHECK_BAD (am_validate_tag_value (v257));
}

static void
test_principals (void)
{
  char *why = NULL;

  CHECK_OK (am_validate_account_id ("123456789012"));
  CHECK_BAD (am_validate_account_id ("12345678901"));
  CHECK_BAD (am_validate_account_id ("1234567890123"));
  CHECK_BAD (am_validate_account_id ("12345678901a"));

  CHECK_OK (am_validate_organization_arn ("arn:aws:organizations::123456789012:organization/o-abcd123456"));
  CHECK_OK (am_validate_organization_arn ("arn:aws-us-gov:organizations::123456789012:organization/o-abcd123456"));
  CHECK_BAD (am_validate_organization_arn ("arn:aws:organizations::123456789012:organization/o-abc"));
  CHECK_BAD (am_validate_organization_arn ("arn:aws:organizations::12345678901:organization/o-abcd123456"));
  CHECK_BAD (am_validate_organization_arn ("arn:aws:iam::123456789012:organization/o-abcd123456"));
  CHECK_BAD (am_validate_organization_arn ("arn:aws:organizations::123456789012:organization/o-ABCD123456"));

  CHECK_OK (am_validate_ou_arn ("arn:aws:organizations::123456789012:ou/o-abcd123456/ou-ab12-cdef3456"));
  CHECK_BAD (am_validate_ou_arn ("arn:aws:organizations::123456789012:ou/o-abcd123456/ou-ab12"));
  CHECK_BAD (am_validate_ou_arn ("arn:aws:organizations::123456789012:ou/o-abcd123456/ou-ab-cdef3456"));
  CHECK_BAD (am_validate_ou_arn ("arn:aws:organizations::123456789012:ou/ou-ab12-cdef3456"));

  g_assert_cmpint (am_validate_principal (" 123456789012 ", NULL), ==, AM_PRINCIPAL_ACCOUNT);
  g_assert_cmpint (am_validate_principal ("arn:aws:organizations::123456789012:organization/o-abcd123456", NULL),
                   ==, AM_PRINCIPAL_ORGANIZATION);
  g_assert_cmpint (am_validate_principal ("arn:aws:organizations::123456789012:ou/o-abcd123456/ou-ab12-cdef3456", NULL),
                   ==, AM_PRINCIPAL_OU);
  g_assert_cmpint (am_validate_principal ("", &why), ==, AM_PRINCIPAL_INVALID);
  g_assert_nonnull (why);
  g_clear_pointer (&why, g_free);
  g_assert_cmpint (am_validate_principal ("all", &why), ==, AM_PRINCIPAL_INVALID);
  g_assert_nonnull (why);
  g_free (why);
}

static void
test_names_and_descriptions (void)
{
  g_autofree char *n128 = g_strnfill (128, 'n');
  g_autofree char *n129 = g_strnfill (129, 'n');
  g_autofree char *d255 = g_strnfill (255, 'd');
  g_autofree char *d256 = g_strnfill (256, 'd');

  CHECK_OK (am_validate_ami_name ("web-server_(v1.2)/arm64"));
  CHECK_OK (am_validate_ami_name ("abc"));
  CHECK_OK (am_validate_ami_name (n128));
  CHECK_BAD (am_validate_ami_name ("ab"));
  CHECK_BAD (am_validate_ami_name (n129));
  CHECK_BAD (am_validate_ami_name ("web server"));
  CHECK_BAD (am_validate_ami_name ("web@server"));
  CHECK_BAD (am_validate_ami_name ("wéb-server"));
  CHECK_OK (am_validate_description (""));
  CHECK_OK (am_validate_description (d255));
  CHECK_BAD (am_validate_description (d256));
}

static void
test_deprecation_time (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 26, 12, 0, 30);
  g_autoptr (GDateTime) same_minute = g_date_time_new_utc (2026, 11, 26, 12, 0, 59);
  g_autoptr (GDateTime) next_minute = g_date_time_new_utc (2026, 11, 26, 12, 1, 0);
  g_autoptr (GDateTime) ten_years = g_date_time_new_utc (2036, 11, 26, 12, 0, 30);
  g_autoptr (GDateTime) too_far = g_date_time_new_utc (2036, 11, 26, 12, 1, 0);
  g_autoptr (GDateTime) past = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);

  CHECK_OK (am_validate_deprecation_time (next_minute, now));
  CHECK_OK (am_validate_deprecation_time (ten_years, now));
  CHECK_BAD (am_validate_deprecation_time (same_minute, now));
  CHECK_BAD (am_validate_deprecation_time (past, now));
  CHECK_BAD (am_validate_deprecation_time (too_far, now));
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (am_image_actions_run_finish (result, error));
  g_assert_nonnull (*error);
}

static gboolean
have_error (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
test_actions_refuse (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSession) session = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();

  session = am_session_new_for_endpoint ("test", "http://127.0.0.1:9", "AKIDEXAMPLE", "secret",
                                         "us-east-1", &error);
  g_assert_no_error (error);

  g_assert_true (am_image_actions_is_known ("tags"));
  g_assert_true (am_image_actions_is_known ("copy"));
  g_assert_false (am_image_actions_is_known ("launch"));
  g_assert_false (am_image_actions_is_known (NULL));

  am_image_actions_run (NULL, session, "launch", none, run_cb, &error);
  g_assert_true (am_ui_test_wait_until (have_error, &error, 5000));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  am_image_actions_run (NULL, session, "tags", none, run_cb, &error);
  g_assert_true (am_ui_test_wait_until (have_error, &error, 5000));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/dialogs/validate/tags", test_tags);
  g_test_add_func ("/ui/dialogs/validate/principals", test_principals);
  g_test_add_func ("/ui/dialogs/validate/names-and-descriptions", test_names_and_descriptions);
  g_test_add_func ("/ui/dialogs/validate/deprecation-time", test_deprecation_time);
  g_test_add_func ("/ui/dialogs/actions/refuse", test_actions_refuse);

  return g_test_run ();
}
