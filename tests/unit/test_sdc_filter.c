/* test_sdc_filter: discretion for target groups (calc/sdc_filter.c) against an
 * attacker who reads every category's table and the unfiltered one.
 *
 * The attacker takes every published count of the unfiltered table and of
 * each category's table as an exact equation over the unknown base cells
 * (category x week or month x municipality x group; the unfiltered table is
 * the sum over the categories, the unpublished complement included), and
 * bounds every suppressed cell of every table by linear programming over
 * non-negative base cells (GLPK), as test_sdc.c does for one table. A cell
 * whose bounds meet is pinned: the test fails. */
#include "harness.h"

#include <glpk.h>
#include <math.h>
#include <time.h>

#include "calc/engine.h"
#include "calc/filter.h"
#include "calc/query.h"
#include "calc/sdc.h"
#include "core/week.h"

#define HDR "person;uge;kommune;ydelse;tilbud;timer;visitation;enhed\n"

typedef struct fworld {
    styr_sdc total, pat[STYR_SDC_MAXCAT];
    styr_filter cat[STYR_SDC_MAXCAT];
    int ncat, rest;             /* rest: the complement is a category (unge, flygtninge, units) */
    styr_cube tcube, cube[STYR_SDC_MAXCAT];
    const styr_codes *codes;
    int W0, W1, nmonth, *mfirst, *mlast;
} fworld;

static const styr_codes *part_codes;
static int add_groups(int fam) { return fam == SDC_LEVEL || fam == SDC_YOUNG; }
static int part_of(int fam, int g, int h)
{
    if (!add_groups(fam)) return h == g;
    if (h == 0 || part_codes->yd_is_union[h]) return 0;
    return h == g || (g == 0 && part_codes->yd_public[h]) || (g > 0 && part_codes->yd_union[h] == g);
}
static int by_month(int fam) { return fam != SDC_LEVEL && fam != SDC_YOUNG && fam != SDC_LONG; }

static double measure(int fam, const styr_cell *c)
{
    switch (fam) {
    case SDC_LEVEL: return c->weeks;
    case SDC_YOUNG: return c->y_weeks;
    case SDC_STARTED: return c->started;
    case SDC_ENDED: return c->ended;
    case SDC_LONG: return c->inprog;
    default: {
        const uint32_t *st = c->status[fam - SDC_H4];
        return st[STYR_ST_JOB] + st[STYR_ST_SELV] + st[STYR_ST_YDELSE];
    }
    }
}

/* Table t: -1 the unfiltered, else category t; t == ncat the rest (total
 * minus the categories). */
static double cellv(const fworld *w, int t, int fam, int sp, int k, int g)
{
    if (t < 0) return measure(fam, styr_cube_at(&w->tcube, sp, k, g));
    if (t < w->ncat) return measure(fam, styr_cube_at(&w->cube[t], sp, k, g));
    double v = measure(fam, styr_cube_at(&w->tcube, sp, k, g));
    for (int c = 0; c < w->ncat; c++) v -= measure(fam, styr_cube_at(&w->cube[c], sp, k, g));
    return v;
}

static double truth(const fworld *w, int t, int fam, int sp, int a, int g)
{
    const styr_sdc *s = &w->total;
    if (a <= s->nkom) return cellv(w, t, fam, sp, a, g);
    double v = 0;
    int year = styr_week_year(s->last[sp]);
    for (int k = 0; k < s->nkom; k++)
        if (styr_sdc_cluster_area(s, year, k) == a) v += cellv(w, t, fam, sp, k, g);
    return v;
}

