/* figtext: values, changes and potentials as text. */
#include "figtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"

static int special(char *buf, size_t cap, styr_figval v)
{
    if (v.state == STYR_FV_SUPPRESSED) return snprintf(buf, cap, ".."), 1;
    if (v.state == STYR_FV_NONE) return snprintf(buf, cap, "-"), 1;
    if (v.state == STYR_FV_NA) return snprintf(buf, cap, "."), 1;
    return 0;
}

char *styr_fig_text(char *buf, size_t cap, const styr_figdef *def, styr_figval v)
{
    if (special(buf, cap, v)) return buf;
    char n[48];
    switch (def->unit) {
    case STYR_U_COUNT: styr_fmt_int(buf, cap, (long long)llround(v.v)); break;
    case STYR_U_PCT: styr_fmt_pct(buf, cap, v.v, def->decimals); break;
    case STYR_U_WEEKS:
        snprintf(buf, cap, "%s %s", styr_fmt_num(n, sizeof n, v.v, def->decimals), styr_tr("uger", "weeks"));
        break;
    case STYR_U_KR: styr_fmt_kr(buf, cap, v.v); break;
    default: styr_fmt_num(buf, cap, v.v, def->decimals); break;
    }
    return buf;
}

char *styr_change_text(char *buf, size_t cap, const styr_figdef *def, styr_figval c)
{
    if (special(buf, cap, c)) return buf;
    char n[48], zero[16];
    int dec = def->unit == STYR_U_PCT || def->unit == STYR_U_WEEKS ? (def->decimals ? def->decimals : 1) : 1;
    styr_fmt_num(n, sizeof n, c.v, dec);
    styr_fmt_num(zero, sizeof zero, 0.0, dec);
    const char *sign = c.v > 0 && strcmp(n, zero) ? "+" : "";
    if (!strcmp(n + (n[0] == '-'), zero)) { snprintf(n, sizeof n, "%s", zero); }
    const char *unit = def->unit == STYR_U_PCT     ? styr_tr("pct.-point", "pp")
                       : def->unit == STYR_U_WEEKS ? styr_tr("uger", "weeks")
                                                   : styr_tr("pct.", "pct.");
    snprintf(buf, cap, "%s%s %s", sign, n, unit);
    return buf;
}

char *styr_potential_text(char *buf, size_t cap, styr_unit unit, styr_figval v)
{
    if (special(buf, cap, v)) return buf;
    if (unit == STYR_U_KR) return styr_fmt_mio_kr(buf, cap, v.v);
    char n[48];
    snprintf(buf, cap, "%s %s", styr_fmt_num(n, sizeof n, v.v, 1), styr_tr("fuldtidspersoner", "full-time recipients"));
    return buf;
}

const char *styr_sentence_end(const char *text)
{
    size_t n = strlen(text);
    return n && text[n - 1] == '.' ? "" : ".";
}

const char *styr_discretion_note(void)
{
    return styr_tr(".. = diskretion: tallet hviler på færre end 5 personer eller ville kunne regnes ud af de viste tal.",
                   ".. = discretion: the figure rests on fewer than 5 persons or could be worked out from those shown.");
}

const char *styr_none_note(void)
{
    return styr_tr("- = ingen data: intet at beregne ud fra (fx ingen afsluttede forløb).",
                   "- = no data: nothing to compute from (e.g. no ended spells).");
}

const char *styr_na_note(void)
{
    return styr_tr(". = ikke relevant for ydelsen (data/ydelser.csv, ikke_relevant).",
                   ". = not applicable to the group (data/ydelser.csv, ikke_relevant).");
}

const char *styr_incomplete_note(void)
{
    return styr_tr("* = ufuldstændig: panelet dækker kun en del af perioden. Kun de dækkede uger tæller, men"
                   " fuldtidspersoner og andele er pr. uge i hele perioden (spec §2) og derfor for lave.",
                   "* = incomplete: the panel covers only part of the period. Only the weeks covered count, but"
                   " full-time persons and shares are per week of the whole period (spec §2) and so too low.");
}
