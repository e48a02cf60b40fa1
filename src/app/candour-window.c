/* candour-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-application.h"
#include "candour-as-of-popover.h"
#include "candour-backup.h"
#include "candour-change-watch.h"
#include "candour-connect-dialog.h"
#include "candour-date.h"
#include "candour-deletion.h"
#include "candour-export-feedback.h"
#include "candour-demo.h"
#include "candour-detail-window.h"
#include "candour-error.h"
#include "candour-export.h"
#include "candour-findings-page.h"
#include "candour-import-dialog.h"
#include "candour-keyring.h"
#include "candour-overview-page.h"
#include "candour-payments-page.h"
#include "candour-record-form.h"
#include "candour-records-page.h"
#include "candour-reports-page.h"
#include "candour-story-window.h"
#include "candour-toasts.h"
#include "candour-window.h"

struct _CandourWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  AdwWindowTitle *database_title;
  AdwWindowTitle *page_title;
  GtkMenuButton *as_of_button;
  GtkInfoBar *connection_bar;
  GtkLabel *connection_label;
  GtkListBox *sidebar_list;
  GtkWidget *primary_menu_button;
  GtkStack *page_stack;
  GMenu *recent_section;

  CandourSession *session;
  GSettings *settings;
  GtkNativeDialog *chooser;     /* the file chooser on screen, if any */
  GtkWindow *import_dialog;     /* Import CSV…, until it is destroyed */
  CandourChangeWatch *watch;    /* says when other people change the register */
  guint changes_seen;           /* times the watch said so */
  guint others_source;          /* looks every few seconds for who else is here */
  GCancellable *keyring;        /* the keyring's answers, unwanted once the window goes */
  guint server_openings;        /* servers asked of the keyring: only the last is opened */
};

G_DEFINE_FINAL_TYPE (CandourWindow, candour_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pages that judge findings, whose header says on which day. */
static const char * const judged_pages[] = { "overview", "findings", "reports", NULL };

/* How often to look for who else has a server's register open. */
#define OTHERS_SECONDS 5

/* The table whose records the visible page lists, for Ctrl+N. */
static gboolean
visible_table (CandourWindow *self,
               CandourTable  *out_table)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  if (CANDOUR_IS_RECORDS_PAGE (page))
    {
      *out_table = candour_records_page_get_table (CANDOUR_RECORDS_PAGE (page));
      return TRUE;
    }
  if (CANDOUR_IS_PAYMENTS_PAGE (page))
    {
      *out_table = CANDOUR_TABLE_PAYMENTS;
      return TRUE;
    }
  return FALSE;
}

/* Whether the page shown has a search for Ctrl+F to go to. */
static gboolean
visible_page_searches (CandourWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  /* GTK 4.8 writes every answer: none may be NULL. */
  for (guint i = 0; page != NULL && gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (page), i, &owner, &name,
                                                                    &parameter_type, &property_name); i++)
    if (g_str_equal (name, "page.search"))
      return TRUE;
  return FALSE;
}

static void
candour_window_actions_update (CandourWindow *self)
{
  gboolean open = self->session != NULL;
  CandourTable table;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", open && visible_table (self, &table));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-record", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 candour_deletion_is_pending (self->toast_overlay));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open && visible_page_searches (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
}

