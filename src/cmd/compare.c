/* styr compare: a municipality against its cluster on any figure (spec §7),
 * and with --model its actual share on public support against the share
 * expected from its frame conditions. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/bench.h"
#include "../calc/y30r21.h"
#include "../calc/model.h"
#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../ingest/covcsv.h"
#include "../out/figout.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr compare [-w ARBEJDSOMRÅDE] [--kommune K] [--figur F] [--ydelse G] [--periode P]\n"
    "                   [--klynge K1,K2,...] [--intern] [--format table|json|csv] [-o FIL]\n"
    "       styr compare --model [--rammevilkaar FIL] [--ydelse G] [--periode P] [...]\n"
    "\n"
    "Sammenligner kommunen med dens klynge (kommuner med sammenlignelige rammevilkår,\n"
    "klynger.csv for periodens år) på et nøgletal: klyngens niveau (klyngen som ét område:\n"
    "summen af tællere over summen af nævnere), den bedste i klyngen, kommunens placering\n"
    "(1 = bedst; lige værdier deler den bedste placering), udviklingen fra samme periode\n"
    "året før for kommunen og klyngen, og potentialet: hvad kommunen kunne frigøre ved at\n"
    "gøre det lige så godt som klyngens niveau og som den bedste (for tal pr. indbygger).\n"
    "\n"
    "  --figur F        nøgletallets nøgle, fx andel_befolkning (standard), varighed,\n"
    "                   langvarige, i_job_3mdr, aktiveringsgrad, netto_pr_indbygger_18_64\n"
    "  --ydelse G       ydelsesgruppen (standard: i_alt, offentligt forsørgede i alt)\n"
    "  --klynge LISTE   en selvvalgt gruppe kommuner i stedet for klyngen\n"
    "  --klynge forventet  kommunen og de 10 kommuner, hvis forventede andel ligger\n"
    "                   nærmest (jobindsats Y30R21, alle ydelser, seneste indlæste periode;\n"
    "                   lige afstande efter kommunekode)\n"
    "  --model          forventet mod faktisk: andelen på offentlig forsørgelse forklaret\n"
    "                   med rammevilkår (mindste kvadraters metode, standardfejl pr.\n"
    "                   koefficient); hver kommunes afvigelse, placering og fem nærmeste\n"
    "                   kommuner efter forventet andel\n"
    "  --rammevilkaar FIL  kommune;kolonne1;kolonne2... (standard: arbejdsområdets sæt,\n"
    "                   som styr synth lægger ind)\n";
static const char help_en[] =
    "Usage: styr compare [-w WORKSPACE] [--kommune K] [--figur F] [--ydelse G] [--periode P]\n"
    "                    [--klynge K1,K2,...] [--intern] [--format table|json|csv] [-o FILE]\n"
    "       styr compare --model [--rammevilkaar FILE] [--ydelse G] [--periode P] [...]\n"
    "\n"
    "Compares the municipality with its cluster (municipalities with comparable\n"
    "conditions, klynger.csv for the period's year) on one figure: the cluster's level\n"
    "(the cluster as one area: sum of numerators over sum of denominators), the best in\n"
    "the cluster, the municipality's rank (1 = best; equal values share the better rank),\n"
    "the development from the same period a year before for the municipality and the\n"
    "cluster, and the potential: what doing as well as the cluster's level and as the\n"
    "best would free (for figures per inhabitant).\n"
    "\n"
    "  --figur F        the figure's key, e.g. andel_befolkning (default), varighed,\n"
    "                   langvarige, i_job_3mdr, aktiveringsgrad, netto_pr_indbygger_18_64\n"
    "  --ydelse G       the benefit group (default: i_alt, all public support)\n"
    "  --klynge LIST    an ad-hoc set of municipalities instead of the cluster\n"
    "  --klynge forventet  the municipality and the 10 whose expected share is nearest\n"
    "                   (jobindsats Y30R21, all benefits, the latest period imported; equal\n"
    "                   distances by municipality code)\n"
    "  --model          expected against actual: the share on public support explained by\n"
    "                   frame conditions (least squares, a standard error per\n"
    "                   coefficient); each municipality's departure, rank and five\n"
    "                   nearest municipalities by expected share\n"
    "  --rammevilkaar FILE  kommune;column1;column2... (default: the workspace's set,\n"
    "                   stored by styr synth)\n";

typedef struct args {
    long long kommune;
    const char *figur, *ydelse, *periode, *klynge, *covfile, *out;
    int intern, model;
    styr_format format;
    styr_filter_args fa;       /* --maalgruppe, --oprindelse, --enhed */
    const char *maalgruppe;    /* their label, when given */
} args;

