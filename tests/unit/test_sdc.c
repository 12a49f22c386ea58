/* test_sdc: the discretion pattern against an attacker who adds and subtracts.
 *
 * The attacker collects every figure one role can get for a data state (the
 * whole pattern's cube: every week, month, quarter, year, rolling year and
 * year to date; municipalities, clusters and the country; every group and
 * all public support), takes each published count as an exact equation over
 * the unknown base cells (week or month x municipality x group), and bounds
 * every suppressed cell of another municipality by linear programming over
 * non-negative base cells (GLPK's simplex; integer bounds are the LP bounds
 * rounded inwards). A cell whose bounds meet is pinned: the test fails. Roles:
 * anonymous (the CLI without --intern, the API without a token or with a *
 * token: the same published cube) and a municipality that knows all of its
 * own figures exactly (its token, --intern in its own workspace). Distinct
 * persons, which add up only over a cluster and otherwise bound each other
 * (all public support, the country), are bounded span by span the same way,
 * and so is each row of the offer tables (municipalities, clusters, the
 * country and age bands). */
#include "harness.h"

#include <glpk.h>
#include <math.h>

#include "calc/engine.h"
#include "calc/offers.h"
#include "calc/query.h"
#include "calc/sdc.h"
#include "core/week.h"
#include "ws/catalog.h"

#define HDR "person;uge;kommune;ydelse;tilbud;timer\n"
#define MAXAREA (STYR_MAX_KOMMUNER + 1 + STYR_MAX_CLUSTERS)

/* ---- the attacker --------------------------------------------------------------------- */

typedef struct world {
    styr_sdc s;
    styr_cube cube;            /* engine cube over the pattern's spans: [nspan][nkom + 1][ng] */
    const styr_codes *codes;
    int W0, W1;                /* weeks of the spans */
    int nmonth, *mfirst, *mlast;
} world;

static int add_groups(int fam) { return fam == SDC_LEVEL || fam == SDC_YOUNG; }

/* Whether base group h adds to a published cell of group g. For the additive
 * families the base groups are the groups that are not unions (ydelser.csv,
 * dele): group 0 is the sum of the public ones, a union the sum of its parts.
 * For the rest every group is its own base (spells do not add over groups). */
static const styr_codes *part_codes;
static int part_of(int fam, int g, int h)
{
    if (!add_groups(fam)) return h == g;
    if (h == 0 || part_codes->yd_is_union[h]) return 0;
    return h == g || (g == 0 && part_codes->yd_public[h]) || (g > 0 && part_codes->yd_union[h] == g);
}
static int by_month(int fam) { return fam != SDC_LEVEL && fam != SDC_YOUNG && fam != SDC_LONG; }

static uint32_t measure(int fam, const styr_cell *c)
{
    switch (fam) {
    case SDC_LEVEL: return c->weeks;
    case SDC_YOUNG: return c->y_weeks;
    case SDC_STARTED: return c->started;
    case SDC_ENDED: return c->ended;
    case SDC_LONG: return c->inprog;
    default: {
        const uint32_t *st = c->status[fam - SDC_H4];
        return styr_status_measurable(st);
    }
    }
}

/* The true value of a cell: municipalities and the country from the cube, a
 * cluster as the sum of its members. */
static double truth(const world *w, int fam, int sp, int a, int g)
{
    const styr_sdc *s = &w->s;
    if (a <= s->nkom) return measure(fam, styr_cube_at(&w->cube, sp, a, g));
    double v = 0;
    int year = styr_week_year(s->last[sp]);
    for (int k = 0; k < s->nkom; k++)
        if (styr_sdc_cluster_area(s, year, k) == a) v += measure(fam, styr_cube_at(&w->cube, sp, k, g));
    return v;
}

/* The atoms (weeks, or months) of a span for a family, as indexes; -1 when
 * the span is not published for the family (a week of spells). */
static int atoms(const world *w, int fam, int sp, int *out)
{
    const styr_sdc *s = &w->s;
    int n = 0;
    if (fam == SDC_LONG) {
        out[n++] = s->last[sp] - w->W0;
        return n;
    }
    if (by_month(fam)) {
        if (s->first[sp] == s->last[sp]) return -1;
        for (int i = 0; i < w->nmonth; i++)
            if (w->mfirst[i] >= s->first[sp] && w->mlast[i] <= s->last[sp]) out[n++] = i;
        return n;
    }
    for (int x = s->first[sp]; x <= s->last[sp]; x++) out[n++] = x - w->W0;
    return n;
}

