/* period: parsing period names and mapping them to week spans. */
#include "period.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "week.h"

static int floordiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

void styr_weeks_of_days(int d0, int d1, int *first, int *last)
{
    /* Thursday of week w is day styr_week_thursday(w) = base + 7w. */
    int base = (int)styr_week_thursday(0);
    *first = -floordiv(-(d0 - base), 7); /* ceil */
    *last = floordiv(d1 - base, 7);
}

static int month_span(int y, int m0, int m1, styr_period *p)
{
    int ye = y, me = m1 + 1;
    if (me > 12) { me -= 12; ye++; }
    int d0 = (int)styr_days_from_civil(y, m0, 1);
    int d1 = (int)styr_days_from_civil(ye, me, 1) - 1;
    styr_weeks_of_days(d0, d1, &p->first, &p->last);
    return 0;
}

static int num(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + s[i] - '0';
    }
    *out = v;
    return 0;
}

static int set(styr_period *p, styr_period_kind k, int y, int sub)
{
    p->kind = k;
    p->year = y;
    p->sub = sub;
    switch (k) {
    case STYR_P_YEAR:
        p->first = styr_week_from_iso(y, 1);
        p->last = styr_week_from_iso(y, styr_iso_weeks_in_year(y));
        snprintf(p->name, sizeof p->name, "%04d", y);
        break;
    case STYR_P_QUARTER:
        month_span(y, 3 * sub - 2, 3 * sub, p);
        snprintf(p->name, sizeof p->name, "%04dK%d", y, sub);
        break;
    case STYR_P_MONTH:
        month_span(y, sub, sub, p);
        snprintf(p->name, sizeof p->name, "%04dM%02d", y, sub);
        break;
    case STYR_P_WEEK:
        p->first = p->last = styr_week_from_iso(y, sub);
        snprintf(p->name, sizeof p->name, "%04dU%02d", y, sub);
        break;
    case STYR_P_ROLLING12: {
        int y0 = sub == 12 ? y : y - 1, m0 = sub == 12 ? 1 : sub + 1;
        int f, l;
        styr_period tmp;
        month_span(y0, m0, m0, &tmp);
        f = tmp.first;
        month_span(y, sub, sub, &tmp);
        l = tmp.last;
        p->first = f;
        p->last = l;
        snprintf(p->name, sizeof p->name, "%04dM%02dR12", y, sub);
        break;
    }
    case STYR_P_YTD:
        month_span(y, 1, sub, p);
        snprintf(p->name, sizeof p->name, "%04dM%02dAATD", y, sub);
        break;
    }
    return p->first < 0 || p->last < p->first ? -1 : 0;
}

int styr_period_parse(const char *s, styr_period *p)
{
    size_t n = strlen(s);
    int y, sub;
    memset(p, 0, sizeof *p);
    if (n < 4 || num(s, 4, &y) || y < STYR_YEAR_MIN || y > STYR_YEAR_MAX) return -1;
    if (n == 4) return set(p, STYR_P_YEAR, y, 0);
    char k = s[4];
    if (k >= 'a' && k <= 'z') k = (char)(k - 32);
    /* Q as jobindsats.dk writes quarters, and a month of one digit, are read too */
    if ((k == 'K' || k == 'Q') && n == 6 && !num(s + 5, 1, &sub) && sub >= 1 && sub <= 4)
        return set(p, STYR_P_QUARTER, y, sub);
    if (k == 'M' && (n == 7 || n == 6) && !num(s + 5, (int)n - 5, &sub) && sub >= 1 && sub <= 12)
        return set(p, STYR_P_MONTH, y, sub);
    if (k == 'M' && n == 10 && !num(s + 5, 2, &sub) && sub >= 1 && sub <= 12 &&
        (s[7] == 'R' || s[7] == 'r') && s[8] == '1' && s[9] == '2')
        return y == STYR_YEAR_MIN && sub < 12 ? -1 : set(p, STYR_P_ROLLING12, y, sub);
    if (k == 'M' && n == 11 && !num(s + 5, 2, &sub) && sub >= 1 && sub <= 12 && !strncasecmp(s + 7, "AATD", 4))
        return set(p, STYR_P_YTD, y, sub);
    /* jobindsats.dk: "2025Y01" a year, "2021QMAT02" the four quarters ending
     * with quarter 02 of 2021 (2020Q3-2021Q2); QMAT04 is the calendar year but
     * keeps its rolling name. A quarter above 04 is not a period. */
    if (k == 'Y' && n == 7 && s[5] == '0' && s[6] == '1') return set(p, STYR_P_YEAR, y, 0);
    if (k == 'Q' && n == 10 && !strncasecmp(s + 4, "QMAT", 4) && !num(s + 8, 2, &sub) && sub >= 1 && sub <= 4)
        return y == STYR_YEAR_MIN && sub < 4 ? -1 : set(p, STYR_P_ROLLING12, y, 3 * sub);
    if (k == 'U' && n == 7 && !num(s + 5, 2, &sub) && sub >= 1 && sub <= styr_iso_weeks_in_year(y))
        return set(p, STYR_P_WEEK, y, sub);
    return -1;
}

int styr_period_year_before(const styr_period *p, styr_period *out)
{
    int sub = p->sub;
    if (p->kind == STYR_P_WEEK && sub == 53 && styr_iso_weeks_in_year(p->year - 1) < 53) sub = 52;
    if (p->year - 1 < STYR_YEAR_MIN) return -1;
    memset(out, 0, sizeof *out);
    return set(out, p->kind, p->year - 1, sub);
}
