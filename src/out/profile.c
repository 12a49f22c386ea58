/* profile: sentences on where a municipality differs from its cluster. */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/scorecard.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "figtext.h"
#include "profile_int.h"

#define LEVEL_MIN 0.05   /* relative departure for a level statement */
#define DEV_MIN 3.0      /* percentage points between two changes */

const char *styr_group_phrase(const styr_codes *c, int g, char *buf, size_t cap)
{
    static const struct { const char *code, *da, *en; } special[] = {
        {"fleksjob", "i fleksjob", "in flexjobs"},
        {"ressourceforloeb", "i ressourceforløb", "in resource programmes"},
        {"jobafklaring", "i jobafklaringsforløb", "in job clarification"},
        {"oevrige", "på øvrige ydelser", "on other benefits"},
        {"integration", "på selvforsørgelses- og hjemrejseydelse", "on self-support benefit"},
    };
    if (!g) return snprintf(buf, cap, "%s", styr_tr("på offentlig forsørgelse", "on public support")), buf;
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (!strcmp(c->dict.yd[g], special[i].code)) return snprintf(buf, cap, "%s", styr_tr(special[i].da, special[i].en)), buf;
    int en = styr_lang_get() == STYR_LANG_EN;
    const char *name = en ? c->yd_name_en[g] : c->yd_name[g];
    snprintf(buf, cap, "%s %s", en ? "on" : "på", name);
    char *first = strchr(buf, ' ') + 1;
    if (*first >= 'A' && *first <= 'Z') *first = (char)(*first - 'A' + 'a');
    return buf;
}

/* ---- one statement ------------------------------------------------------------------------ */

typedef struct mk {
    const styr_profile_data *pd;
    const styr_bdata *b;
    const styr_pubind *pi;
    int p, pprev, k;
    const uint8_t *in;
    styr_profile *pr;
} mk;

/* A figure's values: for municipality index k (or the area in[] when k < 0), in period
 * index p (prev 0) or the one before (prev 1). Sources: a key figure or money metric
 * of the counts, or a published indicator. */
typedef struct src {
    styr_metric m;               /* the counts' metric (m.def NULL: a published indicator) */
    int pi;                      /* published indicator index, or -1 */
    const styr_figdef *def;
} src;

static styr_figval value(const mk *x, const src *s, int g, int k, int prev)
{
    int p = prev ? x->pprev : x->p;
    if (s->pi >= 0) {
        if (k < 0) return styr_pubind_area(x->pi, s->pi, prev, x->in, x->b->nk);
        return styr_pubind_value(x->pi, s->pi, prev, k);
    }
    if (p < 0) return (styr_figval){0, STYR_FV_NONE};
    return k < 0 ? styr_bdata_area(x->b, &s->m, p, x->in, g) : styr_bdata_value(x->b, &s->m, p, k, g);
}

/* The cluster's best member (not the municipality itself) on the value, or on the
 * change from the year before (improved), by direction dir. */
static styr_pexample example(const mk *x, const src *s, int g, int dir, int improved)
{
    styr_pexample e = {-1, 0, NULL, {0, STYR_FV_NONE}};
    styr_figval v[STYR_MAX_KOMMUNER];
    int idx[STYR_MAX_KOMMUNER], n = 0;
    const styr_codes *c = x->b->codes;
    for (int k = 0; k < x->b->nk && k < STYR_MAX_KOMMUNER; k++) {
        if (!x->in[k] || k == x->k) continue;
        styr_figval now = value(x, s, g, k, 0);
        v[n] = improved ? styr_change(now, value(x, s, g, k, 1), s->def->unit) : now;
        idx[n++] = k;
    }
    int b = styr_best(v, n, dir);
    if (b < 0) return e;
    e.k = idx[b];
    e.kommune = c->dict.kom[idx[b]];
    e.navn = c->kom_name[idx[b]];
    e.v = v[b];
    return e;
}

