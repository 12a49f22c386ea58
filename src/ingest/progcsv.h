/* progcsv: a file of progression assessments (issue 14 §3),
 *   person;dato;instrument;indikator;score;skala
 * (columns by name in any order, case folded; UTF-8 or Windows-1252; ';',
 * tab or ','; decimal comma or point), into a styr_prog (ws/progression.h).
 *
 * Every field is validated and every problem reported with file, line,
 * column, the value and what was expected; a file with any problem gives
 * nothing (the import is all or nothing):
 *   person     1-64 characters; a CPR number (cpr.h) is replaced by its keyed
 *              pseudonym and never shown; the id must be a person of the panel
 *              (unknown persons are refused, tallied per distinct id with the
 *              first line of each, all counted: an assessment styr cannot tie
 *              to the person's benefits and jobs measures nothing, and ids from
 *              another system are caught at once)
 *   dato       2024-03-15, 20240315, 15-03-2024, 15.03.2024 or 15/03/2024, in
 *              1990-2099
 *   instrument, indikator  1-64 characters without control characters
 *   skala      the scale's maximum, a whole number 2-100 (5 or 10 as a rule)
 *   score      a number 1..skala
 * and the same person, instrument, indicator and date twice is an error
 * naming both lines. */
#ifndef STYR_PROGCSV_H
#define STYR_PROGCSV_H

#include <stddef.h>

#include "../panel/panel.h"
#include "../ws/progression.h"
#include "cpr.h"
#include "csv.h"

/* Read data[0..size) (named file in diagnostics) against the panel c. key
 * pseudonymises CPR numbers (NULL: a CPR number is refused). STYR_OK with the
 * rows in out (sorted as styr_prog_sort), or STYR_EINPUT after diagnosing. */
styr_rc styr_prog_read(const char *file, const void *data, size_t size, const styr_cols *c,
                       const unsigned char *key, styr_prog *out, styr_encoding *enc, char *sep, styr_diags *d);

#endif
