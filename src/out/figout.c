/* figout: the four output formats of key-figure rows. */
#include "figout.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../calc/pubfig.h"
#include "figtext.h"
#include "outfile.h"
#include "table.h"

int styr_format_parse(const char *s, styr_format *out)
{
    static const char *const names[] = {"table", "csv", "json", "xlsx"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i]) || (i == 0 && !strcmp(s, "tabel"))) {
            *out = (styr_format)i;
            return 0;
        }
    return -1;
}

static const char *label(const styr_figdef *d) { return styr_tr(d->da, d->en); }

/* The raw counts written with --taellinger: name, getter, and the figure they
 * belong to: a count is published only where that figure is (spec §8). */
typedef struct count_col { const char *key; uint64_t (*get)(const styr_cell *c); int fig; } count_col;
#define GET(field) static uint64_t get_##field(const styr_cell *c) { return c->field; }
GET(weeks) GET(active) GET(persons) GET(y_weeks) GET(y_active) GET(y_persons) GET(started) GET(started_p)
GET(ended) GET(ended_p) GET(ended_len) GET(inprog) GET(inprog_long)
#undef GET
#define ST(h, s, name) static uint64_t get_##name(const styr_cell *c) { return c->status[h][s]; }
ST(1, STYR_ST_JOB, s13_job) ST(1, STYR_ST_SELV, s13_selv) ST(1, STYR_ST_YDELSE, s13_ydelse)
ST(1, STYR_ST_NOTYET, s13_notyet) ST(1, STYR_ST_UDD, s13_udd)
#undef ST
static uint64_t get_s13_p(const styr_cell *c) { return c->status_p[1]; }

static const count_col counts[] = {
    {"personuger", get_weeks, FIG_PERSONER},
    {"personuger_tilbud", get_active, FIG_PERSONER},
    {"personer_n", get_persons, FIG_PERSONER},
    {"unge_personuger", get_y_weeks, FIG_U_PERSONER},
    {"unge_personuger_tilbud", get_y_active, FIG_U_PERSONER},
    {"unge_personer_n", get_y_persons, FIG_U_PERSONER},
    {"startet_n", get_started, FIG_STARTET},
    {"startet_personer", get_started_p, FIG_STARTET},
    {"afsluttet_n", get_ended, FIG_AFSLUTTET},
    {"afsluttet_personer", get_ended_p, FIG_AFSLUTTET},
    {"afsluttet_uger", get_ended_len, FIG_AFSLUTTET},
    {"igang_sidste_uge", get_inprog, FIG_LANGVARIGE},
    {"igang_over_52_uger", get_inprog_long, FIG_LANGVARIGE},
    {"status_13u_job", get_s13_job, FIG_JOB_3MDR},
    {"status_13u_selvforsoerget", get_s13_selv, FIG_JOB_3MDR},
    {"status_13u_ydelse", get_s13_ydelse, FIG_JOB_3MDR},
    {"status_13u_ikke_maalbar", get_s13_notyet, FIG_IKKE_MAALBARE_3MDR},
    {"status_13u_personer", get_s13_p, FIG_JOB_3MDR},
    {"status_13u_uddannelse", get_s13_udd, FIG_JOB_3MDR},
};
#define NCOUNTS (sizeof counts / sizeof counts[0])

/* ---- table -------------------------------------------------------------------------- */

static void cell_text(char *buf, size_t cap, const styr_figval *v, const styr_figdef *fd, int pct_suffix)
{
    if (v->state == STYR_FV_SUPPRESSED) { snprintf(buf, cap, ".."); return; }
    if (v->state == STYR_FV_NONE) { snprintf(buf, cap, "-"); return; }
    if (v->state == STYR_FV_NA) { snprintf(buf, cap, "."); return; }
    if (fd->unit == STYR_U_COUNT) styr_fmt_int(buf, cap, (long long)llround(v->v));
    else if (fd->unit == STYR_U_PCT && pct_suffix) styr_fmt_pct(buf, cap, v->v, fd->decimals);
    else styr_fmt_num(buf, cap, v->v, fd->decimals);
}

static int any_ak(const styr_figrow *rows, size_t n)
{
    for (size_t r = 0; r < n; r++)
        if (rows[r].has_ak) return 1;
    return 0;
}

/* A row's andel_arbejdsstyrke: no data where its labour force is unknown. */
static styr_figval ak_of(const styr_figrow *x)
{
    return x->has_ak ? x->ak : (styr_figval){0, STYR_FV_NONE};
}