static int atoms(const fworld *w, int fam, int sp, int *out)
{
    const styr_sdc *s = &w->total;
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

static int in_area(const fworld *w, int sp, int a, int k)
{
    const styr_sdc *s = &w->total;
    if (a < s->nkom) return a == k;
    if (a == s->nkom) return 1;
    return styr_sdc_cluster_area(s, styr_week_year(s->last[sp]), k) == a;
}

static const styr_sdc *pattern(const fworld *w, int t) { return t < 0 ? &w->total : &w->pat[t]; }

/* Attack family fam over every table; returns the pinned cells (printed
 * unless quiet). */
static int quiet;
static int attack(fworld *w, int fam, int *checked)
{
    const styr_sdc *s = &w->total;
    const int natom = by_month(fam) ? w->nmonth : w->W1 - w->W0 + 1;
    const int g0 = add_groups(fam) ? 1 : 0, ngb = s->ng, nc = w->ncat + w->rest;
    part_codes = w->codes;
    size_t nv = (size_t)nc * (size_t)natom * (size_t)s->nkom * (size_t)ngb;
    int *col = calloc(nv, sizeof *col);
    int *at = malloc((size_t)(natom + 1) * sizeof *at);
#define VAR(c, a, k, g) col[(((size_t)(c) * (size_t)natom + (size_t)(a)) * (size_t)s->nkom + (size_t)(k)) * (size_t)ngb + (size_t)(g)]
    typedef struct eq { int t, sp, a, g; double v; } eq;
    size_t neq = 0, cap = 1024;
    eq *eqs = malloc(cap * sizeof *eqs);
    for (int t = -1; t < w->ncat; t++)
        for (int sp = 0; sp < s->nspan; sp++) {
            if (atoms(w, fam, sp, at) < 0) continue;
            for (int a = 0; a < s->nks; a++)
                for (int g = 0; g < s->ng; g++) {
                    if (styr_sdc_suppressed(pattern(w, t), (styr_sdc_fam)fam, sp, a, g)) continue;
                    if (neq == cap) eqs = realloc(eqs, (cap *= 2) * sizeof *eqs);
                    eqs[neq++] = (eq){t, sp, a, g, truth(w, t, fam, sp, a, g)};
                }
        }
    /* a published zero makes every base cell in it zero */
    for (size_t e = 0; e < neq; e++) {
        if (eqs[e].v != 0) continue;
        int na = atoms(w, fam, eqs[e].sp, at);
        for (int c = 0; c < nc; c++) {
            if (eqs[e].t >= 0 && c != eqs[e].t) continue;
            for (int k = 0; k < s->nkom; k++) {
                if (!in_area(w, eqs[e].sp, eqs[e].a, k)) continue;
                for (int i = 0; i < na; i++)
                    for (int g = g0; g < ngb; g++)
                        if (part_of(fam, eqs[e].g, g)) VAR(c, at[i], k, g) = -1;
            }
        }
    }
    int ncol = 0;
    for (size_t i = 0; i < nv; i++)
        if (col[i] == 0) col[i] = ++ncol;
    int pinned = 0;
    if (!ncol) goto out;
    glp_prob *lp = glp_create_prob();
    glp_add_cols(lp, ncol);
    for (int j = 1; j <= ncol; j++) glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
    int *ind = malloc(((size_t)ncol + 1) * sizeof *ind);
    double *val = malloc(((size_t)ncol + 1) * sizeof *val);
    char *mark = calloc((size_t)ncol + 1, 1);
    for (size_t e = 0; e < neq; e++) {
        if (eqs[e].v == 0) continue;
        int na = atoms(w, fam, eqs[e].sp, at), len = 0;
        for (int c = 0; c < nc; c++) {
            if (eqs[e].t >= 0 && c != eqs[e].t) continue;
            for (int k = 0; k < s->nkom; k++) {
                if (!in_area(w, eqs[e].sp, eqs[e].a, k)) continue;
                for (int i = 0; i < na; i++)
                    for (int g = g0; g < ngb; g++)
                        if (part_of(fam, eqs[e].g, g)) {
                            int x = VAR(c, at[i], k, g);
                            if (x > 0 && !mark[x]) mark[x] = 1, ind[++len] = x, val[len] = 1;
                        }
            }
        }
        for (int i = 1; i <= len; i++) mark[ind[i]] = 0;
        assert_true(len > 0);
        int r = glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, r, GLP_FX, eqs[e].v, eqs[e].v);
        glp_set_mat_row(lp, r, len, ind, val);
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    for (int t = -1; t < w->ncat; t++)
        for (int sp = 0; sp < s->nspan; sp++) {
            int na = atoms(w, fam, sp, at);
            /* of the single weeks every sixth (langvarige: none; a week's is its month's) */
            if (na < 0 || (s->first[sp] == s->last[sp] && (s->first[sp] % 6 || fam == SDC_LONG))) continue;
            if (fam == SDC_LONG && sp % 3) continue; /* langvarige: every third span (its LP is the slowest) */
            for (int k = 0; k < s->nkom; k++)
                for (int g = 0; g < s->ng; g++) {
                    if (!styr_sdc_suppressed(pattern(w, t), (styr_sdc_fam)fam, sp, k, g)) continue;
                    double v = truth(w, t, fam, sp, k, g);
                    if (v == 0) continue;
                    for (int j = 1; j <= ncol; j++) glp_set_obj_coef(lp, j, 0);
                    for (int c = 0; c < nc; c++) {
                        if (t >= 0 && c != t) continue;
                        for (int i = 0; i < na; i++)
                            for (int h = g0; h < ngb; h++)
                                if (part_of(fam, g, h) && VAR(c, at[i], k, h) > 0) glp_set_obj_coef(lp, VAR(c, at[i], k, h), 1);
                    }
                    glp_set_obj_dir(lp, GLP_MIN);
                    assert_int_equal(glp_simplex(lp, &parm), 0);
                    assert_int_equal(glp_get_status(lp), GLP_OPT);
                    double lo = glp_get_obj_val(lp);
                    glp_set_obj_dir(lp, GLP_MAX);
                    int rc = glp_simplex(lp, &parm);
                    double hi = rc == 0 && glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : INFINITY;
                    (*checked)++;
                    if (ceil(lo - 1e-6) >= floor(hi + 1e-6)) {
                        pinned++;
                        if (!quiet) fprintf(stderr, "pinned: table %d, family %d, weeks %d-%d, kommune %d, group %d: %g in [%g, %g]\n", t,
                                fam, s->first[sp], s->last[sp], w->codes->dict.kom[k], g, v, lo, hi);
                    }
                }
        }
    glp_delete_prob(lp);
    free(ind), free(val), free(mark);
out:
    free(col), free(at), free(eqs);
#undef VAR
    return pinned;
}

static void run_cube(const styr_panel *p, const styr_codes *codes, const styr_pset *ps, const styr_filter *f, styr_cube *out)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_engine_opts eo = {.threads = 1, .filter = f};
    assert_int_equal(styr_engine_run(p, codes, ps, &eo, out, &d), STYR_OK);
    styr_diags_free(&d);
}

