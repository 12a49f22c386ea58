/* access: the tokens file and constant-time token lookup. */
#include "access.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/msg.h"

static int tok_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '~' || c == '-';
}

static void bad(styr_diags *d, const char *file, uint64_t line, uint32_t col, const char *v, size_t n, const char *exp)
{
    styr_diag_sys(d, STYR_EINPUT, styr_tr("%s, linje %llu, kolonne %u: \"%.*s\"; forventet %s", "%s, line %llu, column %u: \"%.*s\"; expected %s"),
                  file, (unsigned long long)line, col, (int)(n > 40 ? 40 : n), v, exp);
}

styr_rc styr_tokens_read(const char *path, const styr_codes *codes, styr_tokens *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_map m;
    styr_rc rc = styr_map_file(path, &m, d);
    if (rc) return rc;
    rc = styr_tokens_parse(path, m.data, m.size, codes, out, d);
    styr_unmap(&m);
    return rc;
}

styr_rc styr_tokens_parse(const char *path, const void *data, size_t size, const styr_codes *codes, styr_tokens *out,
                          styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_rc rc = STYR_OK;
    const char *p = data, *end = p + size;
    uint64_t line = 0;
    size_t cap = 0;
    while (p < end && !rc) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        line++;
        const char *q = p, *le = eol;
        if (le > q && le[-1] == '\r') le--;
        for (const char *h = q; h < le; h++)
            if (*h == '#') { le = h; break; }
        while (q < le && (*q == ' ' || *q == '\t')) q++;
        if (q < le) {
            const char *t0 = q;
            while (q < le && *q != ' ' && *q != '\t') q++;
            size_t tl = (size_t)(q - t0);
            int okc = 1;
            for (size_t i = 0; i < tl; i++) okc &= tok_char(t0[i]);
            while (q < le && (*q == ' ' || *q == '\t')) q++;
            const char *s0 = q;
            while (q < le && *q != ' ' && *q != '\t') q++;
            size_t sl = (size_t)(q - s0);
            while (q < le && (*q == ' ' || *q == '\t')) q++;
            int kommune = -1;
            if (sl == 1 && *s0 == '*') kommune = 0;
            else if (sl >= 1 && sl <= 3) {
                int v = 0;
                for (size_t i = 0; i < sl; i++) v = s0[i] >= '0' && s0[i] <= '9' ? v * 10 + (s0[i] - '0') : -100000;
                if (v > 0 && v < 1000 && codes->kom_idx[v] >= 0) kommune = v;
            }
            if (!okc || tl < 16 || tl > 128) {
                bad(d, path, line, (uint32_t)(t0 - p) + 1, t0, tl, styr_tr("et token på 16-128 tegn af A-Z a-z 0-9 _ . ~ -", "a token of 16-128 characters of A-Z a-z 0-9 _ . ~ -"));
                rc = STYR_EINPUT;
            } else if (kommune < 0) {
                bad(d, path, line, (uint32_t)(s0 - p) + 1, s0, sl, styr_tr("en kommunekode eller *", "a municipality code or *"));
                rc = STYR_EINPUT;
            } else if (q < le) {
                bad(d, path, line, (uint32_t)(q - p) + 1, q, (size_t)(le - q), styr_tr("linjens slut", "the end of the line"));
                rc = STYR_EINPUT;
            } else {
                if (out->n == cap) out->t = styr_xrealloc(out->t, (cap = cap ? 2 * cap : 8) * sizeof *out->t);
                styr_token *t = &out->t[out->n++];
                memcpy(t->tok, t0, tl);
                t->tok[tl] = 0;
                t->len = tl;
                t->kommune = kommune;
            }
        }
        p = eol + 1;
    }
    if (rc) styr_tokens_free(out);
    return rc;
}

void styr_tokens_free(styr_tokens *t)
{
    if (t->t) memset(t->t, 0, t->n * sizeof *t->t);
    free(t->t);
    t->t = NULL;
    t->n = 0;
}

int styr_ct_equal(const char *a, const char *b, size_t n)
{
    volatile unsigned char x = 0;
    for (size_t i = 0; i < n; i++) x |= (unsigned char)(a[i] ^ b[i]);
    return x == 0;
}

int styr_tokens_scope(const styr_tokens *t, const char *tok, size_t len, int *kommune, int *bad_)
{
    int found = -1;
    *kommune = 0;
    *bad_ = 0;
    if (!len) return STYR_SCOPE_NONE;
    char buf[129] = {0};
    size_t n = len < 128 ? len : 128;
    memcpy(buf, tok, n);
    for (size_t i = 0; i < t->n; i++) {
        /* compare every token over 128 bytes, whatever the lengths */
        char ref[129] = {0};
        memcpy(ref, t->t[i].tok, t->t[i].len);
        int eq = styr_ct_equal(buf, ref, 128) & (t->t[i].len == len);
        if (eq && found < 0) found = (int)i;
    }
    if (found < 0) {
        *bad_ = 1;
        return STYR_SCOPE_NONE;
    }
    *kommune = t->t[found].kommune;
    return *kommune ? STYR_SCOPE_KOMMUNE : STYR_SCOPE_ALL;
}
