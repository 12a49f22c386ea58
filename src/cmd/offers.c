/* styr offers: who gets which offer, when in the spell, for how long, what
 * share of the full-time recipients is in each kind, and the status after the
 * offer's end (spec §5) beside the cluster's. Raw outcomes: they mix the
 * offer's effect with who got it (styr effect estimates the effect). */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/figures.h"
#include "../calc/offers.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr offers [-w ARBEJDSOMRÅDE] [--kommune K|land] [--ydelse G,...] [--periode P] [--alder]\n"
    "                  [--maalgruppe M] [--oprindelse O] [--enhed E]\n"
    "                  [--intern] [--format table|json|csv] [-o FIL]\n"
    "\n"
    "Tilbuddene i perioden for hver ydelse (spec §5: et tilbud er en sammenhængende række\n"
    "uger med samme tilbud på samme ydelse): antal startet og hvornår i forløbet (forløbsuge\n"
    "1-4, 5-8, 9-13, 14-26, 27-52, 53+), gennemsnitlig varighed af afsluttede tilbud, andel af\n"
    "fuldtidspersonerne i hver slags tilbud, og status efter tilbuddets afslutning: i job og\n"
    "selvforsørget 4 uger, 3, 6 og 12 måneder efter, med klyngens andel i job efter 3 mdr.\n"
    "ved siden af. Det er rå tal: de blander tilbuddets effekt med, hvem der fik det; se\n"
    "styr effect for et skøn over effekten.\n"
    "\n"
    "  --kommune K|land  kommunen (standard: arbejdsområdets egen, ellers hele landet)\n"
    "  --alder           en række pr. aldersgruppe (16-29, 30-39, 40-49, 50-66)\n"
    "\n"
    "Med en målgruppe tælles et tilbud som startet, når dets første uge er i målgruppen, og\n"
    "som afsluttet, når dets sidste uge er. Én slags ad gangen: visitation, unge, flygtninge,\n"
    "oprindelse eller enhed. Diskretionen gælder alle kategorier af den slags på én gang, så\n"
    "en skjult celle ikke kan regnes ud som i alt minus de andre kategorier.\n";
static const char help_en[] =
    "Usage: styr offers [-w WORKSPACE] [--kommune K|land] [--ydelse G,...] [--periode P] [--alder]\n"
    "                   [--maalgruppe M] [--oprindelse O] [--enhed E]\n"
    "                   [--intern] [--format table|json|csv] [-o FILE]\n"
    "\n"
    "The offers of the period for each benefit group (spec §5: an offer is a run of\n"
    "consecutive weeks with the same offer in the same group): how many started and when\n"
    "in the spell (spell week 1-4, 5-8, 9-13, 14-26, 27-52, 53+), the mean length of ended\n"
    "offers, the share of the full-time recipients in each kind, and the status after the\n"
    "offer's end: in work and self-supporting 4 weeks, 3, 6 and 12 months after, with the\n"
    "cluster's share in work after 3 months beside. Raw figures: they mix the offer's\n"
    "effect with who got it; styr effect estimates the effect.\n"
    "\n"
    "  --kommune K|land  the municipality (default: the workspace's own, else the country)\n"
    "  --alder           a row per age group (16-29, 30-39, 40-49, 50-66)\n"
    "\n"
    "With a target group an offer counts as started when its first week is in the group,\n"
    "and as ended when its last week is. One kind at a time: visitation, unge, flygtninge,\n"
    "origin or unit. Discretion holds for every category of the kind at once, so no hidden\n"
    "cell is the total minus the other categories.\n";

#define NSHOWB 6 /* shown bands of the start: 1-4, 5-8, 9-13, 14-26, 27-52, 53+ */
static const char *const show_band[NSHOWB] = {"1-4", "5-8", "9-13", "14-26", "27-52", "53-"};
static int show_of(int b) { return b < 4 ? 0 : b < 8 ? 1 : b < 13 ? 2 : b - 10; }

typedef struct ocell {
    double started, started_p, band[NSHOWB], ended, ended_p, len, weeks, gweeks;
    double status[STYR_NHORIZONS][STYR_NSTATUS];
} ocell;

