/* bench/sdc: build the suppression pattern of a workspace's panel and print
 * its cost: time, and the share of cells suppressed, primary and primary +
 * secondary, per family and period kind. Usage: sdc WS [threads] */
#include <stdio.h>
#include <stdlib.h>

#include "calc/sdc.h"

static const char *famname[SDC_NFAM] = {"niveau", "unge", "startet", "afsluttet", "langvarige",
                                        "status 4u", "status 13u", "status 26u", "status 52u", "penge"};
static const char *kindname[6] = {"år", "kvartal", "måned", "uge", "løbende år", "år til dato"};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: sdc WS [threads]\n");
        return 1;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    if (styr_ws_open(argv[1], STYR_WS_READ, &ws, &d)) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    styr_sdc s;
    if (styr_sdc_build(ws, argc > 2 ? atoi(argv[2]) : 0, &s, &d)) {
        fprintf(stderr, "build failed\n");
        return 1;
    }
    printf("spans %d, areas %d, groups %d, %.2f s\n", s.nspan, s.nks, s.ng, s.stats.seconds);
    for (int f = 0; f < SDC_NFAM; f++) printf("%s: %llu uden hyperkube\n", famname[f], (unsigned long long)s.stats.fallbacks[f]);
    printf("%-11s %-12s %10s %10s %9s %9s\n", "familie", "periode", "celler", "med pers.", "primær %",
           "i alt %");
    for (int f = 0; f < SDC_NFAM; f++)
        for (int k = 0; k < 6; k++) {
            const styr_sdc_stats *t = &s.stats;
            if (!t->nonzero[f][k]) continue;
            printf("%-11s %-12s %10llu %10llu %9.2f %9.2f\n", famname[f], kindname[k],
                   (unsigned long long)t->cells[f][k], (unsigned long long)t->nonzero[f][k],
                   100.0 * (double)t->primary[f][k] / (double)t->nonzero[f][k],
                   100.0 * (double)t->suppressed[f][k] / (double)t->nonzero[f][k]);
        }
    styr_sdc_free(&s);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return 0;
}
