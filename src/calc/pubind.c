/* pubind: the published indicators of the municipal profile (pubind.h).
 *
 * data/profil_indikatorer.csv says, per indicator, which source and table
 * give the numerator (a jobindsats count or rate label; Statistikbanken
 * function codes of REGK31) and which the denominator, the factor on the
 * numerator and the selection of the other Statistikbanken variables. Only
 * periods that are exactly the calendar year are used (FOLK1A: its first
 * quarter, the population on 1 January); nothing is summed over periods.
 * Rows split by another dimension (Køn=Mænd) are never used, only totals. */
#include "pubind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/period.h"
#include "../ws/public.h"
#include "../ws/refdata.h"

static const styr_figdef defs[STYR_NPI] = {
    {"sanktionsrate", "Sanktioner i pct. af modtagerne af kontanthjælp", "Sanctions in pct. of social assistance recipients",
     "Sanktionsrate", "Sanction rate", 1, STYR_U_PCT, 0},
    {"andel_virksomheder", "Andel af virksomhederne, jobcentret samarbejder med (pct.)",
     "Share of companies the job centre cooperates with (pct.)", "Virksomheder", "Companies", 1, STYR_U_PCT, 0},
    {"ydelser_pr_indbygger", "Udgifter til forsørgelse pr. indbygger (kr.)", "Benefit costs per inhabitant (DKK)",
     "Forsørgelse pr. indb.", "Benefits per inh.", 0, STYR_U_KR, 0},
    {"aktiv_pr_fuldtidsperson", "Udgifter til den aktive indsats pr. fuldtidsperson (kr.)",
     "Active-effort spending per full-time recipient (DKK)", "Aktiv indsats pr. fuldtidsp.", "Active per FTE", 0,
     STYR_U_KR, 0},
};

const styr_figdef *styr_pubind_def(int i) { return i >= 0 && i < STYR_NPI ? &defs[i] : NULL; }

/* One line of data/profil_indikatorer.csv */
typedef struct spec {
    char kilde[32], tabel[96], taeller[256], andel[128];
    char nkilde[32], ntabel[96], naevner[128];
    double faktor;
    char filter[256];
} spec;

enum { F_IND, F_KILDE, F_TABEL, F_TAELLER, F_ANDEL, F_NKILDE, F_NTABEL, F_NAEVNER, F_FAKTOR, F_FILTER, NF = 11 };

static void copy(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

/* Read the embedded table into specs[] by indicator key; returns how many
 * indicators have a line. */
static int read_specs(spec specs[STYR_NPI], int got[STYR_NPI])
{
    memset(got, 0, STYR_NPI * sizeof *got);
    const styr_refdata_file *f = styr_refdata_find("profil_indikatorer.csv");
    if (!f) return 0;
    const char *s = (const char *)f->data, *end = s + f->size;
    int header = 0, n = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        char line[2048];
        size_t len = (size_t)(e - s);
        if (len && s[len - 1] == '\r') len--;
        if (len >= sizeof line) len = sizeof line - 1;
        memcpy(line, s, len);
        line[len] = 0;
        s = nl ? nl + 1 : end;
        if (!len || line[0] == '#') continue;
        if (!header++) continue;
        char *fld[NF] = {0};
        int nf = 0;
        for (char *p = line; nf < NF;) {
            fld[nf++] = p;
            char *semi = strchr(p, ';');
            if (!semi) break;
            *semi = 0;
            p = semi + 1;
        }
        if (nf < F_FILTER + 1) continue;
        for (int i = 0; i < STYR_NPI; i++) {
            if (strcmp(fld[F_IND], defs[i].key)) continue;
            spec *sp = &specs[i];
            copy(sp->kilde, sizeof sp->kilde, fld[F_KILDE]);
            copy(sp->tabel, sizeof sp->tabel, fld[F_TABEL]);
            copy(sp->taeller, sizeof sp->taeller, fld[F_TAELLER]);
            copy(sp->andel, sizeof sp->andel, fld[F_ANDEL]);
            copy(sp->nkilde, sizeof sp->nkilde, fld[F_NKILDE]);
            copy(sp->ntabel, sizeof sp->ntabel, fld[F_NTABEL]);
            copy(sp->naevner, sizeof sp->naevner, fld[F_NAEVNER]);
            copy(sp->filter, sizeof sp->filter, fld[F_FILTER]);
            sp->faktor = fld[F_FAKTOR][0] ? atof(fld[F_FAKTOR]) : 1;
            if (!got[i]) n++;
            got[i] = 1;
        }
    }
    return n;
}

