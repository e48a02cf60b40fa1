/* candour-screenshots.c
 *
 * Each step puts something on screen and names the picture; the picture is taken a
 * moment later, once GTK has laid it out and drawn it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "candour-findings-page.h"
#include "candour-import-dialog.h"
#include "candour-payments-page.h"
#include "candour-preferences-window.h"
#include "candour-record-form.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"
#include "candour-reports-page.h"
#include "candour-screenshots.h"
#include "candour-window.h"

/* How long to let GTK lay out and draw before taking a picture. */
#define SETTLE_MS 600

typedef struct
{
  CandourApplication *application;
  char *folder;
  char *temp_folder;
  CandourWindow *window;
  GtkWindow *dialog;            /* the dialog a step opened, closed after its picture */
  guint step;
  int failures;
} Run;

typedef const char *(*StepFunc) (Run *run, GtkWidget **target);

static CandourFinding *
find_finding (Run        *run,
              const char *bid_ref,
              const char *partner_ref)
{
  GListModel *findings = candour_session_get_findings (candour_window_get_session (run->window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (candour_finding_get_bid_ref (finding), bid_ref) &&
          g_str_equal (candour_finding_get_partner_ref (finding), partner_ref))
        return g_steal_pointer (&finding);
    }
  return NULL;
}

static const char *
page (Run        *run,
      GtkWidget **target,
      const char *name)
{
  candour_window_show_page (run->window, name);
  *target = GTK_WIDGET (run->window);
  return name;
}

static const char *
step_welcome (Run *run, GtkWidget **target)
{
  *target = GTK_WIDGET (run->window);
  return "welcome";
}

static const char *
step_open_demo (Run *run, GtkWidget **target)
{
  g_autofree char *path = g_build_filename (run->temp_folder, _("Harrowfield demo.candour"), NULL);
  g_autoptr(GError) error = NULL;

  if (!candour_window_open_demo (run->window, path, CANDOUR_SCREENSHOTS_TODAY, &error))
    {
      g_printerr ("candour: could not load the demo: %s\n", error->message);
      run->failures++;
    }
  return page (run, target, "overview");
}

static const char *
step_overview_attention (Run *run, GtkWidget **target)
{
  GtkWidget *overview = candour_window_get_page (run->window, "overview");
  GtkWidget *scrolled = gtk_widget_get_first_child (overview);

  page (run, target, "overview");
  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  return "overview-attention";
}

static const char *
step_findings (Run *run, GtkWidget **target)
{
  return page (run, target, "findings");
}

static const char *
step_findings_filtered (Run *run, GtkWidget **target)
{
  CandourFindingsPage *findings = CANDOUR_FINDINGS_PAGE (candour_window_get_page (run->window, "findings"));

  candour_findings_page_set_status (findings, "bid_candy");
  *target = GTK_WIDGET (run->window);
  return "findings-bid-candy";
}

static const char *
step_bids (Run *run, GtkWidget **target)
{
  CandourFindingsPage *findings = CANDOUR_FINDINGS_PAGE (candour_window_get_page (run->window, "findings"));

  candour_findings_page_set_status (findings, NULL);
  return page (run, target, "bids");
}

static const char *
step_contracts (Run *run, GtkWidget **target)
{
  return page (run, target, "contracts");
}

static const char *
step_payments (Run *run, GtkWidget **target)
{
  return page (run, target, "payments");
}

/* A finance officer's look-up: a name, within the financial year 2024-25, largest
 * first, with what they add up to. */
static const char *
step_payments_searched (Run *run, GtkWidget **target)
{
  CandourPaymentsPage *payments = CANDOUR_PAYMENTS_PAGE (candour_window_get_page (run->window, "payments"));

  candour_payments_page_set_search (payments, "Harrowfield");
  candour_payments_page_set_range (payments, "01/04/2024", "31/03/2025");
  candour_payments_page_sort (payments, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE);
  *target = GTK_WIDGET (run->window);
  return "payments-searched";
}

