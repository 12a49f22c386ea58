/* serve: routing, access, caching and hardening around libmicrohttpd. */
#define _GNU_SOURCE
#include "serve.h"
#include "url.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <sqlite3.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../calc/figures.h"
#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/period.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/report.h"
#include "../out/svg.h"
#include "../cmd/cli.h"
#include "../ws/catalog.h"
#include "../ws/workspace.h"

#define CACHE_MAX 1024

extern const char styr_app_js[];

typedef struct entry {
    char *key;
    struct MHD_Response *ok, *not_modified;
    char etag[40];
    int status;
} entry;

struct styr_server {
    struct MHD_Daemon *d;
    char *ws;
    const styr_tokens *tokens;
    int port, own;
    uint64_t checksum;
    styr_codes *codes;
    pthread_mutex_t run, cache_mu;
    entry *cache;
    size_t ncache;
    double checked;               /* when the catalog's panel checksum was last read */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The catalog's current panel checksum (0 when it cannot be read). */
static uint64_t catalog_checksum(const char *ws)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/katalog.sqlite", ws);
    sqlite3 *db;
    sqlite3_stmt *st;
    uint64_t sum = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'panel_checksum'", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) sum = strtoull((const char *)sqlite3_column_text(st, 0), NULL, 16);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return sum;
}

/* At most every two seconds: when an import has installed another panel,
 * forget every answer (they were made from the old one). */
static void refresh(styr_server *s)
{
    double t = now_s();
    pthread_mutex_lock(&s->cache_mu);
    int due = t - s->checked >= 2.0;
    if (due) s->checked = t;
    pthread_mutex_unlock(&s->cache_mu);
    if (!due) return;
    uint64_t sum = catalog_checksum(s->ws);
    if (!sum) return;
    pthread_mutex_lock(&s->cache_mu);
    if (sum != s->checksum) {
        for (size_t i = 0; i < s->ncache; i++) {
            MHD_destroy_response(s->cache[i].ok);
            MHD_destroy_response(s->cache[i].not_modified);
            free(s->cache[i].key);
        }
        s->ncache = 0;
        s->checksum = sum;
    }
    pthread_mutex_unlock(&s->cache_mu);
}

/* ---- responses ------------------------------------------------------------------------------ */

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; "
                          "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

static void security_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
}

static enum MHD_Result send_body(struct MHD_Connection *c, int status, const char *type, const char *body, size_t n,
                                 const char *extra_name, const char *extra_value)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (extra_name) MHD_add_response_header(r, extra_name, extra_value);
    security_headers(r);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

/* A JSON error with a Danish message (API) or a small page (elsewhere). */
static enum MHD_Result fail(struct MHD_Connection *c, int api, int status, const char *msg)
{
    char *body = NULL;
    if (api) {
        json_t *o = json_object();
        json_object_set_new(o, "fejl", json_string(msg));
        json_object_set_new(o, "status", json_integer(status));
        body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        enum MHD_Result r = send_body(c, status, "application/json; charset=utf-8", body, strlen(body),
                                      status == 405 ? "Allow" : NULL, "GET, HEAD");
        free(body);
        return r;
    }
    size_t n = 0;
    FILE *f = open_memstream(&body, &n);
    fprintf(f, "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>%d</title></head><body><h1>%d</h1><p>",
            status, status);
    styr_html_text(f, msg);
    fprintf(f, "</p></body></html>\n");
    fclose(f);
    enum MHD_Result r = send_body(c, status, "text/html; charset=utf-8", body, n, status == 405 ? "Allow" : NULL, "GET, HEAD");
    free(body);
    return r;
}

/* ---- the cache -------------------------------------------------------------------------------- */

static entry *cache_find(styr_server *s, const char *key)
{
    for (size_t i = 0; i < s->ncache; i++)
        if (!strcmp(s->cache[i].key, key)) return &s->cache[i];
    return NULL;
}

static enum MHD_Result send_entry(struct MHD_Connection *c, const entry *e)
{
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    if (inm && !strcmp(inm, e->etag)) return MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, e->not_modified);
    return MHD_queue_response(c, (unsigned)e->status, e->ok);
}

