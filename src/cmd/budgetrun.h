/* budgetrun: the monthly budget follow-up of one municipality (KL's second
 * lever), computed from the workspace: its budget rows for the month's year,
 * the months so far from the panel (net cost under the regime in force), and
 * calc/followup.h per group and in total. Shared by styr budget opfoelgning
 * and the report. */
#ifndef STYR_BUDGETRUN_H
#define STYR_BUDGETRUN_H

#include "../calc/query.h"
#include "../out/budgetout.h"

typedef struct styr_fu_run {
    styr_fu_report rep;          /* rows: the groups, then the total */
    styr_fu_row *rows;
    styr_qresult res;            /* the counts behind it (to store) */
    char loft_kilde[256];        /* the ØVO/mentor cap's source */
} styr_fu_run;

/* Follow up municipality index k through month (a YYYYMmm period) with the
 * warning threshold (a share); open: no discretion (the own municipality
 * with --intern). *found is 0 when there is no budget for the year. */
styr_rc styr_fu_run_compute(styr_ws *ws, int k, const styr_period *month, double threshold, int open, styr_fu_run *r,
                            int *found, styr_diags *d);
void styr_fu_run_free(styr_fu_run *r);

#endif