/* The dimension f chooses: its patterns, and every table's cube. */
static void fworld_load(fworld *w, const char *wsdir, const styr_filter *f)
{
    memset(w, 0, sizeof *w);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_READ, &ws, &d), STYR_OK);
    assert_int_equal(styr_sdc_build_dimension(ws, 1, f, w->cat, w->pat, &w->ncat, &d), STYR_OK);
    assert_int_equal(styr_sdc_build(ws, 1, &w->total, &d), STYR_OK);
    w->rest = f->unge || f->flygtninge || f->nenh;
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(ws, &p, &d), STYR_OK);
    w->codes = styr_ws_codes(ws);
    styr_period *per;
    int n = styr_sdc_universe(styr_panel_week_min(p), styr_panel_week_max(p), &per);
    styr_period *one = calloc((size_t)w->total.nspan, sizeof *one);
    w->mfirst = malloc((size_t)n * sizeof(int));
    w->mlast = malloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++) {
        int sp = styr_sdc_span(&w->total, per[i].first, per[i].last);
        assert_true(sp >= 0);
        one[sp] = per[i];
        if (per[i].kind == STYR_P_MONTH) w->mfirst[w->nmonth] = per[i].first, w->mlast[w->nmonth++] = per[i].last;
    }
    styr_pset ps;
    assert_int_equal(styr_pset_build(&ps, one, w->total.nspan, &d), STYR_OK);
    run_cube(p, w->codes, &ps, NULL, &w->tcube);
    for (int c = 0; c < w->ncat; c++) run_cube(p, w->codes, &ps, &w->cat[c], &w->cube[c]);
    w->W0 = w->total.first[0], w->W1 = w->total.last[0];
    for (int i = 0; i < w->total.nspan; i++) {
        if (w->total.first[i] < w->W0) w->W0 = w->total.first[i];
        if (w->total.last[i] > w->W1) w->W1 = w->total.last[i];
    }
    styr_codes *copy = malloc(sizeof *copy);
    *copy = *w->codes;
    w->codes = copy;
    styr_pset_free(&ps);
    free(per), free(one);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