static int in_area(const world *w, int sp, int a, int k)
{
    const styr_sdc *s = &w->s;
    if (a < s->nkom) return a == k;
    if (a == s->nkom) return 1;
    return styr_sdc_cluster_area(s, styr_week_year(s->last[sp]), k) == a;
}

/* Targets checked: every one with STYR_SDC_FULL=1 (make stress), else the
 * years and one in `sample` of the shorter spans. */
static int sample = 6;

/* Attack one family for a role (own: the municipality known exactly, -1
 * none). Returns the number of pinned cells; prints them unless quiet. */
static int quiet;
static int attack(world *w, int fam, int own, int *checked)
{
    const styr_sdc *s = &w->s;
    const int natom = by_month(fam) ? w->nmonth : w->W1 - w->W0 + 1;
    const int g0 = add_groups(fam) ? 1 : 0, ngb = s->ng; /* base groups g0..ng-1 (part_of) */
    part_codes = w->codes;
    size_t nv = (size_t)natom * (size_t)s->nkom * (size_t)ngb;
    int *col = calloc(nv, sizeof *col); /* 0 unknown yet, -1 known zero, >0 the LP column */
    int *at = malloc((size_t)(natom + 1) * sizeof *at);
#define VAR(a, k, g) col[((size_t)(a) * (size_t)s->nkom + (size_t)(k)) * (size_t)ngb + (size_t)(g)]
    /* published cells: for each, its base cells */
    typedef struct eq { int sp, a, g; double v; } eq;
    size_t neq = 0, cap = 1024;
    eq *eqs = malloc(cap * sizeof *eqs);
    for (int sp = 0; sp < s->nspan; sp++) {
        if (atoms(w, fam, sp, at) < 0) continue;
        for (int a = 0; a < s->nks; a++)
            for (int g = 0; g < s->ng; g++) {
                int pub = !styr_sdc_suppressed(s, (styr_sdc_fam)fam, sp, a, g) || a == own;
                if (!pub) continue;
                if (neq == cap) eqs = realloc(eqs, (cap *= 2) * sizeof *eqs);
                eqs[neq++] = (eq){sp, a, g, truth(w, fam, sp, a, g)};
            }
    }
    /* a published zero makes every base cell in it zero */
    for (size_t e = 0; e < neq; e++) {
        if (eqs[e].v != 0) continue;
        int na = atoms(w, fam, eqs[e].sp, at);
        for (int k = 0; k < s->nkom; k++) {
            if (!in_area(w, eqs[e].sp, eqs[e].a, k)) continue;
            for (int i = 0; i < na; i++)
                for (int g = g0; g < ngb; g++)
                    if (part_of(fam, eqs[e].g, g))
                        VAR(at[i], k, g) = -1;
        }
    }
    glp_prob *lp = glp_create_prob();
    int ncol = 0;
    for (size_t i = 0; i < nv; i++)
        if (col[i] == 0) col[i] = ++ncol;
    if (ncol == 0) {
        glp_delete_prob(lp);
        free(col), free(at), free(eqs);
        return 0;
    }
    glp_add_cols(lp, ncol);
    for (int j = 1; j <= ncol; j++) glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
    int *ind = malloc(((size_t)ncol + 1) * sizeof *ind);
    double *val = malloc(((size_t)ncol + 1) * sizeof *val);
    char *mark = calloc((size_t)ncol + 1, 1);
    for (size_t e = 0; e < neq; e++) {
        if (eqs[e].v == 0) continue;
        int na = atoms(w, fam, eqs[e].sp, at), len = 0;
        for (int k = 0; k < s->nkom; k++) {
            if (!in_area(w, eqs[e].sp, eqs[e].a, k)) continue;
            for (int i = 0; i < na; i++)
                for (int g = g0; g < ngb; g++)
                    if (part_of(fam, eqs[e].g, g)) {
                        int c = VAR(at[i], k, g);
                        if (c > 0 && !mark[c]) mark[c] = 1, ind[++len] = c, val[len] = 1;
                    }
        }
        for (int i = 1; i <= len; i++) mark[ind[i]] = 0;
        assert_true(len > 0); /* a published non-zero count with no unknowns left would be a bug */
        int r = glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, r, GLP_FX, eqs[e].v, eqs[e].v);
        glp_set_mat_row(lp, r, len, ind, val);
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    int pinned = 0;
    /* targets: suppressed cells of another municipality that hold someone; of
     * the single weeks, every fifth (the bounds of a week are the cheapest to
     * pin, and the run stays short) */
    for (int sp = 0; sp < s->nspan; sp++) {
        int na = atoms(w, fam, sp, at);
        if (na < 0 || (s->first[sp] == s->last[sp] && s->first[sp] % 5)) continue;
        if (sample > 1 && (unsigned)(sp * 7919 + fam * 31) % (unsigned)sample && styr_week_year(s->first[sp]) == styr_week_year(s->last[sp]) &&
            s->last[sp] - s->first[sp] < 50)
            continue;
        for (int k = 0; k < s->nkom; k++) {
            if (k == own) continue;
            for (int g = 0; g < s->ng; g++) {
                if (!styr_sdc_suppressed(s, (styr_sdc_fam)fam, sp, k, g)) continue;
                double v = truth(w, fam, sp, k, g);
                if (v == 0) continue;
                for (int j = 1; j <= ncol; j++) glp_set_obj_coef(lp, j, 0);
                for (int i = 0; i < na; i++)
                    for (int h = g0; h < ngb; h++)
                        if (part_of(fam, g, h))
                            if (VAR(at[i], k, h) > 0) glp_set_obj_coef(lp, VAR(at[i], k, h), 1);
                double lo, hi;
                glp_set_obj_dir(lp, GLP_MIN);
                assert_int_equal(glp_simplex(lp, &parm), 0);
                assert_int_equal(glp_get_status(lp), GLP_OPT);
                lo = glp_get_obj_val(lp);
                glp_set_obj_dir(lp, GLP_MAX);
                int rc = glp_simplex(lp, &parm);
                hi = rc == 0 && glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : INFINITY;
                (*checked)++;
                if (ceil(lo - 1e-6) >= floor(hi + 1e-6)) {
                    pinned++;
                    if (!quiet) fprintf(stderr, "pinned: family %d, weeks %d-%d, kommune %d, group %d: %g in [%g, %g] (role %d)\n",
                            fam, s->first[sp], s->last[sp], w->codes->dict.kom[k], g, v, lo, hi, own);
                }
            }
        }
    }
    glp_delete_prob(lp);
    free(ind), free(val), free(mark), free(col), free(at), free(eqs);
#undef VAR
    return pinned;
}

