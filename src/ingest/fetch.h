/* fetch: one HTTP request through libcurl, its answer written to a file.
 *
 * The only module that talks to the network. It promises: the answer body is
 * written to out_path (created 0600, truncated) and nowhere else; the
 * Authorization value is sent as a header and never copied into the result,
 * an error text or a log; every failure is classified (host not found,
 * connection refused, timeout, connection dropped mid-answer, TLS, local
 * write) so the caller can say in plain words what went wrong. An HTTP status
 * other than 2xx is not a failure here: the caller reads status and body.
 * Never prints. */
#ifndef STYR_FETCH_H
#define STYR_FETCH_H

#include <signal.h>
#include <stdint.h>
#include <stddef.h>

#include "../core/diag.h"

typedef enum styr_fetch_fail {
    STYR_FETCH_OK = 0,
    STYR_FETCH_RESOLVE,  /* the host name could not be resolved */
    STYR_FETCH_CONNECT,  /* no connection (refused, unreachable, no network) */
    STYR_FETCH_TIMEOUT,  /* the connection or the answer took too long */
    STYR_FETCH_DROPPED,  /* the connection closed before the whole answer came */
    STYR_FETCH_TLS,      /* the secure connection failed (certificate, handshake) */
    STYR_FETCH_TOOBIG,   /* the answer exceeded STYR_FETCH_MAX_BYTES */
    STYR_FETCH_WRITE,    /* the local file could not be written */
    STYR_FETCH_CANCELLED, /* *cancel was set (the user pressed Ctrl-C) */
    STYR_FETCH_OTHER     /* anything else libcurl reports */
} styr_fetch_fail;

#define STYR_FETCH_MAX_BYTES ((int64_t)1 << 30)

typedef struct styr_fetch_req {
    const char *url;        /* the full URL (no credentials in it) */
    const char *body;       /* a JSON body to POST, or NULL for GET */
    const char *auth;       /* the Authorization header's value, or NULL */
    const char *out_path;   /* where the answer body goes */
    long connect_timeout_s; /* 0 = 15 s */
    long timeout_s;         /* the whole request; 0 = 600 s (and under 1 byte/s for 60 s is a timeout) */
    const volatile sig_atomic_t *cancel; /* when set non-zero (by a signal handler) the request stops; or NULL */
    uint64_t max_bytes;     /* the answer body's cap, also while it comes (chunked, gzip); 0 = STYR_FETCH_MAX_BYTES */
} styr_fetch_req;

typedef struct styr_fetch_res {
    styr_fetch_fail fail;
    long status;            /* the HTTP status, 0 when no answer came */
    uint64_t bytes;         /* body bytes received */
    char content_type[96];
    char detail[256];       /* libcurl's words for a failure ("" when none) */
} styr_fetch_res;

/* Send one request and write the answer body to rq->out_path. Returns
 * STYR_OK when an HTTP answer came whole (whatever its status), STYR_EIO with
 * res->fail set otherwise (a partial file may be left for the caller to
 * remove). The Authorization value is not kept anywhere. */
styr_rc styr_fetch(const styr_fetch_req *rq, styr_fetch_res *res);

/* The host (and port, when given) of a URL, for messages; "" when none. */
void styr_fetch_host(const char *url, char *out, size_t n);

/* Percent-encode s (RFC 3986 unreserved bytes kept) into out; 0, or -1 when it does not fit. */
int styr_fetch_escape(const char *s, char *out, size_t n);

#endif