static void fworld_free(fworld *w)
{
    styr_sdc_free(&w->total);
    styr_cube_free(&w->tcube);
    for (int c = 0; c < w->ncat; c++) styr_sdc_free(&w->pat[c]), styr_cube_free(&w->cube[c]);
    free((void *)w->codes);
    free(w->mfirst), free(w->mlast);
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

static int group_ix(const styr_codes *codes, const char *key)
{
    for (int g = 1; g < codes->dict.nyd; g++)
        if (!strcmp(styr_group_key(codes, g), key)) return g;
    return -1;
}

static int vis_ix(const fworld *w, int v)
{
    for (int c = 0; c < w->ncat; c++)
        if (w->cat[c].vis == 1u << v) return c;
    return -1;
}

/* København's kontanthjælp in 2024: 3 aktivitetsparate and 12 jobparate
 * persons all year (15 in all, published); other municipalities larger. */
static char *kh_panel(void)
{
    size_t cap = 1 << 20, n = 0;
    char *t = malloc(cap);
    n += (size_t)snprintf(t + n, cap - n, HDR);
    static const int kom[] = {101, 147, 461, 561, 751, 851};
    int id = 0;
    for (int p = 0; p < 15; p++, id++)
        for (int w = 1; w <= 52; w++)
            n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;101;kontanthjaelp;;;%s;\n", id, w,
                                  p < 3 ? "aktivitetsparat" : "jobparat");
    for (int i = 1; i < 6; i++)
        for (int p = 0; p < 20 + i; p++, id++)
            for (int w = 1; w <= 52; w++)
                n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;%d;kontanthjaelp;;;%s;\n", id, w, kom[i],
                                      p % 3 ? "jobparat" : "aktivitetsparat");
    for (int i = 0; i < 6; i++)
        for (int p = 0; p < 12; p++, id++)
            for (int w = 1 + p; w <= 40; w++)
                n += (size_t)snprintf(t + n, cap - n, "K%d;2024-W%02d;%d;dagpenge;;;%s;\n", id, w, kom[i],
                                      p % 2 ? "jobparat" : "aktivitetsparat");
    return t;
}

/* A category's cell of 1-4 persons is hidden with its partner's; the
 * unfiltered cell stays as it was; each table adds up to the unfiltered one. */
