/* fetch: one HTTP request through libcurl into a file (see fetch.h). */
#include "fetch.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct sink {
    int fd;
    uint64_t bytes, max;
    int write_failed, too_big;
} sink;

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    sink *s = ud;
    size_t n = size * nmemb, off = 0;
    /* libcurl before 8.4 checks CURLOPT_MAXFILESIZE only against a
     * Content-Length: an endless chunked or compressed answer stops here */
    if (s->bytes + n > s->max) {
        s->too_big = 1;
        return 0;
    }
    while (off < n) {
        ssize_t w = write(s->fd, p + off, n - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            s->write_failed = 1;
            return 0; /* makes libcurl stop with CURLE_WRITE_ERROR */
        }
        off += (size_t)w;
    }
    s->bytes += n;
    return n;
}

/* libcurl calls this about once a second and whenever data moves: non-zero stops */
static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    const volatile sig_atomic_t *cancel = ud;
    return *cancel != 0;
}

static styr_fetch_fail classify(CURLcode c)
{
    switch (c) {
    case CURLE_OK: return STYR_FETCH_OK;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return STYR_FETCH_RESOLVE;
    case CURLE_COULDNT_CONNECT: return STYR_FETCH_CONNECT;
    case CURLE_OPERATION_TIMEDOUT: return STYR_FETCH_TIMEOUT;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING: return STYR_FETCH_DROPPED;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE: return STYR_FETCH_TLS;
    case CURLE_FILESIZE_EXCEEDED: return STYR_FETCH_TOOBIG;
    case CURLE_WRITE_ERROR: return STYR_FETCH_WRITE;
    case CURLE_ABORTED_BY_CALLBACK: return STYR_FETCH_CANCELLED;
    default: return STYR_FETCH_OTHER;
    }
}

static int curl_ready;

styr_rc styr_fetch(const styr_fetch_req *rq, styr_fetch_res *res)
{
    memset(res, 0, sizeof *res);
    if (!curl_ready) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
            res->fail = STYR_FETCH_OTHER;
            snprintf(res->detail, sizeof res->detail, "curl_global_init");
            return STYR_EIO;
        }
        curl_ready = 1;
    }
    sink s = {.fd = open(rq->out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600),
              .max = rq->max_bytes ? rq->max_bytes : (uint64_t)STYR_FETCH_MAX_BYTES};
    if (s.fd < 0) {
        res->fail = STYR_FETCH_WRITE;
        snprintf(res->detail, sizeof res->detail, "%s: %s", rq->out_path, strerror(errno));
        return STYR_EIO;
    }
    CURL *h = curl_easy_init();
    if (!h) {
        close(s.fd);
        res->fail = STYR_FETCH_OTHER;
        snprintf(res->detail, sizeof res->detail, "curl_easy_init");
        return STYR_EIO;
    }
    char err[CURL_ERROR_SIZE] = "";
    char authline[2048] = "";
    struct curl_slist *hdr = NULL;
    hdr = curl_slist_append(hdr, "Accept: application/json, text/csv;q=0.9, */*;q=0.5");
    if (rq->body) hdr = curl_slist_append(hdr, "Content-Type: application/json");
    if (rq->auth) {
        snprintf(authline, sizeof authline, "Authorization: %s", rq->auth);
        hdr = curl_slist_append(hdr, authline);
    }
    curl_easy_setopt(h, CURLOPT_URL, rq->url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "styr/" STYR_VERSION " (libcurl)");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    if (rq->cancel) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)rq->cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    } else
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, rq->connect_timeout_s > 0 ? rq->connect_timeout_s : 15L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, rq->timeout_s > 0 ? rq->timeout_s : 600L);
    /* a stalled answer (under 1 byte a second for a minute) is a timeout too */
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);
    /* libcurl drops a custom Authorization header on a redirect to another
     * host unless CURLOPT_UNRESTRICTED_AUTH is set, which it is not */
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s.max);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
    if (rq->body) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, rq->body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(rq->body));
    }
    CURLcode c = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &res->status);
    char *ct = NULL;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
        snprintf(res->content_type, sizeof res->content_type, "%s", ct);
    res->bytes = s.bytes;
    curl_slist_free_all(hdr);
    curl_easy_cleanup(h);
    explicit_bzero(authline, sizeof authline);
    int close_failed = close(s.fd) != 0;
    if (c == CURLE_OK && close_failed) {
        res->fail = STYR_FETCH_WRITE;
        snprintf(res->detail, sizeof res->detail, "%s: %s", rq->out_path, strerror(errno));
        return STYR_EIO;
    }
    if (c != CURLE_OK) {
        res->fail = s.too_big ? STYR_FETCH_TOOBIG : s.write_failed ? STYR_FETCH_WRITE : classify(c);
        snprintf(res->detail, sizeof res->detail, "%s", err[0] ? err : curl_easy_strerror(c));
        return STYR_EIO;
    }
    return STYR_OK;
}

void styr_fetch_host(const char *url, char *out, size_t n)
{
    if (!n) return;
    out[0] = 0;
    if (!url) return;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t k = strcspn(p, "/?#");
    const char *at = memchr(p, '@', k); /* never show user:password@ */
    if (at) { k -= (size_t)(at + 1 - p); p = at + 1; }
    if (k >= n) k = n - 1;
    memcpy(out, p, k);
    out[k] = 0;
}

int styr_fetch_escape(const char *s, char *out, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int keep = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
                   *p == '_' || *p == '.' || *p == '~';
        if (o + (keep ? 1 : 3) >= n) return -1;
        if (keep) out[o++] = (char)*p;
        else { out[o++] = '%'; out[o++] = hex[*p >> 4]; out[o++] = hex[*p & 15]; }
    }
    out[o] = 0;
    return 0;
}