/* ---- matching rows ---- */

/* A total of a dimension as jobindsats and Statistikbanken write it */
static int total_text(const char *v, size_t n)
{
    static const char *const whole[] = {"I alt", "Total", "Alle", "IALT", "TOT"};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        if (strlen(whole[i]) == n && !strncasecmp(v, whole[i], n)) return 1;
    return n > 6 && !strncasecmp(v + n - 6, " i alt", 6);
}

/* A dimension value matches one of the alternatives alts ("1/Drift"): equal
 * (case-insensitive), or beginning with it and a space ("1 Driftskonti"). */
static int value_is(const char *v, size_t n, const char *alts)
{
    for (const char *a = alts; *a;) {
        const char *slash = strchr(a, '/');
        size_t an = slash ? (size_t)(slash - a) : strlen(a);
        if (an && n >= an && !strncasecmp(v, a, an) && (n == an || v[an] == ' ')) return 1;
        a = slash ? slash + 1 : a + an;
    }
    return 0;
}

/* The function code of a REGK31 value: "55771", "5.57.71" or
 * "5.57.71 Sygedagpenge" -> "55771"; "" when it does not begin with one. */
static void function_code(const char *v, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && v[i] != ' '; i++) {
        if (v[i] == '.') continue;
        if (!isdigit((unsigned char)v[i]) || o + 1 >= cap) {
            o = 0;
            break;
        }
        out[o++] = v[i];
    }
    out[o] = 0;
}

/* Whether fn (5 digits) is in the list codes ("5.57.71 5.57.73") */
static int function_in(const char *fn, const char *codes)
{
    if (!*fn) return 0;
    for (const char *p = codes; *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        char c[16];
        function_code(p, (size_t)(e - p), c, sizeof c);
        if (*c && !strcmp(c, fn)) return 1;
        p = e;
    }
    return 0;
}

/* Whether dims ("Label=Value|...") passes: every dimension named in filter
 * ("DRANST=1/Drift|ART=TOT") has one of its values; a FUNK* dimension (the
 * function) is left to the caller (*fn gets its code, "" when none); every
 * other dimension is at its total. */
static int dims_pass(const char *dims, const char *filter, char *fn, size_t fncap)
{
    if (fn) fn[0] = 0;
    for (const char *p = dims; *p;) {
        const char *end = strchr(p, '|'), *eq = strchr(p, '=');
        if (!end) end = p + strlen(p);
        if (!eq || eq > end) return 0;
        size_t ln = (size_t)(eq - p), vn = (size_t)(end - eq - 1);
        const char *v = eq + 1;
        int ok = 0, named = 0;
        if (fn && ln >= 4 && !strncasecmp(p, "FUNK", 4)) {
            function_code(v, vn, fn, fncap);
            ok = named = 1;
        }
        for (const char *q = filter; *q && !named;) {
            const char *qe = strchr(q, '|'), *qeq = strchr(q, '=');
            if (!qe) qe = q + strlen(q);
            if (qeq && qeq < qe && (size_t)(qeq - q) == ln && !strncasecmp(q, p, ln)) {
                char alts[128];
                size_t an = (size_t)(qe - qeq - 1);
                if (an >= sizeof alts) an = sizeof alts - 1;
                memcpy(alts, qeq + 1, an);
                alts[an] = 0;
                named = 1;
                ok = value_is(v, vn, alts);
            }
            q = *qe ? qe + 1 : qe;
        }
        if (!named) ok = total_text(v, vn);
        if (!ok) return 0;
        p = *end ? end + 1 : end;
    }
    return 1;
}

/* Whether tabel is one of the space-separated ids in list (exact, or, with
 * prefix, only the first three characters: the benefit prefix) */
