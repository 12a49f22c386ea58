/* serve: the dashboard and JSON API over a workspace (styr serve), on
 * libmicrohttpd (Debian's libmicrohttpd: a small, well-kept C HTTP server
 * with its own thread pool, connection and memory limits and timeouts, so
 * styr adds routing and content, not socket handling).
 *
 * API under /api/v1/ (kommuner, klynger, figurer, sammenlign, scorecard, maal,
 * oekonomi, effekt, profil): the JSON each comes from the same code as the
 * command line's --format json (the command runs in the server with its
 * output captured), with discretion; errors are JSON {"fejl": ..., "status":
 * ...} with a Danish message. Pages: /kommune/K (the overview: the report's
 * renderer with a navigation bar), /kommune/K/klynge (one cluster chart),
 * /static/app.js. Responses are cached per (path, the route's parameters
 * normalised, access) for the panel they were made from and carry an ETag
 * from the panel checksum; the catalog is looked at every two seconds at
 * most, and when an import has installed another panel the cache is emptied.
 * Cache hits are answered by libmicrohttpd's threads; commands run one at a
 * time on an engine thread behind a bounded queue with a deadline (503).
 *
 * Hardening: GET and HEAD only (405 otherwise), no request body, a 16 KB
 * limit on a request's header, only the parameters a route takes (400 naming
 * the one at fault), at most 120 periods and 2,000 rows per request and 8 MB
 * per answer (400/413), at most 64 connections per client address, a
 * 10-second idle timeout and a 10-second deadline for a request's header,
 * strict percent-decoding (a bad escape is 400), no ".." or absolute paths
 * anywhere, security headers on every response (CSP without external
 * sources, nosniff, no referrer, no framing). Binds to loopback unless told
 * otherwise. */
#ifndef STYR_SERVE_H
#define STYR_SERVE_H

#include "../core/diag.h"
#include "access.h"

typedef struct styr_serve_opts {
    const char *ws;              /* workspace directory */
    const char *listen;          /* "127.0.0.1:8080" (host:port, IPv4 or [IPv6]) */
    const styr_tokens *tokens;   /* may be empty */
    int threads;                 /* 0: 2 */
} styr_serve_opts;

typedef struct styr_server styr_server;

styr_rc styr_serve_start(const styr_serve_opts *o, styr_server **out, styr_diags *d);
/* The port the server listens on (useful with port 0). */
int styr_serve_port(const styr_server *s);
void styr_serve_stop(styr_server *s); /* NULL-safe */

#endif
