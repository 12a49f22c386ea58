/* progression: assessments of persons' progression (issue 14 §3), kept in the
 * workspace (table progression, created by the first import).
 *
 * An assessment is one score of one indicator of one instrument for one person
 * on one date, such as the BIP instrument's helbredsmestring, hverdagsmestring,
 * tro på job, samarbejdsevne, jobsøgningsadfærd and the caseworker's belief in
 * the person's job chances, scored 1..skala (skala 5 or 10, any 2-100). The
 * person is the panel's person id, never a CPR number: a CPR number in the file
 * is replaced by its keyed pseudonym (ingest/cpr.h), the panel's id for a
 * person of a Ydelsesrefusion import.
 *
 *   progression(person TEXT, dato 'YYYY-MM-DD', instrument TEXT, indikator
 *     TEXT, score REAL, skala INTEGER, indlaest TEXT;
 *     PRIMARY KEY (person, instrument, indikator, dato))
 *
 * An import replaces the rows of the same key and adds the rest, in one
 * transaction. In memory the rows are a styr_prog: persons as panel indexes,
 * instruments and indicators as indexes into one table of names. */
#ifndef STYR_PROGRESSION_H
#define STYR_PROGRESSION_H

#include <stddef.h>
#include <stdint.h>

#include "workspace.h"

#define STYR_PROG_NAMELEN 65 /* 64 bytes of UTF-8 and a NUL */

typedef struct styr_assessment {
    uint32_t person;          /* panel index */
    int32_t day;              /* days since 1970-01-01 */
    uint16_t week;            /* week index of the day (week.h) */
    uint16_t instrument;      /* index into styr_prog.name */
    uint16_t indikator;       /* index into styr_prog.name */
    uint8_t skala;            /* the scale's maximum (it begins at 1) */
    double score;             /* 1..skala */
    uint32_t line;            /* line of the file (reading), 0 when loaded */
} styr_assessment;

typedef struct styr_prog {
    styr_assessment *v;
    size_t n, cap;
    char (*name)[STYR_PROG_NAMELEN];
    size_t nname, namecap;
    uint64_t gone;            /* loaded rows whose person is no longer in the panel */
} styr_prog;

void styr_prog_free(styr_prog *p); /* NULL-safe; leaves p empty */

/* The index of a name in p's table (added when new). */
uint16_t styr_prog_name(styr_prog *p, const char *s, size_t n);

/* The panel index of person id s[0..n), or -1 (binary search: the panel is
 * sorted by id, bytewise). */
int64_t styr_prog_person(const styr_cols *c, const char *s, size_t n);

/* Inside an open transaction: create the table when missing and store every
 * row of p (replacing rows of the same key). */
styr_rc styr_prog_store(sqlite3 *db, const styr_prog *p, const styr_cols *c, styr_diags *d);

/* All stored assessments whose person is in the panel c (the others counted
 * in out->gone), ordered by instrument, indicator, person and date. A
 * workspace without the table gives none. */
styr_rc styr_prog_load(sqlite3 *db, const styr_cols *c, styr_prog *out, styr_diags *d);

/* Sort p's rows by instrument, indicator, person and date. */
void styr_prog_sort(styr_prog *p);

#endif
