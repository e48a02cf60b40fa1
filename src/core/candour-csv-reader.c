/* candour-csv-reader.c: an RFC 4180 reader for the files people save from Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* pread(), O_CLOEXEC and S_ISSOCK: the build is strict C17. */
#define _POSIX_C_SOURCE 200809L

#include "candour-csv-reader-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candour-error.h"

#define SAVE_AS_UTF8 "save it again as \"CSV UTF-8 (Comma delimited)\""
#define SAVE_AS_FILE "save the data as a CSV file and import that"

#define DEFAULT_CHUNK_SIZE (1024 * 1024)
/* A small file gets buffers its own size, not a whole chunk; no smaller than this, in
 * case it grows meanwhile (it is then refused, but must be read to tell). */
#define MIN_CHUNK_SIZE 4096
/* Far beyond any real row (a cell holds at most 1 MB), yet it bounds memory when a
 * quote never closes or a "CSV" file is something else. */
#define MAX_RECORD_SIZE (64 * 1024 * 1024)
/* UTF-16 gives itself away in the first bytes. */
#define UTF16_SAMPLE 1024
/* The longest UTF-8 sequence, less one: what a chunk can end in the middle of. */
#define MAX_CUT_SEQUENCE 3

/* Each byte 0x80..0xFF as UTF-8; length 0 marks the bytes Windows-1252 leaves undefined. */
typedef struct
{
  guint8 length[128];
  char bytes[128][4];
} Windows1252Table;

struct _CandourCsvReader
{
  char *name;

  /* Where the bytes come from: a regular file, or a copy of data in memory (fd -1). */
  int fd;
  char *data;
  gsize data_length;
  gsize chunk_size;

  CandourCsvEncoding encoding;
  Windows1252Table windows_1252;
  /* Between fields: a comma, or what the header line uses instead (choose_separator()). */
  char separator;
  guint8 ends_unquoted[256];
  /* A chunk as read, for Windows-1252 text, which is converted into text. */
  char *raw;

  goffset text_start;   /* after the byte-order mark, if any */
  goffset length;       /* bytes in the file when the first pass read it */
  goffset read_offset;  /* the next byte of the file to read */

  /* The text read but not yet consumed, as UTF-8. Records are split in place: delimiters
   * become NULs and quoted fields are unescaped over their own bytes, so fields point
   * into text and no field is ever allocated on its own. Only whole records are parsed:
   * the text from pos to complete, where a NUL stands in for the byte kept in saved. */
  char *text;
  gsize text_size;
  gsize text_limit;
  gsize pos;
  gsize complete;
  gsize end;
  char saved;
  /* How far the search for the end of a record has gone, and whether it is in quotes
   * there; and how far UTF-8 text has been checked again as it is read. */
  gsize scanned;
  gboolean scanned_in_quotes;
  gsize checked;
  gboolean at_end;
  /* text stops inside a record too long to read whole. */
  gboolean truncated;
  guint line;

  const char **fields;
  guint n_fields;
  guint fields_size;
  guint record_line;

  /* Kept so that calling _next() again after an error repeats it, rather than looking
   * like a clean end of file. */
  GError *failure;
};

/* Bytes that end an unquoted field, the separator apart; NUL is the stand-in at
 * text[complete], as files with NULs are refused. */
static const guint8 ends_unquoted_but_separator[256] = {
  ['\0'] = TRUE, ['"'] = TRUE, ['\r'] = TRUE, ['\n'] = TRUE,
};

/* Bytes that need a look inside a quoted field. */
static const guint8 stops_quoted[256] = {
  ['\0'] = TRUE, ['"'] = TRUE, ['\r'] = TRUE, ['\n'] = TRUE,
};

