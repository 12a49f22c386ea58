/* sheet: XLSX (minizip + expat) or CSV (csv.h) into rows of text cells. */
#include "sheet.h"

#include <expat.h>
#include <minizip/unzip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fsutil.h"
#include "../core/mem.h"

const char *styr_sheet_cell(const styr_sheet_row *r, size_t c)
{
    return r && c < r->n && r->cell[c] ? r->cell[c] : "";
}

void styr_sheet_colname(size_t c, char out[8])
{
    char tmp[8];
    int n = 0;
    c++;
    while (c && n < 7) {
        tmp[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = 0;
}

void styr_sheet_free(styr_sheet *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) {
        for (size_t j = 0; j < s->row[i].n; j++)
            free(s->row[i].cell[j]);
        free(s->row[i].cell);
    }
    free(s->row);
    memset(s, 0, sizeof *s);
}

/* Set cell (line, col) to text[0..n), appending a row when line is new
 * (rows arrive in order). -1 past the caps. */
static int put(styr_sheet *s, size_t *cap, uint64_t line, size_t col, const char *text, size_t n)
{
    if (!n) return 0;
    if (col >= STYR_SHEET_MAX_COLS) return -1;
    if (!s->n || s->row[s->n - 1].line != line) {
        if (s->n >= STYR_SHEET_MAX_ROWS) return -1;
        if (s->n == *cap) s->row = styr_xrealloc(s->row, (*cap = *cap ? 2 * *cap : 64) * sizeof *s->row);
        s->row[s->n++] = (styr_sheet_row){line, 0, NULL};
    }
    styr_sheet_row *r = &s->row[s->n - 1];
    if (col >= r->n) {
        r->cell = styr_xrealloc(r->cell, (col + 1) * sizeof *r->cell);
        for (size_t i = r->n; i <= col; i++)
            r->cell[i] = NULL;
        r->n = col + 1;
    }
    free(r->cell[col]);
    r->cell[col] = styr_xmalloc(n + 1);
    memcpy(r->cell[col], text, n);
    r->cell[col][n] = 0;
    return 0;
}

/* ---- CSV ------------------------------------------------------------------------------- */

static styr_rc read_csv(const char *path, styr_sheet *s, styr_diags *d)
{
    styr_map m;
    styr_rc rc = styr_map_file(path, &m, d);
    if (rc) return rc;
    styr_csv c;
    styr_csv_init(&c, path, m.data, m.size);
    size_t cap = 0;
    int got = styr_csv_header(&c, d), bad = 0;
    if (got == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, path, 0, 0, NULL, NULL, 0);
        bad = 1;
    }
    while (got != 0) {
        if (got < 0)
            bad = 1;
        else
            for (size_t i = 0; i < c.nf && !bad; i++)
                if (put(s, &cap, c.line, i, c.f[i].p, c.f[i].n)) {
                    styr_diag_add(d, D_SHEET_LIMIT, X_SHEET_LIMIT, path, c.line, (uint32_t)i + 1, NULL, NULL, 0);
                    bad = 1;
                }
        if (bad) break;
        got = styr_csv_next(&c, d);
    }
    s->sep = c.sep;
    s->enc = c.enc;
    styr_csv_free(&c);
    styr_unmap(&m);
    return bad ? STYR_EINPUT : STYR_OK;
}

/* ---- XLSX ------------------------------------------------------------------------------ */

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) b->p = styr_xrealloc(b->p, b->cap = (b->n + n + 1) * 2);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

/* One ZIP member into memory (NUL-terminated); 1 when absent, -1 when it cannot be read. */
static int member(unzFile z, const char *name, char **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (unzLocateFile(z, name, 2) != UNZ_OK) return 1;
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) return -1;
    if (info.uncompressed_size > STYR_SHEET_MAX_XML || unzOpenCurrentFile(z) != UNZ_OK) return -1;
    size_t size = (size_t)info.uncompressed_size;
    char *p = styr_xmalloc(size + 1);
    size_t got = 0;
    int r;
    while (got < size && (r = unzReadCurrentFile(z, p + got, (unsigned)(size - got))) > 0)
        got += (size_t)r;
    /* a member longer than its header says is not read past the cap */
    char extra;
    int more = unzReadCurrentFile(z, &extra, 1);
    if (unzCloseCurrentFile(z) != UNZ_OK || got != size || more != 0) {
        free(p);
        return -1;
    }
    p[size] = 0;
    *out = p;
    *n = size;
    return 0;
}

