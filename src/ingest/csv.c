/* csv: delimited-text records with separator and encoding detection. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* Windows-1252 0x80-0x9F to Unicode; 0 marks the five undefined bytes,
 * which are passed through as their Latin-1 code point (as Windows does). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Fields are built as offsets: into the data (in_scratch 0) or scratch (1);
 * pointers are resolved once the record is complete, because the scratch
 * buffer may move while it grows. */
struct styr_raw_field { size_t off; uint32_t n; int in_scratch; };
typedef struct styr_raw_field raw_field;

void styr_csv_init(styr_csv *c, const char *file, const void *data, size_t size)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    c->begin = c->p = data ? (const char *)data : "";
    c->end = c->p + (data ? size : 0);
    c->sep = ';';
    c->next_line = 1;
    if (c->end - c->p >= 3 && !memcmp(c->p, "\xEF\xBB\xBF", 3)) {
        c->p += 3;
        c->bom = 1;
        c->enc = STYR_ENC_UTF8;
    }
}

void styr_csv_free(styr_csv *c)
{
    if (!c) return;
    free(c->f);
    free(c->scratch);
    free(c->raw);
    c->raw = NULL;
    c->rawcap = 0;
    c->f = NULL;
    c->scratch = NULL;
    c->nf = c->capf = c->sn = c->scap = 0;
}

int styr_field_is(styr_field f, const char *s)
{
    size_t n = strlen(s);
    if (f.n != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char a = f.p[i], b = s[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
        if (a != b) return 0;
    }
    return 1;
}

const char *styr_encoding_name(styr_encoding e)
{
    switch (e) {
    case STYR_ENC_UTF8: return "UTF-8";
    case STYR_ENC_CP1252: return "Windows-1252";
    default: return "ASCII";
    }
}

const char *styr_sep_name(char sep)
{
    switch (sep) {
    case ';': return "';'";
    case ',': return "','";
    case '\t': return "tab";
    default: return "?";
    }
}

int styr_utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k;
        unsigned min;
        if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return 0;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
        i += k + 1;
    }
    return 1;
}

static int has_high(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t acc = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        acc |= w;
    }
    for (; i < n; i++) acc |= (unsigned char)s[i];
    return (acc & 0x8080808080808080ULL) != 0;
}

static void scratch_reserve(styr_csv *c, size_t more)
{
    if (c->sn + more <= c->scap) return;
    size_t cap = c->scap ? c->scap : 256;
    while (cap < c->sn + more) cap *= 2;
    c->scratch = styr_xrealloc(c->scratch, cap);
    c->scap = cap;
}

static void rf_reserve(styr_csv *c, size_t n)
{
    if (n > c->rawcap) {
        c->rawcap = n < 64 ? 64 : n * 2;
        c->raw = styr_xrealloc(c->raw, c->rawcap * sizeof *c->raw);
    }
}

/* Convert Windows-1252 bytes to UTF-8, appending to scratch. */
static void cp1252_append(styr_csv *c, size_t src_off, int src_in_scratch, uint32_t n, raw_field *out)
{
    scratch_reserve(c, (size_t)n * 3);
    const unsigned char *s = (const unsigned char *)(src_in_scratch ? c->scratch + src_off : c->begin + src_off);
    char *o = c->scratch + c->sn;
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned u = s[i];
        if (u >= 0x80 && u < 0xA0 && cp1252_hi[u - 0x80]) u = cp1252_hi[u - 0x80];
        if (u < 0x80) o[k++] = (char)u;
        else if (u < 0x800) { o[k++] = (char)(0xC0 | (u >> 6)); o[k++] = (char)(0x80 | (u & 0x3F)); }
        else {
            o[k++] = (char)(0xE0 | (u >> 12));
            o[k++] = (char)(0x80 | ((u >> 6) & 0x3F));
            o[k++] = (char)(0x80 | (u & 0x3F));
        }
    }
    out->off = c->sn;
    out->n = (uint32_t)k;
    out->in_scratch = 1;
    c->sn += k;
}

/* Decide / check the encoding of each non-ASCII field; convert Windows-1252. */
static int encode_fields(styr_csv *c, size_t nf, styr_diags *d)
{
    for (size_t i = 0; i < nf; i++) {
        raw_field *f = &c->raw[i];
        const char *s = f->in_scratch ? c->scratch + f->off : c->begin + f->off;
        if (!has_high(s, f->n)) continue;
        int ok = styr_utf8_valid((const unsigned char *)s, f->n);
        if (c->enc == STYR_ENC_ASCII) c->enc = ok ? STYR_ENC_UTF8 : STYR_ENC_CP1252;
        if (c->enc == STYR_ENC_UTF8) {
            if (!ok) {
                int hide = c->hide_col == (int)i + 1;
                styr_diag_add(d, D_ENCODING, X_ONE_ENCODING, c->file, c->line, (uint32_t)i + 1, NULL, hide ? NULL : s,
                              hide ? 0 : f->n);
                return -1;
            }
        } else {
            cp1252_append(c, f->off, f->in_scratch, f->n, f);
        }
    }
    return 0;
}

static void resolve(styr_csv *c, size_t nf)
{
    if (nf > c->capf) {
        c->capf = nf * 2;
        c->f = styr_xrealloc(c->f, c->capf * sizeof *c->f);
    }
    for (size_t i = 0; i < nf; i++) {
        c->f[i].p = c->raw[i].in_scratch ? c->scratch + c->raw[i].off : c->begin + c->raw[i].off;
        c->f[i].n = c->raw[i].n;
    }
    c->nf = nf;
}

