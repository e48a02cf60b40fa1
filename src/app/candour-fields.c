/* candour-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candour-date.h"
#include "candour-fields.h"
#include "candour-labels.h"
#include "candour-money.h"

typedef struct
{
  CandourTable table;
  const char *name;
  const char *label;
  const char *words;
} FieldInfo;

#define ORGANISATIONS CANDOUR_TABLE_ORGANISATIONS
#define CONSORTIA CANDOUR_TABLE_CONSORTIA
#define MEMBERS CANDOUR_TABLE_CONSORTIUM_MEMBERS
#define BIDS CANDOUR_TABLE_BIDS
#define PARTNERS CANDOUR_TABLE_BID_PARTNERS
#define CONTRACTS CANDOUR_TABLE_CONTRACTS
#define SUBCONTRACTS CANDOUR_TABLE_SUBCONTRACTS
#define PAYMENTS CANDOUR_TABLE_PAYMENTS

static const FieldInfo fields[] = {
  { ORGANISATIONS, "ref", N_("Reference"), N_("reference") },
  { ORGANISATIONS, "name", N_("Name"), N_("name") },
  { ORGANISATIONS, "org_id", N_("Charity or company number (org-id)"), N_("org-id") },
  { ORGANISATIONS, "kind", N_("Kind of organisation"), N_("kind") },
  { ORGANISATIONS, "annual_income", N_("Annual income (£)"), N_("annual income") },
  { ORGANISATIONS, "locality", N_("Where it works"), N_("locality") },
  { ORGANISATIONS, "led_by", N_("Led by"), N_("led by") },
  { ORGANISATIONS, "notes", N_("Notes"), N_("notes") },

  { CONSORTIA, "ref", N_("Reference"), N_("reference") },
  { CONSORTIA, "name", N_("Name"), N_("name") },
  { CONSORTIA, "model", N_("Model"), N_("model") },
  { CONSORTIA, "lead_ref", N_("Lead organisation"), N_("lead organisation") },
  { CONSORTIA, "agreement", N_("Partnership agreement signed"), N_("agreement") },
  { CONSORTIA, "agreement_on", N_("Agreement signed on (DD/MM/YYYY)"), N_("agreement date") },
  { CONSORTIA, "due_diligence", N_("Due diligence on members done"), N_("due diligence") },
  { CONSORTIA, "notes", N_("Notes"), N_("notes") },

  { MEMBERS, "consortium_ref", N_("Consortium"), N_("consortium") },
  { MEMBERS, "member_ref", N_("Member"), N_("member") },
  { MEMBERS, "joined_on", N_("Joined on (DD/MM/YYYY)"), N_("joining date") },
  { MEMBERS, "left_on", N_("Left on (DD/MM/YYYY)"), N_("leaving date") },

  { BIDS, "ref", N_("Reference"), N_("reference") },
  { BIDS, "title", N_("Title"), N_("title") },
  { BIDS, "lead_ref", N_("Lead provider"), N_("lead provider") },
  { BIDS, "commissioner_ref", N_("Commissioner"), N_("commissioner") },
  { BIDS, "value", N_("Value (£)"), N_("value") },
  { BIDS, "submitted_on", N_("Submitted on (DD/MM/YYYY)"), N_("submission date") },
  { BIDS, "outcome", N_("Outcome"), N_("outcome") },
  { BIDS, "consortium_ref", N_("Consortium that bid"), N_("consortium") },

  { PARTNERS, "bid_ref", N_("Bid"), N_("bid") },
  { PARTNERS, "partner_ref", N_("Partner"), N_("partner") },
  { PARTNERS, "role", N_("Role in the bid"), N_("role") },
  { PARTNERS, "promised_value", N_("Promised sum (£)"), N_("promised sum") },
  { PARTNERS, "promised_share", N_("Or promised share of the contract (%)"), N_("promised share") },
  { PARTNERS, "consent", N_("Agreed to be named"), N_("consent") },

  { CONTRACTS, "ref", N_("Reference"), N_("reference") },
  { CONTRACTS, "bid_ref", N_("Bid it came from"), N_("bid") },
  { CONTRACTS, "title", N_("Title"), N_("title") },
  { CONTRACTS, "commissioner_ref", N_("Commissioner"), N_("commissioner") },
  { CONTRACTS, "lead_ref", N_("Lead provider"), N_("lead provider") },
  { CONTRACTS, "value", N_("Value (£)"), N_("value") },
  { CONTRACTS, "start_on", N_("Starts on (DD/MM/YYYY)"), N_("start date") },
  { CONTRACTS, "end_on", N_("Ends on (DD/MM/YYYY)"), N_("end date") },
  { CONTRACTS, "model", N_("Delivery model"), N_("delivery model") },
  { CONTRACTS, "required_small_share", N_("Share required for smaller organisations (%)"),
    N_("required share") },
  { CONTRACTS, "small_income_limit", N_("Smaller means an annual income below (£)"),
    N_("income limit") },

  { SUBCONTRACTS, "ref", N_("Reference"), N_("reference") },
  { SUBCONTRACTS, "contract_ref", N_("Contract"), N_("contract") },
  { SUBCONTRACTS, "partner_ref", N_("Partner"), N_("partner") },
  { SUBCONTRACTS, "value", N_("Value (£)"), N_("value") },
  { SUBCONTRACTS, "start_on", N_("Starts on (DD/MM/YYYY)"), N_("start date") },
  { SUBCONTRACTS, "end_on", N_("Ends on (DD/MM/YYYY)"), N_("end date") },
  { SUBCONTRACTS, "payment_terms_days", N_("Payment terms (days)"), N_("payment terms") },

  { PAYMENTS, "ref", N_("Reference"), N_("reference") },
  { PAYMENTS, "contract_ref", N_("Contract (the commissioner pays the lead)"), N_("contract") },
  { PAYMENTS, "subcontract_ref", N_("Subcontract (the lead pays a partner)"), N_("subcontract") },
  { PAYMENTS, "amount", N_("Amount (£; minus for a refund)"), N_("amount") },
  { PAYMENTS, "paid_on", N_("Paid on (DD/MM/YYYY)"), N_("payment date") },
  { PAYMENTS, "invoiced_on", N_("Invoiced on (DD/MM/YYYY)"), N_("invoice date") },
};

GType
candour_table_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CANDOUR_TABLE_ORGANISATIONS, "CANDOUR_TABLE_ORGANISATIONS", "organisations" },
        { CANDOUR_TABLE_CONSORTIA, "CANDOUR_TABLE_CONSORTIA", "consortia" },
        { CANDOUR_TABLE_CONSORTIUM_MEMBERS, "CANDOUR_TABLE_CONSORTIUM_MEMBERS", "consortium-members" },
        { CANDOUR_TABLE_BIDS, "CANDOUR_TABLE_BIDS", "bids" },
        { CANDOUR_TABLE_BID_PARTNERS, "CANDOUR_TABLE_BID_PARTNERS", "bid-partners" },
        { CANDOUR_TABLE_CONTRACTS, "CANDOUR_TABLE_CONTRACTS", "contracts" },
        { CANDOUR_TABLE_SUBCONTRACTS, "CANDOUR_TABLE_SUBCONTRACTS", "subcontracts" },
        { CANDOUR_TABLE_PAYMENTS, "CANDOUR_TABLE_PAYMENTS", "payments" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("CandourTable"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static const FieldInfo *
info_for (CandourTable table,
          guint        field)
{
  const char *name = candour_table_get_field_name (table, field);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].table == table && g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

int
candour_field_find (CandourTable  table,
                    const char   *name)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < candour_table_get_n_fields (table); i++)
    if (g_str_equal (candour_table_get_field_name (table, i), name))
      return (int)i;
  return -1;
}

const char *
candour_field_get_label (CandourTable table,
                         guint        field)
{
  const FieldInfo *info = info_for (table, field);

  /* A field this build has no words for: its name is better than nothing. */
  return info != NULL ? _(info->label) : candour_table_get_field_name (table, field);
}

