/* csv: a record reader for the delimited text Danish data arrives in.
 *
 * Reads a whole file held in memory (usually mapped) record by record and
 * hands out fields as pointer/length pairs into the file or, for fields that
 * needed unquoting or re-encoding, into a scratch buffer valid until the next
 * call. It detects, and reports what it read:
 *   - the separator (';', tab or ',') from the header line,
 *   - the encoding: a UTF-8 byte-order mark or valid UTF-8 means UTF-8,
 *     otherwise Windows-1252, which is converted to UTF-8 field by field;
 *     a file that changes encoding midway is an error,
 *   - CRLF or LF line ends; "quoted" fields with "" escapes and embedded
 *     separators or newlines.
 * Lines without quotes or non-ASCII bytes take a fast path (memchr only). */
#ifndef STYR_CSV_H
#define STYR_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"

typedef enum styr_encoding {
    STYR_ENC_ASCII = 0, /* only ASCII seen (so far) */
    STYR_ENC_UTF8,
    STYR_ENC_CP1252
} styr_encoding;

typedef struct styr_field {
    const char *p;
    uint32_t n;
} styr_field;

typedef struct styr_csv {
    const char *file;          /* name used in diagnostics (borrowed) */
    const char *p, *end;       /* cursor into the data */
    const char *begin;
    char sep;                  /* detected separator */
    styr_encoding enc;         /* encoding decided so far */
    int bom;                   /* 1 if the file began with a UTF-8 BOM */
    uint64_t line;             /* line number of the current record (1-based) */
    uint64_t next_line;        /* line number where the next record starts */
    styr_field *f;             /* fields of the current record */
    size_t nf, capf;
    char *scratch;             /* unquoted / converted text */
    size_t sn, scap;
    struct styr_raw_field *raw; /* private: fields as offsets while a record is built */
    size_t rawcap;
    int hide_col;              /* 1-based column whose text a diagnostic must never show (a CPR number); 0: none */
} styr_csv;

/* Start reading data[0..size). Skips a BOM. Does not read the header. */
void styr_csv_init(styr_csv *c, const char *file, const void *data, size_t size);
void styr_csv_free(styr_csv *c);

/* Skip leading lines that start with '#', returning the text of the first
 * (without '#' and surrounding blanks) in *comment (borrowed, length *clen)
 * when comment is non-NULL. Used for the source line of reference tables. */
void styr_csv_skip_comments(styr_csv *c, const char **comment, size_t *clen);

/* Read the header line and detect the separator from it (the candidate that
 * occurs most often outside quotes; ';' wins ties, then tab). Returns 1 with
 * the header fields in c->f, 0 for an empty file, -1 on a diagnosed error. */
int styr_csv_header(styr_csv *c, styr_diags *d);

/* Read the next record into c->f / c->nf. Blank lines are skipped.
 * Returns 1, 0 at the end, -1 on an error that was added to d (the reader
 * has moved past the bad record and can go on). */
int styr_csv_next(styr_csv *c, styr_diags *d);

/* Bytes consumed so far (for progress). */
static inline size_t styr_csv_offset(const styr_csv *c) { return (size_t)(c->p - c->begin); }

/* A field equals a NUL-terminated string (case-insensitive ASCII). */
int styr_field_is(styr_field f, const char *s);

/* Printable names. */
const char *styr_encoding_name(styr_encoding e);
const char *styr_sep_name(char sep);

/* 1 when s[0..n) is valid UTF-8. */
int styr_utf8_valid(const unsigned char *s, size_t n);

#endif
