/* report_maal: the report's (and so the dashboard's) section on the three
 * target groups of KL's partnership "Flere i arbejde" (issue 14 §1): young
 * people under 30, citizens far from the labour market (aktivitetsparate)
 * and refugees and family-reunified who arrived within 10 years; for each,
 * all public support of the group's weeks (calc/filter.h): full-time
 * persons, the development against the year before, in job 3 months after
 * ended spells and the share of the population where one is defined, the
 * municipality against its cluster. The values come with the filter's own
 * discretion pattern (calc/sdc.h). A panel without visitation has no row for
 * the aktivitetsparate, one without years of arrival none for the refugees:
 * the section says so rather than show zeros. */
#ifndef STYR_REPORT_MAAL_H
#define STYR_REPORT_MAAL_H

#include <stdio.h>

#include "../calc/figures.h"

enum { STYR_RP_UNGE, STYR_RP_AKTIV, STYR_RP_FLYGT, STYR_RP_NMAAL };

typedef struct styr_rp_maalrow {
    int known;                 /* the panel carries what the group needs */
    styr_figval fte, fte_cl, dev, dev_cl, job3, job3_cl, andel, andel_cl;
} styr_rp_maalrow;

typedef struct styr_rp_maal {
    int present;
    styr_rp_maalrow row[STYR_RP_NMAAL];
} styr_rp_maal;

struct styr_report;
/* The section (nothing when r->maal is NULL or not present). */
void styr_rp_maal_section(FILE *f, const struct styr_report *r);

#endif
