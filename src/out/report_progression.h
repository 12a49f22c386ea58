/* report_progression: the report's (and so the dashboard's) section on
 * progression (issue 14 §3): per indicator of the municipality's assessments
 * the mean change between consecutive assessments with its interval and the
 * share improved, by offer kind, and which indicators predict job or
 * education 12 months after; discretion as styr progression applies it
 * (calc/progstat.h). A workspace without assessments has no section. */
#ifndef STYR_REPORT_PROGRESSION_H
#define STYR_REPORT_PROGRESSION_H

#include <stdio.h>

#include "../calc/progstat.h"
#include "../ws/workspace.h"

typedef struct styr_rp_prog {
    int present;               /* the workspace holds assessments of the municipality's persons */
    styr_prog prog;
    styr_prog_result res;
    const styr_codes *codes;
} styr_rp_prog;

/* Load the assessments and compute them for municipality kommune (a code; 0
 * all). present stays 0 when there are none. Free with styr_rp_prog_free. */
styr_rc styr_rp_prog_fill(styr_ws *ws, const styr_panel *p, int kommune, styr_rp_prog *out, styr_diags *d);
void styr_rp_prog_free(styr_rp_prog *x); /* NULL-safe */

struct styr_report;
/* The section (nothing when r->progression is NULL or not present). */
void styr_rp_progression(FILE *f, const struct styr_report *r);

#endif