static const char *
step_organisations (Run *run, GtkWidget **target)
{
  CandourPaymentsPage *payments = CANDOUR_PAYMENTS_PAGE (candour_window_get_page (run->window, "payments"));

  candour_payments_page_set_search (payments, NULL);
  candour_payments_page_set_range (payments, NULL, NULL);
  candour_payments_page_sort (payments, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE);
  return page (run, target, "organisations");
}

static const char *
step_consortia (Run *run, GtkWidget **target)
{
  return page (run, target, "consortia");
}

static const char *
reports (Run        *run,
         GtkWidget **target,
         const char *kind,
         const char *name)
{
  CandourReportsPage *reports_page = CANDOUR_REPORTS_PAGE (candour_window_get_page (run->window, "reports"));

  page (run, target, "reports");
  candour_reports_page_show (reports_page, kind);
  return name;
}

static const char *
step_scorecard (Run *run, GtkWidget **target)
{
  return reports (run, target, "scorecard", "reports");
}

static const char *
step_shares (Run *run, GtkWidget **target)
{
  return reports (run, target, "shares", "reports-shares");
}

static const char *
step_payment_times (Run *run, GtkWidget **target)
{
  return reports (run, target, "payment-times", "reports-payment-times");
}

static const char *
story (Run        *run,
       GtkWidget **target,
       const char *bid_ref,
       const char *partner_ref,
       const char *name)
{
  g_autoptr(CandourFinding) finding = find_finding (run, bid_ref, partner_ref);

  candour_window_show_page (run->window, "findings");
  if (finding == NULL)
    {
      run->failures++;
      *target = NULL;
      return name;
    }
  run->dialog = candour_window_show_story (run->window, finding);
  /* Tall enough to show the bid and the contract below the chart. */
  gtk_window_set_default_size (run->dialog, 880, 1150);
  *target = GTK_WIDGET (run->dialog);
  return name;
}

static const char *
step_story (Run *run, GtkWidget **target)
{
  return story (run, target, "BID-01", "ORG-ACWH", "story");
}

static const char *
step_story_bid_candy (Run *run, GtkWidget **target)
{
  return story (run, target, "BID-01", "ORG-ODR", "story-bid-candy");
}

/* Writes CSV files into a folder of the temporary folder and opens Import CSV… on it. */
static const char *
import_folder (Run        *run,
               GtkWidget **target,
               const char *name,
               ...)
{
  g_autofree char *folder = g_build_filename (run->temp_folder, name, NULL);
  const char *paths[] = { folder, NULL };
  const char *file_name;
  va_list args;

  g_mkdir_with_parents (folder, 0700);
  va_start (args, name);
  while ((file_name = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, file_name, NULL);
      g_file_set_contents (path, va_arg (args, const char *), -1, NULL);
    }
  va_end (args);

  candour_window_show_page (run->window, "overview");
  run->dialog = candour_window_import (run->window, paths);
  *target = GTK_WIDGET (run->dialog);
  return name;
}

/* Import CSV… as it opens, before anything is chosen. */
static const char *
step_import_choose (Run *run, GtkWidget **target)
{
  candour_window_show_page (run->window, "overview");
  run->dialog = candour_window_import (run->window, NULL);
  *target = GTK_WIDGET (run->dialog);
  return "import-choose";
}

/* What a folder of good files will bring in, before anything is written. */
static const char *
step_import_preview (Run *run, GtkWidget **target)
{
  return import_folder (run, target, "import-preview",
                        "organisations.csv",
                        "ref,name,kind,annual_income,locality\n"
                        "ORG-NEWLEAF,New Leaf Mentoring,cic,38500,local\n"
                        "ORG-BRIDGE,Bridgend Street Food Bank,community_group,12000,local\n"
                        "ORG-SOLACE,Solace Women's Aid Harrowfield,charity,412000,local\n",
                        "bids.csv",
                        "ref,title,lead_ref,commissioner_ref,value,submitted_on,outcome\n"
                        "BID-20,Harrowfield Food and Fuel Poverty Service,ORG-CORVANE,ORG-HMBC,\"640,000\","
                        "01/06/2025,pending\n",
                        "bid_partners.csv",
                        "bid_ref,partner_ref,role,promised_value,promised_share,consent\n"
                        "BID-20,ORG-BRIDGE,emergency food parcels,45000,,yes\n"
                        "BID-20,ORG-NEWLEAF,mentoring,,7.5,yes\n",
                        NULL);
}

