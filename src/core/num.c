/* num: Danish number formatting and tolerant decimal parsing. */
#include "num.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"

static char thousands_sep(void) { return styr_lang_get() == STYR_LANG_EN ? ',' : '.'; }
static char decimal_mark(void) { return styr_lang_get() == STYR_LANG_EN ? '.' : ','; }

/* Insert separators into the integer digits of a plain "%.*f" rendering. */
static char *group(char *buf, size_t cap, const char *plain)
{
    const char *p = plain;
    size_t o = 0;
    if (*p == '-') { if (o + 1 < cap) buf[o++] = '-'; p++; }
    const char *dot = strchr(p, '.');
    size_t ndig = dot ? (size_t)(dot - p) : strlen(p);
    for (size_t i = 0; i < ndig && o + 2 < cap; i++) {
        buf[o++] = p[i];
        size_t left = ndig - i - 1;
        if (left && left % 3 == 0) buf[o++] = thousands_sep();
    }
    if (dot) {
        if (o + 1 < cap) buf[o++] = decimal_mark();
        for (const char *q = dot + 1; *q && o + 1 < cap; q++) buf[o++] = *q;
    }
    buf[o] = 0;
    return buf;
}

char *styr_fmt_int(char *buf, size_t cap, long long v)
{
    char plain[32];
    snprintf(plain, sizeof plain, "%lld", v);
    return group(buf, cap, plain);
}

double styr_round(double v, int decimals)
{
    double scale = pow(10, decimals);
    return v >= 0 ? floor(v * scale + 0.5) / scale : -floor(-v * scale + 0.5) / scale;
}

char *styr_fmt_num(char *buf, size_t cap, double v, int decimals)
{
    char plain[64];
    /* a value that is not a number (0/0, an empty mean) is no data: "-", never "nan" */
    if (!isfinite(v)) return snprintf(buf, cap, "-"), buf;
    double r = styr_round(v, decimals);
    if (r == 0) r = 0; /* no "-0,0" */
    snprintf(plain, sizeof plain, "%.*f", decimals, r);
    return group(buf, cap, plain);
}

char *styr_fmt_pct(char *buf, size_t cap, double v, int decimals)
{
    char n[48];
    if (!isfinite(v)) return snprintf(buf, cap, "-"), buf;
    styr_fmt_num(n, sizeof n, v, decimals);
    snprintf(buf, cap, "%s pct.", n);
    return buf;
}

char *styr_fmt_mio_kr(char *buf, size_t cap, double kr)
{
    char n[48];
    if (!isfinite(kr)) return snprintf(buf, cap, "-"), buf;
    /* whole millions as KL writes them ("57 mio. kr."); one decimal below 10 */
    styr_fmt_num(n, sizeof n, kr / 1e6, fabs(kr) < 9.95e6 ? 1 : 0);
    if (styr_lang_get() == STYR_LANG_EN) snprintf(buf, cap, "DKK %sm", n);
    else snprintf(buf, cap, "%s mio. kr.", n);
    return buf;
}

char *styr_fmt_kr(char *buf, size_t cap, double kr)
{
    if (!isfinite(kr) || fabs(kr) >= 0.995e6) return styr_fmt_mio_kr(buf, cap, kr);
    char n[48];
    styr_fmt_num(n, sizeof n, kr, 0);
    if (styr_lang_get() == STYR_LANG_EN) snprintf(buf, cap, "DKK %s", n);
    else snprintf(buf, cap, "%s kr.", n);
    return buf;
}

int styr_parse_uint(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    if (n == 0 || n > 19) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i] - '0';
        if (c > 9) return -1;
        v = v * 10 + c;
    }
    *out = v;
    return 0;
}

int styr_parse_decimal(const char *s, size_t n, double *out, char *mark)
{
    size_t i = 0;
    int neg = 0, any = 0;
    double v = 0, f = 0.1;
    *mark = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, any = 1) v = v * 10 + (s[i] - '0');
    if (i < n && (s[i] == ',' || s[i] == '.')) {
        *mark = s[i++];
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, any = 1, f /= 10) v += (s[i] - '0') * f;
    }
    if (!any || i != n) return -1;
    *out = neg ? -v : v;
    return 0;
}

/* Digits with optional thousands separators th (groups of exactly three after
 * the first group of one to three); 0 or -1. */
static int grouped(const char *s, size_t n, char th, double *v)
{
    size_t i = 0, group = 0;
    int first = 1;
    *v = 0;
    if (!n) return -1;
    for (; i < n; i++) {
        if (s[i] == th) {
            if ((first && (group < 1 || group > 3)) || (!first && group != 3)) return -1;
            first = 0;
            group = 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9') return -1;
        *v = *v * 10 + (s[i] - '0');
        group++;
    }
    return (first && group > 0) || (!first && group == 3) ? 0 : -1;
}

int styr_parse_amount(const char *s, size_t n, int danish, double *out)
{
    while (n && s[0] == ' ') s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '%')) n--;
    int neg = 0;
    if (n && (s[0] == '-' || s[0] == '+')) neg = s[0] == '-', s++, n--;
    char dec = danish ? ',' : '.', th = danish ? '.' : ',';
    /* a space also separates thousands ("1 200"): read it as th */
    char buf[64];
    if (n >= sizeof buf) return -1;
    for (size_t i = 0; i < n; i++) buf[i] = s[i] == ' ' ? th : s[i];
    const char *d = memchr(buf, dec, n);
    size_t ni = d ? (size_t)(d - buf) : n;
    double v, f = 0;
    if (grouped(buf, ni, th, &v)) {
        /* "12.5" in a Danish file (or "12,5" in an English one): the other mark is
         * a decimal mark when it cannot be a thousands separator */
        char m;
        if (d || styr_parse_decimal(buf, n, &v, &m)) return -1;
        *out = neg ? -v : v;
        return 0;
    }
    if (d) {
        double scale = 0.1;
        if (ni + 1 == n) return -1;
        for (size_t i = ni + 1; i < n; i++, scale /= 10) {
            if (buf[i] < '0' || buf[i] > '9') return -1;
            f += (buf[i] - '0') * scale;
        }
    }
    *out = neg ? -(v + f) : v + f;
    return 0;
}
