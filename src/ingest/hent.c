/* hent: fetch published tables and import them all or nothing (see hent.h). */
#include "hent.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../core/mem.h"
#include "../core/period.h"
#include "fetch.h"

/* ---- messages --------------------------------------------------------------- */

/* Copy the text of m into out with {H} {T} {D} replaced (no printf formats
 * in translated texts). */
static void subst(char *out, size_t n, styr_msg m, const char *host, const char *tabel, const char *detail)
{
    size_t o = 0;
    for (const char *p = styr_msg_text(m); *p && o + 1 < n; p++) {
        const char *rep = NULL;
        if (p[0] == '{' && p[1] && p[2] == '}') {
            if (p[1] == 'H') rep = host;
            else if (p[1] == 'T') rep = tabel;
            else if (p[1] == 'D') rep = detail;
        }
        if (rep) {
            for (; *rep && o + 1 < n; rep++) out[o++] = *rep;
            p += 2;
        } else out[o++] = *p;
    }
    out[o] = 0;
}

static styr_rc fail(styr_diags *d, styr_rc rc, const char *tabel, const char *host, styr_msg m, const char *detail)
{
    char pre[64] = "", body[448];
    if (tabel) subst(pre, sizeof pre, M_HENT_IN_TABLE, host, tabel, detail);
    subst(body, sizeof body, m, host, tabel ? tabel : "", detail ? detail : "");
    return styr_diag_sys(d, rc, "%s%s", pre, body);
}

/* ---- checking what the user asked ------------------------------------------ */

static int table_id_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 31) return 0;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_') return 0;
    return 1;
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* The v3 period dimension of a jobindsats period code ("M", "Q", "QMAT", "Y"), or NULL. */
static const char *period_kind(const char *s)
{
    size_t n = strlen(s);
    styr_period p;
    if (n < 6 || !digits(s, 4)) return NULL;
    if (n == 10 && !strncmp(s + 4, "QMAT0", 5) && s[9] >= '1' && s[9] <= '4') return styr_period_parse(s, &p) ? NULL : "QMAT";
    if (n == 7 && s[4] == 'M' && digits(s + 5, 2)) return styr_period_parse(s, &p) ? NULL : "M";
    if (n == 6 && s[4] == 'Q' && s[5] >= '1' && s[5] <= '4') return styr_period_parse(s, &p) ? NULL : "Q";
    if (n == 7 && !strcmp(s + 4, "Y01")) return styr_period_parse(s, &p) ? NULL : "Y";
    return NULL;
}

static int statbank_tid_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 4) return digits(s, 4);
    if (n == 6 && digits(s, 4) && s[4] == 'K' && s[5] >= '1' && s[5] <= '4') return 1;
    if (n == 7 && digits(s, 4) && s[4] == 'M' && digits(s + 5, 2)) return 1;
    return 0;
}

void styr_hent_statbank_tid(int year, int month, char *out, size_t n)
{
    size_t o = 0;
    out[0] = 0;
    for (int y = year - 5; y <= year && o < n; y++) {
        if (y == year && month < 3) break;
        int w = snprintf(out + o, n - o, "%s%dK1", o ? "," : "", y);
        if (w < 0 || (size_t)w >= n - o) break;
        o += (size_t)w;
    }
}

/* ---- one download ------------------------------------------------------------ */

typedef struct job {
    const styr_hent_opts *o;
    char host[256];
    char dir[512];
    styr_diags *d;
} job;

/* The first bytes of a file, NUL-terminated, without a UTF-8 BOM. */
static void head_of(const char *path, char *out, size_t n)
{
    out[0] = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return;
    size_t k = fread(out, 1, n - 1, f);
    fclose(f);
    out[k] = 0;
    if (k >= 3 && !memcmp(out, "\xEF\xBB\xBF", 3)) memmove(out, out + 3, k - 2);
}

/* What a refusing answer says: the lone key of {"Forkert nøgle ...":""}, or a
 * "message"/"detail"/"error" text; "" when nothing readable. */
