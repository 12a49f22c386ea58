/* serve: routing, access, caching and hardening around libmicrohttpd.
 *
 * Threads: libmicrohttpd's pool answers every request it can without the
 * engine (cache hits, errors, redirects). A request that needs a command is a
 * job: it goes on a bounded queue, its connection is suspended, and the one
 * engine thread runs the jobs in turn (commands share per-process state, so
 * they do not run side by side; light jobs wait before heavy ones) and resumes
 * the connection with the result.
 * A job that waits longer than QUEUE_WAIT, or finds the queue full, is
 * answered 503. A watchdog closes connections whose request header has not
 * arrived within HEADER_DEADLINE, however slowly it trickles in. */
#define _GNU_SOURCE
#include "serve.h"
#include "url.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../calc/figures.h"
#include "../calc/money.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/period.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/report.h"
#include "../out/svg.h"
#include "../cmd/cli.h"
#include "../cmd/select.h"
#include "../ws/catalog.h"
#include "../ws/workspace.h"

#define CACHE_MAX 1024                   /* answers kept */
#define CACHE_BYTES ((size_t)64 << 20)   /* their bodies together */
#define CACHE_ONE ((size_t)2 << 20)      /* a larger answer is sent but not kept */
#define MAX_BODY ((size_t)8 << 20)       /* a larger answer is refused (413) */
#define MAX_PARAMS 16                    /* query parameters of one request */
#define MAX_PERIODS 120                  /* periods of one request */
#define MAX_CELLS 2000                   /* periods x municipalities x groups of one request */
#define QUEUE_MAX 64                     /* jobs waiting for the engine */
#define QUEUE_WAIT 15.0                  /* seconds a job may wait for the engine */
#define HEADER_DEADLINE 10.0             /* seconds for a request's header to arrive */
#define PER_IP 64                        /* connections from one client address */
#define CONN_MAX 4096                    /* connections in all */

extern const char styr_app_js[];

typedef struct entry {
    char *key;
    uint64_t hash;                /* of key: a scan compares these first */
    struct MHD_Response *ok, *not_modified;
    char etag[40];
    int status;
    size_t bytes;
} entry;

/* A request waiting for the engine. The handler makes it, the engine thread
 * fills in the result and resumes the connection; the request-completed
 * callback frees it. */
typedef enum { J_API, J_OVERVIEW, J_CLUSTER, J_KLYNGER } job_kind;
typedef struct args { char *v[40]; int n; char buf[2048]; size_t o; } args;
typedef struct job {
    struct job *next;
    struct MHD_Connection *c;
    job_kind kind;
    args a;
    int own, k, year, api;
    int scope, scope_kommune;   /* the request's access (the pages' municipality list) */
    int heavy;      /* many periods or the overview page: queued behind the light jobs */
    double deadline;
    char key[2048];
    /* the result */
    int busy;       /* not run: the queue was full or the wait too long */
    int hit;        /* another job made the answer meanwhile: it is in the cache */
    int e;          /* the command's exit code */
    char *out;
    size_t n;
} job;

/* A connection, for the header deadline. */
typedef struct conn {
    struct conn *prev, *next;
    int fd;
    atomic_int waiting;        /* 1 while a request header is expected */
    atomic_llong since_ms;     /* since when */
} conn;

struct styr_server {
    struct MHD_Daemon *d;
    char *ws;
    const styr_tokens *tokens;
    int port, own;
    atomic_uint synthetic;        /* styr_catalog_synthetic of the current panel */
    _Atomic uint64_t synth_sum;   /* the panel it was read for (a busy workspace is read again later) */
    uint64_t checksum;
    char nodata[200];             /* the answer for a period outside the panel, naming its span */
    styr_codes *codes;
    pthread_mutex_t cache_mu;
    entry *cache;
    size_t ncache, cache_bytes;
    double checked;               /* when the catalog's panel checksum was last read */
    /* the engine thread and its queue */
    pthread_t engine;
    pthread_mutex_t q_mu;
    pthread_cond_t q_cv;
    job *head, *tail;
    int queued, quit, engine_up;
    /* the header watchdog */
    pthread_t watchdog;
    pthread_mutex_t w_mu;
    pthread_cond_t w_cv;
    conn *conns;
    int w_quit, watchdog_up;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long long now_ms(void) { return (long long)(now_s() * 1000.0); }

/* Forget the n oldest answers (cache_mu held). */
static void cache_drop(styr_server *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        MHD_destroy_response(s->cache[i].ok);
        MHD_destroy_response(s->cache[i].not_modified);
        free(s->cache[i].key);
        s->cache_bytes -= s->cache[i].bytes;
    }
    memmove(s->cache, s->cache + n, (s->ncache - n) * sizeof *s->cache);
    s->ncache -= n;
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
        cache_drop(s, s->ncache);
        s->checksum = sum;
    }
    pthread_mutex_unlock(&s->cache_mu);
    if (atomic_load(&s->synth_sum) != sum) { /* an import may have made the data synthetic (or real) */
        styr_diags d;
        styr_diags_init(&d);
        styr_ws *ws = NULL;
        if (!styr_ws_open(s->ws, STYR_WS_READ, &ws, &d)) {
            atomic_store(&s->synthetic, styr_catalog_synthetic(ws));
            atomic_store(&s->synth_sum, sum);
        }
        styr_ws_close(ws);
        styr_diags_free(&d);
    }
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

/* A JSON error with a Danish message (API) or a small page (elsewhere); param,
 * when given, names the parameter at fault ("parameter" in the JSON). */
static enum MHD_Result fail_param(struct MHD_Connection *c, int api, int status, const char *msg, const char *param)
{
    char *body = NULL;
    const char *xn = status == 405 ? "Allow" : status == 503 ? "Retry-After" : NULL;
    const char *xv = status == 405 ? "GET, HEAD" : "5";
    if (api) {
        json_t *o = json_object();
        json_object_set_new(o, "fejl", json_string(msg));
        json_object_set_new(o, "status", json_integer(status));
        if (param) json_object_set_new(o, "parameter", json_string(param));
        body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        enum MHD_Result r = send_body(c, status, "application/json; charset=utf-8", body, strlen(body), xn, xv);
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
    enum MHD_Result r = send_body(c, status, "text/html; charset=utf-8", body, n, xn, xv);
    free(body);
    return r;
}

static enum MHD_Result fail(struct MHD_Connection *c, int api, int status, const char *msg)
{
    return fail_param(c, api, status, msg, NULL);
}

/* ---- the cache -------------------------------------------------------------------------------- */

static entry *cache_find(styr_server *s, const char *key)
{
    uint64_t h = XXH3_64bits(key, strlen(key));
    for (size_t i = 0; i < s->ncache; i++)
        if (s->cache[i].hash == h && !strcmp(s->cache[i].key, key)) return &s->cache[i];
    return NULL;
}

static enum MHD_Result send_entry(struct MHD_Connection *c, const entry *e)
{
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    if (inm && !strcmp(inm, e->etag)) return MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, e->not_modified);
    return MHD_queue_response(c, (unsigned)e->status, e->ok);
}

