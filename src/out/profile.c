/* profile: sentences on where a municipality differs from its cluster. */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/scorecard.h"
#include "../core/msg.h"
#include "figtext.h"

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

static void add(styr_profile *pr, int strength, double weight, int g, const char *fig, const char *text)
{
    if (pr->n >= STYR_PROFILE_MAX) return;
    styr_statement *s = &pr->s[pr->n++];
    s->strength = strength;
    s->weight = weight;
    s->g = g;
    s->fig = fig;
    snprintf(s->text, sizeof s->text, "%s", text);
}

static void level(styr_profile *pr, const styr_bdata *b, int p, int k, const uint8_t *in, int g, int fig)
{
    styr_metric m = {&styr_figdefs[fig], fig, -1};
    if (g && (b->codes->yd_nodir[g] >> fig & 1u)) return; /* neither better nor worse for the group */
    styr_figval o = styr_bdata_value(b, &m, p, k, g), c = styr_bdata_area(b, &m, p, in, g);
    int mark = styr_mark(o, c, m.def->better, m.def->decimals);
    if (!mark || mark == STYR_MARK_NA || c.v == 0 || fabs(o.v - c.v) / fabs(c.v) < LEVEL_MIN) return;
    char ph[96], a[48], cl[48], t[320];
    styr_group_phrase(b->codes, g, ph, sizeof ph);
    styr_fig_text(a, sizeof a, m.def, o);
    styr_fig_text(cl, sizeof cl, m.def, c);
    int more = o.v > c.v;
    switch (fig) {
    case FIG_ANDEL:
        snprintf(t, sizeof t, styr_tr("I har %s %s end klyngen (%s mod %s i klyngen).",
                                      "You have %s %s than the cluster (%s against %s in the cluster)."),
                 more ? styr_tr("flere", "more") : styr_tr("færre", "fewer"), ph, a, cl);
        break;
    case FIG_U_ANDEL:
        snprintf(t, sizeof t, styr_tr("En %s andel af de unge under 30 er %s end i klyngen (%s mod %s i klyngen).",
                                      "A %s share of the young under 30 are %s than in the cluster (%s against %s in the cluster)."),
                 more ? styr_tr("større", "larger") : styr_tr("mindre", "smaller"), ph, a, cl);
        break;
    case FIG_VARIGHED:
        snprintf(t, sizeof t, styr_tr("Borgerne er i gennemsnit %s tid %s end i klyngen (%s mod %s i klyngen).",
                                      "Citizens spend %s time %s on average than in the cluster (%s against %s in the cluster)."),
                 more ? styr_tr("længere", "more") : styr_tr("kortere", "less"), ph, a, cl);
        break;
    case FIG_LANGVARIGE:
        snprintf(t, sizeof t, styr_tr("En %s andel af forløbene %s er over 52 uger end i klyngen (%s mod %s i klyngen).",
                                      "A %s share of the spells %s last over 52 weeks than in the cluster (%s against %s in the cluster)."),
                 more ? styr_tr("større", "larger") : styr_tr("mindre", "smaller"), ph, a, cl);
        break;
    case FIG_AKTIVERINGSGRAD:
        snprintf(t, sizeof t, styr_tr("I aktiverer %s %s end klyngen (aktiveringsgraden er %s mod %s i klyngen).",
                                      "You activate %s %s than the cluster (an activation rate of %s against %s in the cluster)."),
                 more ? styr_tr("mere", "more") : styr_tr("mindre", "less"), ph, a, cl);
        break;
    case FIG_JOB_3MDR:
        snprintf(t, sizeof t, styr_tr("En %s andel er i job 3 måneder efter et afsluttet forløb %s end i klyngen (%s mod %s i klyngen).",
                                      "A %s share are in work 3 months after a spell %s ended than in the cluster (%s against %s in the cluster)."),
                 more ? styr_tr("større", "larger") : styr_tr("mindre", "smaller"), ph, a, cl);
        break;
    default: return;
    }
    add(pr, mark, fabs(o.v - c.v) / fabs(c.v), g, m.def->key, t);
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

static void development(styr_profile *pr, const styr_bdata *b, int p, int pprev, int k, const uint8_t *in, int g)
{
    styr_metric m = {&styr_figdefs[FIG_ANDEL], FIG_ANDEL, -1};
    if (g && (b->codes->yd_nodir[g] >> FIG_ANDEL & 1u)) return;
    styr_figval o = styr_pct_change(styr_bdata_value(b, &m, p, k, g), styr_bdata_value(b, &m, pprev, k, g));
    styr_figval c = styr_pct_change(styr_bdata_area(b, &m, p, in, g), styr_bdata_area(b, &m, pprev, in, g));
    if (o.state != STYR_FV_OK || c.state != STYR_FV_OK || fabs(o.v - c.v) < DEV_MIN) return;
    char ph[96], a[64], cl[64], t[320];
    styr_group_phrase(b->codes, g, ph, sizeof ph);
    change_words(a, sizeof a, o.v, 1);
    change_words(cl, sizeof cl, c.v, 0);
    snprintf(t, sizeof t, styr_tr("Andelen %s %s det seneste år mod %s i klyngen.",
                                  "The share %s %s over the last year against %s in the cluster."),
             ph, a, cl);
    add(pr, o.v < c.v ? 1 : -1, fabs(o.v - c.v) / 100, g, "udvikling", t);
}

static int by_weight(const void *a, const void *b)
{
    const styr_statement *x = a, *y = b;
    if (x->strength != y->strength) return y->strength - x->strength; /* strengths first */
    return (x->weight < y->weight) - (x->weight > y->weight);
}

struct styr_profile_data { int dummy; };

styr_rc styr_profile_data_load(const styr_codes *c, const char *recs_path, styr_profile_data **out, styr_diags *d)
{
    (void)c, (void)recs_path, (void)d;
    *out = calloc(1, sizeof **out);
    return STYR_OK;
}

void styr_profile_data_free(styr_profile_data *pd) { free(pd); }

int styr_profile_direction(const styr_profile_data *pd, const char *fig, int g, int *applies, int *tema,
                           const char **reason)
{
    (void)pd, (void)fig, (void)g, (void)applies, (void)tema, (void)reason;
    return -1;
}

void styr_profile_make(const styr_profile_data *pd, const styr_bdata *b, const styr_pubind *pi, int p, int pprev,
                       int k, const uint8_t *in, styr_profile *pr)
{
    (void)pd, (void)pi;
    static const int total_figs[] = {FIG_ANDEL, FIG_U_ANDEL, FIG_AKTIVERINGSGRAD};
    static const int group_figs[] = {FIG_ANDEL, FIG_VARIGHED, FIG_LANGVARIGE, FIG_AKTIVERINGSGRAD, FIG_JOB_3MDR};
    memset(pr, 0, sizeof *pr);
    for (size_t i = 0; i < sizeof total_figs / sizeof *total_figs; i++) level(pr, b, p, k, in, 0, total_figs[i]);
    if (pprev >= 0) development(pr, b, p, pprev, k, in, 0);
    for (int g = 1; g < b->codes->dict.nyd; g++) {
        if (!b->codes->yd_public[g]) continue;
        for (size_t i = 0; i < sizeof group_figs / sizeof *group_figs; i++) level(pr, b, p, k, in, g, group_figs[i]);
        if (pprev >= 0) development(pr, b, p, pprev, k, in, g);
    }
    qsort(pr->s, (size_t)pr->n, sizeof *pr->s, by_weight);
}
