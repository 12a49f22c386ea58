/* batch: interning, run coalescing, sorting, duplicate detection and the merge. */
#include "batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/week.h"

void styr_batch_init(styr_batch *b)
{
    memset(b, 0, sizeof *b);
    b->last_person = UINT32_MAX;
}

void styr_batch_free(styr_batch *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->nfiles; i++) free(b->files[i]);
    free(b->persons);
    free(b->heap);
    free(b->hash);
    free(b->runs);
    free(b->pop);
    free(b->yr);
    for (int i = 1; i < b->nenh; i++) free(b->enh[i]);
    free(b->enh);
    styr_batch_init(b);
}

int styr_batch_file(styr_batch *b, const char *name, int line_step)
{
    if (b->nfiles >= STYR_BATCH_MAX_FILES) return -1;
    b->files[b->nfiles] = styr_xstrdup(name);
    b->line_step[b->nfiles] = (uint8_t)line_step;
    return (int)b->nfiles++;
}

static const char *pid_of(const styr_batch *b, uint32_t i, size_t *len)
{
    *len = b->persons[i].id_len;
    return b->heap + b->persons[i].id_off;
}

static int rehash(styr_batch *b, size_t cap)
{
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < b->np; i++) {
        size_t len;
        const char *s = pid_of(b, (uint32_t)i, &len);
        size_t k = XXH3_64bits(s, len) & (cap - 1);
        while (t[k]) k = (k + 1) & (cap - 1);
        t[k] = (uint32_t)i + 1;
    }
    free(b->hash);
    b->hash = t;
    b->hashcap = cap;
    return 0;
}

int64_t styr_batch_person(styr_batch *b, const char *id, size_t len)
{
    if (b->last_person != UINT32_MAX) {
        const styr_bperson *p = &b->persons[b->last_person];
        if (p->id_len == len && !memcmp(b->heap + p->id_off, id, len)) return b->last_person;
    }
    if (2 * (b->np + 1) > b->hashcap && rehash(b, b->hashcap ? 2 * b->hashcap : 1024)) goto oom;
    uint64_t h = XXH3_64bits(id, len);
    size_t k = h & (b->hashcap - 1);
    while (b->hash[k]) {
        uint32_t i = b->hash[k] - 1;
        if (b->persons[i].id_len == len && !memcmp(b->heap + b->persons[i].id_off, id, len))
            return b->last_person = i;
        k = (k + 1) & (b->hashcap - 1);
    }
    if (b->np >= UINT32_MAX - 1 || styr_grow(&b->persons, &b->capp, b->np + 1, sizeof *b->persons) ||
        styr_grow(&b->heap, &b->heapcap, b->heapn + len, 1))
        goto oom;
    styr_bperson *p = &b->persons[b->np];
    memset(p, 0, sizeof *p);
    p->id_off = b->heapn;
    p->id_len = (uint32_t)len;
    memcpy(b->heap + b->heapn, id, len);
    b->heapn += len;
    b->hash[k] = (uint32_t)b->np + 1;
    b->last_person = (uint32_t)b->np;
    return (int64_t)b->np++;
oom:
    b->oom = 1;
    return -1;
}

int styr_batch_enhed(styr_batch *b, const char *name, size_t len)
{
    for (int i = b->nenh - 1; i >= 1; i--) /* a file names few units, mostly the last one again */
        if (strlen(b->enh[i]) == len && !memcmp(b->enh[i], name, len)) return i;
    if (b->nenh == 0) b->nenh = 1;
    if (b->nenh >= STYR_MAX_ENHEDER) return -1;
    b->enh = styr_xrealloc(b->enh, (size_t)(b->nenh + 1) * sizeof *b->enh);
    b->enh[0] = NULL;
    b->enh[b->nenh] = styr_xstrndup(name, len);
    return b->nenh++;
}