/* Answer from the cache; MHD_NO in *found when key is not there. */
static enum MHD_Result cache_send(styr_server *s, struct MHD_Connection *c, const char *key, int *found)
{
    enum MHD_Result r = MHD_NO;
    pthread_mutex_lock(&s->cache_mu);
    entry *e = cache_find(s, key);
    *found = e != NULL;
    if (e) r = send_entry(c, e);
    pthread_mutex_unlock(&s->cache_mu);
    return r;
}

/* Store body under key (the cache takes body) and answer with it. An answer
 * larger than CACHE_ONE is sent without being kept; the oldest answers go
 * when there are CACHE_MAX or their bodies pass CACHE_BYTES. */
static enum MHD_Result cache_put_send(styr_server *s, struct MHD_Connection *c, const char *key, const char *type,
                                      char *body, size_t n)
{
    if (n > CACHE_ONE) {
        enum MHD_Result r = send_body(c, MHD_HTTP_OK, type, body, n, NULL, NULL);
        free(body);
        return r;
    }
    pthread_mutex_lock(&s->cache_mu);
    entry *e = cache_find(s, key);
    if (!e) {
        if (s->ncache == CACHE_MAX) cache_drop(s, CACHE_MAX / 2);
        size_t drop = 0, bytes = s->cache_bytes;
        while (drop < s->ncache && bytes + n > CACHE_BYTES) bytes -= s->cache[drop++].bytes;
        cache_drop(s, drop);
        e = &s->cache[s->ncache];
        memset(e, 0, sizeof *e);
        e->key = styr_xstrdup(key);
        e->hash = XXH3_64bits(key, strlen(key));
        e->status = MHD_HTTP_OK;
        e->bytes = n;
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
        s->cache_bytes += n;
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
    void **state;
    int api;
    int scope, scope_kommune;
    const char *key;
} req;

/* The parameters a route takes, in the order of the cache key ("token" is
 * taken everywhere and is not part of the key: the access is). */
typedef struct route { const char *path; const char *params[10]; } route;
static const route routes[] = {
    {"/api/v1/kommuner", {0}},
    {"/api/v1/klynger", {"aar", 0}},
    {"/api/v1/figurer", {"kommune", "periode", "ydelse", "maalgruppe", "oprindelse", "enhed", 0}},
    {"/api/v1/sammenlign", {"figur", "kommune", "periode", "ydelse", "klynge", "maalgruppe", "oprindelse", "enhed", 0}},
    {"/api/v1/scorecard", {"kommune", "periode", "ydelse", "klynge", 0}},
    {"/api/v1/maal", {"kommune", 0}},
    {"/api/v1/oekonomi", {"kommune", "periode", "regime", "ydelse", 0}},
    {"/api/v1/profil", {"kommune", "periode", "klynge", 0}},
    {"/api/v1/effekt", {"periode", "tilbud", "ydelse", 0}},
    {"/api/v1/udvikling", {"figur", "kommune", "periode", "ydelse", 0}},
    {"/api/v1/progression", {"kommune", "tilbud", "maalgruppe", "oprindelse", "enhed", 0}},
    {"/", {"kommune", "periode", "klynge", 0}},
    {"/vis", {"kommune", "periode", "klynge", 0}},
    {"/static/app.js", {0}},
    {"/kommune/", {"periode", "klynge", 0}},
    {"/kommune/klynge", {"figur", "periode", "ydelse", "klynge", 0}},
    {"/kommune/profil", {"periode", "klynge", 0}},
    {"/api/v1/flows", {"kommune", "periode", "ydelse", 0}},
};

static const route *route_of(const char *url)
{
    const size_t n = sizeof routes / sizeof *routes;
    if (!strncmp(url, "/kommune/", 9)) {
        const char *slash = strchr(url + 9, '/');
        const char *want = slash && !strcmp(slash, "/klynge")   ? "/kommune/klynge"
                           : slash && !strcmp(slash, "/profil") ? "/kommune/profil"
                                                                : "/kommune/";
        for (size_t i = 0; i < n; i++)
            if (!strcmp(routes[i].path, want)) return &routes[i];
    }
    for (size_t i = 0; i < n; i++)
        if (strncmp(routes[i].path, "/kommune/", 9) && !strcmp(url, routes[i].path)) return &routes[i];
    return NULL;
}

typedef struct pcheck {
    const route *r;
    int n;
    const char *seen[MAX_PARAMS];
    const char *bad;          /* the first parameter at fault */
    const char *why;          /* and what is wrong with it (Danish) */
} pcheck;

static enum MHD_Result check_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    pcheck *p = cls;
    int known = !strcmp(key, "token");
    for (int i = 0; p->r->params[i] && !known; i++) known = !strcmp(key, p->r->params[i]);
    if (p->n == MAX_PARAMS) p->why = "for mange parametre";
    else if (!known) p->why = "ukendt parameter";
    else if (value && (strchr(value, 1) || strlen(value) > 256)) p->why = "ugyldig værdi for parameteren";
    for (int i = 0; i < p->n && !p->why; i++)
        if (!strcmp(p->seen[i], key)) p->why = "parameteren er givet mere end én gang";
    if (p->why) {
        p->bad = key;
        return MHD_NO;
    }
    p->seen[p->n++] = key;
    return MHD_YES;
}

/* Every parameter known to the route, given once, decoded cleanly and not
 * too long, at most MAX_PARAMS; else a 400 naming it was sent (*ret). */
static int check_params(struct MHD_Connection *c, int api, const route *r, enum MHD_Result *ret)
{
    pcheck p = {.r = r};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_param, &p);
    if (!p.bad) return 1;
    char msg[320];
    int o = snprintf(msg, sizeof msg, "%c%s: %.64s.", p.why[0] - 32, p.why + 1, p.bad);
    if (!strcmp(p.why, "for mange parametre")) snprintf(msg, sizeof msg, "For mange parametre (højst %d).", MAX_PARAMS);
    else if (!strcmp(p.why, "ukendt parameter")) {
        o += snprintf(msg + o, sizeof msg - (size_t)o, " Adressen %s tager:", r->path);
        for (int i = 0; r->params[i]; i++) o += snprintf(msg + o, sizeof msg - (size_t)o, " %s,", r->params[i]);
        snprintf(msg + o, sizeof msg - (size_t)o, " token.");
    }
    *ret = fail_param(c, api, MHD_HTTP_BAD_REQUEST, msg, p.bad);
    return 0;
}

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

/* ---- running a command with its output captured: the engine thread -------------------------- */

static int run_command(styr_server *s, int own, int argc, char **argv, char **out, size_t *n)
{
    const styr_cmd *cmd = NULL;
    for (const styr_cmd *c = styr_commands; c->name; c++)
        if (!strcmp(c->name, argv[0])) cmd = c;
    if (!cmd) return -1;
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
    if (e) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return e;
}

/* The clusters of a year as JSON (job J_KLYNGER). */
static int run_klynger(styr_server *s, job *j)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_clusters cl;
    styr_rc rc = styr_ws_open(s->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_cat_clusters(ws, j->year ? j->year : 2099, &cl, &d);
    styr_ws_close(ws);
    styr_diags_free(&d);
    if (rc) return STYR_EXIT_WS;
    const styr_codes *c = s->codes;
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
    j->out = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    j->n = strlen(j->out);
    json_decref(o);
    return 0;
}