static int table_in(const char *tabel, const char *list, int prefix)
{
    for (const char *p = list; *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        size_t n = (size_t)(e - p);
        if (n && (prefix ? n >= 3 && !strncasecmp(tabel, p, 3)
                         : strlen(tabel) == n && !strncasecmp(tabel, p, n)))
            return 1;
        p = e;
    }
    return 0;
}

/* ---- collecting the rows of a part (numerator, rate, denominator) ---- */

typedef struct hit {
    int k, prev, state; /* municipality index (nk: the country), 0 year / 1 year - 1, STYR_PUB_* */
    double v;
    char maal[128];
    char tabel[32];
    char hentet[16];
} hit;

typedef struct collect {
    const styr_codes *codes;
    int nk, year;
    const char *kilde, *tables, *filter;
    int prefix;         /* match tables by their benefit prefix (the fallback) */
    int stock;          /* the first quarter stands for the year (FOLK1A) */
    int functions;      /* Statistikbanken function rows: keep fn */
    const char *fncodes;
    hit *h;
    size_t n, cap;
    int err;
} collect;

static int year_of(const collect *c, const styr_pub_hit *h)
{
    styr_period y;
    for (int prev = 0; prev < 2; prev++) {
        char s[8];
        snprintf(s, sizeof s, "%d", c->year - prev);
        if (styr_period_parse(s, &y)) continue;
        if (h->fra == y.first && h->til == y.last) return prev;
        if (c->stock) {
            snprintf(s, sizeof s, "%dK1", c->year - prev);
            if (!styr_period_parse(s, &y) && h->fra == y.first && h->til == y.last) return prev;
        }
    }
    return -1;
}

static int take(const styr_pub_hit *h, void *ud)
{
    collect *c = ud;
    const styr_pub_row *r = &h->row;
    if (strcasecmp(r->kilde, c->kilde) || r->kommune < 0) return 0;
    if (!table_in(r->tabel, c->tables, c->prefix)) return 0;
    int k = r->kommune == STYR_PUB_COUNTRY ? c->nk : r->kommune < 1000 ? c->codes->kom_idx[r->kommune] : -1;
    if (k < 0) return 0;
    int prev = year_of(c, h);
    if (prev < 0) return 0;
    char fn[16];
    if (!dims_pass(r->dims ? r->dims : "", c->filter, c->functions ? fn : NULL, sizeof fn)) return 0;
    if (c->functions && !function_in(fn, c->fncodes)) return 0;
    if (styr_grow(&c->h, &c->cap, c->n + 1, sizeof *c->h)) {
        c->err = 1;
        return 1;
    }
    hit *x = &c->h[c->n++];
    x->k = k;
    x->prev = prev;
    x->state = r->tilstand;
    x->v = r->vaerdi;
    copy(x->maal, sizeof x->maal, r->maal);
    copy(x->tabel, sizeof x->tabel, r->tabel);
    copy(x->hentet, sizeof x->hentet, h->hentet);
    return 0;
}

/* Select the rows of kilde in tables (each table by itself: the filter names one) */
static styr_rc gather(styr_ws *ws, collect *c, styr_diags *d)
{
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.kilde = c->kilde;
    if (c->prefix) {
        styr_rc rc = styr_pub_select(ws, &f, take, c, d);
        return rc == STYR_OK && c->err ? STYR_ENOMEM : rc;
    }
    for (const char *p = c->tables; *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        char t[32];
        size_t n = (size_t)(e - p);
        if (n && n < sizeof t) {
            memcpy(t, p, n);
            t[n] = 0;
            f.tabel = t;
            styr_rc rc = styr_pub_select(ws, &f, take, c, d);
            if (rc != STYR_OK) return rc;
        }
        p = e;
    }
    return c->err ? STYR_ENOMEM : STYR_OK;
}

/* The measure label of hits[] that label names: the one equal to it
 * (case-insensitive), else the only one containing it; NULL when none or
 * several would do. */
