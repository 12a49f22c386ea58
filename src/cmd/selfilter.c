/* selfilter: --maalgruppe, --oprindelse and --enhed (select.h). */
#include <stdio.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/suggest.h"
#include "cli.h"
#include "select.h"

const char *styr_select_filter_help(void)
{
    return styr_tr("  --maalgruppe M,... jobparat, aktivitetsparat, uddannelsesparat, aabenlyst_uddannelsesparat,\n"
                   "                    uoplyst (visitationen i ugen), unge (under 30), flygtninge (indrejst\n"
                   "                    som flygtning eller familiesammenført inden for 10 år); flere af samme\n"
                   "                    slags er 'eller', forskellige slags 'og' (unge,aktivitetsparat)\n"
                   "  --oprindelse O,... dansk, indvandrer_vestlig, indvandrer_ikke_vestlig, efterkommer_vestlig,\n"
                   "                    efterkommer_ikke_vestlig, uoplyst\n"
                   "  --enhed E,...     enheden (teamet), der har sagen i ugen, som i panelet\n",
                   "  --maalgruppe M,... jobparat, aktivitetsparat, uddannelsesparat, aabenlyst_uddannelsesparat,\n"
                   "                    uoplyst (the week's visitation), unge (under 30), flygtninge (arrived as a\n"
                   "                    refugee or family-reunified within 10 years); values of one kind are 'or',\n"
                   "                    of different kinds 'and' (unge,aktivitetsparat)\n"
                   "  --oprindelse O,... dansk, indvandrer_vestlig, indvandrer_ikke_vestlig, efterkommer_vestlig,\n"
                   "                    efterkommer_ikke_vestlig, uoplyst\n"
                   "  --enhed E,...     the unit (team) that has the case that week, as in the panel\n");
}

static int bad(const char *cmd, const char *opt, const char *value, const char *const *keys, int n)
{
    styr_cand c[STYR_MAX_ENHEDER > 64 ? 64 : STYR_MAX_ENHEDER];
    int m = n < 64 ? n : 64;
    for (int i = 0; i < m; i++) c[i] = (styr_cand){keys[i], keys[i]};
    const char *best[1];
    fprintf(stderr, "styr %s: %s %s \"%s\"", cmd, styr_tr("ugyldig værdi for", "invalid value for"), opt, value);
    if (m && styr_suggest(value, c, m, 1, best, 1)) fprintf(stderr, " %s %s?", styr_msg_text(M_HINT_DID_YOU_MEAN), best[0]);
    fprintf(stderr, "\n  %s: ", styr_msg_text(M_HINT_VALID));
    if (!n) fputs(styr_tr("panelet har ingen enheder (kolonnen enhed i det lange format)",
                          "the panel has no units (the column enhed of the long format)"),
                  stderr);
    for (int i = 0; i < m; i++) fprintf(stderr, "%s%s", i ? ", " : "", keys[i]);
    if (n > m) fprintf(stderr, styr_tr(" og %d andre", " and %d others"), n - m);
    fputc('\n', stderr);
    return STYR_EXIT_USAGE;
}

int styr_select_filter(const char *cmd, const styr_panel *p, const styr_filter_args *a, styr_filter *f)
{
    memset(f, 0, sizeof *f);
    char item[96];
    if (a->maal && (!*a->maal || styr_filter_add_maalgruppe(f, a->maal, item, sizeof item)))
        return bad(cmd, "--maalgruppe", *a->maal ? item : "", styr_maalgruppe_keys, styr_nmaalgruppe_keys);
    if (a->opr && (!*a->opr || styr_filter_add_oprindelse(f, a->opr, item, sizeof item)))
        return bad(cmd, "--oprindelse", *a->opr ? item : "", styr_opr_keys, STYR_NOPR);
    if (a->enh) {
        const styr_cols *c = styr_panel_cols(p);
        if (!*a->enh || styr_filter_add_enhed(f, c, a->enh, item, sizeof item))
            return bad(cmd, "--enhed", *a->enh ? item : "", c->nenh > 1 ? c->enh + 1 : NULL, c->nenh > 1 ? c->nenh - 1 : 0);
    }
    return STYR_EXIT_OK;
}
