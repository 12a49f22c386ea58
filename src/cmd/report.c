/* styr report: the follow-up report a committee reads, as one HTML file
 * (and --xlsx, --pdf). Gathers the model of out/report.h from the workspace in
 * one pass over the stored counts. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../calc/flows.h"
#include "../calc/offers.h"
#include "../calc/pubfig.h"
#include "../out/report.h"
#include "../out/report_progression.h"
#include "reportmaal.h"
#include "../calc/y30r21.h"
#include "benchctx.h"
#include "budgetrun.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr report [-w ARBEJDSOMRÅDE] [--kommune K] [--periode P] [-o FIL.html] [--xlsx FIL.xlsx]\n"
    "                  [--pdf FIL.pdf] [--intern] [--effekt]\n"
    "\n"
    "Opfølgning på beskæftigelsesindsatsen i kommunen som én selvstændig HTML-fil (inline\n"
    "SVG, ingen eksterne forespørgsler, udskrives på A4): nøgletal mod klyngen, profilen i\n"
    "ord, klyngefigurer for hvert nøgletal, udviklingen over årene og måned for måned\n"
    "(de seneste 24 måneder mod året før, år til dato mod sidste år), scorecards,\n"
    "resultatmål, budgetopfølgning (når der er et budget for året; til og med\n"
    "periodens sidste måned), økonomi efter refusion og et bilag med definitioner.\n"
    "Bygger tallene på syntetiske eller illustrative data, siger rapporten det.\n"
    "\n"
    "  -o FIL       HTML-filen (standard: standard output)\n"
    "  --xlsx FIL   de samme tabeller som regneark\n"
    "  --pdf FIL    udskriv rapporten som PDF med Chromium (headless), når det er installeret\n"
    "  --effekt     tilføj afsnittet om tilbud og deres effekt (rå tal og et matchet skøn;\n"
    "               et ekstra gennemløb af panelet)\n"
    "  --maalgrupper  tilføj afsnittet om partnerskabets tre målgrupper (unge, aktivitetsparate,\n"
    "               flygtninge) mod klyngen; første gang beregnes og gemmes hver målgruppes\n"
    "               diskretionsmønster, hvilket tager tid\n"
    "  --klynge forventet  sammenlign med de 10 kommuner, hvis forventede andel ligger\n"
    "               nærmest (jobindsats Y30R21) i stedet for klyngen\n"
    "Har arbejdsområdet tal fra jobindsats Y30R21, viser rapporten kommunens placering på\n"
    "STAR's benchmarkrangliste (forventet mod faktisk) i hver indlæst periode.\n";
static const char help_en[] =
    "Usage: styr report [-w WORKSPACE] [--kommune K] [--periode P] [-o FILE.html] [--xlsx FILE.xlsx]\n"
    "                   [--pdf FILE.pdf] [--intern] [--effekt]\n"
    "\n"
    "The follow-up on the municipality's employment effort as one self-contained HTML file\n"
    "(inline SVG, no external requests, prints on A4): key figures against the cluster,\n"
    "the profile in words, cluster charts for each key figure, development over the\n"
    "years and month by month (the last 24 months against the year before, the year to\n"
    "date against last year's), scorecards, result goals, budget follow-up (when there is\n"
    "a budget for the year; to the period's last month), money after refusion and an\n"
    "appendix of definitions. A report on synthetic or illustrative data says so.\n"
    "\n"
    "  -o FILE      the HTML file (default: standard output)\n"
    "  --xlsx FILE  the same tables as a workbook\n"
    "  --pdf FILE   print the report to PDF with headless Chromium, when installed\n"
    "  --effekt     add the section on offers and their effect (raw figures and a matched\n"
    "               estimate; one more pass over the panel)\n"
    "  --maalgrupper  add the section on the partnership's three target groups (young,\n"
    "               activity-ready, refugees) against the cluster; the first time, each target\n"
    "               group's discretion pattern is computed and stored, which takes time\n"
    "  --klynge forventet  compare with the 10 municipalities whose expected share is\n"
    "               nearest (jobindsats Y30R21) instead of the cluster\n"
    "Where the workspace has figures of jobindsats Y30R21, the report shows the\n"
    "municipality's place on STAR's benchmark list (expected against actual) in each\n"
    "period imported.\n";

/* ---- gathering the model ------------------------------------------------------------------ */

static int group_of(const styr_codes *c, const char *code)
{
    int g = styr_codes_ydelse(c, code, strlen(code));
    return g > 0 ? g : -1;
}

/* ---- sources: published figures standing in for the panel ------------------------------------ */

static int src_add(styr_report *r, const char *k)
{
    if (!k) return 0;
    for (int i = 0; i < r->nkilder; i++)
        if (!strcmp(r->kilder[i], k)) return i + 1;
    if (r->nkilder >= STYR_RP_MAXSRC) return 0;
    r->kilder[r->nkilder++] = k;
    return r->nkilder;
}

static unsigned src_bit(int i) { return i > 0 ? 1u << (i - 1) : 0u; }

/* The source of the municipality's value (0: the panel's, or no data). */
static int src_own(const styr_bctx *x, styr_report *r, const styr_metric *m, int p, int g)
{
    return p < 0 ? 0 : src_add(r, styr_bdata_kilde(&x->b, m, p, x->k, g));
}

/* The sources of the cluster's members' values, as a mask. */
static unsigned src_area(const styr_bctx *x, styr_report *r, const styr_metric *m, int p, int g)
{
    unsigned mask = 0;
    for (int j = 0; p >= 0 && j < x->b.nk; j++)
        if (x->in[j]) mask |= src_bit(src_add(r, styr_bdata_kilde(&x->b, m, p, j, g)));
    return mask;
}

static int first_bit(unsigned mask)
{
    for (int i = 0; i < 32; i++)
        if (mask >> i & 1u) return i + 1;
    return 0;
}

typedef struct sortv { int k; styr_figval v; } sortv;

