/* pub_jobindsats: a jobindsats.dk table (any shape) into public figures.
 *
 * Column roles by label: the period (Periode/period), the area
 * (Område/Area), the other dimensions, and the measures. In API v2 JSON the
 * variable names decide: a name with a leading underscore ("_kon") is a
 * dimension, any other a measure. Elsewhere a label known as a dimension
 * (Køn, Oprindelse, Visitationskategori, Sagsart, Ydelsesgrupper, Alder, ...)
 * is one; a label known as a measure (the a02 labels, Y30R21's
 * "group: measure" labels, labels beginning Antal/Andel/Forventet/Faktisk/
 * Forskel/Placering/Fuldtidspersoner) is one; any other label is a measure
 * when every cell of its column reads as a value, else a dimension.
 *
 * The wide CSV the website's pivot writes (Område;Ydelsesgrupper;2024M01;...)
 * has the periods as columns: each period column is a value, the other
 * columns are dimensions, and the measure is the cell of a measure column
 * (Måling, Mål, Nøgletal, Measure) or, without one, --maal; with neither the
 * file is refused (styr does not guess what the numbers are). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/period.h"
#include "pubint.h"

static const char *const dim_labels[] = {"Køn",     "Oprindelse",     "Herkomst",      "Visitationskategori",
                                         "Sagsart", "Ydelsesgrupper", "Ydelsesgruppe", "Ydelse",
                                         "Alder",   "Aldersgruppe",   "Uddannelse",    "Målgruppe",
                                         "Branche", "Varighed",       "Indsats",       "Tilbud",
                                         "Forløb",  "Match",          "Matchgruppe",   "Civilstand"};
static const char *const measure_starts[] = {
    "Antal", "Andel", "Forventet", "Faktisk", "Forskel", "Placering", "Fuldtidspersoner", "Gennemsnit", "Varighed i"};
static const char *const maal_labels[] = {"Måling", "Mål", "Maal", "Nøgletal", "Measure", "Measures"};

enum { ROLE_PERIOD, ROLE_AREA, ROLE_DIM, ROLE_MEASURE, ROLE_MAAL, ROLE_PCOL };

static int any_of(const char *s, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pub_label_is(s, v[i])) return 1;
    return 0;
}

static int starts_ci(const char *s, const char *p)
{
    for (; *p; s++, p++)
        if ((*s | 32) != (*p | 32)) return 0;
    return 1;
}

static int column_values(const pub_table *t, size_t k)
{
    for (size_t i = 0; i < t->nrows; i++) {
        double v;
        int st;
        if (pub_value_in(t, &t->cells[i * t->ncols + k], &v, &st)) return 0;
    }
    return 1;
}

/* A label shaped like a period code (2024M13, 2024Q5, 1989M01): four digits,
 * a letter, then letters and digits. In a wide table it is a period column,
 * refused with its place if it is not a period, never taken for a dimension. */
static int period_shaped(const char *l)
{
    size_t n = strlen(l);
    if (n < 6 || n > 12) return 0;
    for (size_t i = 0; i < 4; i++)
        if (l[i] < '0' || l[i] > '9') return 0;
    if (!((l[4] | 32) >= 'a' && (l[4] | 32) <= 'z')) return 0;
    for (size_t i = 5; i < n; i++)
        if (!((l[i] >= '0' && l[i] <= '9') || ((l[i] | 32) >= 'a' && (l[i] | 32) <= 'z'))) return 0;
    return 1;
}

static int role_of(const pub_table *t, size_t k)
{
    const char *l = t->labels[k];
    if (pub_label_is(l, "Periode") || pub_label_is(l, "Period")) return ROLE_PERIOD;
    if (pub_label_is(l, "Område") || pub_label_is(l, "Area") || pub_label_is(l, "Omraade")) return ROLE_AREA;
    if (t->shape == PUB_WIDE) {
        if (pub_period_code(l) || period_shaped(l)) return ROLE_PCOL;
        if (any_of(l, maal_labels, sizeof maal_labels / sizeof *maal_labels)) return ROLE_MAAL;
        return ROLE_DIM;
    }
    if (t->names && t->names[k][0]) {
        if (!strcmp(t->names[k], "period")) return ROLE_PERIOD;
        if (!strcmp(t->names[k], "area")) return ROLE_AREA;
        return t->names[k][0] == '_' ? ROLE_DIM : ROLE_MEASURE;
    }
    if (any_of(l, dim_labels, sizeof dim_labels / sizeof *dim_labels)) return ROLE_DIM;
    if (strstr(l, ": ") || strstr(l, "pct.")) return ROLE_MEASURE;
    for (size_t i = 0; i < sizeof measure_starts / sizeof *measure_starts; i++)
        if (starts_ci(l, measure_starts[i])) return ROLE_MEASURE;
    return column_values(t, k) ? ROLE_MEASURE : ROLE_DIM;
}

typedef struct dimcol {
    size_t k;
    const char *label;
} dimcol;

static int dim_cmp(const void *a, const void *b)
{
    return strcmp(((const dimcol *)a)->label, ((const dimcol *)b)->label);
}

/* "Label=Value|..." sorted by label */
static void dims_text(const pub_table *t, size_t row, const dimcol *dc, size_t nd, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (size_t j = 0; j < nd && o < cap; j++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%s=%s", j ? "|" : "", dc[j].label,
                              t->cells[row * t->ncols + dc[j].k].s);
}