static void refusal_text(json_t *j, char *out, size_t n)
{
    out[0] = 0;
    if (!json_is_object(j)) return;
    const char *k;
    json_t *v;
    if (json_object_size(j) == 1) {
        json_object_foreach(j, k, v) {
            if (json_is_string(v) && !json_string_length(v)) { snprintf(out, n, "%s", k); return; }
        }
    }
    static const char *const keys[] = {"message", "Message", "detail", "error", "title"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        v = json_object_get(j, keys[i]);
        if (json_is_string(v)) { snprintf(out, n, "%s", json_string_value(v)); return; }
    }
}

/* Whether a parsed jobindsats answer is the refusal of the key. */
static int is_key_refusal(json_t *j, char *text, size_t n)
{
    if (!json_is_object(j) || json_object_get(j, "columns") || json_object_get(j, "rows")) return 0;
    const char *k;
    json_t *v;
    json_object_foreach(j, k, v) {
        if (strstr(k, "nøgle") || strstr(k, "Nøgle")) { snprintf(text, n, "%s", k); return 1; }
    }
    return 0;
}

static styr_rc net_fail(job *jb, const char *tabel, const styr_fetch_res *fr)
{
    styr_msg m = M_HENT_OTHER;
    switch (fr->fail) {
    case STYR_FETCH_RESOLVE: m = M_HENT_RESOLVE; break;
    case STYR_FETCH_CONNECT: m = M_HENT_CONNECT; break;
    case STYR_FETCH_TIMEOUT: m = M_HENT_TIMEOUT; break;
    case STYR_FETCH_DROPPED: m = M_HENT_DROPPED; break;
    case STYR_FETCH_TLS: m = M_HENT_TLS; break;
    case STYR_FETCH_TOOBIG: m = M_HENT_TOOBIG; break;
    case STYR_FETCH_WRITE: m = M_HENT_WRITE; break;
    case STYR_FETCH_CANCELLED: m = M_HENT_CANCELLED; break;
    default: break;
    }
    return fail(jb->d, STYR_EIO, tabel, jb->host, m, fr->detail);
}

enum { GOT_OK = 0, GOT_404 = 1, GOT_ERR = -1 };

/* Read a finished jobindsats exchange: GOT_OK, GOT_404, or GOT_ERR with *rc set. */
static int judge_jobindsats(job *jb, const char *tabel, const char *path, const styr_fetch_res *fr, styr_rc *rc)
{
    char text[256], st[16];
    snprintf(st, sizeof st, "%ld", fr->status);
    if (fr->status == 404) return GOT_404;
    if (fr->status >= 200 && fr->status <= 299 && fr->bytes > ((uint64_t)1 << 20)) {
        /* a large answer is a table, not a refusal: the import parses it (and
         * names the URL and the position of any error), so parsing it here
         * too would only double the time and the memory */
        char head[64];
        head_of(path, head, sizeof head);
        const char *p = head + strspn(head, " \t\r\n");
        if (*p == '{' || *p == '[') return GOT_OK;
    }
    json_error_t je;
    json_t *j = json_load_file(path, JSON_DECODE_ANY, &je);
    if (fr->status == 401 || fr->status == 403 || (j && is_key_refusal(j, text, sizeof text))) {
        /* v2 says it in words ({"Forkert nøgle ...":""}); v3 by its status */
        if (!j || !is_key_refusal(j, text, sizeof text))
            snprintf(text, sizeof text, "%s (HTTP %ld)", styr_msg_text(M_HENT_TOKEN_DEFAULT), fr->status);
        json_decref(j);
        *rc = fail(jb->d, STYR_EINPUT, NULL, jb->host, M_HENT_TOKEN_REJECTED, text);
        return GOT_ERR;
    }
    if (fr->status >= 500 || fr->status == 429) {
        json_decref(j);
        *rc = fail(jb->d, STYR_EIO, tabel, jb->host, fr->status == 429 ? M_HENT_HTTP429 : M_HENT_HTTP5, st);
        return GOT_ERR;
    }
    if (fr->status < 200 || fr->status > 299) {
        refusal_text(j, text, sizeof text);
        char det[300];
        snprintf(det, sizeof det, "%s%s%s", st, text[0] ? ": " : "", text);
        json_decref(j);
        *rc = fail(jb->d, STYR_EIO, tabel, jb->host, M_HENT_HTTP, det);
        return GOT_ERR;
    }
    if (!j) {
        char det[300];
        snprintf(det, sizeof det, "%d:%d: %s", je.line, je.column, je.text);
        *rc = fail(jb->d, STYR_EINPUT, tabel, jb->host, M_HENT_NOTJSON, det);
        return GOT_ERR;
    }
    json_decref(j);
    return GOT_OK;
}