static styr_statement *add(mk *x, int strength, double weight, int g, const char *fig, const styr_figdef *def,
                           styr_figval own, styr_figval cl, int tema, const char *reason, const char *text)
{
    styr_profile *pr = x->pr;
    if (pr->n >= STYR_PROFILE_MAX) return NULL;
    styr_statement *s = &pr->s[pr->n++];
    memset(s, 0, sizeof *s);
    s->strength = strength;
    s->weight = weight;
    s->g = g;
    s->fig = fig;
    s->def = def;
    s->own = own;
    s->cluster = cl;
    s->tema = tema;
    s->reason = reason;
    s->best.k = s->improved.k = -1;
    snprintf(s->text, sizeof s->text, "%s", text);
    return s;
}

/* The sentence on figure key of group g (ph its phrase), own a against cluster cl. */
static int sentence(char *t, size_t cap, const char *key, int g, const char *ph, const char *a, const char *cl, int more)
{
#define W(da, en) styr_tr(da, en)
    if (!strcmp(key, "andel_befolkning"))
        snprintf(t, cap, W("I har %s %s end klyngen (%s mod %s i klyngen).", "You have %s %s than the cluster (%s against %s in the cluster)."),
                 more ? W("flere", "more") : W("færre", "fewer"), ph, a, cl);
    else if (!strcmp(key, "unge_andel_befolkning"))
        snprintf(t, cap, W("En %s andel af de unge under 30 er %s end i klyngen (%s mod %s i klyngen).",
                           "A %s share of the young under 30 are %s than in the cluster (%s against %s in the cluster)."),
                 more ? W("større", "larger") : W("mindre", "smaller"), ph, a, cl);
    else if (!strcmp(key, "varighed"))
        snprintf(t, cap, W("Borgerne er i gennemsnit %s tid %s end i klyngen (%s mod %s i klyngen).",
                           "Citizens spend %s time %s on average than in the cluster (%s against %s in the cluster)."),
                 more ? W("længere", "more") : W("kortere", "less"), ph, a, cl);
    else if (!strcmp(key, "langvarige"))
        snprintf(t, cap, W("En %s andel af forløbene %s er over 52 uger end i klyngen (%s mod %s i klyngen).",
                           "A %s share of the spells %s last over 52 weeks than in the cluster (%s against %s in the cluster)."),
                 more ? W("større", "larger") : W("mindre", "smaller"), ph, a, cl);
    else if (!strcmp(key, "aktiveringsgrad"))
        snprintf(t, cap, W("I aktiverer %s %s end klyngen (aktiveringsgraden er %s mod %s i klyngen).",
                           "You activate %s %s than the cluster (an activation rate of %s against %s in the cluster)."),
                 more ? W("mere", "more") : W("mindre", "less"), ph, a, cl);
    else if (!strcmp(key, "i_job_3mdr"))
        snprintf(t, cap, W("En %s andel er i job 3 måneder efter et afsluttet forløb %s end i klyngen (%s mod %s i klyngen).",
                           "A %s share are in work 3 months after a spell %s ended than in the cluster (%s against %s in the cluster)."),
                 more ? W("større", "larger") : W("mindre", "smaller"), ph, a, cl);
    else if (!strcmp(key, "netto_pr_indbygger"))
        snprintf(t, cap, W("Nettoudgiften til forsørgelse efter refusion er %s pr. indbygger end i klyngen (%s mod %s i klyngen).",
                           "The net cost of benefits after refusion is %s per inhabitant than in the cluster (%s against %s in the cluster)."),
                 more ? W("højere", "higher") : W("lavere", "lower"), a, cl);
    else if (!strcmp(key, "sanktionsrate"))
        snprintf(t, cap, W("Sanktionsraten for kontanthjælp er %s end i klyngen (%s mod %s i klyngen).",
                           "The sanction rate for social assistance is %s than in the cluster (%s against %s in the cluster)."),
                 more ? W("højere", "higher") : W("lavere", "lower"), a, cl);
    else if (!strcmp(key, "andel_virksomheder"))
        snprintf(t, cap, W("Jobcentret samarbejder med en %s andel af virksomhederne end i klyngen (%s mod %s i klyngen).",
                           "The job centre cooperates with a %s share of the companies than in the cluster (%s against %s in the cluster)."),
                 more ? W("større", "larger") : W("mindre", "smaller"), a, cl);
    else if (!strcmp(key, "ydelser_pr_indbygger"))
        snprintf(t, cap, W("Udgifterne til forsørgelse er %s pr. indbygger end i klyngen (%s mod %s i klyngen).",
                           "The cost of benefits is %s per inhabitant than in the cluster (%s against %s in the cluster)."),
                 more ? W("højere", "higher") : W("lavere", "lower"), a, cl);
    else if (!strcmp(key, "aktiv_pr_fuldtidsperson"))
        snprintf(t, cap, W("I bruger %s på den aktive indsats pr. fuldtidsperson end klyngen (%s mod %s i klyngen).",
                           "You spend %s on the active effort per full-time recipient than the cluster (%s against %s in the cluster)."),
                 more ? W("mere", "more") : W("mindre", "less"), a, cl);
    else
        return -1;
    (void)g;
    return 0;
#undef W
}