/* Rows that go in as they are but look odd: listed before anything is written. */
static const char *
step_import_warnings (Run *run, GtkWidget **target)
{
  return import_folder (run, target, "import-warnings",
                        "payments.csv",
                        "ref,subcontract_ref,amount,paid_on,invoiced_on\n"
                        "PAY-X1,SUB-02,1200,01/04/1999,\n"
                        "PAY-X2,SUB-02,850,01/05/2025,09/05/2025\n"
                        "PAY-X3,SUB-03,640,01/06/2025,20/05/2025\n",
                        NULL);
}

/* Files with mistakes: every problem listed, with where it is and how to put it right. */
static const char *
step_import_problems (Run *run, GtkWidget **target)
{
  return import_folder (run, target, "import-problems",
                        "organisations.csv",
                        "ref,name,annual_income\nORG-NEW,New Leaf Mentoring,about £40k\n",
                        "payments.csv",
                        "ref,subcontract_ref,amount,paid_on\n"
                        "PAY-X1,SUB-02,1200,31/06/2025\n"
                        "PAY-X2,SUB-99,1200,01/06/2025\n",
                        NULL);
}

/* A record's detail window, tall enough to show its lists. */
static const char *
record (Run          *run,
        GtkWidget   **target,
        CandourTable  table,
        const char   *ref,
        int           height,
        const char   *name)
{
  CandourDatabase *db = candour_session_get_database (candour_window_get_session (run->window));
  gint64 id = candour_record_find_id (db, table, ref, NULL);

  if (id == 0)
    {
      run->failures++;
      *target = NULL;
      return name;
    }
  run->dialog = candour_window_show_record (run->window, table, id);
  gtk_window_set_default_size (run->dialog, 900, height);
  *target = GTK_WIDGET (run->dialog);
  return name;
}

static const char *
step_bid_detail (Run *run, GtkWidget **target)
{
  candour_window_show_page (run->window, "bids");
  return record (run, target, CANDOUR_TABLE_BIDS, "BID-01", 1250, "bid-detail");
}

static const char *
step_contract_detail (Run *run, GtkWidget **target)
{
  candour_window_show_page (run->window, "contracts");
  return record (run, target, CANDOUR_TABLE_CONTRACTS, "CON-01", 1180, "contract-detail");
}

static const char *
step_organisation_detail (Run *run, GtkWidget **target)
{
  candour_window_show_page (run->window, "organisations");
  return record (run, target, CANDOUR_TABLE_ORGANISATIONS, "ORG-ODR", 1000, "organisation-detail");
}

static const char *
step_contract_detail_dark (Run *run, GtkWidget **target)
{
  record (run, target, CANDOUR_TABLE_CONTRACTS, "CON-03", 1000, "contract-detail-dark");
  return "contract-detail-dark";
}

static void
type_into (CandourRecordForm *form,
           const char        *field,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (candour_record_form_get_row (form, field)), text);
}

/* A subcontract typed with mistakes, each explained under its field. */
static const char *
step_form (Run *run, GtkWidget **target)
{
  CandourRecordForm *form;

  candour_window_show_page (run->window, "contracts");
  form = candour_window_new_record (run->window, CANDOUR_TABLE_SUBCONTRACTS);
  candour_record_form_set_text (form, "contract_ref", "CON-02", TRUE);
  candour_record_form_choose (form, "partner_ref", "ORG-EMS");
  type_into (form, "ref", "SUB-20");
  type_into (form, "value", "-8,000");
  type_into (form, "start_on", "31/02/2025");
  candour_record_form_check_now (form);
  gtk_window_set_default_size (GTK_WINDOW (form), 620, 700);
  run->dialog = GTK_WINDOW (form);
  *target = GTK_WIDGET (form);
  return "form-subcontract";
}

/* A bid's form with the partners it names: the saved ones closed, each saying who and
 * what was promised, and one being added with a promise given twice. */