/* Whether the file at path contains text (not empty). */
static int has_text(const char *path, const char *text)
{
    size_t k = strlen(text);
    if (!k || k > 1024) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char buf[65536 + 1024];
    size_t have = 0, got;
    int found = 0;
    while (!found && (got = fread(buf + have, 1, sizeof buf - have, f)) > 0) {
        have += got;
        for (size_t i = 0; !found && i + k <= have; i++) found = buf[i] == text[0] && !memcmp(buf + i, text, k);
        if (have >= k) { /* keep the last k-1 bytes: a match across reads */
            memmove(buf, buf + have - (k - 1), k - 1);
            have = k - 1;
        }
    }
    fclose(f);
    return found;
}

static styr_rc fetch_one(job *jb, const char *url, const char *body, const char *auth, const char *path,
                         styr_fetch_res *fr, const char *tabel)
{
    styr_fetch_req rq = {.url = url, .body = body, .auth = auth, .out_path = path,
                         .connect_timeout_s = jb->o->connect_timeout_s, .timeout_s = jb->o->timeout_s,
                         .cancel = jb->o->cancel};
    if (styr_fetch(&rq, fr)) return net_fail(jb, tabel, fr);
    /* an answer that carries the key back (a server echoing the request) would
     * put it in a message or the workspace: refused */
    if (jb->o->token && has_text(path, jb->o->token)) {
        char host[128];
        styr_fetch_host(url, host, sizeof host);
        return styr_diag_sys(jb->d, STYR_EINPUT,
                             styr_tr("tabel %s: svaret fra %s indeholder nøglen; det indlæses ikke",
                                     "table %s: the answer from %s contains the key; it is not read"),
                             tabel, host);
    }
    return STYR_OK;
}