void
candour_window_add_toast (CandourWindow *self,
                          const char    *message)
{
  AdwToast *toast;

  g_return_if_fail (CANDOUR_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  candour_toasts_add (self->toast_overlay, toast);
}

static void
show_error (CandourWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CandourApplication *
get_application (CandourWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return CANDOUR_IS_APPLICATION (application) ? CANDOUR_APPLICATION (application) : NULL;
}

/* Sidebar and pages */

static void on_finding_activated (CandourWindow  *self,
                                  CandourFinding *finding);

/* The pages made when first shown: each builds its columns and rows, which a large
 * register makes costly, and the window opens on the Overview. */
static const struct
{
  const char *name;
  const char *title;
  GType (*get_type) (void);
  CandourTable table;           /* for a records page */
} pages[] = {
  { "findings", N_("Findings"), candour_findings_page_get_type, 0 },
  { "bids", N_("Bids"), candour_records_page_get_type, CANDOUR_TABLE_BIDS },
  { "contracts", N_("Contracts"), candour_records_page_get_type, CANDOUR_TABLE_CONTRACTS },
  { "payments", N_("Payments"), candour_payments_page_get_type, 0 },
  { "organisations", N_("Organisations"), candour_records_page_get_type, CANDOUR_TABLE_ORGANISATIONS },
  { "consortia", N_("Consortia"), candour_records_page_get_type, CANDOUR_TABLE_CONSORTIA },
  { "reports", N_("Reports"), candour_reports_page_get_type, 0 },
};

/* The page called name, made now if it has not been shown yet; NULL for no such page. */
static GtkWidget *
ensure_page (CandourWindow *self,
             const char    *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, name);

  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (pages); i++)
    {
      GType type;

      if (!g_str_equal (pages[i].name, name))
        continue;

      type = pages[i].get_type ();
      page = type == CANDOUR_TYPE_RECORDS_PAGE
        ? g_object_new (type, "table", pages[i].table, "session", self->session, NULL)
        : g_object_new (type, "session", self->session, NULL);
      if (CANDOUR_IS_FINDINGS_PAGE (page))
        g_signal_connect_object (page, "finding-activated", G_CALLBACK (on_finding_activated), self,
                                 G_CONNECT_SWAPPED);
      gtk_stack_add_titled (self->page_stack, page, name, _(pages[i].title));
    }
  return page;
}

static void
update_page_title (CandourWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  g_autofree char *subtitle = NULL;

  if (child == NULL)
    return;

  adw_window_title_set_title (self->page_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack, child)));

  gtk_widget_set_visible (GTK_WIDGET (self->as_of_button),
                          self->session != NULL && name != NULL && g_strv_contains (judged_pages, name));
  if (self->session != NULL && name != NULL && g_strv_contains (judged_pages, name))
    {
      g_autofree char *as_of = candour_session_dup_as_of (self->session);
      g_autofree char *day = candour_date_format_display (as_of);

      /* Translators: the page subtitle, "Judged as of 30/06/2025" */
      subtitle = g_strdup_printf (_("Judged as of %s"), day);
    }
  adw_window_title_set_subtitle (self->page_title, subtitle ? subtitle : "");
}

static void
on_page_changed (CandourWindow *self)
{
  update_page_title (self);
  candour_window_actions_update (self);
}

static void
on_sidebar_row_selected (CandourWindow *self,
                         GtkListBoxRow *row)
{
  if (row != NULL && ensure_page (self, gtk_widget_get_name (GTK_WIDGET (row))) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated (CandourWindow *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Tab leaves the sidebar, for the page beside it (or, backwards, the menu above it):
 * the arrow keys go from page to page, as in GNOME Settings. Left to the list, Tab
 * would step down the rows and open each page on the way. */
static gboolean
on_sidebar_key_pressed (CandourWindow   *self,
                        guint            keyval,
                        guint            keycode,
                        GdkModifierType  state)
{
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (backward)
    return gtk_widget_grab_focus (GTK_WIDGET (self->primary_menu_button));
  /* Folded, the page is not beside the list; the rows are all there is. */
  if (adw_leaflet_get_folded (self->leaflet))
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->page_stack), GTK_DIR_TAB_FORWARD) ||
         gtk_widget_grab_focus (GTK_WIDGET (self->as_of_button));
}

static void
on_back_clicked (CandourWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
candour_window_show_page (CandourWindow *self,
                          const char    *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (CANDOUR_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), name))
      {
        gtk_list_box_select_row (self->sidebar_list, row);
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
        return;
      }

  g_critical ("No page called %s", name);
}

