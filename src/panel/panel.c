/* panel: writing, mapping and checking the panel file. */
#include "panel.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/msg.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the panel format is little-endian; a big-endian port needs byte swapping"
#endif

#define MAGIC "STYRPNL1"
#define HEADER_SIZE 512
#define ALIGN 64

enum {
    SEC_RUN_OFF, SEC_ID_OFF, SEC_ID_HEAP, SEC_BIRTH, SEC_SEX,
    SEC_START, SEC_LEN, SEC_KOM, SEC_YD, SEC_TB, SEC_TIMER, SEC_DICT, NSEC1, /* format 1 ends here */
    SEC_RATTR = NSEC1, SEC_PATTR, NSEC
};
static const uint32_t sec_elem[NSEC] = {8, 8, 1, 4, 1, 2, 2, 1, 1, 1, 2, 1, 2, 2};

typedef struct section {
    uint32_t id;
    uint32_t elem;
    uint64_t offset;
    uint64_t size;
    uint64_t hash;
} section;

typedef struct header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint64_t npersons;
    uint64_t nruns;
    uint64_t nweeks;
    uint32_t week_min, week_max; /* UINT32_MAX when empty */
    uint32_t generation;
    uint32_t nsections;
    section sec[NSEC];
} header;

_Static_assert(sizeof(header) + 8 <= HEADER_SIZE, "header too large");

struct styr_panel {
    void *base;
    size_t size;
    header h;
    uint64_t checksum;
    styr_cols c;
    styr_dict dict;
    uint16_t *zero_attr;       /* format 1: the attributes, all 0 */
    char *enh_heap;            /* the units' names, NUL-terminated in place */
    const char **enh;
};

/* ---- the vocabulary of the attributes ------------------------------------------- */

const char *const styr_vis_keys[STYR_NVIS] = {"uoplyst", "jobparat", "aktivitetsparat", "uddannelsesparat",
                                              "aabenlyst_uddannelsesparat"};
const char *const styr_opr_keys[STYR_NOPR] = {"uoplyst", "dansk", "indvandrer_vestlig", "indvandrer_ikke_vestlig",
                                              "efterkommer_vestlig", "efterkommer_ikke_vestlig"};

static int key_parse(const char *const *keys, int n, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (!len) return 0;
    for (int i = 0; i < n; i++)
        if (strlen(keys[i]) == len && !strncasecmp(keys[i], s, len)) return i;
    return -1;
}

int styr_vis_parse(const char *s, size_t n) { return key_parse(styr_vis_keys, STYR_NVIS, s, n); }
int styr_opr_parse(const char *s, size_t n) { return key_parse(styr_opr_keys, STYR_NOPR, s, n); }

/* ---- dictionary ------------------------------------------------------------ */

size_t styr_dict_serialise(const styr_dict *dict, char *buf, size_t cap)
{
    size_t o = 0;
#define PUT(...) do { int k_ = snprintf(buf + o, o < cap ? cap - o : 0, __VA_ARGS__); o += (size_t)(k_ > 0 ? k_ : 0); } while (0)
    PUT("kommune=");
    for (int i = 0; i < dict->nkom; i++) PUT("%s%u", i ? "," : "", dict->kom[i]);
    PUT("\nydelse=");
    for (int i = 0; i < dict->nyd; i++) PUT("%s%s", i ? "," : "", dict->yd[i]);
    PUT("\ntilbud=");
    for (int i = 0; i < dict->ntb; i++) PUT("%s%s", i ? "," : "", dict->tb[i]);
    PUT("\n");
#undef PUT
    return o;
}

static int split_list(const char *s, const char *e, char out[][32], int max)
{
    int n = 0;
    const char *f = s;
    for (;;) {
        const char *x = memchr(f, ',', (size_t)(e - f));
        const char *fe = x ? x : e;
        if (n >= max || fe - f >= 32) return -1;
        memcpy(out[n], f, (size_t)(fe - f));
        out[n][fe - f] = 0;
        n++;
        if (!x) break;
        f = x + 1;
    }
    return n;
}

