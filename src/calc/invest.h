/* invest: an investment case for a target group and an offer (KL: "investering
 * i indsatsen kan betale sig, hvis den har en effekt på bundlinjen").
 *
 * persons citizens in the group get an offer at week `start` of their spell,
 * costing cost_per_person each. Without it their spell would last `duration`
 * weeks; with it, `saved` weeks less. The saved weeks are the spell's last:
 * weeks duration-saved+1 .. duration (never before the offer starts). Each is
 * worth the group's rate for the year gross, and to the municipality the rate
 * x its share s under the regime (rules.h), read with the week of the spell as
 * both the spell week and the trappe count (one spell, no earlier count). The
 * net saving is shown by step of the trappe. Payback: the first week after the
 * offer starts in which the cumulated net saving reaches the investment. */
#ifndef STYR_INVEST_H
#define STYR_INVEST_H

#include "rules.h"

typedef struct styr_invest_in {
    int grp;                   /* ydelse index */
    int regime;                /* regime index */
    double rate;               /* kr. per full-time week */
    int start, duration, saved;/* weeks of the spell */
    double persons, cost_per_person;
} styr_invest_in;

typedef struct styr_invest {
    int nsteps;                          /* rows below: the trappe steps, or 1 when there are none */
    int step_lo[STYR_MAXSTEPS], step_hi[STYR_MAXSTEPS];
    double weeks[STYR_MAXSTEPS];         /* saved weeks in each step, all persons */
    double gross[STYR_MAXSTEPS], net[STYR_MAXSTEPS];
    double tot_weeks, tot_gross, tot_net;
    double investment, result;           /* persons x cost; net saving - investment */
    int first_saved, last_saved;         /* weeks of the spell saved */
    int payback_weeks;                   /* weeks after the start, -1 when never */
} styr_invest;

/* Compute a case. Returns 0, or -1 when the weeks make no sense (start < 1,
 * saved < 0, duration < start). */
int styr_invest_compute(const styr_invest_in *in, const styr_rules *r, styr_invest *out);

#endif
