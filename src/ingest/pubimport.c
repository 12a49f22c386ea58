/* pubimport: published tables into the catalog, all or nothing.
 *
 * Every file is read (pub_read.c) and interpreted (pub_jobindsats.c,
 * pub_statbank.c); a key given twice is an error with both places. Only when
 * no file has an error are the rows stored, together with the population
 * FOLK1A gives, in the one transaction of styr_import_batch (the install of
 * the panel import, which also logs the import). */
#include "pubimport.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "import.h"
#include "pubint.h"
#include "stat.h"

int styr_pub_recognise(const char *path)
{
    const char *kind;
    if (styr_regular_file(path, &kind) != 0 || styr_stat_is(path)) return 0;
    pub_table t;
    pub_read(path, &t, NULL);
    int yes = t.shape != PUB_NONE;
    pub_table_free(&t);
    return yes;
}

void styr_pubimport_result_free(styr_pubimport_result *res)
{
    if (!res) return;
    free(res->files);
    memset(res, 0, sizeof *res);
}

/* [a-z]{1,3}[0-9]{2}[a-z][0-9]{2}, ptv..., or mm[0-9]{2} (the minister's
 * targets, e.g. mm10, the job centres' cooperation with companies) */
static int jobindsats_id(const char *s, size_t n)
{
    if (n >= 3 && !strncmp(s, "ptv", 3)) return 1;
    if (n == 4 && !strncmp(s, "mm", 2) && isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) return 1;
    size_t i = 0;
    while (i < n && i < 4 && islower((unsigned char)s[i]))
        i++;
    if (i < 1 || i > 3 || n != i + 5) return 0;
    return isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) && islower((unsigned char)s[i + 2]) &&
           isdigit((unsigned char)s[i + 3]) && isdigit((unsigned char)s[i + 4]);
}

/* Statistikbanken: 3-6 letters, 1-3 digits, 0-2 letters (folk1a, ras300), or arbejdsstyrke */
static int statbank_id(const char *s, size_t n)
{
    if (n == 13 && !strncmp(s, "arbejdsstyrke", 13)) return 1;
    size_t i = 0, a, b;
    while (i < n && islower((unsigned char)s[i]))
        i++;
    a = i;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    b = i - a;
    while (i < n && islower((unsigned char)s[i]))
        i++;
    return i == n && a >= 3 && a <= 6 && b >= 1 && b <= 3 && n - a - b <= 2;
}

/* The first token of name (file name or URL) that is a table id. */
static int id_from_name(const char *name, int statbank, char *out, size_t cap)
{
    const char *base = strrchr(name, '/');
    /* a file: its name; a URL: every part of it */
    if (base && !strstr(name, "://")) name = base + 1;
    char low[1024];
    size_t n = 0;
    for (; name[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)name[n]);
    low[n] = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)low[i]))
            i++;
        size_t j = i;
        while (j < n && isalnum((unsigned char)low[j]))
            j++;
        if (j > i && j - i < cap && (statbank ? statbank_id(low + i, j - i) : jobindsats_id(low + i, j - i))) {
            memcpy(out, low + i, j - i);
            out[j - i] = 0;
            return 1;
        }
        i = j;
    }
    return 0;
}

static int key_cmp_rows(const pub_out_row *a, const pub_out_row *b)
{
    int c;
    if ((c = strcmp(a->r.kilde, b->r.kilde)) || (c = strcmp(a->r.tabel, b->r.tabel)) ||
        (c = strcmp(a->r.maal, b->r.maal)) || (c = strcmp(a->r.omraade, b->r.omraade)) ||
        (c = strcmp(a->r.periode, b->r.periode)) || (c = strcmp(a->r.dims, b->r.dims)))
        return c;
    return 0;
}

static const pub_out *sort_rows;
static int idx_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int c = key_cmp_rows(&sort_rows->v[a], &sort_rows->v[b]);
    return c ? c : (a > b) - (a < b);
}

static void check_dups(const pub_out *o, styr_diags *d)
{
    if (o->n < 2) return;
    size_t *ix = styr_xmalloc(o->n * sizeof *ix);
    for (size_t i = 0; i < o->n; i++)
        ix[i] = i;
    sort_rows = o;
    qsort(ix, o->n, sizeof *ix, idx_cmp);
    for (size_t i = 1; i < o->n; i++) {
        const pub_out_row *a = &o->v[ix[i - 1]], *b = &o->v[ix[i]];
        if (key_cmp_rows(a, b)) continue;
        char v[84];
        snprintf(v, sizeof v, "%s, %s, %s%s%s", b->r.maal, b->r.omraade, b->r.periode, b->r.dims[0] ? ", " : "",
                 b->r.dims);
        styr_diag_dup(d, D_DUP_ROW, X_UNIQUE, b->file, b->line, a->file, a->line, v, strlen(v));
    }
    free(ix);
}