const char *
candour_field_get_words (CandourTable table,
                         guint        field)
{
  const FieldInfo *info = info_for (table, field);

  return info != NULL ? _(info->words) : candour_table_get_field_name (table, field);
}

const char *
candour_field_choice_label (CandourTable  table,
                            guint         field,
                            const char   *keyword)
{
  const char *name = candour_table_get_field_name (table, field);

  if (keyword == NULL || keyword[0] == '\0')
    return "";
  if (g_str_equal (name, "kind"))
    return candour_kind_label (keyword);
  if (g_str_equal (name, "locality"))
    return candour_locality_label (keyword);
  if (g_str_equal (name, "model"))
    return candour_model_label (keyword);
  if (g_str_equal (name, "outcome"))
    return candour_outcome_label (keyword);
  if (g_str_equal (name, "consent"))
    return candour_consent_label (keyword);
  if (g_str_equal (keyword, "yes"))
    return _("Yes");
  if (g_str_equal (keyword, "no"))
    return _("No");
  return keyword;
}

/* "£1,234.50" without its pound sign, for typing over. */
static char *
money_for_editing (const char *text)
{
  g_autofree char *display = NULL;
  gint64 pence;

  if (!candour_money_parse (text, &pence, NULL))
    return g_strdup (text);

  display = candour_money_format_display (pence);
  if (g_str_has_prefix (display, "£"))
    return g_strdup (display + strlen ("£"));
  if (g_str_has_prefix (display, "-£"))
    return g_strconcat ("-", display + strlen ("-£"), NULL);
  return g_steal_pointer (&display);
}

