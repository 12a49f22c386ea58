/* fsutil: the few file-system operations styr needs, done safely.
 *
 * Reading maps a whole file read-only. Writing never leaves a half-written
 * file under its final name: styr_atomic_* writes "<path>.tmp-<pid>", fsyncs
 * it, renames it over <path> and fsyncs the directory. */
#ifndef STYR_FSUTIL_H
#define STYR_FSUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

typedef struct styr_map {
    const unsigned char *data; /* NULL for an empty file */
    size_t size;
} styr_map;

/* Map a file read-only. On error fills d->sys and returns ENOENT or EIO; a
 * directory, FIFO, device or socket is refused without blocking. */
styr_rc styr_map_file(const char *path, styr_map *m, styr_diags *d);
void styr_unmap(styr_map *m); /* NULL-safe, idempotent */

/* Tell the kernel that bytes [0, upto) of the mapping will not be read again
 * (they stop counting as this process's resident memory). upto is rounded
 * down to a page. Reading them again is still valid: they are re-read. */
void styr_map_release(styr_map *m, size_t upto);

/* An output file being written atomically. */
typedef struct styr_atomic {
    FILE *f;
    char *path;
    char *tmp;
} styr_atomic;

/* Open <path>.tmp-<pid> for writing. */
styr_rc styr_atomic_open(styr_atomic *a, const char *path, styr_diags *d);
/* Flush, fsync, rename onto the final path, fsync the directory; closes a. */
styr_rc styr_atomic_commit(styr_atomic *a, styr_diags *d);
/* Close and delete the temporary file; NULL-safe on a closed a. */
void styr_atomic_abort(styr_atomic *a);

/* fsync a directory (so a rename in it is durable). */
styr_rc styr_fsync_dir(const char *dir, styr_diags *d);

/* Join a directory and a file name into a new string the caller frees. */
char *styr_path_join(const char *dir, const char *name);

/* Check that path names a regular file without blocking on it (a FIFO is
 * opened non-blocking). 0 when it is one; otherwise -1 with errno set (the
 * file cannot be opened) or 1 with *kind a Danish or English word for what it
 * is ("en mappe", "a FIFO"...). */
int styr_regular_file(const char *path, const char **kind);

/* A system error (errno) as a message in the user's language. */
const char *styr_strerror(int e);

/* 1 if path exists (any type). */
int styr_path_exists(const char *path);
/* Size of a regular file, or -1. */
int64_t styr_file_size(const char *path);

#endif