typedef struct xparse {
    /* shared strings */
    char **sst;
    size_t nsst, capsst;
    int in_si, in_t, in_rph;
    /* the sheet */
    styr_sheet *s;
    size_t cap;
    uint64_t row;
    size_t col, next_col;
    char type[12];
    int in_c, in_v, in_is;
    buf text;
    int err; /* 1: a cap was passed */
} xparse;

static const char *attr(const char **a, const char *name)
{
    for (; a && a[0]; a += 2)
        if (!strcmp(a[0], name)) return a[1];
    return NULL;
}

/* Elements may carry a namespace prefix (x:c); compare the local name. */
static int is(const char *el, const char *local)
{
    const char *c = strrchr(el, ':');
    return !strcmp(c ? c + 1 : el, local);
}

static void XMLCALL sst_start(void *u, const char *el, const char **a)
{
    (void)a;
    xparse *x = u;
    if (is(el, "si"))
        x->in_si = 1, x->text.n = 0;
    else if (is(el, "rPh"))
        x->in_rph = 1;
    else if (is(el, "t") && x->in_si && !x->in_rph)
        x->in_t = 1;
}

static void XMLCALL sst_end(void *u, const char *el)
{
    xparse *x = u;
    if (is(el, "t"))
        x->in_t = 0;
    else if (is(el, "rPh"))
        x->in_rph = 0;
    else if (is(el, "si")) {
        x->in_si = 0;
        if (x->nsst >= STYR_SHEET_MAX_ROWS * 16) {
            x->err = 1;
            return;
        }
        if (x->nsst == x->capsst)
            x->sst = styr_xrealloc(x->sst, (x->capsst = x->capsst ? 2 * x->capsst : 64) * sizeof *x->sst);
        x->sst[x->nsst++] = styr_xstrdup(x->text.p ? x->text.p : "");
        x->text.n = 0;
        if (x->text.p) x->text.p[0] = 0;
    }
}

static void XMLCALL sst_text(void *u, const char *s, int n)
{
    xparse *x = u;
    if (x->in_t) buf_add(&x->text, s, (size_t)n);
}

/* "C12" -> column 2 (0-based); the row part is ignored (rows carry r). -1 if none. */
static long ref_col(const char *r)
{
    long c = 0;
    int any = 0;
    for (; r && *r >= 'A' && *r <= 'Z'; r++, any = 1) {
        c = c * 26 + (*r - 'A' + 1);
        if (c > STYR_SHEET_MAX_COLS) return STYR_SHEET_MAX_COLS;
    }
    return any ? c - 1 : -1;
}

static void XMLCALL ws_start(void *u, const char *el, const char **a)
{
    xparse *x = u;
    if (is(el, "row")) {
        const char *r = attr(a, "r");
        x->row = r ? strtoull(r, NULL, 10) : x->row + 1;
        x->next_col = 0;
    } else if (is(el, "c")) {
        long c = ref_col(attr(a, "r"));
        x->col = c >= 0 ? (size_t)c : x->next_col;
        x->next_col = x->col + 1;
        const char *t = attr(a, "t");
        snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
        x->in_c = 1;
        x->text.n = 0;
        if (x->text.p) x->text.p[0] = 0;
    } else if (x->in_c && is(el, "v")) {
        x->in_v = 1;
    } else if (x->in_c && is(el, "is")) {
        x->in_is = 1;
    } else if (x->in_is && is(el, "rPh")) {
        x->in_rph = 1;
    } else if (x->in_is && is(el, "t") && !x->in_rph) {
        x->in_t = 1;
    }
}

static void XMLCALL ws_end(void *u, const char *el)
{
    xparse *x = u;
    if (is(el, "v"))
        x->in_v = 0;
    else if (is(el, "t"))
        x->in_t = 0;
    else if (is(el, "rPh"))
        x->in_rph = 0;
    else if (is(el, "is"))
        x->in_is = 0;
    else if (is(el, "c") && x->in_c) {
        x->in_c = 0;
        const char *v = x->text.p ? x->text.p : "";
        char num[8];
        if (!strcmp(x->type, "s")) {
            unsigned long i = strtoul(v, NULL, 10);
            v = *v && i < x->nsst ? x->sst[i] : "";
        } else if (!strcmp(x->type, "b")) {
            snprintf(num, sizeof num, "%s", !strcmp(v, "1") ? "1" : "0");
            v = num;
        } else if (!strcmp(x->type, "e")) {
            v = "";
        }
        if (put(x->s, &x->cap, x->row, x->col, v, strlen(v))) x->err = 1;
    }
}