static void run_job(styr_server *s, job *j)
{
    pthread_mutex_lock(&s->cache_mu);
    j->hit = cache_find(s, j->key) != NULL; /* a twin request was answered meanwhile */
    pthread_mutex_unlock(&s->cache_mu);
    if (j->hit) return;
    if (j->kind == J_KLYNGER) {
        j->e = run_klynger(s, j);
    } else {
        j->a.v[j->a.n] = NULL;
        j->e = run_command(s, j->own, j->a.n, j->a.v, &j->out, &j->n);
    }
    malloc_trim(0); /* give a large computation's memory back */
}

static void *engine(void *arg)
{
    styr_server *s = arg;
    /* lower priority than libmicrohttpd's threads (the engine's own threads
     * inherit it), so a cached answer is not kept waiting for a core */
    (void)setpriority(PRIO_PROCESS, (id_t)gettid(), 10); /* best effort: else normal priority */
    pthread_mutex_lock(&s->q_mu);
    for (;;) {
        while (!s->head && !s->quit) pthread_cond_wait(&s->q_cv, &s->q_mu);
        job *j = s->head;
        if (!j) break;
        s->head = j->next;
        if (!s->head) s->tail = NULL;
        s->queued--;
        int quit = s->quit;
        pthread_mutex_unlock(&s->q_mu);
        if (quit || now_s() > j->deadline) j->busy = 1;
        else run_job(s, j);
        MHD_resume_connection(j->c); /* j belongs to the connection from here */
        pthread_mutex_lock(&s->q_mu);
    }
    pthread_mutex_unlock(&s->q_mu);
    return NULL;
}

/* Queue j for the engine and suspend its connection (*state = j); a full
 * queue is answered 503 at once. */
static enum MHD_Result submit(styr_server *s, struct MHD_Connection *c, void **state, job *j)
{
    j->c = c;
    j->deadline = now_s() + QUEUE_WAIT;
    pthread_mutex_lock(&s->q_mu);
    int ok = !s->quit && s->queued < QUEUE_MAX;
    if (ok) {
        *state = j;
        MHD_suspend_connection(c);
        /* a light job goes after the light ones already waiting, before the heavy ones */
        job **at = &s->head;
        if (j->heavy) at = s->tail ? &s->tail->next : &s->head;
        else
            while (*at && !(*at)->heavy) at = &(*at)->next;
        j->next = *at;
        *at = j;
        if (!j->next) s->tail = j;
        s->queued++;
        pthread_cond_signal(&s->q_cv);
    }
    pthread_mutex_unlock(&s->q_mu);
    if (ok) return MHD_YES;
    int api = j->api;
    free(j);
    return fail(c, api, MHD_HTTP_SERVICE_UNAVAILABLE, "Serveren er optaget; prøv igen om lidt.");
}

/* A new job for this request, to be filled in and submitted. */
static job *new_job(req *q, job_kind kind)
{
    job *j = styr_xcalloc(1, sizeof *j);
    j->kind = kind;
    j->api = q->api;
    j->own = -1;
    j->scope = q->scope;
    j->scope_kommune = q->scope_kommune;
    snprintf(j->key, sizeof j->key, "%s", q->key);
    return j;
}

/* argv for a command: the name, then -w and the given pairs, then --intern when granted. */
static void push(args *a, const char *s)
{
    size_t l = strlen(s) + 1;
    if (a->n >= 38 || a->o + l > sizeof a->buf) return;
    memcpy(a->buf + a->o, s, l);
    a->v[a->n++] = a->buf + a->o;
    a->o += l;
}

/* The periods a periode value names (0 when it names none). */
static int count_periods(const char *per)
{
    styr_period *p;
    int n;
    if (styr_parse_periods(per, &p, &n)) return 0;
    free(p);
    return n;
}

/* How much a request asks for before it runs: its periods and rows (periods x
 * municipalities x groups). 1 when within the limits; else a 400 or 413 naming
 * the limit was sent (*ret). */
static int within_limits(req *q, int nper, int nkom, int ngrp, enum MHD_Result *ret)
{
    char msg[320];
    if (nper > MAX_PERIODS) {
        snprintf(msg, sizeof msg, "periode: højst %d perioder i én forespørgsel (her %d). Vælg et kortere interval.",
                 MAX_PERIODS, nper);
        *ret = fail_param(q->c, q->api, MHD_HTTP_BAD_REQUEST, msg, "periode");
        return 0;
    }
    long cells = (long)nper * nkom * ngrp;
    if (cells > MAX_CELLS) {
        snprintf(msg, sizeof msg, "Forespørgslen er for stor: %d perioder x %d kommuner x %d ydelser = %ld rækker, "
                 "højst %d. Vælg færre perioder eller ydelser.", nper, nkom, ngrp, cells, MAX_CELLS);
        *ret = fail_param(q->c, q->api, 413, msg, "periode");
        return 0;
    }
    return 1;
}

/* The groups a ydelse value names (all of them when absent). */
static int count_groups(const styr_server *s, const char *yd)
{
    if (!yd || !*yd || !strcmp(yd, "alle")) { /* the benefit groups and i alt (education only when named) */
        int n = 1;
        for (int g = 1; g < s->codes->dict.nyd; g++) n += s->codes->yd_public[g] != 0;
        return n;
    }
    int n = 1;
    for (const char *p = yd; *p; p++) n += *p == ',';
    return n;
}

