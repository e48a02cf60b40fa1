/* check-app-accessibility.c: what a screen reader says for each thing one can use
 *
 * Walks the widgets on screen (every page of the sidebar, the detail windows, a
 * story, a form and its picker) and reads, for each button, entry, switch, drop-down,
 * tab and row, the name GTK 4.8 hands the screen reader: its accessible label, then
 * the labels of the widgets it is labelled by (gtk_at_context_get_name() in
 * gtk/gtkatcontext.c). With neither, GTK says the widget's type ("GtkListItemWidget")
 * or, for a row, nothing: the sweep fails on those.
 *
 * GTK 4.8 has no getter for the accessible label; its test API does
 * (gtk_test_accessible_check_property() hands back the value when it differs from the
 * one asked about), but cannot list the widgets of a labelled-by relation, so the
 * sweep asks whether the relation is a single widget nearby (a button's own label, a
 * row's title, the menu button around a menu button's button).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "check-app-suites.h"
#include "test-util.h"
#include "candour-accessible.h"
#include "candour-preferences-window.h"
#include "candour-record-form.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"
#include "candour-window.h"

typedef struct
{
  const char *where;  /* the window or page being swept, for the failure message */
  guint n_checked;    /* interactive elements read */
  guint n_rows;       /* rows of lists and tables among them */
  GPtrArray *names;   /* what each was called, after where it was: "bids: Main Menu" */
  GPtrArray *unnamed; /* those without a name, described for the failure message */
  guint n_icon_buttons;   /* buttons that show only an icon */
  GPtrArray *untipped;    /* those of them without a tooltip to say what the icon means */
} Sweep;

static CandourWindow *window;
static char *folder;

static void
open_demo (void)
{
  window = test_app_open_demo (&folder);
}

static void
close_demo (void)
{
  test_app_close_demo (window, folder);
  window = NULL;
  g_clear_pointer (&folder, g_free);
}

static Sweep *
sweep_new (void)
{
  Sweep *sweep = g_new0 (Sweep, 1);

  sweep->names = g_ptr_array_new_with_free_func (g_free);
  sweep->unnamed = g_ptr_array_new_with_free_func (g_free);
  sweep->untipped = g_ptr_array_new_with_free_func (g_free);
  return sweep;
}

static void
sweep_free (Sweep *sweep)
{
  g_ptr_array_unref (sweep->names);
  g_ptr_array_unref (sweep->unnamed);
  g_ptr_array_unref (sweep->untipped);
  g_free (sweep);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sweep, sweep_free)

/* What a person can press, type into, choose or move to: the roles GTK gives its
 * buttons, entries, check boxes, switches, drop-downs, tabs, rows and a table's
 * column headings (which sort it). */
static gboolean
is_interactive (GtkAccessibleRole role)
{
  switch ((int)role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_OPTION:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
    case GTK_ACCESSIBLE_ROLE_COLUMN_HEADER:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
is_row (GtkAccessibleRole role)
{
  return role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW;
}

/* The accessible label, or NULL when none is set. */
static char *
label_of (GtkWidget *widget)
{
  char *other;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* NULL when the label is the one asked about, else the label itself. */
  other = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return other != NULL ? other : g_strdup ("");
}

static gboolean
is_labelled_by_only (GtkWidget *widget,
                     GtkWidget *candidate)
{
  g_autofree char *other = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                               candidate, NULL);

  return other == NULL;
}

static GtkWidget *
labelled_by_below (GtkWidget *widget,
                   GtkWidget *below,
                   int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (below); child != NULL && depth > 0;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (is_labelled_by_only (widget, child))
        return child;
      if ((found = labelled_by_below (widget, child, depth - 1)) != NULL)
        return found;
    }
  return NULL;
}

/* The one widget widget is labelled by, looked for inside it, around it (its
 * ancestors) and near it (inside the ancestors up to its row); NULL when the relation
 * is none of those. */
static GtkWidget *
labelled_by (GtkWidget *widget)
{
  GtkWidget *found = labelled_by_below (widget, widget, 6);
  GtkWidget *ancestor = gtk_widget_get_parent (widget);

  for (int up = 0; found == NULL && ancestor != NULL; up++, ancestor = gtk_widget_get_parent (ancestor))
    if (is_labelled_by_only (widget, ancestor))
      found = ancestor;
    else if (up < 4)
      found = labelled_by_below (widget, ancestor, 6);
  return found;
}

/* The name GTK 4.8 gives the screen reader, or NULL where it would fall back on the
 * widget's type (or, for a row, say nothing). */
static char *
name_of (GtkWidget *widget)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *label = label_of (widget);

  if (label != NULL && label[0] != '\0')
    g_string_append (name, label);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *by = labelled_by (widget);
      g_autofree char *by_label = by != NULL ? label_of (by) : NULL;

      ck_assert_msg (by != NULL, "a %s is labelled by a widget the sweep cannot find", G_OBJECT_TYPE_NAME (widget));
      if (by_label != NULL && by_label[0] != '\0')
        g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", by_label);
    }
  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