/* Windows-1252 0x80..0x9F as Unicode; 0 marks the five bytes it leaves undefined. */
static const gunichar windows_1252_c1[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static void
windows_1252_table_init (Windows1252Table *table)
{
  for (guint c = 0x80; c <= 0xFF; c++)
    {
      gunichar u = c < 0xA0 ? windows_1252_c1[c - 0x80] : c;
      guint i = c - 0x80;

      table->length[i] = u == 0 ? 0 : (guint8) g_unichar_to_utf8 (u, table->bytes[i]);
    }
}

static gboolean
is_undefined_in_windows_1252 (guchar c)
{
  return c >= 0x80 && c <= 0x9F && windows_1252_c1[c - 0x80] == 0;
}

/* Skips ASCII eight bytes at a time; returns the offset of the next byte >= 0x80. */
static gsize
skip_ascii (const guchar *bytes,
            gsize         pos,
            gsize         length)
{
  while (pos + 8 <= length)
    {
      guint64 word;

      memcpy (&word, bytes + pos, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
      pos += 8;
    }
  while (pos < length && bytes[pos] < 0x80)
    pos++;

  return pos;
}

/* The length of the valid UTF-8 sequence at bytes (whose first byte is >= 0x80), 0 when
 * it is not valid, or -1 when the available bytes are a valid start but too few to tell.
 * Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF. */
static int
utf8_sequence_length (const guchar *bytes,
                      gsize         available)
{
  guchar lead = bytes[0];
  guchar low = 0x80;
  guchar high = 0xBF;
  int length;

  if (lead < 0xC2)
    return 0;
  else if (lead < 0xE0)
    length = 2;
  else if (lead < 0xF0)
    {
      length = 3;
      if (lead == 0xE0)
        low = 0xA0;
      else if (lead == 0xED)
        high = 0x9F;
    }
  else if (lead < 0xF5)
    {
      length = 4;
      if (lead == 0xF0)
        low = 0x90;
      else if (lead == 0xF4)
        high = 0x8F;
    }
  else
    return 0;

  for (int i = 1; i < length; i++)
    {
      if ((gsize) i >= available)
        return -1;
      if (bytes[i] < low || bytes[i] > high)
        return 0;
      low = 0x80;
      high = 0xBF;
    }

  return length;
}

/* What a pass over the bytes found, as offsets in the file; -1 when not found. */
typedef struct
{
  goffset first_nul;
  goffset first_invalid;        /* first byte that is not UTF-8 */
  goffset first_evidence;       /* first sequence that only UTF-8 would hold */
  goffset first_undefined;      /* first byte Windows-1252 leaves undefined */
  guchar invalid_byte;
  guchar undefined_byte;
} EncodingScan;

#define ENCODING_SCAN_INIT { -1, -1, -1, -1, 0, 0 }

static void
note_undefined (EncodingScan *scan,
                const guchar *bytes,
                gsize         pos,
                gsize         n,
                goffset       base)
{
  for (gsize i = pos; i < pos + n; i++)
    {
      if (is_undefined_in_windows_1252 (bytes[i]))
        {
          scan->first_undefined = base + (goffset) i;
          scan->undefined_byte = bytes[i];
          return;
        }
    }
}

/* Looks at bytes[0..length), which sit at offset base in the file, for everything but
 * NULs (memchr() finds those faster). Returns how many bytes it took: all, unless the
 * chunk ends part way through a sequence and more is to come (final is FALSE); the
 * caller puts those first in the next chunk. Most files are nearly all ASCII. */
static gsize
encoding_scan (EncodingScan *scan,
               const guchar *bytes,
               gsize         length,
               goffset       base,
               gboolean      final)
{
  gsize pos = 0;

  for (;;)
    {
      int n;

      pos = skip_ascii (bytes, pos, length);
      if (pos == length)
        return length;

      n = utf8_sequence_length (bytes + pos, length - pos);
      if (n < 0)
        {
          if (!final)
            return pos;
          n = 0;
        }

      if (n == 0)
        {
          if (scan->first_invalid < 0)
            {
              scan->first_invalid = base + (goffset) pos;
              scan->invalid_byte = bytes[pos];
            }
          if (scan->first_undefined < 0)
            note_undefined (scan, bytes, pos, 1, base);
          pos++;
          continue;
        }

      /* Windows-1252 text almost never holds Ã or Â before a symbol, which is how
       * Latin-1 letters look in UTF-8, and far less three or four bytes that decode. */
      if (scan->first_evidence < 0 && (n > 2 || bytes[pos] <= 0xC3))
        scan->first_evidence = base + (goffset) pos;
      if (scan->first_undefined < 0)
        note_undefined (scan, bytes, pos + 1, (gsize) n - 1, base);
      pos += (gsize) n;
    }
}

/* Excel's "Unicode Text" is UTF-16: ASCII there has a NUL in every other byte. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length)
{
  gsize sample = MIN (length, UTF16_SAMPLE);
  gsize nuls[2] = { 0, 0 };

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                      (data[0] == 0xFE && data[1] == 0xFF)))
    return TRUE;

  if (sample < 2)
    return FALSE;

  for (gsize i = 0; i < sample; i++)
    {
      if (data[i] == 0)
        nuls[i % 2]++;
    }

  /* Half the even or half the odd bytes being NUL is no accident of a stray byte. */
  return nuls[0] * 2 > (sample + 1) / 2 || nuls[1] * 2 > sample / 2;
}

/* Whether bytes holds an odd number of double quotes; eight bytes at a time. */
static gboolean
has_odd_quotes (const guchar *bytes,
                gsize         length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 low = ones * 0x7F;
  const guint64 high = ones * 0x80;
  guint64 found = 0;
  gsize i = 0;
  guint odd = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;
      guint64 x;

      memcpy (&word, bytes + i, 8);
      x = word ^ (ones * '"');
      /* The high bit of each byte of x that is zero, and of no other: no carries. */
      found ^= ~(((x & low) + low) | x) & high;
    }
  for (; i < length; i++)
    odd ^= bytes[i] == '"';

  found ^= found >> 32;
  found ^= found >> 16;
  found ^= found >> 8;

  return ((found >> 7) & 1) ^ odd;
}

