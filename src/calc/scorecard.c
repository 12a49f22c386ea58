/* scorecard: the three indicators against the cluster. */
#include "scorecard.h"

#include <math.h>
#include <string.h>

int styr_mark(styr_figval own, styr_figval ref, int better, int decimals)
{
    if (own.state != STYR_FV_OK || ref.state != STYR_FV_OK || !better) return STYR_MARK_NA;
    double scale = pow(10, decimals);
    double a = round(own.v * scale), r = round(ref.v * scale);
    if (a == r) return 0;
    return (a > r) == (better > 0) ? 1 : -1;
}

styr_figval styr_pct_change(styr_figval now, styr_figval prev)
{
    if (now.state == STYR_FV_SUPPRESSED || prev.state == STYR_FV_SUPPRESSED) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (now.state != STYR_FV_OK || prev.state != STYR_FV_OK || prev.v == 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){100.0 * (now.v - prev.v) / prev.v, STYR_FV_OK};
}

void styr_scorecard_make(const styr_bdata *b, int p, int pprev, int k, const uint8_t *in, int g, styr_scorecard *sc)
{
    static const struct { int fig; const char *da, *en; int pct; } ind[STYR_NSCORE] = {
        [SC_FLERE] = {FIG_ANDEL, "Flere i job", "More in work", 1},
        [SC_HURTIGERE] = {FIG_VARIGHED, "Hurtigere i job", "Faster into work", 0},
        [SC_FASTHOLDT] = {FIG_JOB_3MDR, "Fastholdt i job", "Kept in work", 0},
    };
    memset(sc, 0, sizeof *sc);
    sc->g = g;
    for (int i = 0; i < STYR_NSCORE; i++) {
        styr_score *s = &sc->s[i];
        styr_metric m = {&styr_figdefs[ind[i].fig], ind[i].fig, -1};
        s->def = m.def;
        s->da = ind[i].da;
        s->en = ind[i].en;
        s->dev_pct = ind[i].pct;
        s->own = styr_bdata_value(b, &m, p, k, g);
        s->cluster = styr_bdata_area(b, &m, p, in, g);
        if (pprev >= 0) {
            styr_figval po = styr_bdata_value(b, &m, pprev, k, g), pc = styr_bdata_area(b, &m, pprev, in, g);
            s->dev_own = s->dev_pct ? styr_pct_change(s->own, po) : styr_change(s->own, po, m.def->unit);
            s->dev_cluster = s->dev_pct ? styr_pct_change(s->cluster, pc) : styr_change(s->cluster, pc, m.def->unit);
        } else {
            s->dev_own = s->dev_cluster = (styr_figval){0, STYR_FV_NONE};
        }
        s->mark = styr_mark(s->own, s->cluster, m.def->better, m.def->decimals);
        s->dev_mark = styr_mark(s->dev_own, s->dev_cluster, m.def->better, 1);
    }
}