static void world_load(world *w, const char *wsdir)
{
    memset(w, 0, sizeof *w);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_READ, &ws, &d), STYR_OK);
    assert_int_equal(styr_sdc_build(ws, 1, &w->s, &d), STYR_OK);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(ws, &p, &d), STYR_OK);
    w->codes = styr_ws_codes(ws);
    styr_period *per;
    int n = styr_sdc_universe(styr_panel_week_min(p), styr_panel_week_max(p), &per);
    /* one period per span, in the pattern's order */
    styr_period *one = calloc((size_t)w->s.nspan, sizeof *one);
    w->mfirst = malloc((size_t)n * sizeof(int));
    w->mlast = malloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++) {
        int sp = styr_sdc_span(&w->s, per[i].first, per[i].last);
        assert_true(sp >= 0);
        one[sp] = per[i];
        if (per[i].kind == STYR_P_MONTH) w->mfirst[w->nmonth] = per[i].first, w->mlast[w->nmonth++] = per[i].last;
    }
    styr_pset ps;
    assert_int_equal(styr_pset_build(&ps, one, w->s.nspan, &d), STYR_OK);
    assert_int_equal(ps.n, w->s.nspan);
    styr_engine_opts eo = {.threads = 1};
    assert_int_equal(styr_engine_run(p, w->codes, &ps, &eo, &w->cube, &d), STYR_OK);
    w->W0 = w->s.first[0], w->W1 = w->s.last[0];
    for (int i = 0; i < w->s.nspan; i++) {
        if (w->s.first[i] < w->W0) w->W0 = w->s.first[i];
        if (w->s.last[i] > w->W1) w->W1 = w->s.last[i];
    }
    /* the codes outlive the workspace in this test: keep a copy */
    styr_codes *copy = malloc(sizeof *copy);
    *copy = *w->codes;
    w->codes = copy;
    styr_pset_free(&ps);
    free(per);
    free(one);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