/* Store body under key (the cache takes body) and answer with it. */
static enum MHD_Result cache_put_send(styr_server *s, struct MHD_Connection *c, const char *key, const char *type,
                                      char *body, size_t n)
{
    pthread_mutex_lock(&s->cache_mu);
    entry *e = cache_find(s, key);
    if (!e) {
        if (s->ncache == CACHE_MAX) { /* full: drop the oldest half */
            for (size_t i = 0; i < CACHE_MAX / 2; i++) {
                MHD_destroy_response(s->cache[i].ok);
                MHD_destroy_response(s->cache[i].not_modified);
                free(s->cache[i].key);
            }
            memmove(s->cache, s->cache + CACHE_MAX / 2, (CACHE_MAX - CACHE_MAX / 2) * sizeof *s->cache);
            s->ncache -= CACHE_MAX / 2;
        }
        e = &s->cache[s->ncache];
        memset(e, 0, sizeof *e);
        e->key = styr_xstrdup(key);
        e->status = MHD_HTTP_OK;
        snprintf(e->etag, sizeof e->etag, "\"%016llx-%08x\"", (unsigned long long)s->checksum,
                 (unsigned)XXH3_64bits(key, strlen(key)));
        e->ok = MHD_create_response_from_buffer(n, body, MHD_RESPMEM_MUST_FREE);
        body = NULL;
        e->not_modified = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        struct MHD_Response *rs[2] = {e->ok, e->not_modified};
        for (int i = 0; i < 2; i++) {
            MHD_add_response_header(rs[i], "ETag", e->etag);
            MHD_add_response_header(rs[i], "Cache-Control", "private, no-cache");
            security_headers(rs[i]);
        }
        MHD_add_response_header(e->ok, "Content-Type", type);
        s->ncache++;
    }
    enum MHD_Result r = send_entry(c, e);
    pthread_mutex_unlock(&s->cache_mu);
    free(body);
    return r;
}

/* ---- requests: checks and parameters ------------------------------------------------------ */

static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls, (void)c;
    return styr_url_unescape(s);
}