static void test_primary_and_partner(void **state)
{
    (void)state;
    char *csv = kh_panel();
    const char *ws = load_panel("kh.ws", csv, NULL);
    free(csv);
    fworld w;
    styr_filter f = {.vis = 1u << STYR_VIS_AKTIVITETSPARAT};
    fworld_load(&w, ws, &f);
    assert_int_equal(w.ncat, STYR_NVIS);
    int k101 = w.codes->kom_idx[101], kh = group_ix(w.codes, "kontanthjaelp");
    int sp = styr_sdc_span(&w.total, styr_week_from_iso(2024, 1), styr_week_from_iso(2024, 52));
    int akt = vis_ix(&w, STYR_VIS_AKTIVITETSPARAT), job = vis_ix(&w, STYR_VIS_JOBPARAT);
    assert_true(sp >= 0 && kh > 0 && akt >= 0 && job >= 0);
    assert_int_equal(styr_cube_at(&w.cube[akt], sp, k101, kh)->persons, 3);
    assert_int_equal(styr_cube_at(&w.cube[job], sp, k101, kh)->persons, 12);
    assert_int_equal(styr_cube_at(&w.tcube, sp, k101, kh)->persons, 15);
    assert_true(styr_sdc_suppressed(&w.pat[akt], SDC_LEVEL, sp, k101, kh));
    /* the partner (uoplyst holds nobody, so jobparat) hides with it; the total stays */
    assert_false(styr_sdc_suppressed(&w.total, SDC_LEVEL, sp, k101, kh));
    assert_true(styr_sdc_suppressed(&w.pat[job], SDC_LEVEL, sp, k101, kh));
    for (int c = 0; c < w.ncat; c++) /* the others hold nobody: published as 0 */
        if (c != akt && c != job) assert_false(styr_sdc_suppressed(&w.pat[c], SDC_LEVEL, sp, k101, kh));
    /* the categories partition the weeks: every additive count adds up */
    for (int s2 = 0; s2 < w.total.nspan; s2++)
        for (int k = 0; k <= w.total.nkom; k++)
            for (int g = 0; g < w.total.ng; g++) {
                const styr_cell *t = styr_cube_at(&w.tcube, s2, k, g);
                uint32_t wk = 0, st = 0, en = 0, ip = 0, yw = 0;
                for (int c = 0; c < w.ncat; c++) {
                    const styr_cell *x = styr_cube_at(&w.cube[c], s2, k, g);
                    wk += x->weeks, st += x->started, en += x->ended, ip += x->inprog, yw += x->y_weeks;
                }
                assert_int_equal(wk, t->weeks);
                assert_int_equal(st, t->started);
                assert_int_equal(en, t->ended);
                assert_int_equal(ip, t->inprog);
                assert_int_equal(yw, t->y_weeks);
            }
    fworld_free(&w);
}

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33) % n;
}

/* Small groups in small municipalities (as test_sdc.c's hard panels), each
 * spell jobparat or aktivitetsparat, persons young or older. */
static char *hard_panel(uint64_t seed, char **persons)
{
    static const int kom[] = {101, 147, 461, 561, 751};
    static const char *const grp[] = {"kontanthjaelp", "dagpenge"};
    rng_state = seed;
    size_t cap = 1 << 20, n = 0, pcap = 1 << 16, pn = 0;
    char *t = malloc(cap), *pt = malloc(pcap);
    n += (size_t)snprintf(t + n, cap - n, HDR);
    pn += (size_t)snprintf(pt + pn, pcap - pn, "person;foedt;koen\n");
    int id = 0;
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 2; j++) {
            int np = 2 + (int)rnd(8);
            for (int p = 0; p < np; p++, id++) {
                pn += (size_t)snprintf(pt + pn, pcap - pn, "P%d;%d;%c\n", id, rnd(2) ? 1960 + (int)rnd(30) : 1996 + (int)rnd(8),
                                       rnd(2) ? 'M' : 'K');
                int start = 1 + (int)rnd(14), len = 2 + (int)rnd(10);
                const char *vis = rnd(3) ? "jobparat" : "aktivitetsparat";
                for (int w = start; w < start + len && w <= 52; w++)
                    n += (size_t)snprintf(t + n, cap - n, "P%d;2024-W%02d;%d;%s;;;%s;\n", id, w, kom[i], grp[j], vis);
                int after = start + len + (int)rnd(3);
                if (rnd(2) && after + 4 <= 26)
                    for (int w = after; w <= 26; w++)
                        n += (size_t)snprintf(t + n, cap - n, "P%d;2024-W%02d;%d;;;%d;;\n", id, w, kom[i], 20 + (int)rnd(17));
            }
        }
    *persons = pt;
    return t;
}

