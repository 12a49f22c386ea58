/* reviewout: the case review's result (styr sample resultat) as a table, CSV,
 * JSON, a self-contained HTML page for the workshop's slides (A4 landscape,
 * print-friendly) and XLSX.
 *
 * Every format says that the result is internal (the municipality's own
 * review: counts of 1-4 cases are shown), how many cases were reviewed and
 * what the intervals are; none shows a person id or a note. Shares are in
 * percent. A share without reviewed cases is "-" (null in JSON), never 0. */
#ifndef STYR_REVIEWOUT_H
#define STYR_REVIEWOUT_H

#include "../calc/review.h"
#include "figout.h"

/* Write r's result in format fmt to path (NULL or "-": standard output;
 * XLSX needs a path). kommune_name and group_name head it. */
styr_rc styr_review_write(const styr_review *r, const styr_codes *codes, styr_format fmt, int html, const char *path,
                          styr_diags *d);

#endif