static const char *
step_bid_form (Run *run, GtkWidget **target)
{
  CandourRecordForm *form;
  CandourBidPartnersGroup *group;
  guint last;

  candour_window_show_page (run->window, "bids");
  form = candour_record_form_new (candour_window_get_session (run->window), CANDOUR_TABLE_BIDS,
                                  candour_record_find_id (candour_session_get_database (candour_window_get_session (run->window)),
                                                          CANDOUR_TABLE_BIDS, "BID-06", NULL));
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (run->window));
  gtk_window_present (GTK_WINDOW (form));
  group = candour_record_form_get_partners_group (form);
  candour_bid_partners_group_add (group);
  last = candour_bid_partners_group_get_n_partners (group) - 1;
  candour_record_picker_set_ref (CANDOUR_RECORD_PICKER (candour_bid_partners_group_get_row (group, last, "partner_ref")),
                                 "ORG-EMS");
  gtk_editable_set_text (GTK_EDITABLE (candour_bid_partners_group_get_row (group, last, "role")),
                         "volunteer drivers");
  gtk_editable_set_text (GTK_EDITABLE (candour_bid_partners_group_get_row (group, last, "promised_value")), "6,000");
  gtk_editable_set_text (GTK_EDITABLE (candour_bid_partners_group_get_row (group, last, "promised_share")), "2");
  candour_record_form_check_now (form);
  run->dialog = GTK_WINDOW (form);
  *target = GTK_WIDGET (form);
  return "form-bid-partners";
}

static const char *
step_preferences (Run *run, GtkWidget **target)
{
  run->dialog = candour_preferences_window_new (candour_application_get_settings (run->application));
  gtk_window_set_transient_for (run->dialog, GTK_WINDOW (run->window));
  gtk_window_present (run->dialog);
  *target = GTK_WIDGET (run->dialog);
  return "preferences";
}

static const char *
step_connect (Run *run, GtkWidget **target)
{
  run->dialog = candour_window_connect (run->window);
  *target = GTK_WIDGET (run->dialog);
  return "connect";
}

static const char *
step_shortcuts (Run *run, GtkWidget **target)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/candour/Candour/gtk/help-overlay.ui");

  run->dialog = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_set_transient_for (run->dialog, GTK_WINDOW (run->window));
  gtk_window_present (run->dialog);
  g_object_unref (run->dialog);
  *target = GTK_WIDGET (run->dialog);
  return "shortcuts";
}

static const char *
step_about (Run *run, GtkWidget **target)
{
  g_action_group_activate_action (G_ACTION_GROUP (run->application), "about", NULL);
  run->dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_ABOUT_WINDOW (l->data))
      run->dialog = l->data;
  *target = GTK_WIDGET (run->dialog);
  return "about";
}

static const char *
step_dark (Run *run, GtkWidget **target)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  return page (run, target, "overview");
}

static const char *
step_overview_dark (Run *run, GtkWidget **target)
{
  step_dark (run, target);
  return "overview-dark";
}

static const char *
step_findings_dark (Run *run, GtkWidget **target)
{
  page (run, target, "findings");
  return "findings-dark";
}

static const char *
step_story_dark (Run *run, GtkWidget **target)
{
  return story (run, target, "BID-01", "ORG-ACWH", "story-dark");
}

static const char *
step_reports_dark (Run *run, GtkWidget **target)
{
  return reports (run, target, "scorecard", "reports-dark");
}

static const char *
step_narrow (Run *run, GtkWidget **target)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (run->window), 400, 760);
  return page (run, target, "overview");
}

static const char *
step_narrow_named (Run *run, GtkWidget **target)
{
  step_narrow (run, target);
  return "overview-narrow";
}

static const StepFunc steps[] = {
  step_welcome,
  step_open_demo,
  step_overview_attention,
  step_findings,
  step_findings_filtered,
  step_bids,
  step_contracts,
  step_payments,
  step_payments_searched,
  step_organisations,
  step_consortia,
  step_scorecard,
  step_shares,
  step_payment_times,
  step_story,
  step_story_bid_candy,
  step_import_choose,
  step_import_preview,
  step_import_warnings,
  step_import_problems,
  step_form,
  step_bid_form,
  step_bid_detail,
  step_contract_detail,
  step_organisation_detail,
  step_preferences,
  step_connect,
  step_shortcuts,
  step_about,
  step_overview_dark,
  step_findings_dark,
  step_story_dark,
  step_reports_dark,
  step_contract_detail_dark,
  step_narrow_named,
};

