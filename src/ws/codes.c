/* codes: lookups of municipality, ydelse and tilbud codes. */
#include "codes.h"

#include <string.h>

#include "../core/msg.h"
#include "../core/suggest.h"
#include "../core/week.h"

static unsigned slot(const char *s, size_t n)
{
    if (!n) return 0;
    return (unsigned)(n * 31u + (unsigned char)s[0] * 7u + (unsigned char)s[n - 1]) & 255u;
}

static void build(uint8_t *h, char names[][32], int count)
{
    memset(h, 0, 256);
    for (int i = 1; i < count; i++) {
        unsigned k = slot(names[i], strlen(names[i]));
        while (h[k]) k = (k + 1) & 255u;
        h[k] = (uint8_t)i;
    }
}

void styr_codes_finish(styr_codes *c)
{
    build(c->hash_yd, c->dict.yd, c->dict.nyd);
    /* education is an outcome, never public support (ydelser.csv: offentlig 0) */
    for (int g = 1; g < c->dict.nyd; g++) c->yd_edu[g] = !strcmp(c->dict.yd[g], "uddannelse") && !c->yd_public[g];
    build(c->hash_tb, c->dict.tb, c->dict.ntb);
}

static int exact(const uint8_t *h, char names[][32], const char *s, size_t n)
{
    unsigned k = slot(s, n);
    while (h[k]) {
        const char *x = names[h[k]];
        if (strlen(x) == n && !memcmp(x, s, n)) return h[k];
        k = (k + 1) & 255u;
    }
    return -1;
}

/* Fold to the code alphabet: ASCII lower case, æ->ae, ø->oe, å->aa, drop
 * blanks, '-' and '_' kept. Returns the folded length or 0 if it overflows. */
static size_t fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        if (ch == 0xC3 && i + 1 < n) {
            unsigned char x = (unsigned char)s[i + 1];
            if (x == 0xA6 || x == 0x86) rep = "ae";
            else if (x == 0xB8 || x == 0x98) rep = "oe";
            else if (x == 0xA5 || x == 0x85) rep = "aa";
            if (rep) i++;
        }
        if (rep) {
            if (o + 2 > cap) return 0;
            out[o++] = rep[0];
            out[o++] = rep[1];
            continue;
        }
        if (ch == ' ' || ch == '\t') continue;
        if (o + 1 > cap) return 0;
        out[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return o;
}

static int lookup(const uint8_t *h, char names[][32], const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ')) n--;
    while (n && s[0] == ' ') { s++; n--; }
    if (!n) return 0;
    int r = exact(h, names, s, n);
    if (r >= 0) return r;
    char buf[64];
    size_t m = fold(s, n, buf, sizeof buf);
    return m ? exact(h, names, buf, m) : -1;
}

int styr_codes_ydelse(const styr_codes *c, const char *s, size_t n)
{
    int r = lookup(c->hash_yd, (char (*)[32])c->dict.yd, s, n);
    if (r < 0 && n == 2 && (s[0] | 32) == 's' && (s[1] | 32) == 'u')
        for (int g = 1; g < c->dict.nyd; g++)
            if (c->yd_edu[g]) return g;
    return r;
}

int styr_codes_tilbud(const styr_codes *c, const char *s, size_t n)
{
    return lookup(c->hash_tb, (char (*)[32])c->dict.tb, s, n);
}

/* A municipality by name: folded ("Høje-Taastrup" = "hoeje taastrup"), with
 * or without a trailing "Kommune". */
static int kommune_by_name(const styr_codes *c, const char *s, size_t n)
{
    char t[96], f[96], g[96];
    if (n >= sizeof t) return -1;
    memcpy(t, s, n);
    t[n] = 0;
    size_t m = styr_fold(t, f, sizeof f);
    if (m > 7 && !strcmp(f + m - 7, "kommune")) f[m - 7] = 0;
    if (!m) return -1;
    for (int k = 0; k < c->dict.nkom; k++)
        if (styr_fold(c->kom_name[k], g, sizeof g) && !strcmp(f, g)) return k;
    return -1;
}

int styr_codes_kommune(const styr_codes *c, const char *s, size_t n)
{
    unsigned v = 0;
    while (n && s[n - 1] == ' ') n--;
    while (n && *s == ' ') { s++; n--; }
    if (n == 0) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9) return kommune_by_name(c, s, n);
        v = v * 10 + d;
    }
    return n <= 4 && v < 1000 ? c->kom_idx[v] : -1;
}

const char *styr_group_key(const styr_codes *c, int g) { return g ? c->dict.yd[g] : "offentligt_forsoergede"; }

const char *styr_group_name(const styr_codes *c, int g)
{
    if (!g) return styr_tr("Offentligt forsørgede i alt", "All public support");
    return styr_lang_get() == STYR_LANG_EN ? c->yd_name_en[g] : c->yd_name[g];
}

const char *styr_offer_name(const styr_codes *c, int t)
{
    return styr_lang_get() == STYR_LANG_EN && c->tb_name_en[t][0] ? c->tb_name_en[t] : c->tb_name[t];
}

uint32_t styr_group_na(const styr_codes *c, int g, int last_week)
{
    if (c->yd_from[g] && styr_week_year(last_week) < c->yd_from[g]) return UINT32_MAX;
    return c->yd_na[g];
}