static void world_free(world *w)
{
    styr_sdc_free(&w->s);
    styr_cube_free(&w->cube);
    free((void *)w->codes);
    free(w->mfirst), free(w->mlast);
}

/* Distinct persons do not add up over groups (a person may have two) nor over
 * the country (a person may move); they add up over a cluster (styr sums its
 * members). Per span: bound every hidden persons count of another
 * municipality from the published ones by those relations (clusters
 * exactly; all public support at least each group and at most their sum; the
 * country at least each municipality and at most their sum). */
static int attack_persons(world *w, int fam, int own, int *checked)
{
    const styr_sdc *s = &w->s;
    int pinned = 0, na = s->nks, ng = s->ng;
    int *col = malloc((size_t)na * (size_t)ng * sizeof *col);
    double *val = malloc(((size_t)na * (size_t)ng + 1) * sizeof *val);
    int *ind = malloc(((size_t)na * (size_t)ng + 1) * sizeof *ind);
    for (int sp = 0; sp < s->nspan; sp++) {
        if (s->first[sp] == s->last[sp] && fam != SDC_LEVEL) continue; /* not published by week */
        int year = styr_week_year(s->last[sp]);
        glp_prob *lp = glp_create_prob();
        int ncol = 0;
        double known[MAXAREA][STYR_MAX_CODES];
        for (int a = 0; a < na; a++)
            for (int g = 0; g < ng; g++) {
                double v = 0;
                if (a <= s->nkom) {
                    const styr_cell *c = styr_cube_at(&w->cube, sp, a, g);
                    v = fam == SDC_LEVEL ? c->persons : c->y_persons;
                } else
                    for (int k = 0; k < s->nkom; k++)
                        if (styr_sdc_cluster_area(s, year, k) == a) {
                            const styr_cell *c = styr_cube_at(&w->cube, sp, k, g);
                            v += fam == SDC_LEVEL ? c->persons : c->y_persons;
                        }
                known[a][g] = v;
                int pub = !styr_sdc_suppressed(s, (styr_sdc_fam)fam, sp, a, g) || a == own;
                col[a * ng + g] = pub ? 0 : ++ncol;
            }
        if (!ncol) {
            glp_delete_prob(lp);
            continue;
        }
        glp_add_cols(lp, ncol);
        for (int j = 1; j <= ncol; j++) glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
        /* row: sum of coef x cell (variables, or constants moved to the bound) between lo and hi */
#define ROW(lo_, hi_)                                                                                                 \
    do {                                                                                                              \
        double c0 = 0;                                                                                                \
        int len = 0;                                                                                                  \
        for (int t = 0; t < nt; t++) {                                                                                \
            int cc = col[ta[t] * ng + tg[t]];                                                                         \
            if (cc) ind[++len] = cc, val[len] = tc[t];                                                                \
            else c0 += tc[t] * known[ta[t]][tg[t]];                                                                   \
        }                                                                                                             \
        if (len) {                                                                                                    \
            int r = glp_add_rows(lp, 1);                                                                              \
            double l_ = (lo_) - c0, h_ = (hi_) - c0;                                                                  \
            glp_set_row_bnds(lp, r, isinf(h_) ? GLP_LO : l_ == h_ ? GLP_FX : GLP_DB, l_, h_);                         \
            glp_set_mat_row(lp, r, len, ind, val);                                                                    \
        }                                                                                                             \
    } while (0)
        int ta[MAXAREA + 2], tg[MAXAREA + 2], nt;
        double tc[MAXAREA + 2];
        for (int g = 0; g < ng; g++) {
            for (int c = s->nkom + 1; c < na; c++) { /* a cluster is the sum of its members */
                nt = 0;
                ta[nt] = c, tg[nt] = g, tc[nt++] = 1;
                for (int k = 0; k < s->nkom; k++)
                    if (styr_sdc_cluster_area(s, year, k) == c) ta[nt] = k, tg[nt] = g, tc[nt++] = -1;
                if (nt > 1) ROW(0, 0);
            }
            nt = 0; /* the country: at most the sum of the municipalities */
            ta[nt] = s->nkom, tg[nt] = g, tc[nt++] = -1;
            for (int k = 0; k < s->nkom; k++) ta[nt] = k, tg[nt] = g, tc[nt++] = 1;
            ROW(0, INFINITY);
            for (int k = 0; k < s->nkom; k++) { /* and at least each */
                nt = 0;
                ta[nt] = s->nkom, tg[nt] = g, tc[nt++] = 1;
                ta[nt] = k, tg[nt] = g, tc[nt++] = -1;
                ROW(0, INFINITY);
            }
        }
        for (int a = 0; a < na; a++) { /* all public support: at least each group, at most their sum */
            nt = 0;
            ta[nt] = a, tg[nt] = 0, tc[nt++] = -1;
            for (int g = 1; g < ng; g++)
                if (w->codes->yd_public[g]) ta[nt] = a, tg[nt] = g, tc[nt++] = 1;
            ROW(0, INFINITY);
            for (int g = 1; g < ng; g++) {
                if (!w->codes->yd_public[g]) continue;
                nt = 0;
                ta[nt] = a, tg[nt] = 0, tc[nt++] = 1;
                ta[nt] = a, tg[nt] = g, tc[nt++] = -1;
                ROW(0, INFINITY);
            }
        }
#undef ROW
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        for (int k = 0; k < s->nkom; k++) {
            if (k == own) continue;
            for (int g = 0; g < ng; g++) {
                int cc = col[k * ng + g];
                if (!cc || known[k][g] == 0) continue;
                for (int j = 1; j <= ncol; j++) glp_set_obj_coef(lp, j, j == cc);
                glp_set_obj_dir(lp, GLP_MIN);
                if (glp_simplex(lp, &parm) || glp_get_status(lp) != GLP_OPT) continue;
                double lo = glp_get_obj_val(lp), hi = INFINITY;
                glp_set_obj_dir(lp, GLP_MAX);
                if (!glp_simplex(lp, &parm) && glp_get_status(lp) == GLP_OPT) hi = glp_get_obj_val(lp);
                (*checked)++;
                if (ceil(lo - 1e-6) >= floor(hi + 1e-6)) {
                    pinned++;
                    if (!quiet)
                        fprintf(stderr, "pinned persons: family %d, weeks %d-%d, kommune %d, group %d: %g in [%g, %g] (role %d)\n", fam,
                                s->first[sp], s->last[sp], w->codes->dict.kom[k], g, known[k][g], lo, hi, own);
                }
            }
        }
        glp_delete_prob(lp);
    }
    free(col), free(val), free(ind);
    return pinned;
}

