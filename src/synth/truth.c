/* truth: reading the true effects styr synth --effekt writes (truth.h). */
#include "truth.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/engine.h"
#include "../core/mem.h"
#include "../core/msg.h"

const styr_truth_cell *styr_truth_at(const styr_truth *t, int g, int k, int h)
{
    if (!t->cell || g <= 0 || g >= t->ng || k <= 0 || k >= t->no || h < 0 || h >= STYR_NHORIZONS) return NULL;
    return &t->cell[((size_t)g * (size_t)t->no + (size_t)k) * STYR_NHORIZONS + (size_t)h];
}

void styr_truth_free(styr_truth *t)
{
    free(t->cell);
    memset(t, 0, sizeof *t);
}

styr_rc styr_truth_load(const char *path, const styr_codes *codes, int y0, int y1, styr_truth *t, styr_diags *d)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "r");
    if (!f) return styr_diag_sys(d, errno == ENOENT ? STYR_ENOENT : STYR_EIO, "%s: %s", path, strerror(errno));
    t->ng = codes->dict.nyd;
    t->no = codes->dict.ntb;
    t->cell = styr_xcalloc((size_t)(t->ng > 0 ? t->ng : 1) * (size_t)(t->no > 0 ? t->no : 1) * STYR_NHORIZONS,
                           sizeof *t->cell);
    char line[512];
    unsigned long ln = 0;
    styr_rc rc = STYR_OK;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (ln == 1) continue; /* the header */
        char yd[64], tb[64];
        int year, weeks;
        double n, j1, j0, s1, s0;
        if (sscanf(line, "%63[^;];%63[^;];%d;%d;%lf;%lf;%lf;%*[^;];%lf;%lf", yd, tb, &year, &weeks, &n, &j1, &j0, &s1,
                   &s0) != 9) {
            rc = styr_diag_sys(d, STYR_EINPUT,
                               styr_tr("%s, linje %lu: forventede ydelse;tilbud;aar;uger;behandlede;i_job;i_job_uden_tilbud;"
                                       "sand_effekt;selvforsoerget;... (fra styr synth --effekt)",
                                       "%s, line %lu: expected ydelse;tilbud;aar;uger;behandlede;i_job;i_job_uden_tilbud;"
                                       "sand_effekt;selvforsoerget;... (from styr synth --effekt)"),
                               path, ln);
            break;
        }
        int g = styr_codes_ydelse(codes, yd, strlen(yd)), k = styr_codes_tilbud(codes, tb, strlen(tb)), h = -1;
        for (int i = 0; i < STYR_NHORIZONS; i++)
            if (styr_horizons[i] == weeks) h = i;
        if (g <= 0 || k <= 0 || h < 0) {
            rc = styr_diag_sys(d, STYR_EINPUT,
                               styr_tr("%s, linje %lu: %s;%s;%d er ikke en ydelse, et tilbud og 4, 13, 26 eller 52 uger i "
                                       "dette arbejdsområde",
                                       "%s, line %lu: %s;%s;%d is not a group, offer and 4, 13, 26 or 52 weeks of this "
                                       "workspace"),
                               path, ln, yd, tb, weeks);
            break;
        }
        if (year < y0 || year > y1) continue;
        styr_truth_cell *c = &t->cell[((size_t)g * (size_t)t->no + (size_t)k) * STYR_NHORIZONS + (size_t)h];
        c->n += n, c->j1 += j1, c->j0 += j0, c->s1 += s1, c->s0 += s0;
    }
    if (!rc && ferror(f)) rc = styr_diag_sys(d, STYR_EIO, "%s: %s", path, strerror(errno));
    fclose(f);
    if (rc) styr_truth_free(t);
    return rc;
}