static int by_value(const void *a, const void *b)
{
    const sortv *x = a, *y = b;
    int ox = x->v.state == STYR_FV_OK, oy = y->v.state == STYR_FV_OK;
    if (ox != oy) return oy - ox;
    if (ox && x->v.v != y->v.v) return (x->v.v > y->v.v) - (x->v.v < y->v.v);
    return x->k - y->k;
}

static void scatter(const styr_bctx *x, styr_report *r, styr_rp_scatter *s, const styr_metric *m, int g)
{
    r->src_charts |= src_area(x, r, m, x->p0, g);
    sortv sv[STYR_MAX_KOMMUNER];
    int n = 0;
    for (int j = 0; j < x->b.nk; j++)
        if (x->in[j]) sv[n] = (sortv){j, styr_bdata_value(&x->b, m, x->p0, j, g)}, n++;
    if (n > 1) qsort(sv, (size_t)n, sizeof *sv, by_value);
    s->def = m->def;
    s->n = n;
    s->own = -1;
    for (int i = 0; i < n; i++) {
        s->labels[i] = x->codes->kom_name[sv[i].k];
        s->v[i] = sv[i].v;
        if (sv[i].k == x->k) s->own = i;
    }
    s->level = styr_bdata_area(&x->b, m, x->p0, x->in, g);
    snprintf(s->id, sizeof s->id, "klynge-%s-%s", m->def->key, styr_group_key(x->codes, g));
    char pw[64];
    snprintf(s->title, sizeof s->title, "%s: %s, %s", styr_group_name(x->codes, g), styr_tr(m->def->da, m->def->en),
             styr_period_words(pw, sizeof pw, &x->per));
}

static void keyrows(const styr_bctx *x, styr_report *r)
{
    static const int figs[RP_NKEY] = {FIG_FULDTIDSPERSONER, FIG_ANDEL, FIG_AKTIVERINGSGRAD, FIG_VARIGHED, FIG_LANGVARIGE,
                                      FIG_JOB_3MDR};
    for (int g = 0; g < x->codes->dict.nyd && r->nkeys < 24; g++) {
        if (g && !x->codes->yd_public[g]) continue;
        styr_rp_keyrow *k = &r->keys[r->nkeys++];
        k->navn = styr_group_name(x->codes, g);
        for (int c = 0; c < RP_NKEY; c++) {
            styr_metric m = {&styr_figdefs[figs[c]], figs[c], -1};
            k->own[c] = styr_bdata_value(&x->b, &m, x->p0, x->k, g);
            k->cl[c] = styr_bdata_area(&x->b, &m, x->p0, x->in, g);
            k->src[c] = (unsigned char)src_own(x, r, &m, x->p0, g);
            unsigned am = k->cl[c].state == STYR_FV_NONE ? 0 : src_area(x, r, &m, x->p0, g);
            k->clsrc[c] = (unsigned char)first_bit(am);
            r->src_keys |= src_bit(k->src[c]) | am;
            if (c == RP_ANDEL) {
                styr_bench bb;
                styr_bench_make(&x->b, &m, x->p0, -1, x->k, g, x->in, &bb);
                k->rank = bb.rank;
                k->nranked = bb.nranked;
            }
        }
    }
}

static void money(const styr_bctx *x, styr_report *r)
{
    const styr_bdata *b = &x->b;
    if (!b->rules) return;
    styr_rp_money *m = &r->money;
    static const int keys[4] = {MONEY_BRUTTO, MONEY_REFUSION, MONEY_NETTO, MONEY_PR_INDB_18_64};
    for (int i = 0; i < 4; i++) {
        styr_metric mt = {&b->mdefs.def[keys[i]], -1, keys[i]};
        m->def[i] = mt.def;
        m->own[i] = styr_bdata_value(b, &mt, x->p0, x->k, 0);
        m->cl[i] = styr_bdata_area(b, &mt, x->p0, x->in, 0);
        if (keys[i] == MONEY_PR_INDB_18_64) {
            styr_bench bb;
            styr_bench_make(b, &mt, x->p0, -1, x->k, 0, x->in, &bb);
            m->pot_level = bb.pot_level;
            m->pot_best = bb.pot_best;
        }
    }
    const styr_rules *rl = b->rules;
    for (int i = 0; i < rl->nsteps && i < 8; i++) {
        styr_metric net = {&b->mdefs.def[MONEY_STEP0 + i], -1, MONEY_STEP0 + i};
        styr_metric wk = {&b->mdefs.def[MONEY_STEP0 + rl->nsteps + i], -1, MONEY_STEP0 + rl->nsteps + i};
        if (rl->step_hi[i] == INT_MAX) snprintf(m->step_label[i], sizeof m->step_label[i], styr_tr("Uge %d-", "Week %d-"), rl->step_lo[i]);
        else snprintf(m->step_label[i], sizeof m->step_label[i], styr_tr("Uge %d-%d", "Weeks %d-%d"), rl->step_lo[i], rl->step_hi[i]);
        m->step_net[i] = styr_bdata_value(b, &net, x->p0, x->k, 0);
        m->step_weeks[i] = styr_bdata_value(b, &wk, x->p0, x->k, 0);
    }
    m->nsteps = rl->nsteps < 8 ? rl->nsteps : 8;
    /* outside the staircase: the total less the steps, so that the rows sum to the total */
    styr_metric fte = {&styr_figdefs[FIG_FULDTIDSPERSONER], FIG_FULDTIDSPERSONER, -1};
    styr_figval f = styr_bdata_value(b, &fte, x->p0, x->k, 0);
    m->tot_net = m->own[2];
    m->tot_weeks = f.state == STYR_FV_OK ? (styr_figval){round(f.v * styr_period_weeks(&x->per)), STYR_FV_OK} : f;
    m->out_net = m->tot_net;
    m->out_weeks = m->tot_weeks;
    for (int i = 0; i < m->nsteps; i++) {
        const styr_figval *pv[2] = {&m->step_net[i], &m->step_weeks[i]};
        styr_figval *ov[2] = {&m->out_net, &m->out_weeks};
        for (int j = 0; j < 2; j++) {
            if (ov[j]->state != STYR_FV_OK) continue;
            if (pv[j]->state == STYR_FV_SUPPRESSED) *ov[j] = (styr_figval){0, STYR_FV_SUPPRESSED};
            else if (pv[j]->state == STYR_FV_OK) ov[j]->v -= pv[j]->v;
        }
    }
    if (m->out_net.state == STYR_FV_OK && fabs(m->out_net.v) < 0.5) m->out_net.v = 0;
    static const styr_msg per[] = {[STYR_P_YEAR] = M_POT_YEAR, [STYR_P_QUARTER] = M_POT_QUARTER,
                                   [STYR_P_MONTH] = M_POT_MONTH, [STYR_P_WEEK] = M_POT_WEEK,
                                   [STYR_P_ROLLING12] = M_POT_YEAR, [STYR_P_YTD] = M_POT_PERIOD};
    m->pot_per = styr_msg_text(per[x->per.kind]);
    m->present = 1;
}