static int parse(styr_cli *cli, int argc, char **argv, args *a)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"figur", required_argument, 0, 'f'},
        {"ydelse", required_argument, 0, 'y'},  {"periode", required_argument, 0, 'p'},
        {"klynge", required_argument, 0, 'c'},  {"intern", no_argument, 0, 'i'},
        {"format", required_argument, 0, 'F'},  {"output", required_argument, 0, 'o'},
        {"model", no_argument, 0, 'm'},         {"rammevilkaar", required_argument, 0, 'r'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        STYR_FILTER_OPTIONS,                      {0, 0, 0, 0}};
    int c;
    optind = 1;
    memset(a, 0, sizeof *a);
    a->figur = "andel_befolkning";
    a->ydelse = "i_alt";
    while ((c = styr_cli_getopt("compare", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_kommune("compare", optarg, &a->kommune)) return STYR_EXIT_USAGE;
            break;
        case 'f': a->figur = optarg; break;
        case 'y': a->ydelse = optarg; break;
        case 'p': a->periode = optarg; break;
        case 'c': a->klynge = optarg; break;
        case 'i': a->intern = 1; break;
        case 'F':
            if (styr_format_parse(optarg, &a->format) || a->format == STYR_FMT_XLSX)
                return styr_cli_bad_option("compare", "--format", optarg);
            break;
        case 'o': a->out = optarg; break;
        case 'm': a->model = 1; break;
        case 'r': a->covfile = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h':
            styr_cli_help(stdout, help_da, help_en);
            fputs(styr_select_filter_help(), stdout);
            return STYR_EXIT_OK;
        default:
            if (styr_filter_arg(&a->fa, c, optarg)) break;
            return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("compare", "", argv[optind]);
    return -1;
}

/* ---- cluster benchmark output ----------------------------------------------------------------- */

typedef struct member {
    int k;
    styr_figval v, prev, dev;
    int rank;
    const char *kilde, *kilde_prev; /* the published figures' source, or NULL for the panel's */
} member;

/* The sources of the published figures shown (this period, then the year before): at most 16 */
static int sources_of(const member *mem, int nmem, const char **v)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nmem; i++) {
            const char *s = pass ? mem[i].kilde_prev : mem[i].kilde;
            int seen = !s;
            for (int j = 0; j < n && !seen; j++) seen = !strcmp(v[j], s);
            if (!seen && n < 16) v[n++] = s;
        }
    return n;
}

static int source_index(const char *const *v, int n, const char *s)
{
    for (int j = 0; s && j < n; j++)
        if (!strcmp(v[j], s)) return j + 1;
    return 0;
}

static void csv_val(FILE *f, styr_figval v, int dec)
{
    if (v.state == STYR_FV_SUPPRESSED) fputs("..", f);
    else if (v.state == STYR_FV_OK) styr_csv_number(f, v.v, dec);
}