void styr_batch_pattr(styr_batch *b, uint32_t person, uint16_t pattr, uint8_t file, uint32_t line, styr_diags *d)
{
    styr_bperson *p = &b->persons[person];
    if (p->has_pattr && p->pattr != pattr) {
        size_t len;
        const char *id = pid_of(b, person, &len);
        styr_diag_add(d, D_CONFLICT_PERSON, X_SAME_PERSON, b->files[file], line, 0, NULL, id, len);
        return;
    }
    p->pattr = pattr;
    p->has_pattr = 1;
    (void)file;
    (void)line;
}

int styr_batch_week(styr_batch *b, uint32_t person, int week, uint8_t kom, uint8_t yd, uint8_t tb,
                    uint16_t timer, uint16_t attr, uint8_t file, uint32_t line)
{
    b->weeks++;
    if (b->nr) {
        styr_brun *r = &b->runs[b->nr - 1];
        if (r->person == person && (int)r->start + r->len == week && r->kom == kom && r->yd == yd &&
            r->tb == tb && r->timer == timer && r->attr == attr && r->file == file && r->len < UINT16_MAX &&
            line == r->line + (uint32_t)b->line_step[file] * r->len) {
            r->len++;
            return 0;
        }
    }
    if (styr_grow(&b->runs, &b->capr, b->nr + 1, sizeof *b->runs)) { b->oom = 1; return -1; }
    styr_brun *r = &b->runs[b->nr++];
    r->person = person;
    r->start = (uint16_t)week;
    r->len = 1;
    r->kom = kom;
    r->yd = yd;
    r->tb = tb;
    r->file = file;
    r->timer = timer;
    r->attr = attr;
    r->line = line;
    return 0;
}

int styr_batch_run(styr_batch *b, uint32_t person, int week, int len, uint8_t kom, uint8_t yd, uint8_t tb,
                   uint16_t timer, uint16_t attr, uint8_t file, uint32_t line)
{
    b->weeks += (uint64_t)len;
    if (b->nr) {
        styr_brun *r = &b->runs[b->nr - 1];
        if (r->person == person && (int)r->start + r->len == week && r->kom == kom && r->yd == yd &&
            r->tb == tb && r->timer == timer && r->attr == attr && r->file == file && b->line_step[file] == 0 &&
            (int)r->len + len <= UINT16_MAX) {
            r->len = (uint16_t)(r->len + len);
            return 0;
        }
    }
    while (len > 0) {
        if (styr_grow(&b->runs, &b->capr, b->nr + 1, sizeof *b->runs)) { b->oom = 1; return -1; }
        int take = len > UINT16_MAX ? UINT16_MAX : len;
        b->runs[b->nr++] = (styr_brun){person, (uint16_t)week, (uint16_t)take, kom, yd, tb, file, timer, attr, line};
        week += take;
        len -= take;
    }
    return 0;
}

void styr_batch_attr(styr_batch *b, uint32_t person, uint32_t birth, uint8_t sex, uint8_t file,
                     uint32_t line, styr_diags *d)
{
    styr_bperson *p = &b->persons[person];
    if (p->has_attr) {
        if (p->birth == birth && p->sex == sex) return;
        size_t len;
        const char *id = pid_of(b, person, &len);
        styr_diag_dup(d, D_CONFLICT_PERSON, X_SAME_PERSON, b->files[file], line, b->files[p->file], p->line,
                      id, len);
        return;
    }
    p->has_attr = 1;
    p->birth = birth;
    p->sex = sex;
    p->file = file;
    p->line = line;
}

int styr_batch_pop(styr_batch *b, uint16_t kommune, uint16_t aar, uint16_t alder, uint32_t antal,
                   uint8_t file, uint32_t line)
{
    if (styr_grow(&b->pop, &b->cappop, b->npop + 1, sizeof *b->pop)) { b->oom = 1; return -1; }
    b->pop[b->npop++] = (styr_bpop){kommune, aar, alder, file, antal, line};
    return 0;
}