static int pop_cmp(const void *x, const void *y)
{
    const pub_pop *a = x, *b = y;
    if (a->kommune != b->kommune) return a->kommune - b->kommune;
    if (a->aar != b->aar) return a->aar - b->aar;
    if (a->alder != b->alder) return a->alder - b->alder;
    return a->sex - b->sex;
}

/* The population: per municipality, year and age the total where the file
 * has one, else men + women when both are there; never both. */
static void pop_batch(pub_pops *p, styr_batch *b, const int *bfile, styr_pubimport_result *res)
{
    if (p->n > 1) qsort(p->v, p->n, sizeof *p->v, pop_cmp);
    res->pop_from = 9999;
    for (size_t i = 0; i < p->n;) {
        size_t j = i;
        double total = -1, men = -1, women = -1;
        while (j < p->n && p->v[j].kommune == p->v[i].kommune && p->v[j].aar == p->v[i].aar &&
               p->v[j].alder == p->v[i].alder) {
            if (p->v[j].sex == 0)
                total = p->v[j].antal;
            else if (p->v[j].sex == 1)
                men = p->v[j].antal;
            else
                women = p->v[j].antal;
            j++;
        }
        double v = total >= 0 ? total : men >= 0 && women >= 0 ? men + women : -1;
        if (v >= 0 && v <= 4e9 && p->v[i].alder <= 125) {
            styr_batch_pop(b, (uint16_t)p->v[i].kommune, (uint16_t)p->v[i].aar, (uint16_t)p->v[i].alder,
                           (uint32_t)(v + 0.5), (uint8_t)bfile[p->v[i].fidx], (uint32_t)p->v[i].line);
            res->pop_rows++;
            if (p->v[i].aar < res->pop_from) res->pop_from = p->v[i].aar;
            if (p->v[i].aar > res->pop_to) res->pop_to = p->v[i].aar;
        }
        i = j;
    }
    if (!res->pop_rows) res->pop_from = 0;
}

typedef struct store_ctx {
    const pub_out *out;
    const char *const *origin; /* per file */
    const char *hentet;
} store_ctx;

static styr_rc store_txn(sqlite3 *db, void *p, uint32_t generation, uint64_t checksum, styr_diags *d)
{
    (void)generation, (void)checksum;
    store_ctx *s = p;
    size_t n = s->out->n;
    styr_pub_row *rows = styr_xmalloc((n ? n : 1) * sizeof *rows);
    const char **files = styr_xmalloc((n ? n : 1) * sizeof *files);
    for (size_t i = 0; i < n; i++) {
        rows[i] = s->out->v[i].r;
        files[i] = s->origin[s->out->v[i].fidx];
    }
    styr_rc rc = styr_pub_store_in(db, rows, files, n, s->hentet, NULL, d);
    free(rows);
    free(files);
    return rc;
}