int styr_dict_parse(const char *s, size_t n, styr_dict *dict)
{
    memset(dict, 0, sizeof *dict);
    const char *p = s, *end = s + n;
    int seen = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *eq = memchr(p, '=', (size_t)(e - p));
        if (!eq) return -1;
        size_t kl = (size_t)(eq - p);
        if (kl == 7 && !memcmp(p, "kommune", 7)) {
            char tmp[STYR_MAX_KOMMUNER][32];
            int k = split_list(eq + 1, e, tmp, STYR_MAX_KOMMUNER);
            if (k < 0) return -1;
            for (int i = 0; i < k; i++) {
                char *xe;
                long v = strtol(tmp[i], &xe, 10);
                if (*xe || v <= 0 || v > 999) return -1;
                dict->kom[i] = (uint16_t)v;
            }
            dict->nkom = k;
            seen |= 1;
        } else if (kl == 6 && !memcmp(p, "ydelse", 6)) {
            if ((dict->nyd = split_list(eq + 1, e, dict->yd, STYR_MAX_CODES)) < 1) return -1;
            seen |= 2;
        } else if (kl == 6 && !memcmp(p, "tilbud", 6)) {
            if ((dict->ntb = split_list(eq + 1, e, dict->tb, STYR_MAX_CODES)) < 1) return -1;
            seen |= 4;
        } else {
            return -1;
        }
        p = nl ? nl + 1 : end;
    }
    return seen == 7 && dict->yd[0][0] == 0 && dict->tb[0][0] == 0 ? 0 : -1;
}

int styr_dict_equal(const styr_dict *a, const styr_dict *b)
{
    char x[8192], y[8192];
    size_t nx = styr_dict_serialise(a, x, sizeof x), ny = styr_dict_serialise(b, y, sizeof y);
    return nx == ny && !memcmp(x, y, nx);
}

/* ---- writing ---------------------------------------------------------------- */

static uint64_t align_up(uint64_t v) { return (v + ALIGN - 1) & ~(uint64_t)(ALIGN - 1); }