/* Parse one record starting at c->p that contains quotes. */
static int slow_record(styr_csv *c, styr_diags *d, size_t *nf_out)
{
    const char *p = c->p, *end = c->end;
    size_t nf = 0;
    for (;;) {
        rf_reserve(c, nf + 1);
        scratch_reserve(c, 1);
        raw_field *f = &c->raw[nf++];
        f->off = c->sn;
        f->in_scratch = 1;
        f->n = 0;
        if (p < end && *p == '"') {
            const uint64_t qline = c->next_line;
            p++;
            for (;;) {
                if (p >= end) {
                    styr_diag_add(d, D_QUOTE, X_QUOTE, c->file, qline, (uint32_t)nf, NULL, NULL, 0);
                    c->p = end;
                    return -1;
                }
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') { scratch_reserve(c, 1); c->scratch[c->sn++] = '"'; p += 2; continue; }
                    p++;
                    break;
                }
                if (*p == '\n') c->next_line++;
                scratch_reserve(c, 1);
                c->scratch[c->sn++] = *p++;
            }
        }
        /* unquoted text, or text after a closing quote, up to sep / EOL */
        while (p < end && *p != c->sep && *p != '\n') {
            if (*p == '\r' && (p + 1 == end || p[1] == '\n')) { p++; continue; }
            scratch_reserve(c, 1);
            c->scratch[c->sn++] = *p++;
        }
        f->n = (uint32_t)(c->sn - f->off);
        if (p < end && *p == c->sep) { p++; continue; }
        if (p < end && *p == '\n') { p++; c->next_line++; }
        break;
    }
    c->p = p;
    *nf_out = nf;
    return 0;
}

/* The bytes the fast path must stop at: the separator, a newline, a quote,
 * and any byte >= 0x80. SWAR: eight bytes at a time; the lowest flagged byte
 * is exact (later ones may be false positives, so only the first is used). */
static inline uint64_t stops(uint64_t w, uint64_t sep8)
{
    const uint64_t lo = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;
    uint64_t a = w ^ sep8, b = w ^ (lo * '\n'), q = w ^ (lo * '"');
    return (((a - lo) & ~a) | ((b - lo) & ~b) | ((q - lo) & ~q) | w) & hi;
}

int styr_csv_next(styr_csv *c, styr_diags *d)
{
    c->sn = 0;
    const uint64_t sep8 = 0x0101010101010101ULL * (unsigned char)c->sep;
    for (;;) {
        if (c->p >= c->end) { c->nf = 0; return 0; }
        const char *s = c->p, *end = c->end, *p = s, *f = s;
        c->line = c->next_line;
        size_t nf = 0;
        int high = 0, quoted = 0;
        for (;;) {
            if (end - p >= 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                uint64_t m = stops(w, sep8);
                if (!m) { p += 8; continue; }
                p += __builtin_ctzll(m) >> 3;
            } else if (p >= end) {
                break;
            }
            unsigned char ch = (unsigned char)*p;
            if (ch == (unsigned char)c->sep) {
                rf_reserve(c, nf + 1);
                c->raw[nf++] = (raw_field){(size_t)(f - c->begin), (uint32_t)(p - f), 0};
                f = ++p;
            } else if (ch == '\n') {
                break;
            } else if (ch == '"') {
                quoted = 1;
                break;
            } else {
                high |= ch >= 0x80;
                p++;
            }
        }
        if (quoted) {
            if (slow_record(c, d, &nf)) return -1;
            if (encode_fields(c, nf, d)) return -1;
            resolve(c, nf);
            return 1;
        }
        const char *e = p; /* end of the line, before '\n' */
        c->p = p < end ? p + 1 : end;
        c->next_line++;
        if (e > f && e[-1] == '\r') e--;
        if (nf == 0 && e == s) continue; /* blank line */
        rf_reserve(c, nf + 1);
        c->raw[nf++] = (raw_field){(size_t)(f - c->begin), (uint32_t)(e > f ? e - f : 0), 0};
        if (high && encode_fields(c, nf, d)) return -1;
        resolve(c, nf);
        return 1;
    }
}

void styr_csv_skip_comments(styr_csv *c, const char **comment, size_t *clen)
{
    if (comment) { *comment = NULL; *clen = 0; }
    while (c->p < c->end && *c->p == '#') {
        const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
        const char *e = nl ? nl : c->end;
        if (comment && !*comment) {
            const char *s = c->p + 1;
            const char *t = e;
            while (s < t && (*s == ' ' || *s == '\t')) s++;
            while (t > s && (t[-1] == '\r' || t[-1] == ' ')) t--;
            *comment = s;
            *clen = (size_t)(t - s);
        }
        c->p = nl ? nl + 1 : c->end;
        c->next_line++;
    }
}

int styr_csv_header(styr_csv *c, styr_diags *d)
{
    /* skip blank lines, then count candidates on the first line outside quotes */
    while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
        if (*c->p == '\n') c->next_line++;
        c->p++;
    }
    if (c->p >= c->end) return 0;
    size_t semi = 0, tab = 0, comma = 0;
    int inq = 0;
    for (const char *s = c->p; s < c->end && (inq || *s != '\n'); s++) {
        if (*s == '"') inq = !inq;
        else if (!inq) {
            semi += *s == ';';
            tab += *s == '\t';
            comma += *s == ',';
        }
    }
    c->sep = ';';
    if (tab > semi && tab >= comma) c->sep = '\t';
    else if (comma > semi && comma > tab) c->sep = ',';
    return styr_csv_next(c, d);
}