static int pop_cmp(const void *x, const void *y)
{
    const styr_bpop *a = x, *b = y;
    if (a->kommune != b->kommune) return a->kommune < b->kommune ? -1 : 1;
    if (a->aar != b->aar) return a->aar < b->aar ? -1 : 1;
    if (a->alder != b->alder) return a->alder < b->alder ? -1 : 1;
    if (a->file != b->file) return a->file < b->file ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

styr_rc styr_batch_check_pop(styr_batch *b, styr_diags *d)
{
    styr_rc rc = STYR_OK;
    if (b->npop > 1) qsort(b->pop, b->npop, sizeof *b->pop, pop_cmp);
    for (size_t i = 1; i < b->npop; i++) {
        const styr_bpop *a = &b->pop[i - 1], *c = &b->pop[i];
        if (a->kommune == c->kommune && a->aar == c->aar && a->alder == c->alder) {
            char v[48];
            snprintf(v, sizeof v, "%u;%u;%u", c->kommune, c->aar, c->alder);
            styr_diag_dup(d, D_DUP_ROW, X_UNIQUE, b->files[c->file], c->line, b->files[a->file], a->line, v,
                          strlen(v));
            rc = STYR_EINPUT;
        }
    }
    return rc;
}

/* ---- build ------------------------------------------------------------------------------ */

typedef struct idref {
    const char *p;
    uint32_t n;
    uint32_t idx;
} idref;

static int id_cmp(const char *a, size_t na, const char *b, size_t nb)
{
    size_t n = na < nb ? na : nb;
    int c = memcmp(a, b, n);
    if (c) return c;
    return na < nb ? -1 : na > nb;
}

static int idref_cmp(const void *x, const void *y)
{
    const idref *a = x, *b = y;
    return id_cmp(a->p, a->n, b->p, b->n);
}

static uint32_t week_line(const styr_batch *b, const styr_brun *r, int week)
{
    return r->line + (uint32_t)b->line_step[r->file] * (uint32_t)(week - r->start);
}

static void dup_value(const styr_batch *b, uint32_t person, int week, char *v, size_t cap)
{
    size_t len;
    const char *id = pid_of(b, person, &len);
    char w[12];
    styr_week_format(week, w);
    snprintf(v, cap, "%.*s %s", (int)(len > 64 ? 64 : len), id, w);
}

static void newpanel_alloc_fail(styr_newpanel *n) { styr_newpanel_free(n); }

void styr_newpanel_free(styr_newpanel *n)
{
    if (!n) return;
    free(n->run_off);
    free(n->id_off);
    free(n->id_heap);
    free(n->birth);
    free(n->sex);
    free(n->start);
    free(n->len);
    free(n->kom);
    free(n->yd);
    free(n->tb);
    free(n->timer);
    free(n->rattr);
    free(n->pattr);
    for (int i = 1; i < n->nenh; i++) free(n->enh[i]);
    free(n->enh);
    memset(n, 0, sizeof *n);
}

static void *cap_alloc(uint64_t count, size_t elem)
{
    if (count == 0) count = 1;
    if (count > styr_alloc_cap() / elem) return NULL;
    return malloc((size_t)count * elem);
}

/* Append a run to the output, coalescing with the previous run of the same person. */
static inline void emit(styr_newpanel *n, uint64_t *nr, uint64_t first_of_person, uint16_t start,
                        uint16_t len, uint8_t kom, uint8_t yd, uint8_t tb, uint16_t timer, uint16_t attr)
{
    if (*nr > first_of_person) {
        uint64_t l = *nr - 1;
        if ((uint32_t)n->start[l] + n->len[l] == start && n->kom[l] == kom && n->yd[l] == yd && n->tb[l] == tb &&
            n->timer[l] == timer && n->rattr[l] == attr && (uint32_t)n->len[l] + len <= UINT16_MAX) {
            n->len[l] = (uint16_t)(n->len[l] + len);
            return;
        }
    }
    n->start[*nr] = start;
    n->len[*nr] = len;
    n->kom[*nr] = kom;
    n->yd[*nr] = yd;
    n->tb[*nr] = tb;
    n->timer[*nr] = timer;
    n->rattr[*nr] = attr;
    (*nr)++;
}

styr_rc styr_batch_build(styr_batch *b, const styr_cols *old, styr_newpanel *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_rc rc = STYR_OK;
    idref *ids = NULL;
    uint32_t *rank = NULL;
    uint64_t *cnt = NULL;
    styr_brun *sorted = NULL;
    static const styr_cols empty_cols;
    static const uint64_t zero_off[1] = {0};
    styr_cols none = empty_cols;
    if (!old) {
        none.run_off = zero_off;
        none.id_off = zero_off;
        none.id_heap = "";
        old = &none;
    }

    /* 1. rank persons by id */
    ids = cap_alloc(b->np, sizeof *ids);
    rank = cap_alloc(b->np, sizeof *rank);
    cnt = cap_alloc(b->np + 1, sizeof *cnt);
    if (!ids || !rank || !cnt) goto oom;
    for (size_t i = 0; i < b->np; i++) {
        size_t len;
        ids[i].p = pid_of(b, (uint32_t)i, &len);
        ids[i].n = (uint32_t)len;
        ids[i].idx = (uint32_t)i;
    }
    qsort(ids, b->np, sizeof *ids, idref_cmp);
    for (size_t i = 0; i < b->np; i++) rank[ids[i].idx] = (uint32_t)i;

    /* 2. runs in (rank, start) order: counting sort by rank when not sorted already */
    int in_order = 1;
    for (size_t i = 1; i < b->nr && in_order; i++) {
        uint32_t pa = rank[b->runs[i - 1].person], pb = rank[b->runs[i].person];
        in_order = pa < pb || (pa == pb && b->runs[i - 1].start < b->runs[i].start);
    }
    memset(cnt, 0, (b->np + 1) * sizeof *cnt);
    for (size_t i = 0; i < b->nr; i++) cnt[rank[b->runs[i].person] + 1]++;
    for (size_t i = 0; i < b->np; i++) cnt[i + 1] += cnt[i];
    styr_brun *runs = b->runs;
    if (!in_order) {
        sorted = cap_alloc(b->nr, sizeof *sorted);
        if (!sorted) goto oom;
        uint64_t *pos = cap_alloc(b->np + 1, sizeof *pos);
        if (!pos) goto oom;
        memcpy(pos, cnt, (b->np + 1) * sizeof *pos);
        for (size_t i = 0; i < b->nr; i++) sorted[pos[rank[b->runs[i].person]]++] = b->runs[i];
        free(pos);
        for (size_t p = 0; p < b->np; p++) /* insertion sort by start within a person */
            for (uint64_t i = cnt[p] + 1; i < cnt[p + 1]; i++) {
                styr_brun x = sorted[i];
                uint64_t j = i;
                while (j > cnt[p] && sorted[j - 1].start > x.start) { sorted[j] = sorted[j - 1]; j--; }
                sorted[j] = x;
            }
        runs = sorted;
    }

    /* 3. weeks given twice inside the batch */
    for (size_t p = 0; p < b->np; p++) {
        uint32_t reach = 0;
        uint64_t k = cnt[p];
        for (uint64_t i = cnt[p]; i < cnt[p + 1]; i++) {
            const styr_brun *c = &runs[i];
            if (i > cnt[p] && (uint32_t)c->start < reach) {
                char v[96];
                dup_value(b, c->person, c->start, v, sizeof v);
                styr_diag_dup(d, D_DUP_WEEK, X_ONE_WEEK, b->files[c->file], week_line(b, c, c->start),
                              b->files[runs[k].file], week_line(b, &runs[k], c->start), v, strlen(v));
                rc = STYR_EINPUT;
            }
            if ((uint32_t)c->start + c->len > reach) { reach = (uint32_t)c->start + c->len; k = i; }
        }
    }
    if (rc) goto out;

    /* 4. merge with the old panel */
    uint64_t onp = old->npersons, onr = old->nruns, oheap = old->id_off[onp];
    uint64_t maxp = onp + b->np, maxr = onr + b->nr;
    out->run_off = cap_alloc(maxp + 1, sizeof *out->run_off);
    out->id_off = cap_alloc(maxp + 1, sizeof *out->id_off);
    out->id_heap = cap_alloc(oheap + b->heapn, 1);
    out->birth = cap_alloc(maxp, sizeof *out->birth);
    out->sex = cap_alloc(maxp, 1);
    out->start = cap_alloc(maxr, sizeof *out->start);
    out->len = cap_alloc(maxr, sizeof *out->len);
    out->kom = cap_alloc(maxr, 1);
    out->yd = cap_alloc(maxr, 1);
    out->tb = cap_alloc(maxr, 1);
    out->timer = cap_alloc(maxr, sizeof *out->timer);
    out->rattr = cap_alloc(maxr, sizeof *out->rattr);
    out->pattr = cap_alloc(maxp, sizeof *out->pattr);
    if (!out->run_off || !out->id_off || !out->id_heap || !out->birth || !out->sex || !out->start ||
        !out->len || !out->kom || !out->yd || !out->tb || !out->timer || !out->rattr || !out->pattr)
        goto oom;
    /* the units: the old panel's keep their index, the batch's new ones follow */
    int *enh_map = styr_xcalloc((size_t)(b->nenh > 1 ? b->nenh : 1), sizeof *enh_map);
    out->nenh = old->nenh > 1 ? old->nenh : 1;
    out->enh = styr_xcalloc((size_t)(out->nenh + (b->nenh > 1 ? b->nenh - 1 : 0)), sizeof *out->enh);
    for (int i = 1; i < old->nenh; i++) out->enh[i] = styr_xstrdup(old->enh[i]);
    for (int i = 1; i < b->nenh; i++) {
        int j = 1;
        while (j < out->nenh && strcmp(out->enh[j], b->enh[i])) j++;
        if (j == out->nenh) {
            if (out->nenh >= STYR_MAX_ENHEDER) {
                free(enh_map);
                rc = styr_diag_sys(d, STYR_ELIMIT, styr_tr("import: mere end %d enheder", "import: more than %d units"),
                                   STYR_MAX_ENHEDER - 1);
                goto out;
            }
            out->enh[out->nenh++] = styr_xstrdup(b->enh[i]);
        }
        enh_map[i] = j;
    }
    if (out->nenh == 1) { free(out->enh); out->enh = NULL; out->nenh = 0; }
    uint64_t np = 0, nr = 0, hn = 0, oi = 0, bi = 0;
    out->run_off[0] = 0;
    out->id_off[0] = 0;
    while (oi < onp || bi < b->np) {
        size_t olen = 0, blen = 0;
        const char *oid = oi < onp ? styr_person_id(old, oi, &olen) : NULL;
        const char *bid = bi < b->np ? ids[bi].p : NULL;
        if (bid) blen = ids[bi].n;
        int c = !oid ? 1 : !bid ? -1 : id_cmp(oid, olen, bid, blen);
        const char *id = c <= 0 ? oid : bid;
        size_t idlen = c <= 0 ? olen : blen;
        memcpy(out->id_heap + hn, id, idlen);
        hn += idlen;
        out->id_off[np + 1] = hn;
        uint64_t first = nr;
        uint32_t birth = 0;
        uint8_t sex = 0;
        uint16_t pattr = 0;
        uint64_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        const styr_bperson *bp = NULL;
        if (c <= 0) {
            birth = old->birth[oi];
            sex = old->sex[oi];
            pattr = old->pattr ? old->pattr[oi] : 0;
            a0 = old->run_off[oi];
            a1 = old->run_off[oi + 1];
        }
        if (c >= 0) {
            uint32_t bidx = ids[bi].idx;
            bp = &b->persons[bidx];
            b0 = cnt[bi];
            b1 = cnt[bi + 1];
            if (c > 0) out->new_persons++;
            if (bp->has_attr) {
                if (c == 0 && (birth || sex) && (birth != bp->birth || sex != bp->sex)) {
                    styr_diag_add(d, D_CONFLICT_PERSON, X_SAME_PERSON, b->files[bp->file], bp->line, 0, NULL,
                                  bid, blen);
                    rc = STYR_EINPUT;
                } else if (birth != bp->birth || sex != bp->sex) {
                    birth = bp->birth;
                    sex = bp->sex;
                    out->changed = 1;
                }
            }
            if (bp->has_pattr) {
                if (c == 0 && pattr && pattr != bp->pattr) {
                    styr_diag_add(d, D_CONFLICT_PERSON, X_SAME_PERSON, b->files[bp->file], bp->line, 0, NULL,
                                  bid, blen);
                    rc = STYR_EINPUT;
                } else if (pattr != bp->pattr) {
                    pattr = bp->pattr;
                    out->changed = 1;
                }
            }
        }
        /* merge the two sorted run lists; an overlap is always old against new
         * (old/old cannot happen in a checked panel, new/new was step 3) */
        uint32_t reach = 0;
        uint64_t reach_new = UINT64_MAX; /* the new run that defines reach, if any */
        while (a0 < a1 || b0 < b1) {
            int take_new = a0 >= a1 || (b0 < b1 && runs[b0].start < old->start[a0]);
            uint16_t s = take_new ? runs[b0].start : old->start[a0];
            uint16_t l = take_new ? runs[b0].len : old->len[a0];
            if (nr > first && s < reach && (take_new || reach_new != UINT64_MAX)) {
                const styr_brun *nrun = take_new ? &runs[b0] : &runs[reach_new];
                char v[96];
                dup_value(b, nrun->person, s, v, sizeof v);
                styr_diag_add(d, D_DUP_PANEL, X_ONE_WEEK, b->files[nrun->file], week_line(b, nrun, s), 0, NULL, v,
                              strlen(v));
                rc = STYR_EINPUT;
            }
            if ((uint32_t)s + l > reach) {
                reach = (uint32_t)s + l;
                reach_new = take_new ? b0 : UINT64_MAX;
            }
            if (take_new) {
                const styr_brun *r = &runs[b0++];
                int e = r->attr >> 3;
                emit(out, &nr, first, r->start, r->len, r->kom, r->yd, r->tb, r->timer,
                     styr_rattr(r->attr & 7, e ? enh_map[e] : 0));
                out->new_weeks += r->len;
                out->changed = 1;
            } else {
                emit(out, &nr, first, old->start[a0], old->len[a0], old->kom[a0], old->yd[a0], old->tb[a0],
                     old->timer[a0], old->rattr ? old->rattr[a0] : 0);
                a0++;
            }
        }
        out->birth[np] = birth;
        out->sex[np] = sex;
        out->pattr[np] = pattr;
        np++;
        out->run_off[np] = nr;
        if (c <= 0) oi++;
        if (c >= 0) bi++;
    }
    free(enh_map);
    if (rc) goto out;
    out->cols = (styr_cols){np,         nr,         out->run_off, out->id_off, out->id_heap,
                            out->birth, out->sex,   out->start,   out->len,    out->kom,
                            out->yd,    out->tb,    out->timer,   out->rattr,  out->pattr,
                            out->nenh,  (const char *const *)out->enh};
    goto done;
oom:
    rc = styr_diag_sys(d, STYR_ENOMEM, "import: the batch does not fit in memory (cap %zu MB)", styr_alloc_cap() >> 20);
out:
    newpanel_alloc_fail(out);
done:
    free(ids);
    free(rank);
    free(cnt);
    free(sorted);
    return rc;
}