static styr_rc get_jobindsats(job *jb, const char *tabel, const char *path, styr_hent_got *g)
{
    const styr_hent_opts *o = jb->o;
    char sel[1024] = "", url[2048], auth[600];
    styr_fetch_res fr;
    styr_rc rc = STYR_OK;
    int y30 = !strcasecmp(tabel, "y30r21");
    /* v3: the periods grouped by their kind, or the latest ones */
    if (!o->nperioder) snprintf(sel, sizeof sel, "%s", y30 ? "period.QMAT=latest:4" : "period.M=latest:14");
    static const char *const kinds[] = {"M", "Q", "QMAT", "Y"};
    for (size_t k = 0; k < 4 && o->nperioder; k++) {
        int any = 0;
        for (size_t i = 0; i < o->nperioder; i++) {
            if (strcmp(period_kind(o->perioder[i]), kinds[k])) continue;
            size_t L = strlen(sel);
            if (!any) snprintf(sel + L, sizeof sel - L, "%speriod.%s=%s", L ? "&" : "", kinds[k], o->perioder[i]);
            else snprintf(sel + L, sizeof sel - L, ",%s", o->perioder[i]);
            any = 1;
        }
    }
    int w = snprintf(url, sizeof url, "%s/v3/data/%s?mgroup.*=*&%s&hierarchy._nykom=*&format=json", o->base, tabel, sel);
    if (w < 0 || (size_t)w >= sizeof url || strlen(sel) + 1 >= sizeof sel) /* not with the limits checked */
        return styr_diag_sys(jb->d, STYR_ELIMIT, "URL > %zu", sizeof url);
    snprintf(auth, sizeof auth, "Bearer %s", o->token);
    rc = fetch_one(jb, url, NULL, auth, path, &fr, tabel);
    int r = rc ? GOT_ERR : judge_jobindsats(jb, tabel, path, &fr, &rc);
    if (r == GOT_OK) snprintf(g->api, sizeof g->api, "v3");
    /* v3 refusing the request itself (400: a selection it does not take for
     * this table) is worth a try in v2 too; its words are kept for the case
     * v2 does not know the table */
    char v3_said[sizeof jb->d->sys] = "";
    styr_rc v3_rc = rc;
    if (r == GOT_ERR && fr.status == 400) {
        snprintf(v3_said, sizeof v3_said, "%s", jb->d->sys);
        jb->d->sys[0] = 0;
        r = GOT_404;
    }
    if (r == GOT_404) {
        /* v2: POST the periods asked for, or GET the latest */
        char body[1024] = "";
        if (o->nperioder) {
            size_t L = (size_t)snprintf(body, sizeof body, "{\"area\":\"*\",\"period\":[");
            for (size_t i = 0; i < o->nperioder && L < sizeof body; i++)
                L += (size_t)snprintf(body + L, sizeof body - L, "%s\"%s\"", i ? "," : "", o->perioder[i]);
            /* STYR_HENT_MAX_PERIODS codes of at most 10 characters fit */
            snprintf(body + (L < sizeof body ? L : sizeof body - 1), sizeof body - (L < sizeof body ? L : sizeof body - 1), "]}");
            snprintf(url, sizeof url, "%s/v2/data/%s/json", o->base, tabel);
        } else
            snprintf(url, sizeof url, "%s/v2/data/%s/json/?period=%s&area=*", o->base, tabel, y30 ? "l(qmat:4)" : "l(m:14)");
        rc = fetch_one(jb, url, o->nperioder ? body : NULL, o->token, path, &fr, tabel);
        r = rc ? GOT_ERR : judge_jobindsats(jb, tabel, path, &fr, &rc);
        if (r == GOT_404 && v3_said[0]) rc = styr_diag_sys(jb->d, v3_rc, "%s", v3_said);
        else if (r == GOT_404) rc = fail(jb->d, STYR_EINPUT, tabel, jb->host, M_HENT_NOTABLE, NULL);
        if (r == GOT_OK) snprintf(g->api, sizeof g->api, "v2");
    }
    explicit_bzero(auth, sizeof auth);
    if (rc) return rc;
    g->bytes = fr.bytes;
    snprintf(g->url, sizeof g->url, "%s", url);
    return STYR_OK;
}

