/* pub_read: a published table's file, whatever its shape, into a pub_table. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "csv.h"
#include "pubint.h"

void pub_table_free(pub_table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->ncols; i++) {
        free(t->labels[i]);
        if (t->names) free(t->names[i]);
    }
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i].s);
    free(t->labels);
    free(t->names);
    free(t->cells);
    free(t->line);
    memset(t, 0, sizeof *t);
}

static void set_cols(pub_table *t, size_t n)
{
    t->ncols = n;
    t->labels = styr_xcalloc(n ? n : 1, sizeof *t->labels);
}

static pub_cell *add_row(pub_table *t, uint64_t line)
{
    if (t->nrows == t->caprows) {
        t->caprows = t->caprows ? 2 * t->caprows : 64;
        t->cells = styr_xrealloc(t->cells, t->caprows * (t->ncols ? t->ncols : 1) * sizeof *t->cells);
        t->line = styr_xrealloc(t->line, t->caprows * sizeof *t->line);
    }
    pub_cell *r = &t->cells[t->nrows * t->ncols];
    memset(r, 0, t->ncols * sizeof *r);
    t->line[t->nrows++] = line;
    return r;
}

static char *dupn(const char *s, size_t n)
{
    char *p = styr_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* trim blanks around a label or cell */
static char *dup_trim(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return dupn(s, n);
}

int pub_label_is(const char *label, const char *want)
{
    /* ASCII case-insensitive; the Danish capitals Æ Ø Å (C3 86/98/85) match
     * their small letters (C3 A6/B8/A5) */
    const unsigned char *a = (const unsigned char *)label, *b = (const unsigned char *)want;
    for (; *a && *b; a++, b++) {
        unsigned x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (a > (const unsigned char *)label && a[-1] == 0xC3 && b[-1] == 0xC3) {
            if (x >= 0x80 && x <= 0x9E) x += 0x20;
            if (y >= 0x80 && y <= 0x9E) y += 0x20;
        }
        if (x != y) return 0;
    }
    return !*a && !*b;
}

static int is_area_label(const char *s)
{
    return pub_label_is(s, "Område") || pub_label_is(s, "Area") || pub_label_is(s, "Omraade");
}
static int is_period_label(const char *s)
{
    return pub_label_is(s, "Periode") || pub_label_is(s, "Period");
}

/* ---- JSON ---- */

static int json_cell(json_t *v, pub_cell *c)
{
    char buf[64];
    if (json_is_integer(v)) {
        c->kind = PUB_CELL_NUM;
        c->num = (double)json_integer_value(v);
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        c->s = styr_xstrdup(buf);
    } else if (json_is_real(v)) {
        c->kind = PUB_CELL_NUM;
        c->num = json_real_value(v);
        snprintf(buf, sizeof buf, "%.17g", c->num);
        c->s = styr_xstrdup(buf);
    } else if (json_is_string(v)) {
        c->kind = PUB_CELL_STR;
        c->s = dup_trim(json_string_value(v), json_string_length(v));
    } else if (json_is_null(v)) {
        c->kind = PUB_CELL_NULL;
        c->s = styr_xstrdup("");
    } else {
        c->kind = PUB_CELL_STR;
        c->s = styr_xstrdup(json_is_true(v)    ? "true"
                            : json_is_false(v) ? "false"
                            : json_is_array(v) ? "[...]"
                                               : "{...}");
        return -1;
    }
    return 0;
}

static const char *label_of(json_t *v)
{
    return json_is_string(v) ? json_string_value(v) : "";
}

/* rows of arrays (API v2 Data, API v3 rows) */
static void json_rows(pub_table *t, json_t *rows, const char *path, styr_diags *d)
{
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        if (!json_is_array(row) || json_array_size(row) != t->ncols) {
            char got[32];
            snprintf(got, sizeof got, "%zu", json_is_array(row) ? json_array_size(row) : 0);
            if (d) styr_diag_add(d, D_FIELDS, X_FIELDS_N, path, i + 1, 0, NULL, got, strlen(got));
            continue;
        }
        pub_cell *r = add_row(t, i + 1);
        for (size_t k = 0; k < t->ncols; k++)
            if (json_cell(json_array_get(row, k), &r[k]) && d)
                styr_diag_add(d, D_BAD_VALUE, X_PUB_CELL, path, i + 1, (uint32_t)(k + 1), t->labels[k], r[k].s,
                              strlen(r[k].s));
    }
}

