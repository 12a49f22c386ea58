/* mem: allocation helpers.
 *
 * Two kinds of allocation, as in ReadStat: small bookkeeping objects use the
 * styr_x* wrappers, which abort on failure (there is nothing sensible to do);
 * allocations whose size comes from input data (rows, persons, runs) use
 * styr_grow, which checks the size against a cap and returns an error that
 * the caller turns into STYR_ENOMEM with a message. */
#ifndef STYR_MEM_H
#define STYR_MEM_H

#include <stddef.h>

void *styr_xmalloc(size_t n);
void *styr_xcalloc(size_t n, size_t size);
void *styr_xrealloc(void *p, size_t n);
char *styr_xstrdup(const char *s);
char *styr_xstrndup(const char *s, size_t n);

/* The largest single input-sized allocation styr makes (bytes). 16 GiB by
 * default; STYR_MAX_ALLOC_MB in the environment lowers or raises it. */
size_t styr_alloc_cap(void);

/* Grow *p (an array of elements of size elem with capacity *cap) so that it
 * holds at least need elements. Doubles the capacity. Returns 0 on success,
 * -1 when the size overflows, exceeds styr_alloc_cap() or realloc fails;
 * *p and *cap are unchanged then. */
int styr_grow(void *p, size_t *cap, size_t need, size_t elem);

#endif