/* Returns a NUL-free copy in UTF-8 of a chunk of Windows-1252 at out (which has room for
 * three bytes for each one), and the bytes written, or G_MAXSIZE at an undefined byte. */
static gsize
convert_windows_1252 (const Windows1252Table *table,
                      const guchar           *bytes,
                      gsize                   length,
                      char                   *out)
{
  gsize n = 0;
  gsize pos = 0;

  while (pos < length)
    {
      gsize next = skip_ascii (bytes, pos, length);
      guint8 c;

      memcpy (out + n, bytes + pos, next - pos);
      n += next - pos;
      if (next == length)
        break;

      c = bytes[next] - 0x80;
      if (table->length[c] == 0)
        return G_MAXSIZE;
      memcpy (out + n, table->bytes[c], table->length[c]);
      n += table->length[c];
      pos = next + 1;
    }

  return n;
}

static void
set_error_at (GError         **error,
              CandourCsvError  code,
              const char      *name,
              guint            line,
              guint            column,
              const char      *reason)
{
  g_set_error (error, CANDOUR_CSV_ERROR, code, "%s:%u:%u: %s", name, line, column, reason);
}

static void
set_io_error (GError     **error,
              const char  *name,
              int          errsv)
{
  g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO, "%s: could not be read: %s",
               name, g_strerror (errsv));
}

/* Someone saved over the file, or appended to it, after the first pass checked it. */
static gboolean
set_changed_error (CandourCsvReader  *self,
                   GError           **error)
{
  g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO,
               "%s: changed while Candour was reading it; import it again once nothing "
               "else is writing to it", self->name);
  return FALSE;
}

/* Reads up to max bytes at offset, fewer only at the end of the file; returns how many,
 * or -1 with error set. */
static gssize
source_read (CandourCsvReader  *self,
             goffset            offset,
             char              *dest,
             gsize              max,
             GError           **error)
{
  gsize done = 0;

  if (self->fd < 0)
    {
      if (offset >= (goffset) self->data_length)
        return 0;
      done = MIN (max, self->data_length - (gsize) offset);
      memcpy (dest, self->data + offset, done);
      return (gssize) done;
    }

  while (done < max)
    {
      gssize n = pread (self->fd, dest + done, max - done, offset + (goffset) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, self->name, errno);
          return -1;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }

  return (gssize) done;
}

/* Where a byte is, counted as the parser counts: line ends are CRLF, LF or a lone CR, and
 * those inside quotes count too; the column is the 1-based field number. */
typedef struct
{
  guint line;
  guint column;
  goffset field_start;
  gboolean in_quotes;
} Location;

/* Only for messages, so it reads the file again from the start. Tolerant of bad quoting:
 * it only has to be right up to the offset. */
