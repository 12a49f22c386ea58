/* suggest: what to say when a user types a name that is not quite right.
 *
 * styr_fold reduces a typed name to the letters that matter (ASCII lower case,
 * æ/ø/å as ae/oe/aa, é as e, no blanks, hyphens or underscores), so
 * "Høje-Taastrup", "hoeje taastrup" and "HØJE_TAASTRUP" are one name.
 * styr_suggest ranks candidates by edit distance between folded texts; a
 * candidate may appear under several texts (a code and its display names),
 * and is returned once. */
#ifndef STYR_SUGGEST_H
#define STYR_SUGGEST_H

#include <stddef.h>

/* Fold s (NUL-terminated, UTF-8) into out; returns the folded length, or 0 when
 * it does not fit in cap - 1 bytes. */
size_t styr_fold(const char *s, char *out, size_t cap);

/* Levenshtein distance between two NUL-terminated strings of at most 63 bytes
 * (longer ones are compared by their first 63). */
int styr_edit_distance(const char *a, const char *b);

/* One text a candidate can be found by, and the value to suggest for it. */
typedef struct styr_cand {
    const char *text;
    const char *value;
} styr_cand;

/* The values of the candidates nearest to typed, nearest first (ties in the
 * candidates' order), each once, at most max. With close != 0 only candidates
 * that are plausibly meant are kept (a distance of at most a third of the
 * length, at least 1, or one name containing the other); otherwise all.
 * Returns how many were written to out. */
int styr_suggest(const char *typed, const styr_cand *c, int n, int close, const char **out, int max);

#endif
