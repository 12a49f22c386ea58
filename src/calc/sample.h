/* sample: a reproducible stratified random sample of current spells for a
 * case review (KL's sagsgennemgang, 25 cases by default).
 *
 * The cases are the spells of one group in one municipality in progress in the
 * reference week (the person is in the group that week). They are stratified
 * by length so far (1-13, 14-26, 27-52, 53-104, 105+ weeks) and offer status
 * (in an offer now, an earlier offer in the spell, no offer). Each stratum gets
 * its share of n by largest remainder, and at least one case when n allows;
 * within a stratum the cases with the smallest XXH3 of (seed, person id) are
 * drawn, so the same panel and seed give the same sample on any machine and
 * any number of threads. The result names persons: it is for the case review
 * only and never enters a report. */
#ifndef STYR_SAMPLE_H
#define STYR_SAMPLE_H

#include "../ws/workspace.h"
#include "engine.h"

#define STYR_NLEN 5
#define STYR_NOFFER 3
#define STYR_NSTRATA_SAMPLE (STYR_NLEN * STYR_NOFFER)

extern const char *const styr_len_names[STYR_NLEN];

typedef struct styr_case {
    uint64_t person;            /* panel index */
    uint64_t key;               /* XXH3(seed, id): the draw order */
    int start, weeks;           /* spell start (week index), length so far */
    int stratum;                /* len band x NOFFER + offer status */
    int tb_now;                 /* tilbud in the reference week (0 none) */
} styr_case;

typedef struct styr_sample {
    int ref;                    /* reference week */
    size_t population[STYR_NSTRATA_SAMPLE];  /* current spells per stratum */
    size_t drawn[STYR_NSTRATA_SAMPLE];
    styr_case *cases;           /* the drawn cases, by stratum then key */
    size_t n;
} styr_sample;

/* Offer status names (Danish/English by --lang): "i tilbud nu", "tidligere tilbud", "intet tilbud". */
const char *styr_offer_status_name(int s);

/* A stratum as text: "27-52 uger, i tilbud nu" (by --lang). */
void styr_stratum_text(char *buf, size_t cap, int s);

/* Allocate n over strata with population pop (largest remainder, at least one
 * per non-empty stratum when n allows). */
void styr_sample_allocate(const size_t *pop, int nstrata, size_t n, size_t *out);

/* Draw n cases of group g in municipality index kom, in progress in the
 * panel's last week, with seed. */
styr_rc styr_sample_draw(styr_ws *ws, int g, int kom, size_t n, uint64_t seed, styr_sample *out, styr_diags *d);
void styr_sample_free(styr_sample *s);

#endif