static styr_rc read_json(const char *path, const styr_map *m, size_t skip, pub_table *t, styr_diags *d)
{
    /* this file's errors, not an earlier file's (which would hide this one's) */
    const uint64_t before = d ? styr_diags_count(d) : 0;
    json_error_t err;
    json_t *root = json_loadb((const char *)m->data + skip, m->size - skip, 0, &err);
    if (!root) {
        if (d) {
            t->shape = PUB_V2;
            styr_diag_add(d, D_PUB_JSON, X_PUB_JSON, path, err.line > 0 ? (uint64_t)err.line : 0,
                          err.column > 0 ? (uint32_t)err.column : 0, NULL, err.text, strlen(err.text));
            return STYR_EINPUT;
        }
        t->shape = PUB_V2; /* a JSON file is none of the panel formats: the import reports the error */
        return STYR_OK;
    }
    json_t *first = json_is_array(root) ? json_array_get(root, 0) : NULL;
    json_t *vars = first ? json_object_get(first, "Variables") : NULL,
           *data = first ? json_object_get(first, "Data") : NULL;
    json_t *cols = json_object_get(root, "columns"), *rows = json_object_get(root, "rows");
    if (json_is_array(vars) && json_is_array(data)) {
        t->shape = PUB_V2;
        snprintf(t->form, sizeof t->form, "%s", "API v2 JSON");
        set_cols(t, json_array_size(vars));
        t->names = styr_xcalloc(t->ncols ? t->ncols : 1, sizeof *t->names);
        for (size_t k = 0; k < t->ncols; k++) {
            json_t *v = json_array_get(vars, k);
            t->labels[k] = styr_xstrdup(label_of(json_object_get(v, "Label")));
            t->names[k] = styr_xstrdup(label_of(json_object_get(v, "Name")));
            if (!t->labels[k][0]) {
                free(t->labels[k]);
                t->labels[k] = styr_xstrdup(t->names[k]);
            }
        }
        if (d) json_rows(t, data, path, d);
    } else if (json_is_array(cols) && json_is_array(rows)) {
        t->shape = PUB_V3;
        snprintf(t->form, sizeof t->form, "%s", "API v3 JSON");
        set_cols(t, json_array_size(cols));
        for (size_t k = 0; k < t->ncols; k++)
            t->labels[k] = styr_xstrdup(label_of(json_array_get(cols, k)));
        if (d) json_rows(t, rows, path, d);
    } else if (first && json_is_object(first)) {
        t->shape = PUB_OBJECTS;
        snprintf(t->form, sizeof t->form, "%s", styr_tr("JSON-objekter", "JSON objects"));
        set_cols(t, json_object_size(first));
        size_t k = 0;
        for (void *it = json_object_iter(first); it && k < t->ncols; it = json_object_iter_next(first, it))
            t->labels[k++] = styr_xstrdup(json_object_iter_key(it));
        for (size_t i = 0; d && i < json_array_size(root); i++) {
            json_t *obj = json_array_get(root, i);
            if (!json_is_object(obj)) {
                styr_diag_add(d, D_PUB_OBJECT, X_PUB_OBJECT, path, i + 1, 0, NULL, NULL, 0);
                continue;
            }
            pub_cell *r = add_row(t, i + 1);
            for (k = 0; k < t->ncols; k++) {
                json_t *x = json_object_get(obj, t->labels[k]);
                if (!x) {
                    r[k].s = styr_xstrdup("");
                    r[k].kind = PUB_CELL_NULL;
                    styr_diag_add(d, D_PUB_KEY_MISSING, X_PUB_OBJECT, path, i + 1, (uint32_t)(k + 1), t->labels[k],
                                  NULL, 0);
                } else if (json_cell(x, &r[k])) {
                    styr_diag_add(d, D_BAD_VALUE, X_PUB_CELL, path, i + 1, (uint32_t)(k + 1), t->labels[k], r[k].s,
                                  strlen(r[k].s));
                }
            }
            if (json_object_size(obj) > t->ncols) {
                for (void *it = json_object_iter(obj); it; it = json_object_iter_next(obj, it)) {
                    const char *key = json_object_iter_key(it);
                    size_t j = 0;
                    while (j < t->ncols && strcmp(t->labels[j], key))
                        j++;
                    if (j == t->ncols)
                        styr_diag_add(d, D_PUB_KEY_EXTRA, X_PUB_OBJECT, path, i + 1, 0, NULL, key, strlen(key));
                }
            }
        }
    } else if (json_is_object(root) && json_object_get(root, "Forkert nøgle eller nøglen er udløbet.")) {
        t->shape = PUB_V2;
        if (d) styr_diag_add(d, D_PUB_TOKEN, X_PUB_JSON, path, 0, 0, NULL, NULL, 0);
    } else {
        t->shape = PUB_V2;
        if (d) styr_diag_add(d, D_PUB_JSON_SHAPE, X_PUB_JSON, path, 0, 0, NULL, NULL, 0);
    }
    json_decref(root);
    return d && styr_diags_count(d) > before ? STYR_EINPUT : STYR_OK;
}

/* ---- CSV ---- */