static void XMLCALL ws_text(void *u, const char *s, int n)
{
    xparse *x = u;
    if (x->in_v || (x->in_is && x->in_t)) buf_add(&x->text, s, (size_t)n);
}

static int parse_xml(const char *xml, size_t n, xparse *x, XML_StartElementHandler st, XML_EndElementHandler en,
                     XML_CharacterDataHandler tx)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) return -1;
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, st, en);
    XML_SetCharacterDataHandler(p, tx);
    int ok = XML_Parse(p, xml, (int)n, 1) == XML_STATUS_OK;
    XML_ParserFree(p);
    return ok && !x->err ? 0 : -1;
}

/* The first worksheet's part name, from the workbook and its relations;
 * xl/worksheets/sheet1.xml when they do not say. */
static void first_sheet(unzFile z, char *out, size_t cap)
{
    snprintf(out, cap, "xl/worksheets/sheet1.xml");
    char *wb, *rels;
    size_t n;
    if (member(z, "xl/workbook.xml", &wb, &n)) return;
    const char *sh = strstr(wb, "<sheet "), *id = sh ? strstr(sh, "r:id=\"") : NULL;
    if (id && member(z, "xl/_rels/workbook.xml.rels", &rels, &n) == 0) {
        char key[96];
        const char *e = strchr(id + 6, '"');
        if (e && e - (id + 6) < 80) {
            snprintf(key, sizeof key, "Id=\"%.*s\"", (int)(e - (id + 6)), id + 6);
            const char *rel = strstr(rels, key);
            const char *beg = rel;
            while (beg && beg > rels && *beg != '<')
                beg--;
            const char *end = rel ? strchr(rel, '>') : NULL;
            const char *t = beg ? strstr(beg, "Target=\"") : NULL;
            if (t && end && t < end) {
                t += 8;
                const char *q = strchr(t, '"');
                if (q) {
                    if (*t == '/')
                        snprintf(out, cap, "%.*s", (int)(q - t - 1), t + 1);
                    else
                        snprintf(out, cap, "xl/%.*s", (int)(q - t), t);
                }
            }
        }
        free(rels);
    }
    free(wb);
}

static styr_rc read_xlsx(const char *path, styr_sheet *s, styr_diags *d)
{
    unzFile z = unzOpen64(path);
    if (!z) {
        styr_diag_add(d, D_XLSX_BAD, X_XLSX, path, 0, 0, NULL, NULL, 0);
        return STYR_EINPUT;
    }
    xparse x;
    memset(&x, 0, sizeof x);
    x.s = s;
    s->xlsx = 1;
    styr_rc rc = STYR_OK;
    char *xml = NULL, part[256];
    size_t n;
    int r = member(z, "xl/sharedStrings.xml", &xml, &n);
    if (r < 0 || (r == 0 && parse_xml(xml, n, &x, sst_start, sst_end, sst_text))) {
        styr_diag_add(d, x.err ? D_SHEET_LIMIT : D_XLSX_BAD, x.err ? X_SHEET_LIMIT : X_XLSX, path, 0, 0, NULL,
                      "xl/sharedStrings.xml", 20);
        rc = STYR_EINPUT;
        goto out;
    }
    free(xml);
    xml = NULL;
    first_sheet(z, part, sizeof part);
    x.text.n = 0;
    if (member(z, part, &xml, &n) || parse_xml(xml, n, &x, ws_start, ws_end, ws_text)) {
        styr_diag_add(d, x.err ? D_SHEET_LIMIT : D_XLSX_BAD, x.err ? X_SHEET_LIMIT : X_XLSX, path, 0, 0, NULL, part,
                      strlen(part));
        rc = STYR_EINPUT;
    }
out:
    free(xml);
    for (size_t i = 0; i < x.nsst; i++)
        free(x.sst[i]);
    free(x.sst);
    free(x.text.p);
    unzClose(z);
    return rc;
}

styr_rc styr_sheet_read(const char *path, styr_sheet *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_map m;
    styr_rc rc = styr_map_file(path, &m, d);
    if (rc) return rc;
    int zip = m.size >= 4 && !memcmp(m.data, "PK\3\4", 4);
    styr_unmap(&m);
    rc = zip ? read_xlsx(path, out, d) : read_csv(path, out, d);
    if (rc) styr_sheet_free(out);
    return rc;
}