static int write_bench(FILE *f, const args *a, const styr_bdata *b, const styr_metric *m, const styr_period *per,
                       int g, int k, const styr_bench *x, const member *mem, int nmem, const char *areaname)
{
    const styr_codes *c = b->codes;
    const styr_figdef *def = m->def;
    char t1[64], t2[64], t3[64];
    const char *src[16];
    int nsrc = sources_of(mem, nmem, src), pub = b->res.any_pub;
    if (a->format == STYR_FMT_JSON) {
        json_t *o = json_object(), *arr = json_array();
        json_object_set_new(o, "periode", json_string(per->name));
        json_object_set_new(o, "kommune", json_integer(c->dict.kom[k]));
        json_object_set_new(o, "kommunenavn", json_string(c->kom_name[k]));
        json_object_set_new(o, "ydelse", json_string(styr_group_key(c, g)));
        json_object_set_new(o, "figur", json_string(def->key));
        json_object_set_new(o, "klynge", json_string(areaname));
        if (a->maalgruppe) json_object_set_new(o, "maalgruppe", json_string(a->maalgruppe));
        json_object_set_new(o, "vaerdi", styr_json_value(x->own, def));
        for (int i = 0; i < nmem; i++)
            if (mem[i].k == k && mem[i].kilde) json_object_set_new(o, "kilde", json_string(mem[i].kilde));
        json_object_set_new(o, "klynge_niveau", styr_json_value(x->level, def));
        if (x->level.state == STYR_FV_SUPPRESSED) json_object_set_new(o, "klynge_diskretion", json_true());
        json_object_set_new(o, "bedste", styr_json_value(x->best, def));
        json_object_set_new(o, "bedste_kommune", x->best_kom >= 0 ? json_integer(c->dict.kom[x->best_kom]) : json_null());
        json_object_set_new(o, "placering", x->rank ? json_integer(x->rank) : json_null());
        json_object_set_new(o, "antal_rangeret", json_integer(x->nranked));
        json_object_set_new(o, "udvikling", styr_json_value(x->dev_own, NULL));
        json_object_set_new(o, "klynge_udvikling", styr_json_value(x->dev_level, NULL));
        json_object_set_new(o, "potentiale_niveau", x->has_potential ? styr_json_value(x->pot_level, NULL) : json_null());
        json_object_set_new(o, "potentiale_bedste", x->has_potential ? styr_json_value(x->pot_best, NULL) : json_null());
        if (x->has_potential)
            json_object_set_new(o, "potentiale_enhed", json_string(x->pot_unit == STYR_U_KR ? "kr" : "fuldtidspersoner"));
        for (int i = 0; i < nmem; i++) {
            json_t *r = json_object();
            json_object_set_new(r, "kommune", json_integer(c->dict.kom[mem[i].k]));
            json_object_set_new(r, "kommunenavn", json_string(c->kom_name[mem[i].k]));
            json_object_set_new(r, "vaerdi", styr_json_value(mem[i].v, def));
            json_object_set_new(r, "placering", mem[i].rank ? json_integer(mem[i].rank) : json_null());
            json_object_set_new(r, "udvikling", styr_json_value(mem[i].dev, NULL));
            if (mem[i].v.state == STYR_FV_SUPPRESSED) json_object_set_new(r, "diskretion", json_true());
            if (pub) json_object_set_new(r, "kilde", mem[i].kilde ? json_string(mem[i].kilde) : json_null());
            if (pub && mem[i].kilde_prev)
                json_object_set_new(r, "kilde_aaret_foer", json_string(mem[i].kilde_prev));
            json_array_append_new(arr, r);
        }
        json_object_set_new(o, "kommuner", arr);
        return styr_json_write(f, o);
    }
    if (a->format == STYR_FMT_CSV) {
        fputs(pub ? "\xEF\xBB\xBFkommune;kommunenavn;vaerdi;placering;udvikling;kilde\r\n"
                  : "\xEF\xBB\xBFkommune;kommunenavn;vaerdi;placering;udvikling\r\n",
              f);
        for (int i = 0; i < nmem; i++) {
            fprintf(f, "%d;", c->dict.kom[mem[i].k]);
            styr_csv_text(f, c->kom_name[mem[i].k]);
            fputc(';', f);
            csv_val(f, mem[i].v, def->decimals);
            fputc(';', f);
            if (mem[i].rank) fprintf(f, "%d", mem[i].rank);
            fputc(';', f);
            csv_val(f, mem[i].dev, 1);
            if (pub) {
                fputc(';', f);
                if (mem[i].kilde) styr_csv_text(f, mem[i].kilde);
            }
            fputs("\r\n", f);
        }
        fputs("0;", f);
        styr_csv_text(f, areaname);
        fputc(';', f);
        csv_val(f, x->level, def->decimals);
        fputs(";;", f);
        csv_val(f, x->dev_level, 1);
        if (pub) fputc(';', f);
        fputs("\r\n", f);
        return 0;
    }
    fprintf(f, "%s, %s, %s\n", styr_tr(def->da, def->en), styr_group_name(c, g), per->name);
    if (a->maalgruppe) fprintf(f, "%s: %s\n", styr_tr("Målgruppe", "Target group"), a->maalgruppe);
    fprintf(f, styr_tr("%s Kommune (%d) mod %s: %d kommuner\n\n", "%s (%d) against %s: %d municipalities\n\n"),
            c->kom_name[k], c->dict.kom[k], areaname, x->nmembers);
    styr_table *t = styr_table_new(4, "rlrr");
    const char *head[4] = {styr_tr("Plac.", "Rank"), styr_tr("Kommune", "Municipality"), styr_tr("Værdi", "Value"),
                           styr_tr("Udvikling", "Change")};
    styr_table_row(t, head);
    for (int i = 0; i < nmem; i++) {
        char r[16], name[80];
        snprintf(r, sizeof r, "%s", mem[i].rank ? "" : "-");
        if (mem[i].rank) snprintf(r, sizeof r, "%d", mem[i].rank);
        snprintf(name, sizeof name, "%s%s", c->kom_name[mem[i].k], mem[i].k == k ? " *" : "");
        int si = source_index(src, nsrc, mem[i].kilde);
        if (si) snprintf(name + strlen(name), sizeof name - strlen(name), " [%d]", si);
        const char *row[4] = {r, name, styr_fig_text(t1, sizeof t1, def, mem[i].v),
                              styr_change_text(t2, sizeof t2, def, mem[i].dev)};
        styr_table_row(t, row);
    }
    char lvl[64];
    snprintf(lvl, sizeof lvl, "%s", styr_tr("Klyngens niveau", "Cluster level"));
    const char *row[4] = {"", lvl, styr_fig_text(t1, sizeof t1, def, x->level),
                          styr_change_text(t2, sizeof t2, def, x->dev_level)};
    styr_table_row(t, row);
    styr_table_print(t, f);
    styr_table_free(t);
    fputc('\n', f);
    if (x->rank)
        fprintf(f, styr_tr("Placering: %d af %d (1 = bedst).\n", "Rank: %d of %d (1 = best).\n"), x->rank, x->nranked);
    if (x->best_kom >= 0)
        fprintf(f, styr_tr("Bedste i klyngen: %s (%s).\n", "Best in the cluster: %s (%s).\n"), c->kom_name[x->best_kom],
                styr_fig_text(t1, sizeof t1, def, x->best));
    if (x->dev_own.state == STYR_FV_OK || x->dev_level.state == STYR_FV_OK)
        fprintf(f, styr_tr("Udvikling fra året før: %s i kommunen, %s i klyngen.\n",
                           "Change from a year before: %s in the municipality, %s in the cluster.\n"),
                styr_change_text(t1, sizeof t1, def, x->dev_own), styr_change_text(t2, sizeof t2, def, x->dev_level));
    if (x->has_potential) {
        /* the texts first: the order arguments are evaluated in is unspecified */
        styr_potential_text(t1, sizeof t1, x->pot_unit, x->pot_level);
        styr_potential_text(t3, sizeof t3, x->pot_unit, x->pot_best);
        fprintf(f, styr_tr("Potentiale ved at gøre det lige så godt som klyngens niveau: %s; som den bedste: %s%s\n",
                           "Potential from doing as well as the cluster's level: %s; as the best: %s%s\n"),
                t1, t3, styr_sentence_end(t3));
    }
    if (def->unit == STYR_U_PCT)
        fprintf(f, "%s\n", styr_tr("Udvikling i procentpoint.", "Change in percentage points."));
    fprintf(f, "%s %s\n", styr_discretion_note(), styr_tr("* = kommunen selv.", "* = the municipality itself."));
    for (int i = 0; i < nsrc; i++)
        fprintf(f, "[%d] %s: %s\n", i + 1, styr_tr("Offentlige tal", "Published figures"), src[i]);
    return 0;
}

