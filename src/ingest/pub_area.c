/* pub_area: areas, period codes and values as the published tables write them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/suggest.h"
#include "pubint.h"

const char *pub_strdup(pub_out *o, const char *s)
{
    if (o->ns == o->caps) {
        o->caps = o->caps ? 2 * o->caps : 256;
        o->strs = styr_xrealloc(o->strs, o->caps * sizeof *o->strs);
    }
    return o->strs[o->ns++] = styr_xstrdup(s);
}

pub_out_row *pub_push(pub_out *o)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 256;
        o->v = styr_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    pub_out_row *r = &o->v[o->n++];
    memset(r, 0, sizeof *r);
    return r;
}

void pub_out_free(pub_out *o)
{
    for (size_t i = 0; i < o->ns; i++)
        free(o->strs[i]);
    free(o->strs);
    free(o->v);
    memset(o, 0, sizeof *o);
}

/* No published count or share comes near this; beyond it a value is a mistake
 * (and sums or shares of it could overflow). */
#define PUB_VALUE_MAX 1e12

int pub_value(const pub_cell *cell, double *v, int *state)
{
    *v = 0;
    if (cell->kind == PUB_CELL_NUM) {
        /* finite and of a size a published count or share can have, and 0 for -0 */
        if (!(cell->num >= -PUB_VALUE_MAX && cell->num <= PUB_VALUE_MAX)) return -1;
        *v = cell->num == 0 ? 0 : cell->num;
        *state = STYR_PUB_VALUE;
        return 0;
    }
    const char *s = cell->s;
    if (cell->kind == PUB_CELL_NULL || !s[0] || !strcmp(s, "-") || !strcmp(s, ".")) {
        *state = STYR_PUB_NONE;
        return 0;
    }
    if (!strcmp(s, "..")) {
        *state = STYR_PUB_SUPPRESSED;
        return 0;
    }
    size_t n = strlen(s);
    /* digits, sign, separators only: styr_parse_amount also takes "%" and blanks */
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.' || (i == 0 && (s[i] == '-' || s[i] == '+'))))
            return -1;
    if (n >= 64 || styr_parse_amount(s, n, 1, v)) return -1;
    /* the nearest double to the decimal text (styr_parse_amount adds digit by
     * digit, so "0,3" would be 0.30000000000000004): read it again with
     * strtod, without thousands separators and with a decimal point */
    char buf[64];
    size_t k = 0;
    int comma = strchr(s, ',') != NULL, grouped = 0;
    if (!comma && strchr(s, '.')) grouped = strtod(s, NULL) != *v;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' && (comma || grouped)) continue;
        buf[k++] = s[i] == ',' ? '.' : s[i];
    }
    buf[k] = 0;
    *v = strtod(buf, NULL);
    if (!(*v >= -PUB_VALUE_MAX && *v <= PUB_VALUE_MAX)) return -1;
    if (*v == 0) *v = 0; /* "-0" */
    *state = STYR_PUB_VALUE;
    return 0;
}

int pub_value_in(const pub_table *t, const pub_cell *cell, double *v, int *state)
{
    if (t->dec_comma && cell->kind == PUB_CELL_STR && strchr(cell->s, '.') && strcmp(cell->s, ".") &&
        strcmp(cell->s, "..")) {
        const char *s = cell->s + (cell->s[0] == '-' || cell->s[0] == '+');
        size_t lead = strspn(s, "0123456789");
        if (lead < 1 || lead > 3 || s[lead] != '.') return -1;
        for (const char *p = s + lead; *p == '.'; p += 4)
            if (strspn(p + 1, "0123456789") != 3 || (p[4] && p[4] != '.' && p[4] != ',')) return -1;
    }
    return pub_value(cell, v, state);
}

static int starts_folded(const char *name, const char *prefix)
{
    char f[128];
    size_t m = styr_fold(name, f, sizeof f), k = strlen(prefix);
    return m > k && !strncmp(f, prefix, k);
}

int pub_area(const styr_codes *c, const char *name)
{
    char f[128];
    if (!styr_fold(name, f, sizeof f)) return PUB_AREA_BAD;
    if (!strcmp(f, "helelandet") || !strcmp(f, "landsdelhelelandet")) return STYR_PUB_COUNTRY;
    if (!strcmp(f, "christiansoe")) return PUB_AREA_CHRISTIANSOE;
    if (starts_folded(name, "rar") || starts_folded(name, "region") || starts_folded(name, "landsdel"))
        return STYR_PUB_OTHER_AREA;
    /* a name only: a code ("461") is not how jobindsats writes an area */
    for (const char *p = name; *p; p++)
        if (*p < '0' || *p > '9') {
            int k = styr_codes_kommune(c, name, strlen(name));
            return k >= 0 ? c->dict.kom[k] : PUB_AREA_BAD;
        }
    return PUB_AREA_BAD;
}

void pub_area_error(const styr_codes *c, styr_diags *d, const char *file, uint64_t line, uint32_t col,
                    const char *colname, const char *name)
{
    styr_cand *cand = styr_xcalloc((size_t)c->dict.nkom + 1, sizeof *cand);
    int n = 0;
    for (int k = 0; k < c->dict.nkom; k++)
        cand[n++] = (styr_cand){c->kom_name[k], c->kom_name[k]};
    cand[n++] = (styr_cand){"Hele landet", "Hele landet"};
    const char *best[1];
    char v[84];
    /* the value printed in quotes, then the suggestion: "Randrs" – mente du "Randers" */
    if (styr_suggest(name, cand, n, 1, best, 1))
        snprintf(v, sizeof v, "%.30s\" %s \"%s", name, styr_msg_text(M_HINT_DID_YOU_MEAN), best[0]);
    else
        snprintf(v, sizeof v, "%s", name);
    styr_diag_add(d, D_PUB_AREA, X_PUB_AREA, file, line, col, colname, v, strlen(v));
    free(cand);
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int pub_period_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 7 || !digits(s, 4)) return 0;
    char k = (char)(s[4] & ~32);
    if (k == 'M' && n == 7 && digits(s + 5, 2)) return s[5] < '1' || (s[5] == '1' && s[6] <= '2') ? 1 : 0;
    if (k == 'Q' && n == 6 && s[5] >= '1' && s[5] <= '4') return 1;
    if (k == 'Q' && n == 10 && !strncasecmp(s + 4, "QMAT", 4) && digits(s + 8, 2)) {
        int nn = (s[8] - '0') * 10 + (s[9] - '0');
        return nn >= 1 && nn <= 4 ? 1 : -1;
    }
    if (k == 'Y' && n == 7 && s[5] == '0' && s[6] == '1') return 1;
    return 0;
}

void pub_cell_error(pub_ctx *c, styr_msg what, styr_msg expected, uint64_t line, size_t col, const char *label,
                    const char *value)
{
    styr_diag_add(c->d, what, expected, c->file, line, (uint32_t)col, label, value, value ? strlen(value) : 0);
}
