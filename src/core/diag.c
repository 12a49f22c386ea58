/* diag: result-code messages and the diagnostics list. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "mem.h"

styr_msg styr_rc_msg(styr_rc rc)
{
    static const styr_msg m[] = {
        [STYR_OK] = M_RC_OK,         [STYR_EUSAGE] = M_RC_USAGE, [STYR_EINPUT] = M_RC_INPUT,
        [STYR_ENOENT] = M_RC_NOENT,  [STYR_EIO] = M_RC_IO,       [STYR_ENOMEM] = M_RC_NOMEM,
        [STYR_EWS] = M_RC_WS,        [STYR_ECORRUPT] = M_RC_CORRUPT, [STYR_ESQL] = M_RC_SQL,
        [STYR_ELIMIT] = M_RC_LIMIT,  [STYR_EBUSY] = M_RC_BUSY,   [STYR_EEXIST] = M_RC_EXIST,
    };
    if ((unsigned)rc >= sizeof m / sizeof m[0]) return M_RC_IO;
    return m[rc];
}

void styr_diags_init(styr_diags *d) { memset(d, 0, sizeof *d); }

void styr_diags_free(styr_diags *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->nfiles; i++) free(d->files[i]);
    free(d->files);
    free(d->v);
    free(d->unknown);
    free(d->seen);
    styr_diags_init(d);
}

uint64_t styr_diags_count(const styr_diags *d) { return d->total + d->unknown_occurrences; }

static const char *intern(styr_diags *d, const char *file)
{
    if (!file) return NULL;
    char *m = styr_xstrdup(file);
    styr_mask_cpr(m, strlen(m), 0);
    for (size_t i = 0; i < d->nfiles; i++)
        if (!strcmp(d->files[i], m)) { free(m); return d->files[i]; }
    d->files = styr_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles] = m;
    return d->files[d->nfiles++];
}

/* Is s[i..] the start of DDMMYY with a possible day and month? (Any century:
 * whether it is a real CPR number matters less than never showing one.) */
static int ddmm(const char *dg)
{
    int dd = (dg[0] - '0') * 10 + (dg[1] - '0'), mm = (dg[2] - '0') * 10 + (dg[3] - '0');
    return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
}

static size_t digit_run(const char *s, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    return j - i;
}

size_t styr_mask_cpr(char *s, size_t n, int strict)
{
    size_t masked = 0, i = 0;
    while (i < n) {
        if (s[i] < '0' || s[i] > '9') { i++; continue; }
        /* a run of digits; DDMMYY-SSSS and DDMMYY SSSS (or -SSS, cut short) are one run */
        size_t a = i, nd = digit_run(s, i, n), b = a + nd;
        if (nd == 6 && b + 1 < n && (s[b] == '-' || s[b] == ' ')) {
            size_t m = digit_run(s, b + 1, n);
            if (m == 3 || m == 4) { nd += m; b += 1 + m; }
        }
        char dg[64];
        size_t k = 0;
        for (size_t x = a; x < b && k < sizeof dg; x++)
            if (s[x] >= '0' && s[x] <= '9') dg[k++] = s[x];
        int hide = (strict && nd >= 9) || nd > k;
        for (size_t w = 0; !hide && w + 10 <= k; w++) hide = ddmm(dg + w);
        if (hide)
            for (size_t x = a; x < b; x++)
                if (s[x] >= '0' && s[x] <= '9') { s[x] = 'X'; masked++; }
        i = b;
    }
    return masked;
}

/* Copy a value for display: truncated on a UTF-8 boundary (marked "..."),
 * control bytes shown as '?', number runs that may be CPR numbers as X. */
static void copy_value(char *dst, size_t cap, const char *src, size_t len, int strict)
{
    char tmp[sizeof ((styr_diag *)0)->value + 32];
    size_t tn = src ? (len < sizeof tmp ? len : sizeof tmp) : 0;
    if (tn) memcpy(tmp, src, tn);
    styr_mask_cpr(tmp, tn, strict);
    src = tn ? tmp : NULL;
    size_t n = 0, keep = len;
    int cut = 0;
    if (!src) keep = 0;
    if (keep > cap - 1) {
        keep = cap - 4;
        while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80) keep--;
        cut = 1;
    }
    for (size_t i = 0; i < keep; i++) dst[n++] = (unsigned char)src[i] < 0x20 ? '?' : src[i];
    if (cut) { memcpy(dst + n, "...", 3); n += 3; }
    dst[n] = 0;
}

