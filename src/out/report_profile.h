/* report_profile: the report's (and so the dashboard overview's) profile
 * section, the temperature page of KL's political partnership (seed 001,
 * issue 16 §6): theme by theme (nr and navn) the strengths ("Hvor er jeres
 * styrker?"), the challenges with the recommendations ("Hvor er I udfordret,
 * og hvad er vores anbefalinger?"), the differences to discuss, and the good
 * examples of the cluster for each challenge ("De gode eksempler"): the best
 * municipality and the one that improved most. Every sentence has the
 * municipality's figure and the cluster's beside it, formatted by figtext.h
 * ("..": discretion, "-": no data). A theme without figures shows the
 * profile's text on what would feed it. Laid out for A4 (688 px, text of at
 * least 12 px). */
#ifndef STYR_REPORT_PROFILE_H
#define STYR_REPORT_PROFILE_H

#include <stdio.h>

#include "profile.h"

struct styr_report;

/* The section <section id="profil"> (nothing when r->profile is NULL). */
void styr_rp_profile_section(FILE *f, const struct styr_report *r);

/* How a statement's figures are written: its def; NULL when the engine gave
 * none (the values are then not shown: an unset value is no zero). */
const styr_figdef *styr_rp_statement_def(const styr_statement *s);

#endif