gboolean
candour_screenshots_capture (GtkWidget   *widget,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is not on screen", G_OBJECT_TYPE_NAME (widget));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s drew nothing", G_OBJECT_TYPE_NAME (widget));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static void run_step (Run *run);

typedef struct
{
  Run *run;
  GtkWidget *target;
  char *name;
} Pending;

static gboolean
take_picture (gpointer user_data)
{
  Pending *pending = user_data;
  Run *run = pending->run;
  g_autofree char *file = g_strconcat (pending->name, ".png", NULL);
  g_autofree char *path = g_build_filename (run->folder, file, NULL);
  g_autoptr(GError) error = NULL;

  /* An import dialog still checking its files: a moment more. */
  if (CANDOUR_IS_IMPORT_DIALOG (pending->target) &&
      candour_import_dialog_get_busy (CANDOUR_IMPORT_DIALOG (pending->target)))
    return G_SOURCE_CONTINUE;

  if (pending->target == NULL)
    {
      g_printerr ("candour: nothing to show for %s\n", pending->name);
      run->failures++;
    }
  else if (!candour_screenshots_capture (pending->target, path, &error))
    {
      g_printerr ("candour: %s: %s\n", file, error->message);
      run->failures++;
    }
  else
    g_print ("%s\n", path);

  if (run->dialog != NULL)
    gtk_window_destroy (run->dialog);
  run->dialog = NULL;

  g_clear_object (&pending->target);
  g_free (pending->name);
  g_free (pending);

  run->step++;
  run_step (run);
  return G_SOURCE_REMOVE;
}

static void
finish (Run *run)
{
  gtk_window_destroy (GTK_WINDOW (run->window));
  if (run->temp_folder != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (run->temp_folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (run->temp_folder, name, NULL);
          g_unlink (path);
        }
      g_rmdir (run->temp_folder);
    }

  if (run->failures > 0)
    {
      g_printerr ("candour: %d screenshot(s) failed\n", run->failures);
      candour_application_set_exit_status (run->application, EXIT_FAILURE);
    }
  g_application_release (G_APPLICATION (run->application));

  g_free (run->folder);
  g_free (run->temp_folder);
  g_free (run);
}

static void
run_step (Run *run)
{
  Pending *pending;
  GtkWidget *target = NULL;
  const char *name;

  if (run->step >= G_N_ELEMENTS (steps))
    {
      finish (run);
      return;
    }

  name = steps[run->step] (run, &target);
  pending = g_new0 (Pending, 1);
  pending->run = run;
  pending->target = target != NULL ? g_object_ref (target) : NULL;
  pending->name = g_strdup (name);
  g_timeout_add (SETTLE_MS, take_picture, pending);
}

void
candour_screenshots_run (CandourApplication *application,
                         const char         *folder)
{
  g_autoptr(GError) error = NULL;
  Run *run;

  g_return_if_fail (CANDOUR_IS_APPLICATION (application));
  g_return_if_fail (folder != NULL);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_printerr ("candour: could not make %s\n", folder);
      return;
    }

  run = g_new0 (Run, 1);
  run->application = application;
  run->folder = g_strdup (folder);
  run->temp_folder = g_dir_make_tmp ("candour-screenshots-XXXXXX", &error);
  if (run->temp_folder == NULL)
    {
      g_printerr ("candour: %s\n", error->message);
      g_free (run->folder);
      g_free (run);
      return;
    }

  /* Every picture shows the same day, whenever it is taken. */
  candour_application_set_as_of (application, CANDOUR_SCREENSHOTS_TODAY);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  run->window = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  gtk_window_unmaximize (GTK_WINDOW (run->window));
  gtk_window_set_default_size (GTK_WINDOW (run->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (run->window));

  g_application_hold (G_APPLICATION (application));
  run_step (run);
}
