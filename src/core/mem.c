/* mem: aborting wrappers for bookkeeping and a capped grower for input-sized arrays. */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "styr: out of memory (%zu bytes)\n", n);
    abort();
}

void *styr_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *styr_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *styr_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *styr_xstrdup(const char *s) { return styr_xstrndup(s, strlen(s)); }

char *styr_xstrndup(const char *s, size_t n)
{
    char *p = styr_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

size_t styr_alloc_cap(void)
{
    static size_t cap;
    if (!cap) {
        const char *e = getenv("STYR_MAX_ALLOC_MB");
        unsigned long long mb = e ? strtoull(e, NULL, 10) : 0;
        cap = mb ? (size_t)(mb << 20) : (size_t)16 << 30;
    }
    return cap;
}

int styr_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    void **p = pp;
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2) return -1;
        n *= 2;
    }
    if (n > SIZE_MAX / elem || n * elem > styr_alloc_cap()) {
        n = need; /* try the exact size before giving up */
        if (n > SIZE_MAX / elem || n * elem > styr_alloc_cap()) return -1;
    }
    void *q = realloc(*p, n * elem);
    if (!q) return -1;
    *p = q;
    *cap = n;
    return 0;
}
