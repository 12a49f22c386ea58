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
    return styr_tr(". = ikke relevant for ydelsen (data/ydelser.csv, ikke_relevant), eller ydelsen fandtes ikke endnu (fra).",
                   ". = not applicable to the group (data/ydelser.csv, ikke_relevant), or the group did not exist yet (fra).");
}

const char *styr_incomplete_note(void)
{
    return styr_tr("* = ufuldstændig: panelet dækker kun en del af perioden. Kun de dækkede uger tæller, men"
                   " fuldtidspersoner og andele er pr. uge i hele perioden (spec §2) og derfor for lave.",
                   "* = incomplete: the panel covers only part of the period. Only the weeks covered count, but"
                   " full-time persons and shares are per week of the whole period (spec §2) and so too low.");
}

static const char *const month_da[12] = {"januar", "februar", "marts", "april", "maj", "juni",
                                         "juli", "august", "september", "oktober", "november", "december"};
static const char *const month_en[12] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November", "December"};

static const char *month_name(int m)
{
    if (m < 1 || m > 12) return "?";
    return styr_lang_get() == STYR_LANG_EN ? month_en[m - 1] : month_da[m - 1];
}

const char *styr_month_short(int m)
{
    static const char *const da[12] = {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char *const en[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (m < 1 || m > 12) return "?";
    return styr_lang_get() == STYR_LANG_EN ? en[m - 1] : da[m - 1];
}

char *styr_period_words(char *buf, size_t cap, const styr_period *p)
{
    int en = styr_lang_get() == STYR_LANG_EN;
    switch (p->kind) {
    case STYR_P_YEAR: snprintf(buf, cap, "%d", p->year); break;
    case STYR_P_QUARTER: snprintf(buf, cap, en ? "Q%d %d" : "%d. kvartal %d", p->sub, p->year); break;
    case STYR_P_MONTH: snprintf(buf, cap, "%s %d", month_name(p->sub), p->year); break;
    case STYR_P_WEEK: snprintf(buf, cap, en ? "week %d %d" : "uge %d %d", p->sub, p->year); break;
    case STYR_P_ROLLING12:
        snprintf(buf, cap, en ? "the 12 months to %s %d" : "12 måneder til og med %s %d", month_name(p->sub), p->year);
        break;
    case STYR_P_YTD:
        if (p->sub <= 1) snprintf(buf, cap, "%s %d", month_name(1), p->year);
        else snprintf(buf, cap, "%s-%s %d", month_name(1), month_name(p->sub), p->year);
        break;
    default: snprintf(buf, cap, "%s", p->name);
    }
    return buf;
}

const char *styr_unit_label(styr_unit u)
{
    switch (u) {
    case STYR_U_PCT: return styr_msg_text(M_UNIT_PCT);
    case STYR_U_WEEKS: return styr_msg_text(M_UNIT_WEEKS);
    case STYR_U_KR: return styr_msg_text(M_UNIT_KR);
    case STYR_U_FTE: return styr_msg_text(M_UNIT_FTE);
    default: return styr_msg_text(M_UNIT_COUNT);
    }
}
