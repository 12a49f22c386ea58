/* fsutil: mapping files and writing them atomically. */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

const char *styr_strerror(int e)
{
    switch (e) {
    case ENOSPC: return styr_tr("der er ikke plads på disken", "no space left on the disk");
    case EDQUOT: return styr_tr("diskkvoten er opbrugt", "the disk quota is used up");
    case EIO: return styr_tr("skrive- eller læsefejl på disken", "disk input/output error");
    case EACCES:
    case EPERM: return styr_tr("adgang nægtet", "permission denied");
    case EROFS: return styr_tr("filsystemet er skrivebeskyttet", "the file system is read-only");
    case ENOENT: return styr_tr("filen eller mappen findes ikke", "no such file or directory");
    case EISDIR: return styr_tr("er en mappe", "is a directory");
    case ENOTDIR: return styr_tr("en del af stien er ikke en mappe", "a part of the path is not a directory");
    case EEXIST: return styr_tr("findes allerede", "already exists");
    case EFBIG: return styr_tr("filen er for stor", "the file is too large");
    case ENOMEM: return styr_tr("ikke nok hukommelse", "out of memory");
    case EMFILE:
    case ENFILE: return styr_tr("for mange åbne filer", "too many open files");
    default: return strerror(e);
    }
}

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m)) return styr_tr("en mappe", "a directory");
    if (S_ISFIFO(m)) return styr_tr("en FIFO (navngivet rør)", "a FIFO (named pipe)");
    if (S_ISCHR(m)) return styr_tr("en tegnenhed", "a character device");
    if (S_ISBLK(m)) return styr_tr("en blokenhed", "a block device");
    if (S_ISSOCK(m)) return styr_tr("en sokkel", "a socket");
    return styr_tr("ikke en almindelig fil", "not a regular file");
}

/* Open path for reading if it is a regular file: O_NONBLOCK so that a FIFO
 * without a writer does not block, then fstat. Returns the fd (blocking mode
 * restored), -1 with errno, or -2 with *kind set. */
static int open_regular(const char *path, const char **kind)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        *kind = kind_of(st.st_mode);
        return -2;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

int styr_regular_file(const char *path, const char **kind)
{
    int fd = open_regular(path, kind);
    if (fd < 0) return fd == -2 ? 1 : -1;
    close(fd);
    return 0;
}

styr_rc styr_map_file(const char *path, styr_map *m, styr_diags *d)
{
    m->data = NULL;
    m->size = 0;
    const char *kind = NULL;
    int fd = open_regular(path, &kind);
    if (fd == -2)
        return styr_diag_sys(d, STYR_EIO, "%s: %s %s", path, styr_tr("kan ikke læses: det er", "cannot be read: it is"),
                             kind);
    if (fd < 0)
        return styr_diag_sys(d, errno == ENOENT ? STYR_ENOENT : STYR_EIO, "%s: %s", path, styr_strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, styr_strerror(e));
    }
    if (st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int e = errno;
            close(fd);
            return styr_diag_sys(d, STYR_EIO, "%s: mmap: %s", path, styr_strerror(e));
        }
        madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
        m->data = p;
        m->size = (size_t)st.st_size;
    }
    close(fd);
    return STYR_OK;
}

void styr_unmap(styr_map *m)
{
    if (m && m->data) munmap((void *)m->data, m->size);
    if (m) { m->data = NULL; m->size = 0; }
}

void styr_map_release(styr_map *m, size_t upto)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    upto -= upto % page;
    if (m->data && upto && upto <= m->size) madvise((void *)m->data, upto, MADV_DONTNEED);
}

char *styr_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = styr_xmalloc(a + b + 2);
    memcpy(p, dir, a);
    size_t o = a;
    if (a && dir[a - 1] != '/') p[o++] = '/';
    memcpy(p + o, name, b + 1);
    return p;
}

int styr_path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int64_t styr_file_size(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) return -1;
    return (int64_t)st.st_size;
}

styr_rc styr_atomic_open(styr_atomic *a, const char *path, styr_diags *d)
{
    char suffix[40];
    snprintf(suffix, sizeof suffix, ".tmp-%ld", (long)getpid());
    a->path = styr_xstrdup(path);
    a->tmp = styr_xmalloc(strlen(path) + sizeof suffix);
    strcpy(a->tmp, path);
    strcat(a->tmp, suffix);
    a->f = fopen(a->tmp, "wbx");
    if (!a->f) {
        int e = errno;
        free(a->path);
        free(a->tmp);
        a->path = a->tmp = NULL;
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, styr_strerror(e));
    }
    return STYR_OK;
}

static char *dir_of(const char *path)
{
    const char *s = strrchr(path, '/');
    if (!s) return styr_xstrdup(".");
    if (s == path) return styr_xstrdup("/");
    return styr_xstrndup(path, (size_t)(s - path));
}

styr_rc styr_fsync_dir(const char *dir, styr_diags *d)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return styr_diag_sys(d, STYR_EIO, "%s: %s", dir, styr_strerror(errno));
    int r = fsync(fd);
    int e = errno;
    close(fd);
    if (r < 0 && e != EINVAL) return styr_diag_sys(d, STYR_EIO, "%s: fsync: %s", dir, styr_strerror(e));
    return STYR_OK;
}

styr_rc styr_atomic_commit(styr_atomic *a, styr_diags *d)
{
    styr_rc rc = STYR_OK;
    if (fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) != 0) {
        rc = styr_diag_sys(d, STYR_EIO, "%s: %s", a->path, styr_strerror(errno));
        styr_atomic_abort(a);
        return rc;
    }
    if (fclose(a->f) != 0) {
        a->f = NULL;
        rc = styr_diag_sys(d, STYR_EIO, "%s: %s", a->path, styr_strerror(errno));
        styr_atomic_abort(a);
        return rc;
    }
    a->f = NULL;
    if (rename(a->tmp, a->path) != 0) {
        rc = styr_diag_sys(d, STYR_EIO, "%s: rename: %s", a->path, styr_strerror(errno));
        styr_atomic_abort(a);
        return rc;
    }
    char *dir = dir_of(a->path);
    rc = styr_fsync_dir(dir, d);
    free(dir);
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
    return rc;
}

void styr_atomic_abort(styr_atomic *a)
{
    if (!a) return;
    if (a->f) fclose(a->f);
    if (a->tmp) unlink(a->tmp);
    free(a->path);
    free(a->tmp);
    a->f = NULL;
    a->path = a->tmp = NULL;
}