static styr_rc get_statbank(job *jb, const char *tabel, const char *path, styr_hent_got *g)
{
    const styr_hent_opts *o = jb->o;
    /* defaults for every table: all areas and the chosen times; FOLK1A also
     * both sexes (not the total) and every age */
    const char *names[16], *vals[16];
    size_t nv = 0;
    char tid[STYR_HENT_MAX_PERIODS * 8 + 8] = "";
    if (o->nperioder) {
        for (size_t i = 0; i < o->nperioder; i++) {
            size_t L = strlen(tid);
            snprintf(tid + L, sizeof tid - L, "%s%s", i ? "," : "", o->perioder[i]);
        }
    } else {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        styr_hent_statbank_tid(tm.tm_year + 1900, tm.tm_mon + 1, tid, sizeof tid);
    }
    names[nv] = "OMRÅDE", vals[nv++] = "*";
    if (!strcasecmp(tabel, "FOLK1A")) {
        names[nv] = "KØN", vals[nv++] = "1,2";
        names[nv] = "ALDER", vals[nv++] = "*";
    }
    names[nv] = "Tid", vals[nv++] = tid;
    char given[16][128];
    for (size_t i = 0; i < o->nvars && i < 8; i++) {
        const char *eq = strchr(o->vars[i], '=');
        size_t k = (size_t)(eq - o->vars[i]);
        snprintf(given[i], sizeof given[i], "%.*s", (int)k, o->vars[i]);
        size_t j = 0;
        while (j < nv && strcasecmp(names[j], given[i])) j++;
        if (j == nv) nv++;
        names[j] = given[i], vals[j] = eq + 1;
    }
    char url[2048], en[256], ev[1600];
    int L = snprintf(url, sizeof url, "%s/v1/data/%s/CSV?valuePresentation=Code", o->base, tabel);
    for (size_t i = 0; i < nv && L > 0 && (size_t)L < sizeof url; i++) {
        if (styr_fetch_escape(names[i], en, sizeof en) || styr_fetch_escape(vals[i], ev, sizeof ev))
            return styr_diag_sys(jb->d, STYR_EUSAGE, "%s=%s", names[i], vals[i]);
        /* ',' and '*' read better unescaped and mean the same to the API */
        char ev2[1600];
        size_t q = 0;
        for (const char *p = ev; *p && q + 1 < sizeof ev2; p++) {
            if (!strncmp(p, "%2C", 3)) { ev2[q++] = ','; p += 2; }
            else if (!strncmp(p, "%2A", 3)) { ev2[q++] = '*'; p += 2; }
            else ev2[q++] = *p;
        }
        ev2[q] = 0;
        L += snprintf(url + L, sizeof url - (size_t)L, "&%s=%s", en, ev2);
    }
    if (L < 0 || (size_t)L >= sizeof url) return styr_diag_sys(jb->d, STYR_ELIMIT, "URL > %zu", sizeof url);
    styr_fetch_res fr;
    styr_rc rc = fetch_one(jb, url, NULL, NULL, path, &fr, tabel);
    if (rc) return rc;
    char head[512], st[16];
    snprintf(st, sizeof st, "%ld", fr.status);
    head_of(path, head, sizeof head);
    if (fr.status >= 500 || fr.status == 429)
        return fail(jb->d, STYR_EIO, tabel, jb->host, fr.status == 429 ? M_HENT_HTTP429 : M_HENT_HTTP5, st);
    if (fr.status < 200 || fr.status > 299) {
        json_error_t je;
        json_t *j = json_loads(head, JSON_DECODE_ANY, &je);
        char text[256];
        refusal_text(j, text, sizeof text);
        json_decref(j);
        if (text[0]) return fail(jb->d, STYR_EINPUT, tabel, jb->host, M_HENT_STATBANK_SAYS, text);
        return fail(jb->d, STYR_EIO, tabel, jb->host, M_HENT_HTTP, st);
    }
    head[strcspn(head, "\r\n")] = 0;
    if (!strchr(head, ';') || !strstr(head, "INDHOLD")) {
        if (strlen(head) > 80) memcpy(head + 77, "...", 4);
        return fail(jb->d, STYR_EINPUT, tabel, jb->host, M_HENT_NOTCSV, head);
    }
    snprintf(g->api, sizeof g->api, "v1");
    g->bytes = fr.bytes;
    snprintf(g->url, sizeof g->url, "%s", url);
    return STYR_OK;
}

/* ---- the whole fetch ---------------------------------------------------------- */

/* The import's diagnostics name the temporary file, which is gone when the
 * user reads them: name the URL it came from instead. */
static void rename_file(styr_diags *d, const char *path, const char *url)
{
    for (size_t k = 0; k < d->nfiles; k++) {
        if (strcmp(d->files[k], path)) continue;
        char *old = d->files[k], *now = styr_xstrdup(url);
        for (size_t i = 0; i < d->n; i++) {
            if (d->v[i].file == old) d->v[i].file = now;
            if (d->v[i].file2 == old) d->v[i].file2 = now;
        }
        for (size_t i = 0; i < d->nunknown; i++) {
            if (d->unknown[i].file == old) d->unknown[i].file = now;
            if (d->unknown[i].file2 == old) d->unknown[i].file2 = now;
        }
        d->files[k] = now;
        free(old);
    }
    char *at = strstr(d->sys, path);
    if (at) {
        char rest[sizeof d->sys];
        snprintf(rest, sizeof rest, "%s", at + strlen(path));
        snprintf(at, sizeof d->sys - (size_t)(at - d->sys), "%s%s", url, rest);
    }
}