static int by_rank(const void *a, const void *b)
{
    const member *x = a, *y = b;
    int rx = x->rank ? x->rank : 1000, ry = y->rank ? y->rank : 1000;
    return rx != ry ? (rx > ry) - (rx < ry) : (x->k > y->k) - (x->k < y->k);
}

/* ---- model output ------------------------------------------------------------------------------- */

static int write_model(FILE *f, const args *a, const styr_codes *c, const styr_covars *cov, const styr_model *m,
                       const styr_period *per, int g, int k)
{
    char t1[64], t2[64], t3[64];
    int order[STYR_MAX_KOMMUNER];
    for (int i = 0; i < m->n; i++) order[i] = i;
    /* by rank (ties in municipality order) */
    for (int i = 1; i < m->n; i++)
        for (int j = i; j > 0 && m->row[order[j]].rank < m->row[order[j - 1]].rank; j--) {
            int s = order[j];
            order[j] = order[j - 1];
            order[j - 1] = s;
        }
    if (a->format == STYR_FMT_JSON) {
        json_t *o = json_object(), *co = json_array(), *arr = json_array();
        json_object_set_new(o, "periode", json_string(per->name));
        json_object_set_new(o, "ydelse", json_string(styr_group_key(c, g)));
        json_object_set_new(o, "figur", json_string("andel_befolkning"));
        json_object_set_new(o, "rammevilkaar", json_string(cov->source));
        json_object_set_new(o, "n", json_integer(m->n));
        json_object_set_new(o, "r2", json_real(round(m->ols.r2 * 1e6) / 1e6));
        for (int j = 0; j <= cov->n; j++) {
            json_t *r = json_object();
            json_object_set_new(r, "navn", json_string(j ? cov->name[j - 1] : "konstant"));
            json_object_set_new(r, "koefficient", json_real(m->ols.b[j]));
            json_object_set_new(r, "standardfejl", json_real(m->ols.se[j]));
            json_array_append_new(co, r);
        }
        json_object_set_new(o, "koefficienter", co);
        for (int i = 0; i < m->n; i++) {
            const styr_model_row *r = &m->row[order[i]];
            json_t *x = json_object(), *peers = json_array();
            json_object_set_new(x, "kommune", json_integer(c->dict.kom[r->k]));
            json_object_set_new(x, "kommunenavn", json_string(c->kom_name[r->k]));
            json_object_set_new(x, "faktisk", json_real(round(r->actual * 1e6) / 1e6));
            json_object_set_new(x, "forventet", json_real(round(r->expected * 1e6) / 1e6));
            json_object_set_new(x, "forskel", json_real(round(r->diff * 1e6) / 1e6));
            json_object_set_new(x, "placering", json_integer(r->rank));
            for (int p = 0; p < STYR_NPEERS && r->peers[p] >= 0; p++)
                json_array_append_new(peers, json_integer(c->dict.kom[r->peers[p]]));
            json_object_set_new(x, "naboer", peers);
            json_array_append_new(arr, x);
        }
        json_object_set_new(o, "kommuner", arr);
        return styr_json_write(f, o);
    }
    if (a->format == STYR_FMT_CSV) {
        fputs("\xEF\xBB\xBFkommune;kommunenavn;faktisk;forventet;forskel;placering\r\n", f);
        for (int i = 0; i < m->n; i++) {
            const styr_model_row *r = &m->row[order[i]];
            fprintf(f, "%d;", c->dict.kom[r->k]);
            styr_csv_text(f, c->kom_name[r->k]);
            fputc(';', f);
            styr_csv_number(f, r->actual, 2);
            fputc(';', f);
            styr_csv_number(f, r->expected, 2);
            fputc(';', f);
            styr_csv_number(f, r->diff, 2);
            fprintf(f, ";%d\r\n", r->rank);
        }
        return 0;
    }
    fprintf(f, styr_tr("Forventet mod faktisk: andel af befolkningen 16-66 år, %s, %s\n",
                       "Expected against actual: share of the population aged 16-66, %s, %s\n"),
            styr_group_name(c, g), per->name);
    fprintf(f, styr_tr("Mindste kvadraters metode på %d kommuner; R² = %s. Rammevilkår: %s\n\n",
                       "Least squares on %d municipalities; R² = %s. Frame conditions: %s\n\n"),
            m->n, styr_fmt_num(t1, sizeof t1, m->ols.r2, 3), cov->source);
    styr_table *t = styr_table_new(3, "lrr");
    const char *h[3] = {styr_tr("Forklarende variabel", "Covariate"), styr_tr("Koefficient", "Coefficient"),
                        styr_tr("Standardfejl", "Std. error")};
    styr_table_row(t, h);
    for (int j = 0; j <= cov->n; j++) {
        const char *r[3] = {j ? cov->name[j - 1] : styr_tr("konstant", "constant"),
                            styr_fmt_num(t1, sizeof t1, m->ols.b[j], 4), styr_fmt_num(t2, sizeof t2, m->ols.se[j], 4)};
        styr_table_row(t, r);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fputc('\n', f);
    if (k >= 0 && m->of[k] >= 0) {
        const styr_model_row *r = &m->row[m->of[k]];
        fprintf(f, styr_tr("%s: faktisk %s, forventet %s, forskel %s (placering %d af %d; 1 = mest under det forventede).\n",
                           "%s: actual %s, expected %s, difference %s (rank %d of %d; 1 = furthest below expected).\n"),
                c->kom_name[k], styr_fmt_pct(t1, sizeof t1, r->actual, 1), styr_fmt_pct(t2, sizeof t2, r->expected, 1),
                (styr_fmt_num(t3, sizeof t3, r->diff, 1), strcat(t3, styr_tr(" pct.-point", " pp"))), r->rank, m->n);
        fprintf(f, "%s", styr_tr("Nærmeste kommuner efter forventet andel:", "Nearest municipalities by expected share:"));
        for (int p = 0; p < STYR_NPEERS && r->peers[p] >= 0; p++) {
            const styr_model_row *q = &m->row[m->of[r->peers[p]]];
            fprintf(f, "%s %s (%s)", p ? "," : "", c->kom_name[q->k], styr_fmt_pct(t1, sizeof t1, q->actual, 1));
        }
        fputs("\n\n", f);
    }
    t = styr_table_new(5, "rlrrr");
    const char *h2[5] = {styr_tr("Plac.", "Rank"), styr_tr("Kommune", "Municipality"), styr_tr("Faktisk", "Actual"),
                         styr_tr("Forventet", "Expected"), styr_tr("Forskel", "Difference")};
    styr_table_row(t, h2);
    for (int i = 0; i < m->n; i++) {
        const styr_model_row *r = &m->row[order[i]];
        char rk[16], name[64];
        snprintf(rk, sizeof rk, "%d", r->rank);
        snprintf(name, sizeof name, "%s%s", c->kom_name[r->k], r->k == k ? " *" : "");
        const char *row[5] = {rk, name, styr_fmt_num(t1, sizeof t1, r->actual, 1),
                              styr_fmt_num(t2, sizeof t2, r->expected, 1), styr_fmt_num(t3, sizeof t3, r->diff, 1)};
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "\n%s\n", styr_tr("Andele i pct. af befolkningen 16-66 år; forskel i procentpoint. Modellen beskriver "
                                 "sammenhænge, ikke årsager.",
                                 "Shares in pct. of the population aged 16-66; difference in percentage points. The "
                                 "model describes associations, not causes."));
    return 0;
}

static styr_rc read_covars(const char *path, const styr_codes *c, styr_covars *cov, styr_diags *d)
{
    styr_map map;
    styr_rc rc = styr_map_file(path, &map, d);
    if (rc) return rc;
    styr_encoding enc;
    char sep;
    rc = styr_covars_read(path, map.data, map.size, c, cov, &enc, &sep, d);
    styr_unmap(&map);
    if (!rc)
        fprintf(stderr, styr_tr("Læste %s: %s, adskilt af %s.\n", "Read %s: %s, separated by %s.\n"), path,
                styr_encoding_name(enc), styr_sep_name(sep));
    return rc;
}

int styr_cmd_compare(styr_cli *cli, int argc, char **argv)
{
    args a;
    int e = parse(cli, argc, argv, &a);
    if (e >= 0) return e;
    e = STYR_EXIT_OK;
    styr_period per[2];
    int nper = 1;
    if (a.periode && styr_period_parse(a.periode, &per[0])) return styr_cli_bad_option("compare", "--periode", a.periode);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_bdata b;
    memset(&b, 0, sizeof b);
    styr_covars *cov = NULL;
    styr_model *model = NULL;
    int *grp = NULL, ngrp = 0, *kl = NULL, nkl = 0;
    styr_dest dest = {0};
    int opened = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *c = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    if (!a.kommune) a.kommune = own;
    int k = a.kommune > 0 && a.kommune < 1000 ? c->kom_idx[a.kommune] : -1;
    if (k < 0 && !(a.model && !a.kommune)) {
        char v[16];
        snprintf(v, sizeof v, "%lld", a.kommune);
        e = styr_cli_bad_option("compare", "--kommune", v);
        goto out;
    }
    if (a.intern && (!own || a.kommune != own)) {
        e = styr_cli_intern_denied("compare");
        goto out;
    }
    if (styr_select_ydelser(c, a.ydelse, &grp, &ngrp) || ngrp != 1) {
        e = styr_cli_bad_option("compare", "--ydelse", a.ydelse);
        goto out;
    }
    int forventet = a.klynge && !strcmp(a.klynge, "forventet");
    if (a.klynge && !forventet && (styr_select_kommuner(c, a.klynge, &kl, &nkl) || nkl < 1)) {
        e = styr_cli_bad_option("compare", "--klynge", a.klynge);
        goto out;
    }
    if (!a.periode) {
        char yb[16];
        styr_select_default_period(ws, p, STYR_KILDE_AUTO, yb, sizeof yb);
        styr_period_parse(yb, &per[0]);
    }
    if ((e = styr_select_in_source("compare", ws, p, &per[0], 1, STYR_KILDE_AUTO))) goto out;
    if (!a.model && !styr_period_year_before(&per[0], &per[1])) nper = 2;
    const char *fig = a.model ? "andel_befolkning" : a.figur;
    int money = styr_fig_by_key(fig) < 0;
    if ((e = styr_select_applies("compare", c, grp[0], fig))) goto out;
    /* a key that no money figure can have is told before the counts are loaded */
    if (money && strncmp(fig, "netto", 5) && strncmp(fig, "brutto", 6) && strncmp(fig, "refusion", 8) &&
        strncmp(fig, "uger_", 5)) {
        e = styr_cli_bad_option("compare", "--figur", fig);
        goto out;
    }
    int own_idx = a.intern ? k : -1;
    styr_filter flt;
    char flabel[512];
    if ((e = styr_select_filter("compare", p, &a.fa, &flt))) goto out;
    if (styr_filter_active(&flt)) {
        if (a.model) {
            fprintf(stderr, "styr compare: %s\n",
                    styr_tr("--model forklarer hele andelen af befolkningen på offentlig forsørgelse og tager ikke "
                            "--maalgruppe, --oprindelse eller --enhed",
                            "--model explains the whole share of the population on public support and takes no "
                            "--maalgruppe, --oprindelse or --enhed"));
            e = STYR_EXIT_USAGE;
            goto out;
        }
        styr_filter_label(&flt, styr_panel_cols(p), flabel, sizeof flabel);
        a.maalgruppe = flabel;
    }
    if ((rc = styr_bdata_load_filtered(ws, per, nper, money, own_idx, 0, &flt, &b, &d))) goto fail;
    styr_metric m;
    if (styr_metric_by_key(fig, money ? &b.mdefs : NULL, &m)) {
        e = styr_cli_bad_option("compare", "--figur", fig);
        goto out;
    }
    int p0 = -1, p1 = -1;
    for (int i = 0; i < b.res.ps.n; i++) {
        if (!strcmp(b.res.ps.p[i].name, per[0].name)) p0 = i;
        if (nper == 2 && !strcmp(b.res.ps.p[i].name, per[1].name)) p1 = i;
    }
    int g = grp[0];
    if (a.model) {
        cov = styr_xcalloc(1, sizeof *cov);
        if (a.covfile) rc = read_covars(a.covfile, c, cov, &d);
        else rc = styr_covars_load(ws, cov, &d);
        if (rc) goto fail;
        if (!cov->n) {
            fprintf(stderr, "styr compare: %s\n",
                    styr_tr("arbejdsområdet har ingen rammevilkår; angiv --rammevilkaar FIL",
                            "the workspace has no frame conditions; give --rammevilkaar FILE"));
            e = STYR_EXIT_USAGE;
            goto out;
        }
        double actual[STYR_MAX_KOMMUNER];
        for (int j = 0; j < b.nk; j++) {
            styr_figval v = styr_bdata_value(&b, &m, p0, j, g);
            actual[j] = v.state == STYR_FV_OK ? v.v : NAN;
        }
        model = styr_xcalloc(1, sizeof *model);
        if (styr_model_fit(actual, cov, b.nk, model)) {
            fprintf(stderr, "styr compare: %s\n",
                    styr_tr("modellen kan ikke estimeres: for få kommuner, eller kolonner der er lineært afhængige",
                            "the model cannot be estimated: too few municipalities, or linearly dependent columns"));
            e = STYR_EXIT_INPUT;
            goto out;
        }
        if ((rc = styr_dest_open(&dest, a.out, &d))) goto fail;
        opened = 1;
        int wrc = write_model(dest.f, &a, c, cov, model, &per[0], g, k);
        opened = 0;
        if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    } else {
        uint8_t in[STYR_MAX_KOMMUNER] = {0};
        char areaname[160];
        if (forventet) {
            char yp[16];
            int nm;
            if ((rc = styr_y30_comparable(ws, c, k, in, yp, &nm, &d))) goto fail;
            if (!nm) {
                fprintf(stderr, "styr compare: %s\n",
                        styr_msg_text(M_BM_NEED_SHARE));
                e = STYR_EXIT_USAGE;
                goto out;
            }
            snprintf(areaname, sizeof areaname,
                     styr_tr("de %d kommuner, hvis forventede andel ligger nærmest (jobindsats Y30R21, %s)",
                             "the %d municipalities whose expected share is nearest (jobindsats Y30R21, %s)"),
                     nm - 1, yp);
        } else if (kl) {
            for (int i = 0; i < nkl; i++)
                if (kl[i] < b.nk) in[kl[i]] = 1;
            in[k] = 1;
            snprintf(areaname, sizeof areaname, "%s", styr_tr("den valgte gruppe", "the chosen group"));
        } else {
            styr_clusters cl;
            if ((rc = styr_cat_clusters(ws, styr_period_pop_year(&per[0]), &cl, &d))) goto fail;
            if (styr_cluster_members(cl.of, b.nk, k, in) == 0) {
                fprintf(stderr, "styr compare: %s\n",
                        styr_tr("kommunen er ikke i nogen klynge det år; brug --klynge",
                                "the municipality is in no cluster that year; use --klynge"));
                e = STYR_EXIT_USAGE;
                goto out;
            }
            snprintf(areaname, sizeof areaname, "%s (%d)", cl.name[cl.of[k]], cl.year);
        }
        styr_bench x;
        styr_bench_make(&b, &m, p0, p1, k, g, in, &x);
        member mem[STYR_MAX_KOMMUNER];
        styr_figval vals[STYR_MAX_KOMMUNER];
        int nmem = 0;
        for (int j = 0; j < b.nk; j++) {
            if (!in[j]) continue;
            member *q = &mem[nmem];
            q->k = j;
            q->v = vals[nmem] = styr_bdata_value(&b, &m, p0, j, g);
            q->prev = p1 >= 0 ? styr_bdata_value(&b, &m, p1, j, g) : (styr_figval){0, STYR_FV_NONE};
            q->kilde = styr_bdata_source(&b, p0, j, g);
            q->kilde_prev = p1 >= 0 ? styr_bdata_source(&b, p1, j, g) : NULL;
            q->dev = styr_change(q->v, q->prev, m.def->unit);
            nmem++;
        }
        for (int i = 0; i < nmem; i++) {
            int nr;
            mem[i].rank = styr_rank(vals, nmem, i, m.def->better, &nr);
        }
        if (nmem > 1) qsort(mem, (size_t)nmem, sizeof *mem, by_rank);
        if ((rc = styr_dest_open(&dest, a.out, &d))) goto fail;
        opened = 1;
        int wrc = write_bench(dest.f, &a, &b, &m, &per[0], g, k, &x, mem, nmem, areaname);
        opened = 0;
        if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    }
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &b.res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (opened) styr_dest_close(&dest, 0, &d);
    styr_bdata_free(&b);
    free(cov);
    free(model);
    free(grp);
    free(kl);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
