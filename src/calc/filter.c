/* filter: parsing and naming target-group filters. */
#include "filter.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/msg.h"
#include "../core/week.h"

const char *const styr_maalgruppe_keys[] = {"jobparat",    "aktivitetsparat", "uddannelsesparat",
                                            "aabenlyst_uddannelsesparat", "uoplyst", "unge",
                                            "flygtninge"};
const int styr_nmaalgruppe_keys = (int)(sizeof styr_maalgruppe_keys / sizeof styr_maalgruppe_keys[0]);

int styr_filter_active(const styr_filter *f)
{
    return f && (f->vis || f->opr || f->unge || f->flygtninge || f->nenh);
}

int styr_filter_passes(const styr_filter *f, const styr_cols *c, uint64_t i, int w)
{
    if (!styr_filter_active(f)) return 1;
    if (f->opr && !(f->opr & 1u << styr_person_opr(c, i))) return 0;
    uint32_t thu = styr_week_thursday_ymd(w);
    if (f->unge && (!c->birth[i] || thu >= c->birth[i] + 300000u)) return 0; /* unknown age: never young */
    if (f->flygtninge) {
        int y = styr_person_indrejst(c, i), wy = (int)(thu / 10000);
        if (!y || wy < y || wy - y >= 10) return 0;
    }
    if (!f->vis && !f->nenh) return 1;
    uint64_t lo = c->run_off[i], hi = c->run_off[i + 1];
    while (lo < hi) { /* the first run starting after w */
        uint64_t mid = lo + (hi - lo) / 2;
        if ((int)c->start[mid] <= w) lo = mid + 1;
        else hi = mid;
    }
    if (lo == c->run_off[i]) return 0;
    uint64_t r = lo - 1;
    if (w > (int)c->start[r] + c->len[r] - 1) return 0;
    if (f->vis && !(f->vis & 1u << styr_run_vis(c, r))) return 0;
    if (f->nenh) {
        int e = styr_run_enh(c, r);
        for (int j = 0; j < f->nenh; j++)
            if (f->enh[j] == e) return 1;
        return 0;
    }
    return 1;
}

/* Call one(item) for every item of a ',' or '+' separated list. */
static int each(const char *list, const char *seps, int (*one)(void *, const char *, size_t), void *ctx, char *bad,
                size_t badcap)
{
    const char *p = list;
    for (;;) {
        size_t n = strcspn(p, seps);
        const char *s = p;
        size_t m = n;
        while (m && *s == ' ') { s++; m--; }
        while (m && s[m - 1] == ' ') m--;
        if (m && one(ctx, s, m)) {
            snprintf(bad, badcap, "%.*s", (int)m, s);
            return -1;
        }
        if (!p[n]) return 0;
        p += n + 1;
    }
}

static int one_maal(void *ctx, const char *s, size_t n)
{
    styr_filter *f = ctx;
    if (n == 4 && !strncasecmp(s, "unge", 4)) { f->unge = 1; return 0; }
    if (n == 10 && !strncasecmp(s, "flygtninge", 10)) { f->flygtninge = 1; return 0; }
    int v = styr_vis_parse(s, n);
    if (v < 0) return -1;
    f->vis |= 1u << v;
    return 0;
}

static int one_opr(void *ctx, const char *s, size_t n)
{
    styr_filter *f = ctx;
    int v = styr_opr_parse(s, n);
    if (v < 0) return -1;
    f->opr |= 1u << v;
    return 0;
}

typedef struct enh_ctx { styr_filter *f; const styr_cols *c; } enh_ctx;

static int one_enh(void *ctx, const char *s, size_t n)
{
    enh_ctx *e = ctx;
    for (int i = 1; i < e->c->nenh; i++)
        if (strlen(e->c->enh[i]) == n && !strncasecmp(e->c->enh[i], s, n)) {
            for (int j = 0; j < e->f->nenh; j++)
                if (e->f->enh[j] == i) return 0;
            if (e->f->nenh >= STYR_FILTER_MAXENH) return -1;
            e->f->enh[e->f->nenh++] = (uint16_t)i;
            return 0;
        }
    return -1;
}

int styr_filter_add_maalgruppe(styr_filter *f, const char *list, char *bad, size_t badcap)
{
    return each(list, ",+", one_maal, f, bad, badcap);
}

int styr_filter_add_oprindelse(styr_filter *f, const char *list, char *bad, size_t badcap)
{
    return each(list, ",+", one_opr, f, bad, badcap);
}