static styr_rc check_opts(const styr_hent_opts *o, styr_diags *d)
{
    if (!o->ntabeller) return styr_diag_sys(d, STYR_EUSAGE, "%s", styr_tr("ingen tabeller angivet", "no tables given"));
    if (o->ntabeller > STYR_HENT_MAX_TABLES)
        return styr_diag_sys(d, STYR_EUSAGE, styr_tr("højst %d tabeller ad gangen", "at most %d tables at a time"),
                             STYR_HENT_MAX_TABLES);
    if (strncmp(o->base, "http://", 7) && strncmp(o->base, "https://", 8))
        return styr_diag_sys(d, STYR_EUSAGE, styr_tr("--url skal begynde med http:// eller https://: %s",
                                                     "--url must begin with http:// or https://: %s"), o->base);
    if (strlen(o->base) > 400 || strpbrk(o->base, "?# \t\r\n"))
        return styr_diag_sys(d, STYR_EUSAGE, styr_tr("--url er ikke en adresse: %s", "--url is not an address: %s"), o->base);
    for (size_t i = 0; i < o->ntabeller; i++) {
        if (!table_id_ok(o->tabeller[i]))
            return styr_diag_sys(d, STYR_EUSAGE, styr_tr("'%s' er ikke et tabelnavn (bogstaver og tal, fx y01a02)",
                                                         "'%s' is not a table name (letters and digits, e.g. y01a02)"),
                                 o->tabeller[i]);
        for (size_t k = 0; k < i; k++)
            if (!strcasecmp(o->tabeller[i], o->tabeller[k]))
                return styr_diag_sys(d, STYR_EUSAGE, styr_tr("tabellen %s er nævnt to gange", "the table %s is named twice"),
                                     o->tabeller[i]);
    }
    if (o->nperioder > STYR_HENT_MAX_PERIODS)
        return styr_diag_sys(d, STYR_EUSAGE, styr_tr("højst %d perioder ad gangen", "at most %d periods at a time"),
                             STYR_HENT_MAX_PERIODS);
    for (size_t i = 0; i < o->nperioder; i++) {
        int ok = o->kilde == STYR_HENT_JOBINDSATS ? period_kind(o->perioder[i]) != NULL : statbank_tid_ok(o->perioder[i]);
        if (!ok)
            return styr_diag_sys(d, STYR_EUSAGE,
                                 o->kilde == STYR_HENT_JOBINDSATS
                                     ? styr_tr("'%s' er ikke en periode, som jobindsats.dk skriver dem (fx 2024M03, 2024Q1, 2021QMAT02, 2025Y01)",
                                               "'%s' is not a period as jobindsats.dk writes them (e.g. 2024M03, 2024Q1, 2021QMAT02, 2025Y01)")
                                     : styr_tr("'%s' er ikke en tid i Statistikbanken (fx 2024K1, 2024M01, 2024)",
                                               "'%s' is not a time in Statistikbanken (e.g. 2024K1, 2024M01, 2024)"),
                                 o->perioder[i]);
    }
    if (o->kilde == STYR_HENT_JOBINDSATS) {
        if (!o->token || !o->token[0]) return styr_diag_sys(d, STYR_EUSAGE, "%s", styr_tr("nøglen mangler", "the key is missing"));
        if (strlen(o->token) > 512) return styr_diag_sys(d, STYR_EUSAGE, "%s", styr_tr("nøglen er for lang", "the key is too long"));
        for (const char *p = o->token; *p; p++)
            if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 127)
                return styr_diag_sys(d, STYR_EUSAGE, "%s",
                                     styr_tr("nøglen må kun indeholde synlige tegn uden mellemrum",
                                             "the key may only hold visible characters without blanks"));
    }
    if (o->nvars > 8) return styr_diag_sys(d, STYR_EUSAGE, "%s", styr_tr("højst 8 udvalg", "at most 8 selections"));
    for (size_t i = 0; i < o->nvars; i++) {
        const char *eq = strchr(o->vars[i], '=');
        if (!eq || eq == o->vars[i] || !eq[1] || eq - o->vars[i] > 100 || strlen(eq) > 150 || strpbrk(o->vars[i], "&?#"))
            return styr_diag_sys(d, STYR_EUSAGE, styr_tr("'%s' er ikke et udvalg VARIABEL=VÆRDIER (fx ALDER=IALT)",
                                                         "'%s' is not a selection VARIABLE=VALUES (e.g. ALDER=IALT)"),
                                 o->vars[i]);
    }
    return STYR_OK;
}

