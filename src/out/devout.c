/* devout: the development month by month as table, CSV or JSON. */
#include "devout.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../calc/bench.h"
#include "../core/msg.h"
#include "figtext.h"
#include "outfile.h"
#include "table.h"

#define DASH "\xe2\x80\x93"

/* One line of the output: a period of a group and its three values. */
typedef struct line {
    const styr_period *per, *prev;
    styr_figval now, before, change;
} line;

static int lines_of(const styr_dev *dv, const styr_dev_group *x, line *out)
{
    int n = 0;
    out[n++] = (line){&dv->ytd, &dv->ytd_prev, x->ytd, x->ytd_prev, styr_dev_change(dv, x->ytd, x->ytd_prev)};
    for (int j = dv->n - 1; j >= 0; j--)
        out[n++] = (line){&dv->month[j], &dv->month_prev[j], x->now[j], x->prev[j], styr_dev_change(dv, x->now[j], x->prev[j])};
    return n;
}

static void table(FILE *f, const styr_dev *dv, const styr_codes *codes, const char *navn)
{
    const styr_figdef *def = &styr_figdefs[dv->fig];
    fprintf(f, "%s: %s\n\n", navn, styr_tr(def->da, def->en));
    const char *head[6] = {styr_tr("Ydelse", "Group"), styr_tr("Periode", "Period"), styr_tr("Værdi", "Value"),
                           styr_msg_text(M_DEV_SAME), styr_msg_text(M_DEV_CHANGE), NULL};
    styr_table *t = styr_table_new(5, "llrrr");
    styr_table_row(t, head);
    for (int i = 0; i < dv->ngroups; i++) {
        line ln[STYR_DEV_MONTHS + 1];
        int n = lines_of(dv, &dv->grp[i], ln);
        for (int j = 0; j < n; j++) {
            char w[64], pw[160], a[64], b[64], c[64];
            styr_period_words(w, sizeof w, ln[j].per);
            if (!j) snprintf(pw, sizeof pw, "%s (%s)", styr_msg_text(M_DEV_YTD), w);
            else snprintf(pw, sizeof pw, "%s", w);
            const char *row[5] = {j ? "" : styr_group_name(codes, dv->grp[i].g), pw,
                                  ln[j].now.state == STYR_FV_NONE ? DASH : styr_fig_text(a, sizeof a, def, ln[j].now),
                                  ln[j].before.state == STYR_FV_NONE ? DASH : styr_fig_text(b, sizeof b, def, ln[j].before),
                                  ln[j].change.state == STYR_FV_NONE ? DASH : styr_change_text(c, sizeof c, def, ln[j].change)};
            styr_table_row(t, row);
        }
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "\n%s\n", styr_tr(".. = diskretion; " DASH " = ingen data.", ".. = discretion; " DASH " = no data."));
    for (int i = 0; i < dv->ngroups; i++)
        if (dv->grp[i].kilde)
            fprintf(f, "%s: %s %s\n", styr_group_name(codes, dv->grp[i].g), styr_tr("offentlige tal,", "published figures,"),
                    dv->grp[i].kilde);
}

static void csv_value(FILE *f, styr_figval v, int dec)
{
    fputc(';', f);
    if (v.state == STYR_FV_SUPPRESSED) fputs("..", f);
    else if (v.state == STYR_FV_OK) styr_csv_number(f, v.v, dec);
}

static void csv(FILE *f, const styr_dev *dv, const styr_codes *codes, int kommune, const char *navn)
{
    const styr_figdef *def = &styr_figdefs[dv->fig];
    int any = 0;
    for (int i = 0; i < dv->ngroups; i++) any |= dv->grp[i].kilde != NULL;
    fprintf(f, "kommune;kommunenavn;ydelse;figur;periode;periode_tekst;sammenlignet_med;vaerdi;aaret_foer;aendring%s\n",
            any ? ";kilde" : "");
    for (int i = 0; i < dv->ngroups; i++) {
        line ln[STYR_DEV_MONTHS + 1];
        int n = lines_of(dv, &dv->grp[i], ln);
        for (int j = 0; j < n; j++) {
            char pw[64];
            fprintf(f, "%d;", kommune);
            styr_csv_text(f, navn);
            fputc(';', f);
            styr_csv_text(f, styr_group_key(codes, dv->grp[i].g));
            fprintf(f, ";%s;%s;", def->key, ln[j].per->name);
            styr_csv_text(f, styr_period_words(pw, sizeof pw, ln[j].per));
            fprintf(f, ";%s", ln[j].prev->name);
            csv_value(f, ln[j].now, def->decimals);
            csv_value(f, ln[j].before, def->decimals);
            csv_value(f, ln[j].change, 1);
            if (any) {
                fputc(';', f);
                if (dv->grp[i].kilde) styr_csv_text(f, dv->grp[i].kilde);
            }
            fputc('\n', f);
        }
    }
}