/* The common parameters: kommune (required unless national), periode. */
static int common(req *q, args *a, const char *cmd, int need_kommune, int allow_land, int *own, enum MHD_Result *ret)
{
    const char *ks = arg(q->c, "kommune");
    int k = kommune_of(q->s, ks);
    push(a, cmd);
    push(a, "-w");
    push(a, q->s->ws);
    if (ks && allow_land && !strcmp(ks, "land")) {
        push(a, "--kommune");
        push(a, "land");
    } else if (need_kommune) {
        if (!ks) k = q->s->own;
        if (!k) {
            *ret = fail_param(q->c, 1, 400, "kommune skal være en af de 98 kommunekoder, fx kommune=461.", "kommune");
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
    int nper = 1;
    if (per) {
        styr_period p;
        if (strlen(per) > 24 || (styr_period_parse(per, &p) && (!strstr(per, "..") || !(nper = count_periods(per))))) {
            *ret = fail_param(q->c, 1, 400, "periode skal være fx 2024, 2024K2, 2024M03, 2024M03R12 eller 2024M01..2024M12.",
                              "periode");
            return 0;
        }
        push(a, "--periode");
        push(a, per);
    }
    return within_limits(q, nper, 1, count_groups(q->s, arg(q->c, "ydelse")), ret);
}

/* ---- the API --------------------------------------------------------------------------------- */

static enum MHD_Result api_kommuner(req *q)
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
    return cache_put_send(q->s, q->c, q->key, "application/json; charset=utf-8", body, strlen(body));
}

/* A year: four digits, 1990-2099, nothing else (0 when it is not). */
static int year_of(const char *t)
{
    if (!t || strlen(t) != 4) return 0;
    int v = 0;
    for (const char *p = t; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        v = v * 10 + (*p - '0');
    }
    return v >= 1990 && v <= 2099 ? v : 0;
}

static enum MHD_Result api_klynger(req *q)
{
    const char *aar = arg(q->c, "aar");
    int year = year_of(aar);
    if (aar && !year) return fail_param(q->c, 1, 400, "aar skal være et år med fire cifre, 1990-2099, fx aar=2024.", "aar");
    job *j = new_job(q, J_KLYNGER);
    j->year = year;
    return submit(q->s, q->c, q->state, j);
}

static int figure_ok(const char *v);
static int group_ok(const styr_server *s, const char *v);

/* A ydelse list: 'alle' or group codes separated by commas. */
static int groups_ok(const styr_server *s, const char *v)
{
    if (!strcmp(v, "alle")) return 1;
    char b[208];
    snprintf(b, sizeof b, "%s", v);
    for (char *save = NULL, *t = strtok_r(b, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (!group_ok(s, t)) return 0;
    return *v && v[strlen(v) - 1] != ',';
}

static enum MHD_Result api(req *q, const char *what)
{
    enum MHD_Result ret = MHD_NO;
    if (!strcmp(what, "kommuner")) return api_kommuner(q);
    if (!strcmp(what, "klynger")) return api_klynger(q);
    static const struct { const char *path, *cmd; int kommune, land; const char *pass[8]; } map[] = {
        {"figurer", "figures", 1, 1, {"ydelse", "maalgruppe", "oprindelse", "enhed", 0}},
        {"sammenlign", "compare", 1, 0, {"ydelse", "figur", "klynge", "maalgruppe", "oprindelse", "enhed", 0}},
        {"scorecard", "scorecard", 1, 0, {"ydelse", "klynge", 0}},
        {"maal", "goals", 1, 0, {0}},
        {"oekonomi", "money", 1, 1, {"ydelse", "regime", 0}},
        {"profil", "profil", 1, 0, {"klynge", 0}},
        {"effekt", "effect", 0, 0, {"ydelse", "tilbud", 0}},
        {"udvikling", "figures", 1, 1, {"ydelse", "figur", 0}},
        {"progression", "progression", 1, 0, {"tilbud", "maalgruppe", "oprindelse", "enhed", 0}},
        {"flows", "flows", 1, 0, {"ydelse", 0}},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        if (strcmp(what, map[i].path)) continue;
        job *j = new_job(q, J_API);
        args *a = &j->a;
        if (!common(q, a, map[i].cmd, map[i].kommune, map[i].land, &j->own, &ret)) {
            free(j);
            return ret;
        }
        if (!strcmp(map[i].path, "udvikling")) push(a, "--udvikling"); /* month by month (figures --udvikling) */
        if (!strcmp(map[i].cmd, "goals")) { /* goals take the sub-command first */
            memmove(a->v + 2, a->v + 1, (size_t)(a->n - 1) * sizeof *a->v);
            a->v[1] = "opfoelgning";
            a->n++;
            for (int k = 2; k < a->n; k++)
                if (!strcmp(a->v[k], "--periode")) a->n = k; /* goals follow their own years */
        }
        for (int k = 0; map[i].pass[k]; k++) {
            const char *v = arg(q->c, map[i].pass[k]);
            if (!v) continue;
            if (strlen(v) > 200) {
                free(j);
                return fail_param(q->c, 1, 400, "En parameter er for lang.", map[i].pass[k]);
            }
            if (!strcmp(map[i].pass[k], "ydelse") && !groups_ok(q->s, v)) {
                free(j);
                return fail_param(q->c, 1, 400, "ydelse: ukendt ydelse (fx dagpenge, kontanthjaelp, sygedagpenge, i_alt, alle).",
                                  "ydelse");
            }
            if (!strcmp(map[i].pass[k], "figur") && (!figure_ok(v) || (!strcmp(map[i].path, "udvikling") && styr_fig_by_key(v) < 0))) {
                free(j);
                return fail_param(q->c, 1, 400, "figur: ukendt nøgletal (fx andel_befolkning, varighed, langvarige).", "figur");
            }
            if (!strcmp(map[i].pass[k], "klynge") && strcmp(v, "forventet")) {
                free(j);
                return fail_param(q->c, 1, 400, "klynge: kun 'forventet' (de 10 kommuner nærmest i forventet andel, "
                                                "jobindsats Y30R21); uden parameteren bruges klyngen.", "klynge");
            }
            char opt[32];
            snprintf(opt, sizeof opt, "--%s", map[i].pass[k]);
            push(a, opt);
            push(a, v);
        }
        push(a, "--format");
        push(a, "json");
        const char *per = arg(q->c, "periode");
        j->heavy = per && strstr(per, "..");
        return submit(q->s, q->c, q->state, j);
    }
    return fail(q->c, 1, 404, "Ukendt API-adresse. Se /api/v1/kommuner, figurer, sammenlign, scorecard, maal, oekonomi, effekt, udvikling, progression, flows.");
}

/* ---- pages ------------------------------------------------------------------------------------ */

/* A page's command for municipality k: the name, -w, --kommune and, for the
 * municipality's own token, --intern (and that municipality as the
 * workspace's own). */
static void start_page(req *q, job *j, const char *cmd, int k)
{
    char b[8];
    snprintf(b, sizeof b, "%d", k);
    j->k = k;
    push(&j->a, cmd);
    push(&j->a, "-w");
    push(&j->a, q->s->ws);
    push(&j->a, "--kommune");
    push(&j->a, b);
    if (q->scope == STYR_SCOPE_KOMMUNE && q->scope_kommune == k) {
        push(&j->a, "--intern");
        j->own = k;
    }
}

/* The municipalities a request's access may see, for a page's list: every
 * one (0 returned, *out untouched), or the one its token or the workspace
 * names. */
static int visible_of(const styr_server *s, int scope, int scope_kommune, int *out)
{
    if (scope == STYR_SCOPE_ALL) return 0;
    out[0] = scope == STYR_SCOPE_KOMMUNE ? scope_kommune : s->own;
    return out[0] ? 1 : -1;
}

static enum MHD_Result page_overview(req *q, int k)
{
    enum MHD_Result ret;
    if (!allowed(q, k, &ret)) return ret;
    const char *per = arg(q->c, "periode");
    styr_period p;
    if (per && *per && (strlen(per) > 24 || styr_period_parse(per, &p)))
        return fail_param(q->c, 0, 400, "periode: ugyldig periode (fx 2024, 2024K2, 2024M03 eller 2024M03R12).", "periode");
    const char *kl = arg(q->c, "klynge");
    if (kl && *kl && strcmp(kl, "forventet"))
        return fail_param(q->c, 0, 400, "klynge: kun 'forventet' (de 10 kommuner nærmest i forventet andel, jobindsats "
                                        "Y30R21); uden parameteren bruges klyngen.", "klynge");
    job *j = new_job(q, J_OVERVIEW);
    j->heavy = 1;
    start_page(q, j, "report", k);
    push(&j->a, "--dashboard");
    if (kl && *kl) {
        push(&j->a, "--klynge");
        push(&j->a, "forventet");
    }
    push(&j->a, "--effekt"); /* one more pass on the first request; the page is cached */
    push(&j->a, "--maalgrupper"); /* the target groups' patterns are computed once and stored */
    int vis[1], nvis = visible_of(q->s, q->scope, q->scope_kommune, vis);
    if (nvis) {
        char b[16];
        snprintf(b, sizeof b, "%d", nvis > 0 ? vis[0] : k);
        push(&j->a, "--synlige");
        push(&j->a, b);
    }
    if (per && *per) {
        push(&j->a, "--periode");
        push(&j->a, per);
    }
    return submit(q->s, q->c, q->state, j);
}

/* The profile page (issue 16 §6): the temperature page theme by theme, drawn
 * by /static/app.js from /api/v1/profil (the address in data-api); the page
 * itself holds no figures, so it needs no engine run. */
static enum MHD_Result page_profile(req *q, int k)
{
    enum MHD_Result ret;
    if (!allowed(q, k, &ret)) return ret;
    const char *per = arg(q->c, "periode");
    styr_period p;
    if (per && *per && (strlen(per) > 24 || styr_period_parse(per, &p)))
        return fail_param(q->c, 0, 400, "periode: ugyldig periode (fx 2024, 2024K2, 2024M03 eller 2024M03R12).", "periode");
    const char *kl = arg(q->c, "klynge");
    if (kl && *kl && strcmp(kl, "forventet"))
        return fail_param(q->c, 0, 400, "klynge: kun 'forventet' (de 10 kommuner nærmest i forventet andel, jobindsats "
                                        "Y30R21); uden parameteren bruges klyngen.", "klynge");
    int forventet = kl && *kl;
    const styr_codes *c = q->s->codes;
    const char *navn = c->kom_name[c->kom_idx[k]];
    char *body = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&body, &n);
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">\n<script src=\"/static/app.js\" defer></script>\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Profil for ");
    styr_html_text(f, navn);
    fprintf(f, " Kommune</title>\n<style>%s</style></head><body>\n", styr_report_css);
    int vis[1], nvis = visible_of(q->s, q->scope, q->scope_kommune, vis);
    if (nvis < 0) vis[0] = k, nvis = 1; /* no own municipality: only the one shown */
    styr_web_nav_klynge(f, c, k, per && *per ? per : "", nvis ? vis : NULL, nvis, forventet);
    fprintf(f, "<header id=\"forside\"><h1>Profil for ");
    styr_html_text(f, navn);
    fprintf(f, " Kommune</h1><p class=\"meta\">Periode: ");
    styr_html_text(f, per && *per ? per : "den seneste");
    fprintf(f, ". Sammenlignet med %s.</p></header>\n", forventet ? "de 10 kommuner nærmest i forventet andel" : "klyngen");
    fprintf(f, "<section class=\"first\" id=\"profil\" data-api=\"/api/v1/profil?kommune=%d", k);
    if (per && *per) {
        fprintf(f, "&amp;periode=");
        styr_html_text(f, per);
    }
    if (forventet) fprintf(f, "&amp;klynge=forventet");
    fprintf(f, "\"><h2>Profil: tema for tema</h2>\n<p class=\"note\">De syv temaer fra KL's politiske partnerskab om "
               "beskæftigelse. Ved hvert udsagn står kommunens tal og klyngens. Styrker og udfordringer bygger kun på tal, "
               "hvor det er klart, hvad der er bedst; forskelle er tal uden en sådan retning, der er værd at drøfte.</p>\n"
               "<p class=\"henter\">Henter profilen ...</p></section>\n</body></html>\n");
    fclose(f);
    ret = send_body(q->c, MHD_HTTP_OK, "text/html; charset=utf-8", body, n, NULL, NULL);
    free(body);
    return ret;
}

/* A figure the cluster page and compare take: a key figure or a money figure. */
static int figure_ok(const char *v)
{
    if (styr_fig_by_key(v) >= 0 || styr_money_base_def(v)) return 1;
    for (int w = 0; w < 2; w++) {
        const char *pre = w ? "uger_trin_" : "netto_trin_";
        size_t l = strlen(pre);
        if (!strncmp(v, pre, l) && v[l] >= '1' && v[l] <= '8' && !v[l + 1]) return 1;
    }
    return 0;
}

/* One group code, 'i_alt' or 'offentligt_forsoergede' (the cluster page shows one group). */
static int group_ok(const styr_server *s, const char *v)
{
    return !strcmp(v, "i_alt") || !strcmp(v, "offentligt_forsoergede") || styr_codes_ydelse(s->codes, v, strlen(v)) > 0;
}

static enum MHD_Result page_cluster(req *q, int k)
{
    enum MHD_Result ret;
    if (!allowed(q, k, &ret)) return ret;
    const char *fg = arg(q->c, "figur"), *yd = arg(q->c, "ydelse"), *per = arg(q->c, "periode");
    styr_period pp;
    if (fg && *fg && (strlen(fg) > 64 || !figure_ok(fg)))
        return fail_param(q->c, 0, 400, "figur: ukendt nøgletal (fx andel_befolkning, varighed, langvarige, "
                                        "netto_pr_indbygger_18_64).", "figur");
    if (yd && *yd && (strlen(yd) > 64 || !group_ok(q->s, yd)))
        return fail_param(q->c, 0, 400, "ydelse: ukendt ydelse (fx dagpenge, kontanthjaelp, sygedagpenge, i_alt).", "ydelse");
    if (per && *per && !strstr(per, "..") && (strlen(per) > 24 || styr_period_parse(per, &pp)))
        return fail_param(q->c, 0, 400, "periode: ugyldig periode (fx 2024, 2024K2, 2024M03 eller 2024M03R12).", "periode");
    if (per && strstr(per, "..") && !within_limits(q, count_periods(per), 1, 1, &ret)) return ret;
    const char *kl = arg(q->c, "klynge");
    if (kl && *kl && strcmp(kl, "forventet"))
        return fail_param(q->c, 0, 400, "klynge: kun 'forventet' (de 10 kommuner nærmest i forventet andel, jobindsats "
                                        "Y30R21); uden parameteren bruges klyngen.", "klynge");
    job *j = new_job(q, J_CLUSTER);
    start_page(q, j, "compare", k);
    const char *names[] = {"figur", "ydelse", "periode", "klynge"};
    for (int i = 0; i < 4; i++) {
        const char *v = arg(q->c, names[i]);
        if (!v || !*v) continue;
        if (strlen(v) > 64) {
            free(j);
            return fail_param(q->c, 0, 400, "En parameter er for lang.", names[i]);
        }
        char opt[16];
        snprintf(opt, sizeof opt, "--%s", names[i]);
        push(&j->a, opt);
        push(&j->a, v);
    }
    push(&j->a, "--format");
    push(&j->a, "json");
    return submit(q->s, q->c, q->state, j);
}

/* The cluster page's choice of figure and group (a GET form to the page itself;
 * /static/app.js submits it on change and carries the token). */
static void cluster_form(FILE *f, const styr_codes *c, int k, const char *fig, const char *grp, const char *periode,
                         int forventet)
{
    static const char *const figs[] = {"andel_befolkning", "fuldtidspersoner", "aktiveringsgrad", "varighed", "langvarige",
                                       "i_job_3mdr", "andel_befolkning_u30", "netto_pr_indbygger_18_64", "netto_pr_fuldtidsperson"};
    fprintf(f, "<form class=\"choose\" id=\"figurvalg\" method=\"get\" action=\"/kommune/%d/klynge\"><label>Nøgletal "
               "<select name=\"figur\" id=\"figur\">", k);
    for (size_t i = 0; i < sizeof figs / sizeof *figs; i++) {
        int fi = styr_fig_by_key(figs[i]);
        const styr_figdef *d = fi >= 0 ? &styr_figdefs[fi] : styr_money_base_def(figs[i]);
        if (!d) continue;
        fprintf(f, "<option value=\"%s\"%s>", d->key, !strcmp(d->key, fig) ? " selected" : "");
        styr_html_text(f, styr_tr(d->da, d->en));
        fprintf(f, "</option>");
    }
    fprintf(f, "</select></label> <label>Ydelse <select name=\"ydelse\" id=\"ydelse\">");
    for (int g = 0; g < c->dict.nyd; g++) {
        if (g && !c->yd_public[g]) continue;
        const char *key = g ? styr_group_key(c, g) : "i_alt";
        int sel = g ? !strcmp(key, grp) : !strcmp(grp, "i_alt") || !strcmp(grp, "offentligt_forsoergede") || !*grp;
        fprintf(f, "<option value=\"%s\"%s>", key, sel ? " selected" : "");
        styr_html_text(f, styr_group_name(c, g));
        fprintf(f, "</option>");
    }
    fprintf(f, "</select></label><input type=\"hidden\" name=\"periode\" value=\"");
    styr_html_text(f, periode);
    if (forventet) fprintf(f, "\"><input type=\"hidden\" name=\"klynge\" value=\"forventet");
    fprintf(f, "\"><input type=\"hidden\" name=\"token\" class=\"token\"> <button>Vis</button></form>\n");
}

/* The cluster page of municipality k from compare's JSON (js, jn; taken). */
static enum MHD_Result render_cluster(styr_server *s, struct MHD_Connection *c, const job *j, char *js, size_t jn)
{
    int k = j->k;
    json_t *o = json_loadb(js, jn, 0, NULL);
    free(js);
    if (!o) return fail(c, 0, 500, "Siden kunne ikke dannes.");
    const char *fig = json_string_value(json_object_get(o, "figur"));
    int fi = fig ? styr_fig_by_key(fig) : -1;
    static const styr_figdef kr = {"", "Kroner", "Kroner", "", "", 0, STYR_U_KR, -1};
    const styr_figdef *def = fi >= 0 ? &styr_figdefs[fi] : fig && styr_money_base_def(fig) ? styr_money_base_def(fig) : &kr;
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
    styr_figval level = json_is_number(lv) ? (styr_figval){json_number_value(lv), STYR_FV_OK}
                      : (styr_figval){0, json_is_true(json_object_get(o, "klynge_diskretion")) ? STYR_FV_SUPPRESSED : STYR_FV_NONE};
    const char *periode = json_string_value(json_object_get(o, "periode"));
    const char *yd = json_string_value(json_object_get(o, "ydelse"));
    int g = yd ? styr_codes_ydelse(s->codes, yd, strlen(yd)) : 0;
    const char *gname = styr_group_name(s->codes, g > 0 ? g : 0);
    styr_period pp;
    char pw[64];
    if (periode && !styr_period_parse(periode, &pp)) styr_period_words(pw, sizeof pw, &pp);
    else snprintf(pw, sizeof pw, "%s", periode ? periode : "");
    char *body = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&body, &n);
    char title[320];
    snprintf(title, sizeof title, "%s: %s, %s, %s", s->codes->kom_name[s->codes->kom_idx[k]], def->da, gname, pw);
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
               "content=\"width=device-width, initial-scale=1\"><title>");
    styr_html_text(f, title);
    fprintf(f, "</title><script src=\"/static/app.js\" defer></script><style>body{font-family:'DejaVu Sans',Arial,"
               "sans-serif;max-width:980px;margin:0 auto;padding:16px;font-size:14px;line-height:1.4}h1{font-size:22px;"
               "color:#123a5c}nav.bar{background:#123a5c;color:#fff;padding:8px "
               "12px;margin:-16px -16px 16px}nav.bar form{display:inline}nav.bar a{color:#fff;margin-left:12px}form.choose{margin:8px 0 12px}"
               "svg.chart{width:480px;max-width:100%%;height:auto}svg text{font-size:12px;fill:#333}svg .grid{stroke:#e3e3e3}"
               "svg .grid.zero{stroke:#777}svg .level{stroke:#333;stroke-dasharray:6 4;stroke-width:1.5}"
               "svg .levellabel{font-weight:bold}svg .unit{fill:#555}svg .bar{fill:#8fb3dd}svg .bar.own{fill:#c0392b}"
               "svg .name.own,svg .val.own{font-weight:bold;fill:#c0392b}td.n{text-align:right}"
               "table{border-collapse:collapse;margin-top:12px}td,th{padding:3px 8px;border-bottom:1px solid #ddd}"
               ".synth{background:#fff3cd;border:2px solid #b8860b;color:#5c4400;padding:8px 12px;margin:8px 0;"
               "font-weight:bold}.synth span{display:block;font-weight:normal}"
               "@media print{nav.bar,form.choose{display:none}}</style></head><body>\n");
    int vis[1], nvis = visible_of(s, j->scope, j->scope_kommune, vis);
    /* --klynge forventet: the grouping is named (the fixed cluster's page is as before) */
    const char *kn = json_string_value(json_object_get(o, "klynge"));
    int forventet = kn && strstr(kn, "Y30R21") != NULL;
    styr_web_nav_klynge(f, s->codes, k, periode ? periode : "", nvis ? vis : NULL, nvis > 0 ? 1 : 0, forventet);
    styr_synthetic_banner(f, atomic_load(&s->synthetic));
    fprintf(f, "<h1>");
    styr_html_text(f, title);
    fprintf(f, "</h1>\n");
    cluster_form(f, s->codes, k, def->key, yd ? yd : "i_alt", periode ? periode : "", forventet);
    if (forventet) {
        fprintf(f, "<p class=\"grouping\">Sammenlignet med ");
        styr_html_text(f, kn);
        fprintf(f, ".</p>\n");
    }
    char id[96];
    snprintf(id, sizeof id, "klynge-%s-%s", def->key, g > 0 ? styr_group_key(s->codes, g) : "offentligt_forsoergede");
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
    fprintf(f, "<p>.. = diskretion: tallet hviler på færre end 5 personer eller kunne regnes ud af de viste. "
               "- = ingen data.</p></body></html>\n");
    fclose(f);
    json_decref(o);
    return cache_put_send(s, c, j->key, "text/html; charset=utf-8", body, n);
}