/* Whether any municipality of the cluster has a value of m (not "no data"). */
static int scatter_any(const styr_bctx *x, const styr_metric *m, int g)
{
    for (int j = 0; j < x->b.nk; j++)
        if (x->in[j] && styr_bdata_value(&x->b, m, x->p0, j, g).state != STYR_FV_NONE) return 1;
    return 0;
}

/* The development's lookup: the municipality's value through the benchmark data (discretion applied). */
typedef struct devctx { const styr_bctx *x; styr_metric m; styr_report *r; } devctx;

static styr_figval dev_get(void *ctx, const styr_period *per, int g)
{
    const devctx *c = ctx;
    int pi = styr_bctx_period(c->x, per->name);
    if (pi < 0) return (styr_figval){0, STYR_FV_NONE};
    c->r->src_dev |= src_bit(src_own(c->x, c->r, &c->m, pi, g));
    styr_figval v = styr_bdata_value(&c->x->b, &c->m, pi, c->x->k, g);
    if (v.state != STYR_FV_NONE || per->kind != STYR_P_YTD || !c->x->b.res.any_pub) return v;
    /* the year to date from published months (jobindsats.dk publishes months and years): full-time
     * persons are an average over the weeks, so the months weighted by their weeks give it */
    double acc = 0, w = 0;
    for (int m = 1; m <= per->sub; m++) {
        char s[16];
        snprintf(s, sizeof s, "%dM%02d", per->year, m);
        int mi = styr_bctx_period(c->x, s);
        if (mi < 0 || !styr_bdata_kilde(&c->x->b, &c->m, mi, c->x->k, g)) return v;
        styr_figval mv = styr_bdata_value(&c->x->b, &c->m, mi, c->x->k, g);
        if (mv.state != STYR_FV_OK) return (styr_figval){0, mv.state};
        int wk = styr_period_weeks(&c->x->b.res.ps.p[mi]);
        acc += mv.v * wk, w += wk;
    }
    c->r->dev_ytd_pub = 1;
    return w > 0 ? (styr_figval){acc / w, STYR_FV_OK} : v;
}

static void lead(const styr_bctx *x, styr_report *r)
{
    styr_metric share = {&styr_figdefs[FIG_ANDEL], FIG_ANDEL, -1}, fte = {&styr_figdefs[FIG_FULDTIDSPERSONER], FIG_FULDTIDSPERSONER, -1};
    styr_figval o = styr_bdata_value(&x->b, &share, x->p0, x->k, 0), c = styr_bdata_area(&x->b, &share, x->p0, x->in, 0);
    styr_figval n = styr_bdata_value(&x->b, &fte, x->p0, x->k, 0);
    r->src_lead = src_bit(src_own(x, r, &share, x->p0, 0)) | src_area(x, r, &share, x->p0, 0);
    char a[48], b[48], f[48];
    if (o.state != STYR_FV_OK || n.state != STYR_FV_OK) {
        snprintf(r->lead, sizeof r->lead, "%s", o.state == STYR_FV_SUPPRESSED || n.state == STYR_FV_SUPPRESSED
                                                    ? styr_tr("Andelen på offentlig forsørgelse kan ikke vises (diskretion).",
                                                              "The share on public support cannot be shown (discretion).")
                                                    : styr_tr("Der er ingen data om offentlig forsørgelse for perioden.",
                                                              "There are no data on public support for the period."));
        return;
    }
    char cl[160], pw[64];
    if (c.state == STYR_FV_OK) {
        styr_fig_text(b, sizeof b, share.def, c); /* before styr_sentence_end reads it */
        snprintf(cl, sizeof cl, styr_tr("I klyngen var andelen %s%s", "In the cluster the share was %s%s"), b,
                 styr_sentence_end(b));
    }
    else
        snprintf(cl, sizeof cl, "%s", c.state == STYR_FV_SUPPRESSED
                                          ? styr_tr("Klyngens andel kan ikke vises (diskretion).",
                                                    "The cluster's share cannot be shown (discretion).")
                                          : styr_tr("Klyngens andel kan ikke beregnes.", "The cluster's share cannot be computed."));
    snprintf(r->lead, sizeof r->lead,
             styr_tr("I %s var %s af borgerne 16-66 år i %s Kommune på offentlig forsørgelse. Det svarer til %s "
                     "fuldtidspersoner. %s",
                     "In %s, %s of the citizens aged 16-66 in %s were on public support, or %s full-time recipients. %s"),
             styr_period_words(pw, sizeof pw, &x->per), styr_fig_text(a, sizeof a, share.def, o), x->codes->kom_name[x->k],
             styr_fmt_num(f, sizeof f, n.v, 0), cl);
}