static json_t *jvalue(styr_figval v, const char *key, json_t *hidden)
{
    if (v.state == STYR_FV_SUPPRESSED) json_array_append_new(hidden, json_string(key));
    return v.state == STYR_FV_OK ? json_real(v.v) : json_null();
}

static int json_out(FILE *f, const styr_dev *dv, const styr_codes *codes, int kommune, const char *navn)
{
    const styr_figdef *def = &styr_figdefs[dv->fig];
    json_t *o = json_object(), *groups = json_array();
    json_object_set_new(o, "kommune", json_integer(kommune));
    json_object_set_new(o, "kommunenavn", json_string(navn));
    json_object_set_new(o, "figur", json_string(def->key));
    json_object_set_new(o, "enhed", json_string(styr_unit_label(def->unit)));
    json_object_set_new(o, "aendring_enhed", json_string(def->unit == STYR_U_PCT ? "procentpoint" : def->unit == STYR_U_WEEKS ? "uger" : "pct."));
    for (int i = 0; i < dv->ngroups; i++) {
        line ln[STYR_DEV_MONTHS + 1];
        int n = lines_of(dv, &dv->grp[i], ln);
        json_t *g = json_object(), *months = json_array();
        json_object_set_new(g, "ydelse", json_string(styr_group_key(codes, dv->grp[i].g)));
        json_object_set_new(g, "ydelsenavn", json_string(styr_group_name(codes, dv->grp[i].g)));
        if (dv->grp[i].kilde) json_object_set_new(g, "kilde", json_string(dv->grp[i].kilde));
        for (int j = 0; j < n; j++) {
            json_t *m = json_object(), *hidden = json_array();
            char pw[64];
            json_object_set_new(m, "periode", json_string(ln[j].per->name));
            json_object_set_new(m, "periode_tekst", json_string(styr_period_words(pw, sizeof pw, ln[j].per)));
            json_object_set_new(m, "sammenlignet_med", json_string(ln[j].prev->name));
            json_object_set_new(m, "vaerdi", jvalue(ln[j].now, "vaerdi", hidden));
            json_object_set_new(m, "aaret_foer", jvalue(ln[j].before, "aaret_foer", hidden));
            json_object_set_new(m, "aendring", jvalue(ln[j].change, "aendring", hidden));
            json_object_set_new(m, "diskretion", hidden);
            if (!j) json_object_set_new(g, "aar_til_dato", m);
            else json_array_append_new(months, m);
        }
        json_object_set_new(g, "maaneder", months);
        json_array_append_new(groups, g);
    }
    json_object_set_new(o, "ydelser", groups);
    int rc = json_dumpf(o, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    fputc('\n', f);
    json_decref(o);
    return rc;
}

styr_rc styr_devout_write(const styr_dev *dv, const styr_codes *codes, int kommune, const char *navn, styr_format fmt,
                          const char *path, styr_diags *d)
{
    styr_dest dest;
    styr_rc rc = styr_dest_open(&dest, path, d);
    if (rc) return rc;
    int ok = 1;
    if (fmt == STYR_FMT_JSON) ok = !json_out(dest.f, dv, codes, kommune, navn);
    else if (fmt == STYR_FMT_CSV) csv(dest.f, dv, codes, kommune, navn);
    else table(dest.f, dv, codes, navn);
    return styr_dest_close(&dest, ok && !ferror(dest.f), d);
}
