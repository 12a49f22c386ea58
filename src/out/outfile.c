/* outfile: report destinations and CSV cells. */
#include "outfile.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "../core/fsutil.h"
#include "../core/msg.h"
#include "../core/num.h"

static _Thread_local FILE *capture;

void styr_dest_capture(FILE *f) { capture = f; }

styr_rc styr_dest_open(styr_dest *x, const char *path, styr_diags *d)
{
    memset(x, 0, sizeof *x);
    if (!path || !strcmp(path, "-")) { x->f = capture ? capture : stdout; return STYR_OK; }
    styr_rc rc = styr_atomic_open(&x->a, path, d);
    if (rc) return rc;
    x->f = x->a.f;
    x->atomic = 1;
    return STYR_OK;
}

styr_rc styr_dest_close(styr_dest *x, int ok, styr_diags *d)
{
    if (!x->atomic) {
        fflush(x->f);
        return ok ? STYR_OK : styr_diag_sys(d, STYR_EIO, "%s: %s", styr_tr("standardoutput", "standard output"), styr_strerror(errno));
    }
    if (!ok) {
        styr_atomic_abort(&x->a);
        return styr_diag_sys(d, STYR_EIO, "%s", styr_strerror(errno));
    }
    return styr_atomic_commit(&x->a, d);
}

void styr_csv_text(FILE *f, const char *s)
{
    if (!strpbrk(s, ";\"\n")) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void styr_csv_number(FILE *f, double v, int decimals)
{
    char b[64];
    if (!isfinite(v)) return; /* no data: an empty field, never "nan" */
    double r = styr_round(v, decimals);
    snprintf(b, sizeof b, "%.*f", decimals, r == 0 ? 0.0 : r);
    for (char *p = b; *p; p++)
        if (*p == '.') *p = ',';
    fputs(b, f);
}