static const char *arg(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct req {
    styr_server *s;
    struct MHD_Connection *c;
    int api;
    int scope, scope_kommune;
} req;

/* The municipality code in text, or 0 when it is not one of the workspace's. */
static int kommune_of(const styr_server *s, const char *t)
{
    if (!t || !*t || strlen(t) > 3) return 0;
    int v = 0;
    for (const char *p = t; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        v = v * 10 + (*p - '0');
    }
    return v > 0 && v < 1000 && s->codes->kom_idx[v] >= 0 ? v : 0;
}

/* May this request see municipality k? 1 yes; else an answer was sent (*ret). */
static int allowed(req *q, int k, enum MHD_Result *ret)
{
    if (q->scope == STYR_SCOPE_ALL || (q->scope == STYR_SCOPE_KOMMUNE && q->scope_kommune == k)) return 1;
    if (q->scope == STYR_SCOPE_NONE && q->s->own && k == q->s->own) return 1; /* the workspace's own, suppressed */
    *ret = fail(q->c, q->api, q->scope == STYR_SCOPE_NONE ? MHD_HTTP_UNAUTHORIZED : MHD_HTTP_FORBIDDEN,
                q->scope == STYR_SCOPE_NONE ? "Denne kommune kræver et token (Authorization: Bearer ...)."
                                            : "Dit token giver ikke adgang til denne kommune.");
    return 0;
}

/* ---- running a command with its output captured -------------------------------------------- */

static int run_command(styr_server *s, int own, int argc, char **argv, char **out, size_t *n)
{
    const styr_cmd *cmd = NULL;
    for (const styr_cmd *c = styr_commands; c->name; c++)
        if (!strcmp(c->name, argv[0])) cmd = c;
    if (!cmd) return -1;
    pthread_mutex_lock(&s->run);
    *out = NULL;
    *n = 0;
    FILE *f = open_memstream(out, n);
    styr_dest_capture(f);
    styr_ws_override_own(own);
    styr_cli cli = {.ws = s->ws};
    snprintf(cli.command, sizeof cli.command, "styr serve: %s", argv[0]);
    int e = cmd->fn(&cli, argc, argv);
    styr_ws_override_own(-1);
    styr_dest_capture(NULL);
    fclose(f);
    pthread_mutex_unlock(&s->run);
    if (e) {
        free(*out);
        *out = NULL;
    }
    return e;
}

/* argv for a command: the name, then -w and the given pairs, then --intern when granted. */
typedef struct args { char *v[40]; int n; char buf[2048]; size_t o; } args;

static void push(args *a, const char *s)
{
    size_t l = strlen(s) + 1;
    if (a->n >= 38 || a->o + l > sizeof a->buf) return;
    memcpy(a->buf + a->o, s, l);
    a->v[a->n++] = a->buf + a->o;
    a->o += l;
}

static enum MHD_Result api_command(req *q, const char *key, args *a, int own)
{
    char *body;
    size_t n;
    a->v[a->n] = NULL;
    int e = run_command(q->s, own, a->n, a->v, &body, &n);
    if (e) return fail(q->c, 1, e == STYR_EXIT_USAGE ? 400 : 500,
                       e == STYR_EXIT_USAGE ? "Ugyldig forespørgsel: tjek kommune, ydelse, periode og figur."
                                            : "Tallene kunne ikke beregnes.");
    return cache_put_send(q->s, q->c, key, "application/json; charset=utf-8", body, n);
}

/* ---- the API --------------------------------------------------------------------------------- */

static enum MHD_Result api_kommuner(req *q, const char *key)
{
    const styr_codes *c = q->s->codes;
    json_t *a = json_array();
    for (int k = 0; k < c->dict.nkom; k++) {
        json_t *o = json_object();
        json_object_set_new(o, "kommune", json_integer(c->dict.kom[k]));
        json_object_set_new(o, "kommunenavn", json_string(c->kom_name[k]));
        json_object_set_new(o, "region", json_string(c->kom_region[k]));
        json_array_append_new(a, o);
    }
    char *body = json_dumps(a, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(a);
    return cache_put_send(q->s, q->c, key, "application/json; charset=utf-8", body, strlen(body));
}

static enum MHD_Result api_klynger(req *q, const char *key)
{
    const char *aar = arg(q->c, "aar");
    int year = aar ? atoi(aar) : 0;
    if (aar && (year < 1990 || year > 2099)) return fail(q->c, 1, 400, "aar skal være et år, fx 2024.");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_clusters cl;
    pthread_mutex_lock(&q->s->run);
    styr_rc rc = styr_ws_open(q->s->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_cat_clusters(ws, year ? year : 2099, &cl, &d);
    styr_ws_close(ws);
    pthread_mutex_unlock(&q->s->run);
    styr_diags_free(&d);
    if (rc) return fail(q->c, 1, 500, "Klyngerne kunne ikke læses.");
    const styr_codes *c = q->s->codes;
    json_t *o = json_object(), *a = json_array();
    json_object_set_new(o, "aar", json_integer(cl.year));
    for (int i = 0; i < cl.n; i++) {
        json_t *x = json_object(), *m = json_array();
        json_object_set_new(x, "klynge", json_string(cl.name[i]));
        for (int k = 0; k < c->dict.nkom; k++)
            if (cl.of[k] == i) json_array_append_new(m, json_integer(c->dict.kom[k]));
        json_object_set_new(x, "kommuner", m);
        json_array_append_new(a, x);
    }
    json_object_set_new(o, "klynger", a);
    char *body = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(o);
    return cache_put_send(q->s, q->c, key, "application/json; charset=utf-8", body, strlen(body));
}

/* The common parameters: kommune (required unless national), ydelse, periode. */
static int common(req *q, args *a, const char *cmd, int need_kommune, int allow_land, int *own, enum MHD_Result *ret)
{
    const char *ks = arg(q->c, "kommune");
    int k = kommune_of(q->s, ks);
    *own = -1;
    push(a, cmd);
    push(a, "-w");
    push(a, q->s->ws);
    if (ks && allow_land && !strcmp(ks, "land")) {
        push(a, "--kommune");
        push(a, "land");
    } else if (need_kommune) {
        if (!ks) k = q->s->own;
        if (!k) {
            *ret = fail(q->c, 1, 400, "kommune skal være en af de 98 kommunekoder, fx kommune=461.");
            return 0;
        }
        if (!allowed(q, k, ret)) return 0;
        char b[8];
        snprintf(b, sizeof b, "%d", k);
        push(a, "--kommune");
        push(a, b);
        if (q->scope == STYR_SCOPE_KOMMUNE && q->scope_kommune == k) {
            *own = k;
            push(a, "--intern");
        }
    }
    const char *per = arg(q->c, "periode");
    if (per) {
        styr_period p;
        if (strlen(per) > 24 || (styr_period_parse(per, &p) && !strstr(per, ".."))) {
            *ret = fail(q->c, 1, 400, "periode skal være fx 2024, 2024K2, 2024M03 eller 2024M03R12.");
            return 0;
        }
        push(a, "--periode");
        push(a, per);
    }
    return 1;
}

static enum MHD_Result api(req *q, const char *what, const char *key)
{
    enum MHD_Result ret = MHD_NO;
    args a = {0};
    int own;
    if (!strcmp(what, "kommuner")) return api_kommuner(q, key);
    if (!strcmp(what, "klynger")) return api_klynger(q, key);
    static const struct { const char *path, *cmd; int kommune, land; const char *pass[4]; } map[] = {
        {"figurer", "figures", 1, 1, {"ydelse", 0}},
        {"sammenlign", "compare", 1, 0, {"ydelse", "figur", 0}},
        {"scorecard", "scorecard", 1, 0, {"ydelse", 0}},
        {"maal", "goals", 1, 0, {0}},
        {"oekonomi", "money", 1, 1, {"ydelse", "regime", 0}},
        {"profil", "profil", 1, 0, {0}},
        {"effekt", "effect", 0, 0, {"ydelse", "tilbud", 0}},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        if (strcmp(what, map[i].path)) continue;
        if (!common(q, &a, map[i].cmd, map[i].kommune, map[i].land, &own, &ret)) return ret;
        if (!strcmp(map[i].cmd, "goals")) { /* goals take the sub-command first */
            memmove(a.v + 2, a.v + 1, (size_t)(a.n - 1) * sizeof *a.v);
            a.v[1] = "opfoelgning";
            a.n++;
            for (int j = 2; j < a.n; j++)
                if (!strcmp(a.v[j], "--periode")) a.n = j; /* goals follow their own years */
        }
        for (int j = 0; map[i].pass[j]; j++) {
            const char *v = arg(q->c, map[i].pass[j]);
            if (!v) continue;
            if (strlen(v) > 200) return fail(q->c, 1, 400, "En parameter er for lang.");
            char opt[32];
            snprintf(opt, sizeof opt, "--%s", map[i].pass[j]);
            push(&a, opt);
            push(&a, v);
        }
        push(&a, "--format");
        push(&a, "json");
        return api_command(q, key, &a, own);
    }
    return fail(q->c, 1, 404, "Ukendt API-adresse. Se /api/v1/kommuner, figurer, sammenlign, scorecard, maal, oekonomi, effekt.");
}

/* ---- pages ------------------------------------------------------------------------------------ */

/* A page's command for municipality k: the name, -w, --kommune and, for the
 * municipality's own token, --intern; returns the municipality to treat as
 * the workspace's own (-1: the workspace's). */
static int start_page(req *q, args *a, const char *cmd, int k)
{
    char b[8];
    snprintf(b, sizeof b, "%d", k);
    push(a, cmd);
    push(a, "-w");
    push(a, q->s->ws);
    push(a, "--kommune");
    push(a, b);
    if (q->scope == STYR_SCOPE_KOMMUNE && q->scope_kommune == k) {
        push(a, "--intern");
        return k;
    }
    return -1;
}

static enum MHD_Result page_overview(req *q, int k, const char *key)
{
    enum MHD_Result ret;
    if (!allowed(q, k, &ret)) return ret;
    args a = {0};
    int own = start_page(q, &a, "report", k);
    push(&a, "--dashboard");
    push(&a, "--effekt"); /* one more pass on the first request; the page is cached */
    const char *per = arg(q->c, "periode");
    styr_period p;
    if (per && *per) {
        if (strlen(per) > 24 || styr_period_parse(per, &p)) return fail(q->c, 0, 400, "Ugyldig periode.");
        push(&a, "--periode");
        push(&a, per);
    }
    a.v[a.n] = NULL;
    char *body;
    size_t n;
    int e = run_command(q->s, own, a.n, a.v, &body, &n);
    if (e) return fail(q->c, 0, e == STYR_EXIT_USAGE ? 400 : 500, "Siden kunne ikke dannes.");
    return cache_put_send(q->s, q->c, key, "text/html; charset=utf-8", body, n);
}

static enum MHD_Result page_cluster(req *q, int k, const char *key)
{
    enum MHD_Result ret;
    if (!allowed(q, k, &ret)) return ret;
    args a = {0};
    int own = start_page(q, &a, "compare", k);
    const char *names[] = {"figur", "ydelse", "periode"};
    for (int i = 0; i < 3; i++) {
        const char *v = arg(q->c, names[i]);
        if (!v || !*v) continue;
        if (strlen(v) > 64) return fail(q->c, 0, 400, "En parameter er for lang.");
        char opt[16];
        snprintf(opt, sizeof opt, "--%s", names[i]);
        push(&a, opt);
        push(&a, v);
    }
    push(&a, "--format");
    push(&a, "json");
    a.v[a.n] = NULL;
    char *js;
    size_t jn;
    int e = run_command(q->s, own, a.n, a.v, &js, &jn);
    if (e) return fail(q->c, 0, e == STYR_EXIT_USAGE ? 400 : 500, "Ugyldig figur, ydelse eller periode.");
    json_t *o = json_loadb(js, jn, 0, NULL);
    free(js);
    if (!o) return fail(q->c, 0, 500, "Siden kunne ikke dannes.");
    const char *fig = json_string_value(json_object_get(o, "figur"));
    int fi = fig ? styr_fig_by_key(fig) : -1;
    static const styr_figdef kr = {"", "Kroner", "Kroner", "", "", 0, STYR_U_KR, -1};
    const styr_figdef *def = fi >= 0 ? &styr_figdefs[fi] : &kr;
    json_t *mem = json_object_get(o, "kommuner");
    size_t nm = json_array_size(mem);
    const char *labels[STYR_MAX_KOMMUNER];
    styr_figval v[STYR_MAX_KOMMUNER];
    int own_i = -1, m = 0;
    for (size_t i = 0; i < nm && m < STYR_MAX_KOMMUNER; i++, m++) {
        json_t *x = json_array_get(mem, i), *val = json_object_get(x, "vaerdi");
        labels[m] = json_string_value(json_object_get(x, "kommunenavn"));
        v[m] = json_is_number(val) ? (styr_figval){json_number_value(val), STYR_FV_OK}
                                   : (styr_figval){0, json_is_true(json_object_get(x, "diskretion")) ? STYR_FV_SUPPRESSED : STYR_FV_NONE};
        if (json_integer_value(json_object_get(x, "kommune")) == k) own_i = m;
    }
    json_t *lv = json_object_get(o, "klynge_niveau");
    styr_figval level = json_is_number(lv) ? (styr_figval){json_number_value(lv), STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
    const char *periode = json_string_value(json_object_get(o, "periode"));
    char *body = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&body, &n);
    char title[256];
    snprintf(title, sizeof title, "%s: %s, %s", q->s->codes->kom_name[q->s->codes->kom_idx[k]], def->da, periode ? periode : "");
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
               "content=\"width=device-width, initial-scale=1\"><title>");
    styr_html_text(f, title);
    fprintf(f, "</title><script src=\"/static/app.js\" defer></script><style>body{font-family:'DejaVu Sans',Arial,"
               "sans-serif;max-width:980px;margin:0 auto;padding:16px}nav.bar{background:#123a5c;color:#fff;padding:8px "
               "12px;margin:-16px -16px 16px}nav.bar a{color:#fff;margin-left:12px}svg.chart{width:100%%;height:auto;"
               "max-width:640px}svg text{font-size:11px;fill:#333}svg .grid{stroke:#e3e3e3}svg .level{stroke:#333;"
               "stroke-dasharray:6 4}svg .dot{fill:#6f9bd1}svg .dot.own{fill:#c0392b}svg .name.own,svg .ownlabel{"
               "font-weight:bold;fill:#c0392b}td.n{text-align:right}table{border-collapse:collapse}td,th{padding:3px 8px;"
               "border-bottom:1px solid #ddd}@media print{nav.bar{display:none}}</style></head><body>\n");
    styr_web_nav(f, q->s->codes, k, periode ? periode : "");
    fprintf(f, "<h1>");
    styr_html_text(f, title);
    fprintf(f, "</h1>\n");
    char id[96];
    snprintf(id, sizeof id, "klynge-%s", def->key);
    styr_svg_scatter(f, id, title, def, labels, v, m, own_i, level, "Klyngen");
    fprintf(f, "<table><thead><tr><th>Plac.</th><th>Kommune</th><th>Værdi</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < nm; i++) {
        json_t *x = json_array_get(mem, i), *pl = json_object_get(x, "placering");
        char t[64];
        fprintf(f, "<tr><td class=\"n\">");
        if (json_is_integer(pl)) fprintf(f, "%lld", (long long)json_integer_value(pl));
        fprintf(f, "</td><td>");
        styr_html_text(f, labels[i] ? labels[i] : "");
        fprintf(f, "</td><td class=\"n\" data-kommune=\"%lld\">%s</td></tr>\n",
                (long long)json_integer_value(json_object_get(x, "kommune")), styr_fig_text(t, sizeof t, def, v[i]));
    }
    char t[64];
    fprintf(f, "<tr><th></th><th>Klyngens niveau</th><th class=\"n\">%s</th></tr></tbody></table>\n",
            styr_fig_text(t, sizeof t, def, level));
    fprintf(f, "<p>.. = diskretion: tallet hviler på færre end 5 personer.</p></body></html>\n");
    fclose(f);
    json_decref(o);
    return cache_put_send(q->s, q->c, key, "text/html; charset=utf-8", body, n);
}

/* ---- the handler ------------------------------------------------------------------------------ */

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version, (void)upload;
    styr_server *s = cls;
    int api_path = !strncmp(url, "/api/", 5);
    if (!*state) { /* the first call: headers only */
        *state = (void *)1;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (strcmp(method, "GET") && strcmp(method, "HEAD")) return fail(c, api_path, MHD_HTTP_METHOD_NOT_ALLOWED, "Kun GET og HEAD.");
        if ((cl && strcmp(cl, "0")) || MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
            return fail(c, api_path, 413, "Forespørgsler må ikke have et indhold.");
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return fail(c, api_path, 413, "Forespørgsler må ikke have et indhold.");
    }
    if (styr_url_bad_path(url)) return fail(c, api_path, MHD_HTTP_BAD_REQUEST, "Ugyldig adresse.");
    /* every argument must have decoded cleanly */
    static const char *params[] = {"kommune", "ydelse", "periode", "figur", "tilbud", "regime", "aar", "token"};
    for (size_t i = 0; i < sizeof params / sizeof *params; i++) {
        const char *v = arg(c, params[i]);
        if (v && (strchr(v, 1) || strlen(v) > 256)) return fail(c, api_path, MHD_HTTP_BAD_REQUEST, "Ugyldig parameter.");
    }
    req q = {s, c, api_path, STYR_SCOPE_NONE, 0};
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    const char *tok = arg(c, "token");
    if (auth) {
        if (strncmp(auth, "Bearer ", 7)) return fail(c, api_path, MHD_HTTP_UNAUTHORIZED, "Brug Authorization: Bearer TOKEN.");
        tok = auth + 7;
    }
    if (tok && *tok) {
        int bad;
        q.scope = styr_tokens_scope(s->tokens, tok, strlen(tok), &q.scope_kommune, &bad);
        if (bad) return fail(c, api_path, MHD_HTTP_UNAUTHORIZED, "Ukendt token.");
    }
    /* the cache key: path, the known parameters, the access */
    char key[2048];
    int o = snprintf(key, sizeof key, "%s", url);
    for (size_t i = 0; i + 1 < sizeof params / sizeof *params && o < (int)sizeof key; i++) {
        const char *v = arg(c, params[i]);
        if (v) o += snprintf(key + o, sizeof key - (size_t)o, "&%s=%s", params[i], v);
    }
    if (o < (int)sizeof key) snprintf(key + o, sizeof key - (size_t)o, "|%d:%d", q.scope, q.scope_kommune);
    refresh(s);
    pthread_mutex_lock(&s->cache_mu);
    entry *e = cache_find(s, key);
    if (e) {
        enum MHD_Result r = send_entry(c, e);
        pthread_mutex_unlock(&s->cache_mu);
        return r;
    }
    pthread_mutex_unlock(&s->cache_mu);

    if (api_path) {
        if (strncmp(url, "/api/v1/", 8) || strchr(url + 8, '/')) return fail(c, 1, 404, "Ukendt API-adresse.");
        return api(&q, url + 8, key);
    }
    if (!strcmp(url, "/static/app.js")) {
        char *body = styr_xstrdup(styr_app_js);
        return cache_put_send(s, c, key, "text/javascript; charset=utf-8", body, strlen(body));
    }
    if (!strcmp(url, "/") || !strcmp(url, "/vis")) {
        const char *ks = arg(c, "kommune");
        int k = ks ? kommune_of(s, ks) : s->own ? s->own : s->codes->dict.kom[0];
        if (!k) return fail(c, 0, 400, "Ukendt kommune.");
        char loc[512];
        int n = snprintf(loc, sizeof loc, "/kommune/%d", k);
        const char *per = arg(c, "periode");
        styr_period p;
        char sep = '?';
        if (per && *per && strlen(per) < 24 && !styr_period_parse(per, &p)) n += snprintf(loc + n, sizeof loc - (size_t)n, "%cperiode=%s", sep, p.name), sep = '&';
        if (tok && *tok && !auth && strlen(tok) <= 128) snprintf(loc + n, sizeof loc - (size_t)n, "%ctoken=%s", sep, tok);
        return send_body(c, MHD_HTTP_FOUND, "text/plain; charset=utf-8", "", 0, "Location", loc);
    }
    if (!strncmp(url, "/kommune/", 9)) {
        const char *rest = url + 9, *slash = strchr(rest, '/');
        char kb[8] = {0};
        size_t kl = slash ? (size_t)(slash - rest) : strlen(rest);
        if (kl >= sizeof kb) return fail(c, 0, 404, "Ukendt kommune.");
        memcpy(kb, rest, kl);
        int k = kommune_of(s, kb);
        if (!k) return fail(c, 0, 404, "Ukendt kommune.");
        if (!slash) return page_overview(&q, k, key);
        if (!strcmp(slash, "/klynge")) return page_cluster(&q, k, key);
    }
    return fail(c, 0, MHD_HTTP_NOT_FOUND, "Siden findes ikke.");
}

/* ---- start and stop --------------------------------------------------------------------------- */

static int parse_listen(const char *l, struct sockaddr_storage *sa, socklen_t *len)
{
    char host[128];
    const char *colon = strrchr(l, ':');
    if (!colon || colon == l || (size_t)(colon - l) >= sizeof host) return -1;
    memcpy(host, l, (size_t)(colon - l));
    host[colon - l] = 0;
    char *h = host;
    if (h[0] == '[' && h[strlen(h) - 1] == ']') h[strlen(h) - 1] = 0, h++;
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535) return -1;
    struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM}, *res;
    char ps[8];
    snprintf(ps, sizeof ps, "%ld", port);
    if (getaddrinfo(h, ps, &hints, &res)) return -1;
    memcpy(sa, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

styr_rc styr_serve_start(const styr_serve_opts *o, styr_server **out, styr_diags *d)
{
    *out = NULL;
    struct sockaddr_storage sa;
    socklen_t salen;
    if (parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &sa, &salen))
        return styr_diag_sys(d, STYR_EUSAGE, "--listen: %s", o->listen);
    styr_server *s = styr_xcalloc(1, sizeof *s);
    s->ws = styr_xstrdup(o->ws);
    s->tokens = o->tokens;
    s->codes = styr_xmalloc(sizeof *s->codes);
    s->cache = styr_xcalloc(CACHE_MAX, sizeof *s->cache);
    pthread_mutex_init(&s->run, NULL);
    pthread_mutex_init(&s->cache_mu, NULL);
    styr_ws *ws;
    const styr_panel *p;
    styr_rc rc = styr_ws_open(o->ws, STYR_WS_READ, &ws, d);
    if (!rc && !(rc = styr_ws_panel(ws, &p, d))) {
        *s->codes = *styr_ws_codes(ws);
        s->own = styr_ws_egen_kommune(ws);
        s->checksum = styr_panel_checksum(p);
        s->checked = now_s();
    }
    styr_ws_close(ws);
    if (rc) {
        styr_serve_stop(s);
        return rc;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    if (sa.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    s->d = MHD_start_daemon(flags, 0, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 2),
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)512, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
                            (unsigned)0, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
    if (!s->d) {
        styr_serve_stop(s);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", o->listen ? o->listen : "127.0.0.1:8080",
                             styr_tr("kan ikke lytte (optaget?)", "cannot listen (in use?)"));
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : 0;
    *out = s;
    return STYR_OK;
}

int styr_serve_port(const styr_server *s) { return s->port; }

void styr_serve_stop(styr_server *s)
{
    if (!s) return;
    if (s->d) MHD_stop_daemon(s->d);
    for (size_t i = 0; i < s->ncache; i++) {
        MHD_destroy_response(s->cache[i].ok);
        MHD_destroy_response(s->cache[i].not_modified);
        free(s->cache[i].key);
    }
    free(s->cache);
    free(s->codes);
    free(s->ws);
    pthread_mutex_destroy(&s->run);
    pthread_mutex_destroy(&s->cache_mu);
    free(s);
}
