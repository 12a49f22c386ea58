/* yr: the state's Ydelsesrefusion files (sources.md §3) as person-weeks.
 *
 * A file yr-ydelsesrefusion-beregning*.csv has the header
 *   Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;
 *   Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb
 * (any order, case and Danish letters folded) and one row per person, week and
 * benefit. Each row is validated like any other import row (file, line,
 * column, value, what was expected), with one exception: a bad CPR number is
 * never shown, the value reads "(CPR-nummer, ikke vist)". A valid CPR number
 * gives the person's birth date and sex and is then replaced by its keyed
 * pseudonym (cpr.h), which becomes the panel's person id; the digits are wiped.
 *
 * Uge: 2024-W05, 2024W05, 202405 or 2024-05 (ISO year and week). Ydelse: a
 * text of data/ydelsesrefusion.csv (folded as styr_fold does); unknown texts
 * are tallied like unknown codes. Kommune: a name of kommuner.csv or a code.
 * Amounts in kr. with a decimal comma (thousands separators allowed); rates in
 * percent 0-100, or as a fraction when the value is at most 1 (0,8 = 80 pct.;
 * a rate of 1 pct. does not occur in the refusion rules).
 *
 * The rows are kept in the batch (batch.h, styr_byr). styr_yr_resolve turns
 * them into panel weeks: one week per person and week; when a person has two
 * or more benefits in one week, one row gives the week's group and
 * municipality: a benefit that counts on the refusion trappe before one that
 * does not (so the week counts, as refusion.md says: a week with a covered
 * benefit adds 1), then the largest paid amount (Beregnet udbetalingsbeløb),
 * then the first row of the file; every row stays in the amounts table.
 * The same person, week and benefit group twice is an error naming both lines. */
#ifndef STYR_YR_H
#define STYR_YR_H

#include "../ws/workspace.h"
#include "rows.h"

/* 1 when the header is a Ydelsesrefusion header (columns recorded in r), else 0. */
int styr_yr_header(styr_reader *r, const styr_field *f, size_t nf);

/* Validate one data row and add it to the batch's yr rows. 0, or -1 when the
 * batch ran out of memory. Needs r->yr_key. */
int styr_yr_row(styr_reader *r, const styr_field *f, uint64_t line);

/* Free what the reader holds for yr files. */
void styr_yr_reader_free(styr_reader *r);

/* Sort the yr rows, diagnose repeated (person, week, group), and add the
 * panel weeks to the batch. STYR_EINPUT after diagnosing; STYR_ENOMEM. */
styr_rc styr_yr_resolve(styr_batch *b, const styr_codes *codes, styr_diags *d);

/* Inside the import's transaction: the rows with their amounts into the
 * catalog table ydelsesrefusion (made here when missing), tagged with the
 * import's id:
 *   ydelsesrefusion(pseudonym, uge '2024-W05', ydelse (group code), kommune
 *   (code), udbetalt, refusionssats, refusionsbeloeb, medfinansieringssats,
 *   medfinansieringsbeloeb (kr. and percent as in the file), i_panel (1: the
 *   row that is the panel's week), import_id) */
styr_rc styr_yr_store(sqlite3 *db, const styr_batch *b, const styr_codes *codes, sqlite3_int64 import_id,
                      styr_diags *d);

/* Week text of a Ydelsesrefusion file -> week index: 0, -1 not a week,
 * -2 outside 1990-2099. */
int styr_yr_week_parse(const char *s, size_t n, int *idx);

#endif