const char *
candour_window_get_visible_page (CandourWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

GtkWidget *
candour_window_get_page (CandourWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  return ensure_page (self, name);
}

GtkWindow *
candour_window_show_story (CandourWindow  *self,
                           CandourFinding *finding)
{
  GtkWindow *story;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (CANDOUR_IS_FINDING (finding), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  story = candour_story_window_new (self->session, finding);
  gtk_window_set_transient_for (story, GTK_WINDOW (self));
  gtk_window_present (story);
  return story;
}

static void
on_finding_activated (CandourWindow  *self,
                      CandourFinding *finding)
{
  candour_window_show_story (self, finding);
}

/* Records */

GtkWindow *
candour_window_show_record (CandourWindow *self,
                            CandourTable   table,
                            gint64         id)
{
  GtkWindow *window;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  if (table == CANDOUR_TABLE_ORGANISATIONS || table == CANDOUR_TABLE_BIDS ||
      table == CANDOUR_TABLE_CONTRACTS || table == CANDOUR_TABLE_CONSORTIA)
    window = candour_detail_window_new (self->session, table, id);
  else
    window = GTK_WINDOW (candour_record_form_new (self->session, table, id));
  gtk_window_set_transient_for (window, GTK_WINDOW (self));
  gtk_window_present (window);
  return window;
}

/* A new record shows selected in its list. */
static void
on_new_record_saved (CandourWindow     *self,
                     gint64             id,
                     CandourRecordForm *form)
{
  CandourTable table = candour_record_form_get_table (form);
  g_autofree char *ref = NULL;

  if (table == CANDOUR_TABLE_PAYMENTS)
    return;

  ref = candour_record_form_dup_text (form, "ref");
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (CANDOUR_IS_RECORDS_PAGE (page) && candour_records_page_get_table (CANDOUR_RECORDS_PAGE (page)) == table)
      candour_records_page_select (CANDOUR_RECORDS_PAGE (page), ref);
}

CandourRecordForm *
candour_window_new_record (CandourWindow *self,
                           CandourTable   table)
{
  CandourRecordForm *form;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  form = candour_record_form_new (self->session, table, 0);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_new_record_saved), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
  return form;
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  CandourTable table;

  if (self->session != NULL && visible_table (self, &table))
    candour_window_new_record (self, table);
}

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  guint32 table;
  gint64 id;

  g_variant_get (parameter, "(ux)", &table, &id);
  if (self->session != NULL && table < CANDOUR_N_TABLES)
    candour_window_show_record (self, table, id);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  candour_deletion_undo (CANDOUR_WINDOW (widget)->toast_overlay);
}

AdwToastOverlay *
candour_window_get_toast_overlay (CandourWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

/* Other people's changes */

gboolean
candour_window_check_for_changes (CandourWindow *self)
{
  guint seen;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), FALSE);

  if (self->watch == NULL)
    return FALSE;

  seen = self->changes_seen;
  candour_change_watch_check (self->watch);
  return self->changes_seen != seen;
}

/* Someone else saved: the findings and rows their records touch are read again. */
static void
on_changed_elsewhere (CandourWindow *self)
{
  self->changes_seen++;
  candour_session_catch_up (self->session);
}

static void
on_connected_changed (CandourWindow *self)
{
  g_autofree char *message = NULL;
  const char *server = candour_session_get_title (self->session);

  if (!candour_change_watch_get_connected (self->watch))
    {
      /* Translators: %s is the register's name on the server */
      message = g_strdup_printf (_("The connection to “%s” was lost. Candour is trying again; "
                                   "what is shown may be out of date, and nothing can be saved "
                                   "until it is back."), server);
      gtk_label_set_label (self->connection_label, message);
      gtk_info_bar_set_revealed (self->connection_bar, TRUE);
      return;
    }
  gtk_info_bar_set_revealed (self->connection_bar, FALSE);
  /* Translators: %s is the register's name on the server */
  message = g_strdup_printf (_("Connected to “%s” again"), server);
  candour_window_add_toast (self, message);
  /* Whatever changed meanwhile, and whatever went with the old connection. */
  candour_session_refresh (self->session);
  candour_window_update_others (self);
}

