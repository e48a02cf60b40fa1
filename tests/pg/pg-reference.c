/* pg-reference.c: what the C engine answers, for run-pg-schema.sh to compare the
 * server's SQL functions (sql/pg/0001-schema.sql) with
 *
 * Reads cases from standard input, one a line, in PostgreSQL's COPY text format (fields
 * separated by tabs, \N for NULL, backslash escapes): a function's name, then its
 * arguments. Writes one answer a line, \N for NULL, as the SQL functions of
 * candour-sql-functions.c give them (booleans as 0 and 1):
 *   days ISO                    candour_days
 *   round_mul_div A B DENOMINATOR candour_round_mul_div
 *   size_band INCOME            candour_size_band
 *   due VALUE START END TERMS DAY  candour_due
 *   products_less A B C D       candour_products_less
 *   matches TEXT QUERY          candour_matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "candour-date.h"
#include "candour-money.h"
#include "candour-rules.h"
#include "candour-size-band.h"
#include "candour-text.h"

__extension__ typedef __int128 Int128;

#define MAX_FIELDS 6

/* COPY's text escapes, in place; NULL for \N. */
static char *
unescape (char *field)
{
  char *in = field;
  char *out = field;

  if (strcmp (field, "\\N") == 0)
    return NULL;

  for (; *in != '\0'; in++)
    {
      if (*in != '\\' || in[1] == '\0')
        {
          *out++ = *in;
          continue;
        }
      switch (*++in)
        {
        case 't': *out++ = '\t'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        default: *out++ = *in; break;
        }
    }
  *out = '\0';
  return field;
}

static gint64
number (const char *text)
{
  return g_ascii_strtoll (text, NULL, 10);
}

static void
print_int (gint64 value)
{
  printf ("%" G_GINT64_FORMAT "\n", value);
}

static void
print_null (void)
{
  puts ("\\N");
}

static gboolean
any_null (char **args,
          guint  n)
{
  for (guint i = 0; i < n; i++)
    if (args[i] == NULL)
      return TRUE;
  return FALSE;
}

static void
answer (char  **field,
        guint   n_fields)
{
  const char *name = field[0];
  char **args = field + 1;
  guint n_args = n_fields - 1;

  if (g_str_equal (name, "days") && n_args >= 1)
    {
      gint64 days = args[0] != NULL ? candour_date_to_days (args[0]) : 0;

      if (days == 0)
        print_null ();
      else
        print_int (days);
    }
  else if (g_str_equal (name, "round_mul_div") && n_args >= 3)
    {
      if (any_null (args, 3) || number (args[2]) == 0)
        print_null ();
      else
        print_int (candour_round_mul_div (number (args[0]), number (args[1]), number (args[2])));
    }
  else if (g_str_equal (name, "size_band") && n_args >= 1)
    puts (candour_size_band (args[0] != NULL, args[0] != NULL ? number (args[0]) : 0));
  else if (g_str_equal (name, "due") && n_args >= 5)
    {
      if (any_null (args, 5))
        print_null ();
      else
        print_int (candour_rules_due (number (args[0]), number (args[1]), number (args[2]),
                                      number (args[3]), number (args[4])));
    }
  else if (g_str_equal (name, "products_less") && n_args >= 4)
    {
      if (any_null (args, 4))
        print_null ();
      else
        printf ("%d\n", (Int128) number (args[0]) * number (args[1]) <
                        (Int128) number (args[2]) * number (args[3]));
    }
  else if (g_str_equal (name, "matches") && n_args >= 2)
    {
      g_auto(GStrv) words = candour_text_search_words (args[1]);

      printf ("%d\n", candour_text_has_words (args[0], (const char * const *)words));
    }
  else
    {
      fprintf (stderr, "pg-reference: unknown case %s\n", name);
      exit (1);
    }
}

int
main (void)
{
  char line[4096];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      char *field[MAX_FIELDS];
      guint n_fields = 0;
      char *rest = line;

      line[strcspn (line, "\n")] = '\0';
      while (n_fields < MAX_FIELDS && rest != NULL)
        {
          char *tab = strchr (rest, '\t');

          if (tab != NULL)
            *tab = '\0';
          field[n_fields++] = unescape (rest);
          rest = tab != NULL ? tab + 1 : NULL;
        }
      if (field[0] == NULL)
        {
          fprintf (stderr, "pg-reference: a case without a name\n");
          return 1;
        }
      answer (field, n_fields);
    }

  return 0;
}
