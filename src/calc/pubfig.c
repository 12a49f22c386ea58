/* pubfig: published a02 figures and the labour force, sorted for lookup. */
#include "pubfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/period.h"
#include "../ws/public.h"
#include "../ws/refdata.h"

#define FIG_AK STYR_NFIG /* andel_arbejdsstyrke, beside the panel's figures */
#define MAXMAP 64

const styr_figdef styr_figdef_ak = {"andel_arbejdsstyrke", "Andel af arbejdsstyrken 16-66 år",
                                    "Share of the labour force aged 16-66", "Andel ak.", "Share LF", 1, STYR_U_PCT,
                                    -1};

typedef struct pubval {
    char grp[32];  /* styr group key */
    int fig;       /* figure index, FIG_AK */
    int kommune;
    int fra, til;
    double v;
    int state;
    int label;     /* index into labels */
    char pname[16]; /* the period's canonical name */
} pubval;

typedef struct lfrow {
    int kommune, year;
    double v;
} lfrow;

struct styr_pubfig {
    pubval *v;
    size_t n, cap;
    lfrow *lf;
    size_t nlf, caplf;
    char (*labels)[96];
    size_t nlabels, caplabels;
    /* data/jobindsats.csv and data/jobindsats_maal.csv */
    char prefix[MAXMAP][8], group[MAXMAP][32];
    int nmap;
    char measure[MAXMAP][96];
    int measure_fig[MAXMAP];
    int nmeasure;
    /* the distinct spans of weeks (fra, til) of v, sorted: styr_pubfig_covers is asked for every
     * row of a query and must not scan every value */
    int (*span)[2];
    size_t nspan;
};

static int cmp_span(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

int styr_kilde_parse(const char *s, styr_kilde *out)
{
    if (!strcmp(s, "auto")) *out = STYR_KILDE_AUTO;
    else if (!strcmp(s, "panel")) *out = STYR_KILDE_PANEL;
    else if (!strcmp(s, "jobindsats")) *out = STYR_KILDE_JOBINDSATS;
    else return -1;
    return 0;
}

/* The ';'-separated lines of an embedded table after its comment and header:
 * calls fn with the first two fields. */
static void each_line(const char *name, void (*fn)(styr_pubfig *, const char *, const char *), styr_pubfig *pf)
{
    const styr_refdata_file *f = styr_refdata_find(name);
    if (!f) return;
    const char *s = (const char *)f->data, *end = s + f->size;
    int header = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        char line[256];
        size_t len = (size_t)(e - s);
        if (len && s[len - 1] == '\r') len--;
        if (len >= sizeof line) len = sizeof line - 1;
        memcpy(line, s, len);
        line[len] = 0;
        s = nl ? nl + 1 : end;
        if (!len || line[0] == '#') continue;
        if (!header++) continue;
        char *semi = strchr(line, ';');
        if (!semi) continue;
        *semi = 0;
        char *b = semi + 1, *semi2 = strchr(b, ';');
        if (semi2) *semi2 = 0;
        fn(pf, line, b);
    }
}

static void add_prefix(styr_pubfig *pf, const char *a, const char *b)
{
    if (pf->nmap >= MAXMAP || !*b) return; /* a prefix without a styr group stays public only */
    snprintf(pf->prefix[pf->nmap], sizeof pf->prefix[0], "%s", a);
    snprintf(pf->group[pf->nmap], sizeof pf->group[0], "%s", strcmp(b, "i_alt") ? b : "offentligt_forsoergede");
    pf->nmap++;
}

static void add_measure(styr_pubfig *pf, const char *a, const char *b)
{
    int fig = !strcmp(b, styr_figdef_ak.key) ? FIG_AK : styr_fig_by_key(b);
    if (pf->nmeasure >= MAXMAP || fig < 0) return;
    snprintf(pf->measure[pf->nmeasure], sizeof pf->measure[0], "%s", a);
    pf->measure_fig[pf->nmeasure++] = fig;
}

static int label_of(styr_pubfig *pf, const char *tabel, const char *hentet)
{
    char l[96];
    snprintf(l, sizeof l, "jobindsats %s, %s %s", tabel, styr_tr("hentet", "retrieved"), hentet);
    for (size_t i = 0; i < pf->nlabels; i++)
        if (!strcmp(pf->labels[i], l)) return (int)i;
    if (styr_grow(&pf->labels, &pf->caplabels, pf->nlabels + 1, sizeof *pf->labels)) return 0;
    memcpy(pf->labels[pf->nlabels], l, sizeof l);
    return (int)pf->nlabels++;
}