/* A level: figure key of group g against the cluster. */
static void level(mk *x, const src *s, int g)
{
    int applies = 1, tema = 5;
    const char *reason = NULL;
    int dir = styr_profile_direction(x->pd, s->def->key, g, &applies, &tema, &reason);
    if (dir == STYR_PDIR_NONE || !applies) return; /* no row, or nothing for the group */
    styr_figval o = value(x, s, g, x->k, 0), c = value(x, s, g, -1, 0);
    /* a difference at the shown precision, whichever the direction */
    int mark = styr_mark(o, c, 1, s->def->decimals);
    if (!mark || mark == STYR_MARK_NA || c.v == 0 || fabs(o.v - c.v) / fabs(c.v) < LEVEL_MIN) return;
    char ph[96], a[48], cl[48], t[320];
    styr_group_phrase(x->b->codes, g, ph, sizeof ph);
    styr_fig_text(a, sizeof a, s->def, o);
    styr_fig_text(cl, sizeof cl, s->def, c);
    int more = o.v > c.v;
    if (sentence(t, sizeof t, s->def->key, g, ph, a, cl, more)) return;
    int strength = dir == 0 ? 0 : (more ? 1 : -1) * dir;
    styr_statement *st = add(x, strength, fabs(o.v - c.v) / fabs(c.v), g, s->def->key, s->def, o, c, tema, reason, t);
    if (!st) return;
    if (s->pi >= 0 && x->pi->kilde[s->pi][0]) st->kilde = x->pi->kilde[s->pi];
    else if (s->pi < 0) st->kilde = styr_bdata_source(x->b, x->p, x->k, g);
    if (strength < 0) {
        st->best = example(x, s, g, dir, 0);
        if (x->pprev >= 0 || (s->pi >= 0 && x->pi->has_prev[s->pi])) st->improved = example(x, s, g, dir, 1);
    }
}

void styr_profile_add_fact(styr_profile *pr, int tema, const char *text)
{
    if (tema < 1 || tema > STYR_NTEMAER) return;
    styr_ptheme *th = &pr->tema[tema - 1];
    if (th->nfakta >= STYR_PROFILE_FACTS) return;
    snprintf(th->fakta[th->nfakta++], sizeof th->fakta[0], "%s", text);
    th->empty[0] = 0;
}

char *styr_profile_change_text(char *buf, size_t cap, const styr_figdef *def, styr_figval v)
{
    if (v.state != STYR_FV_OK) return snprintf(buf, cap, "%s", v.state == STYR_FV_SUPPRESSED ? ".." : "-"), buf;
    char n[32];
    styr_fmt_num(n, sizeof n, v.v, 1);
    const char *u = !strcmp(def->key, "udvikling") ? styr_tr("pct.", "pct.")
                  : def->unit == STYR_U_PCT ? styr_tr("pct.-point", "pp")
                  : def->unit == STYR_U_WEEKS ? styr_tr("uger", "weeks") : styr_tr("pct.", "pct.");
    snprintf(buf, cap, "%s%s %s", v.v > 0 ? "+" : "", n, u);
    return buf;
}