static void attack_dimension(const char *ws, const styr_filter *f, const char *what)
{
    fworld w;
    fworld_load(&w, ws, f);
    int checked = 0, pinned = 0;
    for (int fam = 0; fam < SDC_MONEY; fam++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int c0 = checked;
        pinned += attack(&w, fam, &checked);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        fprintf(stderr, "  family %d: %d cells, %.1f s\n", fam, checked - c0, (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
    }
    fprintf(stderr, "%s: %d suppressed cells bounded, %d pinned\n", what, checked, pinned);
    assert_int_equal(pinned, 0);
    assert_true(checked > 0);
    fworld_free(&w);
}

static void test_attacker_visitation(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 2; seed++) {
        char *persons, *csv = hard_panel(seed, &persons);
        char name[32];
        snprintf(name, sizeof name, "hardv%llu.ws", (unsigned long long)seed);
        const char *ws = load_panel(name, csv, persons);
        free(csv), free(persons);
        styr_filter f = {.vis = 1u << STYR_VIS_JOBPARAT}, u = {.unge = 1};
        attack_dimension(ws, seed == 1 ? &f : &u, seed == 1 ? "visitation" : "unge");
    }
}

/* The attacker is worth its salt: with only the primary cells hidden in the
 * categories (and the unfiltered pattern as it is), it pins young persons'
 * weeks from the unfiltered table minus the older ones. */
static void test_attacker_finds_primary_only(void **state)
{
    (void)state;
    char *persons, *csv = hard_panel(2, &persons);
    const char *ws = load_panel("hardp.ws", csv, persons);
    free(csv), free(persons);
    fworld w;
    styr_filter u = {.unge = 1};
    fworld_load(&w, ws, &u);
    styr_sdc *s = &w.pat[0];
    size_t n = (size_t)s->nspan * (size_t)s->nks * (size_t)s->ng;
    memset(s->bits[SDC_LEVEL], 0, (n + 7) / 8);
    for (int sp = 0; sp < s->nspan; sp++)
        for (int a = 0; a < s->nks; a++)
            for (int g = 0; g < s->ng; g++) {
                double v = 0;
                if (a <= s->nkom) v = styr_cube_at(&w.cube[0], sp, a, g)->persons;
                else
                    for (int k = 0; k < s->nkom; k++)
                        if (styr_sdc_cluster_area(s, styr_week_year(s->last[sp]), k) == a) v += styr_cube_at(&w.cube[0], sp, k, g)->persons;
                size_t i = ((size_t)sp * (size_t)s->nks + (size_t)a) * (size_t)s->ng + (size_t)g;
                if (v > 0 && v < 5) s->bits[SDC_LEVEL][i >> 3] |= (uint8_t)(1u << (i & 7));
            }
    int checked = 0;
    quiet = 1;
    int pinned = attack(&w, SDC_LEVEL, &checked);
    quiet = 0;
    fprintf(stderr, "primary only: %d of %d pinned\n", pinned, checked);
    assert_true(pinned > 0);
    fworld_free(&w);
}

/* A union of one dimension's values is hidden where a part is; it and its
 * parts are stored under their keys; a filter across dimensions has every cell hidden. */
static void test_union_store_and_refusal(void **state)
{
    (void)state;
    char *csv = kh_panel();
    const char *wsdir = load_panel("khu.ws", csv, NULL);
    free(csv);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    styr_filter fa = {.vis = 1u << STYR_VIS_AKTIVITETSPARAT}, fj = {.vis = 1u << STYR_VIS_JOBPARAT};
    styr_filter fu = {.vis = fa.vis | fj.vis}, fx = {.vis = fa.vis, .unge = 1};
    styr_sdc a, j, u, again;
    int built;
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fa, &a, &built, &d), STYR_OK);
    assert_int_equal(built, 1);
    assert_int_equal(styr_sdc_save_filtered(ws, &fa, &a, &d), STYR_OK);
    /* the dimension was built whole and stored with it: jobparat is read, not built again */
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fj, &j, &built, &d), STYR_OK);
    assert_int_equal(built, 0);
    /* both parts stored: the union is read from them */
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fu, &u, &built, &d), STYR_OK);
    assert_int_equal(built, 0);
    size_t n = (size_t)u.nspan * (size_t)u.nks * (size_t)u.ng;
    int extra = 0;
    for (int f = 0; f < SDC_NFAM; f++)
        for (size_t i = 0; i < n; i++) {
            int sa = a.bits[f][i >> 3] >> (i & 7) & 1, sj = j.bits[f][i >> 3] >> (i & 7) & 1, su = u.bits[f][i >> 3] >> (i & 7) & 1;
            assert_int_equal(su, sa | sj);
            extra += su && !sa;
        }
    (void)extra;
    /* 15 persons, yet hidden: a part is (aktivitetsparate, 3 persons) */
    int sp = styr_sdc_span(&u, styr_week_from_iso(2024, 1), styr_week_from_iso(2024, 52));
    const styr_codes *codes = styr_ws_codes(ws);
    assert_true(styr_sdc_suppressed(&u, SDC_LEVEL, sp, codes->kom_idx[101], group_ix(codes, "kontanthjaelp")));
    /* stored, the pattern reads back the same; the unfiltered one is kept beside it */
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fa, &again, &built, &d), STYR_OK);
    assert_int_equal(built, 0);
    assert_memory_equal(again.bits[SDC_LEVEL], a.bits[SDC_LEVEL], (n + 7) / 8);
    styr_sdc_free(&again);
    styr_sdc t;
    assert_int_equal(styr_sdc_get(ws, 1, &t, &built, &d), STYR_OK);
    assert_int_equal(styr_sdc_save(ws, &t, &d), STYR_OK);
    styr_sdc_free(&t);
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fa, &again, &built, &d), STYR_OK);
    assert_int_equal(built, 0);
    styr_sdc_free(&again);
    /* across dimensions: every cell hidden (only the own municipality sees them, --intern) */
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fx, &again, &built, &d), STYR_OK);
    assert_int_equal(built, 0);
    for (int si = 0; si < again.nspan; si++)
        for (int k = 0; k < again.nks; k++)
            for (int g = 0; g < again.ng; g++)
                for (int fam = 0; fam < SDC_NFAM; fam++) assert_true(styr_sdc_suppressed(&again, (styr_sdc_fam)fam, si, k, g));
    styr_sdc_free(&again);
    styr_sdc_free(&a), styr_sdc_free(&j), styr_sdc_free(&u);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