styr_rc styr_hent(styr_ws *ws, const styr_hent_opts *o_in, styr_hent_result *res, styr_diags *d)
{
    memset(res, 0, sizeof *res);
    styr_hent_opts o = *o_in;
    if (!o.base) o.base = o.kilde == STYR_HENT_JOBINDSATS ? STYR_HENT_JOBINDSATS_URL : STYR_HENT_STATBANK_URL;
    char base[512];
    snprintf(base, sizeof base, "%s", o.base);
    size_t bl = strlen(base);
    while (bl && base[bl - 1] == '/') base[--bl] = 0;
    o.base = base;
    styr_rc rc = check_opts(&o, d);
    if (rc) return rc;
    job jb = {.o = &o, .d = d};
    styr_fetch_host(o.base, jb.host, sizeof jb.host);
    const char *tmp = o.tmpdir ? o.tmpdir : getenv("TMPDIR");
    if (!tmp || !tmp[0]) tmp = "/tmp";
    snprintf(jb.dir, sizeof jb.dir, "%s/styr-hent-XXXXXX", tmp);
    if (!mkdtemp(jb.dir)) {
        char det[600];
        snprintf(det, sizeof det, "%s: %s", tmp, strerror(errno));
        return fail(d, STYR_EIO, NULL, jb.host, M_HENT_TMPDIR, det);
    }
    size_t n = o.ntabeller;
    res->got = calloc(n, sizeof *res->got);
    char(*paths)[600] = calloc(n, sizeof *paths);
    const char **pp = calloc(n, sizeof *pp), **names = calloc(n, sizeof *names);
    if (!res->got || !paths || !pp || !names) { rc = styr_diag_sys(d, STYR_ENOMEM, "hent"); goto cleanup; }
    for (size_t i = 0; i < n; i++) {
        styr_hent_got *g = &res->got[i];
        snprintf(g->tabel, sizeof g->tabel, "%s", o.tabeller[i]);
        if (o.kilde == STYR_HENT_JOBINDSATS)
            for (char *p = g->tabel; *p; p++) *p = (char)tolower((unsigned char)*p);
        else
            for (char *p = g->tabel; *p; p++) *p = (char)toupper((unsigned char)*p);
        snprintf(paths[i], sizeof paths[i], "%s/%s.%s", jb.dir, g->tabel, o.kilde == STYR_HENT_JOBINDSATS ? "json" : "csv");
        res->ngot = i + 1;
        if (o.cancel && *o.cancel) {
            rc = fail(d, STYR_EIO, g->tabel, jb.host, M_HENT_CANCELLED, NULL);
            goto cleanup;
        }
        if (o.progress) o.progress(o.progress_ctx, g->tabel, i + 1, n, 0, 0);
        rc = o.kilde == STYR_HENT_JOBINDSATS ? get_jobindsats(&jb, g->tabel, paths[i], g)
                                              : get_statbank(&jb, g->tabel, paths[i], g);
        if (rc) goto cleanup;
        if (o.progress) o.progress(o.progress_ctx, g->tabel, i + 1, n, g->bytes, 1);
        pp[i] = paths[i];
        names[i] = g->url;
    }
    if (o.cancel && *o.cancel) {
        rc = fail(d, STYR_EIO, NULL, jb.host, M_HENT_CANCELLED, NULL);
        goto cleanup;
    }
    styr_pubimport_opts io = {.hentet = o.hentet, .names = names, .command = o.command};
    rc = styr_pub_import(ws, pp, n, &io, &res->imp, d);
    if (rc)
        for (size_t i = 0; i < n; i++) rename_file(d, paths[i], res->got[i].url);
cleanup:
    for (size_t i = 0; paths && i < n; i++)
        if (paths[i][0]) unlink(paths[i]);
    rmdir(jb.dir);
    free(paths);
    free(pp);
    free(names);
    return rc;
}

void styr_hent_result_free(styr_hent_result *res)
{
    if (!res) return;
    free(res->got);
    styr_pubimport_result_free(&res->imp);
    memset(res, 0, sizeof *res);
}