static gboolean
is_hidden (GtkWidget *widget)
{
  g_autofree char *other = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  other = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return other == NULL;
}

/* "GtkToggleButton (button) in GtkMenuButton “Main Menu” in AdwHeaderBar …". */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int steps = 0;

  for (GtkWidget *w = widget; w != NULL && steps < 6; w = gtk_widget_get_parent (w), steps++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (w);
      g_autofree char *role = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE,
                                                gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)));

      g_string_append_printf (text, "%s%s (%s)", steps > 0 ? " in " : "", G_OBJECT_TYPE_NAME (w), role);
      if (tooltip != NULL)
        g_string_append_printf (text, " “%s”", tooltip);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
shows_words (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && shows_words (child))
      return TRUE;
  return FALSE;
}

/* A button (or a menu button's button) with an icon and no words needs a tooltip to
 * say what it does; the window's own buttons (close, maximise) are GTK's. */
static void
check_tooltip (Sweep     *sweep,
               GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  g_autofree char *description = NULL;

  if (!GTK_IS_BUTTON (widget) || shows_words (widget) ||
      gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return;
  sweep->n_icon_buttons++;
  if (gtk_widget_get_tooltip_text (widget) != NULL ||
      (GTK_IS_MENU_BUTTON (parent) && gtk_widget_get_tooltip_text (parent) != NULL))
    return;
  description = describe (widget);
  g_ptr_array_add (sweep->untipped, g_strdup_printf ("%s: %s", sweep->where, description));
}

static void
sweep_widget (Sweep     *sweep,
              GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  /* What is not on screen is not read out; a hidden widget and all in it are skipped,
   * as is what neither the pointer nor the keyboard can reach (AdwComboRow's inline
   * list that shows the choice made). */
  if (!gtk_widget_get_mapped (widget) || is_hidden (widget) ||
      (!gtk_widget_get_can_focus (widget) && !gtk_widget_get_can_target (widget)))
    return;

  /* A table's heading row only holds its column headings, each checked below. */
  if (is_interactive (role) && !(role == GTK_ACCESSIBLE_ROLE_ROW && g_str_equal (gtk_widget_get_css_name (widget), "header")))
    {
      g_autofree char *name = name_of (widget);
      g_autofree char *description = NULL;

      sweep->n_checked++;
      if (is_row (role))
        sweep->n_rows++;
      if (name != NULL)
        g_ptr_array_add (sweep->names, g_strdup_printf ("%s: %s", sweep->where, name));
      else
        {
          description = describe (widget);
          g_ptr_array_add (sweep->unnamed, g_strdup_printf ("%s: %s", sweep->where, description));
        }
      check_tooltip (sweep, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sweep_widget (sweep, child);
}

/* Adds what is in widget (a window) to the sweep, and says how much was read. */
static void
sweep_window (Sweep      *sweep,
              const char *where,
              GtkWidget  *widget)
{
  guint n_checked = sweep->n_checked, n_rows = sweep->n_rows, n_unnamed = sweep->unnamed->len;
  guint n_icon_buttons = sweep->n_icon_buttons, n_untipped = sweep->untipped->len;

  sweep->where = where;
  sweep_widget (sweep, widget);
  g_print ("%s: %u interactive elements, %u of them rows; %u without a name; %u icon buttons, %u without a "
           "tooltip\n", where, sweep->n_checked - n_checked, sweep->n_rows - n_rows, sweep->unnamed->len - n_unnamed,
           sweep->n_icon_buttons - n_icon_buttons, sweep->untipped->len - n_untipped);
}

/* Something swept in where is called name. */
static gboolean
has_name (Sweep      *sweep,
          const char *where,
          const char *name)
{
  g_autofree char *entry = g_strdup_printf ("%s: %s", where, name);

  for (guint i = 0; i < sweep->names->len; i++)
    if (g_str_equal (g_ptr_array_index (sweep->names, i), entry))
      return TRUE;
  return FALSE;
}

#define assert_has_name(sweep, where, name) \
  ck_assert_msg (has_name ((sweep), (where), (name)), "nothing in %s is called “%s”", (where), (name))

static char *
first_few (GPtrArray *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      g_printerr ("%s\n", (char *)g_ptr_array_index (list, i));
      if (i < 10)
        g_string_append_printf (text, "\n  %.300s", (char *)g_ptr_array_index (list, i));
    }
  if (list->len > 10)
    g_string_append (text, "\n  …");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Fails when anything swept has no name, or is an icon with no tooltip, listing the
 * first few (and all of them on standard error: Check's messages are short). */
static void
assert_all_named (Sweep *sweep)
{
  g_autofree char *unnamed = first_few (sweep->unnamed);
  g_autofree char *untipped = first_few (sweep->untipped);

  ck_assert_msg (sweep->unnamed->len == 0, "%u of %u interactive elements have no name:%s",
                 sweep->unnamed->len, sweep->n_checked, unnamed);
  ck_assert_msg (sweep->untipped->len == 0, "%u of %u icon buttons have no tooltip:%s",
                 sweep->untipped->len, sweep->n_icon_buttons, untipped);
}

static void
show (const char *page)
{
  candour_window_show_page (window, page);
  test_app_wait ();
  ck_assert_str_eq (candour_window_get_visible_page (window), page);
}

static gint64
id_of (CandourTable table,
       const char  *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id = candour_record_find_id (candour_session_get_database (candour_window_get_session (window)),
                                      table, ref, &error);

  ck_assert_msg (id > 0, "no %s: %s", ref, error != NULL ? error->message : "");
  return id;
}

/* The sweep itself finds what has no name: an icon button with only a tooltip (GTK
 * 4.8 does not read tooltips as names), a list box's row, a table's rows. */
static const char word_cell[] =
  "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
  "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\"><lookup name=\"item\">GtkListItem"
  "</lookup></lookup></binding></object></property></template></interface>";

START_TEST (test_sweep_finds_the_unnamed)
{
  GtkWidget *test_window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *named_icon_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *untipped_icon_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) strings = gtk_string_list_new ((const char * const[]){ "One", "Two", NULL });
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))));
  g_autoptr(GBytes) cell = g_bytes_new_static (word_cell, sizeof word_cell - 1);
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new ("Word",
                                                                      gtk_builder_list_item_factory_new_from_bytes (NULL, cell));
  g_autoptr(Sweep) sweep = sweep_new ();

  gtk_widget_set_tooltip_text (icon_button, "Add");
  gtk_widget_set_tooltip_text (named_icon_button, "Delete");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named_icon_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (untipped_icon_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy", -1);
  gtk_list_box_append (GTK_LIST_BOX (list), gtk_label_new ("A row"));
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
  gtk_box_append (GTK_BOX (box), icon_button);
  gtk_box_append (GTK_BOX (box), named_icon_button);
  gtk_box_append (GTK_BOX (box), untipped_icon_button);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (test_window), box);
  gtk_window_present (GTK_WINDOW (test_window));
  test_app_wait ();

  sweep_window (sweep, "test window", test_window);
  /* The icon button with only a tooltip, the list box's row, the table's two rows and
   * its column's heading have no name; the other buttons have. Of the three icon
   * buttons, the one named Copy has no tooltip. */
  ck_assert_uint_eq (sweep->n_rows, 3);
  assert_has_name (sweep, "test window", "Delete");
  assert_has_name (sweep, "test window", "Copy");
  ck_assert_uint_eq (sweep->unnamed->len, 5);
  ck_assert_uint_eq (sweep->n_checked, sweep->names->len + 5);
  ck_assert_uint_eq (sweep->n_icon_buttons, 3);
  ck_assert_uint_eq (sweep->untipped->len, 1);

  /* The heading is named once the application's helper has been at it. */
  candour_accessible_name_column_headings (GTK_COLUMN_VIEW (view));
  sweep_window (sweep, "named", test_window);
  assert_has_name (sweep, "named", "Word");
  ck_assert_uint_eq (sweep->unnamed->len, 5 + 4);
  gtk_window_destroy (GTK_WINDOW (test_window));
  test_app_wait ();
}
END_TEST