/* ---- the handler ------------------------------------------------------------------------------ */

#define HEADERS_SEEN ((void *)1) /* *state after the first call, until a job is made */
static char too_many_mark;
#define TOO_MANY ((void *)&too_many_mark) /* *state before the first call: too many parameters */

/* Called with the request target before libmicrohttpd splits its query. With
 * more than MAX_PARAMS parameters the '&'s are blanked so that it stores one
 * argument rather than hundreds: libmicrohttpd 0.9.75 keeps each argument in
 * the connection's 16 KB memory pool, and when that runs out it neither
 * answers nor closes (300 parameters hung until the timeout). The handler
 * then answers 400. The target lies in the connection's own read buffer. */
static void *uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls, (void)c;
    const char *q = strchr(uri, '?');
    if (!q) return NULL;
    int n = 1;
    for (const char *p = q; *p; p++) n += *p == '&';
    if (n <= MAX_PARAMS) return NULL;
    for (char *p = (char *)q; *p; p++)
        if (*p == '&') *p = '_';
    return TOO_MANY;
}

/* Answer a job the engine has finished with (j stays the connection's). */
static enum MHD_Result finish(styr_server *s, struct MHD_Connection *c, job *j)
{
    static const char *const failed[] = {
        [J_API] = "Ugyldig forespørgsel: tjek kommune, ydelse, periode og figur.",
        [J_OVERVIEW] = "Siden kunne ikke dannes.",
        [J_CLUSTER] = "Ugyldig figur, ydelse eller periode.",
        [J_KLYNGER] = "Klyngerne kunne ikke læses.",
    };
    if (j->hit) {
        int found;
        enum MHD_Result r = cache_send(s, c, j->key, &found);
        if (found) return r;
    }
    if (j->busy || j->hit) return fail(c, j->api, MHD_HTTP_SERVICE_UNAVAILABLE, "Serveren er optaget; prøv igen om lidt.");
    /* a period outside the panel has no data: said as such, never as discretion or an error */
    if (j->e == STYR_EXIT_INPUT) return fail(c, j->api, 404, s->nodata);
    if (j->e) return fail(c, j->api, j->e == STYR_EXIT_USAGE ? 400 : 500,
                          j->e == STYR_EXIT_USAGE || j->kind != J_API ? failed[j->kind] : "Tallene kunne ikke beregnes.");
    char *out = j->out;
    size_t n = j->n;
    j->out = NULL;
    if (n > MAX_BODY) {
        free(out);
        char msg[200];
        snprintf(msg, sizeof msg, "Svaret er for stort (over %zu MB). Vælg færre perioder eller ydelser.", MAX_BODY >> 20);
        return fail(c, j->api, 413, msg);
    }
    if (j->kind == J_CLUSTER) return render_cluster(s, c, j, out, n);
    if (j->kind == J_OVERVIEW) return cache_put_send(s, c, j->key, "text/html; charset=utf-8", out, n);
    /* the API always answers JSON: a command that printed none has failed */
    json_t *check = n ? json_loadb(out, n, 0, NULL) : NULL;
    if (!check) {
        free(out);
        return fail(c, 1, 500, "Svaret kunne ikke dannes.");
    }
    json_decref(check);
    return cache_put_send(s, c, j->key, "application/json; charset=utf-8", out, n);
}