/* On a server, the header says who else has the register open: "Also here: alice, bob". */
void
candour_window_update_others (CandourWindow *self)
{
  g_auto(GStrv) others = NULL;
  g_autofree char *list = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (CANDOUR_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  others = candour_database_dup_others (candour_session_get_database (self->session));
  if (others[0] == NULL)
    {
      adw_window_title_set_subtitle (self->database_title, _("Candour"));
      return;
    }
  list = g_strjoinv (", ", others);
  /* Translators: the people who have the same register open on a server */
  subtitle = g_strdup_printf (_("Also here: %s"), list);
  adw_window_title_set_subtitle (self->database_title, subtitle);
}

static gboolean
look_for_others (gpointer user_data)
{
  CandourWindow *self = user_data;

  if (self->watch != NULL && candour_change_watch_get_connected (self->watch))
    candour_window_update_others (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_watching (CandourWindow *self)
{
  g_clear_handle_id (&self->others_source, g_source_remove);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  if (self->connection_bar != NULL)
    gtk_info_bar_set_revealed (self->connection_bar, FALSE);
}

static void
start_watching (CandourWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(GError) error = NULL;

  self->watch = candour_change_watch_new (db, &error);
  if (self->watch == NULL)
    {
      g_warning ("Other people's changes will show only when the register is opened again: %s",
                 error->message);
      return;
    }
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_changed_elsewhere), self);
  g_signal_connect_swapped (self->watch, "notify::connected", G_CALLBACK (on_connected_changed), self);
  if (candour_database_is_server (db))
    self->others_source = g_timeout_add_seconds (OTHERS_SECONDS, look_for_others, self);
}

/* Sessions */

CandourSession *
candour_window_get_session (CandourWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  return self->session;
}

void
candour_window_set_session (CandourWindow  *self,
                            CandourSession *session)
{
  GtkWidget *child;

  g_return_if_fail (CANDOUR_IS_WINDOW (self));
  g_return_if_fail (session == NULL || CANDOUR_IS_SESSION (session));

  if (self->session == session)
    return;

  /* A deletion waiting for its toast belongs to the database it was made in. */
  candour_deletion_commit (self->toast_overlay);
  stop_watching (self);

  if (self->session != NULL && self->settings != NULL)
    {
      g_settings_unbind (self->session, "grace-days");
      g_settings_unbind (self->session, "tolerance");
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      start_watching (self);
      g_signal_connect_object (session, "notify::as-of", G_CALLBACK (update_page_title), self, G_CONNECT_SWAPPED);
    }
  if (gtk_menu_button_get_popover (self->as_of_button) != NULL)
    candour_as_of_popover_set_session (CANDOUR_AS_OF_POPOVER (gtk_menu_button_get_popover (self->as_of_button)),
                                       session);

  if (session != NULL && self->settings != NULL)
    {
      g_settings_bind (self->settings, "grace-days", session, "grace-days", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "tolerance", session, "tolerance", G_SETTINGS_BIND_GET);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "session", session, NULL);

  if (session != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s – %s", candour_session_get_title (session), _("Candour"));

      adw_window_title_set_title (self->database_title, candour_session_get_title (session));
      adw_window_title_set_subtitle (self->database_title, _("Candour"));
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_stack_set_visible_child_name (self->main_stack, "database");
      if (gtk_list_box_get_selected_row (self->sidebar_list) == NULL)
        candour_window_show_page (self, "overview");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Candour"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_page_title (self);
  candour_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* What a person must know about a file before working in it. */
static void
show_open_notices (CandourWindow   *self,
                   CandourDatabase *db)
{
  const char *backup = candour_database_get_upgrade_backup (db);
  g_autofree char *name = g_path_get_basename (candour_database_get_path (db));
  g_autoptr(GString) body = g_string_new (NULL);
  const char *heading;
  GtkWidget *dialog;

  if (backup != NULL)
    g_string_append_printf (body, _("“%s” was made by an earlier version of Candour and has been brought "
                                    "up to date. A copy of the file as it was is kept at\n%s"),
                            name, backup);

  if (candour_database_is_on_network (db))
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body, _("“%s” is on a network drive. Candour saves there in a slower, "
                                      "safer way, but two people saving at the same moment over a "
                                      "network is less safe than on this computer’s own disk. Back it "
                                      "up often (Back Up… in the main menu), or copy it to this "
                                      "computer to work on it."), name);
    }

  if (candour_database_get_read_only_reason (db) != NULL)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, candour_database_get_read_only_reason (db));
    }

  if (body->len == 0)
    return;

  heading = backup != NULL ? _("Database Brought Up to Date")
            : candour_database_get_read_only_reason (db) != NULL ? _("Register Opened to Read Only")
            : _("Database on a Network Drive");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_database (CandourWindow   *self,
               CandourDatabase *db)
{
  g_autoptr(CandourSession) session = NULL;
  CandourApplication *application = get_application (self);

  session = candour_session_new (db);
  if (application != NULL)
    {
      if (candour_application_get_as_of (application) != NULL)
        candour_session_set_as_of (session, candour_application_get_as_of (application));
      candour_application_add_recent (application, candour_database_get_path (db));
    }
  candour_window_set_session (self, session);
  show_open_notices (self, db);
}

