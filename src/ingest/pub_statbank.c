/* pub_statbank: Statistikbanken CSV (codes or texts) and the labour force
 * file kommune;aar;antal into public figures (kilde "statistikbanken").
 *
 * Both presentations give the same rows: codes are stored as the texts they
 * stand for (area 101 as "København", 000 "Hele landet", 081-085 the
 * regions; KØN 1/2/TOT as Mænd/Kvinder/I alt; ALDER 16 as "16 år", IALT/TOT
 * as "I alt"); other variables are kept as written. Totals are rows of their
 * own and never added to their parts. Christiansø (411) is a municipality in
 * Statistikbanken but not in styr: it is kept as an area of its own (not a
 * municipality) and never enters the population.
 *
 * FOLK1A's first-quarter rows of one age, for a municipality, with every
 * other variable than sex at its total, are also collected for styr's
 * population table (pubimport.c decides sex: the total where the file has
 * it, else men + women). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/period.h"
#include "pubint.h"

static const char *const regions[] = {"Region Nordjylland", "Region Midtjylland", "Region Syddanmark",
                                      "Region Hovedstaden", "Region Sjælland"};

static int all_digits(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

/* a total as Statistikbanken writes it: codes TOT / IALT, texts "I alt",
 * "Alder i alt", "Køn i alt" */
static int is_total(const char *s)
{
    size_t n = strlen(s);
    return pub_label_is(s, "I alt") || pub_label_is(s, "TOT") || pub_label_is(s, "IALT") ||
           pub_label_is(s, "Total") || (n > 6 && pub_label_is(s + n - 6, " i alt"));
}

/* An area as code or name: the municipality code, STYR_PUB_COUNTRY,
 * STYR_PUB_OTHER_AREA (regions, Christiansø), or PUB_AREA_BAD; *name the
 * text to store. */
static int area_of(const styr_codes *codes, const char *s, const char **name)
{
    *name = s;
    if (all_digits(s)) {
        int v = atoi(s);
        if (strlen(s) > 4) return PUB_AREA_BAD;
        if (v == 0) {
            *name = "Hele landet";
            return STYR_PUB_COUNTRY;
        }
        if (v >= 81 && v <= 85 && s[0] == '0') {
            *name = regions[v - 81];
            return STYR_PUB_OTHER_AREA;
        }
        if (v == 411) {
            *name = "Christiansø";
            return STYR_PUB_OTHER_AREA;
        }
        if (v < 1000 && codes->kom_idx[v] >= 0) {
            *name = codes->kom_name[codes->kom_idx[v]];
            return v;
        }
        return PUB_AREA_BAD;
    }
    int k = pub_area(codes, s);
    if (k == PUB_AREA_CHRISTIANSOE) {
        *name = "Christiansø";
        return STYR_PUB_OTHER_AREA;
    }
    if (k > 0) *name = codes->kom_name[codes->kom_idx[k]];
    return k;
}

static const char *sex_text(const char *s, int *sex)
{
    *sex = -1;
    if (!strcmp(s, "1") || pub_label_is(s, "Mænd")) {
        *sex = 1;
        return "Mænd";
    }
    if (!strcmp(s, "2") || pub_label_is(s, "Kvinder")) {
        *sex = 2;
        return "Kvinder";
    }
    if (is_total(s)) {
        *sex = 0;
        return "I alt";
    }
    return s;
}

/* "16" or "16 år" -> 16 and "16 år"; totals -> -1 and "I alt"; else -2 */
static int age_of(const char *s, char *text, size_t cap)
{
    if (is_total(s)) {
        snprintf(text, cap, "I alt");
        return -1;
    }
    char num[16];
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9' && n < sizeof num - 1)
        num[n] = s[n], n++;
    num[n] = 0;
    if (n && n <= 3 && (!s[n] || pub_label_is(s + n, " år"))) {
        snprintf(text, cap, "%d år", atoi(num));
        return atoi(num);
    }
    snprintf(text, cap, "%s", s);
    return -2;
}

static void push(pub_ctx *c, const char *tabel, const char *maal, const char *omraade, int kommune, const char *periode,
                 const char *dims, double v, int st, uint64_t line)
{
    pub_out_row *r = pub_push(c->out);
    r->r.kilde = "statistikbanken";
    r->r.tabel = tabel;
    r->r.maal = maal;
    r->r.omraade = pub_strdup(c->out, omraade);
    r->r.kommune = kommune;
    r->r.periode = pub_strdup(c->out, periode);
    r->r.dims = pub_strdup(c->out, dims);
    r->r.vaerdi = v;
    r->r.tilstand = st;
    r->file = c->file;
    r->line = line;
    r->fidx = c->fidx;
}

#define LABOUR_MAAL "Arbejdsstyrken 16-66 år"

static styr_rc labour(pub_ctx *c, const pub_table *t)
{
    uint64_t before = styr_diags_count(c->d);
    for (size_t i = 0; i < t->nrows; i++) {
        const pub_cell *r = &t->cells[i * 3];
        const char *name;
        int kom = area_of(c->codes, r[0].s, &name), bad = 0;
        if (kom == PUB_AREA_BAD) {
            pub_area_error(c->codes, c->d, c->file, t->line[i], 1, t->labels[0], r[0].s);
            bad = 1;
        }
        styr_period p;
        if (!all_digits(r[1].s) || strlen(r[1].s) != 4 || styr_period_parse(r[1].s, &p)) {
            pub_cell_error(c, D_BAD_YEAR, X_YEAR, t->line[i], 2, t->labels[1], r[1].s);
            bad = 1;
        }
        double v;
        int st;
        if (pub_value_in(t, &r[2], &v, &st)) {
            pub_cell_error(c, D_BAD_VALUE, X_PUB_VALUE, t->line[i], 3, t->labels[2], r[2].s);
            bad = 1;
        }
        if (!bad && st == STYR_PUB_VALUE && (v < 0 || v != (double)(long long)v)) {
            pub_cell_error(c, D_BAD_VALUE, X_PUB_COUNT, t->line[i], 3, t->labels[2], r[2].s);
            bad = 1;
        }
        if (!bad) push(c, "arbejdsstyrke", LABOUR_MAAL, name, kom, r[1].s, "", v, st, t->line[i]);
    }
    return styr_diags_count(c->d) > before ? STYR_EINPUT : STYR_OK;
}

