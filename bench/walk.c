/* walk: time a walk over every person and run of a workspace's panel.
 *
 *   build/bench/walk WS [REPEAT]
 *
 * Opens the panel (timing the checksum verification apart), then walks all
 * persons and their runs REPEAT times (default 5) on one core, summing weeks
 * per benefit group so the loop cannot be optimised away, and prints runs/s,
 * person-weeks/s and the best time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/diag.h"
#include "panel/panel.h"
#include "ws/workspace.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: walk WS [REPEAT]\n"); return 1; }
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    const styr_panel *p;
    double t0 = now();
    if (styr_ws_open(argv[1], STYR_WS_READ, &ws, &d) || styr_ws_panel(ws, &p, &d)) {
        fprintf(stderr, "walk: %s\n", d.sys);
        return 1;
    }
    double t_open = now() - t0;
    const styr_cols *c = styr_panel_cols(p);
    uint64_t weeks[STYR_MAX_CODES] = {0};
    double best = 1e9;
    for (int k = 0; k < repeat; k++) {
        double t = now();
        for (uint64_t i = 0; i < c->npersons; i++)
            for (uint64_t r = c->run_off[i], e = c->run_off[i + 1]; r < e; r++) weeks[c->yd[r]] += c->len[r];
        t = now() - t;
        if (t < best) best = t;
    }
    uint64_t total = 0;
    for (int y = 0; y < STYR_MAX_CODES; y++) total += weeks[y];
    total /= (uint64_t)repeat;
    printf("persons %llu runs %llu person-weeks %llu\n", (unsigned long long)c->npersons,
           (unsigned long long)c->nruns, (unsigned long long)total);
    printf("open+verify %.3f s; walk best of %d: %.4f s = %.0f million runs/s, %.0f million person-weeks/s\n",
           t_open, repeat, best, (double)c->nruns / best / 1e6, (double)total / best / 1e6);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return 0;
}