gboolean
candour_window_open_location (CandourWindow  *self,
                              const char     *location,
                              GError        **error)
{
  g_autoptr(CandourDatabase) db = NULL;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  /* Only what is there: a mistyped or moved recent file must not become a new one. */
  db = candour_database_open_full (location, CANDOUR_OPEN_EXISTING, error);
  if (db == NULL)
    return FALSE;

  open_database (self, db);
  return TRUE;
}

/* Passwords in the keyring */

typedef struct
{
  CandourWindow *window;        /* not to be touched once keyring is cancelled */
  GCancellable *keyring;
  char *location;
  guint serial;
} KeyringCall;

static KeyringCall *
keyring_call_new (CandourWindow *self,
                  const char    *location)
{
  KeyringCall *call = g_new0 (KeyringCall, 1);

  call->window = self;
  call->keyring = g_object_ref (self->keyring);
  call->location = g_strdup (location);
  return call;
}

static void
keyring_call_free (KeyringCall *call)
{
  g_object_unref (call->keyring);
  g_free (call->location);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeyringCall, keyring_call_free)

static void
on_server_password (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KeyringCall) call = user_data;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourKeyringPassword) password = candour_keyring_lookup_finish (result, &keyring_error);
  g_autoptr(CandourKeyringPassword) location = NULL;
  CandourWindow *self = call->window;
  CandourConnectDialog *dialog;

  if (g_cancellable_is_cancelled (call->keyring) || call->serial != self->server_openings)
    return;
  if (keyring_error != NULL)
    g_debug ("No password from the keyring: %s", keyring_error->message);

  location = password != NULL ? candour_database_location_with_password (call->location, password)
                              : g_strdup (call->location);
  if (candour_window_open_location (self, location, &error))
    return;

  /* Asked again, with the server's details filled in; shown once filled, so that it
   * opens tall enough for what it says. */
  dialog = candour_connect_dialog_new (self);
  candour_connect_dialog_set_location (dialog, call->location);
  candour_connect_dialog_set_password (dialog, password);
  if (!g_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NEEDS_PASSWORD))
    candour_connect_dialog_ask_password (dialog, error->message, TRUE);
  else if (keyring_error != NULL)
    candour_connect_dialog_ask_password (dialog, _("Candour could not reach your keyring, where it keeps "
                                                   "passwords. Type the password to connect."), FALSE);
  else
    candour_connect_dialog_ask_password (dialog, _("No password is saved for this server. Type it to "
                                                   "connect."), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A server kept among recent databases, whose address holds no password: with the one
 * the keyring keeps for it, or else libpq's own ways (PGPASSWORD, ~/.pgpass, a server
 * that asks for none). When that does not connect, Connect to Server… says why. */