static int attack_all(world *w, int own, int *checked)
{
    int pinned = 0;
    for (int f = 0; f < SDC_NFAM; f++)
        if (f != SDC_MONEY) pinned += attack(w, f, own, checked);
    pinned += attack_persons(w, SDC_LEVEL, own, checked) + attack_persons(w, SDC_YOUNG, own, checked);
    return pinned;
}

/* ---- the offer tables ------------------------------------------------------------------ */

/* One row of the offer tables (2024, group g, kind t) attacked: the base cells
 * are municipality x age band; every published cell (a municipality's band or
 * all ages, a cluster's, the country's) and, for a municipality that knows its
 * own, its cells are equations; every hidden cell of another municipality is
 * bounded by LP. Offers started and offers ended. */
static int attack_offers(const char *wsdir, int own, int *checked)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_READ, &ws, &d), STYR_OK);
    styr_period per;
    assert_int_equal(styr_period_parse("2024", &per), 0);
    styr_offers off;
    memset(&off, 0, sizeof off);
    styr_cube cube;
    assert_int_equal(styr_offers_compute(ws, &per, 1, NULL, 0, 1, &off, &cube, &d), STYR_OK);
    styr_cube_free(&cube);
    styr_clusters cl;
    assert_int_equal(styr_cat_clusters(ws, 2024, &cl, &d), STYR_OK);
    const int nkom = off.nk - 1;
    int cl_of[STYR_MAX_KOMMUNER];
    for (int k = 0; k < nkom; k++) cl_of[k] = cl.of[k];
    const int NC = STYR_NAGES + 1, nv = nkom * STYR_NAGES;
    int pinned = 0;
    int *ind = malloc(((size_t)nv + 1) * sizeof *ind);
    double *val = malloc(((size_t)nv + 1) * sizeof *val);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    for (int g = 1; g < off.ng; g++)
        for (int t = 1; t < off.no; t++)
            for (int fam = 0; fam < 2; fam++) {
                unsigned bit = fam ? STYR_OH_ENDED : STYR_OH_STARTED;
                double x[STYR_MAX_KOMMUNER][STYR_NAGES];
                double any = 0;
                for (int k = 0; k < nkom; k++)
                    for (int a = 0; a < STYR_NAGES; a++) {
                        const styr_offer_cell *c = styr_offer_at(&off, 0, k, g, t, a);
                        any += x[k][a] = fam ? c->ended : c->started;
                    }
                if (!any) continue;
                glp_prob *lp = glp_create_prob();
                glp_add_cols(lp, nv);
                for (int j = 1; j <= nv; j++) glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
                /* areas: municipalities, the country, the clusters; columns: bands and all ages */
                for (int area = 0; area < nkom + 1 + cl.n; area++)
                    for (int col = 0; col < NC; col++) {
                        int pub = area == own || !(styr_offer_hide(&off, 0, g, t, area, col, cl_of, 1) & bit);
                        if (!pub) continue;
                        int len = 0;
                        double v = 0;
                        for (int k = 0; k < nkom; k++) {
                            int in = area < nkom ? k == area : area == nkom ? 1 : cl_of[k] == area - nkom - 1;
                            if (!in) continue;
                            for (int a = 0; a < STYR_NAGES; a++)
                                if (col == STYR_NAGES || col == a) ind[++len] = k * STYR_NAGES + a + 1, val[len] = 1, v += x[k][a];
                        }
                        if (!len) continue;
                        int r = glp_add_rows(lp, 1);
                        glp_set_row_bnds(lp, r, GLP_FX, v, v);
                        glp_set_mat_row(lp, r, len, ind, val);
                    }
                for (int k = 0; k < nkom; k++) {
                    if (k == own) continue;
                    for (int col = 0; col < NC; col++) {
                        if (!(styr_offer_hide(&off, 0, g, t, k, col, cl_of, 1) & bit)) continue;
                        double v = 0;
                        for (int a = 0; a < STYR_NAGES; a++)
                            if (col == STYR_NAGES || col == a) v += x[k][a];
                        if (v == 0) continue;
                        for (int j = 1; j <= nv; j++) {
                            int kk = (j - 1) / STYR_NAGES, a = (j - 1) % STYR_NAGES;
                            glp_set_obj_coef(lp, j, kk == k && (col == STYR_NAGES || col == a));
                        }
                        glp_set_obj_dir(lp, GLP_MIN);
                        assert_int_equal(glp_simplex(lp, &parm), 0);
                        double lo = glp_get_obj_val(lp), hi = INFINITY;
                        glp_set_obj_dir(lp, GLP_MAX);
                        if (!glp_simplex(lp, &parm) && glp_get_status(lp) == GLP_OPT) hi = glp_get_obj_val(lp);
                        (*checked)++;
                        if (ceil(lo - 1e-6) >= floor(hi + 1e-6)) {
                            pinned++;
                            fprintf(stderr, "pinned offers: group %d, kind %d, %s, kommune index %d, age column %d: %g (role %d)\n", g,
                                    t, fam ? "ended" : "started", k, col, v, own);
                        }
                    }
                }
                glp_delete_prob(lp);
            }
    free(ind), free(val);
    styr_offers_free(&off);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return pinned;
}