/* Distinct unknown codes are counted through a set of 64-bit hashes, so the
 * count stays exact past the kept list. */
static int seen_before(styr_diags *d, uint64_t h)
{
    if (h == 0) h = 1;
    if (2 * (d->seen_n + 1) > d->seen_cap) {
        size_t cap = d->seen_cap ? 2 * d->seen_cap : 64;
        uint64_t *t = styr_xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < d->seen_cap; i++) {
            uint64_t v = d->seen[i];
            if (!v) continue;
            size_t j = v & (cap - 1);
            while (t[j]) j = (j + 1) & (cap - 1);
            t[j] = v;
        }
        free(d->seen);
        d->seen = t;
        d->seen_cap = cap;
    }
    size_t j = h & (d->seen_cap - 1);
    while (d->seen[j]) {
        if (d->seen[j] == h) return 1;
        j = (j + 1) & (d->seen_cap - 1);
    }
    d->seen[j] = h;
    d->seen_n++;
    return 0;
}

static styr_diag *push(styr_diags *d)
{
    d->total++;
    if (d->n >= STYR_DIAG_KEEP) return NULL;
    if (!d->v) d->v = styr_xcalloc(STYR_DIAG_KEEP, sizeof *d->v);
    styr_diag *g = &d->v[d->n++];
    memset(g, 0, sizeof *g);
    return g;
}

static styr_diag *fill(styr_diags *d, styr_msg what, styr_msg expected, const char *file, uint64_t line,
                       uint32_t col, const char *colname, const char *value, size_t len)
{
    styr_diag *g = push(d);
    if (!g) return NULL;
    g->what = what;
    g->expected = expected;
    g->file = intern(d, file);
    g->line = line;
    g->col = col;
    if (colname) snprintf(g->colname, sizeof g->colname, "%s", colname);
    copy_value(g->value, sizeof g->value, value, len, d->mask_cpr);
    return g;
}

void styr_diag_add(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                   uint64_t line, uint32_t col, const char *colname,
                   const char *value, size_t len)
{
    fill(d, what, expected, file, line, col, colname, value, len);
}

void styr_diag_dup(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                   uint64_t line, const char *file2, uint64_t line2,
                   const char *value, size_t len)
{
    styr_diag *g = fill(d, what, expected, file, line, 0, NULL, value, len);
    if (!g) return;
    g->file2 = intern(d, file2);
    g->line2 = line2;
}

void styr_diag_unknown(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                       uint64_t line, uint32_t col, const char *colname,
                       const char *code, size_t len)
{
    char v[sizeof d->v->value];
    copy_value(v, sizeof v, code, len, d->mask_cpr);
    d->unknown_occurrences++;
    if (seen_before(d, XXH3_64bits_withSeed(code, len, (uint64_t)what))) {
        for (size_t i = 0; i < d->nunknown; i++) {
            styr_diag *g = &d->unknown[i];
            if (g->what == what && !strcmp(g->value, v)) { g->count++; break; }
        }
        return;
    }
    d->unknown_distinct++;
    if (d->nunknown >= STYR_DIAG_KEEP) return;
    if (!d->unknown) d->unknown = styr_xcalloc(STYR_DIAG_KEEP, sizeof *d->unknown);
    styr_diag *g = &d->unknown[d->nunknown++];
    memset(g, 0, sizeof *g);
    g->what = what;
    g->expected = expected;
    g->file = intern(d, file);
    g->line = line;
    g->col = col;
    g->count = 1;
    if (colname) snprintf(g->colname, sizeof g->colname, "%s", colname);
    memcpy(g->value, v, sizeof v);
}

styr_rc styr_diag_sys(styr_diags *d, styr_rc rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->sys, sizeof d->sys, fmt, ap);
    styr_mask_cpr(d->sys, strlen(d->sys), 0);
    va_end(ap);
    return rc;
}