static void add(ocell *a, const styr_offer_cell *c)
{
    a->started += c->started, a->started_p += c->started_p, a->ended += c->ended, a->ended_p += c->ended_p;
    a->len += (double)c->ended_len, a->weeks += c->weeks;
    for (int b = 0; b < STYR_NBANDS; b++) a->band[show_of(b)] += c->band[b];
    for (int h = 0; h < STYR_NHORIZONS; h++)
        for (int s = 0; s < STYR_NSTATUS; s++) a->status[h][s] += c->status[h][s];
}

/* Sum over municipalities in[] (or the country when in is NULL), kind, age band (-1: all), into x. */
static void gather1(const styr_offers *o, int g, int kind, int age, const uint8_t *in, int country, ocell *x)
{
    for (int k = 0; k < o->nk; k++) {
        if (in ? !in[k] : k != country) continue;
        for (int a = 0; a < STYR_NAGES; a++) {
            if (age >= 0 && a != age) continue;
            add(x, styr_offer_at(o, 0, k, g, kind, a));
            for (int t = 0; t < o->no; t++) x->gweeks += styr_offer_at(o, 0, k, g, t, a)->weeks;
        }
    }
}

/* The categories a filter selects (offers.h), or none (sel NULL: the whole). */
typedef struct catsel {
    int ncat;
    const uint8_t *sel; /* [ncat] */
} catsel;

static void gather(const styr_offers *o, const catsel *cs, int g, int kind, int age, const uint8_t *in, int country,
                   ocell *x)
{
    memset(x, 0, sizeof *x);
    if (!cs->sel) {
        gather1(o, g, kind, age, in, country, x);
        return;
    }
    for (int q = 0; q < cs->ncat; q++)
        if (cs->sel[q]) {
            styr_offers v = styr_offers_category(o, q);
            gather1(&v, g, kind, age, in, country, x);
        }
}

/* The STYR_OH_* bits of a cell: of the whole, or of any selected category. */
static unsigned hide_of(const styr_offers *o, const catsel *cs, int g, int t, int area, int col, const int *cl_of,
                        int is_year)
{
    if (!cs->sel) return styr_offer_hide(o, 0, g, t, area, col, cl_of, is_year);
    unsigned h = 0;
    for (int q = 0; q < cs->ncat && h != (STYR_OH_STARTED | STYR_OH_ENDED); q++)
        if (cs->sel[q]) h |= styr_offer_hide_cat(o, q, 0, g, t, area, col, cl_of, is_year);
    return h;
}

#define MAXCAT_ENH 32 /* units the offer tables split by at most (a table per unit in memory) */

/* The dimension of f (offers.h) and its selected categories; -1 when it has none or more than one
 * kind (said to the user). */
static int filter_dim(const styr_filter *f, const styr_cols *c, uint8_t *sel, int cap)
{
    int n = (f->vis != 0) + (f->unge != 0) + (f->flygtninge != 0) + (f->opr != 0) + (f->nenh != 0);
    if (n != 1) {
        fprintf(stderr, "styr offers: %s\n  %s\n",
                styr_tr("styr offers tager én slags målgruppe ad gangen", "styr offers takes one kind of target group at a time"),
                styr_tr("mulige: --maalgruppe med visitationer (fx jobparat,aktivitetsparat), --maalgruppe unge, "
                        "--maalgruppe flygtninge, --oprindelse eller --enhed",
                        "possible: --maalgruppe with visitations (e.g. jobparat,aktivitetsparat), --maalgruppe unge, "
                        "--maalgruppe flygtninge, --oprindelse or --enhed"));
        return -1;
    }
    memset(sel, 0, (size_t)cap);
    if (f->vis) {
        for (int v = 0; v < STYR_NVIS; v++) sel[v] = (f->vis >> v) & 1u;
        return STYR_OCAT_VIS;
    }
    if (f->unge) return sel[0] = 1, STYR_OCAT_UNGE;
    if (f->flygtninge) return sel[0] = 1, STYR_OCAT_FLYGT;
    if (f->opr) {
        for (int v = 0; v < STYR_NOPR; v++) sel[v] = (f->opr >> v) & 1u;
        return STYR_OCAT_OPR;
    }
    if (c->nenh > cap) {
        fprintf(stderr, styr_tr("styr offers: panelet har %d enheder; tilbud efter enhed kan vises for højst %d\n",
                                "styr offers: the panel has %d units; offers by unit can be shown for at most %d\n"),
                c->nenh - 1, cap - 1);
        return -1;
    }
    for (int j = 0; j < f->nenh; j++) sel[f->enh[j]] = 1;
    return STYR_OCAT_ENH;
}

