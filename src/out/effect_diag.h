/* effect_diag: the diagnostics of the effect estimate (issue 15 §4) as a
 * table and as JSON - the placebo, the balance of what is not matched on, the
 * share of the treated matched, the strata pooled and left out, and the
 * estimate at 13 weeks under three choices of spell-week bands. */
#ifndef STYR_EFFECT_DIAG_H
#define STYR_EFFECT_DIAG_H

#include <jansson.h>
#include <stdio.h>

#include "../calc/effect.h"
#include "../ws/codes.h"

typedef struct styr_effect_diag {
    styr_effect out[STYR_EH];       /* the kind's outcomes, standard bands (the placebo at STYR_EH_PLACEBO) */
    styr_effect bands[STYR_NEB];    /* 13 weeks under each band scheme (STYR_EB_*) */
} styr_effect_diag;

/* From the group's estimates under each scheme (styr_effect_group's out). */
void styr_effect_diag_fill(styr_effect_diag *dg, const styr_effect *const by_scheme[STYR_NEB], int kind);

/* Whether the placebo's interval holds 0 (or there is none). */
int styr_effect_diag_placebo_ok(const styr_effect_diag *dg);

int styr_effect_diag_print(FILE *f, const styr_codes *c, const styr_effect_diag *dg, size_t n);
json_t *styr_effect_diag_json(const styr_codes *c, const styr_effect_diag *dg, size_t n);

/* The names of the band schemes and the balance variables (Danish or English). */
const char *styr_effect_band_name(int scheme);
const char *styr_effect_bal_name(int b);

#endif