/* ---- panels built to be hard ------------------------------------------------------------ */

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33) % n;
}

/* Persons in small groups across many small municipalities: each (municipality,
 * group) gets 0-6 persons with one or two spells in 2024, some with offers,
 * some young, some with a job after. */
static char *hard_panel(uint64_t seed, const int *kom, int nkom, const char *const *grp, int ngrp, char **persons)
{
    rng_state = seed;
    size_t cap = 1 << 20, n = 0, pcap = 1 << 16, pn = 0;
    char *t = malloc(cap), *pt = malloc(pcap);
    n += (size_t)snprintf(t + n, cap - n, HDR);
    pn += (size_t)snprintf(pt + pn, pcap - pn, "person;foedt;koen\n");
    int id = 0;
    for (int i = 0; i < nkom; i++)
        for (int j = 0; j < ngrp; j++) {
            int np = (int)rnd(7);
            for (int p = 0; p < np; p++, id++) {
                pn += (size_t)snprintf(pt + pn, pcap - pn, "P%d;%d;%c\n", id, rnd(2) ? 1960 + (int)rnd(30) : 1996 + (int)rnd(8),
                                       rnd(2) ? 'M' : 'K');
                int start = 1 + (int)rnd(40), len = 1 + (int)rnd(12);
                for (int w = start; w < start + len && w <= 52; w++)
                    n += (size_t)snprintf(t + n, cap - n, "P%d;2024-W%02d;%d;%s;%s;\n", id, w, kom[i], grp[j],
                                          rnd(4) == 0 ? "praktik" : "");
                int after = start + len + (int)rnd(3);
                if (rnd(2) && after + 13 <= 52)
                    for (int w = after; w <= 52; w++)
                        n += (size_t)snprintf(t + n, cap - n, "P%d;2024-W%02d;%d;;;%d\n", id, w, kom[i], 20 + (int)rnd(17));
                else if (rnd(3) == 0 && after + 6 <= 52)
                    for (int w = after + 4; w < after + 6; w++)
                        n += (size_t)snprintf(t + n, cap - n, "P%d;2024-W%02d;%d;%s;;\n", id, w, kom[i], grp[j]);
            }
        }
    *persons = pt;
    return t;
}

