/* profile_data: the directions, themes and recommendations of the profile
 * (data/profil_*.csv; profile.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../ws/refdata.h"
#include "profile_int.h"

/* Split line (no newline) at ';' into at most max fields (in place); the last
 * field takes the rest of the line, ';' and all (a text may hold one). */
static int split(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; n < max;) {
        f[n++] = p;
        if (n == max) break;
        char *s = strchr(p, ';');
        if (!s) break;
        *s = 0;
        p = s + 1;
    }
    return n;
}

/* Each line of text (the header and '#' comments skipped) to fn; stops at fn's nonzero. */
static int each_line(const char *text, size_t len, int (*fn)(void *, char *, unsigned long), void *ctx)
{
    unsigned long ln = 0;
    int header = 1;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n') j++;
        ln++;
        size_t n = j - i;
        if (n && text[i + n - 1] == '\r') n--;
        if (n >= 3 && !memcmp(text + i, "\xEF\xBB\xBF", 3)) i += 3, n -= 3; /* a BOM */
        if (n && text[i] != '#') {
            if (header) header = 0;
            else {
                char buf[1024];
                if (n >= sizeof buf) n = sizeof buf - 1;
                memcpy(buf, text + i, n);
                buf[n] = 0;
                int rc = fn(ctx, buf, ln);
                if (rc) return rc;
            }
        }
        i = j + 1;
    }
    return 0;
}

typedef struct ctx {
    styr_profile_data *pd;
    const styr_codes *c;
    const char *file;
    styr_diags *d;
    styr_rc rc;
} ctx;

/* A group key or "*" (-1); -2 when the workspace has no such group (the row is skipped). */
static int group_of(const styr_codes *c, const char *s)
{
    if (!strcmp(s, "*")) return -1;
    int g = styr_codes_ydelse(c, s, strlen(s));
    return g > 0 ? g : -2;
}

static int dir_row(void *p, char *line, unsigned long ln)
{
    ctx *x = p;
    char *f[6];
    if (split(line, f, 6) != 6) return 0; /* embedded: checked by the tests */
    (void)ln;
    int g = group_of(x->c, f[1]);
    if (g == -2) return 0;
    styr_profile_data *pd = x->pd;
    if (pd->nd == pd->capd) {
        pd->capd = pd->capd ? 2 * pd->capd : 64;
        pd->d = styr_xrealloc(pd->d, (size_t)pd->capd * sizeof *pd->d);
    }
    styr_pdir *r = &pd->d[pd->nd++];
    memset(r, 0, sizeof *r);
    snprintf(r->fig, sizeof r->fig, "%s", f[0]);
    r->g = g;
    r->tema = atoi(f[2]);
    if (r->tema < 1 || r->tema > STYR_NTEMAER) r->tema = 5;
    r->dir = !strcmp(f[3], "hoejere_bedre") ? 1 : !strcmp(f[3], "lavere_bedre") ? -1 : 0;
    r->applies = strcmp(f[4], "nej") != 0;
    snprintf(r->reason, sizeof r->reason, "%s", f[5]);
    return 0;
}

static int theme_row(void *p, char *line, unsigned long ln)
{
    ctx *x = p;
    char *f[5];
    (void)ln;
    if (split(line, f, 5) != 5) return 0;
    int nr = atoi(f[0]);
    if (nr < 1 || nr > STYR_NTEMAER) return 0;
    styr_profile_data *pd = x->pd;
    snprintf(pd->tema_da[nr - 1], sizeof pd->tema_da[0], "%s", f[1]);
    snprintf(pd->tema_en[nr - 1], sizeof pd->tema_en[0], "%s", f[2]);
    snprintf(pd->tom_da[nr - 1], sizeof pd->tom_da[0], "%s", f[3]);
    snprintf(pd->tom_en[nr - 1], sizeof pd->tom_en[0], "%s", f[4]);
    return 0;
}

/* A recommendation: tema;figur;ydelse;tekst. In a table of one's own, a bad row
 * is an error with its line. */
