/* access: who may see what through styr serve.
 *
 * A tokens file has one token per line, then a municipality code or "*"
 * (KL-wide aggregate access), separated by blanks; "#" starts a comment:
 *
 *     # token                               scope
 *     7f3c1a9e5b2d48c0a1e6f9b3d2c4a8e1     461
 *     0b9e2d7c4a1f6e3b8c5d2a9f7e4b1c6d     *
 *
 * Tokens are 16 to 128 characters of [A-Za-z0-9_.~-]. Without a token only
 * suppressed aggregates of the workspace's own municipality (and national
 * figures) are served; a municipality's token shows its own figures
 * unsuppressed; "*" serves every municipality, suppressed. Tokens are compared
 * in constant time (every token is compared, over its full length). */
#ifndef STYR_ACCESS_H
#define STYR_ACCESS_H

#include <stddef.h>

#include "../core/diag.h"
#include "../ws/codes.h"

enum { STYR_SCOPE_NONE = 0, STYR_SCOPE_KOMMUNE = 1, STYR_SCOPE_ALL = 2 };

typedef struct styr_token { char tok[129]; size_t len; int kommune; } styr_token;

typedef struct styr_tokens {
    styr_token *t;
    size_t n;
} styr_tokens;

/* Read a tokens file; errors name file, line and column. */
styr_rc styr_tokens_read(const char *path, const styr_codes *codes, styr_tokens *out, styr_diags *d);
/* The same from size bytes of text (file names it in errors). */
styr_rc styr_tokens_parse(const char *file, const void *data, size_t size, const styr_codes *codes, styr_tokens *out,
                          styr_diags *d);
void styr_tokens_free(styr_tokens *t);

/* The scope of a presented token (len bytes): STYR_SCOPE_*, with the
 * municipality code in *kommune for a municipality's token. An unknown token
 * is STYR_SCOPE_NONE with *bad set. */
int styr_tokens_scope(const styr_tokens *t, const char *tok, size_t len, int *kommune, int *bad);

/* 1 when a and b (same length n) are equal, in time independent of where they differ. */
int styr_ct_equal(const char *a, const char *b, size_t n);

#endif
