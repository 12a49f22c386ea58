/* rng: a small deterministic random number generator (xoshiro256**, seeded
 * through splitmix64) and the distributions the synthetic population uses.
 * Same seed, same numbers, on every machine. */
#ifndef STYR_RNG_H
#define STYR_RNG_H

#include <math.h>
#include <stdint.h>

typedef struct styr_rng { uint64_t s[4]; } styr_rng;

static inline uint64_t styr_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline void styr_rng_seed(styr_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (int i = 0; i < 4; i++) r->s[i] = styr_splitmix64(&x);
}

static inline uint64_t styr_rng_next(styr_rng *r)
{
    uint64_t *s = r->s;
    uint64_t x = s[1] * 5;
    uint64_t out = ((x << 7) | (x >> 57)) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return out;
}

/* uniform in [0, 1) */
static inline double styr_rng_u01(styr_rng *r) { return (double)(styr_rng_next(r) >> 11) * 0x1.0p-53; }

/* uniform integer in [lo, hi] */
static inline int styr_rng_int(styr_rng *r, int lo, int hi)
{
    return lo + (int)((styr_rng_next(r) >> 33) % (uint64_t)(hi - lo + 1));
}

static inline double styr_rng_normal(styr_rng *r)
{
    double u = styr_rng_u01(r), v = styr_rng_u01(r);
    return sqrt(-2.0 * log(1.0 - u)) * cos(6.283185307179586 * v);
}

/* lognormal with the given median and log-sd */
static inline double styr_rng_lognormal(styr_rng *r, double median, double sigma)
{
    return median * exp(sigma * styr_rng_normal(r));
}

/* exponential with the given mean */
static inline double styr_rng_exp(styr_rng *r, double mean) { return -mean * log(1.0 - styr_rng_u01(r)); }

#endif