START_TEST (test_sidebar_pages)
{
  static const char * const pages[] = {
    "overview", "findings", "bids", "contracts", "payments", "organisations", "consortia", "reports",
  };
  g_autoptr(Sweep) sweep = sweep_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show (pages[i]);
      sweep_window (sweep, pages[i], GTK_WIDGET (window));
    }
  assert_all_named (sweep);

  /* The names are the words on screen: the sidebar's, the header bar's icons', and the
   * tables' rows and headings, each row by what identifies it. */
  assert_has_name (sweep, "overview", "Findings");
  assert_has_name (sweep, "overview", "Main Menu");
  assert_has_name (sweep, "overview", "Judge As Of…");
  assert_has_name (sweep, "findings", "Show one kind of finding");
  assert_has_name (sweep, "findings", "Export");
  assert_has_name (sweep, "findings", "Open Door Recovery Harrowfield, Bid candy, BID-01");
  assert_has_name (sweep, "findings", "Paid of due");
  assert_has_name (sweep, "bids", "BID-01, Harrowfield Community Mental Health and Wellbeing Service, Kindred Pathways");
  assert_has_name (sweep, "bids", "Lead provider");
  assert_has_name (sweep, "contracts", "CON-07, Voluntary and community sector infrastructure support (direct "
                                       "award), Harrowfield Council for Voluntary Service");
  assert_has_name (sweep, "payments", "19/11/2023, £3,333.33, from Kindred Pathways to African Caribbean "
                                      "Wellbeing Harrowfield, PAY-0001");
  assert_has_name (sweep, "organisations", "African Caribbean Wellbeing Harrowfield, Charity, ORG-ACWH");
  assert_has_name (sweep, "consortia", "Harrowfield Wellbeing Supply Chain, Prime, CONS-KPW");
  assert_has_name (sweep, "reports", "Kindred Pathways");
}
END_TEST