/* The effect section: raw offers of the municipality and its cluster in the
 * period, and the matched estimate at 13 weeks for the country (offers started
 * in the year before the panel's last whole year). One more pass. */
static styr_rc effect_section(const styr_bctx *x, styr_report *r, styr_offers *off, styr_rp_effect **out,
                              styr_period *win, styr_diags *d)
{
    char yb[16];
    snprintf(yb, sizeof yb, "%d", styr_default_year(x->p) - 1);
    styr_period_parse(yb, win);
    styr_cube cube;
    styr_rc rc = styr_offers_compute(x->ws, &x->per, 1, win, 0, 0, off, &cube, d);
    styr_cube_free(&cube);
    if (rc) return rc;
    int cl_of[STYR_MAX_KOMMUNER];
    {
        styr_clusters all;
        if ((rc = styr_cat_clusters(x->ws, styr_period_pop_year(&x->per), &all, d))) return rc;
        for (int k = 0; k < x->b.nk; k++) cl_of[k] = all.of[k];
    }
    int is_year = x->per.kind == STYR_P_YEAR;
    static const char *groups[] = {"dagpenge", "kontanthjaelp", "sygedagpenge"};
    styr_rp_effect *e = styr_xcalloc(3 * (size_t)off->no, sizeof *e);
    styr_effect *by[STYR_NEB];
    for (int s = 0; s < STYR_NEB; s++) by[s] = styr_xmalloc((size_t)off->no * STYR_EH * sizeof *by[s]);
    styr_effect *all = by[STYR_EB_STD];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        int g = group_of(x->codes, groups[i]);
        if (g < 0) continue;
        for (int s = 0; s < STYR_NEB; s++) styr_effect_group(off, g, s, by[s]);
        for (int t = 1; t < off->no; t++) {
            double st = 0, job = 0, meas = 0, cjob = 0, cmeas = 0;
            for (int k = 0; k < x->b.nk; k++)
                for (int a = 0; a < STYR_NAGES; a++) {
                    const styr_offer_cell *c = styr_offer_at(off, 0, k, g, t, a);
                    double m = c->ended - c->status[1][STYR_ST_NOTYET];
                    if (k == x->k) {
                        st += c->started;
                        job += c->status[1][STYR_ST_JOB], meas += m;
                    }
                    if (x->in[k]) cjob += c->status[1][STYR_ST_JOB], cmeas += m;
                }
            styr_effect est = all[t * STYR_EH + 1]; /* 13 weeks */
            if (!st && !est.treated) continue;
            styr_rp_effect *y = &e[n++];
            y->group = styr_group_name(x->codes, g);
            y->offer = styr_offer_name(x->codes, t);
            /* the offer tables' discretion (offers.h); the own municipality exact with --intern */
            int nkc = off->nk - 1, ca = cl_of[x->k] >= 0 ? nkc + 1 + cl_of[x->k] : -1;
            unsigned hk = x->intern ? 0 : styr_offer_hide(off, 0, g, t, x->k, STYR_NAGES, cl_of, is_year),
                     hc = ca >= 0 ? styr_offer_hide(off, 0, g, t, ca, STYR_NAGES, cl_of, is_year) : STYR_OH_ENDED;
            y->started = hk & STYR_OH_STARTED ? (styr_figval){0, STYR_FV_SUPPRESSED} : (styr_figval){st, STYR_FV_OK};
            y->job3 = hk & STYR_OH_ENDED ? (styr_figval){0, STYR_FV_SUPPRESSED}
                    : meas > 0 ? (styr_figval){100 * job / meas, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
            y->cl_job3 = hc & STYR_OH_ENDED ? (styr_figval){0, STYR_FV_SUPPRESSED}
                       : cmeas > 0 ? (styr_figval){100 * cjob / cmeas, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
            y->e = est;
            styr_effect_diag_fill(&y->dg, (const styr_effect *const *)by, t);
            y->hidden = est.matched < STYR_DISCRETION || est.controls < STYR_DISCRETION;
        }
    }
    for (int s = 0; s < STYR_NEB; s++) free(by[s]);
    *out = e;
    r->eff = e;
    r->neff = n;
    r->eff_window = win->name;
    return STYR_OK;
}

/* ---- PDF through headless Chromium --------------------------------------------------------- */

static const char *find_chromium(void)
{
    static const char *names[] = {"chromium", "chromium-browser", "google-chrome", "chrome"};
    static char path[PATH_MAX];
    const char *env = getenv("PATH");
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        for (const char *p = env ? env : "/usr/bin"; *p;) {
            const char *e = strchr(p, ':');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            snprintf(path, sizeof path, "%.*s/%s", (int)n, p, names[i]);
            if (access(path, X_OK) == 0) return path;
            p += n + (e ? 1 : 0);
        }
    }
    return NULL;
}

static int print_pdf(const char *html, const char *pdf)
{
    const char *chrome = find_chromium();
    if (!chrome) {
        fprintf(stderr, "styr report: %s\n",
                styr_tr("--pdf kræver Chromium (apt-get install chromium); HTML-filen er skrevet",
                        "--pdf needs Chromium (apt-get install chromium); the HTML file is written"));
        return STYR_EXIT_USAGE;
    }
    char abs[PATH_MAX], url[PATH_MAX + 16], out[PATH_MAX + 32], tmp[PATH_MAX];
    if (!realpath(html, abs)) return STYR_EXIT_SYSTEM;
    snprintf(url, sizeof url, "file://%s", abs);
    snprintf(tmp, sizeof tmp, "%s.tmp-pdf", pdf);
    snprintf(out, sizeof out, "--print-to-pdf=%s", tmp);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *nul = freopen("/dev/null", "w", stderr);
        (void)nul;
        if (!freopen("/dev/null", "w", stdout)) _exit(127);
        execl(chrome, chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
              "--user-data-dir=/tmp/styr-chromium", out, url, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 || access(tmp, R_OK) != 0 ||
        rename(tmp, pdf) != 0) {
        remove(tmp);
        fprintf(stderr, "styr report: %s\n", styr_tr("Chromium kunne ikke udskrive PDF'en", "Chromium could not print the PDF"));
        return STYR_EXIT_SYSTEM;
    }
    fprintf(stderr, styr_tr("PDF skrevet med %s: %s\n", "PDF written with %s: %s\n"), chrome, pdf);
    return STYR_EXIT_OK;
}

