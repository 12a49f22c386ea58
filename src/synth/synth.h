/* synth: a realistic synthetic national population, for the demo, tests
 * and benchmarks.
 *
 * Residents are drawn across all municipalities in proportion to the
 * workspace's population table and live week by week through a simple life
 * course: jobs (with hours), spells of every benefit group with their own
 * durations and exits, offers inside spells, short gaps, moves between
 * municipalities, sick leave, fleksjob, førtidspension, maternity leave and
 * early retirement. Municipalities and clusters differ in inflow, duration,
 * activation and job exit, so benchmarks show real spread. Only residents
 * with at least one benefit week enter the panel (as in DREAM); all residents
 * are counted in the synthetic population table (by municipality, year and
 * age on 1 January), which replaces the reference population for the
 * simulated years, so shares of the population come out at realistic levels.
 *
 * Burn-in: with opts.burnin the simulation starts that many years before
 * `from`, so that stocks (førtidspension, long spells) and durations are
 * stationary when the shown span starts; nothing of the burn-in years reaches
 * the panel or the population table, and spells in progress at the start are
 * cut at the first shown week (left-censored, as in real data).
 *
 * Levels: each municipality's risk follows its published share on public
 * support (data/offentligt_forsoergede.csv, relative to the national mean), so
 * the municipal order looks like Denmark's; a municipality missing from that
 * file gets the national level.
 *
 * Scale: by default residents are drawn across the country until `persons`
 * have a benefit week (one sample fraction for all). With full (a list of
 * municipality codes) or whole, residents are drawn per municipality at its
 * real size (the reference population aged 16-66 of the year `to`) for the
 * listed municipalities (or all), and at the fraction `rest` for the others.
 * Either way the population table counts exactly the simulated residents, so
 * every share of the population stays consistent with the panel.
 * Deterministic for a seed. Nothing here is real data. */
#ifndef STYR_SYNTH_H
#define STYR_SYNTH_H

#include <stdint.h>

#include "../core/diag.h"
#include "../ingest/import.h"
#include "../ws/covars.h"
#include "../ws/workspace.h"

typedef struct styr_synth_opts {
    uint64_t persons;   /* persons wanted in the panel (with at least one benefit week);
                           ignored with full or whole */
    int burnin;         /* years simulated before `from` and never written (0: none) */
    const int *full;    /* municipality codes simulated at real size ... */
    int nfull;
    int whole;          /* ... or every municipality at real size */
    double rest;        /* with full: the others at this fraction of their size (0-1) */
    int konjunktur;     /* a business cycle: the financial crisis 2008-2013 and the spring
                           of 2020 raise layoffs and lengthen a-dagpenge (by calendar year) */
    int from, to;       /* calendar years, inclusive */
    uint64_t seed;
    const char *out;    /* write <out> (long CSV), <base>-personer.csv and
                           <base>-befolkning.csv instead of importing */
    const char *command;
    /* planted effects: the first offer of a spell of this kind raises the share in
     * work 13 weeks after its start by pp percentage points (styr synth --effekt; 0: a
     * world of offers without any effect); offers of kinds not named have none, and
     * who gets an offer depends only on what styr effect matches on (synth_int.h) */
    struct { char code[32]; double pp; } effekt[8];
    int neffekt;
    /* with effekt: who gets an offer also depends on an unobserved risk that sets how
     * fast the person leaves for work (--effekt-selektion: the estimate is then biased) */
    int effekt_selektion;
    /* with effekt: write the true effect on the treated here (synth_effekt.c: per group,
     * offer kind, year of the start and horizon, from simulated counterfactuals) */
    const char *truth_out;
    styr_import_progress progress;
    void *progress_ctx;
} styr_synth_opts;

typedef struct styr_synth_result {
    uint64_t residents;   /* simulated residents */
    uint64_t persons;     /* of whom in the panel */
    uint64_t weeks;       /* person-weeks generated */
    uint64_t runs;
    uint64_t burnin_runs; /* runs (or parts of runs) simulated in the burn-in and cut away */
    char *files[3];       /* with out: the three files written */
    styr_covars cov;      /* illustrative frame conditions per municipality */
    /* per planted effect: first offers of the kind, and of them moved into work (each
     * would not have been in work 13 weeks after the start: the planted effect on the
     * treated is moved / first) */
    uint64_t eff_first[8], eff_moved[8];
} styr_synth_result;

styr_rc styr_synth(styr_ws *ws, const styr_synth_opts *o, styr_synth_result *res, styr_import_result *ires,
                   styr_diags *d);
void styr_synth_result_free(styr_synth_result *res);

#endif
