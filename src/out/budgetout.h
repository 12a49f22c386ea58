/* budgetout: the budget template and the follow-up report.
 *
 * The template (XLSX or CSV) has one row per group with the columns an import
 * reads (ingest/budgetcsv.h), in this order:
 *   kommune kommunenavn aar ydelse ydelsesnavn fuldtidspersoner personer
 *   varighed aktiveringsgrad pris udgift_pr_tilbud sagsbehandlere
 *   sager_pr_sagsbehandler udgift_pr_sagsbehandler budget_i_alt kilde m01..m12
 * budget_i_alt is a formula in the XLSX (the budget the row adds up to) and
 * kilde says whether a row is the imported budget or a suggestion from the
 * previous year's actual. Saved as CSV from a spreadsheet it imports again.
 * The XLSX has a second sheet, Vejledning, that explains every column.
 *
 * The follow-up report has one row per budgeted group and a total: budget for
 * the year and to date, actual to date, forecast, departure, assumptions
 * (budget against forecast), drivers and the warning; as a table for the
 * terminal (amounts in 1.000 kr.), CSV or JSON. */
#ifndef STYR_BUDGETOUT_H
#define STYR_BUDGETOUT_H

#include <stddef.h>

#include "../calc/followup.h"
#include "../ws/codes.h"
#include "figout.h"

/* One template row: a budget, and whether it is a suggestion from year
 * suggested_from (0: the imported budget). */
typedef struct styr_template_row {
    styr_budget b;
    int suggested_from;
} styr_template_row;

/* Write the template as xlsx or csv (format) to path. */
styr_rc styr_budget_template_write(const styr_template_row *rows, size_t n, const styr_codes *codes,
                                   styr_format format, const char *path, styr_diags *d);

/* One row of the follow-up: a group (or the total, ydelse "i_alt"). */
typedef struct styr_fu_row {
    const char *ydelse, *navn;
    styr_budget b;                /* the budget's assumptions (the total: sums) */
    styr_followup f;
    styr_fu_cap cap;              /* the ØVO/mentor cap of the row (state NA: not shown) */
    int suppressed;               /* fewer than 5 persons: actual and forecast hidden */
} styr_fu_row;

typedef struct styr_fu_report {
    int kommune;
    const char *kommunenavn;
    int aar, month;
    double threshold;             /* share, 0.02 */
    int loft_state;               /* the year's ØVO/mentor cap: styr_loft_state (NA: not shown) */
    const char *loft_kilde;       /* its source ("" when none) */
    const styr_fu_row *rows;      /* the groups, then the total */
    size_t n;
} styr_fu_report;

styr_rc styr_followup_write(const styr_fu_report *r, styr_format format, const char *path, styr_diags *d);

#endif
