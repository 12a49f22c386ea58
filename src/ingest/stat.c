/* stat: the ReadStat adapter. */
#include "stat.h"

#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"

typedef struct stat_ctx {
    styr_table_cb header, row;
    void *ctx;
    styr_progress_cb progress;
    void *pctx;
    int nvars;
    char **names;
    char *buf;            /* text of the current row's fields, \0-separated */
    size_t bn, bcap;
    size_t *off;          /* offset of each field in buf */
    styr_field *f;
    int header_done;
    int stop;             /* STYR_OK or the rc to return */
    uint64_t rows;
} stat_ctx;

int styr_stat_is(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return 0;
    static const char *const ext[] = {".sas7bdat", ".dta", ".sav", ".zsav", ".por", ".xpt"};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (!strcasecmp(dot, ext[i])) return 1;
    return 0;
}

static int on_meta(readstat_metadata_t *m, void *p)
{
    stat_ctx *s = p;
    s->nvars = readstat_get_var_count(m);
    if (s->nvars <= 0) return READSTAT_HANDLER_OK;
    s->names = styr_xcalloc((size_t)s->nvars, sizeof *s->names);
    s->off = styr_xcalloc((size_t)s->nvars, sizeof *s->off);
    s->f = styr_xcalloc((size_t)s->nvars, sizeof *s->f);
    return READSTAT_HANDLER_OK;
}

static int on_var(int index, readstat_variable_t *v, const char *labels, void *p)
{
    (void)labels;
    stat_ctx *s = p;
    if (index < 0 || index >= s->nvars) return READSTAT_HANDLER_ABORT;
    const char *n = readstat_variable_get_name(v);
    s->names[index] = styr_xstrdup(n ? n : "");
    return READSTAT_HANDLER_OK;
}

static void put(stat_ctx *s, int i, const char *text, size_t n)
{
    if (s->bn + n + 1 > s->bcap) {
        s->bcap = (s->bn + n + 1) * 2;
        s->buf = styr_xrealloc(s->buf, s->bcap);
    }
    s->off[i] = s->bn;
    memcpy(s->buf + s->bn, text, n);
    s->bn += n;
    s->buf[s->bn++] = 0;
}

static int emit_header(stat_ctx *s)
{
    s->header_done = 1;
    for (int i = 0; i < s->nvars; i++) {
        s->f[i].p = s->names[i] ? s->names[i] : "";
        s->f[i].n = (uint32_t)strlen(s->f[i].p);
    }
    if (s->header(s->ctx, s->f, (size_t)s->nvars, 1)) { s->stop = STYR_EINPUT; return -1; }
    return 0;
}

static int on_value(int obs, readstat_variable_t *var, readstat_value_t v, void *p)
{
    stat_ctx *s = p;
    int i = readstat_variable_get_index(var);
    if (i < 0 || i >= s->nvars) return READSTAT_HANDLER_ABORT;
    if (!s->header_done && emit_header(s)) return READSTAT_HANDLER_ABORT;
    if (i == 0) s->bn = 0;
    char tmp[64];
    readstat_type_t t = readstat_value_type(v);
    if (t == READSTAT_TYPE_STRING || t == READSTAT_TYPE_STRING_REF) {
        const char *str = readstat_string_value(v);
        put(s, i, str ? str : "", str ? strlen(str) : 0);
    } else if (readstat_value_is_system_missing(v) || readstat_value_is_tagged_missing(v)) {
        put(s, i, "", 0);
    } else {
        double x = readstat_double_value(v);
        int n;
        if (x > -1e15 && x < 1e15 && x == (double)(long long)x) n = snprintf(tmp, sizeof tmp, "%lld", (long long)x);
        else n = snprintf(tmp, sizeof tmp, "%.10g", x);
        put(s, i, tmp, (size_t)n);
    }
    if (i == s->nvars - 1) {
        for (int k = 0; k < s->nvars; k++) {
            s->f[k].p = s->buf + s->off[k];
            s->f[k].n = (uint32_t)strlen(s->f[k].p);
        }
        s->rows++;
        if (s->row(s->ctx, s->f, (size_t)s->nvars, (uint64_t)obs + 1)) { s->stop = STYR_ENOMEM; return READSTAT_HANDLER_ABORT; }
    }
    return READSTAT_HANDLER_OK;
}

static int on_progress(double progress, void *p)
{
    stat_ctx *s = p;
    if (s->progress) s->progress(s->pctx, (uint64_t)(progress * 1000), 1000);
    return READSTAT_HANDLER_OK;
}

styr_rc styr_stat_read(const char *path, styr_table_cb header, styr_table_cb row, void *ctx,
                       styr_progress_cb progress, void *pctx, uint64_t *rows, styr_diags *d)
{
    stat_ctx s = {.header = header, .row = row, .ctx = ctx, .progress = progress, .pctx = pctx};
    readstat_parser_t *parser = readstat_parser_init();
    readstat_set_metadata_handler(parser, on_meta);
    readstat_set_variable_handler(parser, on_var);
    readstat_set_value_handler(parser, on_value);
    readstat_set_progress_handler(parser, on_progress);
    const char *dot = strrchr(path, '.');
    readstat_error_t err;
    if (!strcasecmp(dot, ".sas7bdat")) err = readstat_parse_sas7bdat(parser, path, &s);
    else if (!strcasecmp(dot, ".dta")) err = readstat_parse_dta(parser, path, &s);
    else if (!strcasecmp(dot, ".sav") || !strcasecmp(dot, ".zsav")) err = readstat_parse_sav(parser, path, &s);
    else if (!strcasecmp(dot, ".por")) err = readstat_parse_por(parser, path, &s);
    else err = readstat_parse_xport(parser, path, &s);
    readstat_parser_free(parser);
    styr_rc rc = STYR_OK;
    if (s.stop) rc = (styr_rc)s.stop;
    else if (err != READSTAT_OK) {
        const char *m = readstat_error_message(err);
        styr_diag_add(d, D_READSTAT, M_NONE, path, 0, 0, NULL, m, strlen(m));
        rc = err == READSTAT_ERROR_OPEN ? STYR_ENOENT : STYR_EINPUT;
    } else if (!s.header_done && s.nvars > 0) {
        if (emit_header(&s)) rc = STYR_EINPUT;
    }
    *rows = s.rows;
    for (int i = 0; i < s.nvars; i++) free(s.names[i]);
    free(s.names);
    free(s.off);
    free(s.f);
    free(s.buf);
    return rc;
}