static int rec_row(void *p, char *line, unsigned long ln)
{
    ctx *x = p;
    char *f[4];
    int n = split(line, f, 4), tema = n == 4 ? atoi(f[0]) : 0;
    if (n != 4 || tema < 1 || tema > STYR_NTEMAER || !*f[3]) {
        x->rc = styr_diag_sys(x->d, STYR_EINPUT,
                              styr_tr("%s, linje %lu: forventede tema;figur;ydelse;tekst med et tema fra 1 til 7 og "
                                      "en tekst",
                                      "%s, line %lu: expected tema;figur;ydelse;tekst with a theme from 1 to 7 and a "
                                      "text"),
                              x->file, ln);
        return 1;
    }
    int g = group_of(x->c, f[2]);
    if (g == -2) return 0;
    styr_profile_data *pd = x->pd;
    if (pd->nr == pd->capr) {
        pd->capr = pd->capr ? 2 * pd->capr : 32;
        pd->r = styr_xrealloc(pd->r, (size_t)pd->capr * sizeof *pd->r);
    }
    styr_prec *r = &pd->r[pd->nr++];
    memset(r, 0, sizeof *r);
    r->tema = tema;
    snprintf(r->fig, sizeof r->fig, "%s", f[1]);
    r->g = g;
    snprintf(r->text, sizeof r->text, "%s", f[3]);
    return 0;
}

static const styr_refdata_file *embedded(const char *name) { return styr_refdata_find(name); }

styr_rc styr_profile_data_load(const styr_codes *c, const char *recs_path, styr_profile_data **out,
                               styr_diags *d)
{
    styr_profile_data *pd = styr_xcalloc(1, sizeof *pd);
    ctx x = {pd, c, NULL, d, STYR_OK};
    const styr_refdata_file *f;
    if ((f = embedded("profil_retninger.csv"))) each_line((const char *)f->data, f->size, dir_row, &x);
    if ((f = embedded("profil_temaer.csv"))) each_line((const char *)f->data, f->size, theme_row, &x);
    for (int t = 0; t < STYR_NTEMAER; t++)
        if (!pd->tema_da[t][0]) snprintf(pd->tema_da[t], sizeof pd->tema_da[t], "Tema %d", t + 1),
                                snprintf(pd->tema_en[t], sizeof pd->tema_en[t], "Theme %d", t + 1);
    if (recs_path) {
        FILE *fp = fopen(recs_path, "rb");
        if (!fp) {
            styr_rc rc = styr_diag_sys(d, errno == ENOENT ? STYR_ENOENT : STYR_EIO, "%s: %s", recs_path,
                                       strerror(errno));
            styr_profile_data_free(pd);
            return rc;
        }
        size_t cap = 1 << 16, n = 0;
        char *buf = styr_xmalloc(cap);
        size_t r;
        while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
            n += r;
            if (n == cap) buf = styr_xrealloc(buf, cap *= 2);
        }
        fclose(fp);
        x.file = recs_path;
        each_line(buf, n, rec_row, &x);
        free(buf);
        if (x.rc) {
            styr_profile_data_free(pd);
            return x.rc;
        }
    } else if ((f = embedded("profil_anbefalinger.csv"))) {
        x.file = "data/profil_anbefalinger.csv";
        each_line((const char *)f->data, f->size, rec_row, &x);
    }
    *out = pd;
    return STYR_OK;
}

void styr_profile_data_free(styr_profile_data *pd)
{
    if (!pd) return;
    free(pd->d);
    free(pd->r);
    free(pd);
}

int styr_profile_direction(const styr_profile_data *pd, const char *fig, int g, int *applies, int *tema,
                           const char **reason)
{
    const styr_pdir *any = NULL;
    for (int i = 0; pd && i < pd->nd; i++) {
        const styr_pdir *r = &pd->d[i];
        if (strcmp(r->fig, fig)) continue;
        if (r->g == g) {
            any = r;
            break;
        }
        if (r->g == -1 && !any) any = r;
    }
    if (!any) return STYR_PDIR_NONE;
    if (applies) *applies = any->applies;
    if (tema) *tema = any->tema;
    if (reason) *reason = any->reason;
    return any->dir;
}