/* The municipality's place on STAR's benchmark list in each Y30R21 period, newest first. */
static styr_rc y30_places(const styr_bctx *x, styr_rp_y30 *y, styr_diags *d)
{
    memset(y, 0, sizeof *y);
    char per[64][16];
    int np = 0;
    styr_rc rc = styr_y30_periods(x->ws, per, 64, &np, d);
    static styr_y30_table t;
    for (int i = np - 1; !rc && i >= 0 && y->n < STYR_RP_Y30MAX; i--) {
        if ((rc = styr_y30_load(x->ws, x->codes, per[i], Y30_I_ALT, &t, d)) || !t.found) continue;
        const styr_y30_row *row = &t.row[x->k];
        int n = y->n++;
        snprintf(y->periode[n], sizeof y->periode[n], "%s", t.periode);
        y->of[n] = t.nranked;
        if (t.has_rank) y->place[n] = row->m[Y30_PLACERING].state == STYR_PUB_VALUE ? (int)row->m[Y30_PLACERING].v : 0;
        else y->place[n] = row->rank;
        y->has_diff[n] = row->m[Y30_FORSKEL_PP].state == STYR_PUB_VALUE;
        y->diff[n] = y->has_diff[n] ? row->m[Y30_FORSKEL_PP].v : 0;
    }
    return rc;
}

/* ---- the command ------------------------------------------------------------------------------- */

/* The profile's facts without a cluster to compare with (issue 16 §2): the result
 * goals in theme 1, the budget follow-up in theme 7, the estimated effects that are
 * clearly above or below 0 in theme 5. */
static void profile_facts(const styr_report *r, styr_profile *pr)
{
    char t[320];
    if (r->ngoals) {
        int st[5] = {0}, year = r->goals[0].aar;
        for (size_t i = 0; i < r->ngoals; i++)
            if (r->gev[i].status >= 0 && r->gev[i].status < 5) st[r->gev[i].status]++;
        snprintf(t, sizeof t,
                 styr_tr("Udvalget følger %zu resultatmål (%d): %d nået, %d på vej, %d ikke nået, %d uden tal endnu.",
                         "The committee follows %zu result goals (%d): %d reached, %d on track, %d not reached, %d without "
                         "figures yet."),
                 r->ngoals, year, st[STYR_GS_REACHED], st[STYR_GS_ON_TRACK], st[STYR_GS_NOT_REACHED],
                 st[STYR_GS_UNKNOWN] + st[STYR_GS_NODATA]);
        styr_profile_add_fact(pr, 1, t);
    }
    if (r->budget && r->budget->n) {
        const styr_fu_row *tot = &r->budget->rows[r->budget->n - 1];
        int warn = 0;
        for (size_t i = 0; i + 1 < r->budget->n; i++) warn += r->budget->rows[i].f.warn != 0;
        char pct[32];
        if (!tot->suppressed && isfinite(tot->f.diff_pct)) {
            styr_fmt_num(pct, sizeof pct, tot->f.diff_pct, 1);
            snprintf(t, sizeof t,
                     styr_tr("Budgetopfølgningen til og med måned %d: prognosen for året afviger %s pct. fra budgettet; "
                             "%d ydelser har en advarsel.",
                             "The budget follow-up through month %d: the year's forecast departs %s pct. from the budget; "
                             "%d groups have a warning."),
                     r->budget->month, pct, warn);
            styr_profile_add_fact(pr, 7, t);
        }
    }
    for (int i = 0, n = 0; r->eff && i < r->neff && n < 2; i++) {
        const styr_rp_effect *x = &r->eff[i];
        if (x->hidden || !x->e.shown || (x->e.lo <= 0 && x->e.hi >= 0)) continue;
        char a[32], lo[32], hi[32], of[96], gr[96];
        snprintf(of, sizeof of, "%s", x->offer);
        snprintf(gr, sizeof gr, "%s", x->group);
        if (*of >= 'A' && *of <= 'Z') *of = (char)(*of - 'A' + 'a'); /* mid-sentence */
        if (*gr >= 'A' && *gr <= 'Z') *gr = (char)(*gr - 'A' + 'a');
        snprintf(t, sizeof t,
                 styr_tr("Skønnet effekt af %s for %s: %s pct.-point i job 13 uger efter start (95 pct. KI %s; %s).",
                         "Estimated effect of %s for %s: %s pp in work 13 weeks after the start (95 pct. CI %s; %s)."),
                 of, gr, styr_fmt_num(a, sizeof a, x->e.effect, 1), styr_fmt_num(lo, sizeof lo, x->e.lo, 1),
                 styr_fmt_num(hi, sizeof hi, x->e.hi, 1));
        styr_profile_add_fact(pr, 5, t);
        n++;
    }
}