static const char *load_panel(const char *name, const char *csv, const char *persons)
{
    const char *ws = th_ws(name);
    char a[64], b[64];
    snprintf(a, sizeof a, "%s.csv", name);
    snprintf(b, sizeof b, "%s-pers.csv", name);
    const char *files[2] = {th_file(a, csv), persons ? th_file(b, persons) : NULL};
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import(ws, files, persons ? 2 : 1, 0, &d, NULL);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_diags_free(&d);
    return ws;
}

/* The case: København (101) has exactly 3 persons on kontanthjælp in
 * 2024; its cluster and other groups are larger. */
static void test_three_persons(void **state)
{
    (void)state;
    size_t cap = 1 << 20, n = 0;
    char *t = malloc(cap);
    n += (size_t)snprintf(t + n, cap - n, HDR);
    static const int kom[] = {101, 147, 461, 561, 751, 851};
    static const char *const grp[] = {"dagpenge", "sygedagpenge"};
    int id = 0;
    for (int p = 0; p < 3; p++, id++)
        for (int w = 1; w <= 10; w++) n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;101;kontanthjaelp;;\n", id, w + 3 * p);
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 2; j++)
            for (int p = 0; p < 10 + 3 * i + j; p++, id++)
                for (int w = 1 + p % 20; w <= 20 + p % 30; w++)
                    n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;%d;%s;;\n", id, w, kom[i], grp[j]);
    for (int i = 1; i < 6; i++) /* the others have kontanthjælp enough */
        for (int p = 0; p < 8; p++, id++)
            for (int w = 5; w <= 30; w++) n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;%d;kontanthjaelp;;\n", id, w, kom[i]);
    const char *ws = load_panel("three.ws", t, NULL);
    free(t);
    world w;
    world_load(&w, ws);
    int k101 = w.codes->kom_idx[101], kh = -1;
    for (int g = 1; g < w.s.ng; g++)
        if (!strcmp(styr_group_key(w.codes, g), "kontanthjaelp")) kh = g;
    int sp = styr_sdc_span(&w.s, styr_week_from_iso(2024, 1), styr_week_from_iso(2024, 52));
    assert_true(sp >= 0);
    assert_int_equal(styr_cube_at(&w.cube, sp, k101, kh)->persons, 3);
    assert_true(styr_sdc_suppressed(&w.s, SDC_LEVEL, sp, k101, kh));
    /* kontanthjælp mv. of 101 holds the same three persons (its other parts are
     * empty): hidden as well, or it would give the cell away */
    int mv = w.codes->yd_union[kh];
    assert_true(mv > 0);
    assert_int_equal(styr_cube_at(&w.cube, sp, k101, mv)->persons, 3);
    assert_true(styr_sdc_suppressed(&w.s, SDC_LEVEL, sp, k101, mv));
    /* the cell's complements: all public support of 101 stays, another group hides */
    int checked = 0;
    assert_int_equal(attack_all(&w, -1, &checked), 0);
    assert_int_equal(attack_all(&w, w.codes->kom_idx[461], &checked), 0);
    assert_int_equal(attack_all(&w, w.codes->kom_idx[147], &checked), 0);
    assert_true(checked > 0);
    world_free(&w);
}

