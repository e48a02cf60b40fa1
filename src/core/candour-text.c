/* candour-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-text.h"

#include <string.h>

/* Characters that take no room, or that reorder the text around them. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD ||                 /* soft hyphen */
         c == 0x180E ||                 /* Mongolian vowel separator */
         (c >= 0x200B && c <= 0x200F) || /* zero-width space, non-joiner, joiner, LRM, RLM */
         (c >= 0x2060 && c <= 0x2064) || /* word joiner, invisible operators */
         c == 0xFEFF;                   /* byte-order mark, zero-width no-break space */
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||   /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069);     /* isolates */
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* Trimmed from the ends of every cell. */
static gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR ||
         is_invisible (c);
}

char *
candour_text_trim (const char *text)
{
  const char *start = text;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  while (*start != '\0' && is_trimmable (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_trimmable (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

gboolean
candour_text_find_forbidden (const char      *text,
                             CandourTextKind  kind,
                             gunichar        *out_char,
                             glong           *out_position)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = ones * 0x80;
  const char *end;
  glong position = 1;

  g_return_val_if_fail (text != NULL, FALSE);

  end = text + strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c;
      gboolean line_break_or_tab;
      gboolean forbidden;

      /* Eight printable ASCII bytes at a time, the whole of most cells: none below
       * 0x20 (Hacker's Delight's hasless) and none from 0x7F up (hasmore). */
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if ((((word - ones * 0x20) & ~word) | (word + ones) | word) & highs)
            break;
          p += 8;
          position += 8;
        }
      if (*p == '\0')
        break;

      /* ASCII letters, digits and punctuation are most of every cell. */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        continue;

      c = g_utf8_get_char (p);
      line_break_or_tab = c == '\n' || c == '\r' || c == '\t';
      if (kind == CANDOUR_TEXT_IDENTIFIER)
        forbidden = is_control (c) || is_bidi_control (c) || is_invisible (c) ||
                    (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR && c != ' ');
      else
        forbidden = (is_control (c) && !line_break_or_tab) || is_bidi_control (c);

      if (forbidden)
        {
          *out_char = c;
          *out_position = position;
          return TRUE;
        }
    }

  return FALSE;
}

char *
candour_text_describe_char (gunichar c)
{
  static const struct { gunichar c; const char *name; } names[] = {
    { 0x0007, "bell" }, { 0x0008, "backspace" }, { 0x0009, "tab" }, { 0x000A, "line break" },
    { 0x000B, "vertical tab" }, { 0x000C, "form feed" }, { 0x000D, "carriage return" },
    { 0x001B, "escape" }, { 0x007F, "delete" }, { 0x00A0, "no-break space" },
    { 0x00AD, "soft hyphen" }, { 0x2007, "figure space" }, { 0x200B, "zero-width space" },
    { 0x200C, "zero-width non-joiner" }, { 0x200D, "zero-width joiner" },
    { 0x200E, "left-to-right mark" }, { 0x200F, "right-to-left mark" },
    { 0x2028, "line separator" }, { 0x2029, "paragraph separator" },
    { 0x202A, "left-to-right embedding" }, { 0x202B, "right-to-left embedding" },
    { 0x202C, "pop directional formatting" }, { 0x202D, "left-to-right override" },
    { 0x202E, "right-to-left override" }, { 0x202F, "narrow no-break space" },
    { 0x2060, "word joiner" }, { 0x2066, "left-to-right isolate" },
    { 0x2067, "right-to-left isolate" }, { 0x2068, "first strong isolate" },
    { 0x2069, "pop directional isolate" }, { 0x3000, "ideographic space" },
    { 0xFEFF, "zero-width no-break space (byte-order mark)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].c == c)
      return g_strdup_printf ("U+%04X (%s)", c, names[i].name);
  return g_strdup_printf ("U+%04X", c);
}

/* Whether c changes how a line shows, rather than showing as itself. */
static gboolean
acts_on_display (gunichar c)
{
  return is_control (c) || is_bidi_control (c) || is_invisible (c);
}

static void
append_shown (GString  *out,
              gunichar  c)
{
  if (acts_on_display (c))
    g_string_append_printf (out, "<U+%04X>", c);
  else
    g_string_append_unichar (out, c);
}

char *
candour_text_shorten (const char *text,
                      guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    append_shown (out, g_utf8_get_char (p));
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

char *
candour_text_quote (const char *text,
                    guint       max_chars)
{
  g_autofree char *shortened = candour_text_shorten (text, max_chars);

  return g_strdup_printf ("'%s'", shortened);
}

char *
candour_text_printable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (out, ' ');
      else
        append_shown (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Compatibility decomposition, then case folding: "É", "e\u0301" and "é" compare equal. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

GStrv
candour_text_search_words (const char *query)
{
  g_autofree char *folded = fold (query != NULL ? query : "");
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  return (GStrv)g_ptr_array_free (words, FALSE);
}

gboolean
candour_text_has_words (const char         *text,
                        const char * const *words)
{
  g_autofree char *folded = NULL;
  char ascii[256];
  const char *haystack;
  gsize length = 0;

  if (words == NULL || words[0] == NULL)
    return TRUE;
  if (text == NULL)
    return FALSE;

  /* Most names are ASCII, where folding is lowering the case: a search of 50,000
   * names then takes no allocation per name. */
  while (text[length] != '\0' && (guchar)text[length] < 0x80 && length < sizeof ascii - 1)
    {
      ascii[length] = g_ascii_tolower (text[length]);
      length++;
    }
  if (text[length] == '\0')
    {
      ascii[length] = '\0';
      haystack = ascii;
    }
  else
    haystack = folded = fold (text);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