static void
open_server (CandourWindow *self,
             const char    *location)
{
  KeyringCall *call;

  if (self->keyring == NULL)
    return;
  call = keyring_call_new (self, location);
  call->serial = ++self->server_openings;
  candour_keyring_lookup_async (location, self->keyring, on_server_password, call);
}

static void
on_password_kept (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KeyringCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (candour_keyring_store_finish (result, &error) || g_cancellable_is_cancelled (call->keyring))
    return;
  g_debug ("The password was not kept in the keyring: %s", error->message);
  candour_window_add_toast (call->window, _("The password was not remembered: the keyring could not be "
                                            "reached"));
}

static void
on_password_forgotten (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KeyringCall) call = user_data;
  g_autoptr(GError) error = NULL;

  /* A keyring that cannot be reached keeps nothing this one could forget. */
  if (!candour_keyring_forget_finish (result, &error) && !g_cancellable_is_cancelled (call->keyring))
    g_debug ("No password forgotten in the keyring: %s", error->message);
}

void
candour_window_remember_password (CandourWindow *self,
                                  const char    *location,
                                  const char    *password)
{
  g_return_if_fail (CANDOUR_IS_WINDOW (self));
  g_return_if_fail (candour_database_is_server_location (location));

  if (self->keyring == NULL)
    return;
  if (password != NULL)
    candour_keyring_store_async (location, password, self->keyring, on_password_kept,
                                 keyring_call_new (self, location));
  else
    candour_keyring_forget_async (location, self->keyring, on_password_forgotten,
                                  keyring_call_new (self, location));
}

gboolean
candour_window_open_path (CandourWindow *self,
                          const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* An address that gives its own password is opened as it is. */
  if (candour_database_is_server_location (path))
    {
      g_autofree char *without = candour_database_location_without_password (path);

      if (g_str_equal (without, path))
        {
          open_server (self, path);
          return TRUE;
        }
    }

  if (!candour_window_open_location (self, path, &error))
    {
      g_autofree char *name = candour_database_is_server_location (path)
                              ? candour_database_location_without_password (path)
                              : g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
  return TRUE;
}

GtkWindow *
candour_window_connect (CandourWindow *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  dialog = GTK_WINDOW (candour_connect_dialog_new (self));
  gtk_window_present (dialog);
  return dialog;
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  candour_window_connect (CANDOUR_WINDOW (widget));
}

gboolean
candour_window_open_demo (CandourWindow  *self,
                          const char     *path,
                          const char     *today,
                          GError        **error)
{
  g_autoptr(CandourDatabase) db = NULL;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The demo's dates count from today, so it is made afresh each time. */
  if (self->session != NULL &&
      g_strcmp0 (candour_database_get_path (candour_session_get_database (self->session)), path) == 0)
    candour_window_set_session (self, NULL);
  candour_database_remove_files (path);

  db = candour_database_open (path, error);
  if (db == NULL || !candour_demo_load (db, today, error))
    return FALSE;

  open_database (self, db);
  return TRUE;
}

/* File choosers */

static GtkFileChooserNative *
new_chooser (CandourWindow        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  return chooser;
}

static void
add_database_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Candour databases"));
  gtk_file_filter_add_mime_type (databases, "application/x-candour-database");
  gtk_file_filter_add_suffix (databases, "candour");
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static char *
chosen_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_open_response (CandourWindow   *self,
                  int              response,
                  GtkNativeDialog *chooser)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;

  if (path != NULL)
    candour_window_open_path (self, path);
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"));

  add_database_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  candour_window_open_path (CANDOUR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
create_database (CandourWindow *self,
                 const char    *path)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* Never write over someone's file: the chooser's "Replace" is not enough for that. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *body = g_strdup_printf (_("A file called “%s” is already there. Choose another "
                                                 "name, or use Open to open it."), name);

      show_error (self, _("Could Not Make the Database"), body);
      return FALSE;
    }

  db = candour_database_open (path, &error);
  if (db == NULL)
    {
      show_error (self, _("Could Not Make the Database"), error->message);
      return FALSE;
    }

  open_database (self, db);
  return TRUE;
}