/* The attacker is worth its salt: with primary suppression only, it pins
 * the three persons of København (all public support minus the other groups). */
static void test_attacker_finds_primary_only(void **state)
{
    (void)state;
    world w;
    const char *ws = load_panel("prim.ws",
                                HDR "A;2024-W01;101;kontanthjaelp;;\nB;2024-W01;101;kontanthjaelp;;\nC;2024-W01;101;kontanthjaelp;;\n"
                                    "D;2024-W01;101;dagpenge;;\nE;2024-W01;101;dagpenge;;\nF;2024-W01;101;dagpenge;;\n"
                                    "G;2024-W01;101;dagpenge;;\nH;2024-W01;101;dagpenge;;\nI;2024-W01;147;dagpenge;;\n"
                                    "J;2024-W01;147;dagpenge;;\nK;2024-W01;147;dagpenge;;\nL;2024-W01;147;dagpenge;;\n"
                                    "M;2024-W01;147;dagpenge;;\n",
                                NULL);
    world_load(&w, ws);
    for (int f = 0; f < SDC_NFAM; f++) { /* replace the pattern by the primary cells alone */
        size_t n = (size_t)w.s.nspan * (size_t)w.s.nks * (size_t)w.s.ng;
        memset(w.s.bits[f], 0, (n + 7) / 8);
        for (int sp = 0; sp < w.s.nspan; sp++)
            for (int a = 0; a < w.s.nks; a++)
                for (int g = 0; g < w.s.ng; g++) {
                    double v = 0;
                    if (a <= w.s.nkom) v = styr_cube_at(&w.cube, sp, a, g)->persons;
                    else
                        for (int k = 0; k < w.s.nkom; k++)
                            if (styr_sdc_cluster_area(&w.s, styr_week_year(w.s.last[sp]), k) == a)
                                v += styr_cube_at(&w.cube, sp, k, g)->persons;
                    size_t i = ((size_t)sp * (size_t)w.s.nks + (size_t)a) * (size_t)w.s.ng + (size_t)g;
                    if (v > 0 && v < 5) w.s.bits[f][i >> 3] |= (uint8_t)(1u << (i & 7));
                }
    }
    int checked = 0;
    quiet = 1;
    int pinned = attack(&w, SDC_LEVEL, -1, &checked);
    quiet = 0;
    assert_true(pinned > 0);
    world_free(&w);
}

static void test_hard_panels(void **state)
{
    (void)state;
    /* cluster 1 whole, and four municipalities of cluster 2 */
    static const int kom[] = {101, 147, 461, 561, 751, 851, 151, 153, 157, 159};
    static const char *const grp[] = {"kontanthjaelp", "dagpenge", "revalidering", "ledighedsydelse"};
    int full = getenv("STYR_SDC_FULL") != NULL;
    if (full) sample = 1;
    for (uint64_t seed = 1; seed <= (full ? 6u : 2u); seed++) {
        char *persons, *csv = hard_panel(seed, kom, 10, grp, 4, &persons);
        char name[32];
        snprintf(name, sizeof name, "hard%llu.ws", (unsigned long long)seed);
        const char *ws = load_panel(name, csv, persons);
        free(csv), free(persons);
        world w;
        world_load(&w, ws);
        int checked = 0, pinned = 0;
        pinned += attack_all(&w, -1, &checked);
        pinned += attack_all(&w, w.codes->kom_idx[461], &checked);
        if (full) pinned += attack_all(&w, w.codes->kom_idx[151], &checked);
        int ochecked = 0;
        pinned += attack_offers(ws, -1, &ochecked) + attack_offers(ws, w.codes->kom_idx[461], &ochecked);
        fprintf(stderr, "seed %llu: %d hidden offer cells bounded\n", (unsigned long long)seed, ochecked);
        fprintf(stderr, "seed %llu: %d suppressed cells bounded, %d pinned\n", (unsigned long long)seed, checked, pinned);
        assert_int_equal(pinned, 0);
        world_free(&w);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attacker_finds_primary_only),
        cmocka_unit_test(test_three_persons),
        cmocka_unit_test(test_hard_panels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