static void add_value(pub_ctx *c, const pub_table *t, size_t row, size_t k, const char *maal, const char *omraade,
                      int kommune, const char *periode, const char *dims)
{
    const pub_cell *cell = &t->cells[row * t->ncols + k];
    double v;
    int st;
    if (pub_value_in(t, cell, &v, &st)) {
        pub_cell_error(c, D_BAD_VALUE, X_PUB_VALUE, t->line[row], k + 1, t->labels[k], cell->s);
        return;
    }
    pub_out_row *r = pub_push(c->out);
    r->r.kilde = "jobindsats";
    r->r.tabel = c->tabel;
    r->r.maal = maal;
    r->r.omraade = omraade;
    r->r.kommune = kommune;
    r->r.periode = periode;
    r->r.dims = dims;
    r->r.vaerdi = v;
    r->r.tilstand = st;
    r->file = c->file;
    r->line = t->line[row];
    r->fidx = c->fidx;
}

/* the period code of a cell or a wide column's label; 0 when refused (diagnosed) */
static int period_ok(pub_ctx *c, uint64_t line, size_t k, const char *label, const char *s)
{
    int p = pub_period_code(s);
    styr_period per;
    if (p == 1 && !styr_period_parse(s, &per)) return 1;
    if (p == 1) p = 0; /* a month 00, a year outside styr's range: here, with its line and column */
    pub_cell_error(c, p < 0 ? D_PUB_QMAT : D_PUB_PERIOD, X_PUB_PERIOD, line, k + 1, label, s);
    return 0;
}

styr_rc pub_jobindsats(pub_ctx *c, const pub_table *t)
{
    size_t n = t->ncols, kp = n, ka = n, km = n;
    int *role = styr_xcalloc(n ? n : 1, sizeof *role);
    dimcol *dc = styr_xcalloc(n ? n : 1, sizeof *dc);
    const char **maal = styr_xcalloc(n ? n : 1, sizeof *maal);
    size_t nd = 0, nmeas = 0;
    uint64_t before = styr_diags_count(c->d);
    for (size_t k = 0; k < n; k++) {
        role[k] = role_of(t, k);
        if (role[k] == ROLE_PERIOD)
            kp = k;
        else if (role[k] == ROLE_AREA)
            ka = k;
        else if (role[k] == ROLE_MAAL)
            km = k;
        else if (role[k] == ROLE_DIM)
            dc[nd++] = (dimcol){k, t->labels[k]};
        else {
            nmeas++;
            maal[k] = pub_strdup(c->out, t->labels[k]);
            if (role[k] == ROLE_PCOL) period_ok(c, 1, k, t->labels[k], t->labels[k]);
        }
    }
    qsort(dc, nd, sizeof *dc, dim_cmp);
    if (ka == n || (t->shape != PUB_WIDE && kp == n)) {
        styr_diag_add(c->d, D_PUB_COLUMNS, X_PUB_COLUMNS, c->file, 1, 0, NULL, NULL, 0);
        goto out;
    }
    if (!nmeas) {
        styr_diag_add(c->d, D_PUB_NO_MEASURE, X_PUB_COLUMNS, c->file, 1, 0, NULL, NULL, 0);
        goto out;
    }
    const char *wide_maal = NULL;
    if (t->shape == PUB_WIDE && km == n) {
        if (!c->maal || !c->maal[0]) {
            styr_diag_add(c->d, D_PUB_WIDE_MAAL, X_PUB_WIDE_MAAL, c->file, 1, 0, NULL, NULL, 0);
            goto out;
        }
        wide_maal = pub_strdup(c->out, c->maal);
    }
    if (styr_diags_count(c->d) > before) goto out;
    char dims[1024];
    for (size_t i = 0; i < t->nrows; i++) {
        const char *area = t->cells[i * n + ka].s;
        int kom = pub_area(c->codes, area);
        int bad = 0;
        if (kom == PUB_AREA_BAD) {
            pub_area_error(c->codes, c->d, c->file, t->line[i], (uint32_t)(ka + 1), t->labels[ka], area);
            bad = 1;
        } else if (kom == PUB_AREA_CHRISTIANSOE) {
            pub_cell_error(c, D_PUB_CHRISTIANSOE, X_PUB_AREA, t->line[i], ka + 1, t->labels[ka], area);
            bad = 1;
        }
        if (kp < n && !period_ok(c, t->line[i], kp, t->labels[kp], t->cells[i * n + kp].s)) bad = 1;
        const char *rm = wide_maal;
        if (km < n) {
            rm = t->cells[i * n + km].s;
            if (!rm[0]) {
                pub_cell_error(c, D_PUB_NO_MEASURE, X_PUB_WIDE_MAAL, t->line[i], km + 1, t->labels[km], rm);
                bad = 1;
            }
        }
        if (bad) continue;
        dims_text(t, i, dc, nd, dims, sizeof dims);
        /* a municipality and the country by their one name, so "københavn" and
         * "København" in one file are one area (a duplicate), not two rows */
        if (kom > 0 && c->codes->kom_idx[kom] >= 0) area = c->codes->kom_name[c->codes->kom_idx[kom]];
        else if (kom == STYR_PUB_COUNTRY) area = "Hele landet";
        const char *om = pub_strdup(c->out, area), *ds = pub_strdup(c->out, dims);
        if (km < n) rm = pub_strdup(c->out, rm);
        for (size_t k = 0; k < n; k++) {
            if (role[k] == ROLE_MEASURE)
                add_value(c, t, i, k, maal[k], om, kom, pub_strdup(c->out, t->cells[i * n + kp].s), ds);
            else if (role[k] == ROLE_PCOL)
                add_value(c, t, i, k, rm, om, kom, maal[k], ds);
        }
    }
out:
    free(role);
    free(dc);
    free(maal);
    return styr_diags_count(c->d) > before ? STYR_EINPUT : STYR_OK;
}
