/* truth: the true effect on the treated that styr synth --effekt writes
 * (synth_effekt.c), read back to hold an estimate against (styr effect --sand).
 *
 * The file: ydelse;tilbud;aar;uger;behandlede;i_job;i_job_uden_tilbud;
 * sand_effekt;selvforsoerget;selvforsoerget_uden_tilbud;
 * sand_effekt_selvforsoerget, one row per group, offer kind, year of the
 * offer's start and horizon (4, 13, 26, 52 weeks), counts of the treated
 * measurable at the horizon and of them in work (self-supporting) with and
 * without the offer. */
#ifndef STYR_TRUTH_H
#define STYR_TRUTH_H

#include "../core/diag.h"
#include "../ws/codes.h"

typedef struct styr_truth_cell { double n, j1, j0, s1, s0; } styr_truth_cell;

typedef struct styr_truth {
    int ng, no;                 /* the workspace's groups and offer kinds */
    styr_truth_cell *cell;      /* [ng][no][STYR_NHORIZONS], summed over the years read */
} styr_truth;

/* Read path, summing the years y0..y1. Rows of groups or offers the workspace
 * does not know are an error (the file belongs to another workspace). */
styr_rc styr_truth_load(const char *path, const styr_codes *codes, int y0, int y1, styr_truth *t, styr_diags *d);

/* The cell of group g, kind k, horizon index h (NULL when out of range). */
const styr_truth_cell *styr_truth_at(const styr_truth *t, int g, int k, int h);

void styr_truth_free(styr_truth *t);

#endif