static const char *pick_label(const collect *c, const char *label)
{
    if (!*label) return NULL;
    for (size_t i = 0; i < c->n; i++)
        if (!strcasecmp(c->h[i].maal, label)) return c->h[i].maal;
    const char *found = NULL;
    size_t ln = strlen(label);
    for (size_t i = 0; i < c->n; i++) {
        const char *m = c->h[i].maal;
        int has = 0;
        for (const char *q = m; *q && !has; q++)
            has = !strncasecmp(q, label, ln);
        if (!has) continue;
        if (found && strcmp(found, m)) return NULL; /* ambiguous */
        found = m;
    }
    return found;
}

/* One part's values per [prev][k]: the hits of label (all hits when label is
 * NULL and all is set), summed (a suppressed or missing member makes the
 * whole so). st: 0 none, 1 value, 2 suppressed. */
typedef struct part {
    double v[2][STYR_MAX_KOMMUNER + 1];
    uint8_t st[2][STYR_MAX_KOMMUNER + 1];
    int any[2];
    char tabel[32], hentet[16];
} part;

static void fill(part *p, const collect *c, const char *label, int all)
{
    memset(p, 0, sizeof *p);
    if (!label && !all) return;
    for (size_t i = 0; i < c->n; i++) {
        const hit *x = &c->h[i];
        if (label && strcmp(x->maal, label)) continue;
        uint8_t *st = &p->st[x->prev][x->k];
        if (x->state == STYR_PUB_SUPPRESSED) *st = 2;
        else if (x->state == STYR_PUB_VALUE && *st != 2) {
            p->v[x->prev][x->k] += x->v;
            *st = 1;
        }
        p->any[x->prev] = 1;
        if (!p->tabel[0]) copy(p->tabel, sizeof p->tabel, x->tabel);
        if (strcmp(x->hentet, p->hentet) > 0) copy(p->hentet, sizeof p->hentet, x->hentet);
    }
}

/* Gather a part from its named tables, or, when they hold nothing, from the
 * tables of the same benefit prefix (jobindsats only; labels decide). */
static styr_rc gather_part(styr_ws *ws, collect *c, styr_diags *d)
{
    styr_rc rc = gather(ws, c, d);
    if (rc == STYR_OK && !c->n && !c->functions && !strcasecmp(c->kilde, "jobindsats")) {
        c->prefix = 1;
        rc = gather(ws, c, d);
    }
    return rc;
}

static void lower_copy(char *dst, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        dst[i] = (char)tolower((unsigned char)s[i]);
    dst[i] = 0;
}