/* The cache key: the path, the route's parameters in a fixed order (the
 * municipality as its number), the access. */
static void make_key(styr_server *s, struct MHD_Connection *c, const char *url, const route *r, const req *q, char *key,
                     size_t cap)
{
    int o = snprintf(key, cap, "%s", url);
    for (int i = 0; r->params[i] && o < (int)cap; i++) {
        const char *v = arg(c, r->params[i]);
        char b[8];
        if (!v) continue;
        if (!strcmp(r->params[i], "kommune") && kommune_of(s, v)) snprintf(b, sizeof b, "%d", kommune_of(s, v)), v = b;
        o += snprintf(key + o, cap - (size_t)o, "&%s=%s", r->params[i], v);
    }
    if (o < (int)cap) snprintf(key + o, cap - (size_t)o, "|%d:%d", q->scope, q->scope_kommune);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version, (void)upload;
    styr_server *s = cls;
    int api_path = !strncmp(url, "/api/", 5);
    if (!*state || *state == TOO_MANY) { /* the first call: headers only */
        int too_many = *state == TOO_MANY;
        *state = HEADERS_SEEN;
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        if (ci && ci->socket_context) atomic_store(&((conn *)ci->socket_context)->waiting, 0);
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (strcmp(method, "GET") && strcmp(method, "HEAD")) return fail(c, api_path, MHD_HTTP_METHOD_NOT_ALLOWED, "Kun GET og HEAD.");
        if ((cl && strcmp(cl, "0")) || MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
            return fail(c, api_path, 413, "Forespørgsler må ikke have et indhold.");
        if (too_many) {
            char msg[64];
            snprintf(msg, sizeof msg, "For mange parametre (højst %d).", MAX_PARAMS);
            return fail(c, api_path, MHD_HTTP_BAD_REQUEST, msg);
        }
        return MHD_YES;
    }
    if (*state != HEADERS_SEEN) return finish(s, c, *state); /* resumed: the engine is done */
    if (*upload_size) {
        *upload_size = 0;
        return fail(c, api_path, 413, "Forespørgsler må ikke have et indhold.");
    }
    if (styr_url_bad_path(url)) return fail(c, api_path, MHD_HTTP_BAD_REQUEST, "Ugyldig adresse.");
    const route *r = route_of(url);
    if (!r) {
        if (!strncmp(url, "/api/v1/", 8) && !strchr(url + 8, '/'))
            return fail(c, 1, 404, "Ukendt API-adresse. Se /api/v1/kommuner, figurer, sammenlign, scorecard, maal, oekonomi, effekt, udvikling, progression, flows.");
        return fail(c, api_path, MHD_HTTP_NOT_FOUND, api_path ? "Ukendt API-adresse." : "Siden findes ikke.");
    }
    enum MHD_Result ret;
    if (!check_params(c, api_path, r, &ret)) return ret;
    req q = {s, c, state, api_path, STYR_SCOPE_NONE, 0, NULL};
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
    char key[2048];
    make_key(s, c, url, r, &q, key, sizeof key);
    q.key = key;
    refresh(s);
    int found;
    ret = cache_send(s, c, key, &found);
    if (found) return ret;

    if (api_path) return api(&q, url + 8);
    if (!strcmp(url, "/static/app.js")) {
        char *body = styr_xstrdup(styr_app_js);
        return cache_put_send(s, c, key, "text/javascript; charset=utf-8", body, strlen(body));
    }
    if (!strcmp(url, "/") || !strcmp(url, "/vis")) {
        const char *ks = arg(c, "kommune");
        /* the municipality the visitor may see: the token's own, the workspace's own, any for an all-token */
        int k = ks                                                        ? kommune_of(s, ks)
                : q.scope == STYR_SCOPE_KOMMUNE                           ? q.scope_kommune
                : s->own                                                  ? s->own
                : q.scope == STYR_SCOPE_ALL                               ? s->codes->dict.kom[0]
                                                                          : 0;
        if (!k && !ks)
            return fail(c, 0, 401,
                        "Arbejdsområdet har ingen egen kommune, så siderne kræver et token (styr serve --tokens FIL;"
                        " se styr serve --help), eller opret arbejdsområdet med styr init --kommune KODE.");
        if (!k) return fail_param(c, 0, 400, "kommune: ukendt kommunekode (fx kommune=461).", "kommune");
        char loc[512];
        int n = snprintf(loc, sizeof loc, "/kommune/%d", k);
        const char *per = arg(c, "periode");
        styr_period p;
        char sep = '?';
        if (per && *per && strlen(per) < 24 && !styr_period_parse(per, &p)) n += snprintf(loc + n, sizeof loc - (size_t)n, "%cperiode=%s", sep, p.name), sep = '&';
        const char *kl = arg(c, "klynge");
        if (kl && !strcmp(kl, "forventet")) n += snprintf(loc + n, sizeof loc - (size_t)n, "%cklynge=forventet", sep), sep = '&';
        if (tok && *tok && !auth && strlen(tok) <= 128) snprintf(loc + n, sizeof loc - (size_t)n, "%ctoken=%s", sep, tok);
        return send_body(c, MHD_HTTP_FOUND, "text/plain; charset=utf-8", "", 0, "Location", loc);
    }
    /* /kommune/K and /kommune/K/klynge */
    const char *rest = url + 9, *slash = strchr(rest, '/');
    char kb[8] = {0};
    size_t kl = slash ? (size_t)(slash - rest) : strlen(rest);
    int k = 0;
    if (kl < sizeof kb) {
        memcpy(kb, rest, kl);
        k = kommune_of(s, kb);
    }
    if (!k) return fail(c, 0, 404, "Ukendt kommune.");
    if (!slash) return page_overview(&q, k);
    if (!strcmp(slash, "/klynge")) return page_cluster(&q, k);
    if (!strcmp(slash, "/profil")) return page_profile(&q, k);
    return fail(c, 0, MHD_HTTP_NOT_FOUND, "Siden findes ikke.");
}

/* A request is over (answered, or its connection gone): free its job, and
 * start the clock for the next request's header. */
static void completed(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)toe;
    if (*state && *state != HEADERS_SEEN && *state != TOO_MANY) {
        job *j = *state;
        free(j->out);
        free(j);
    }
    *state = NULL;
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    conn *x = ci ? ci->socket_context : NULL;
    if (x) {
        atomic_store(&x->since_ms, now_ms());
        atomic_store(&x->waiting, 1);
    }
}

