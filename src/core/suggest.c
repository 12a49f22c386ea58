/* suggest: folding typed names and ranking candidates by edit distance. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

size_t styr_fold(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (*p == 0xC3 && p[1]) {
            unsigned char x = p[1];
            if (x == 0xA6 || x == 0x86) rep = "ae";
            else if (x == 0xB8 || x == 0x98) rep = "oe";
            else if (x == 0xA5 || x == 0x85) rep = "aa";
            else if (x == 0xA9 || x == 0x89 || x == 0xA8 || x == 0x88) rep = "e";
            else if (x == 0xBC || x == 0x9C) rep = "u";
            else if (x == 0xA4 || x == 0x84) rep = "ae";
            else if (x == 0xB6 || x == 0x96) rep = "oe";
            else rep = "";
            p++;
        } else if (*p >= 0x80) {
            continue; /* other non-ASCII bytes carry nothing we can match */
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            one[0] = (char)*p, rep = one;
        } else if (*p >= 'A' && *p <= 'Z') {
            one[0] = (char)(*p + 32), rep = one;
        } else {
            continue; /* blanks, '-', '_', '.' */
        }
        size_t m = strlen(rep);
        if (o + m + 1 > cap) return 0;
        memcpy(out + o, rep, m);
        o += m;
    }
    if (o + 1 > cap) return 0;
    out[o] = 0;
    return o;
}

int styr_edit_distance(const char *a, const char *b)
{
    size_t na = strnlen(a, 63), nb = strnlen(b, 63);
    int row[64];
    for (size_t j = 0; j <= nb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

typedef struct ranked {
    int dist, order;
    const char *value;
} ranked;

static int by_dist(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    return a->dist != b->dist ? (a->dist > b->dist) - (a->dist < b->dist) : (a->order > b->order) - (a->order < b->order);
}

int styr_suggest(const char *typed, const styr_cand *c, int n, int close, const char **out, int max)
{
    char t[64], f[64];
    if (!styr_fold(typed, t, sizeof t)) t[0] = 0;
    size_t nt = strlen(t);
    ranked *r = malloc((size_t)(n > 0 ? n : 1) * sizeof *r);
    int m = 0;
    if (!r) return 0;
    for (int i = 0; i < n; i++) {
        if (!styr_fold(c[i].text, f, sizeof f)) continue;
        size_t nf = strlen(f);
        int d = styr_edit_distance(t, f);
        int contains = nt >= 3 && nf >= 3 && (strstr(f, t) || strstr(t, f));
        size_t shorter = nt < nf ? nt : nf;
        int bound = (int)(shorter / 3) > 1 ? (int)(shorter / 3) : 1;
        if (close && !contains && d > bound) continue;
        if (contains && d > 1) d = 1 + d / 4; /* a part of the name ranks near */
        r[m++] = (ranked){d, i, c[i].value};
    }
    qsort(r, (size_t)m, sizeof *r, by_dist);
    int k = 0;
    for (int i = 0; i < m && k < max; i++) {
        int dup = 0;
        for (int j = 0; j < k; j++)
            if (!strcmp(out[j], r[i].value)) dup = 1;
        if (!dup) out[k++] = r[i].value;
    }
    free(r);
    return k;
}
