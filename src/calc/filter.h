/* filter: which weeks of which persons a figure counts (issue 14 §1).
 *
 * A filter narrows every figure to a target group (målgruppe), an origin and
 * a unit (enhed). Within a dimension the values are alternatives, across
 * dimensions they must all hold:
 *   visitation  the week's visitation category (jobparat, aktivitetsparat,
 *               uddannelsesparat, aabenlyst_uddannelsesparat, uoplyst);
 *   unge        weeks in which the person is under 30 (on the Thursday);
 *   flygtninge  weeks within 10 years of arrival as a refugee or family-
 *               reunified: the calendar year of the week's Thursday minus
 *               the year of arrival is 0-9;
 *   oprindelse  the person's origin;
 *   enhed       the unit that has the case that week.
 * A week counts when it passes. Level and money figures count the weeks
 * that pass; a spell counts as started when its first week passes and as
 * ended (with its length, varighed and status after) when its last week
 * does; langvarige when the period's last week passes; an offer when its
 * first week (started) or last week (ended) passes. So the figures of a
 * target group are those of its weeks, attributed as jobindsats attributes
 * a spell to the category of the week it starts or ends in. */
#ifndef STYR_FILTER_H
#define STYR_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../panel/panel.h"

#define STYR_FILTER_MAXENH 16

typedef struct styr_filter {
    unsigned vis;              /* bit per visitation category (1u << STYR_VIS_*); 0 = every */
    unsigned opr;              /* bit per origin (1u << STYR_OPR_*); 0 = every */
    int unge;                  /* only weeks under 30 */
    int flygtninge;            /* only weeks within 10 years of arrival */
    int nenh;                  /* units (panel indexes); 0 = every */
    uint16_t enh[STYR_FILTER_MAXENH];
} styr_filter;

/* Whether f narrows anything (NULL: no). */
int styr_filter_active(const styr_filter *f);

/* Add the values of a --maalgruppe list ("jobparat,unge", "flygtninge",
 * "aktivitetsparat+uddannelsesparat"; ',' or '+' between values) to f.
 * Returns 0, or -1 with the unknown value in bad (its key and a suggestion
 * are for the caller to say). */
int styr_filter_add_maalgruppe(styr_filter *f, const char *list, char *bad, size_t badcap);
/* The same for --oprindelse. */
int styr_filter_add_oprindelse(styr_filter *f, const char *list, char *bad, size_t badcap);
/* The same for --enhed: names of the panel's units (c->enh), ',' between
 * names; case-insensitive. */
int styr_filter_add_enhed(styr_filter *f, const styr_cols *c, const char *list, char *bad, size_t badcap);

/* Whether week w of person i passes f (the week's run for the visitation
 * and the unit: a week without a record passes neither). */
int styr_filter_passes(const styr_filter *f, const styr_cols *c, uint64_t i, int w);

/* The filter as canonical text ("maalgruppe=jobparat+unge;oprindelse=dansk;
 * enhed=Team Nord"), "" for none: a cache key and a label. */
size_t styr_filter_key(const styr_filter *f, const styr_cols *c, char *buf, size_t cap);

/* The filter in the user's words ("jobparate, unge under 30; enhed Team
 * Nord"), "" for none. */
size_t styr_filter_label(const styr_filter *f, const styr_cols *c, char *buf, size_t cap);

/* Every key --maalgruppe accepts, for messages and suggestions. */
extern const char *const styr_maalgruppe_keys[];
extern const int styr_nmaalgruppe_keys;

#endif