/* Connections opened and closed: the list the watchdog walks. libmicrohttpd
 * says "closed" before it closes the socket, so the watchdog (which holds
 * w_mu) never touches a descriptor that may have been reused. */
static void connection(void *cls, struct MHD_Connection *c, void **socket_context, enum MHD_ConnectionNotificationCode code)
{
    styr_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        conn *x = styr_xcalloc(1, sizeof *x);
        x->fd = ci ? ci->connect_fd : -1;
        atomic_store(&x->since_ms, now_ms());
        atomic_store(&x->waiting, 1);
        pthread_mutex_lock(&s->w_mu);
        x->next = s->conns;
        if (s->conns) s->conns->prev = x;
        s->conns = x;
        pthread_mutex_unlock(&s->w_mu);
        *socket_context = x;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        conn *x = *socket_context;
        pthread_mutex_lock(&s->w_mu);
        if (x->prev) x->prev->next = x->next;
        else s->conns = x->next;
        if (x->next) x->next->prev = x->prev;
        pthread_mutex_unlock(&s->w_mu);
        free(x);
        *socket_context = NULL;
    }
}

/* Twice a second: shut the socket of every connection whose request header
 * has taken longer than HEADER_DEADLINE (libmicrohttpd's own timeout only
 * counts idle time, which a byte every few seconds resets). */
