/* figout: rows of key figures written as a terminal table, CSV, JSON or XLSX.
 *
 * A row is one (periode, kommune, ydelse) with every figure of figures.h.
 *   table  the main figures, aligned, Danish number format, ".." for
 *          discretion and "-" for nothing to compute from;
 *   csv    Danish Excel style: ';', decimal comma, UTF-8 with a byte-order
 *          mark, every figure, ".." for discretion;
 *   json   an array of objects with the keys kommune, kommunenavn, ydelse,
 *          periode, every figure's key (figures.h), and "diskretion": true
 *          when a value is null because of discretion;
 *   xlsx   one sheet per benefit group, frozen header row, number formats.
 * With counts set, the CSV and JSON also carry the raw counts behind the
 * figures (weeks, persons, spells, statuses), for checking and research.
 * The same writer serves other sets of columns (the money figures): rows then
 * carry a regime, written as a column after ydelse. */
#ifndef STYR_FIGOUT_H
#define STYR_FIGOUT_H

#include <stddef.h>
#include <stdio.h>

#include "../calc/figures.h"
#include "../core/diag.h"

typedef enum styr_format { STYR_FMT_TABLE, STYR_FMT_CSV, STYR_FMT_JSON, STYR_FMT_XLSX } styr_format;

/* Parse "table", "csv", "json" or "xlsx"; 0 or -1. */
int styr_format_parse(const char *s, styr_format *out);

typedef struct styr_figout_opts {
    styr_format format;
    const char *path;          /* NULL: standard output (not for xlsx) */
    int counts;                /* also write the raw counts (csv, json) */
    /* the columns: every row's v[i] is defs[i] (NULL: the key figures, styr_figdefs);
     * a table shows table_cols[0..ntable) (NULL: a default choice) */
    const styr_figdef *defs;
    int ndefs;
    const int *table_cols;
    int ntable;
    const char *maalgruppe;    /* the filter's label (calc/filter.h) when the figures are of a target
                                  group, origin or unit: a line above a table, a column Målgruppe
                                  in CSV/XLSX, "maalgruppe" in JSON; NULL or "": none */
} styr_figout_opts;

/* A value for JSON: null unless OK, an integer for a count, else rounded to
 * six decimals (fd may be NULL: a real). */
typedef struct json_t json_t;
json_t *styr_json_value(styr_figval v, const styr_figdef *fd);

/* Write o indented (keys in order, reals with 15 significant digits) and a
 * newline, and release o. 0, or -1 when writing failed. */
int styr_json_write(FILE *f, json_t *o);

styr_rc styr_figout_write(const styr_figrow *rows, size_t n, const styr_figout_opts *o, styr_diags *d);

#endif