static void
on_new_response (CandourWindow   *self,
                 int              response,
                 GtkNativeDialog *chooser)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autofree char *path = chosen != NULL ? candour_database_name_file (chosen) : NULL;

  if (path != NULL)
    create_database (self, path);
  g_clear_object (&self->chooser);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("New Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Create"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.candour"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
explore_demo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  CandourApplication *application = get_application (self);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (application == NULL)
    return;

  path = candour_application_dup_demo_path (application);
  if (!candour_window_open_demo (self, path, candour_application_get_as_of (application), &error))
    show_error (self, _("Could Not Open the Demo"), error->message);
}

/* Import CSV… (candour-import-dialog.c) */

static void
on_import_dialog_destroyed (CandourWindow *self)
{
  self->import_dialog = NULL;
}

GtkWindow *
candour_window_import (CandourWindow      *self,
                       const char * const *paths)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), NULL);

  if (self->import_dialog == NULL)
    {
      self->import_dialog = GTK_WINDOW (candour_import_dialog_new (self));
      g_signal_connect_swapped (self->import_dialog, "destroy", G_CALLBACK (on_import_dialog_destroyed), self);
    }
  gtk_window_present (self->import_dialog);
  if (paths != NULL && paths[0] != NULL)
    candour_import_dialog_check (CANDOUR_IMPORT_DIALOG (self->import_dialog), paths);
  return self->import_dialog;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  candour_window_import (CANDOUR_WINDOW (widget), NULL);
}

static void
on_export_response (CandourWindow   *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autofree char *folder = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chooser);
  if (folder == NULL || self->session == NULL)
    return;

  if (!candour_export_all (candour_session_get_database (self->session), folder, &error))
    show_error (self, _("Could Not Export"), error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (folder);
      /* Translators: a toast after Export…, naming the folder */
      g_autofree char *message = g_strdup_printf (_("Every table was saved as CSV in “%s”"), name);

      candour_window_add_toast (self, message);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Export Every Table as CSV"),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"));

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
candour_window_back_up (CandourWindow *self,
                        const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->session == NULL)
    return FALSE;

  if (g_strcmp0 (path, candour_database_get_path (candour_session_get_database (self->session))) == 0)
    {
      show_error (self, _("Could Not Back Up"), _("A backup must go in a file of its own, not over the "
                                                  "database it is a copy of. Choose another name."));
      return FALSE;
    }

  if (!candour_backup_to_path (candour_session_get_database (self->session), path, &error))
    {
      show_error (self, _("Could Not Back Up"), error->message);
      return FALSE;
    }

  name = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  /* Translators: a toast after Back Up…, "Backed up as “X.candour” in /home/sam/Documents" */
  message = g_strdup_printf (_("Backed up as “%s” in %s"), name, folder);
  candour_window_add_toast (self, message);
  return TRUE;
}