static void *watchdog(void *arg)
{
    styr_server *s = arg;
    pthread_mutex_lock(&s->w_mu);
    while (!s->w_quit) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 500000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_cond_timedwait(&s->w_cv, &s->w_mu, &ts);
        long long t = now_ms();
        for (conn *x = s->conns; x; x = x->next)
            if (x->fd >= 0 && atomic_load(&x->waiting) == 1 && t - atomic_load(&x->since_ms) > (long long)(HEADER_DEADLINE * 1000)) {
                shutdown(x->fd, SHUT_RDWR);
                atomic_store(&x->waiting, 2);
            }
    }
    pthread_mutex_unlock(&s->w_mu);
    return NULL;
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
    pthread_mutex_init(&s->cache_mu, NULL);
    pthread_mutex_init(&s->q_mu, NULL);
    pthread_cond_init(&s->q_cv, NULL);
    pthread_mutex_init(&s->w_mu, NULL);
    pthread_cond_init(&s->w_cv, NULL);
    styr_ws *ws;
    const styr_panel *p;
    styr_rc rc = styr_ws_open(o->ws, STYR_WS_READ, &ws, d);
    if (!rc && !(rc = styr_ws_panel(ws, &p, d))) {
        *s->codes = *styr_ws_codes(ws);
        s->own = styr_ws_egen_kommune(ws);
        s->checksum = styr_panel_checksum(p);
        s->checked = now_s();
        char span[120];
        styr_select_span_text(p, span, sizeof span);
        snprintf(s->nodata, sizeof s->nodata, "%s: %s.",
                 styr_tr("Ingen data for den valgte periode", "No data for the chosen period"), span);
        atomic_store(&s->synthetic, styr_catalog_synthetic(ws));
        atomic_store(&s->synth_sum, s->checksum);
    }
    styr_ws_close(ws);
    if (rc) {
        styr_serve_stop(s);
        return rc;
    }
    /* room for CONN_MAX connections */
    struct rlimit rl;
    if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < CONN_MAX + 256) {
        rl.rlim_cur = rl.rlim_max < CONN_MAX + 256 ? rl.rlim_max : CONN_MAX + 256;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    if (pthread_create(&s->engine, NULL, engine, s) == 0) s->engine_up = 1;
    if (pthread_create(&s->watchdog, NULL, watchdog, s) == 0) s->watchdog_up = 1;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME;
    if (sa.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    if (s->engine_up && s->watchdog_up)
        s->d = MHD_start_daemon(flags, 0, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                                MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 2),
                                MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONN_MAX, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
                                (unsigned)PER_IP, MHD_OPTION_NOTIFY_COMPLETED, completed, s,
                                MHD_OPTION_NOTIFY_CONNECTION, connection, s, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
                                MHD_OPTION_URI_LOG_CALLBACK, uri_seen, NULL, MHD_OPTION_END);
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
    /* the engine answers what is queued with 503 and stops; then the daemon */
    pthread_mutex_lock(&s->q_mu);
    s->quit = 1;
    pthread_cond_signal(&s->q_cv);
    pthread_mutex_unlock(&s->q_mu);
    if (s->engine_up) pthread_join(s->engine, NULL);
    if (s->d) MHD_stop_daemon(s->d);
    pthread_mutex_lock(&s->w_mu);
    s->w_quit = 1;
    pthread_cond_signal(&s->w_cv);
    pthread_mutex_unlock(&s->w_mu);
    if (s->watchdog_up) pthread_join(s->watchdog, NULL);
    cache_drop(s, s->ncache);
    free(s->cache);
    free(s->codes);
    free(s->ws);
    pthread_mutex_destroy(&s->cache_mu);
    pthread_mutex_destroy(&s->q_mu);
    pthread_cond_destroy(&s->q_cv);
    pthread_mutex_destroy(&s->w_mu);
    pthread_cond_destroy(&s->w_cv);
    free(s);
}