static styr_rc load_one(styr_ws *ws, const spec *sp, int i, styr_pubind *out, styr_diags *d)
{
    const styr_codes *codes = styr_ws_codes(ws);
    int nk = codes->dict.nkom;
    int statbank = !strcasecmp(sp->kilde, "statistikbanken");
    collect cn = {codes, nk, out->year, sp->kilde, sp->tabel, sp->filter, 0, 0, statbank, sp->taeller, NULL, 0, 0, 0};
    collect cd = {codes, nk, out->year, sp->nkilde, sp->ntabel, sp->filter, 0,
                  !strcasecmp(sp->ntabel, "folk1a"), 0, NULL, NULL, 0, 0, 0};
    part *num = styr_xcalloc(1, sizeof *num), *rate = styr_xcalloc(1, sizeof *rate),
         *den = styr_xcalloc(1, sizeof *den);
    styr_rc rc = gather_part(ws, &cn, d);
    if (rc == STYR_OK) rc = gather_part(ws, &cd, d);
    if (rc != STYR_OK) goto cleanup;
    if (statbank) fill(num, &cn, NULL, 1);
    else {
        fill(num, &cn, pick_label(&cn, sp->taeller), 0);
        fill(rate, &cn, pick_label(&cn, sp->andel), 0);
    }
    fill(den, &cd, pick_label(&cd, sp->naevner), 0);
    for (int prev = 0; prev < 2; prev++) {
        int has = num->any[prev] || rate->any[prev];
        if (prev) out->has_prev[i] = has;
        else out->has[i] = has;
        for (int k = 0; k <= nk && k <= STYR_MAX_KOMMUNER; k++) {
            uint8_t *st = &out->state[i][prev][k];
            double *n = &out->num[i][prev][k], *m = &out->den[i][prev][k];
            *st = STYR_FV_NONE;
            int ns = num->st[prev][k], rs = rate->st[prev][k], ds = den->st[prev][k];
            if (ns && ds) { /* a count over a count */
                *st = ns == 2 || ds == 2 ? STYR_FV_SUPPRESSED : STYR_FV_OK;
                *n = sp->faktor * num->v[prev][k];
                *m = den->v[prev][k];
            } else if (rs) { /* a rate, weighted by the denominator where the table gives it */
                *st = rs == 2 || ds == 2 ? STYR_FV_SUPPRESSED : STYR_FV_OK;
                *m = ds == 1 ? den->v[prev][k] : 1;
                *n = rate->v[prev][k] * *m;
            } else if (ns == 2 || ds == 2) *st = STYR_FV_SUPPRESSED;
            if (*st != STYR_FV_OK) *n = *m = 0;
        }
    }
    if (out->has[i] || out->has_prev[i]) {
        const part *src = num->any[0] || num->any[1] ? num : rate;
        char t1[32], t2[32];
        lower_copy(t1, sizeof t1, src->tabel);
        lower_copy(t2, sizeof t2, den->tabel);
        const char *hentet = strcmp(den->hentet, src->hentet) > 0 ? den->hentet : src->hentet;
        char mid[96] = "";
        if (t2[0] && strcmp(t1, t2))
            snprintf(mid, sizeof mid, " %s%s%s%s", styr_tr("og ", "and "),
                     strcasecmp(sp->kilde, sp->nkilde) ? sp->nkilde : "", strcasecmp(sp->kilde, sp->nkilde) ? " " : "",
                     t2);
        char *buf = styr_xcalloc(1, 8192);
        snprintf(buf, 8192, "%s %s%s, %s %s", sp->kilde, t1, mid, styr_tr("hentet", "retrieved"), hentet);
        copy(out->kilde[i], sizeof out->kilde[i], buf);
        free(buf);
    }
cleanup:
    free(cn.h);
    free(cd.h);
    free(num);
    free(rate);
    free(den);
    return rc;
}

styr_rc styr_pubind_load(styr_ws *ws, int year, styr_pubind *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    out->year = year;
    for (int i = 0; i < STYR_NPI; i++)
        memset(out->state[i], STYR_FV_NONE, sizeof out->state[i]);
    if (!ws || !styr_pub_any(ws, NULL)) return STYR_OK;
    spec specs[STYR_NPI];
    int got[STYR_NPI];
    memset(specs, 0, sizeof specs);
    read_specs(specs, got);
    for (int i = 0; i < STYR_NPI; i++) {
        if (!got[i]) continue;
        styr_rc rc = load_one(ws, &specs[i], i, out, d);
        if (rc != STYR_OK) return rc;
    }
    return STYR_OK;
}

styr_figval styr_pubind_value(const styr_pubind *pi, int i, int prev, int k)
{
    if (!pi || i < 0 || i >= STYR_NPI || prev < 0 || prev > 1 || k < 0 || k > STYR_MAX_KOMMUNER ||
        !(prev ? pi->has_prev[i] : pi->has[i]))
        return (styr_figval){0, STYR_FV_NONE};
    int st = pi->state[i][prev][k];
    if (st != STYR_FV_OK) return (styr_figval){0, st};
    double den = pi->den[i][prev][k];
    return den > 0 ? (styr_figval){pi->num[i][prev][k] / den, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
}

styr_figval styr_pubind_area(const styr_pubind *pi, int i, int prev, const uint8_t *in, int nk)
{
    if (!pi || i < 0 || i >= STYR_NPI || prev < 0 || prev > 1 || !(prev ? pi->has_prev[i] : pi->has[i]))
        return (styr_figval){0, STYR_FV_NONE};
    double num = 0, den = 0;
    for (int k = 0; k < nk && k < STYR_MAX_KOMMUNER; k++) {
        if (!in[k]) continue;
        if (pi->state[i][prev][k] == STYR_FV_SUPPRESSED) return (styr_figval){0, STYR_FV_SUPPRESSED};
        if (pi->state[i][prev][k] != STYR_FV_OK) continue;
        num += pi->num[i][prev][k];
        den += pi->den[i][prev][k];
    }
    return den > 0 ? (styr_figval){num / den, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
}
