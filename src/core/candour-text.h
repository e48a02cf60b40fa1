/* candour-text.h: text people type and paste, made safe to store and to show
 *
 * Spreadsheets and word processors bring invisible characters with them: no-break
 * spaces, zero-width spaces, byte-order marks in the middle of a file, and now and then
 * a control character or a right-to-left override, which can make a ref or a name show
 * differently from what it says. These functions find them, name them, and keep them
 * off a terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_TEXT_FREE,            /* names, titles, notes: line breaks and tabs allowed */
  CANDOUR_TEXT_IDENTIFIER,      /* refs and org-ids: one line, nothing invisible */
} CandourTextKind;

/* A copy without the spaces and invisible characters at either end: ASCII white space
 * and every Unicode space (no-break, thin, ideographic...), zero-width spaces and
 * joiners, word joiners and byte-order marks. */
char     *candour_text_trim            (const char       *text);

/* Finds the first character text must not hold: control characters (other than line
 * breaks and tabs in free text), bidirectional overrides and isolates anywhere; in an
 * identifier also line breaks, tabs, and invisible or no-break spaces. Returns FALSE
 * when there is none; otherwise sets the character and its 1-based position. */
gboolean  candour_text_find_forbidden  (const char       *text,
                                        CandourTextKind   kind,
                                        gunichar         *out_char,
                                        glong            *out_position);

/* "U+202E (right-to-left override)", or "U+0007" for a character without a name here. */
char     *candour_text_describe_char   (gunichar          c);

/* For a message: at most max_chars characters of text (then "…"), with anything that
 * would change how the message shows (control characters, line breaks, bidirectional
 * controls, invisible characters) written as <U+XXXX>. Text that is not valid UTF-8 is
 * made valid first. */
char     *candour_text_shorten         (const char       *text,
                                        guint             max_chars);
/* The same in single quotes. */
char     *candour_text_quote           (const char       *text,
                                        guint             max_chars);

/* For a terminal or a one-line display: line breaks and tabs become spaces, other
 * control, bidirectional and invisible characters are written as <U+XXXX>, so a
 * stored escape sequence can never act on the terminal. */
char     *candour_text_printable       (const char       *text);

/* Searching by name or reference: the words of query (split at white space), folded
 * so that case and the way an accent is written do not matter; NULL-terminated, empty
 * for a query of no words. */
GStrv     candour_text_search_words    (const char       *query);
/* Whether every one of words (from candour_text_search_words()) is somewhere in
 * text: "kindred path" finds "Kindred Pathways ORG-KINDRED". */
gboolean  candour_text_has_words       (const char       *text,
                                        const char * const *words);

G_END_DECLS
