/* effect_diag: the effect estimate's diagnostics as a table and JSON (effect_diag.h). */
#include "effect_diag.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "figout.h"
#include "table.h"

void styr_effect_diag_fill(styr_effect_diag *dg, const styr_effect *const by_scheme[STYR_NEB], int kind)
{
    memcpy(dg->out, by_scheme[STYR_EB_STD] + (size_t)kind * STYR_EH, sizeof dg->out);
    for (int s = 0; s < STYR_NEB; s++) dg->bands[s] = by_scheme[s][(size_t)kind * STYR_EH + 1];
}

int styr_effect_diag_placebo_ok(const styr_effect_diag *dg)
{
    const styr_effect *p = &dg->out[STYR_EH_PLACEBO];
    return !p->shown || (p->lo <= 0 && 0 <= p->hi);
}

const char *styr_effect_band_name(int s)
{
    switch (s) {
    case STYR_EB_STD: return styr_tr("uge 1-13 hver for sig, 14-26, 27-52, 53+", "weeks 1-13 one by one, 14-26, 27-52, 53+");
    case STYR_EB_COARSE: return styr_tr("1-4, 5-8, 9-13, 14-26, 27-52, 53+", "1-4, 5-8, 9-13, 14-26, 27-52, 53+");
    }
    return styr_tr("1-13, 14-52, 53+", "1-13, 14-52, 53+");
}

const char *styr_effect_bal_name(int b)
{
    switch (b) {
    case STYR_BAL_AGE: return styr_tr("Alder (år)", "Age (years)");
    case STYR_BAL_SWEEK: return styr_tr("Forløbsuge", "Spell week");
    }
    return styr_tr("Uger på offentlig forsørgelse i året før forløbet", "Weeks on public support in the year before the spell");
}

/* "1,2 [-0,3; 2,7]", or "-" when not shown */
static char *est_text(char *b, size_t cap, const styr_effect *e)
{
    if (!e->shown) return snprintf(b, cap, "-"), b;
    char x[32], lo[32], hi[32];
    snprintf(b, cap, "%s [%s; %s]", styr_fmt_num(x, sizeof x, e->effect, 1), styr_fmt_num(lo, sizeof lo, e->lo, 1),
             styr_fmt_num(hi, sizeof hi, e->hi, 1));
    return b;
}

static char *num_or_dash(char *b, size_t cap, double v, int dec)
{
    if (isnan(v) || isinf(v)) return snprintf(b, cap, "-"), b;
    return styr_fmt_num(b, cap, v, dec);
}

int styr_effect_diag_print(FILE *f, const styr_codes *c, const styr_effect_diag *dg, size_t n)
{
    fprintf(f, "\n%s\n\n", styr_tr("Diagnostik (effekten 13 uger efter start)", "Diagnostics (the effect 13 weeks after the start)"));
    styr_table *t = styr_table_new(8, "llrrrrll");
    const char *h[8] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_tr("Behandlede", "Treated"),
                        styr_tr("Matchet", "Matched"), styr_tr("Puljet", "Pooled"), styr_tr("Udeladt", "Left out"),
                        styr_tr("Placebo (pct.-point)", "Placebo (pp)"), styr_tr("Placebo rummer 0", "Placebo holds 0")};
    styr_table_row(t, h);
    for (size_t i = 0; i < n; i++) {
        const styr_effect *e = &dg[i].out[1];
        char a[32], m[32], pl[32], dr[32], pb[96];
        styr_fmt_int(a, sizeof a, e->treated_all);
        if (e->treated_all) styr_fmt_pct(m, sizeof m, 100.0 * e->matched_all / e->treated_all, 1);
        else snprintf(m, sizeof m, "-");
        snprintf(pl, sizeof pl, "%d", e->strata_pooled);
        snprintf(dr, sizeof dr, "%d", e->strata_dropped);
        const styr_effect *p = &dg[i].out[STYR_EH_PLACEBO];
        const char *row[8] = {styr_group_name(c, e->g), styr_offer_name(c, e->kind), a, m, pl, dr,
                              est_text(pb, sizeof pb, p),
                              !p->shown ? "-" : styr_effect_diag_placebo_ok(&dg[i]) ? styr_tr("ja", "yes")
                                                                                     : styr_tr("NEJ", "NO")};
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "\n%s\n", styr_tr("Placebo: den matchede forskel i andelen i job 13 uger FØR forløbet begyndte - tilbuddet "
                                 "kan ikke have virket dér, så den bør være 0. Matchet: andel af de behandlede i strata med "
                                 "kontroller. Puljet: strata slået sammen over visitation og oprindelse (for få kontroller); "
                                 "udeladt: strata uden nok kontroller selv puljet.",
                                 "Placebo: the matched difference in the share in work 13 weeks BEFORE the spell began - "
                                 "the offer cannot have worked there, so it should be 0. Matched: share of the treated in "
                                 "strata with controls. Pooled: strata merged over visitation and origin (too few "
                                 "controls); left out: strata without enough controls even pooled."));

    fprintf(f, "\n%s\n\n", styr_tr("Balance: de matchede behandlede mod deres kontroller (vægtet som de behandlede) og mod "
                                   "alle kontroller",
                                   "Balance: the matched treated against their controls (weighted as the treated) and "
                                   "against all controls"));
    t = styr_table_new(7, "lllrrrr");
    const char *h2[7] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_tr("Variabel", "Variable"),
                         styr_tr("Behandlede", "Treated"), styr_tr("Matchede kontroller", "Matched controls"),
                         styr_tr("Alle kontroller", "All controls"), styr_tr("Std. forskel", "Std. diff.")};
    styr_table_row(t, h2);
    for (size_t i = 0; i < n; i++) {
        const styr_effect *e = &dg[i].out[1];
        for (int b = 0; b < STYR_NBAL; b++) {
            char x[32], y[32], z[32], s[32];
            double sd = e->bal_sd[b] > 0 ? (e->bal_t[b] - e->bal_c[b]) / e->bal_sd[b] : NAN;
            const char *row[7] = {b ? "" : styr_group_name(c, e->g), b ? "" : styr_offer_name(c, e->kind),
                                  styr_effect_bal_name(b), num_or_dash(x, sizeof x, e->bal_t[b], 1),
                                  num_or_dash(y, sizeof y, e->bal_c[b], 1), num_or_dash(z, sizeof z, e->bal_raw[b], 1),
                                  num_or_dash(s, sizeof s, sd, 2)};
            styr_table_row(t, row);
        }
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "\n%s\n", styr_tr("Std. forskel: (behandlede - matchede kontroller) / de behandledes standardafvigelse; over "
                                 "0,1 i absolut værdi er en skævhed, matchningen ikke har fjernet.",
                                 "Std. diff.: (treated - matched controls) / the treated's standard deviation; above 0.1 "
                                 "in absolute value is an imbalance the matching has not removed."));

    fprintf(f, "\n%s\n\n", styr_tr("Følsomhed for valget af bånd for forløbsuge (effekt 13 uger efter start)",
                                   "Sensitivity to the choice of spell-week bands (effect 13 weeks after the start)"));
    t = styr_table_new(2 + STYR_NEB, "llrrr");
    const char *h3[2 + STYR_NEB] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_effect_band_name(0),
                                    styr_effect_band_name(1), styr_effect_band_name(2)};
    styr_table_row(t, h3);
    for (size_t i = 0; i < n; i++) {
        char b[STYR_NEB][96];
        const char *row[2 + STYR_NEB] = {styr_group_name(c, dg[i].out[1].g), styr_offer_name(c, dg[i].out[1].kind)};
        for (int s = 0; s < STYR_NEB; s++) row[2 + s] = est_text(b[s], sizeof b[s], &dg[i].bands[s]);
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "\n%s\n", styr_tr("Grovere bånd matcher mindre præcist på, hvor længe forløbet har varet; flytter skønnet sig "
                                 "meget, afhænger det af valget.",
                                 "Coarser bands match less precisely on how long the spell has lasted; if the estimate "
                                 "moves much, it depends on the choice."));
    return ferror(f) ? -1 : 0;
}