static pub_shape csv_shape(char **labels, size_t n)
{
    if (n >= 2 && pub_label_is(labels[n - 1], "INDHOLD")) return PUB_STATBANK;
    if (n == 3 && pub_label_is(labels[0], "kommune") &&
        (pub_label_is(labels[1], "aar") || pub_label_is(labels[1], "år")) && pub_label_is(labels[2], "antal"))
        return PUB_LABOUR;
    int area = 0, period = 0, pcols = 0;
    for (size_t k = 0; k < n; k++) {
        if (is_area_label(labels[k]))
            area = 1;
        else if (is_period_label(labels[k]))
            period = 1;
        else if (pub_period_code(labels[k]))
            pcols++;
    }
    if (area && period) return PUB_CSV;
    if (area && pcols) return PUB_WIDE;
    return PUB_NONE;
}

static styr_rc read_csv(const char *path, const styr_map *m, pub_table *t, styr_diags *d)
{
    const uint64_t before = d ? styr_diags_count(d) : 0;
    styr_diags tmp;
    styr_diags_init(&tmp);
    styr_csv c;
    styr_csv_init(&c, path, m->data, m->size);
    styr_rc rc = STYR_OK;
    int h = styr_csv_header(&c, d ? d : &tmp);
    if (h <= 0) goto out;
    set_cols(t, c.nf);
    for (size_t k = 0; k < c.nf; k++)
        t->labels[k] = dup_trim(c.f[k].p, c.f[k].n);
    t->shape = csv_shape(t->labels, t->ncols);
    if (!d || t->shape == PUB_NONE) goto out;
    int got;
    while ((got = styr_csv_next(&c, d)) != 0) {
        if (got < 0) continue;
        if (c.nf != t->ncols) {
            char n[32];
            snprintf(n, sizeof n, "%zu", c.nf);
            styr_diag_add(d, D_FIELDS, X_FIELDS_N, path, c.line, 0, NULL, n, strlen(n));
            continue;
        }
        pub_cell *r = add_row(t, c.line);
        for (size_t k = 0; k < c.nf; k++)
            r[k].s = dup_trim(c.f[k].p, c.f[k].n);
    }
    /* the decimal mark: a comma between digits anywhere */
    char dec = 0;
    for (size_t i = 0; i < t->nrows * t->ncols && dec != ','; i++) {
        const char *s = t->cells[i].s, *p = strchr(s, ',');
        if (p && p > s && p[1] >= '0' && p[1] <= '9' && p[-1] >= '0' && p[-1] <= '9') dec = ',';
    }
    t->dec_comma = dec == ',';
    snprintf(t->form, sizeof t->form, "CSV (%s, %s%s%s)", styr_sep_name(c.sep), styr_encoding_name(c.enc),
             dec ? ", " : "", dec ? styr_tr("decimalkomma", "decimal comma") : "");
    if (styr_diags_count(d) > before) rc = STYR_EINPUT;
out:
    styr_csv_free(&c);
    styr_diags_free(&tmp);
    return rc;
}

styr_rc pub_read(const char *path, pub_table *t, styr_diags *d)
{
    memset(t, 0, sizeof *t);
    styr_diags tmp;
    styr_diags_init(&tmp);
    styr_map m;
    styr_rc rc = styr_map_file(path, &m, d ? d : &tmp);
    styr_diags_free(&tmp);
    if (rc) return d ? rc : STYR_OK;
    size_t i = 0;
    if (m.size >= 3 && m.data[0] == 0xEF && m.data[1] == 0xBB && m.data[2] == 0xBF) i = 3;
    while (i < m.size && (m.data[i] == ' ' || m.data[i] == '\t' || m.data[i] == '\r' || m.data[i] == '\n'))
        i++;
    if (i < m.size && (m.data[i] == '[' || m.data[i] == '{'))
        rc = read_json(path, &m, m.data[0] == 0xEF ? 3 : 0, t, d);
    else if (m.size)
        rc = read_csv(path, &m, t, d);
    int json = i < m.size && (m.data[i] == '[' || m.data[i] == '{');
    styr_unmap(&m);
    /* a label twice: which of the two is the period, the area or the measure? */
    for (size_t a = 0; d && !rc && a < t->ncols; a++)
        for (size_t b = 0; b < a; b++)
            if (t->labels[a] && t->labels[b] && t->labels[a][0] && !strcasecmp(t->labels[a], t->labels[b])) {
                styr_diag_add(d, D_DUP_COLUMN, X_ONE_COLUMN, path, json ? 0 : 1, (uint32_t)a + 1, NULL, t->labels[a],
                              strlen(t->labels[a]));
                rc = STYR_EINPUT;
                break;
            }
    if (d && !rc && t->shape != PUB_NONE && t->nrows == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, path, 0, 0, NULL, NULL, 0);
        rc = STYR_EINPUT;
    }
    return rc;
}
