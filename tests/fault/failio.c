/* failio: an LD_PRELOAD shim that makes the Nth write-side system call fail
 * with ENOSPC, to prove that a full disk at any step leaves a usable workspace.
 *
 * Counted calls: write, pwrite, pwrite64, writev, fwrite (all except to
 * standard output and error), fsync, fdatasync, ftruncate, rename, and open
 * with O_CREAT. SQLite's journal and database writes, the panel file, its
 * fsync and rename, and the directory fsync all pass through them.
 *
 *   STYR_FAULT_AT=N       fail the Nth counted call (1-based); 0 or unset: none
 *   STYR_FAULT_STICKY=1   and every counted call after it (the disk stays full)
 *   STYR_FAULT_COUNT=F    at exit, write the number of counted calls to F
 *
 * Built by the Makefile as $(BUILD)/failio.so; driven by tests/fault/durable.sh. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long at = -1, count;
static int sticky;

static void setup(void)
{
    if (at >= 0) return;
    const char *s = getenv("STYR_FAULT_AT");
    at = s ? atol(s) : 0;
    s = getenv("STYR_FAULT_STICKY");
    sticky = s && *s == '1';
}

/* 1 when this call is to fail */
static int hit(void)
{
    setup();
    count++;
    if (at <= 0) return 0;
    if (count == at || (sticky && count > at)) {
        errno = ENOSPC;
        return 1;
    }
    return 0;
}

__attribute__((destructor)) static void report(void)
{
    const char *f = getenv("STYR_FAULT_COUNT");
    if (!f) return;
    FILE *o = fopen(f, "w");
    if (!o) return;
    fprintf(o, "%ld\n", count);
    fclose(o);
}

#define REAL(name) static __typeof__(name) *real_##name; if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(write);
    if (fd > 2 && hit()) return -1;
    return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    REAL(pwrite);
    if (hit()) return -1;
    return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    REAL(pwrite64);
    if (hit()) return -1;
    return real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *v, int n)
{
    REAL(writev);
    if (fd > 2 && hit()) return -1;
    return real_writev(fd, v, n);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    REAL(fwrite);
    int fd = fileno(f);
    if (fd > 2 && hit()) return 0;
    return real_fwrite(p, size, n, f);
}

int fsync(int fd)
{
    REAL(fsync);
    if (hit()) return -1;
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    REAL(fdatasync);
    if (hit()) return -1;
    return real_fdatasync(fd);
}

int ftruncate(int fd, off_t len)
{
    REAL(ftruncate);
    if (hit()) return -1;
    return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
    REAL(ftruncate64);
    if (hit()) return -1;
    return real_ftruncate64(fd, len);
}

int rename(const char *a, const char *b)
{
    REAL(rename);
    if (hit()) return -1;
    return real_rename(a, b);
}

static int open_common(const char *path, int flags, mode_t mode, int is64)
{
    static int (*real_open)(const char *, int, ...), (*real_open64)(const char *, int, ...);
    if (!real_open) real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    if (!real_open64) real_open64 = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
    if ((flags & O_CREAT) && hit()) return -1;
    return is64 ? real_open64(path, flags, mode) : real_open(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return open_common(path, flags, mode, 0);
}

int open64(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return open_common(path, flags, mode, 1);
}