static json_t *jnum(double v) { return isnan(v) || isinf(v) ? json_null() : json_real(round(v * 1e4) / 1e4); }

static json_t *jest(const styr_effect *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "effekt", e->shown ? jnum(e->effect) : json_null());
    json_object_set_new(o, "ki_lav", e->shown ? jnum(e->lo) : json_null());
    json_object_set_new(o, "ki_hoej", e->shown ? jnum(e->hi) : json_null());
    json_object_set_new(o, "matchede", json_integer(e->matched));
    return o;
}

json_t *styr_effect_diag_json(const styr_codes *c, const styr_effect_diag *dg, size_t n)
{
    static const char *const bal_keys[STYR_NBAL] = {"alder", "forloebsuge", "offentlig_forsoergelse_aaret_foer"};
    static const char *const band_keys[STYR_NEB] = {"standard", "grove", "groveste"};
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const styr_effect *e = &dg[i].out[1];
        json_t *o = json_object();
        json_object_set_new(o, "ydelse", json_string(c->dict.yd[e->g]));
        json_object_set_new(o, "tilbud", json_string(c->dict.tb[e->kind]));
        json_object_set_new(o, "behandlede", json_integer(e->treated_all));
        json_object_set_new(o, "matchede", json_integer(e->matched_all));
        json_object_set_new(o, "andel_matchet", e->treated_all ? jnum(100.0 * e->matched_all / e->treated_all) : json_null());
        json_object_set_new(o, "strata_puljet", json_integer(e->strata_pooled));
        json_object_set_new(o, "strata_udeladt", json_integer(e->strata_dropped));
        json_object_set_new(o, "placebo", jest(&dg[i].out[STYR_EH_PLACEBO]));
        json_t *b = json_object();
        for (int k = 0; k < STYR_NBAL; k++) {
            json_t *x = json_object();
            json_object_set_new(x, "behandlede", jnum(e->bal_t[k]));
            json_object_set_new(x, "matchede_kontroller", jnum(e->bal_c[k]));
            json_object_set_new(x, "alle_kontroller", jnum(e->bal_raw[k]));
            json_object_set_new(x, "std_forskel", e->bal_sd[k] > 0 ? jnum((e->bal_t[k] - e->bal_c[k]) / e->bal_sd[k]) : json_null());
            json_object_set_new(b, bal_keys[k], x);
        }
        json_object_set_new(o, "balance", b);
        json_t *s = json_object();
        for (int k = 0; k < STYR_NEB; k++) json_object_set_new(s, band_keys[k], jest(&dg[i].bands[k]));
        json_object_set_new(o, "baand_13_uger", s);
        json_array_append_new(a, o);
    }
    return a;
}