/* A total of a dimension as jobindsats and Statistikbanken write it */
static int total_text(const char *v, size_t n)
{
    static const char *const whole[] = {"I alt", "Total", "Alle", "IALT", "TOT"};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        if (strlen(whole[i]) == n && !strncasecmp(v, whole[i], n)) return 1;
    return n > 6 && !strncasecmp(v + n - 6, " i alt", 6);
}

/* Whether dims ("Label=Value|...") is no split at all or only totals (Køn=I
 * alt): the total as published. A part (Køn=Mænd) is never used, nor added up. */
static int only_totals(const char *dims)
{
    for (const char *p = dims; *p;) {
        const char *end = strchr(p, '|'), *eq = strchr(p, '=');
        if (!end) end = p + strlen(p);
        if (!eq || eq > end || !total_text(eq + 1, (size_t)(end - eq - 1))) return 0;
        p = *end ? end + 1 : end;
    }
    return 1;
}

static int take(const styr_pub_hit *h, void *ud)
{
    styr_pubfig *pf = ud;
    const styr_pub_row *r = &h->row;
    if (r->kommune < 0) return 0; /* RAR regions and the like are areas of their own */
    if (!only_totals(r->dims ? r->dims : "")) return 0;
    if (!strcmp(r->kilde, "statistikbanken")) {
        if (strcmp(r->tabel, "arbejdsstyrke") || r->tilstand != STYR_PUB_VALUE) return 0;
        styr_period p;
        if (styr_period_parse(r->periode, &p) || p.kind != STYR_P_YEAR) return 0;
        if (styr_grow(&pf->lf, &pf->caplf, pf->nlf + 1, sizeof *pf->lf)) return 1;
        pf->lf[pf->nlf++] = (lfrow){r->kommune, p.year, r->vaerdi};
        return 0;
    }
    size_t tl = strlen(r->tabel);
    if (tl < 4 || strcmp(r->tabel + tl - 3, "a02")) return 0;
    int g = -1, m = -1;
    for (int i = 0; i < pf->nmap && g < 0; i++)
        if (strlen(pf->prefix[i]) == tl - 3 && !strncasecmp(r->tabel, pf->prefix[i], tl - 3)) g = i;
    for (int i = 0; i < pf->nmeasure && m < 0; i++)
        if (!strcmp(r->maal, pf->measure[i])) m = i;
    if (g < 0 || m < 0) return 0;
    if (styr_grow(&pf->v, &pf->cap, pf->n + 1, sizeof *pf->v)) return 1;
    pubval *x = &pf->v[pf->n++];
    snprintf(x->grp, sizeof x->grp, "%s", pf->group[g]);
    x->fig = pf->measure_fig[m];
    x->kommune = r->kommune;
    x->fra = h->fra;
    x->til = h->til;
    x->v = r->vaerdi;
    x->state = r->tilstand == STYR_PUB_VALUE ? STYR_FV_OK
               : r->tilstand == STYR_PUB_SUPPRESSED ? STYR_FV_SUPPRESSED
                                                    : STYR_FV_NONE;
    x->label = label_of(pf, r->tabel, h->hentet);
    snprintf(x->pname, sizeof x->pname, "%s", h->periode_navn);
    return 0;
}

static int cmp_key(const pubval *a, const char *grp, int kommune, int fra, int til)
{
    int c = strcmp(a->grp, grp);
    if (c) return c;
    if (a->kommune != kommune) return a->kommune < kommune ? -1 : 1;
    if (a->fra != fra) return a->fra < fra ? -1 : 1;
    if (a->til != til) return a->til < til ? -1 : 1;
    return 0;
}

static int cmp_val(const void *x, const void *y)
{
    const pubval *a = x, *b = y;
    int c = cmp_key(a, b->grp, b->kommune, b->fra, b->til);
    return c ? c : (a->fig > b->fig) - (a->fig < b->fig);
}

