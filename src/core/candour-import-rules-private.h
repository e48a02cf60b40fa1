/* candour-import-rules-private.h: what the format's rules and the import run share
 *
 * The rules (candour-import-rules.c) read cells and check rows; the run (candour-import.c)
 * feeds them rows from files or from a form, and keeps the problems and the refs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-import.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_TEXT,                   /* free text: names, titles, notes */
  FIELD_IDENTIFIER,             /* a record's own ref, an org-id: one line, nothing invisible */
  FIELD_MONEY,                  /* pence, not negative */
  FIELD_MONEY_SIGNED,           /* pence, negative for refunds */
  FIELD_PERCENT,                /* basis points */
  FIELD_DATE,
  FIELD_DAYS,                   /* a whole number of days */
  FIELD_YES_NO,
  FIELD_KEYWORD,
  FIELD_REF,                    /* a ref of another record, stored as its id */
} FieldKind;

typedef struct
{
  const char *name;             /* CSV header, and the INSERT's parameter after ':' */
  FieldKind kind;
  gboolean required;
  const char * const *keywords; /* FIELD_KEYWORD: the allowed words */
  const char *what;             /* FIELD_KEYWORD: "kind of organisation"; FIELD_REF: the table's name */
  CandourTable target;          /* FIELD_REF: the table it points into */
  const char *default_text;     /* what an empty cell stores, as a CSV would say it; NULL: nothing */
} ImportField;

typedef struct _ImportSubcontract ImportSubcontract;

/* What a contract's rules need of the bid it names. */
typedef struct
{
  gint64 lead_id;
  gint64 commissioner_id;
} ImportBid;

/* What a subcontract's rules need of its contract: its dates, ISO. */
typedef struct
{
  char start_on[11];
  char end_on[11];
} ImportContract;

/* A ref found in the database, kept for the run: one allocation each, which a million
 * look-ups reach with fewer trips to memory than a key and a value apart. What the
 * rules of the rows that name it need of the record is read with the ref, in the same
 * query, and kept in the same allocation: a round trip a row saved, on a server. */
typedef struct
{
  const char *ref;              /* the text, in the same allocation */
  gint64 id;
  union
  {
    ImportBid *bid;
    ImportContract *contract;
    ImportSubcontract *subcontract;
  } details;                    /* for bids, contracts and subcontracts; NULL for the others */
} CachedRef;

/* One cell's value. Short texts (refs, dates, keywords) are kept in the struct itself,
 * saving an allocation each for most cells of a million rows: a FieldValue stays where
 * it was filled, never copied. */
typedef struct
{
  gboolean set;
  gint64 number;                /* money, percent, days, yes/no, ref id */
  char *text;                   /* text, keyword, ISO date: short_text or allocated */
  CachedRef *ref;               /* FIELD_REF: where number came from */
  char short_text[16];
} FieldValue;

typedef struct _ImportRow ImportRow;
typedef struct _ImportTable ImportTable;

struct _ImportTable
{
  const char *name;
  const ImportField *fields;
  guint n_fields;
  const char *insert_sql;
  const char *insert_id_sql;    /* the same, giving the new record's id, for forms */
  const char *update_sql;       /* the same values into the record :id, for forms */
  /* Rules across columns; reports problems through row and returns FALSE to skip the row. */
  gboolean (*check_row) (ImportRow *row);
  /* check_row looks in the table for the file's earlier rows: write each row before
   * the next is checked, rather than many in one INSERT. */
  gboolean row_at_a_time;
};

typedef struct _RowQueue RowQueue;

struct _CandourImport
{
  CandourDatabase *db;
  GPtrArray *files;             /* ImportFile */
  GPtrArray *problems;          /* char * */
  guint n_problems;             /* all problems, also those past the cap */
  GPtrArray *warnings;          /* char *: plausible but odd, imported all the same */
  guint n_warnings;             /* all warnings, also those past the cap */
  gint64 ids_before[CANDOUR_N_TABLES]; /* each table's highest id before this run */
  char *today;                  /* ISO, for warnings about the future */
  guint counts[CANDOUR_N_TABLES];
  GHashTable *ref_cache[CANDOUR_N_TABLES]; /* set of CachedRef, by ref */
  GHashTable *refused_refs[CANDOUR_N_TABLES]; /* refs of rows not written for a problem */
  GArray *follow_ons;           /* FollowOn: the file's rows naming refused rows, by field */
  RowQueue *queue;              /* a file's rows checked but not yet written; NULL between files */
  const ImportTable *record_table; /* a form's one record: problems name fields, not places */
  gboolean dry_run;             /* roll back at the end, whatever happens */
  CandourImportProgressFunc progress_func;
  gpointer progress_data;
  goffset bytes_total;          /* of the files that name a table */
  goffset bytes_done;           /* of the files read to the end */
  guint rows_read;
};

struct _ImportRow
{
  CandourImport *import;
  const ImportTable *table;
  const char *file_name;
  guint line;
  const int *column_of;         /* field index → CSV column (0-based), -1 when absent */
  FieldValue *values;
  gint64 record_id;             /* the record a form updates; 0 for a new one */
  gboolean ok;
};

/* The rules, in candour-import-rules.c */

void         candour_import_value_set_text (FieldValue      *value,
                                            const char      *text);
/* The text, which the caller owns from now on. */
char        *candour_import_value_take_text (FieldValue     *value);
/* Frees the text and unsets the value. */
void         candour_import_value_clear   (FieldValue        *value);

extern const char * const candour_import_table_names[CANDOUR_N_TABLES];
/* The tables, in dependency order: what one loop reads any of. */
extern const ImportTable candour_import_tables[CANDOUR_N_TABLES];

void         candour_import_parse_cell    (ImportRow         *row,
                                           guint              index,
                                           const char        *raw);
/* A payments file also needs one of its two ref columns: its header is checked for it. */
gboolean     candour_import_check_payment (ImportRow         *row);

/* What the rules need from the run, in candour-import.c */

char        *candour_import_shorten       (const char        *text);
guint        candour_import_field_index   (const ImportTable *table,
                                           const char        *name);
FieldValue  *candour_import_row_value     (ImportRow         *row,
                                           const char        *field_name);
/* A warning at the field's cell: the row is still written. */
void         candour_import_row_warning   (ImportRow         *row,
                                           const char        *field_name,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* What the warnings about a run's payments need to know of a subcontract they name. */
struct _ImportSubcontract
{
  char *ref;
  char *end;                    /* ISO: its own end, or its contract's */
  gint64 end_days;              /* the same, as candour_date_to_days () */
  gint64 terms;                 /* payment terms, in days */
  gint64 value;
  gboolean named;               /* by the run's payments */
  gint64 paid;                  /* by them */
  gboolean paid_overflows;      /* more than paid holds */
};

/* The row names, in field_name, a row refused for a problem of its own (ref, in the
 * file what): not written, and said once for the file however many rows do so, at the
 * first of them, so that the problems further down are still seen. */
void         candour_import_row_follow_on (ImportRow         *row,
                                           const char        *field_name,
                                           const char        *ref,
                                           const char        *what);
/* Adds a problem at the field's cell and marks the row as not to be written. */
void         candour_import_row_problem   (ImportRow         *row,
                                           const char        *field_name,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Sets *out_ref to the record with that ref, or NULL when there is none. */
gboolean     candour_import_lookup_ref    (CandourImport     *self,
                                           CandourTable       table,
                                           const char        *ref,
                                           CachedRef        **out_ref,
                                           GError           **error);

G_END_DECLS