/* A detail window of each kind, and the story of a partner in a bid. */
START_TEST (test_detail_windows)
{
  static const struct {
    CandourTable table;
    const char *ref;
  } records[] = {
    { CANDOUR_TABLE_ORGANISATIONS, "ORG-ACWH" },
    { CANDOUR_TABLE_BIDS, "BID-01" },
    { CANDOUR_TABLE_CONTRACTS, "CON-01" },
    { CANDOUR_TABLE_CONSORTIA, "CONS-KPW" },
  };
  g_autoptr(CandourFinding) acwh = test_app_find_finding (window, "BID-01", "ORG-ACWH");
  g_autoptr(Sweep) sweep = sweep_new ();
  GtkWindow *story;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      GtkWindow *detail = candour_window_show_record (window, records[i].table, id_of (records[i].table, records[i].ref));

      test_app_wait ();
      sweep_window (sweep, records[i].ref, GTK_WIDGET (detail));
      gtk_window_destroy (detail);
      test_app_wait ();
    }

  story = candour_window_show_story (window, acwh);
  test_app_wait ();
  sweep_window (sweep, "the story of ORG-ACWH in BID-01", GTK_WIDGET (story));
  gtk_window_destroy (story);
  test_app_wait ();
  assert_all_named (sweep);

  assert_has_name (sweep, "CON-01", "The Picture in Words");
  assert_has_name (sweep, "ORG-ACWH", "Export");
  assert_has_name (sweep, "the story of ORG-ACWH in BID-01", "19/11/2023, £3,333.33, PAY-0001");
  assert_has_name (sweep, "the story of ORG-ACWH in BID-01", "Paid on");
}
END_TEST

/* A new bid's form, and the list of its lead provider's picker. */
START_TEST (test_record_form)
{
  CandourRecordForm *form = candour_window_new_record (window, CANDOUR_TABLE_BIDS);
  g_autoptr(Sweep) sweep = sweep_new ();
  CandourRecordPicker *lead;

  test_app_wait ();
  sweep_window (sweep, "a new bid", GTK_WIDGET (form));

  lead = CANDOUR_RECORD_PICKER (candour_record_form_get_row (form, "lead_ref"));
  adw_action_row_activate (ADW_ACTION_ROW (lead));
  test_app_wait ();
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (candour_record_picker_get_popover (lead))));
  sweep_window (sweep, "the lead provider's list", GTK_WIDGET (form));
  gtk_window_destroy (GTK_WINDOW (form));
  test_app_wait ();
  assert_all_named (sweep);

  assert_has_name (sweep, "a new bid", "Choose Lead provider");
  assert_has_name (sweep, "the lead provider's list", "Search by name or reference");
  assert_has_name (sweep, "the lead provider's list", "African Caribbean Wellbeing Harrowfield (ORG-ACWH)");
}
END_TEST

/* Preferences, and the import dialog as it opens. */
START_TEST (test_other_windows)
{
  GtkWindow *preferences = candour_preferences_window_new (candour_application_get_settings (test_app_get_application ()));
  GtkWindow *import;
  g_autoptr(Sweep) sweep = sweep_new ();

  gtk_window_set_transient_for (preferences, GTK_WINDOW (window));
  gtk_window_present (preferences);
  test_app_wait ();
  sweep_window (sweep, "Preferences", GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);

  import = candour_window_import (window, NULL);
  test_app_wait ();
  sweep_window (sweep, "Import CSV", GTK_WIDGET (import));
  gtk_window_destroy (import);
  test_app_wait ();
  assert_all_named (sweep);
}
END_TEST

Suite *
candour_app_accessibility_suite (void)
{
  Suite *suite = suite_create ("app-accessibility");
  TCase *tc = tcase_create ("names");

  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_sweep_finds_the_unnamed);
  tcase_add_unchecked_fixture (tc, open_demo, close_demo);
  tcase_add_test (tc, test_sidebar_pages);
  tcase_add_test (tc, test_detail_windows);
  tcase_add_test (tc, test_record_form);
  tcase_add_test (tc, test_other_windows);
  suite_add_tcase (suite, tc);
  return suite;
}
