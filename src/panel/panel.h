/* panel: the columnar, versioned, checksummed store of person-weeks.
 *
 * The panel holds, for every person, the runs of consecutive weeks with equal
 * (kommune, ydelse, tilbud, timer), sorted by person id (bytewise) and week.
 * Weeks without a record are gaps between runs; they are never stored. One
 * file, memory-mapped, laid out for a scan person by person:
 *
 *   header (512 bytes): magic "STYRPNL1", format version, counts, the week
 *     range, the import generation, a table of sections (offset, size, XXH3
 *     checksum each) and the XXH3 of the header itself, which doubles as the
 *     panel's identity (styr_panel_checksum);
 *   per person: run offset (u64), id offset (u64) into an id heap, birth
 *     (u32 YYYYMMDD, YYYY0000 for a year alone, 0 unknown), sex (u8 0/1 M/2 K);
 *   per run: start week (u16 index, see week.h), length (u16), kommune (u8
 *     index), ydelse (u8 index, 0 = none), tilbud (u8 index, 0 = none),
 *     timer (u16, tenths of an hour);
 *   a dictionary section that names the indexes (kommune codes, ydelse and
 *     tilbud codes) so that the file describes itself.
 *
 * Sections start on 64-byte boundaries; all integers are little-endian.
 * styr_panel_open checks the structure always and the section checksums
 * unless told not to, so iteration over a panel it accepted cannot read out
 * of bounds. Files are written atomically (fsutil) and never changed. */
#ifndef STYR_PANEL_H
#define STYR_PANEL_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"

#define STYR_PANEL_VERSION 1
#define STYR_MAX_KOMMUNER 250
#define STYR_MAX_CODES 64   /* ydelse and tilbud codes, each, including "none" */

/* The columns of a panel: what a writer provides and a reader lends. */
typedef struct styr_cols {
    uint64_t npersons, nruns;
    const uint64_t *run_off;   /* [npersons + 1]: runs of person i are [run_off[i], run_off[i+1]) */
    const uint64_t *id_off;    /* [npersons + 1]: id of person i is id_heap[id_off[i] .. id_off[i+1]) */
    const char *id_heap;
    const uint32_t *birth;     /* [npersons] */
    const uint8_t *sex;        /* [npersons] */
    const uint16_t *start;     /* [nruns] week index of the first week */
    const uint16_t *len;       /* [nruns] weeks, >= 1 */
    const uint8_t *kom;        /* [nruns] */
    const uint8_t *yd;         /* [nruns] */
    const uint8_t *tb;         /* [nruns] */
    const uint16_t *timer;     /* [nruns] tenths of an hour per week */
} styr_cols;

/* The names behind the indexes. Index 0 of ydelse and tilbud is "" (none). */
typedef struct styr_dict {
    int nkom;
    uint16_t kom[STYR_MAX_KOMMUNER];     /* municipality code of each index */
    int nyd, ntb;
    char yd[STYR_MAX_CODES][32];
    char tb[STYR_MAX_CODES][32];
} styr_dict;

typedef struct styr_panel styr_panel;

enum { STYR_PANEL_NOVERIFY = 1 }; /* skip the section checksums (structure is still checked) */

/* Write a panel to path atomically. Returns its checksum in *checksum. */
styr_rc styr_panel_write(const char *path, const styr_cols *c, const styr_dict *dict,
                         uint32_t generation, uint64_t *checksum, styr_diags *d);

/* Map and check a panel. The caller frees it with styr_panel_close. */
styr_rc styr_panel_open(const char *path, unsigned flags, styr_panel **out, styr_diags *d);
void styr_panel_close(styr_panel *p); /* NULL-safe */

/* Lent views; valid until styr_panel_close. */
const styr_cols *styr_panel_cols(const styr_panel *p);
const styr_dict *styr_panel_dict(const styr_panel *p);
uint64_t styr_panel_checksum(const styr_panel *p);
uint32_t styr_panel_generation(const styr_panel *p);
uint64_t styr_panel_weeks(const styr_panel *p);   /* person-weeks with a record */
int styr_panel_week_min(const styr_panel *p);     /* -1 when there are no runs */
int styr_panel_week_max(const styr_panel *p);
uint64_t styr_panel_file_size(const styr_panel *p);

/* The id of person i (not NUL-terminated). */
static inline const char *styr_person_id(const styr_cols *c, uint64_t i, size_t *len)
{
    *len = (size_t)(c->id_off[i + 1] - c->id_off[i]);
    return c->id_heap + c->id_off[i];
}

/* Serialise / parse a dictionary (used by the writer and the reader). */
size_t styr_dict_serialise(const styr_dict *dict, char *buf, size_t cap);
int styr_dict_parse(const char *s, size_t n, styr_dict *dict);
int styr_dict_equal(const styr_dict *a, const styr_dict *b);

#endif