static gboolean
locate_offset (CandourCsvReader  *self,
               goffset            offset,
               Location          *out,
               GError           **error)
{
  g_autofree char *chunk = g_malloc (self->chunk_size);
  Location at = { 1, 1, self->text_start, FALSE };
  gboolean after_cr = FALSE;
  goffset pos = self->text_start;

  while (pos < offset)
    {
      gssize n = source_read (self, pos, chunk, MIN (self->chunk_size, (gsize) (offset - pos)),
                              error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      for (gssize i = 0; i < n; i++)
        {
          char c = chunk[i];
          gboolean crlf = c == '\n' && after_cr;

          after_cr = c == '\r';
          if (c == '"')
            at.in_quotes = !at.in_quotes;
          else if (c == self->separator && !at.in_quotes)
            {
              at.column++;
              at.field_start = pos + i + 1;
            }
          else if (c == '\r' || c == '\n')
            {
              if (!crlf)
                at.line++;
              if (!at.in_quotes)
                {
                  at.column = 1;
                  at.field_start = pos + i + 1;
                }
            }
        }
      pos += n;
    }

  *out = at;

  return TRUE;
}

/* The display form of a character: control characters (line ends inside quotes, tabs)
 * as spaces, so a message stays on one line. */
static void
append_shown (GString      *out,
              const guchar *bytes,
              int           length)
{
  gunichar c = g_utf8_get_char_validated ((const char *) bytes, length);

  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    g_string_append_c (out, ' ');
  else
    g_string_append_len (out, (const char *) bytes, length);
}

/* Up to 20 characters of the field holding the UTF-8 at offset, to show the person
 * which text it is: from the start of the field when it is near, else from just before. */
static char *
quote_utf8_at (CandourCsvReader  *self,
               goffset            offset,
               const Location    *at,
               GError           **error)
{
  const guint max_chars = 20;
  guchar window[128];
  GString *out;
  gboolean quoted = at->in_quotes;
  gsize i;
  gssize n;
  guint n_chars = 0;

  if (offset - at->field_start <= 16)
    {
      n = source_read (self, at->field_start, (char *) window, sizeof window, error);
      if (n < 0)
        return NULL;
      i = 0;
      quoted = n > 0 && window[0] == '"';
      if (quoted)
        i++;
      out = g_string_new (NULL);
    }
  else
    {
      /* Back over a few plain ASCII characters for context, never into a quote. */
      const gsize back = 8;

      n = source_read (self, offset - (goffset) back, (char *) window, sizeof window, error);
      if (n < 0)
        return NULL;
      for (i = back; i > 0; i--)
        {
          guchar c = window[i - 1];

          if (c < 0x20 || c >= 0x7F || c == '"' || c == (guchar) self->separator)
            break;
        }
      out = g_string_new ("…");
    }

  while (i < (gsize) n)
    {
      guchar c = window[i];
      int length = 1;

      if (c == '"' && quoted)
        {
          if (i + 1 < (gsize) n && window[i + 1] == '"')
            i++;
          else
            break;
        }
      else if (!quoted && (c == (guchar) self->separator || c == '\r' || c == '\n'))
        break;
      else if (c >= 0x80)
        {
          length = utf8_sequence_length (window + i, (gsize) n - i);
          if (length <= 0)
            break;
        }

      if (n_chars == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      append_shown (out, window + i, length);
      n_chars++;
      i += (gsize) length;
    }

  return g_string_free (out, FALSE);
}

/* The message for the first byte the encoding chosen cannot take. */
static gboolean
refuse_byte (CandourCsvReader    *self,
             const EncodingScan  *scan,
             gboolean             bom,
             gboolean             mixed,
             goffset              bad,
             GError             **error)
{
  g_autofree char *reason = NULL;
  Location at;

  if (!locate_offset (self, bad, &at, error))
    return FALSE;

  if (bad == scan->first_nul)
    reason = g_strdup ("contains a NUL byte, which never belongs in a CSV file; " SAVE_AS_UTF8);
  else if (bom)
    reason = g_strdup_printf ("byte 0x%02X is not UTF-8, though the file starts with UTF-8's "
                              "byte-order mark; " SAVE_AS_UTF8, scan->invalid_byte);
  else if (mixed)
    {
      g_autofree char *quoted = NULL;
      Location utf8_at;

      if (!locate_offset (self, scan->first_evidence, &utf8_at, error))
        return FALSE;
      quoted = quote_utf8_at (self, scan->first_evidence, &utf8_at, error);
      if (quoted == NULL)
        return FALSE;

      if (utf8_at.line == at.line)
        reason = g_strdup_printf ("byte 0x%02X is not UTF-8, though this line holds UTF-8 too "
                                  "('%s'): the file mixes two encodings; " SAVE_AS_UTF8,
                                  scan->invalid_byte, quoted);
      else
        reason = g_strdup_printf ("byte 0x%02X is not UTF-8, but line %u is UTF-8 ('%s'): "
                                  "the file mixes two encodings; " SAVE_AS_UTF8,
                                  scan->invalid_byte, utf8_at.line, quoted);
    }
  else
    reason = g_strdup_printf ("this file is neither UTF-8 nor Windows-1252 (byte 0x%02X means "
                              "nothing in either); " SAVE_AS_UTF8, scan->undefined_byte);

  set_error_at (error, CANDOUR_CSV_ERROR_ENCODING, self->name, at.line, at.column, reason);

  return FALSE;
}

static goffset
first_of (goffset a,
          goffset b)
{
  if (a < 0)
    return b;
  if (b < 0)
    return a;
  return MIN (a, b);
}

/* Whether what the pass has seen so far settles the outcome, so that the rest of a large
 * file need not be read to refuse it. */
static gboolean
scan_is_decisive (const EncodingScan *scan,
                  gboolean            bom)
{
  if (bom)
    return scan->first_nul >= 0 || scan->first_invalid >= 0;
  if (scan->first_invalid >= 0 && scan->first_evidence >= 0)
    return TRUE;
  /* A NUL before any byte that is not UTF-8, or undefined in Windows-1252, comes first
   * whatever the file turns out to be. */
  return scan->first_nul >= 0 &&
         first_of (scan->first_invalid, scan->first_nul) == scan->first_nul &&
         first_of (scan->first_undefined, scan->first_nul) == scan->first_nul;
}

/* The first pass: one decision for the whole file, in constant memory. */
static gboolean
choose_encoding (CandourCsvReader  *self,
                 GError           **error)
{
  guchar header[UTF16_SAMPLE];
  g_autofree char *chunk = NULL;
  EncodingScan scan = ENCODING_SCAN_INIT;
  gboolean bom;
  gboolean mixed = FALSE;
  gsize carry = 0;
  goffset offset;
  goffset bad;
  gssize n;

  n = source_read (self, 0, (char *) header, sizeof header, error);
  if (n < 0)
    return FALSE;
  if (looks_like_utf16 (header, (gsize) n))
    {
      set_error_at (error, CANDOUR_CSV_ERROR_ENCODING, self->name, 1, 1,
                    "this file is saved as UTF-16 (Excel \"Unicode Text\"); " SAVE_AS_UTF8);
      return FALSE;
    }

  bom = n >= 3 && memcmp (header, "\xEF\xBB\xBF", 3) == 0;
  self->text_start = bom ? 3 : 0;

  chunk = g_malloc (self->chunk_size + MAX_CUT_SEQUENCE);
  offset = self->text_start;
  do
    {
      const char *nul;
      gsize length;
      gsize used;

      n = source_read (self, offset + (goffset) carry, chunk + carry, self->chunk_size, error);
      if (n < 0)
        return FALSE;

      length = carry + (gsize) n;
      nul = scan.first_nul < 0 ? memchr (chunk, '\0', length) : NULL;
      if (nul != NULL)
        scan.first_nul = offset + (nul - chunk);
      used = encoding_scan (&scan, (const guchar *) chunk, length, offset, n == 0);

      /* A sequence cut by the end of the chunk is looked at again with the next. */
      carry = length - used;
      memmove (chunk, chunk + used, carry);
      offset += (goffset) used;
    }
  while (n > 0 && !scan_is_decisive (&scan, bom));

  self->length = offset;

  if (bom || scan.first_invalid < 0)
    {
      self->encoding = CANDOUR_CSV_ENCODING_UTF8;
      bad = first_of (scan.first_nul, scan.first_invalid);
    }
  else if (scan.first_evidence >= 0)
    {
      mixed = TRUE;
      bad = first_of (scan.first_nul, scan.first_invalid);
    }
  else
    {
      self->encoding = CANDOUR_CSV_ENCODING_WINDOWS_1252;
      bad = first_of (scan.first_nul, scan.first_undefined);
    }

  if (bad >= 0)
    return refuse_byte (self, &scan, bom, mixed, bad, error);

  return TRUE;
}

/* Puts the NUL the parser stops at after the last whole record in text. */
static void
set_complete (CandourCsvReader *self,
              gsize             complete)
{
  self->complete = complete;
  if (complete < self->end)
    self->saved = self->text[complete];
  self->text[complete] = '\0';
}

static void
reserve (CandourCsvReader *self,
         gsize             needed)
{
  if (needed <= self->text_size)
    return;

  self->text_size = MAX (needed, MIN (self->text_size * 2, self->text_limit));
  self->text = g_realloc (self->text, self->text_size);
}

/* Reads the next chunk onto the end of text, as UTF-8, checking it again: the first
 * pass vouched for the file as it was then. */
static gboolean
read_chunk (CandourCsvReader  *self,
            GError           **error)
{
  gsize want = MIN (self->chunk_size, (gsize) (self->length - self->read_offset));
  gboolean final = self->read_offset + (goffset) want == self->length;
  gssize n;

  if (self->encoding == CANDOUR_CSV_ENCODING_UTF8)
    {
      EncodingScan scan = ENCODING_SCAN_INIT;
      gsize used;

      reserve (self, self->end + want + 1);
      n = source_read (self, self->read_offset, self->text + self->end, want, error);
      if (n < 0)
        return FALSE;
      if ((gsize) n < want || memchr (self->text + self->end, '\0', want) != NULL)
        return set_changed_error (self, error);
      self->end += want;

      used = encoding_scan (&scan, (const guchar *) self->text + self->checked,
                            self->end - self->checked, 0, final);
      if (scan.first_invalid >= 0)
        return set_changed_error (self, error);
      self->checked += used;
    }
  else
    {
      gsize converted;

      n = source_read (self, self->read_offset, self->raw, want, error);
      if (n < 0)
        return FALSE;
      if ((gsize) n < want || memchr (self->raw, '\0', want) != NULL)
        return set_changed_error (self, error);

      reserve (self, self->end + 3 * want + 1);
      converted = convert_windows_1252 (&self->windows_1252, (const guchar *) self->raw, want,
                                        self->text + self->end);
      if (converted == G_MAXSIZE)
        return set_changed_error (self, error);
      self->end += converted;
      self->checked = self->end;
    }

  self->read_offset += (goffset) want;

  return TRUE;
}

/* Where the last whole record in text ends, or 0 if none does yet: just after the last
 * line end outside double quotes. Each quote toggles in and out (a doubled one twice):
 * that agrees with the parser on every record up to its first quoting error, where the
 * parser stops anyway. A CR at the very end waits for the next chunk, which may start
 * with the LF of a CRLF. */
static gsize
find_last_record_end (CandourCsvReader *self)
{
  const guchar *text = (const guchar *) self->text;
  gsize from = self->scanned;
  gboolean in_quotes = self->scanned_in_quotes ^ has_odd_quotes (text + from, self->end - from);

  self->scanned = self->end > from && text[self->end - 1] == '\r' ? self->end - 1 : self->end;
  self->scanned_in_quotes = in_quotes;

  /* Back from the end, undoing quotes: usually only part of one record. */
  for (gsize i = self->end; i > from; i--)
    {
      guchar c = text[i - 1];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\n' || (c == '\r' && i < self->end)))
        return i;
    }

  return 0;
}

/* Reads on until text holds at least one whole record after pos, or the rest of the
 * file; called once every record before complete has been consumed. */
static gboolean
fill (CandourCsvReader  *self,
      GError           **error)
{
  g_assert (self->pos == self->complete && !self->at_end);

  if (self->complete < self->end)
    self->text[self->complete] = self->saved;

  /* Keep only what is not consumed yet: memory follows the longest record, not the file. */
  if (self->pos > 0)
    {
      gsize consumed = self->pos;

      g_assert (self->scanned >= consumed && self->checked >= consumed);
      memmove (self->text, self->text + consumed, self->end - consumed);
      self->end -= consumed;
      self->scanned -= consumed;
      self->checked -= consumed;
      self->pos = 0;
      self->complete = 0;
    }

  for (;;)
    {
      gsize record_end;

      /* Content of more than the limit, without its line end: let the parser report a
       * quoting error in it, if there is one, before its length. */
      if (self->end > MAX_RECORD_SIZE + 1)
        {
          self->truncated = TRUE;
          set_complete (self, self->end);
          return TRUE;
        }

      if (self->read_offset == self->length)
        {
          char extra;
          gssize n = source_read (self, self->length, &extra, 1, error);

          if (n < 0)
            return FALSE;
          if (n > 0 || self->checked < self->end)
            return set_changed_error (self, error);
          self->at_end = TRUE;
          set_complete (self, self->end);
          return TRUE;
        }

      if (!read_chunk (self, error))
        return FALSE;

      record_end = find_last_record_end (self);
      if (record_end > 0)
        {
          set_complete (self, record_end);
          return TRUE;
        }
    }
}

/* European Excel and LibreOffice save "CSV" with semicolons, and "Text" with tabs: the
 * header line says which. A comma unless the header has none and has semicolons or tabs
 * (the more of the two). Separators are ASCII, the same bytes in every encoding read. */
static gboolean
choose_separator (CandourCsvReader  *self,
                  GError           **error)
{
  char head[8192];
  gssize n = source_read (self, 0, head, sizeof head, error);
  guint commas = 0;
  guint semicolons = 0;
  guint tabs = 0;
  gboolean quoted = FALSE;

  if (n < 0)
    return FALSE;
  for (gssize i = 0; i < n; i++)
    {
      char c = head[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\r' || c == '\n')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  self->separator = commas == 0 && semicolons + tabs > 0 ? (semicolons >= tabs ? ';' : '\t') : ',';
  memcpy (self->ends_unquoted, ends_unquoted_but_separator, sizeof self->ends_unquoted);
  self->ends_unquoted[(guchar) self->separator] = TRUE;
  return TRUE;
}

/* size_hint is the size of the file when it was opened. */
static CandourCsvReader *
reader_new (int          fd,
            char        *data,
            gsize        data_length,
            goffset      size_hint,
            const char  *display_name,
            gsize        chunk_size,
            GError     **error)
{
  g_autoptr(CandourCsvReader) self = g_new0 (CandourCsvReader, 1);
  gsize converted_chunk;

  self->name = g_strdup (display_name);
  self->fd = fd;
  self->data = data;
  self->data_length = data_length;
  self->chunk_size = MIN (chunk_size, (gsize) MAX (size_hint, MIN_CHUNK_SIZE));
  self->line = 1;
  self->fields_size = 16;
  self->fields = g_new (const char *, self->fields_size);

  if (!choose_separator (self, error) || !choose_encoding (self, error))
    return NULL;

  converted_chunk = self->chunk_size;
  if (self->encoding == CANDOUR_CSV_ENCODING_WINDOWS_1252)
    {
      windows_1252_table_init (&self->windows_1252);
      self->raw = g_malloc (self->chunk_size);
      converted_chunk = 3 * self->chunk_size;
    }
  self->text_limit = MAX_RECORD_SIZE + 2 + converted_chunk;
  self->text_size = converted_chunk + 1;
  self->text = g_malloc (self->text_size);
  self->read_offset = self->text_start;
  set_complete (self, 0);

  return g_steal_pointer (&self);
}

/* Opens path only if it is a regular file: a FIFO would block for ever and a device
 * such as /dev/zero never ends. O_NONBLOCK makes even a FIFO's open() return at once. */
static int
open_regular_file (const char  *path,
                   const char  *name,
                   goffset     *out_size,
                   GError     **error)
{
  struct stat st;
  const char *what = NULL;
  const char *advice = SAVE_AS_FILE;
  int flags;
  int fd;

  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int errsv = errno;

      /* A socket cannot be opened at all; say what it is rather than why not. */
      if (stat (path, &st) != 0 || S_ISREG (st.st_mode))
        {
          set_io_error (error, name, errsv);
          return -1;
        }
    }
  else if (fstat (fd, &st) != 0)
    {
      set_io_error (error, name, errno);
      close (fd);
      return -1;
    }

  if (S_ISDIR (st.st_mode))
    {
      what = "a folder";
      advice = "import the CSV files inside it instead";
    }
  else if (S_ISFIFO (st.st_mode))
    what = "a named pipe";
  else if (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode))
    what = "a device";
  else if (S_ISSOCK (st.st_mode))
    what = "a socket";
  else if (!S_ISREG (st.st_mode))
    what = "something other than a file";

  if (what != NULL)
    {
      /* A link explains how a "CSV file" came to be a device. */
      gboolean link = lstat (path, &st) == 0 && S_ISLNK (st.st_mode);

      g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO, "%s: is %s%s, not a file; %s",
                   name, link ? "a link to " : "", what, advice);
      if (fd >= 0)
        close (fd);
      return -1;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
    {
      set_io_error (error, name, errno);
      close (fd);
      return -1;
    }

  *out_size = st.st_size;

  return fd;
}

CandourCsvReader *
candour_csv_reader_new_for_path_with_chunk_size (const char   *path,
                                                 const char   *display_name,
                                                 gsize         chunk_size,
                                                 GError      **error)
{
  g_autofree char *basename = NULL;
  goffset size;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (chunk_size > 0 && chunk_size <= G_MAXSSIZE / 4, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = basename = g_filename_display_basename (path);

  fd = open_regular_file (path, display_name, &size, error);
  if (fd < 0)
    return NULL;

  return reader_new (fd, NULL, 0, size, display_name, chunk_size, error);
}

CandourCsvReader *
candour_csv_reader_new_for_path (const char   *path,
                                 const char   *display_name,
                                 GError      **error)
{
  return candour_csv_reader_new_for_path_with_chunk_size (path, display_name,
                                                          DEFAULT_CHUNK_SIZE, error);
}

CandourCsvReader *
candour_csv_reader_new_for_data_with_chunk_size (const char   *data,
                                                 gsize         length,
                                                 const char   *display_name,
                                                 gsize         chunk_size,
                                                 GError      **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (chunk_size > 0 && chunk_size <= G_MAXSSIZE / 4, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (-1, g_memdup2 (data, length), length, (goffset) MIN (length, G_MAXINT64),
                     display_name, chunk_size, error);
}

CandourCsvReader *
candour_csv_reader_new_for_data (const char   *data,
                                 gsize         length,
                                 const char   *display_name,
                                 GError      **error)
{
  return candour_csv_reader_new_for_data_with_chunk_size (data, length, display_name,
                                                          DEFAULT_CHUNK_SIZE, error);
}

void
candour_csv_reader_free (CandourCsvReader *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  g_free (self->name);
  g_free (self->data);
  g_free (self->raw);
  g_free (self->text);
  g_free (self->fields);
  g_clear_error (&self->failure);
  g_free (self);
}

static void
add_field (CandourCsvReader *self,
           const char       *field)
{
  if (self->n_fields == self->fields_size)
    {
      self->fields_size *= 2;
      self->fields = g_renew (const char *, self->fields, self->fields_size);
    }
  self->fields[self->n_fields++] = field;
}

/* Takes failure, which every later call repeats. */
static gboolean
fail_with (CandourCsvReader  *self,
           GError           **error,
           GError            *failure)
{
  self->n_fields = 0;
  self->failure = failure;
  if (error != NULL)
    *error = g_error_copy (self->failure);

  return FALSE;
}

static gboolean
fail (CandourCsvReader  *self,
      GError           **error,
      guint              line,
      guint              column,
      const char        *reason)
{
  GError *failure = NULL;

  set_error_at (&failure, CANDOUR_CSV_ERROR_SYNTAX, self->name, line, column, reason);

  return fail_with (self, error, failure);
}

static gboolean
fail_too_long (CandourCsvReader  *self,
               GError           **error)
{
  return fail (self, error, self->record_line, 1,
               "this row is longer than 64 MB, more than Candour reads as one row (a cell "
               "holds at most 1 MB); check for a double quote that never closes");
}

gboolean
candour_csv_reader_next (CandourCsvReader  *self,
                         GError           **error)
{
  char *data;
  gsize pos;
  gsize record_start;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->failure);
      return FALSE;
    }

  self->n_fields = 0;

  /* Blank lines are not records. */
  for (;;)
    {
      GError *read_error = NULL;

      data = self->text;
      pos = self->pos;
      while (pos < self->complete && (data[pos] == '\n' || data[pos] == '\r'))
        {
          pos += data[pos] == '\r' && data[pos + 1] == '\n' ? 2 : 1;
          self->line++;
        }
      self->pos = pos;

      if (pos < self->complete)
        break;
      if (self->at_end)
        return FALSE;
      if (!fill (self, &read_error))
        return fail_with (self, error, read_error);
    }

  self->record_line = self->line;
  record_start = pos;

  for (;;)
    {
      guint column = self->n_fields + 1;
      char c;

      if (data[pos] == '"')
        {
          guint quote_line = self->line;
          gsize out;

          pos++;
          out = pos;
          add_field (self, data + out);

          for (;;)
            {
              /* Copy runs of ordinary bytes; the unescaped text never overtakes them. */
              while (!stops_quoted[(guchar) data[pos]])
                data[out++] = data[pos++];

              c = data[pos];
              if (c == '"')
                {
                  if (data[pos + 1] != '"')
                    {
                      pos++;
                      break;
                    }
                  data[out++] = '"';
                  pos += 2;
                }
              else if (c == '\0')
                {
                  self->pos = pos;
                  if (self->truncated)
                    return fail_too_long (self, error);
                  return fail (self, error, quote_line, column,
                               "a quoted field starts here but its closing quote is missing");
                }
              else
                {
                  /* A line end inside quotes belongs to the field, but lines still count. */
                  if (c == '\n' || data[pos + 1] != '\n')
                    self->line++;
                  data[out++] = data[pos++];
                }
            }

          data[out] = '\0';
          c = data[pos];
          if (c != self->separator && c != '\r' && c != '\n' && c != '\0')
            {
              self->pos = pos;
              return fail (self, error, self->line, column,
                           "there is text after the closing double quote of this field; "
                           "put the whole field in double quotes and double the quote "
                           "inside it");
            }
        }
      else
        {
          add_field (self, data + pos);
          while (!self->ends_unquoted[(guchar) data[pos]])
            pos++;

          c = data[pos];
          if (c == '"')
            {
              self->pos = pos;
              return fail (self, error, self->line, column,
                           "a double quote inside an unquoted field; put the whole field "
                           "in double quotes and double the quote inside it");
            }
        }

      /* data[pos] is now a separator, a line end or the NUL after the last record. */
      data[pos] = '\0';
      if (c == self->separator)
        {
          pos++;
          continue;
        }
      if (pos - record_start > MAX_RECORD_SIZE)
        {
          self->pos = pos;
          return fail_too_long (self, error);
        }
      if (c == '\r')
        {
          pos += data[pos + 1] == '\n' ? 2 : 1;
          self->line++;
        }
      else if (c == '\n')
        {
          pos++;
          self->line++;
        }
      break;
    }

  self->pos = pos;

  return TRUE;
}

guint
candour_csv_reader_get_n_fields (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

const char *
candour_csv_reader_get_field (CandourCsvReader *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  return self->fields[index];
}

double
candour_csv_reader_get_progress (CandourCsvReader *self)
{
  goffset consumed;

  g_return_val_if_fail (self != NULL, 0.0);

  if (self->length == 0)
    return 1.0;

  /* Exact for UTF-8; Windows-1252 grows as it is converted, so it reads a little low. */
  consumed = self->read_offset - (goffset) (self->end - self->pos);

  return CLAMP ((double) consumed / self->length, 0.0, 1.0);
}

guint
candour_csv_reader_get_line (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

const char *
candour_csv_reader_get_name (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

CandourCsvEncoding
candour_csv_reader_get_encoding (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, CANDOUR_CSV_ENCODING_UTF8);

  return self->encoding;
}

char
candour_csv_reader_get_separator (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}
