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
 *     tilbud codes) so that the file describes itself, followed (format 2)
 *     by a NUL and the names of the units (enheder), one per line;
 *   format 2 adds, per run, the attributes (u16: visitation in bits 0-2,
 *     enhed index in bits 3-15, 0 = none) and, per person, the attributes
 *     (u16: oprindelse in bits 0-2, the year of arrival as a refugee or
 *     family-reunified minus 1900 in bits 3-15, 0 = none). A run ends where
 *     the visitation or the unit changes. Format 1 files are read with
 *     every attribute 0 (uoplyst).
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

#define STYR_PANEL_VERSION 2
#define STYR_MAX_KOMMUNER 250
#define STYR_MAX_CODES 64   /* ydelse and tilbud codes, each, including "none" */
#define STYR_MAX_ENHEDER 8191 /* units (teams), including "none" at index 0 */
#define STYR_ENHED_MAXLEN 64

/* Visitation (match) categories per week, as jobindsats'. 0 = uoplyst (also
 * when the input has no visitation). */
enum { STYR_VIS_UOPLYST, STYR_VIS_JOBPARAT, STYR_VIS_AKTIVITETSPARAT, STYR_VIS_UDDANNELSESPARAT,
       STYR_VIS_AABENLYST, STYR_NVIS };
/* Origin per person, as jobindsats' and Statistikbanken's. 0 = uoplyst. */
enum { STYR_OPR_UOPLYST, STYR_OPR_DANSK, STYR_OPR_IND_VEST, STYR_OPR_IND_IKKEVEST, STYR_OPR_EFT_VEST,
       STYR_OPR_EFT_IKKEVEST, STYR_NOPR };
extern const char *const styr_vis_keys[STYR_NVIS];
extern const char *const styr_opr_keys[STYR_NOPR];
/* The category of a key (case-insensitive, "" and "uoplyst" are 0), or -1. */
int styr_vis_parse(const char *s, size_t n);
int styr_opr_parse(const char *s, size_t n);

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
    const uint16_t *rattr;     /* [nruns] visitation | enhed << 3 (format 2; NULL: all 0 when writing) */
    const uint16_t *pattr;     /* [npersons] oprindelse | (indrejst - 1900) << 3 (NULL: all 0 when writing) */
    int nenh;                  /* units; index 0 is "" (none); 0 means none at all */
    const char *const *enh;    /* [nenh] names */
} styr_cols;

static inline int styr_run_vis(const styr_cols *c, uint64_t r) { return c->rattr ? c->rattr[r] & 7 : 0; }
static inline int styr_run_enh(const styr_cols *c, uint64_t r) { return c->rattr ? c->rattr[r] >> 3 : 0; }
static inline int styr_person_opr(const styr_cols *c, uint64_t i) { return c->pattr ? c->pattr[i] & 7 : 0; }
/* The year of arrival, 0 when none. */
static inline int styr_person_indrejst(const styr_cols *c, uint64_t i)
{
    int y = c->pattr ? c->pattr[i] >> 3 : 0;
    return y ? 1900 + y : 0;
}
static inline uint16_t styr_rattr(int vis, int enh) { return (uint16_t)(vis | enh << 3); }
static inline uint16_t styr_pattr(int opr, int indrejst) { return (uint16_t)(opr | (indrejst ? indrejst - 1900 : 0) << 3); }

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
