/* harness: what the unit tests share, on top of cmocka.
 *
 * Temporary directories (removed at exit), writing small files, creating a
 * workspace, importing text given inline, and a checksum of every file in a
 * directory (to prove that a failed import changed nothing). */
#ifndef STYR_TEST_HARNESS_H
#define STYR_TEST_HARNESS_H

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cmocka.h>

#include "core/diag.h"
#include "core/fsutil.h"
#include "core/week.h"
#include "ingest/import.h"
#include "ws/workspace.h"

#define TH_FN static __attribute__((unused))

static char th_root[4096];

TH_FN void th_rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", path, e->d_name);
            th_rm_rf(p);
        }
        if (d) closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

TH_FN void th_cleanup(void) { if (th_root[0]) th_rm_rf(th_root); }

/* A fresh directory path under the test root (not created). */
TH_FN const char *th_path(const char *name)
{
    static char buf[8][8192];
    static int k;
    if (!th_root[0]) {
        const char *base = getenv("STYR_TEST_TMP");
        if (base) mkdir(base, 0777);
        snprintf(th_root, sizeof th_root, "%s/styrtest-XXXXXX", base ? base : "/tmp");
        if (!mkdtemp(th_root)) { perror("mkdtemp"); exit(1); }
        atexit(th_cleanup);
    }
    char *b = buf[k++ % 8];
    snprintf(b, 8192, "%s/%s", th_root, name);
    return b;
}

/* Write text (or bytes) to a file under the test root; returns its path. */
TH_FN const char *th_file(const char *name, const char *text)
{
    const char *p = th_path(name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return p;
}

/* A new workspace with the built-in reference tables. */
TH_FN const char *th_ws(const char *name)
{
    const char *p = th_path(name);
    th_rm_rf(p);
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = styr_ws_init(p, NULL, 101, &d);
    if (rc) fprintf(stderr, "init: %s\n", d.sys);
    assert_int_equal(rc, STYR_OK);
    styr_diags_free(&d);
    return p;
}

/* Import files into a workspace; returns the result code, diagnostics in *d. */
TH_FN styr_rc th_import(const char *ws, const char *const *files, size_t n, int check, styr_diags *d,
                         styr_import_result *res)
{
    styr_ws *w = NULL;
    styr_import_result tmp;
    if (!res) res = &tmp;
    styr_rc rc = styr_ws_open(ws, check ? STYR_WS_READ : STYR_WS_WRITE, &w, d);
    if (!rc) {
        styr_import_opts o = {.check_only = check, .command = "test"};
        rc = styr_import(w, files, n, &o, res, d);
    }
    styr_ws_close(w);
    if (res == &tmp) styr_import_result_free(&tmp);
    return rc;
}

TH_FN styr_rc th_import1(const char *ws, const char *file, styr_diags *d)
{
    return th_import(ws, &file, 1, 0, d, NULL);
}

/* XXH3 over the names and contents of every file in a directory (sorted). */
TH_FN uint64_t th_dir_checksum(const char *dir)
{
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    uint64_t h = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i]->d_name, ".") && strcmp(list[i]->d_name, "..")) {
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", dir, list[i]->d_name);
            h = XXH3_64bits_withSeed(list[i]->d_name, strlen(list[i]->d_name), h);
            styr_map m;
            styr_diags d;
            styr_diags_init(&d);
            if (!styr_map_file(p, &m, &d)) {
                h = XXH3_64bits_withSeed(m.data ? (const void *)m.data : "", m.size, h);
                styr_unmap(&m);
            }
            styr_diags_free(&d);
        }
        free(list[i]);
    }
    free(list);
    return h;
}

/* The first kept diagnostic with a given message, or NULL. */
TH_FN const styr_diag *th_find(const styr_diags *d, styr_msg what)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].what == what) return &d->v[i];
    for (size_t i = 0; i < d->nunknown; i++)
        if (d->unknown[i].what == what) return &d->unknown[i];
    return NULL;
}

/* The whole panel of a workspace as text, one person per line:
 *   "A 19900308 K: 2024-W01+4 101 kontanthjaelp - 0; 2024-W20+1 461 dagpenge praktik 7.5"
 * (week+length, municipality, ydelse, tilbud or -, hours). Caller frees. */
TH_FN char *th_panel_text(const char *ws)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w = NULL;
    const styr_panel *p = NULL;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    const styr_dict *dc = styr_panel_dict(p);
    size_t cap = 4096, n = 0;
    char *out = malloc(cap);
    out[0] = 0;
    for (uint64_t i = 0; i < c->npersons; i++) {
        char line[4096];
        size_t idn;
        const char *id = styr_person_id(c, i, &idn);
        int o = snprintf(line, sizeof line, "%.*s", (int)idn, id);
        if (c->birth[i] || c->sex[i])
            o += snprintf(line + o, sizeof line - (size_t)o, " %u %s", c->birth[i],
                          c->sex[i] == 1 ? "M" : c->sex[i] == 2 ? "K" : "?");
        o += snprintf(line + o, sizeof line - (size_t)o, ":");
        for (uint64_t r = c->run_off[i]; r < c->run_off[i + 1]; r++) {
            char wk[12];
            styr_week_format(c->start[r], wk);
            o += snprintf(line + o, sizeof line - (size_t)o, "%s %s+%u %u %s %s %g", r > c->run_off[i] ? ";" : "",
                          wk, c->len[r], dc->kom[c->kom[r]], dc->yd[c->yd[r]][0] ? dc->yd[c->yd[r]] : "-",
                          dc->tb[c->tb[r]][0] ? dc->tb[c->tb[r]] : "-", c->timer[r] / 10.0);
        }
        o += snprintf(line + o, sizeof line - (size_t)o, "\n");
        while (n + (size_t)o + 1 > cap) out = realloc(out, cap *= 2);
        memcpy(out + n, line, (size_t)o + 1);
        n += (size_t)o;
    }
    styr_ws_close(w);
    styr_diags_free(&d);
    return out;
}

#define th_assert_panel(ws, text) do { char *t_ = th_panel_text(ws); assert_string_equal(t_, text); free(t_); } while (0)

/* Print the diagnostics (for debugging a failing test). */
TH_FN void th_dump(const styr_diags *d)
{
    fprintf(stderr, "sys: %s\n", d->sys);
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  %s:%llu:%u (%s) what=%d value='%s' exp=%d file2=%s line2=%llu\n", d->v[i].file ? d->v[i].file : "",
                (unsigned long long)d->v[i].line, d->v[i].col, d->v[i].colname, d->v[i].what, d->v[i].value,
                d->v[i].expected, d->v[i].file2 ? d->v[i].file2 : "", (unsigned long long)d->v[i].line2);
    for (size_t i = 0; i < d->nunknown; i++)
        fprintf(stderr, "  unknown %s:%llu:%u '%s' x%llu\n", d->unknown[i].file, (unsigned long long)d->unknown[i].line,
                d->unknown[i].col, d->unknown[i].value, (unsigned long long)d->unknown[i].count);
}

#endif