styr_rc styr_panel_write(const char *path, const styr_cols *c, const styr_dict *dict,
                         uint32_t generation, uint64_t *checksum, styr_diags *d)
{
    char sbuf[8192];
    size_t dlen = styr_dict_serialise(dict, sbuf, sizeof sbuf);
    if (dlen >= sizeof sbuf) return styr_diag_sys(d, STYR_ELIMIT, "panel dictionary too large");
    /* the units' names follow the dictionary after a NUL, one per line */
    size_t ecap = dlen + 1;
    for (int i = 1; i < c->nenh; i++) ecap += strlen(c->enh[i]) + 1;
    char *dbuf = styr_xmalloc(ecap);
    memcpy(dbuf, sbuf, dlen);
    if (c->nenh > 1) {
        dbuf[dlen++] = 0;
        for (int i = 1; i < c->nenh; i++) {
            size_t l = strlen(c->enh[i]);
            memcpy(dbuf + dlen, c->enh[i], l);
            dlen += l;
            dbuf[dlen++] = '\n';
        }
    }

    const uint64_t np = c->npersons, nr = c->nruns;
    uint16_t *zero = (!c->rattr || !c->pattr) ? styr_xcalloc((nr > np ? nr : np) + 1, sizeof *zero) : NULL;
    const void *ptr[NSEC] = {c->run_off, c->id_off, c->id_heap, c->birth, c->sex, c->start,
                             c->len, c->kom, c->yd, c->tb, c->timer, dbuf,
                             c->rattr ? (const void *)c->rattr : zero, c->pattr ? (const void *)c->pattr : zero};
    const uint32_t *elem = sec_elem;
    const uint64_t count[NSEC] = {np + 1, np + 1, c->id_off[np], np, np, nr, nr, nr, nr, nr, nr, dlen, nr, np};

    header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.version = STYR_PANEL_VERSION;
    h.header_size = HEADER_SIZE;
    h.npersons = np;
    h.nruns = nr;
    h.generation = generation;
    h.nsections = NSEC;
    h.week_min = UINT32_MAX;
    h.week_max = UINT32_MAX;
    uint64_t weeks = 0;
    uint32_t wmin = UINT32_MAX, wmax = 0;
    for (uint64_t i = 0; i < nr; i++) {
        weeks += c->len[i];
        uint32_t s = c->start[i], e = s + c->len[i] - 1u;
        if (s < wmin) wmin = s;
        if (e > wmax) wmax = e;
    }
    h.nweeks = weeks;
    if (nr) { h.week_min = wmin; h.week_max = wmax; }
    uint64_t off = HEADER_SIZE;
    for (int s = 0; s < NSEC; s++) {
        off = align_up(off);
        h.sec[s].id = (uint32_t)s;
        h.sec[s].elem = elem[s];
        h.sec[s].offset = off;
        h.sec[s].size = count[s] * elem[s];
        h.sec[s].hash = XXH3_64bits(ptr[s], (size_t)h.sec[s].size);
        off += h.sec[s].size;
    }
    unsigned char hb[HEADER_SIZE];
    memset(hb, 0, sizeof hb);
    memcpy(hb, &h, sizeof h);
    uint64_t hh = XXH3_64bits(hb, HEADER_SIZE - 8);
    memcpy(hb + HEADER_SIZE - 8, &hh, 8);

    styr_atomic a;
    styr_rc rc = styr_atomic_open(&a, path, d);
    if (rc) { free(dbuf); free(zero); return rc; }
    static const unsigned char zeros[ALIGN];
    uint64_t pos = HEADER_SIZE;
    int ok = fwrite(hb, 1, HEADER_SIZE, a.f) == HEADER_SIZE;
    for (int s = 0; ok && s < NSEC; s++) {
        uint64_t pad = h.sec[s].offset - pos;
        ok = fwrite(zeros, 1, (size_t)pad, a.f) == pad;
        if (ok && h.sec[s].size) ok = fwrite(ptr[s], 1, (size_t)h.sec[s].size, a.f) == h.sec[s].size;
        pos = h.sec[s].offset + h.sec[s].size;
    }
    free(dbuf);
    free(zero);
    if (!ok) {
        rc = styr_diag_sys(d, STYR_EIO, "%s: %s", path, styr_strerror(errno));
        styr_atomic_abort(&a);
        return rc;
    }
    rc = styr_atomic_commit(&a, d);
    if (!rc && checksum) *checksum = hh;
    return rc;
}

/* ---- reading ---------------------------------------------------------------- */

static styr_rc bad(styr_diags *d, const char *path, const char *what)
{
    /* the finding itself stays technical; the sentence around it is the user's */
    return styr_diag_sys(d, STYR_ECORRUPT, styr_tr("%s: panelfilen er beskadiget (%s)", "%s: the panel file is damaged (%s)"),
                         path, what);
}

styr_rc styr_panel_open(const char *path, unsigned flags, styr_panel **out, styr_diags *d)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return styr_diag_sys(d, errno == ENOENT ? STYR_ENOENT : STYR_EIO, "%s: %s", path, styr_strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, styr_strerror(e));
    }
    if (st.st_size < HEADER_SIZE) { close(fd); return bad(d, path, "too short for a panel"); }
    void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    int e = errno;
    close(fd);
    if (base == MAP_FAILED) return styr_diag_sys(d, STYR_EIO, "%s: mmap: %s", path, styr_strerror(e));

    styr_panel *p = styr_xcalloc(1, sizeof *p);
    p->base = base;
    p->size = (size_t)st.st_size;
    const unsigned char *b = base;
    styr_rc rc = STYR_OK;
    memcpy(&p->h, b, sizeof p->h);
    memcpy(&p->checksum, b + HEADER_SIZE - 8, 8);
    header *h = &p->h;