static void
on_backup_response (CandourWindow   *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autofree char *path = chosen != NULL ? candour_database_name_file (chosen) : NULL;

  g_clear_object (&self->chooser);
  if (path != NULL)
    candour_window_back_up (self, path);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) folder_file = NULL;

  if (self->session == NULL)
    return;

  chooser = new_chooser (self, _("Back Up the Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"));
  today = candour_date_today ();
  /* Translators: a backup's suggested name, "Harrowfield demo backup 2025-06-30.candour" */
  name = g_strdup_printf (_("%s backup %s.candour"), candour_session_get_title (self->session), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  folder = g_path_get_dirname (candour_database_get_path (candour_session_get_database (self->session)));
  folder_file = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_backup_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  candour_window_show_page (CANDOUR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourWindow *self = CANDOUR_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  if (page != NULL)
    gtk_widget_activate_action (page, "page.search", NULL);
}

/* Recent databases and window size, kept in GSettings */

static void
update_recent_menu (CandourWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      gboolean server = candour_database_is_server_location (recent[i]);
      g_autofree char *name = server ? candour_database_location_without_password (recent[i])
                                     : g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (!server && !g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

static gboolean
candour_window_close_request (GtkWindow *window)
{
  CandourWindow *self = CANDOUR_WINDOW (window);

  /* Not while a toast is moving: libadwaita 1.2 can crash. It closes in a moment. */
  if (candour_toasts_defer_close (window, self->toast_overlay))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (candour_window_parent_class)->close_request (window);
}

/* "application" is set after construction, and with it come the settings. */
static void
on_application_changed (CandourWindow *self)
{
  CandourApplication *application = get_application (self);

  if (self->settings != NULL || application == NULL || candour_application_get_settings (application) == NULL)
    return;

  self->settings = g_object_ref (candour_application_get_settings (application));
  gtk_menu_button_set_popover (self->as_of_button, candour_as_of_popover_new (self->settings));
  if (self->session != NULL)
    candour_as_of_popover_set_session (CANDOUR_AS_OF_POPOVER (gtk_menu_button_get_popover (self->as_of_button)),
                                       self->session);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::recent-databases",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  if (self->session != NULL)
    {
      g_settings_bind (self->settings, "grace-days", self->session, "grace-days", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "tolerance", self->session, "tolerance", G_SETTINGS_BIND_GET);
    }
}

static void
candour_window_dispose (GObject *object)
{
  CandourWindow *self = (CandourWindow *)object;

  if (self->session != NULL && self->settings != NULL)
    {
      g_settings_unbind (self->session, "grace-days");
      g_settings_unbind (self->session, "tolerance");
    }
  stop_watching (self);
  if (self->keyring != NULL)
    g_cancellable_cancel (self->keyring);
  g_clear_object (&self->keyring);
  /* Closing the window is the end of the Undo on offer: delete what was deleted. */
  if (self->toast_overlay != NULL)
    candour_deletion_commit (self->toast_overlay);

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->chooser);
  if (self->import_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->import_dialog, self);
      gtk_window_destroy (g_steal_pointer (&self->import_dialog));
    }

  G_OBJECT_CLASS (candour_window_parent_class)->dispose (object);
}

static void
candour_window_finalize (GObject *object)
{
  CandourWindow *self = (CandourWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (candour_window_parent_class)->finalize (object);
}

static void
candour_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CandourWindow *self = CANDOUR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CandourWindow *self = CANDOUR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_window_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_window_class_init (CandourWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = candour_window_dispose;
  object_class->finalize = candour_window_finalize;
  object_class->get_property = candour_window_get_property;
  object_class->set_property = candour_window_set_property;
  window_class->close_request = candour_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database, or NULL", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_FINDINGS_PAGE);
  g_type_ensure (CANDOUR_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CANDOUR_TYPE_PAYMENTS_PAGE);
  g_type_ensure (CANDOUR_TYPE_RECORDS_PAGE);
  g_type_ensure (CANDOUR_TYPE_REPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/candour/Candour/ui/candour-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, database_title);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);

  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  candour_export_feedback_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.explore-demo", NULL, explore_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ux)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  /* On the window, not the application, so a text entry's own Ctrl+Z comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

static void
candour_window_init (CandourWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keyring = g_cancellable_new ();

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
  candour_window_actions_update (self);
}

void
candour_window_set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } shortcuts[] = {
    { "win.new-database", { "<Control><Shift>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.new-record", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::findings", { "<Alt>2", NULL } },
    { "win.show-page::bids", { "<Alt>3", NULL } },
    { "win.show-page::contracts", { "<Alt>4", NULL } },
    { "win.show-page::payments", { "<Alt>5", NULL } },
    { "win.show-page::organisations", { "<Alt>6", NULL } },
    { "win.show-page::consortia", { "<Alt>7", NULL } },
    { "win.show-page::reports", { "<Alt>8", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (application, shortcuts[i].action, shortcuts[i].accels);
}