static int any_source(const styr_figrow *rows, size_t n)
{
    for (size_t r = 0; r < n; r++)
        if (rows[r].kilde) return 1;
    return 0;
}

/* The 1-based number of a row's published source in the list (0: styr's panel). */
static int source_index(const char **v, int *n, const char *s)
{
    if (!s) return 0;
    for (int i = 0; i < *n; i++)
        if (!strcmp(v[i], s)) return i + 1;
    if (*n < 16) v[(*n)++] = s;
    return *n;
}

/* What a row's values are labelled with where some rows are published figures. */
static const char *source_text(const styr_figrow *x)
{
    return x->kilde ? x->kilde : styr_tr("styr, personpanel", "styr, person panel");
}

static styr_rc write_table(const styr_figrow *rows, size_t n, const styr_figout_opts *o, FILE *out)
{
    static const int fig_cols[] = {FIG_FULDTIDSPERSONER, FIG_ANDEL, FIG_AKTIVERINGSGRAD, FIG_PERSONER, FIG_STARTET,
                                   FIG_AFSLUTTET, FIG_VARIGHED, FIG_LANGVARIGE, FIG_JOB_3MDR, FIG_SELV_3MDR};
    const int *cols = o->table_cols ? o->table_cols : fig_cols;
    int nc = o->table_cols ? o->ntable : (int)(sizeof fig_cols / sizeof fig_cols[0]);
    int lead = 3 + (n && rows[0].regime ? 1 : 0);
    int ak = any_ak(rows, n), src = any_source(rows, n);
    const char *sources[16];
    int nsrc = 0;
    char align[40];
    memset(align, 'r', sizeof align);
    memset(align, 'l', (size_t)lead);
    align[lead + nc + ak] = 0;
    styr_table *t = styr_table_new(lead + nc + ak, align);
    const char *head[40];
    char hb[32][48];
    head[0] = styr_tr("Periode", "Period");
    head[1] = styr_tr("Kommune", "Municipality");
    head[2] = styr_tr("Ydelse", "Benefit group");
    if (lead == 4) head[3] = styr_tr("Regime", "Regime");
    for (int i = 0; i < nc && i < 32; i++) {
        const styr_figdef *fd = &o->defs[cols[i]];
        snprintf(hb[i], sizeof hb[i], "%s%s", styr_tr(fd->short_da, fd->short_en), fd->unit == STYR_U_PCT ? " %" : "");
        head[lead + i] = hb[i];
    }
    char akh[48];
    snprintf(akh, sizeof akh, "%s %%", styr_tr(styr_figdef_ak.short_da, styr_figdef_ak.short_en));
    if (ak) head[lead + nc] = akh;
    styr_table_row(t, head);
    int any_supp = 0, any_none = 0, any_na = 0, any_part = 0;
    for (size_t r = 0; r < n; r++) {
        any_part |= rows[r].incomplete;
        char cb[32][48];
        const char *row[40];
        char pb[24];
        snprintf(pb, sizeof pb, "%s%s", rows[r].periode, rows[r].incomplete ? "*" : "");
        row[0] = pb;
        row[1] = rows[r].kommunenavn;
        row[2] = rows[r].ydelsenavn;
        if (lead == 4) row[3] = rows[r].regime;
        for (int i = 0; i < nc && i < 32; i++) {
            cell_text(cb[i], sizeof cb[i], &rows[r].v[cols[i]], &o->defs[cols[i]], 0);
            any_supp |= rows[r].v[cols[i]].state == STYR_FV_SUPPRESSED;
            any_none |= rows[r].v[cols[i]].state == STYR_FV_NONE;
            any_na |= rows[r].v[cols[i]].state == STYR_FV_NA;
            row[lead + i] = cb[i];
        }
        char akb[48];
        if (ak) {
            styr_figval a = ak_of(&rows[r]);
            cell_text(akb, sizeof akb, &a, &styr_figdef_ak, 0);
            any_supp |= a.state == STYR_FV_SUPPRESSED;
            any_none |= a.state == STYR_FV_NONE;
            row[lead + nc] = akb;
        }
        char kb[64];
        int si = src ? source_index(sources, &nsrc, rows[r].kilde) : 0;
        if (si > 0) { /* the municipality's figures are published ones: [n] names the source below */
            snprintf(kb, sizeof kb, "%s [%d]", row[1], si);
            row[1] = kb;
        }
        styr_table_row(t, row);
    }
    if (o->maalgruppe && *o->maalgruppe) fprintf(out, "%s: %s\n", styr_tr("Målgruppe", "Target group"), o->maalgruppe);
    styr_table_print(t, out);
    styr_table_free(t);
    if (any_supp)
        fprintf(out, "%s\n", styr_discretion_note());
    if (any_none) fprintf(out, "%s\n", styr_none_note());
    if (any_na) fprintf(out, "%s\n", styr_na_note());
    if (any_na && o->maalgruppe && *o->maalgruppe)
        fprintf(out, "%s\n", styr_tr(". = også: en andel af en befolkning, styr ikke kender (en oprindelses eller en enheds).",
                                     ". = also: a share of a population styr does not know (an origin's or a unit's)."));
    if (any_part) fprintf(out, "%s\n", styr_incomplete_note());
    if (ak)
        fprintf(out, "%s\n", styr_tr("Andel ak. = fuldtidspersoner i pct. af arbejdsstyrken 16-66 år (Danmarks Statistik).",
                                     "Share LF = full-time recipients in pct. of the labour force aged 16-66 (Statistics Denmark)."));
    for (int i = 0; i < nsrc; i++)
        fprintf(out, "[%d] %s: %s\n", i + 1, styr_tr("Offentlige tal", "Published figures"), sources[i]);
    return STYR_OK;
}