static void change_words(char *buf, size_t cap, double v, int own)
{
    char n[32];
    styr_figdef d = {"", "", "", "", "", 1, STYR_U_FTE, 0};
    styr_fig_text(n, sizeof n, &d, (styr_figval){fabs(v), STYR_FV_OK});
    if (fabs(v) < 0.05) snprintf(buf, cap, "%s", own ? styr_tr("er uændret", "is unchanged") : styr_tr("uændret", "unchanged"));
    else if (own)
        snprintf(buf, cap, v < 0 ? styr_tr("er faldet %s pct.", "has fallen %s pct.") : styr_tr("er steget %s pct.", "has risen %s pct."), n);
    else
        snprintf(buf, cap, v < 0 ? styr_tr("et fald på %s pct.", "a fall of %s pct.") : styr_tr("en stigning på %s pct.", "a rise of %s pct."), n);
}

/* The development of the share over the year against the cluster's. */
static void development(mk *x, int g)
{
    static const styr_figdef chg = {"udvikling", "Udvikling i andelen (pct.)", "Change in the share (pct.)", "Udvikling",
                                    "Change", 1, STYR_U_PCT, 0};
    int applies = 1, tema = 5;
    const char *reason = NULL;
    int dir = styr_profile_direction(x->pd, "udvikling", g, &applies, &tema, &reason);
    if (dir == STYR_PDIR_NONE || !applies || x->pprev < 0) return;
    const styr_bdata *b = x->b;
    styr_metric m = {&styr_figdefs[FIG_ANDEL], FIG_ANDEL, -1};
    styr_figval o = styr_pct_change(styr_bdata_value(b, &m, x->p, x->k, g), styr_bdata_value(b, &m, x->pprev, x->k, g));
    styr_figval c = styr_pct_change(styr_bdata_area(b, &m, x->p, x->in, g), styr_bdata_area(b, &m, x->pprev, x->in, g));
    if (o.state != STYR_FV_OK || c.state != STYR_FV_OK || fabs(o.v - c.v) < DEV_MIN) return;
    char ph[96], a[64], cl[64], t[320];
    styr_group_phrase(b->codes, g, ph, sizeof ph);
    change_words(a, sizeof a, o.v, 1);
    change_words(cl, sizeof cl, c.v, 0);
    snprintf(t, sizeof t, styr_tr("Andelen %s %s det seneste år mod %s i klyngen.",
                                  "The share %s %s over the last year against %s in the cluster."),
             ph, a, cl);
    int strength = dir == 0 ? 0 : (o.v > c.v ? 1 : -1) * dir;
    styr_statement *st = add(x, strength, fabs(o.v - c.v) / 100, g, "udvikling", &chg, o, c, tema, reason, t);
    if (!st || strength >= 0) return;
    /* the member whose share developed best */
    styr_figval v[STYR_MAX_KOMMUNER];
    int idx[STYR_MAX_KOMMUNER], n = 0;
    for (int k = 0; k < b->nk && k < STYR_MAX_KOMMUNER; k++) {
        if (!x->in[k] || k == x->k) continue;
        v[n] = styr_pct_change(styr_bdata_value(b, &m, x->p, k, g), styr_bdata_value(b, &m, x->pprev, k, g));
        idx[n++] = k;
    }
    int best = styr_best(v, n, dir);
    if (best >= 0) {
        st->improved.k = idx[best];
        st->improved.kommune = b->codes->dict.kom[idx[best]];
        st->improved.navn = b->codes->kom_name[idx[best]];
        st->improved.v = v[best];
        st->best = st->improved;
    }
}

static int kind_rank(int strength) { return strength > 0 ? 0 : strength < 0 ? 1 : 2; }