styr_rc styr_pub_import(styr_ws *ws, const char *const *paths, size_t n, const styr_pubimport_opts *o,
                        styr_pubimport_result *res, styr_diags *d)
{
    memset(res, 0, sizeof *res);
    if (n > STYR_BATCH_MAX_FILES)
        return styr_diag_sys(d, STYR_ELIMIT, "at most %d files per import", STYR_BATCH_MAX_FILES);
    res->files = styr_xcalloc(n ? n : 1, sizeof *res->files);
    pub_out out = {0};
    pub_pops pops = {0};
    styr_rc rc = STYR_OK, first_sys = STYR_OK;
    char tabels[STYR_BATCH_MAX_FILES][32];
    for (size_t i = 0; i < n; i++) {
        styr_pubimport_file *info = &res->files[res->nfiles++];
        snprintf(info->path, sizeof info->path, "%s", paths[i]);
        const char *kind = NULL;
        if (styr_regular_file(paths[i], &kind) == 1) {
            styr_diag_add(d, D_NOT_REGULAR, X_REGULAR, paths[i], 0, 0, NULL, kind, strlen(kind));
            continue;
        }
        pub_table t;
        styr_rc one = pub_read(paths[i], &t, d);
        if (one && one != STYR_EINPUT) {
            if (!first_sys) first_sys = one;
            pub_table_free(&t);
            continue;
        }
        if (t.shape == PUB_NONE) {
            styr_diag_add(d, D_PUB_NOT_TABLE, X_PUB_COLUMNS, paths[i], 1, 0, NULL, NULL, 0);
            pub_table_free(&t);
            continue;
        }
        int statbank = t.shape == PUB_STATBANK || t.shape == PUB_LABOUR;
        snprintf(info->kilde, sizeof info->kilde, "%s", statbank ? "statistikbanken" : "jobindsats");
        snprintf(info->form, sizeof info->form, "%s",
                 t.shape == PUB_LABOUR ? "CSV kommune;aar;antal"
                 : t.form[0]           ? t.form
                                       : "JSON");
        if (t.shape == PUB_WIDE) {
            size_t l = strlen(info->form);
            snprintf(info->form + l, sizeof info->form - l, "%s",
                     styr_tr(", perioder som kolonner", ", periods as columns"));
        }
        char *tab = tabels[i];
        tab[0] = 0;
        if (t.shape == PUB_LABOUR)
            snprintf(tab, 32, "arbejdsstyrke");
        else if (o->tabel && o->tabel[0]) {
            size_t k = 0;
            for (; k < 31 && o->tabel[k]; k++)
                tab[k] = (char)tolower((unsigned char)o->tabel[k]);
            tab[k] = 0;
            /* a table id of the file's source: never a FOLK1A stored as y01a02, nor a path */
            if (o->tabel[k] || !(statbank ? statbank_id(tab, k) : jobindsats_id(tab, k))) {
                styr_diag_add(d, D_PUB_TABEL_FORM, statbank ? X_PUB_TABEL_SB : X_PUB_TABEL_JI, paths[i], 0, 0,
                              "--tabel", o->tabel, strlen(o->tabel));
                pub_table_free(&t);
                continue;
            }
        } else if (!id_from_name(paths[i], statbank, tab, 32) &&
                   !(o->names && o->names[i] && id_from_name(o->names[i], statbank, tab, 32))) {
            /* a name with the other source's table id: say that, not that there is none */
            char other[32];
            if (id_from_name(paths[i], !statbank, other, sizeof other))
                styr_diag_add(d, D_PUB_TABEL_FORM, statbank ? X_PUB_TABEL_SB : X_PUB_TABEL_JI, paths[i], 0, 0, NULL,
                              other, strlen(other));
            else
                styr_diag_add(d, D_PUB_TABEL, X_PUB_TABEL, paths[i], 0, 0, NULL, NULL, 0);
            pub_table_free(&t);
            continue;
        }
        memcpy(info->tabel, tab, sizeof info->tabel);
        if (one == STYR_EINPUT) { /* the file's own errors are reported; its values are not read */
            pub_table_free(&t);
            continue;
        }
        size_t before = out.n;
        pub_ctx c = {.codes = styr_ws_codes(ws),
                     .file = paths[i],
                     .fidx = i,
                     .tabel = tab,
                     .maal = o->maal,
                     .out = &out,
                     .pop = &pops,
                     .d = d};
        if (statbank)
            pub_statbank(&c, &t);
        else
            pub_jobindsats(&c, &t);
        info->rows = out.n - before;
        pub_table_free(&t);
    }
    if (first_sys) {
        rc = first_sys;
        goto done;
    }
    check_dups(&out, d);
    if (styr_diags_count(d)) {
        rc = STYR_EINPUT;
        goto done;
    }
    res->rows = out.n;
    styr_batch b;
    styr_batch_init(&b);
    int bfile[STYR_BATCH_MAX_FILES];
    for (size_t i = 0; i < n; i++)
        bfile[i] = styr_batch_file(&b, paths[i], 1);
    pop_batch(&pops, &b, bfile, res);
    if (o->check_only) {
        styr_batch_free(&b);
        goto done;
    }
    char hentet[16], note[1536];
    if (o->hentet)
        snprintf(hentet, sizeof hentet, "%s", o->hentet);
    else {
        time_t tt = time(NULL);
        struct tm tm;
        localtime_r(&tt, &tm);
        strftime(hentet, sizeof hentet, "%Y-%m-%d", &tm);
    }
    const char **origin = styr_xcalloc(n ? n : 1, sizeof *origin);
    size_t on = (size_t)snprintf(note, sizeof note,
                                 "Danmarks Statistik, Statistikbanken FOLK1A (1. kvartal), hentet %s:", hentet);
    for (size_t i = 0; i < n; i++) {
        origin[i] = o->names && o->names[i] ? o->names[i] : paths[i];
        if (!strcmp(tabels[i], "folk1a") && on < sizeof note)
            on += (size_t)snprintf(note + on, sizeof note - on, " %s", origin[i]);
    }
    store_ctx sc = {&out, origin, hentet};
    styr_import_opts io = {
        .command = o->command ? o->command : "styr import", .pop_source = note, .also = store_txn, .also_ctx = &sc};
    styr_import_result ir;
    memset(&ir, 0, sizeof ir);
    rc = styr_import_batch(ws, &b, &io, &ir, d);
    res->committed = !rc && ir.committed;
    styr_import_result_free(&ir);
    styr_batch_free(&b);
    free(origin);
done:
    free(pops.v);
    pub_out_free(&out);
    return rc;
}
