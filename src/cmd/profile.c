/* styr profil: a municipality's profile in words against its cluster. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/profile.h"
#include "benchctx.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr profil [-w ARBEJDSOMRÅDE] [--kommune K] [--periode P] [--intern] [--alle]\n"
    "                  [--format table|json] [--klynge forventet]\n"
    "\n"
    "Kommunens profil i ord, som KL's temperaturmåling: hvor kommunen adskiller sig fra\n"
    "klyngen, og hvor meget, de stærkeste først, delt i styrker og udfordringer. Fx\n"
    "\"I har færre på sygedagpenge end klyngen (2,0 pct. mod 2,2 pct. i klyngen).\"\n"
    "Et niveau nævnes, når det afviger mindst 5 pct. fra klyngens; en udvikling, når\n"
    "de to ændringer afviger mindst 3 procentpoint. Ingen sætning bygger på et tal\n"
    "under diskretionsgrænsen. Tabellen viser de 6 stærkeste af hver slags (--alle: alle);\n"
    "JSON har dem alle.\n";
static const char help_en[] =
    "Usage: styr profil [-w WORKSPACE] [--kommune K] [--periode P] [--intern] [--alle]\n"
    "                   [--format table|json] [--klynge forventet]\n"
    "\n"
    "The municipality's profile in words, as KL's temperature check: where it differs\n"
    "from its cluster and by how much, strongest first, split into strengths and\n"
    "challenges. A level is stated when it departs at least 5 pct. from the cluster's; a\n"
    "development when the two changes differ by at least 3 percentage points. No\n"
    "sentence rests on a figure under the discretion threshold. The table shows the 6\n"
    "strongest of each kind (--alle: all); JSON has them all.\n";

int styr_cmd_profile(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
        {"intern", no_argument, 0, 'i'},        {"format", required_argument, 0, 'f'},
        {"alle", no_argument, 0, 'a'},          {"klynge", required_argument, 0, 'K'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    long long kommune = 0;
    const char *pl = NULL;
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
    int e = styr_bctx_open(cli, "profil", kommune, intern, pl, &x, &d);
    x.forventet = forventet;
    if (e < 0) e = styr_bctx_load(cli, "profil", &x, NULL, 0, 0, &d);
    if (e < 0) {
        e = STYR_EXIT_OK;
        styr_profile_make(NULL, &x.b, NULL, x.p0, x.p1, x.k, x.in, &pr);
        if (fmt == STYR_FMT_JSON) {
            json_t *o = json_object(), *st = json_array(), *ch = json_array();
            json_object_set_new(o, "periode", json_string(x.per.name));
            json_object_set_new(o, "kommune", json_integer(x.kommune));
            json_object_set_new(o, "kommunenavn", json_string(x.codes->kom_name[x.k]));
            json_object_set_new(o, "klynge", json_string(x.klynge_navn));
            for (int i = 0; i < pr.n; i++) {
                json_t *s = json_object();
                json_object_set_new(s, "ydelse", json_string(styr_group_key(x.codes, pr.s[i].g)));
                json_object_set_new(s, "figur", json_string(pr.s[i].fig));
                json_object_set_new(s, "tekst", json_string(pr.s[i].text));
                if (x.b.res.any_pub) {
                    const char *own = styr_bdata_source(&x.b, x.p0, x.k, pr.s[i].g);
                    json_object_set_new(s, "kilde", own ? json_string(own) : json_null());
                }
                json_array_append_new(pr.s[i].strength > 0 ? st : ch, s);
            }
            json_object_set_new(o, "styrker", st);
            json_object_set_new(o, "udfordringer", ch);
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
            for (int pass = 1; pass >= -1; pass -= 2) {
                int any = 0;
                printf("\n%s\n", pass > 0 ? styr_tr("Styrker", "Strengths") : styr_tr("Udfordringer", "Challenges"));
                for (int i = 0; i < pr.n; i++)
                    if (pr.s[i].strength == pass && (all || any < STYR_PROFILE_SHOW)) printf("  - %s\n", pr.s[i].text), any++;
                if (!any) printf("  %s\n", styr_tr("(ingen markante forskelle)", "(no marked differences)"));
            }
            fflush(stdout);
            if (styr_bctx_sources(&x, (const char *[1]){0}, 1)) {
                putchar('\n');
                styr_bctx_print_sources(stdout, &x);
            }
        }
    }
    e = styr_bctx_close(cli, &x, e, &d);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