int styr_filter_add_enhed(styr_filter *f, const styr_cols *c, const char *list, char *bad, size_t badcap)
{
    enh_ctx e = {f, c};
    return each(list, ",", one_enh, &e, bad, badcap);
}

#define PUT(...)                                                               \
    do {                                                                       \
        int k_ = snprintf(buf + o, o < cap ? cap - o : 0, __VA_ARGS__);        \
        o += (size_t)(k_ > 0 ? k_ : 0);                                        \
    } while (0)

size_t styr_filter_key(const styr_filter *f, const styr_cols *c, char *buf, size_t cap)
{
    size_t o = 0;
    if (cap) buf[0] = 0;
    if (!styr_filter_active(f)) return 0;
    if (f->vis || f->unge || f->flygtninge) {
        PUT("maalgruppe=");
        const char *sep = "";
        for (int v = 0; v < STYR_NVIS; v++)
            if (f->vis & 1u << v) { PUT("%s%s", sep, styr_vis_keys[v]); sep = "+"; }
        if (f->unge) { PUT("%sunge", sep); sep = "+"; }
        if (f->flygtninge) PUT("%sflygtninge", sep);
    }
    if (f->opr) {
        PUT("%soprindelse=", o ? ";" : "");
        const char *sep = "";
        for (int v = 0; v < STYR_NOPR; v++)
            if (f->opr & 1u << v) { PUT("%s%s", sep, styr_opr_keys[v]); sep = "+"; }
    }
    if (f->nenh) {
        PUT("%senhed=", o ? ";" : "");
        /* in index order, so the key does not depend on the order given */
        const char *sep = "";
        for (int i = 1; c && i < c->nenh; i++)
            for (int j = 0; j < f->nenh; j++)
                if (f->enh[j] == i) { PUT("%s%s", sep, c->enh[i]); sep = ","; }
    }
    return o;
}

static const char *const vis_da[STYR_NVIS] = {"uoplyst visitation", "jobparate", "aktivitetsparate",
                                              "uddannelsesparate", "åbenlyst uddannelsesparate"};
static const char *const vis_en[STYR_NVIS] = {"visitation unknown", "job-ready", "activity-ready",
                                              "education-ready", "clearly education-ready"};
static const char *const opr_da[STYR_NOPR] = {"uoplyst oprindelse", "dansk oprindelse",
                                              "indvandrere fra vestlige lande", "indvandrere fra ikke-vestlige lande",
                                              "efterkommere fra vestlige lande", "efterkommere fra ikke-vestlige lande"};
static const char *const opr_en[STYR_NOPR] = {"origin unknown", "Danish origin", "immigrants, Western countries",
                                              "immigrants, non-Western countries", "descendants, Western countries",
                                              "descendants, non-Western countries"};

size_t styr_filter_label(const styr_filter *f, const styr_cols *c, char *buf, size_t cap)
{
    size_t o = 0;
    if (cap) buf[0] = 0;
    if (!styr_filter_active(f)) return 0;
    const int en = styr_lang_get() == STYR_LANG_EN;
    const char *dsep = "";
    if (f->vis) {
        const char *sep = "";
        for (int v = 0; v < STYR_NVIS; v++)
            if (f->vis & 1u << v) { PUT("%s%s", sep, en ? vis_en[v] : vis_da[v]); sep = en ? " or " : " eller "; }
        dsep = ", ";
    }
    if (f->unge) { PUT("%s%s", dsep, styr_tr("unge under 30", "young people under 30")); dsep = ", "; }
    if (f->flygtninge) {
        PUT("%s%s", dsep, styr_tr("flygtninge og familiesammenførte (indrejst inden for 10 år)",
                                  "refugees and family-reunified (arrived within 10 years)"));
        dsep = ", ";
    }
    if (f->opr) {
        const char *sep = "";
        PUT("%s", dsep);
        for (int v = 0; v < STYR_NOPR; v++)
            if (f->opr & 1u << v) { PUT("%s%s", sep, en ? opr_en[v] : opr_da[v]); sep = en ? " or " : " eller "; }
        dsep = "; ";
    }
    if (f->nenh) {
        PUT("%s%s ", dsep, styr_tr("enhed", "unit"));
        const char *sep = "";
        for (int i = 1; c && i < c->nenh; i++)
            for (int j = 0; j < f->nenh; j++)
                if (f->enh[j] == i) { PUT("%s%s", sep, c->enh[i]); sep = ", "; }
    }
    return o;
}
