/* figures: time the key-figure engine on the full cube.
 *
 *   build/bench/figures WS [THREADS] [REPEAT]
 *
 * The cube: every municipality (and the country) x every group (and all
 * public support) x every month of the panel's whole years, with spells,
 * varighed, langvarige and status after. Prints the best time of REPEAT runs
 * (default 3), person-weeks per second and the peak resident memory. With
 * STYR_BENCH_JSON=FILE it also writes the counts of every cell (for the
 * comparison with the SQL implementation in bench/duckdb/). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "calc/engine.h"
#include "calc/pset.h"
#include "calc/rules.h"
#include "core/week.h"
#include "ws/workspace.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: figures WS [THREADS] [REPEAT]\n"); return 1; }
    int threads = argc > 2 ? atoi(argv[2]) : 0, repeat = argc > 3 ? atoi(argv[3]) : 3;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    const styr_panel *p;
    if (styr_ws_open(argv[1], STYR_WS_READ, &ws, &d) || styr_ws_panel(ws, &p, &d)) {
        fprintf(stderr, "figures: %s\n", d.sys);
        return 1;
    }
    int y0 = styr_week_year(styr_panel_week_min(p)), y1 = styr_week_year(styr_panel_week_max(p));
    styr_period *per;
    int np = styr_periods_range(STYR_P_MONTH, y0, y1, &per);
    styr_pset ps;
    styr_pset_build(&ps, per, np, &d);
    static styr_rules rules;
    if (styr_rules_load(ws, &rules, &d)) { fprintf(stderr, "figures: %s\n", d.sys); return 1; }
    /* the figures alone; with the 2016 counter (weeks by trappe step); with all money
     * (gross, net under every regime and auto, net by trappe step) */
    double best[3] = {1e9, 1e9, 1e9};
    styr_cube cube = {0};
    /* passes interleaved, best of each, so that drift on a shared machine hits all alike */
    const char *only = getenv("STYR_BENCH_PASS"); /* profile one pass: 0, 1 or 2 */
    for (int k = 0; k < repeat; k++)
        for (int pass = 0; pass < 3; pass++) {
            if (only && atoi(only) != pass) continue;
            styr_engine_opts o = {.threads = threads, .rules = pass ? &rules : NULL, .money = pass == 2};
            styr_cube_free(&cube);
            double t = now();
            if (styr_engine_run(p, styr_ws_codes(ws), &ps, &o, &cube, &d)) { fprintf(stderr, "%s\n", d.sys); return 1; }
            t = now() - t;
            if (t < best[pass]) best[pass] = t;
        }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    const styr_cols *c = styr_panel_cols(p);
    uint64_t weeks = styr_panel_weeks(p);
    printf("styr engine: %llu persons, %llu runs, %llu person-weeks; cube %d months x %d municipalities x %d groups\n",
           (unsigned long long)c->npersons, (unsigned long long)c->nruns, (unsigned long long)weeks, np, cube.nk,
           cube.ng);
    printf("styr engine: best of %d: %.3f s = %.0f million person-weeks/s (%d threads); peak memory %.0f MB\n",
           repeat, best[0], (double)weeks / best[0] / 1e6, threads, (double)ru.ru_maxrss / 1024);
    printf("styr engine with the 2016 trappe counter (the count of every covered run): %.3f s, +%.1f %%\n", best[1],
           100.0 * (best[1] - best[0]) / best[0]);
    printf("styr engine with all money figures (gross, net under %d regimes and auto, by trappe step): %.3f s = %.0f "
           "million person-weeks/s, +%.1f %%\n",
           rules.nreg, best[2], (double)weeks / best[2] / 1e6, 100.0 * (best[2] - best[0]) / best[0]);
    const char *json = getenv("STYR_BENCH_JSON");
    if (json) {
        FILE *f = fopen(json, "w");
        const styr_codes *codes = styr_ws_codes(ws);
        for (int i = 0; i < np; i++)
            for (int k = 0; k < cube.nk; k++)
                for (int g = 0; g < cube.ng; g++) {
                    const styr_cell *x = styr_cube_at(&cube, i, k, g);
                    if (!x->weeks && !x->started && !x->ended && !x->inprog) continue;
                    fprintf(f, "%s;%d;%s;%u;%u;%u;%u;%u;%u;%u;%llu;%u;%u;%u;%u;%u;%u\n", ps.p[i].name,
                            k == cube.nk - 1 ? 0 : codes->dict.kom[k], g ? codes->dict.yd[g] : "i_alt", x->weeks,
                            x->active, x->persons, x->started, x->ended, x->ended_p, x->y_weeks,
                            (unsigned long long)x->ended_len, x->inprog, x->inprog_long, x->status[1][STYR_ST_JOB],
                            x->status[1][STYR_ST_SELV], x->status[1][STYR_ST_YDELSE], x->status[1][STYR_ST_NOTYET]);
                }
        fclose(f);
    }
    styr_cube_free(&cube);
    styr_pset_free(&ps);
    free(per);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return 0;
}