#define FAIL(msg) do { rc = bad(d, path, msg); goto fail; } while (0)
    if (memcmp(h->magic, MAGIC, 8)) FAIL("not a styr panel (bad magic)");
    if (h->version != 1 && h->version != STYR_PANEL_VERSION) FAIL("unsupported panel format version");
    if (XXH3_64bits(b, HEADER_SIZE - 8) != p->checksum) FAIL("header checksum mismatch");
    const int nsec = h->version == 1 ? NSEC1 : NSEC;
    if (h->header_size != HEADER_SIZE || h->nsections != (uint32_t)nsec) FAIL("bad header");
    if (h->version == 1) memset(&h->sec[NSEC1], 0, sizeof h->sec[0] * (NSEC - NSEC1));
    const uint64_t np = h->npersons, nr = h->nruns;
    const uint32_t *elem = sec_elem;
    const void *ptr[NSEC] = {0};
    for (int s = 0; s < nsec; s++) {
        const section *x = &h->sec[s];
        if (x->id != (uint32_t)s || x->elem != elem[s] || x->offset % ALIGN || x->offset < HEADER_SIZE ||
            x->offset > p->size || x->size > p->size - x->offset || x->size % elem[s])
            FAIL("bad section table");
        ptr[s] = b + x->offset;
        if (!(flags & STYR_PANEL_NOVERIFY) && XXH3_64bits(ptr[s], (size_t)x->size) != x->hash)
            FAIL("section checksum mismatch");
    }
    /* sections follow each other in order; the padding between them is zero and
     * the file ends with the last one, so every byte of the file is accounted for */
    uint64_t end = HEADER_SIZE;
    for (int s = 0; s < nsec; s++) {
        if (h->sec[s].offset < end || h->sec[s].offset - end >= ALIGN) FAIL("bad section table");
        for (uint64_t o = end; o < h->sec[s].offset; o++)
            if (b[o]) FAIL("non-zero padding between sections");
        end = h->sec[s].offset + h->sec[s].size;
    }
    if (end != p->size) FAIL("the file does not end with its last section");
    for (size_t o = sizeof *h; o < HEADER_SIZE - 8; o++)
        if (b[o]) FAIL("non-zero header padding");
    if (np > UINT64_MAX / 8 - 1 || h->sec[SEC_RUN_OFF].size != (np + 1) * 8 ||
        h->sec[SEC_ID_OFF].size != (np + 1) * 8 || h->sec[SEC_BIRTH].size != np * 4 ||
        h->sec[SEC_SEX].size != np)
        FAIL("person sections do not match the person count");
    for (int s = SEC_START; s <= SEC_TIMER; s++)
        if (h->sec[s].size != nr * elem[s]) FAIL("run sections do not match the run count");
    if (nsec == NSEC && (h->sec[SEC_RATTR].size != nr * 2 || h->sec[SEC_PATTR].size != np * 2))
        FAIL("attribute sections do not match the counts");

    styr_cols *c = &p->c;
    c->npersons = np;
    c->nruns = nr;
    c->run_off = ptr[SEC_RUN_OFF];
    c->id_off = ptr[SEC_ID_OFF];
    c->id_heap = ptr[SEC_ID_HEAP];
    c->birth = ptr[SEC_BIRTH];
    c->sex = ptr[SEC_SEX];
    c->start = ptr[SEC_START];
    c->len = ptr[SEC_LEN];
    c->kom = ptr[SEC_KOM];
    c->yd = ptr[SEC_YD];
    c->tb = ptr[SEC_TB];
    c->timer = ptr[SEC_TIMER];
    if (nsec == NSEC) {
        c->rattr = ptr[SEC_RATTR];
        c->pattr = ptr[SEC_PATTR];
    } else {
        p->zero_attr = styr_xcalloc((nr > np ? nr : np) + 1, sizeof *p->zero_attr);
        c->rattr = c->pattr = p->zero_attr;
    }

    /* structure: offsets monotone and in range, so iteration stays in bounds */
    if (c->run_off[0] != 0 || c->run_off[np] != nr || c->id_off[0] != 0 ||
        c->id_off[np] != h->sec[SEC_ID_HEAP].size)
        FAIL("offset tables do not span their data");
    for (uint64_t i = 0; i < np; i++)
        if (c->run_off[i + 1] < c->run_off[i] || c->id_off[i + 1] <= c->id_off[i])
            FAIL("offset tables are not increasing");
    const char *dtext = ptr[SEC_DICT];
    size_t dsize = (size_t)h->sec[SEC_DICT].size;
    const char *nul = memchr(dtext, 0, dsize);
    size_t dlen = nul ? (size_t)(nul - dtext) : dsize;
    if (styr_dict_parse(dtext, dlen, &p->dict)) FAIL("bad dictionary");
    if (nul) { /* the units' names, one per line */
        size_t hl = dsize - dlen - 1;
        p->enh_heap = styr_xmalloc(hl + 1);
        memcpy(p->enh_heap, nul + 1, hl);
        p->enh_heap[hl] = 0;
        int n = 1;
        for (size_t o = 0; o < hl; o++) n += p->enh_heap[o] == '\n';
        if (hl == 0 || p->enh_heap[hl - 1] != '\n' || n > STYR_MAX_ENHEDER) FAIL("bad list of units");
        p->enh = styr_xcalloc((size_t)n, sizeof *p->enh);
        p->enh[0] = "";
        char *q = p->enh_heap;
        for (int i = 1; i < n; i++) {
            char *nl = strchr(q, '\n');
            *nl = 0;
            if (nl == q) FAIL("bad list of units");
            p->enh[i] = q;
            q = nl + 1;
        }
        c->nenh = n;
        c->enh = p->enh;
    }
    for (uint64_t r = 0; r < nr; r++)
        if (!c->len[r] || c->kom[r] >= p->dict.nkom || c->yd[r] >= p->dict.nyd || c->tb[r] >= p->dict.ntb ||
            (uint32_t)c->start[r] + c->len[r] > 65536u || (c->rattr[r] & 7) >= STYR_NVIS ||
            (c->rattr[r] >> 3) >= (c->nenh ? c->nenh : 1))
            FAIL("a run refers outside the dictionary or the week range");
    for (uint64_t i = 0; i < np; i++)
        if ((c->pattr[i] & 7) >= STYR_NOPR) FAIL("a person's origin is outside the dictionary");
    for (uint64_t i = 0; i < np; i++)
        for (uint64_t r = c->run_off[i] + 1; r < c->run_off[i + 1]; r++)
            if ((uint32_t)c->start[r] < (uint32_t)c->start[r - 1] + c->len[r - 1])
                FAIL("runs of a person overlap or are out of order");
#undef FAIL
    *out = p;
    return STYR_OK;
fail:
    munmap(base, p->size);
    free(p->zero_attr);
    free(p->enh_heap);
    free(p->enh);
    free(p);
    return rc;
}

void styr_panel_close(styr_panel *p)
{
    if (!p) return;
    munmap(p->base, p->size);
    free(p->zero_attr);
    free(p->enh_heap);
    free(p->enh);
    free(p);
}

const styr_cols *styr_panel_cols(const styr_panel *p) { return &p->c; }
const styr_dict *styr_panel_dict(const styr_panel *p) { return &p->dict; }
uint64_t styr_panel_checksum(const styr_panel *p) { return p->checksum; }
uint32_t styr_panel_generation(const styr_panel *p) { return p->h.generation; }
uint64_t styr_panel_weeks(const styr_panel *p) { return p->h.nweeks; }
int styr_panel_week_min(const styr_panel *p) { return p->h.nruns ? (int)p->h.week_min : -1; }
int styr_panel_week_max(const styr_panel *p) { return p->h.nruns ? (int)p->h.week_max : -1; }
uint64_t styr_panel_file_size(const styr_panel *p) { return p->size; }