/* ---- CSV (Danish Excel) ---------------------------------------------------------------- */

static int write_csv(const styr_figrow *rows, size_t n, const styr_figout_opts *o, FILE *f)
{
    int regime = n && rows[0].regime;
    fputs("\xEF\xBB\xBF", f);
    fprintf(f, "%s;%s;%s;%s;%s", styr_tr("Periode", "Period"), styr_tr("Kommune", "Municipality"),
            styr_tr("Kommunenavn", "Municipality name"), styr_tr("Ydelse", "Benefit group"),
            styr_tr("Ydelsesnavn", "Benefit group name"));
    if (regime) fprintf(f, ";%s", styr_tr("Regime", "Regime"));
    for (int i = 0; i < o->ndefs; i++) {
        fputc(';', f);
        styr_csv_text(f, label(&o->defs[i]));
    }
    if (o->counts)
        for (size_t k = 0; k < NCOUNTS; k++) fprintf(f, ";%s", counts[k].key);
    int ak = any_ak(rows, n), src = any_source(rows, n);
    if (ak) {
        fputc(';', f);
        styr_csv_text(f, label(&styr_figdef_ak));
    }
    fprintf(f, ";Diskretion;%s", styr_tr("Ufuldstaendig", "Incomplete"));
    if (src) fprintf(f, ";%s", styr_tr("Kilde", "Source"));
    const int mg = o->maalgruppe && *o->maalgruppe;
    if (mg) fprintf(f, ";%s", styr_tr("Målgruppe", "Target group"));
    fputs("\r\n", f);
    for (size_t r = 0; r < n; r++) {
        const styr_figrow *x = &rows[r];
        fprintf(f, "%s;%d;", x->periode, x->kommune);
        styr_csv_text(f, x->kommunenavn);
        fprintf(f, ";%s;", x->ydelse);
        styr_csv_text(f, x->ydelsenavn);
        if (regime) fprintf(f, ";%s", x->regime);
        for (int i = 0; i < o->ndefs; i++) {
            fputc(';', f);
            if (x->v[i].state == STYR_FV_SUPPRESSED) fputs("..", f);
            else if (x->v[i].state == STYR_FV_NA) fputs(".", f);
            else if (x->v[i].state == STYR_FV_OK) styr_csv_number(f, x->v[i].v, o->defs[i].decimals);
        }
        if (o->counts) {
            for (size_t k = 0; k < NCOUNTS; k++) {
                if (x->v[counts[k].fig].state == STYR_FV_SUPPRESSED) fputs(";..", f);
                else fprintf(f, ";%llu", (unsigned long long)counts[k].get(x->cell));
            }
        }
        if (ak) {
            fputc(';', f);
            styr_figval a = ak_of(x);
            if (a.state == STYR_FV_SUPPRESSED) fputs("..", f);
            else if (a.state == STYR_FV_OK) styr_csv_number(f, a.v, styr_figdef_ak.decimals);
        }
        fprintf(f, ";%s;%s", x->suppressed ? styr_tr("ja", "yes") : styr_tr("nej", "no"),
                x->incomplete ? styr_tr("ja", "yes") : styr_tr("nej", "no"));
        if (src) {
            fputc(';', f);
            styr_csv_text(f, source_text(x));
        }
        if (mg) {
            fputc(';', f);
            styr_csv_text(f, o->maalgruppe);
        }
        fputs("\r\n", f);
    }
    return !ferror(f);
}