static int by_theme(const void *a, const void *b)
{
    const styr_statement *x = a, *y = b;
    if (x->tema != y->tema) return x->tema - y->tema;
    if (x->strength != y->strength) return kind_rank(x->strength) - kind_rank(y->strength);
    return (x->weight < y->weight) - (x->weight > y->weight);
}

/* The theme's recommendations: those for its challenges' figure and group first, then
 * for the figure, then for any challenge in the theme. */
static void recommend(const styr_profile_data *pd, styr_profile *pr, int t)
{
    styr_ptheme *th = &pr->tema[t];
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < pr->n; i++) {
            const styr_statement *s = &pr->s[i];
            if (s->tema != t + 1 || s->strength >= 0) continue;
            for (int j = 0; j < pd->nr && th->nrec < STYR_PROFILE_RECS; j++) {
                const styr_prec *r = &pd->r[j];
                if (r->tema != t + 1) continue;
                int fig = !strcmp(r->fig, s->fig), any = !strcmp(r->fig, "*");
                int ok = pass == 0 ? fig && r->g == s->g : pass == 1 ? fig && r->g == -1 : any;
                if (!ok) continue;
                int dup = 0;
                for (int q = 0; q < th->nrec; q++) dup |= !strcmp(th->recs[q], r->text);
                if (!dup) th->recs[th->nrec++] = r->text;
            }
        }
}

void styr_profile_make(const styr_profile_data *pd, const styr_bdata *b, const styr_pubind *pi, int p, int pprev,
                       int k, const uint8_t *in, styr_profile *pr)
{
    static const int total_figs[] = {FIG_ANDEL, FIG_U_ANDEL, FIG_AKTIVERINGSGRAD};
    static const int group_figs[] = {FIG_ANDEL, FIG_VARIGHED, FIG_LANGVARIGE, FIG_AKTIVERINGSGRAD, FIG_JOB_3MDR};
    memset(pr, 0, sizeof *pr);
    mk x = {pd, b, pi, p, pprev, k, in, pr};
    for (size_t i = 0; i < sizeof total_figs / sizeof *total_figs; i++) {
        src s = {{&styr_figdefs[total_figs[i]], total_figs[i], -1}, -1, &styr_figdefs[total_figs[i]]};
        level(&x, &s, 0);
    }
    development(&x, 0);
    for (int g = 1; g < b->codes->dict.nyd; g++) {
        if (!b->codes->yd_public[g]) continue;
        for (size_t i = 0; i < sizeof group_figs / sizeof *group_figs; i++) {
            src s = {{&styr_figdefs[group_figs[i]], group_figs[i], -1}, -1, &styr_figdefs[group_figs[i]]};
            level(&x, &s, g);
        }
        development(&x, g);
    }
    /* the money rules: the net cost per inhabitant after refusion */
    if (b->rules) {
        src s = {{NULL, -1, -1}, -1, NULL};
        if (!styr_metric_by_key("netto_pr_indbygger", &b->mdefs, &s.m) && s.m.def) {
            s.def = s.m.def;
            level(&x, &s, 0);
        }
    }
    /* the published indicators */
    for (int i = 0; pi && i < STYR_NPI; i++) {
        if (!pi->has[i]) continue;
        src s = {{NULL, -1, -1}, i, styr_pubind_def(i)};
        level(&x, &s, 0);
    }
    qsort(pr->s, (size_t)pr->n, sizeof *pr->s, by_theme);
    int en = styr_lang_get() == STYR_LANG_EN;
    for (int t = 0; t < STYR_NTEMAER; t++) {
        styr_ptheme *th = &pr->tema[t];
        th->nr = t + 1;
        snprintf(th->navn, sizeof th->navn, "%s", pd ? (en ? pd->tema_en[t] : pd->tema_da[t]) : "");
        for (int i = 0; i < pr->n; i++) th->n += pr->s[i].tema == t + 1;
        if (pd) recommend(pd, pr, t);
        if (!th->n && pd) snprintf(th->empty, sizeof th->empty, "%s", en ? pd->tom_en[t] : pd->tom_da[t]);
    }
}
