/* styr profil: a municipality's profile in words against its cluster. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/pubind.h"
#include "../out/figout.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/profile.h"
#include "benchctx.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr profil [-w ARBEJDSOMRÅDE] [--kommune K] [--periode P] [--intern] [--alle]\n"
    "                  [--format table|json] [--klynge forventet] [--anbefalinger FIL]\n"
    "\n"
    "Kommunens profil, som KL's politiske partnerskab tegner den: syv temaer (politisk\n"
    "lederskab, politiske principper, samarbejde med virksomheder, den sammenhængende\n"
    "indsats, effekter og resultater, økonomi, god ledelse), hver med styrker,\n"
    "udfordringer og forskelle mod klyngen, anbefalinger og gode eksempler. Fx \"I har\n"
    "færre på sygedagpenge end klyngen (2,0 pct. mod 2,2 pct. i klyngen).\"\n"
    "Hvad et tal siger, står i data/profil_retninger.csv: om højere er bedre, lavere er\n"
    "bedre eller ingen af delene, og om tallet overhovedet gælder for ydelsen. Kun tal\n"
    "med en retning bliver styrker eller udfordringer; de andre er forskelle at drøfte\n"
    "(en høj aktiveringsgrad er ikke et mål i sig selv). Hver udfordring nævner klyngens\n"
    "bedste kommune på tallet og den, der er forbedret mest på et år. Et niveau nævnes,\n"
    "når det afviger mindst 5 pct. fra klyngens; en udvikling, når de to ændringer\n"
    "afviger mindst 3 procentpoint. Ingen sætning bygger på et tal under\n"
    "diskretionsgrænsen. Tabellen viser de 6 stærkeste af hver slags pr. tema (--alle:\n"
    "alle); JSON har dem alle.\n"
    "\n"
    "  --anbefalinger FIL  egne anbefalinger (tema;figur;ydelse;tekst) i stedet for\n"
    "                data/profil_anbefalinger.csv\n";
static const char help_en[] =
    "Usage: styr profil [-w WORKSPACE] [--kommune K] [--periode P] [--intern] [--alle]\n"
    "                   [--format table|json] [--klynge forventet] [--anbefalinger FILE]\n"
    "\n"
    "The municipality's profile as KL's political partnership draws it: seven themes,\n"
    "each with strengths, challenges and differences against the cluster,\n"
    "recommendations and good examples. What a figure says is in\n"
    "data/profil_retninger.csv: whether higher is better, lower is better or neither, and\n"
    "whether it applies to the group at all. Only figures with a direction make strengths\n"
    "or challenges; the others are differences to discuss. Every challenge names the\n"
    "cluster's best municipality on the figure and the one that improved most in a year.\n"
    "A level is stated when it departs at least 5 pct. from the cluster's; a development\n"
    "when the two changes differ by at least 3 percentage points. No sentence rests on a\n"
    "figure under the discretion threshold. The table shows the 6 strongest of each kind\n"
    "per theme (--alle: all); JSON has them all.\n"
    "\n"
    "  --anbefalinger FILE  one's own recommendations (tema;figur;ydelse;tekst) instead of\n"
    "                data/profil_anbefalinger.csv\n";

static const char *unit_key(styr_unit u)
{
    switch (u) {
    case STYR_U_PCT: return "pct";
    case STYR_U_WEEKS: return "uger";
    case STYR_U_KR: return "kr";
    case STYR_U_FTE: return "fuldtidspersoner";
    default: return "antal";
    }
}

static json_t *fv(styr_figval v)
{
    return v.state == STYR_FV_OK && !isnan(v.v) && !isinf(v.v) ? json_real(round(v.v * 1e4) / 1e4) : json_null();
}

static json_t *example_json(const styr_pexample *e)
{
    if (e->k < 0) return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "kommune", json_integer(e->kommune));
    json_object_set_new(o, "kommunenavn", json_string(e->navn));
    json_object_set_new(o, "vaerdi", fv(e->v));
    return o;
}

static json_t *statement_json(const styr_bctx *x, const styr_statement *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "ydelse", json_string(styr_group_key(x->codes, s->g)));
    json_object_set_new(o, "figur", json_string(s->fig));
    if (s->def) json_object_set_new(o, "figurnavn", json_string(styr_tr(s->def->da, s->def->en)));
    json_object_set_new(o, "ydelsenavn", json_string(styr_group_name(x->codes, s->g)));
    json_object_set_new(o, "tekst", json_string(s->text));
    json_object_set_new(o, "vaerdi", fv(s->own));
    json_object_set_new(o, "klynge", fv(s->cluster));
    if (s->def) json_object_set_new(o, "enhed", json_string(unit_key(s->def->unit)));
    if (s->strength == 0 && s->reason) json_object_set_new(o, "begrundelse", json_string(s->reason));
    if (s->kilde) json_object_set_new(o, "kilde", json_string(s->kilde));
    if (s->strength < 0) {
        json_t *g = json_object();
        json_object_set_new(g, "bedst", example_json(&s->best));
        json_object_set_new(g, "forbedret", example_json(&s->improved));
        json_object_set_new(o, "godt_eksempel", g);
    }
    return o;
}

int styr_cmd_profile(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
        {"intern", no_argument, 0, 'i'},        {"format", required_argument, 0, 'f'},
        {"alle", no_argument, 0, 'a'},          {"klynge", required_argument, 0, 'K'},
        {"anbefalinger", required_argument, 0, 'A'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    long long kommune = 0;
    const char *pl = NULL, *recs = NULL;
    int intern = 0, all = 0, forventet = 0, c;
    styr_format fmt = STYR_FMT_TABLE;
    optind = 1;
    while ((c = styr_cli_getopt("profil", argc, argv, "w:h", lo)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_kommune("profil", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'p': pl = optarg; break;
        case 'i': intern = 1; break;
        case 'a': all = 1; break;
        case 'A': recs = optarg; break;
        case 'K':
            if (styr_bctx_klynge_opt("profil", optarg, &forventet)) return STYR_EXIT_USAGE;
            break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || (fmt != STYR_FMT_TABLE && fmt != STYR_FMT_JSON))
                return styr_cli_bad_option("profil", "--format", optarg);
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("profil", "", argv[optind]);
    styr_diags d;
    styr_diags_init(&d);
    styr_bctx x;
    static styr_profile pr;
    static styr_pubind pi;
    styr_profile_data *pd = NULL;
    int e = styr_bctx_open(cli, "profil", kommune, intern, pl, &x, &d);
    x.forventet = forventet;
    if (e < 0) {
        styr_rc rc = styr_profile_data_load(x.codes, recs, &pd, &d);
        if (!rc) rc = styr_pubind_load(x.ws, styr_period_pop_year(&x.per), &pi, &d);
        if (rc) e = styr_cli_fail(cli, rc, &d);
    }
    if (e < 0) e = styr_bctx_load(cli, "profil", &x, NULL, 0, 1, &d);
    if (e < 0) {
        e = STYR_EXIT_OK;
        styr_profile_make(pd, &x.b, &pi, x.p0, x.p1, x.k, x.in, &pr);
        if (fmt == STYR_FMT_JSON) {
            json_t *o = json_object(), *st = json_array(), *ch = json_array(), *df = json_array(), *tm = json_array();
            json_object_set_new(o, "periode", json_string(x.per.name));
            json_object_set_new(o, "kommune", json_integer(x.kommune));
            json_object_set_new(o, "kommunenavn", json_string(x.codes->kom_name[x.k]));
            json_object_set_new(o, "klynge", json_string(x.klynge_navn));
            for (int t = 0; t < STYR_NTEMAER; t++) {
                const styr_ptheme *th = &pr.tema[t];
                json_t *to = json_object(), *ts = json_array(), *tc = json_array(), *td = json_array(),
                       *ta = json_array(), *tg = json_array();
                json_object_set_new(to, "nr", json_integer(th->nr));
                json_object_set_new(to, "navn", json_string(th->navn));
                for (int i = 0; i < pr.n; i++) {
                    const styr_statement *s = &pr.s[i];
                    if (s->tema != th->nr) continue;
                    json_array_append_new(s->strength > 0 ? ts : s->strength < 0 ? tc : td, statement_json(&x, s));
                    json_array_append_new(s->strength > 0 ? st : s->strength < 0 ? ch : df, statement_json(&x, s));
                    if (s->strength < 0) {
                        json_t *ge = json_object();
                        json_object_set_new(ge, "udfordring", json_string(s->text));
                        json_object_set_new(ge, "bedst", example_json(&s->best));
                        json_object_set_new(ge, "forbedret", example_json(&s->improved));
                        json_array_append_new(tg, ge);
                    }
                }
                for (int r = 0; r < th->nrec; r++) json_array_append_new(ta, json_string(th->recs[r]));
                json_object_set_new(to, "styrker", ts);
                json_object_set_new(to, "udfordringer", tc);
                json_object_set_new(to, "forskelle", td);
                json_object_set_new(to, "anbefalinger", ta);
                json_object_set_new(to, "gode_eksempler", tg);
                json_object_set_new(to, "tom", th->empty[0] ? json_string(th->empty) : json_null());
                json_t *tf = json_array();
                for (int q = 0; q < th->nfakta; q++) json_array_append_new(tf, json_string(th->fakta[q]));
                json_object_set_new(to, "fakta", tf);
                json_array_append_new(tm, to);
            }
            json_object_set_new(o, "temaer", tm);
            json_object_set_new(o, "styrker", st);
            json_object_set_new(o, "udfordringer", ch);
            json_object_set_new(o, "forskelle", df);
            const char *src[32];
            int ns = styr_bctx_sources(&x, src, 32);
            if (ns) {
                json_t *ka = json_array();
                for (int i = 0; i < ns; i++) json_array_append_new(ka, json_string(src[i]));
                json_object_set_new(o, "kilder", ka);
            }
            styr_dest dest;
            styr_rc rc = styr_dest_open(&dest, NULL, &d);
            if (!rc) rc = styr_dest_close(&dest, !styr_json_write(dest.f, o), &d);
            else json_decref(o);
            if (rc) e = styr_cli_fail(cli, rc, &d);
        } else {
            if (x.forventet)
                printf(styr_tr("Hvad siger tallene om %s Kommune? %s mod %s\n",
                               "What do the figures say about %s? %s against %s\n"),
                       x.codes->kom_name[x.k], x.per.name, x.klynge_navn);
            else
                printf(styr_tr("Hvad siger tallene om %s Kommune? %s mod %s (%d)\n",
                               "What do the figures say about %s? %s against %s (%d)\n"),
                       x.codes->kom_name[x.k], x.per.name, x.cl.name[x.cl.of[x.k]], x.cl.year);
            for (int t = 0; t < STYR_NTEMAER; t++) {
                const styr_ptheme *th = &pr.tema[t];
                printf("\n%d. %s\n", th->nr, th->navn);
                if (th->empty[0]) {
                    printf("  %s\n", th->empty);
                    continue;
                }
                static const int kinds[3] = {1, -1, 0};
                for (int ki = 0; ki < 3; ki++) {
                    int kind = kinds[ki], any = 0;
                    for (int i = 0; i < pr.n; i++) {
                        const styr_statement *s = &pr.s[i];
                        if (s->tema != th->nr || s->strength != kind || (!all && any >= STYR_PROFILE_SHOW)) continue;
                        if (!any++)
                            printf("  %s\n", kind > 0 ? styr_tr("Styrker", "Strengths")
                                             : kind < 0 ? styr_tr("Udfordringer", "Challenges")
                                                        : styr_tr("Forskelle at drøfte", "Differences to discuss"));
                        printf("  - %s\n", s->text);
                        if (kind < 0 && s->best.k >= 0) {
                            char a[48];
                            styr_fig_text(a, sizeof a, s->def, s->best.v);
                            printf("    %s %s (%s)", styr_tr("Godt eksempel: bedst i klyngen er", "Good example: best in the cluster is"),
                                   s->best.navn, a);
                            if (s->improved.k >= 0 && s->improved.k != s->best.k) {
                                styr_profile_change_text(a, sizeof a, s->def, s->improved.v);
                                printf("; %s %s (%s)", styr_tr("forbedret mest:", "improved most:"), s->improved.navn, a);
                            }
                            printf(".\n");
                        }
                        if (kind == 0 && s->reason) printf("    (%s)\n", s->reason);
                        /* a published indicator says which table feeds it */
                        for (int q = 0; q < STYR_NPI && s->kilde; q++)
                            if (!strcmp(s->fig, styr_pubind_def(q)->key))
                                printf("    %s %s\n", styr_tr("Kilde:", "Source:"), s->kilde);
                    }
                }
                if (th->nrec) {
                    printf("  %s\n", styr_tr("Vores anbefalinger", "Our recommendations"));
                    for (int r = 0; r < th->nrec; r++) printf("  - %s\n", th->recs[r]);
                }
            }
            fflush(stdout);
            if (styr_bctx_sources(&x, (const char *[1]){0}, 1)) {
                putchar('\n');
                styr_bctx_print_sources(stdout, &x);
            }
        }
    }
    styr_profile_data_free(pd);
    e = styr_bctx_close(cli, &x, e, &d);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