char *
candour_field_format_display (CandourTable  table,
                              guint         field,
                              const char   *text)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");

  switch (candour_table_get_field_kind (table, field))
    {
    case CANDOUR_FIELD_MONEY:
      {
        gint64 pence;

        if (candour_money_parse (text, &pence, NULL))
          return candour_money_format_display (pence);
        return g_strdup (text);
      }

    case CANDOUR_FIELD_PERCENT:
      return g_strconcat (text, "%", NULL);

    case CANDOUR_FIELD_DATE:
      return candour_date_format_display (text);

    case CANDOUR_FIELD_DAYS:
      {
        guint64 days;

        if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &days, NULL))
          return candour_days_text ((gint64)days);
        return g_strdup (text);
      }

    case CANDOUR_FIELD_CHOICE:
      return g_strdup (candour_field_choice_label (table, field, text));

    case CANDOUR_FIELD_TEXT:
    case CANDOUR_FIELD_REF:
    default:
      return g_strdup (text);
    }
}

char *
candour_field_format_editable (CandourTable  table,
                               guint         field,
                               const char   *text)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");

  switch (candour_table_get_field_kind (table, field))
    {
    case CANDOUR_FIELD_MONEY:
      return money_for_editing (text);

    case CANDOUR_FIELD_DATE:
      return candour_date_format_display (text);

    default:
      return g_strdup (text);
    }
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* "2025-02-01" at p, as the core writes dates into its messages. */
static gboolean
is_iso_date_at (const char *p)
{
  for (int i = 0; i < 10; i++)
    {
      if (p[i] == '\0')
        return FALSE;
      if ((i == 4 || i == 7) ? p[i] != '-' : !g_ascii_isdigit (p[i]))
        return FALSE;
    }
  return !g_ascii_isdigit (p[10]);
}

#define EMPTY_IN_IMPORT " is empty; every row needs one"

char *
candour_field_describe_problem (CandourTable  table,
                                const char   *problem,
                                int          *out_field)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *colon;
  const char *reason = problem;
  gboolean in_quote = FALSE;
  int field = -1;

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  colon = strstr (problem, ": ");
  if (colon != NULL)
    {
      g_autofree char *name = g_strndup (problem, colon - problem);

      field = candour_field_find (table, name);
      if (field >= 0)
        reason = colon + 2;
    }
  if (out_field != NULL)
    *out_field = field;

  /* Field names and dates in the core's words are changed; what the person typed,
   * quoted in 'single quotes', is left as it was. */
  for (const char *p = reason; *p != '\0';)
    {
      gboolean word_start = p == reason || !is_word_char (p[-1]);

      if (*p == '\'' && word_start && !in_quote)
        in_quote = TRUE;
      else if (*p == '\'' && in_quote && !is_word_char (p[1]))
        in_quote = FALSE;
      else if (in_quote)
        ;
      else if (word_start && is_iso_date_at (p))
        {
          g_autofree char *iso = g_strndup (p, 10);
          g_autofree char *display = candour_date_format_display (iso);

          g_string_append (text, display);
          p += 10;
          continue;
        }

      else if (word_start && is_word_char (*p))
        {
          const char *end = p;
          g_autofree char *word = NULL;
          int named;

          while (is_word_char (*end))
            end++;
          word = g_strndup (p, end - p);
          named = candour_field_find (table, word);
          g_string_append (text, named >= 0 ? candour_field_get_words (table, named) : word);
          p = end;
          continue;
        }

      g_string_append_c (text, *p);
      p++;
    }

  /* "every row" is the import's word; a form holds one record. */
  if (g_str_has_suffix (text->str, EMPTY_IN_IMPORT))
    {
      g_string_truncate (text, text->len - strlen (EMPTY_IN_IMPORT));
      g_string_append (text, _(" is needed"));
    }

  if (text->len > 0 && g_ascii_islower (text->str[0]))
    text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
candour_table_get_noun (CandourTable table)
{
  static const char * const nouns[CANDOUR_N_TABLES] = {
    N_("organisation"), N_("consortium"), N_("consortium member"), N_("bid"),
    N_("named partner"), N_("contract"), N_("subcontract"), N_("payment"),
  };

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  return _(nouns[table]);
}

const char *
candour_table_get_title (CandourTable table)
{
  static const char * const titles[CANDOUR_N_TABLES] = {
    N_("Organisation"), N_("Consortium"), N_("Consortium Member"), N_("Bid"),
    N_("Named Partner"), N_("Contract"), N_("Subcontract"), N_("Payment"),
  };

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  return _(titles[table]);
}