/* A catalog from before filtered patterns (no key column) is moved to the new
 * table when a pattern is stored; its unfiltered pattern stays readable. */
static void test_migration(void **state)
{
    (void)state;
    char *csv = kh_panel();
    const char *wsdir = load_panel("khm.ws", csv, NULL);
    free(csv);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    styr_sdc t, back;
    int built;
    assert_int_equal(styr_sdc_build(ws, 1, &t, &d), STYR_OK);
    unsigned char *buf;
    size_t len;
    styr_sdc_pack(&t, &buf, &len);
    sqlite3 *db = styr_ws_db(ws);
    assert_int_equal(sqlite3_exec(db, "DROP TABLE IF EXISTS diskretion; CREATE TABLE diskretion(panel_checksum TEXT PRIMARY KEY, data BLOB NOT NULL)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO diskretion VALUES(?, ?)", -1, &st, NULL), SQLITE_OK);
    char hex[17];
    styr_hex64(t.panel_checksum, hex);
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob64(st, 2, buf, len, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    free(buf);
    assert_int_equal(styr_sdc_get(ws, 1, &back, &built, &d), STYR_OK); /* the old table is read */
    assert_int_equal(built, 0);
    styr_sdc_free(&back);
    styr_filter fa = {.vis = 1u << STYR_VIS_AKTIVITETSPARAT};
    styr_sdc a;
    assert_int_equal(styr_sdc_get_filtered(ws, 1, &fa, &a, &built, &d), STYR_OK);
    assert_int_equal(styr_sdc_save_filtered(ws, &fa, &a, &d), STYR_OK);
    assert_int_equal(styr_sdc_get(ws, 1, &back, &built, &d), STYR_OK); /* moved, still there */
    assert_int_equal(built, 0);
    size_t n = ((size_t)t.nspan * (size_t)t.nks * (size_t)t.ng + 7) / 8;
    assert_memory_equal(back.bits[SDC_LEVEL], t.bits[SDC_LEVEL], n);
    styr_sdc_free(&back), styr_sdc_free(&a), styr_sdc_free(&t);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

/* STYR_SDC_FILTER_WS=DIR: the time of every dimension's joint pattern on a
 * workspace (bench; not a test). */
static void test_measure(void **state)
{
    (void)state;
    const char *dir = getenv("STYR_SDC_FILTER_WS");
    if (!dir) return;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(dir, STYR_WS_READ, &ws, &d), STYR_OK);
    styr_sdc t;
    assert_int_equal(styr_sdc_build(ws, 0, &t, &d), STYR_OK);
    fprintf(stderr, "unfiltered: %.1f s; level by year: %llu cells with persons, %llu primary, %llu suppressed\n", t.stats.seconds,
            (unsigned long long)t.stats.nonzero[SDC_LEVEL][STYR_P_YEAR], (unsigned long long)t.stats.primary[SDC_LEVEL][STYR_P_YEAR],
            (unsigned long long)t.stats.suppressed[SDC_LEVEL][STYR_P_YEAR]);
    styr_sdc_free(&t);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(ws, &p, &d), STYR_OK);
    styr_filter fs[5] = {{.vis = 2}, {.unge = 1}, {.flygtninge = 1}, {.opr = 2}, {.nenh = 1, .enh = {1}}};
    const char *names[5] = {"visitation", "unge", "flygtninge", "oprindelse", "enhed"};
    for (int i = 0; i < 5; i++) {
        if (i == 4 && styr_panel_cols(p)->nenh < 2) continue;
        static styr_filter cats[STYR_SDC_MAXCAT];
        static styr_sdc out[STYR_SDC_MAXCAT];
        int n = 0;
        styr_rc rc = styr_sdc_build_dimension(ws, 0, &fs[i], cats, out, &n, &d);
        if (rc) {
            fprintf(stderr, "%s: rc %d %s\n", names[i], rc, d.sys);
            continue;
        }
        uint64_t prim = 0, supp = 0, nz = 0;
        for (int c = 0; c < n; c++) {
            prim += out[c].stats.primary[SDC_LEVEL][STYR_P_YEAR];
            supp += out[c].stats.suppressed[SDC_LEVEL][STYR_P_YEAR];
            nz += out[c].stats.nonzero[SDC_LEVEL][STYR_P_YEAR];
        }
        fprintf(stderr, "%s: %d categories, %.1f s; level by year: %llu cells with persons, %llu primary, %llu suppressed\n",
                names[i], n, out[0].stats.seconds, (unsigned long long)nz, (unsigned long long)prim, (unsigned long long)supp);
        for (int c = 0; c < n; c++) {
            if (getenv("STYR_SDC_FILTER_VERBOSE"))
                fprintf(stderr, "  %d: fallbacks %llu; by year %llu with persons, %llu primary, %llu suppressed\n", c,
                        (unsigned long long)out[c].stats.fallbacks[SDC_LEVEL], (unsigned long long)out[c].stats.nonzero[SDC_LEVEL][STYR_P_YEAR],
                        (unsigned long long)out[c].stats.primary[SDC_LEVEL][STYR_P_YEAR],
                        (unsigned long long)out[c].stats.suppressed[SDC_LEVEL][STYR_P_YEAR]);
            styr_sdc_free(&out[c]);
        }
    }
    styr_ws_close(ws);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_primary_and_partner),
        cmocka_unit_test(test_union_store_and_refusal),
        cmocka_unit_test(test_migration),
        cmocka_unit_test(test_attacker_finds_primary_only),
        cmocka_unit_test(test_attacker_visitation),
        cmocka_unit_test(test_measure),
    };
    if (getenv("STYR_SDC_FILTER_WS")) cmocka_set_test_filter("test_measure");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