int styr_cmd_report(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
        {"intern", no_argument, 0, 'i'},        {"output", required_argument, 0, 'o'},
        {"xlsx", required_argument, 0, 'x'},    {"pdf", required_argument, 0, 'P'},
        {"effekt", no_argument, 0, 'e'},       {"dashboard", no_argument, 0, 'D'},
        {"maalgrupper", no_argument, 0, 'M'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {"synlige", required_argument, 0, 'S'}, {"klynge", required_argument, 0, 'K'},
        {0, 0, 0, 0}};
    long long kommune = 0;
    int visible[STYR_MAX_KOMMUNER], nvisible = -1;
    const char *pl = NULL, *out = NULL, *xlsx = NULL, *pdf = NULL;
    int intern = 0, with_effect = 0, with_maal = 0, dashboard = 0, forventet = 0, c;
    optind = 1;
    while ((c = styr_cli_getopt("report", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'e': with_effect = 1; break;
        case 'M': with_maal = 1; break;
        case 'K':
            if (styr_bctx_klynge_opt("report", optarg, &forventet)) return STYR_EXIT_USAGE;
            break;
        case 'D': dashboard = 1; break; /* styr serve's pages: navigation and script */
        case 'S': /* styr serve: the municipalities the token may see, for the navigation */
            nvisible = 0;
            for (char *t = optarg, *e2; *t && nvisible < STYR_MAX_KOMMUNER; t = *e2 ? e2 + 1 : e2) {
                long v = strtol(t, &e2, 10);
                if (e2 == t || v < 1 || v > 999 || (*e2 && *e2 != ',')) return styr_cli_bad_option("report", "--synlige", optarg);
                visible[nvisible++] = (int)v;
            }
            break;
        case 'k':
            if (styr_cli_kommune("report", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'p': pl = optarg; break;
        case 'i': intern = 1; break;
        case 'o': out = optarg; break;
        case 'x': xlsx = optarg; break;
        case 'P': pdf = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("report", "", argv[optind]);
    if (pdf && (!out || !strcmp(out, "-"))) {
        fprintf(stderr, "styr report: %s\n", styr_tr("--pdf kræver -o FIL.html", "--pdf needs -o FILE.html"));
        return STYR_EXIT_USAGE;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_bctx x;
    styr_report *r = styr_xcalloc(1, sizeof *r);
    static styr_profile prof;
    styr_profile_data *pdata = NULL; /* the profile's texts point into it: kept to the end */
    styr_goal *goals = NULL;
    styr_goal_eval *gev = NULL;
    size_t ngoals = 0;
    styr_fu_run run;
    memset(&run, 0, sizeof run);
    styr_period *extra = NULL, win;
    int nextra = 0;
    styr_offers off;
    styr_rp_effect *eff = NULL;
    memset(&off, 0, sizeof off);
    styr_rp_prog prog;
    static styr_rp_maal maal;
    static styr_bdata maal_b[STYR_RP_NMAAL]; /* kept until the workspace is closed: their patterns are stored */
    memset(maal_b, 0, sizeof maal_b);
    memset(&prog, 0, sizeof prog);
    styr_flows fl;
    memset(&fl, 0, sizeof fl);
    int e = styr_bctx_open(cli, "report", kommune, intern, pl, &x, &d);
    x.forventet = forventet;
    if (e >= 0) goto out;
    /* the years of the development lines (up to ten, within the panel), and what the goals need */
    int ylast = styr_period_pop_year(&x.per), wmin = styr_panel_week_min(x.p);
    int yfirst = wmin >= 0 ? styr_week_year(wmin) : ylast;
    if (wmin >= 0 && styr_week_from_iso(yfirst, 1) < wmin) yfirst++; /* a year begun before the panel is not whole */
    /* without a panel, the years and months the published figures span (their rows stand in) */
    styr_pubfig *pub = NULL;
    int pfirst = -1, plast = -1;
    styr_rc rc = styr_pubfig_load(x.ws, &pub, &d);
    if (rc) { e = styr_cli_fail(cli, rc, &d); goto out; }
    const int public_only = wmin < 0 && !styr_pubfig_span(pub, &pfirst, &plast);
    if (public_only) yfirst = styr_week_year(pfirst);
    if (yfirst < ylast - 9) yfirst = ylast - 9;
    rc = styr_goals_load(x.ws, x.kommune, &goals, &ngoals, &d);
    if (rc) { styr_pubfig_free(pub); e = styr_cli_fail(cli, rc, &d); goto out; }
    extra = styr_xmalloc((size_t)(STYR_RP_MAXYEARS + 2 * STYR_DEV_MONTHS + 2 + 16 * (ngoals + 1)) * sizeof *extra);
    for (int y = yfirst; y <= ylast && nextra < STYR_RP_MAXYEARS; y++) {
        char s[8];
        snprintf(s, sizeof s, "%d", y);
        styr_period_parse(s, &extra[nextra]);
        if (!public_only || styr_pubfig_covers(pub, extra[nextra].first, extra[nextra].last)) nextra++;
    }
    static styr_dev dev; /* the months and the years to date of the development */
    {
        int ndev = 0;
        if (public_only) styr_dev_plan_weeks(pfirst, plast, &x.per, FIG_FULDTIDSPERSONER, &dev, extra + nextra, &ndev);
        else styr_dev_plan(x.p, &x.per, FIG_FULDTIDSPERSONER, &dev, extra + nextra, &ndev);
        nextra += ndev;
    }
    styr_period *goal_per = extra + nextra; /* the goals' periods (again for the goals of units) */
    for (size_t i = 0; i < ngoals; i++) {
        int m = styr_goal_months_pub(x.p, pub, goals[i].aar);
        nextra += styr_goal_periods(goals[i].aar, m ? m : 1, extra + nextra);
    }
    int ngoal_per = (int)(extra + nextra - goal_per);
    styr_pubfig_free(pub);
    if ((e = styr_bctx_load(cli, "report", &x, extra, nextra, 1, &d)) >= 0) goto out;
    e = STYR_EXIT_OK;

    /* the model */
    char generated[32], source[512];
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    strftime(generated, sizeof generated, "%Y-%m-%d", gmtime(&now));
    snprintf(source, sizeof source,
             styr_tr("styr %s; arbejdsområdets panel (kontrolsum %016llx); befolkning og klynger som i "
                     "arbejdsområdets katalog (styr info).",
                     "styr %s; the workspace's panel (checksum %016llx); population and clusters as in the "
                     "workspace's catalog (styr info)."),
             STYR_VERSION, (unsigned long long)styr_panel_checksum(x.p));
    if (public_only)
        snprintf(source, sizeof source,
                 styr_tr("styr %s; offentlige tal fra jobindsats.dk og Danmarks Statistik (intet personpanel; kilden "
                         "står ved hvert afsnit); befolkning og klynger som i arbejdsområdets katalog (styr info).",
                         "styr %s; published figures of jobindsats.dk and Statistics Denmark (no person panel; the "
                         "source stands by each section); population and clusters as in the workspace's catalog "
                         "(styr info)."),
                 STYR_VERSION);
    else if (x.b.res.any_pub) {
        size_t n = strlen(source);
        snprintf(source + n, sizeof source - n, "%s",
                 styr_tr(" Kommuner uden panel i perioden: offentlige tal (kilden står ved hvert afsnit).",
                         " Municipalities without a panel in the period: published figures (the source stands by "
                         "each section)."));
    }
    r->kommune = x.kommune;
    r->kommunenavn = x.codes->kom_name[x.k];
    r->periode = x.per.name;
    r->prev = x.p1 >= 0 ? x.prev.name : NULL;
    r->klynge = x.klynge_navn;
    if (x.forventet) r->grouping = x.klynge_navn;
    static styr_rp_y30 y30;
    if ((rc = y30_places(&x, &y30, &d))) { e = styr_cli_fail(cli, rc, &d); goto out; }
    r->y30 = &y30;
    r->klynge_aar = x.cl.year;
    r->nmembers = x.nin;
    r->generated = generated;
    r->source = source;
    r->codes = x.codes;
    r->dashboard = dashboard;
    r->per = &x.per;
    r->prev_per = x.p1 >= 0 ? &x.prev : NULL;
    r->synthetic = styr_catalog_synthetic(x.ws);
    r->public_only = public_only;
    if (nvisible >= 0) r->visible = visible, r->nvisible = nvisible;
    lead(&x, r);
    {
        /* the profile as KL's partnership draws it (issue 16): its data and the published indicators */
        static styr_pubind pi;
        styr_profile_data *pd = NULL;
        if (styr_profile_data_load(x.codes, NULL, &pdata, &d) == STYR_OK && (pd = pdata) &&
            styr_pubind_load(x.ws, styr_period_pop_year(&x.per), &pi, &d) == STYR_OK)
            styr_profile_make(pd, &x.b, &pi, x.p0, x.p1, x.k, x.in, &prof);
        else
            styr_profile_make(pd, &x.b, NULL, x.p0, x.p1, x.k, x.in, &prof);
    }
    r->profile = &prof;
    keyrows(&x, r);

    /* cluster charts: the key figures of the committee's questions */
    static const struct { const char *fig, *grp; } sc[] = {
        {"andel_befolkning", NULL},          {"andel_befolkning", "dagpenge"},
        {"andel_befolkning", "kontanthjaelp"}, {"andel_befolkning", "sygedagpenge"},
        {"langvarige", "sygedagpenge"},      {"varighed", "sygedagpenge"},
        {"aktiveringsgrad", NULL},           {"i_job_3mdr", NULL},
        {"netto_pr_indbygger_18_64", NULL},
    };
    r->sc = styr_xcalloc(sizeof sc / sizeof *sc, sizeof *r->sc);
    for (size_t i = 0; i < sizeof sc / sizeof *sc; i++) {
        styr_metric m;
        int g = sc[i].grp ? group_of(x.codes, sc[i].grp) : 0;
        if (g < 0 || styr_metric_by_key(sc[i].fig, &x.b.mdefs, &m)) continue;
        if (x.b.res.any_pub && !scatter_any(&x, &m, g)) continue; /* published tables do not carry it */
        scatter(&x, r, &r->sc[r->nsc++], &m, g);
    }
    /* development: the share on public support and in the three scorecard groups */
    static const char *lg[] = {NULL, "dagpenge", "kontanthjaelp", "sygedagpenge"};
    r->ln = styr_xcalloc(4, sizeof *r->ln);
    styr_metric share = {&styr_figdefs[FIG_ANDEL], FIG_ANDEL, -1};
    for (size_t i = 0; i < 4; i++) {
        int g = lg[i] ? group_of(x.codes, lg[i]) : 0;
        if (g < 0) continue;
        styr_rp_lines *l = &r->ln[r->nln++];
        l->def = share.def;
        snprintf(l->id, sizeof l->id, "udvikling-%s", styr_group_key(x.codes, g));
        snprintf(l->title, sizeof l->title, "%s: %s", styr_group_name(x.codes, g), styr_tr(share.def->da, share.def->en));
        for (int y = yfirst; y <= ylast && l->n < STYR_RP_MAXYEARS; y++) {
            char s[8];
            snprintf(s, sizeof s, "%d", y);
            int pi = styr_bctx_period(&x, s);
            if (pi < 0) continue;
            snprintf(l->xl[l->n], sizeof l->xl[l->n], "%d", y);
            l->own[l->n] = styr_bdata_value(&x.b, &share, pi, x.k, g);
            l->cl[l->n] = styr_bdata_area(&x.b, &share, pi, x.in, g);
            r->src_lines |= src_bit(src_own(&x, r, &share, pi, g)) | src_area(&x, r, &share, pi, g);
            l->n++;
        }
    }
    /* development month by month and the year to date, for the scorecard groups */
    {
        static const char *dg[] = {"dagpenge", "kontanthjaelp", "sygedagpenge"};
        devctx dc = {&x, {&styr_figdefs[FIG_FULDTIDSPERSONER], FIG_FULDTIDSPERSONER, -1}, r};
        for (size_t i = 0; i < 3 && dev.n; i++) {
            int g = group_of(x.codes, dg[i]);
            if (g > 0) styr_dev_fill(&dev, g, dev_get, &dc);
        }
        r->dev = &dev;
    }
    /* scorecards */
    static const char *cg[] = {"dagpenge", "kontanthjaelp", "sygedagpenge"};
    for (size_t i = 0; i < 3; i++) {
        int g = group_of(x.codes, cg[i]);
        if (g <= 0) continue;
        styr_scorecard_make(&x.b, x.p0, x.p1, x.k, x.in, g, &r->cards[r->ncards++]);
        for (int pp = 0; pp < 2; pp++) {
            int pi = pp ? x.p1 : x.p0;
            r->src_cards |= src_bit(src_own(&x, r, &share, pi, g)) | src_area(&x, r, &share, pi, g);
        }
    }
    /* goals */
    gev = styr_xcalloc(ngoals ? ngoals : 1, sizeof *gev);
    if ((rc = styr_goals_evaluate_all(x.ws, x.p, &x.b, goals, ngoals, x.k, x.intern, gev, &d))) {
        e = styr_cli_fail(cli, rc, &d);
        goto out;
    }
    if (ngoals && !public_only) { /* goals of a unit the panel knows: on the unit's weeks */
        uint8_t *unit_in = styr_xcalloc(ngoals, 1);
        rc = styr_goals_by_unit(x.ws, x.p, goal_per, ngoal_per, goals, ngoals, x.k, x.intern, gev, unit_in, &d);
        free(unit_in);
        if (rc) {
            e = styr_cli_fail(cli, rc, &d);
            goto out;
        }
    }
    for (size_t i = 0; i < ngoals; i++) { /* the sources of the goals' published months */
        int f = styr_fig_by_key(goals[i].figur);
        if (f < 0 || goals[i].tilbud > 0) continue;
        styr_metric gm = {&styr_figdefs[f], f, -1};
        for (int mo = 0; mo <= 12; mo++) {
            char s[16];
            if (mo) snprintf(s, sizeof s, "%dM%02d", goals[i].aar, mo);
            else snprintf(s, sizeof s, "%d", goals[i].aar);
            int pi = styr_bctx_period(&x, s);
            if (pi >= 0) r->src_goals |= src_bit(src_own(&x, r, &gm, pi, goals[i].grp)) | src_area(&x, r, &gm, pi, goals[i].grp);
        }
    }
    r->goals = goals;
    r->gev = gev;
    r->ngoals = ngoals;
    /* budget: the follow-up through the last whole month, when it lies in the report's year */
    styr_period month;
    memset(&month, 0, sizeof month);
    int found = 0, py, pm;
    if (!styr_last_whole_month(x.p, &month) && !styr_period_last_month(&x.per, &py, &pm) &&
        py * 12 + pm < month.year * 12 + month.sub) {
        char ms[16];
        snprintf(ms, sizeof ms, "%04dM%02d", py, pm);
        styr_period_parse(ms, &month);
    }
    if (month.year == ylast && month.kind == STYR_P_MONTH) {
        if ((rc = styr_fu_run_compute(x.ws, x.k, &month, 0.02, x.intern, &run, &found, &d))) {
            e = styr_cli_fail(cli, rc, &d);
            goto out;
        }
        if (found) r->budget = &run.rep;
    }
    money(&x, r);
    /* flows of all public support (issue 14): the flows accumulator alone, in one pass */
    if (!public_only) {
        if ((rc = styr_flows_compute(x.ws, x.kommune, 0, &x.per, 0, &fl, &d))) { e = styr_cli_fail(cli, rc, &d); goto out; }
        r->flows = &fl;
    }
    if (with_effect && !public_only && (rc = effect_section(&x, r, &off, &eff, &win, &d))) {
        e = styr_cli_fail(cli, rc, &d);
        goto out;
    }
    if (!public_only && (rc = styr_rp_prog_fill(x.ws, x.p, x.kommune, &prog, &d))) {
        e = styr_cli_fail(cli, rc, &d);
        goto out;
    }
    r->progression = prog.present ? &prog : NULL;
    if (with_maal && !public_only && (rc = styr_rp_maal_fill(&x, 0, &maal, maal_b, &d))) {
        e = styr_cli_fail(cli, rc, &d);
        goto out;
    }
    r->maal = maal.present ? &maal : NULL;

    profile_facts(r, &prof);

    /* write */
    styr_dest dest;
    if ((rc = styr_dest_open(&dest, out, &d))) { e = styr_cli_fail(cli, rc, &d); goto out; }
    int wrc = styr_report_html(dest.f, r);
    if ((rc = styr_dest_close(&dest, !wrc, &d))) { e = styr_cli_fail(cli, rc, &d); goto out; }
    if (xlsx && (rc = styr_report_xlsx(xlsx, r, &d))) { e = styr_cli_fail(cli, rc, &d); goto out; }
    if (out && strcmp(out, "-"))
        fprintf(stderr, styr_tr("Rapport skrevet: %s\n", "Report written: %s\n"), out);
    if (xlsx) fprintf(stderr, styr_tr("Regneark skrevet: %s\n", "Workbook written: %s\n"), xlsx);
    if (pdf) e = print_pdf(out, pdf);
out:
    if (x.ws || x.b.res.rows) e = styr_bctx_close(cli, &x, e, &d);
    for (int i = 0; i < STYR_RP_NMAAL; i++) { /* the target groups' discretion patterns, once computed */
        if (e == STYR_EXIT_OK && maal_b[i].res.sdc_built) {
            styr_rc src = styr_cli_store(cli, &maal_b[i].res, &d);
            if (src) e = styr_cli_fail(cli, src, &d);
        }
        styr_bdata_free(&maal_b[i]);
    }
    if (e == STYR_EXIT_OK && run.res.ncomputed) {
        styr_rc src = styr_cli_store(cli, &run.res, &d);
        if (src) e = styr_cli_fail(cli, src, &d);
    }
    styr_fu_run_free(&run);
    styr_offers_free(&off);
    styr_rp_prog_free(&prog);
    styr_flows_free(&fl);
    free(eff);
    if (r) {
        free(r->sc);
        free(r->ln);
        free(r);
    }
    free(extra);
    free(goals);
    free(gev);
    styr_profile_data_free(pdata);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