static int dimcmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

styr_rc pub_statbank(pub_ctx *c, const pub_table *t)
{
    if (t->shape == PUB_LABOUR) return labour(c, t);
    uint64_t before = styr_diags_count(c->d);
    size_t n = t->ncols, ka = n, kt = n, kv = n - 1;
    for (size_t k = 0; k + 1 < n; k++) {
        if (ka == n && (pub_label_is(t->labels[k], "OMRÅDE") || pub_label_is(t->labels[k], "OMRAADE") ||
                        pub_label_is(t->labels[k], "KOMK") || pub_label_is(t->labels[k], "BOPKOM")))
            ka = k;
        else if (pub_label_is(t->labels[k], "TID"))
            kt = k;
    }
    if (ka == n || kt == n) {
        styr_diag_add(c->d, D_PUB_COLUMNS, X_PUB_STATBANK, c->file, 1, 0, NULL, NULL, 0);
        return STYR_EINPUT;
    }
    int labour_tab = !strcmp(c->tabel, "arbejdsstyrke");
    int folk1a = !strcmp(c->tabel, "folk1a");
    const char *tabel = c->tabel;
    const char *maal = labour_tab ? LABOUR_MAAL : folk1a ? "Befolkningen den 1. i kvartalet" : "INDHOLD";
    char dims[1024], agetext[64];
    const char **parts = styr_xcalloc(n, sizeof *parts);
    char(*texts)[128] = styr_xcalloc(n, sizeof *texts);
    for (size_t i = 0; i < t->nrows; i++) {
        const pub_cell *r = &t->cells[i * n];
        const char *name;
        int kom = area_of(c->codes, r[ka].s, &name), bad = 0;
        if (kom == PUB_AREA_BAD) {
            pub_area_error(c->codes, c->d, c->file, t->line[i], (uint32_t)(ka + 1), t->labels[ka], r[ka].s);
            bad = 1;
        }
        styr_period p;
        if (styr_period_parse(r[kt].s, &p)) {
            pub_cell_error(c, D_PUB_PERIOD, X_PUB_TID, t->line[i], kt + 1, t->labels[kt], r[kt].s);
            bad = 1;
        }
        double v;
        int st;
        if (pub_value_in(t, &r[kv], &v, &st)) {
            pub_cell_error(c, D_BAD_VALUE, X_PUB_VALUE, t->line[i], kv + 1, t->labels[kv], r[kv].s);
            bad = 1;
        }
        /* a count of persons (population, labour force) is whole and not negative */
        if (!bad && (folk1a || labour_tab) && st == STYR_PUB_VALUE && (v < 0 || v != (double)(long long)v)) {
            pub_cell_error(c, D_BAD_VALUE, X_PUB_COUNT, t->line[i], kv + 1, t->labels[kv], r[kv].s);
            bad = 1;
        }
        if (bad) continue;
        int sex = 0, age = -1, others_total = 1;
        size_t np = 0;
        for (size_t k = 0; k < kv; k++) {
            if (k == ka || k == kt) continue;
            const char *val = r[k].s;
            if (pub_label_is(t->labels[k], "KØN")) {
                val = sex_text(val, &sex);
                if (folk1a && sex < 0) {
                    pub_cell_error(c, D_BAD_VALUE, X_PUB_KOEN, t->line[i], k + 1, t->labels[k], r[k].s);
                    bad = 1;
                }
            } else if (pub_label_is(t->labels[k], "ALDER")) {
                age = age_of(val, agetext, sizeof agetext);
                val = agetext;
                if (folk1a && (age == -2 || age > 125)) {
                    pub_cell_error(c, D_BAD_VALUE, X_PUB_ALDER, t->line[i], k + 1, t->labels[k], r[k].s);
                    bad = 1;
                }
            } else if (!is_total(val))
                others_total = 0;
            snprintf(texts[np], sizeof texts[np], "%s=%s", t->labels[k], val);
            parts[np] = texts[np];
            np++;
        }
        qsort(parts, np, sizeof *parts, dimcmp);
        size_t o = 0;
        dims[0] = 0;
        for (size_t j = 0; j < np && o < sizeof dims; j++)
            o += (size_t)snprintf(dims + o, sizeof dims - o, "%s%s", j ? "|" : "", parts[j]);
        if (bad) continue;
        const char *periode = r[kt].s;
        push(c, tabel, maal, name, kom, periode, dims, v, st, t->line[i]);
        if (folk1a && c->pop && kom > 0 && p.kind == STYR_P_QUARTER && p.sub == 1 && age >= 0 && sex >= 0 &&
            others_total && st == STYR_PUB_VALUE) {
            if (c->pop->n == c->pop->cap) {
                c->pop->cap = c->pop->cap ? 2 * c->pop->cap : 256;
                c->pop->v = styr_xrealloc(c->pop->v, c->pop->cap * sizeof *c->pop->v);
            }
            c->pop->v[c->pop->n++] = (pub_pop){kom, p.year, age, sex, v, c->fidx, t->line[i]};
        }
    }
    free(parts);
    free(texts);
    return styr_diags_count(c->d) > before ? STYR_EINPUT : STYR_OK;
}
