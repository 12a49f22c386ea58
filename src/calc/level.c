/* level: one pass over the panel for the level figures of a period. */
#include "level.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

styr_rc styr_level_compute(const styr_panel *p, const styr_codes *codes, const styr_period *per, styr_level *out,
                           styr_diags *d)
{
    (void)d;
    const styr_cols *c = styr_panel_cols(p);
    const int nkom = codes->dict.nkom, nyd = codes->dict.nyd;
    const size_t ncell = (size_t)nkom * (size_t)nyd;
    out->nkom = nkom;
    out->nyd = nyd;
    out->pweeks = styr_period_weeks(per);
    out->cell = styr_xcalloc(ncell, sizeof *out->cell);
    uint32_t *stamp = styr_xcalloc(ncell, sizeof *stamp);
    uint8_t pub[STYR_MAX_CODES];
    for (int y = 0; y < nyd; y++) pub[y] = y > 0 && codes->yd_public[y];
    const int first = per->first, last = per->last;
    for (uint64_t i = 0; i < c->npersons; i++) {
        const uint32_t mark = (uint32_t)(i + 1);
        for (uint64_t r = c->run_off[i], e = c->run_off[i + 1]; r < e; r++) {
            const int s = c->start[r];
            if (s > last) break;
            const int end = s + c->len[r] - 1;
            if (end < first || !c->yd[r]) continue;
            const int a = s > first ? s : first, b = end < last ? end : last;
            const uint64_t w = (uint64_t)(b - a + 1);
            const int kom = c->kom[r], yd = c->yd[r];
            const size_t k = (size_t)kom * (size_t)nyd;
            styr_level_cell *x = &out->cell[k + (size_t)yd];
            x->weeks += w;
            if (c->tb[r]) x->active += w;
            if (stamp[k + (size_t)yd] != mark) { stamp[k + (size_t)yd] = mark; x->persons++; }
            if (pub[yd]) {
                styr_level_cell *t = &out->cell[k];
                t->weeks += w;
                if (c->tb[r]) t->active += w;
                if (stamp[k] != mark) { stamp[k] = mark; t->persons++; }
            }
        }
    }
    free(stamp);
    return STYR_OK;
}

void styr_level_free(styr_level *l)
{
    if (!l) return;
    free(l->cell);
    l->cell = NULL;
}