styr_rc styr_pubfig_load(styr_ws *ws, styr_pubfig **out, styr_diags *d)
{
    styr_pubfig *pf = styr_xcalloc(1, sizeof *pf);
    each_line("jobindsats.csv", add_prefix, pf);
    each_line("jobindsats_maal.csv", add_measure, pf);
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    /* the totals as published (no split, or every split at its total), never a part: take() */
    styr_rc rc = styr_pub_select(ws, &f, take, pf, d);
    if (rc) {
        styr_pubfig_free(pf);
        *out = NULL;
        return rc;
    }
    if (pf->n) qsort(pf->v, pf->n, sizeof *pf->v, cmp_val);
    pf->span = styr_xmalloc((pf->n ? pf->n : 1) * sizeof *pf->span);
    for (size_t i = 0; i < pf->n; i++) pf->span[i][0] = pf->v[i].fra, pf->span[i][1] = pf->v[i].til;
    if (pf->n) qsort(pf->span, pf->n, sizeof *pf->span, cmp_span);
    for (size_t i = 0; i < pf->n; i++)
        if (!pf->nspan || cmp_span(pf->span[pf->nspan - 1], pf->span[i])) {
            pf->span[pf->nspan][0] = pf->span[i][0];
            pf->span[pf->nspan][1] = pf->span[i][1];
            pf->nspan++;
        }
    *out = pf;
    return STYR_OK;
}

void styr_pubfig_free(styr_pubfig *pf)
{
    if (!pf) return;
    free(pf->span);
    free(pf->v);
    free(pf->lf);
    free(pf->labels);
    free(pf);
}

int styr_pubfig_any(const styr_pubfig *pf) { return pf && pf->n; }

int styr_pubfig_covers(const styr_pubfig *pf, int first, int last)
{
    if (!pf || !pf->nspan) return 0;
    const int key[2] = {first, last};
    return bsearch(key, pf->span, pf->nspan, sizeof *pf->span, cmp_span) != NULL;
}

int styr_pubfig_has_group(const styr_pubfig *pf, const char *ydelse, int first, int last)
{
    for (size_t i = 0; pf && i < pf->n; i++)
        if (pf->v[i].fra == first && pf->v[i].til == last && !strcmp(pf->v[i].grp, ydelse)) return 1;
    return 0;
}

int styr_pubfig_latest(const styr_pubfig *pf, char *name, size_t cap)
{
    int best = -1;
    for (size_t i = 0; pf && i < pf->n; i++)
        if (best < 0 || pf->v[i].til > pf->v[best].til ||
            (pf->v[i].til == pf->v[best].til && pf->v[i].fra < pf->v[best].fra))
            best = (int)i;
    if (best < 0) return -1;
    snprintf(name, cap, "%s", pf->v[best].pname);
    return 0;
}

int styr_pubfig_span(const styr_pubfig *pf, int *first, int *last)
{
    if (!pf || !pf->n) return -1;
    *first = pf->v[0].fra, *last = pf->v[0].til;
    for (size_t i = 1; i < pf->n; i++) {
        if (pf->v[i].fra < *first) *first = pf->v[i].fra;
        if (pf->v[i].til > *last) *last = pf->v[i].til;
    }
    return 0;
}

int styr_pubfig_fill(const styr_pubfig *pf, const char *ydelse, int kommune, int first, int last,
                     styr_figval v[STYR_NFIG], styr_figval *ak, const char **kilde)
{
    if (!pf || !pf->n) return 0;
    size_t lo = 0, hi = pf->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_key(&pf->v[mid], ydelse, kommune, first, last) < 0) lo = mid + 1;
        else hi = mid;
    }
    if (lo == pf->n || cmp_key(&pf->v[lo], ydelse, kommune, first, last)) return 0;
    for (int f = 0; f < STYR_NFIG; f++) v[f] = (styr_figval){0, STYR_FV_NONE};
    if (ak) *ak = (styr_figval){0, STYR_FV_NONE};
    for (size_t i = lo; i < pf->n && !cmp_key(&pf->v[i], ydelse, kommune, first, last); i++) {
        styr_figval x = {pf->v[i].state == STYR_FV_OK ? pf->v[i].v : 0, pf->v[i].state};
        if (pf->v[i].fig == FIG_AK) {
            if (ak) *ak = x;
        } else {
            v[pf->v[i].fig] = x;
        }
        *kilde = pf->labels[pf->v[i].label];
    }
    return 1;
}

double styr_pubfig_labour(const styr_pubfig *pf, int kommune, int year)
{
    for (size_t i = 0; pf && i < pf->nlf; i++)
        if (pf->lf[i].kommune == kommune && pf->lf[i].year == year) return pf->lf[i].v;
    return -1;
}

styr_figval styr_pubfig_ak(styr_figval fuldtid, double labour)
{
    if (!(labour > 0)) return (styr_figval){0, STYR_FV_NONE};
    if (fuldtid.state != STYR_FV_OK) return (styr_figval){0, fuldtid.state};
    return (styr_figval){100.0 * fuldtid.v / labour, STYR_FV_OK};
}
