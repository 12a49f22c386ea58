/* stat: the ReadStat adapter. */
#include "stat.h"

#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/fsutil.h"
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
    int64_t declared;     /* observations the file says it holds, or -1 */
    uint64_t row_width;   /* bytes of one observation (SAS transport) */
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
    s->declared = readstat_get_row_count(m);
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
    s->row_width += readstat_variable_get_storage_width(v);
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

/* ReadStat's errors, in the user's language where a user can act on them. */
static const char *readstat_text(readstat_error_t err)
{
    switch (err) {
    case READSTAT_ERROR_OPEN: return styr_tr("filen kan ikke åbnes", "the file cannot be opened");
    case READSTAT_ERROR_READ:
    case READSTAT_ERROR_SEEK: return styr_tr("filen slutter, før den skulle", "the file ends before it should");
    case READSTAT_ERROR_ROW_COUNT_MISMATCH:
        return styr_tr("filen har ikke det antal observationer, den angiver", "the file does not hold the observations it declares");
    case READSTAT_ERROR_PARSE: return styr_tr("filen kan ikke tolkes", "the file cannot be parsed");
    case READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION:
    case READSTAT_ERROR_UNSUPPORTED_COMPRESSION:
    case READSTAT_ERROR_UNSUPPORTED_CHARSET:
        return styr_tr("formatet eller versionen understøttes ikke", "the format or its version is not supported");
    case READSTAT_ERROR_MALLOC: return styr_tr("ikke nok hukommelse", "out of memory");
    default: return readstat_error_message(err);
    }
}

static styr_rc truncated(styr_diags *d, const char *path, const char *why)
{
    styr_diag_add(d, D_TRUNCATED, X_COMPLETE, path, 0, 0, NULL, why, strlen(why));
    return STYR_EINPUT;
}

/* SAS transport has no count of observations, and ReadStat stops quietly at
 * the end of the data: a file cut short reads as fewer rows. What a complete
 * file promises: whole 80-byte records, and after the last whole observation
 * only blank padding. (A cut that falls exactly on both a record and an
 * observation boundary cannot be seen.) */
static styr_rc check_xport(const char *path, uint64_t row_width, styr_diags *d)
{
    styr_map m;
    styr_diags ignore;
    styr_diags_init(&ignore);
    styr_rc rc = styr_map_file(path, &m, &ignore);
    styr_diags_free(&ignore);
    if (rc) return STYR_OK; /* ReadStat has read it; nothing more to learn */
    char why[160];
    if (m.size % 80) {
        snprintf(why, sizeof why,
                 styr_tr("%zu bytes er ikke hele poster på 80 bytes", "%zu bytes are not whole 80-byte records"), m.size);
        rc = truncated(d, path, why);
        goto out;
    }
    static const char obs[] = "HEADER RECORD*******OBS";
    size_t data = 0;
    for (size_t off = 0; off + 80 <= m.size; off += 80)
        if (!memcmp(m.data + off, obs, sizeof obs - 1) && (m.data[off + 23] == ' ' || m.data[off + 23] == 'V')) {
            data = off + 80;
            break;
        }
    if (!data || !row_width || data > m.size) goto out;
    size_t tail = (m.size - data) % row_width;
    for (size_t i = m.size - tail; i < m.size; i++)
        if (m.data[i] != ' ') {
            snprintf(why, sizeof why,
                     styr_tr("den sidste observation er ufuldstændig (%zu af %llu bytes)",
                             "the last observation is incomplete (%zu of %llu bytes)"),
                     tail, (unsigned long long)row_width);
            rc = truncated(d, path, why);
            break;
        }
out:
    styr_unmap(&m);
    return rc;
}

/* A Stata file of format 117 or later is one XML-like element: the closing
 * tag is the last thing written. */
static styr_rc check_dta(const char *path, styr_diags *d)
{
    static const char open_tag[] = "<stata_dta>", close_tag[] = "</stata_dta>";
    FILE *f = fopen(path, "rb");
    if (!f) return STYR_OK;
    char head[sizeof open_tag - 1], tail[sizeof close_tag - 1];
    styr_rc rc = STYR_OK;
    if (fread(head, 1, sizeof head, f) == sizeof head && !memcmp(head, open_tag, sizeof head) &&
        (fseeko(f, -(off_t)sizeof tail, SEEK_END) || fread(tail, 1, sizeof tail, f) != sizeof tail ||
         memcmp(tail, close_tag, sizeof tail)))
        rc = truncated(d, path, styr_tr("slutmærket </stata_dta> mangler", "the closing </stata_dta> is missing"));
    fclose(f);
    return rc;
}

styr_rc styr_stat_read(const char *path, styr_table_cb header, styr_table_cb row, void *ctx,
                       styr_progress_cb progress, void *pctx, uint64_t *rows, styr_diags *d)
{
    stat_ctx s = {.header = header, .row = row, .ctx = ctx, .progress = progress, .pctx = pctx, .declared = -1};
    readstat_parser_t *parser = readstat_parser_init();
    readstat_set_metadata_handler(parser, on_meta);
    readstat_set_variable_handler(parser, on_var);
    readstat_set_value_handler(parser, on_value);
    readstat_set_progress_handler(parser, on_progress);
    const char *dot = strrchr(path, '.');
    int xport = 0, dta = 0;
    readstat_error_t err;
    if (!strcasecmp(dot, ".sas7bdat")) err = readstat_parse_sas7bdat(parser, path, &s);
    else if ((dta = !strcasecmp(dot, ".dta"))) err = readstat_parse_dta(parser, path, &s);
    else if (!strcasecmp(dot, ".sav") || !strcasecmp(dot, ".zsav")) err = readstat_parse_sav(parser, path, &s);
    else if (!strcasecmp(dot, ".por")) err = readstat_parse_por(parser, path, &s);
    else err = readstat_parse_xport(parser, path, &s), xport = 1;
    readstat_parser_free(parser);
    styr_rc rc = STYR_OK;
    if (s.stop) rc = (styr_rc)s.stop;
    else if (err != READSTAT_OK) {
        const char *m = readstat_text(err);
        if (err == READSTAT_ERROR_OPEN) rc = styr_diag_sys(d, STYR_ENOENT, "%s: %s", path, m);
        else {
            styr_diag_add(d, D_READSTAT, M_NONE, path, 0, 0, NULL, m, strlen(m));
            rc = STYR_EINPUT;
        }
    } else if (s.declared >= 0 && s.rows != (uint64_t)s.declared) {
        char why[128];
        snprintf(why, sizeof why, styr_tr("%llu af %lld observationer", "%llu of %lld observations"),
                 (unsigned long long)s.rows, (long long)s.declared);
        rc = truncated(d, path, why);
    } else if (xport) {
        rc = check_xport(path, s.row_width, d);
    } else if (dta) {
        rc = check_dta(path, d);
    }
    if (!rc && !s.header_done && s.nvars > 0) {
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