typedef struct vals {
    styr_figval started, dur, fte, share, ended, job[STYR_NHORIZONS], selv3, udd3, notyet3, cl_job3;
    styr_figval band[NSHOWB];
} vals;

static styr_figval share_of(double num, double den, double persons, int suppress)
{
    if (suppress && persons < STYR_DISCRETION) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (den <= 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){100 * num / den, STYR_FV_OK};
}

/* hidden: STYR_OH_* bits of the row's level (offers.h); cl_hidden the same for the cluster */
static void values(const ocell *x, const ocell *cl, int pweeks, unsigned hidden, unsigned cl_hidden, vals *v)
{
    int hid = (hidden & STYR_OH_STARTED) != 0, hide = (hidden & STYR_OH_ENDED) != 0;
    v->started = hid ? (styr_figval){0, STYR_FV_SUPPRESSED} : (styr_figval){x->started, STYR_FV_OK};
    for (int b = 0; b < NSHOWB; b++) v->band[b] = share_of(x->band[b], x->started, hid ? 0 : STYR_DISCRETION, hid);
    v->fte = hid && x->weeks > 0 ? (styr_figval){0, STYR_FV_SUPPRESSED} : (styr_figval){x->weeks / pweeks, STYR_FV_OK};
    v->share = share_of(x->weeks, x->gweeks, x->weeks > 0 ? STYR_DISCRETION : 0, 0);
    if (hid && x->weeks > 0) v->share.state = STYR_FV_SUPPRESSED;
    v->ended = hide ? (styr_figval){0, STYR_FV_SUPPRESSED} : (styr_figval){x->ended, STYR_FV_OK};
    v->dur = hide ? (styr_figval){0, STYR_FV_SUPPRESSED}
                  : x->ended > 0 ? (styr_figval){x->len / x->ended, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
    for (int h = 0; h < STYR_NHORIZONS; h++) {
        double meas = x->ended - x->status[h][STYR_ST_NOTYET];
        v->job[h] = share_of(x->status[h][STYR_ST_JOB], meas, hide ? 0 : STYR_DISCRETION, hide);
    }
    double m3 = x->ended - x->status[1][STYR_ST_NOTYET];
    /* selvforsørget: no public support, education (SU) included (spec §5) */
    v->selv3 = share_of(x->status[1][STYR_ST_JOB] + x->status[1][STYR_ST_SELV] + x->status[1][STYR_ST_UDD], m3,
                        hide ? 0 : STYR_DISCRETION, hide);
    v->udd3 = share_of(x->status[1][STYR_ST_UDD], m3, hide ? 0 : STYR_DISCRETION, hide);
    v->notyet3 = hide ? (styr_figval){0, STYR_FV_SUPPRESSED} : (styr_figval){x->status[1][STYR_ST_NOTYET], STYR_FV_OK};
    double cm3 = cl ? cl->ended - cl->status[1][STYR_ST_NOTYET] : 0;
    int clh = (cl_hidden & STYR_OH_ENDED) != 0;
    v->cl_job3 = cl ? share_of(cl->status[1][STYR_ST_JOB], cm3, clh ? 0 : STYR_DISCRETION, clh) : (styr_figval){0, STYR_FV_NONE};
}

int styr_cmd_offers(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"ydelse", required_argument, 0, 'y'},
        {"periode", required_argument, 0, 'p'}, {"alder", no_argument, 0, 'a'},
        {"intern", no_argument, 0, 'i'},        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},  {"workspace", required_argument, 0, 'w'},
        {"help", no_argument, 0, 'h'},          STYR_FILTER_OPTIONS,
        {0, 0, 0, 0}};
    styr_filter_args fa = {0};
    const char *kl = NULL, *yl = NULL, *pl = NULL, *out = NULL;
    int by_age = 0, intern = 0, c;
    styr_format fmt = STYR_FMT_TABLE;
    optind = 1;
    while ((c = styr_cli_getopt("offers", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k': kl = optarg; break;
        case 'y': yl = optarg; break;
        case 'p': pl = optarg; break;
        case 'a': by_age = 1; break;
        case 'i': intern = 1; break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX) return styr_cli_bad_option("offers", "--format", optarg);
            break;
        case 'o': out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h':
            styr_cli_help(stdout, help_da, help_en);
            fputs(styr_select_filter_help(), stdout);
            return STYR_EXIT_OK;
        default:
            if (styr_filter_arg(&fa, c, optarg)) break;
            return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("offers", "", argv[optind]);
    styr_period per;
    if (pl && styr_period_parse(pl, &per)) return styr_cli_bad_option("offers", "--periode", pl);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_offers off;
    styr_cube cube;
    memset(&off, 0, sizeof off);
    memset(&cube, 0, sizeof cube);
    int e = STYR_EXIT_OK, *kom = NULL, nkom = 0, *grp = NULL, ngrp = 0;
    json_t *arr = NULL;
    styr_table *tb = NULL;
    styr_dest dest;
    int opened = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    char ownbuf[16];
    snprintf(ownbuf, sizeof ownbuf, "%d", own);
    if (styr_select_kommuner(codes, kl ? kl : own ? ownbuf : "land", &kom, &nkom) || nkom != 1) {
        e = styr_cli_bad_option("offers", "--kommune", kl ? kl : "");
        goto out;
    }
    if (styr_select_ydelser(codes, yl ? yl : "alle", &grp, &ngrp)) {
        e = styr_cli_bad_option("offers", "--ydelse", yl);
        goto out;
    }
    int k = kom[0], country = codes->dict.nkom;
    if (intern && (k == country || codes->dict.kom[k] != own)) {
        e = styr_cli_intern_denied("offers");
        goto out;
    }
    if (!pl) {
        char yb[16];
        snprintf(yb, sizeof yb, "%d", styr_default_year(p));
        styr_period_parse(yb, &per);
    }
    if ((e = styr_select_in_panel("offers", p, &per, 1))) goto out;
    styr_filter flt;
    char flabel[512] = "";
    uint8_t selbuf[MAXCAT_ENH];
    catsel cs = {0, NULL};
    if ((e = styr_select_filter("offers", p, &fa, &flt))) goto out;
    if (styr_filter_active(&flt)) {
        int dim = filter_dim(&flt, styr_panel_cols(p), selbuf, MAXCAT_ENH);
        if (dim < 0) {
            e = STYR_EXIT_USAGE;
            goto out;
        }
        styr_filter_label(&flt, styr_panel_cols(p), flabel, sizeof flabel);
        if ((rc = styr_offers_compute_cat(ws, &per, 1, dim, 0, &off, &d))) goto fail;
        cs.ncat = off.ncat, cs.sel = selbuf;
    } else if ((rc = styr_offers_compute(ws, &per, 1, NULL, 0, 0, &off, &cube, &d)))
        goto fail;
    const int mg = *flabel != 0;
    uint8_t in[STYR_MAX_KOMMUNER] = {0};
    int has_cl = 0;
    if (k < country) {
        styr_clusters cl;
        if ((rc = styr_cat_clusters(ws, styr_period_pop_year(&per), &cl, &d))) goto fail;
        if (cl.of[k] >= 0)
            for (int j = 0; j < codes->dict.nkom; j++) in[j] = cl.of[j] == cl.of[k], has_cl = 1;
    }
    const char *kname = k == country ? styr_tr("Hele landet", "Denmark") : codes->kom_name[k];
    int code = k == country ? 0 : codes->dict.kom[k];
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    opened = 1;
    FILE *f = dest.f;
    if (fmt == STYR_FMT_JSON) arr = json_array();
    else if (fmt == STYR_FMT_CSV)
        fprintf(f, "\xEF\xBB\xBFperiode;kommune;%sydelse;tilbud;alder;startet;varighed;fuldtidspersoner_i_tilbud;"
                   "andel_af_fuldtidspersoner;afsluttet;i_job_4uger;i_job_3mdr;i_job_6mdr;i_job_12mdr;selvforsoerget_3mdr;"
                   "klynge_i_job_3mdr\r\n",
                mg ? "maalgruppe;" : "");
    else {
        fprintf(f, styr_tr("Tilbud %s, %s: startet, varighed og status efter tilbuddets afslutning (rå tal)\n\n",
                           "Offers %s, %s: started, length and status after the offer's end (raw figures)\n\n"),
                per.name, kname);
        if (mg) fprintf(f, "%s: %s\n\n", styr_tr("Målgruppe", "Target group"), flabel);
        tb = styr_table_new(11, "llrrrrrrrrr");
        const char *h[11] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_tr("Alder", "Age"),
                             styr_tr("Startet", "Started"), styr_tr("Heraf uge 1-13", "Of them wk 1-13"),
                             styr_tr("Varighed", "Length"), styr_tr("Andel af fuldtid", "Share of FT"),
                             styr_tr("Afsluttet", "Ended"), styr_tr("Job 3 mdr.", "Work 3 m."),
                             styr_tr("Klyngen", "Cluster"), styr_tr("Selvf. 3 mdr.", "Self 3 m.")};
        styr_table_row(tb, h);
    }
    static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_PCT, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0},
                             wks = {"", "", "", "", "", 1, STYR_U_WEEKS, 0}, fte = {"", "", "", "", "", 1, STYR_U_FTE, 0};
    int exact = intern && k < country, cl_of[STYR_MAX_KOMMUNER];
    for (int j = 0; j < codes->dict.nkom; j++) cl_of[j] = -1;
    {
        styr_clusters all;
        if ((rc = styr_cat_clusters(ws, styr_period_pop_year(&per), &all, &d))) goto fail;
        for (int j = 0; j < codes->dict.nkom; j++) cl_of[j] = all.of[j];
    }
    int is_year = per.kind == STYR_P_YEAR;
    for (int i = 0; i < ngrp; i++) {
        int g = grp[i];
        if (!g) continue;
        for (int t = 1; t < off.no; t++) {
            for (int a = by_age ? 0 : -1; a < (by_age ? STYR_NAGES : 0); a++) {
                ocell x, cl;
                gather(&off, &cs, g, t, a, NULL, k, &x);
                if (x.started == 0 && x.ended == 0 && x.weeks == 0) continue;
                if (has_cl) gather(&off, &cs, g, t, a, in, k, &cl);
                vals v;
                int acol = a < 0 ? STYR_NAGES : a, clarea = k < country && cl_of[k] >= 0 ? country + 1 + cl_of[k] : -1;
                unsigned hid = exact ? 0 : hide_of(&off, &cs, g, t, k, acol, cl_of, is_year);
                values(&x, has_cl ? &cl : NULL, styr_period_weeks(&per), hid,
                       clarea >= 0 ? hide_of(&off, &cs, g, t, clarea, acol, cl_of, is_year) : 0, &v);
                const char *age = a < 0 ? styr_tr("alle", "all") : styr_age_names[a];
                if (arr) {
                    json_t *o = json_object(), *bands = json_object();
                    json_object_set_new(o, "periode", json_string(per.name));
                    json_object_set_new(o, "kommune", json_integer(code));
                    if (mg) json_object_set_new(o, "maalgruppe", json_string(flabel));
                    json_object_set_new(o, "ydelse", json_string(codes->dict.yd[g]));
                    json_object_set_new(o, "tilbud", json_string(codes->dict.tb[t]));
                    json_object_set_new(o, "alder", json_string(a < 0 ? "alle" : styr_age_names[a]));
                    json_object_set_new(o, "startet", styr_json_value(v.started, &cnt));
                    for (int b = 0; b < NSHOWB; b++) json_object_set_new(bands, show_band[b], styr_json_value(v.band[b], NULL));
                    json_object_set_new(o, "startet_i_forloebsuge_pct", bands);
                    json_object_set_new(o, "varighed", styr_json_value(v.dur, NULL));
                    json_object_set_new(o, "fuldtidspersoner_i_tilbud", styr_json_value(v.fte, NULL));
                    json_object_set_new(o, "andel_af_fuldtidspersoner", styr_json_value(v.share, NULL));
                    json_object_set_new(o, "afsluttet", styr_json_value(v.ended, &cnt));
                    static const char *hk[STYR_NHORIZONS] = {"i_job_4uger", "i_job_3mdr", "i_job_6mdr", "i_job_12mdr"};
                    for (int h = 0; h < STYR_NHORIZONS; h++) json_object_set_new(o, hk[h], styr_json_value(v.job[h], NULL));
                    json_object_set_new(o, "selvforsoerget_3mdr", styr_json_value(v.selv3, NULL));
                    json_object_set_new(o, "i_uddannelse_3mdr", styr_json_value(v.udd3, NULL));
                    json_object_set_new(o, "ikke_maalbare_3mdr", styr_json_value(v.notyet3, &cnt));
                    json_object_set_new(o, "klynge_i_job_3mdr", styr_json_value(v.cl_job3, NULL));
                    json_array_append_new(arr, o);
                } else if (fmt == STYR_FMT_CSV) {
                    fprintf(f, "%s;%d;", per.name, code);
                    if (mg) {
                        styr_csv_text(f, flabel);
                        fputc(';', f);
                    }
                    fprintf(f, "%s;%s;%s;", codes->dict.yd[g], codes->dict.tb[t], a < 0 ? "alle" : styr_age_names[a]);
                    const styr_figval *col[] = {&v.started, &v.dur, &v.fte, &v.share, &v.ended, &v.job[0], &v.job[1],
                                                &v.job[2], &v.job[3], &v.selv3, &v.cl_job3};
                    for (size_t q = 0; q < sizeof col / sizeof *col; q++) {
                        if (q) fputc(';', f);
                        if (col[q]->state == STYR_FV_SUPPRESSED) fputs("..", f);
                        else if (col[q]->state == STYR_FV_OK) styr_csv_number(f, col[q]->v, q == 0 || q == 4 ? 0 : 1);
                    }
                    fputs("\r\n", f);
                } else {
                    char s[10][48];
                    styr_figval early = {0, STYR_FV_NONE};
                    if (v.band[0].state == STYR_FV_OK)
                        early = (styr_figval){v.band[0].v + v.band[1].v + v.band[2].v, STYR_FV_OK};
                    else early.state = v.band[0].state;
                    const char *row[11] = {
                        styr_group_name(codes, g), styr_offer_name(codes, t), age, styr_fig_text(s[0], 48, &cnt, v.started),
                        styr_fig_text(s[1], 48, &pct, early), styr_fig_text(s[2], 48, &wks, v.dur),
                        styr_fig_text(s[3], 48, &pct, v.share), styr_fig_text(s[4], 48, &cnt, v.ended),
                        styr_fig_text(s[5], 48, &pct, v.job[1]), styr_fig_text(s[6], 48, &pct, v.cl_job3),
                        styr_fig_text(s[7], 48, &pct, v.selv3)};
                    (void)fte;
                    styr_table_row(tb, row);
                }
            }
        }
    }
    int wrc = 0;
    if (arr) {
        wrc = styr_json_write(f, arr);
        arr = NULL;
    } else if (tb) {
        styr_table_print(tb, f);
        fprintf(f, "\n%s\n", styr_tr("Rå tal: de blander tilbuddets effekt med, hvem der fik det (se styr effect). Status måles "
                                     "efter tilbuddets sidste uge. Vises for kalenderår.",
                                     "Raw figures: they mix the offer's effect with who got it (see styr effect). Status is "
                                     "read after the offer's last week. Shown for calendar years."));
        fprintf(f, "%s\n", styr_discretion_note());
    }
    opened = 0;
    if ((rc = styr_dest_close(&dest, !wrc && !ferror(f), &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (opened) styr_dest_close(&dest, 0, &d);
    json_decref(arr);
    styr_table_free(tb);
    free(kom);
    free(grp);
    styr_offers_free(&off);
    styr_cube_free(&cube);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