/* ---- JSON -------------------------------------------------------------------------- */

json_t *styr_json_value(styr_figval v, const styr_figdef *fd)
{
    if (v.state != STYR_FV_OK) return json_null();
    if (fd && fd->unit == STYR_U_COUNT) return json_integer((json_int_t)llround(v.v));
    return json_real(round(v.v * 1e6) / 1e6);
}

int styr_json_write(FILE *f, json_t *o)
{
    int rc = json_dumpf(o, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    fputc('\n', f);
    json_decref(o);
    return rc || ferror(f) ? -1 : 0;
}

static int write_json(const styr_figrow *rows, size_t n, const styr_figout_opts *opt, FILE *f)
{
    int ak = any_ak(rows, n), src = any_source(rows, n);
    fputs("[", f);
    for (size_t r = 0; r < n; r++) {
        const styr_figrow *x = &rows[r];
        json_t *o = json_object();
        json_object_set_new(o, "periode", json_string(x->periode));
        json_object_set_new(o, "kommune", json_integer(x->kommune));
        json_object_set_new(o, "kommunenavn", json_string(x->kommunenavn));
        json_object_set_new(o, "ydelse", json_string(x->ydelse));
        if (x->regime) json_object_set_new(o, "regime", json_string(x->regime));
        for (int i = 0; i < opt->ndefs; i++)
            json_object_set_new(o, opt->defs[i].key, styr_json_value(x->v[i], &opt->defs[i]));
        if (ak) json_object_set_new(o, styr_figdef_ak.key, styr_json_value(ak_of(x), &styr_figdef_ak));
        if (src) json_object_set_new(o, "kilde", json_string(source_text(x)));
        if (opt->maalgruppe && *opt->maalgruppe) json_object_set_new(o, "maalgruppe", json_string(opt->maalgruppe));
        json_object_set_new(o, "diskretion", json_boolean(x->suppressed));
        json_t *na = NULL;
        for (int i = 0; i < opt->ndefs; i++)
            if (x->v[i].state == STYR_FV_NA) {
                if (!na) na = json_array();
                json_array_append_new(na, json_string(opt->defs[i].key));
            }
        if (na) json_object_set_new(o, "ikke_relevant", na);
        json_object_set_new(o, "ufuldstaendig", json_boolean(x->incomplete));
        if (opt->counts) {
            json_t *c = json_object();
            for (size_t k = 0; k < NCOUNTS; k++)
                json_object_set_new(c, counts[k].key, x->v[counts[k].fig].state == STYR_FV_SUPPRESSED
                                                          ? json_null()
                                                          : json_integer((json_int_t)counts[k].get(x->cell)));
            json_object_set_new(o, "taellinger", c);
        }
        fputs(r ? ",\n" : "\n", f);
        json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
        json_decref(o);
    }
    fputs(n ? "\n]\n" : "]\n", f);
    return !ferror(f);
}

/* ---- XLSX ------------------------------------------------------------------------- */

static styr_rc write_xlsx(const styr_figrow *rows, size_t n, const styr_figout_opts *o, styr_diags *d)
{
    const char *path = o->path;
    int lead = 3 + (n && rows[0].regime ? 1 : 0), src = any_source(rows, n);
    if (!path || !strcmp(path, "-")) return styr_diag_sys(d, STYR_EUSAGE, "xlsx: -o FILE");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    lxw_format *fmt_fte = workbook_add_format(wb), *fmt_pct = workbook_add_format(wb),
               *fmt_cnt = workbook_add_format(wb), *fmt_supp = workbook_add_format(wb);
    format_set_num_format(fmt_fte, "#,##0.0");
    format_set_num_format(fmt_pct, "0.0");
    format_set_num_format(fmt_cnt, "#,##0");
    format_set_align(fmt_supp, LXW_ALIGN_RIGHT);
    /* one sheet per group, in the order the groups first appear */
    const char *done[256];
    int ndone = 0;
    for (size_t r0 = 0; r0 < n; r0++) {
        int seen = 0;
        for (int k = 0; k < ndone && !seen; k++) seen = !strcmp(done[k], rows[r0].ydelse);
        if (seen || ndone == 256) continue;
        done[ndone++] = rows[r0].ydelse;
        char name[32];
        snprintf(name, sizeof name, "%.31s", rows[r0].ydelse);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        if (!ws) continue;
        worksheet_write_string(ws, 0, 0, styr_tr("Periode", "Period"), bold);
        worksheet_write_string(ws, 0, 1, styr_tr("Kommune", "Municipality"), bold);
        worksheet_write_string(ws, 0, 2, styr_tr("Kommunenavn", "Municipality name"), bold);
        if (lead == 4) worksheet_write_string(ws, 0, 3, styr_tr("Regime", "Regime"), bold);
        for (int i = 0; i < o->ndefs; i++)
            worksheet_write_string(ws, 0, (lxw_col_t)(lead + i), label(&o->defs[i]), bold);
        /* published figures carry their source, as the Kilde column of the CSV */
        if (src) worksheet_write_string(ws, 0, (lxw_col_t)(lead + o->ndefs), styr_tr("Kilde", "Source"), bold);
        const int mg = o->maalgruppe && *o->maalgruppe;
        if (mg) worksheet_write_string(ws, 0, (lxw_col_t)(lead + o->ndefs + src), styr_tr("Målgruppe", "Target group"), bold);
        worksheet_set_row(ws, 0, 45, NULL);
        worksheet_set_column(ws, 2, 2, 18, NULL);
        worksheet_set_column(ws, (lxw_col_t)lead, (lxw_col_t)(lead + o->ndefs), 13, NULL);
        worksheet_freeze_panes(ws, 1, (lxw_col_t)lead);
        lxw_row_t row = 1;
        for (size_t r = r0; r < n; r++) {
            const styr_figrow *x = &rows[r];
            if (strcmp(x->ydelse, rows[r0].ydelse)) continue;
            worksheet_write_string(ws, row, 0, x->periode, NULL);
            worksheet_write_number(ws, row, 1, x->kommune, NULL);
            worksheet_write_string(ws, row, 2, x->kommunenavn, NULL);
            if (lead == 4) worksheet_write_string(ws, row, 3, x->regime, NULL);
            for (int i = 0; i < o->ndefs; i++) {
                lxw_col_t col = (lxw_col_t)(lead + i);
                const styr_figdef *fd = &o->defs[i];
                if (x->v[i].state == STYR_FV_SUPPRESSED) worksheet_write_string(ws, row, col, "..", fmt_supp);
                else if (x->v[i].state == STYR_FV_NA) worksheet_write_string(ws, row, col, ".", fmt_supp);
                else if (x->v[i].state == STYR_FV_OK)
                    worksheet_write_number(ws, row, col, x->v[i].v,
                                           fd->unit == STYR_U_COUNT ? fmt_cnt : fd->unit == STYR_U_PCT ? fmt_pct : fmt_fte);
            }
            if (src) worksheet_write_string(ws, row, (lxw_col_t)(lead + o->ndefs), source_text(x), NULL);
            if (mg) worksheet_write_string(ws, row, (lxw_col_t)(lead + o->ndefs + src), o->maalgruppe, NULL);
            row++;
        }
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, lxw_strerror(e));
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, strerror(errno));
    }
    return STYR_OK;
}

styr_rc styr_figout_write(const styr_figrow *rows, size_t n, const styr_figout_opts *opts, styr_diags *d)
{
    styr_figout_opts o = *opts;
    if (!o.defs) {
        o.defs = styr_figdefs;
        o.ndefs = STYR_NFIG;
    }
    if (o.format == STYR_FMT_XLSX) return write_xlsx(rows, n, &o, d);
    styr_dest x;
    styr_rc rc = styr_dest_open(&x, o.path, d);
    if (rc) return rc;
    int ok = 1;
    switch (o.format) {
    case STYR_FMT_TABLE: write_table(rows, n, &o, x.f); ok = !ferror(x.f); break;
    case STYR_FMT_CSV: ok = write_csv(rows, n, &o, x.f); break;
    default: ok = write_json(rows, n, &o, x.f); break;
    }
    return styr_dest_close(&x, ok, d);
}
