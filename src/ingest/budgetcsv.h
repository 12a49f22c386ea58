/* budgetcsv: reading a budget file (the columns of ws/budget.h) from CSV.
 *
 * The header names the columns, in any order (case does not matter; "år" is
 * read as aar). kommune, aar, ydelse, fuldtidspersoner and pris are required;
 * the rest may be missing or empty; the template's kommunenavn, ydelsesnavn,
 * budget_i_alt and kilde are skipped. Amounts are read as a spreadsheet writes
 * them: in a file separated by ';' or tabs '.' groups thousands and ',' is the
 * decimal mark ("1.200", "1200,5"); in a ','-separated file the other way
 * round. aktiveringsgrad is a percentage (a trailing "%" is allowed).
 * Every problem is reported with file, line, column and what was expected;
 * one bad value rejects the whole file (the caller stores nothing). */
#ifndef STYR_BUDGETCSV_H
#define STYR_BUDGETCSV_H

#include <stddef.h>

#include "../ws/budget.h"
#include "../ws/codes.h"
#include "csv.h"

typedef struct styr_budget_file {
    styr_encoding enc;      /* what was read, for the user */
    char sep;
    int danish;             /* amounts read with decimal comma */
    size_t rows;
} styr_budget_file;

/* Parse data[0..size) of the file named file. On success *out holds *n rows
 * (malloc'ed; the caller frees it). Duplicate (kommune, aar, ydelse) keys are
 * errors. Returns STYR_OK or STYR_EINPUT (with diagnostics in d). */
styr_rc styr_budget_read(const char *file, const void *data, size_t size, const styr_codes *codes,
                         styr_budget **out, size_t *n, styr_budget_file *info, styr_diags *d);

#endif
