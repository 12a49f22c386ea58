/* secret: making and reading the workspace's pseudonym key. */
#include "secret.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/fsutil.h"

styr_rc styr_secret_create(const char *dir, styr_diags *d)
{
    char path[4096], tmp[4096];
    snprintf(path, sizeof path, "%s/%s", dir, STYR_SECRET_FILE);
    snprintf(tmp, sizeof tmp, "%s/%s.tmp-%ld", dir, STYR_SECRET_FILE, (long)getpid());
    if (access(path, F_OK) == 0) return styr_diag_sys(d, STYR_EEXIST, "%s", path);
    unsigned char key[STYR_CPR_KEYLEN];
    if (RAND_bytes(key, sizeof key) != 1) return styr_diag_sys(d, STYR_EIO, "%s: RAND_bytes failed", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        styr_cpr_wipe(key, sizeof key);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", tmp, strerror(errno));
    }
    int ok = fchmod(fd, 0600) == 0 && write(fd, key, sizeof key) == (ssize_t)sizeof key && fsync(fd) == 0;
    styr_cpr_wipe(key, sizeof key);
    if (close(fd) != 0) ok = 0;
    if (!ok || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, strerror(e));
    }
    return styr_fsync_dir(dir, d);
}

styr_rc styr_ws_secret(styr_ws *ws, int create, unsigned char key[STYR_CPR_KEYLEN], styr_diags *d)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", styr_ws_dir(ws), STYR_SECRET_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        if (!create) return STYR_ENOENT;
        styr_rc rc = styr_secret_create(styr_ws_dir(ws), d);
        if (rc) return rc;
        fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) return styr_diag_sys(d, STYR_EIO, "%s: %s", path, strerror(errno));
    struct stat st;
    ssize_t got = fstat(fd, &st) == 0 && st.st_size == STYR_CPR_KEYLEN ? read(fd, key, STYR_CPR_KEYLEN) : -1;
    close(fd);
    if (got != STYR_CPR_KEYLEN)
        return styr_diag_sys(d, STYR_EWS, "%s: %s", path,
                             styr_tr("nøglen til pseudonymer er beskadiget (ikke 32 byte)",
                                     "the pseudonym key is damaged (not 32 bytes)"));
    return STYR_OK;
}
