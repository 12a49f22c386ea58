/* Fuzz target: what a client or an operator hands styr serve. Any bytes as a
 * tokens file (an accepted file has valid tokens and scopes); any bytes as a
 * URL through the strict percent-decoding and the path check (a decoded string
 * is never longer, an accepted path has no "..", "//", backslash or control
 * character); and any bytes as a presented token (never a scope without a
 * match). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/access.h"
#include "web/url.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_tokens t;
    styr_rc rc = styr_tokens_parse("fuzz.txt", data, size, styr_ws_codes(ws), &t, &d);
    if (rc == STYR_OK) {
        for (size_t i = 0; i < t.n; i++) {
            if (t.t[i].len < 16 || t.t[i].len > 128 || strlen(t.t[i].tok) != t.t[i].len) abort();
            if (t.t[i].kommune < 0 || t.t[i].kommune > 999) abort();
            int k, bad;
            int sc = styr_tokens_scope(&t, t.t[i].tok, t.t[i].len, &k, &bad);
            if (bad || sc == STYR_SCOPE_NONE) abort();
        }
    } else if (t.n || !d.sys[0]) {
        abort();
    }
    int k, bad;
    int sc = styr_tokens_scope(&t, (const char *)data, size, &k, &bad);
    if (sc != STYR_SCOPE_NONE && bad) abort();
    styr_tokens_free(&t);
    styr_diags_free(&d);

    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = 0;
    size_t before = strlen(s);
    size_t after = styr_url_unescape(s);
    if (after > before || after != strlen(s)) abort();
    if (!styr_url_bad_path(s)) {
        if (s[0] != '/' || strstr(s, "..") || strstr(s, "//") || strchr(s, '\\') || strlen(s) > STYR_URL_MAX) abort();
        for (const char *p = s; *p; p++)
            if ((unsigned char)*p < 0x20) abort();
    }
    free(s);
    return 0;
}
