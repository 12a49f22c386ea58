/* Tests of the panel file: round trip, checksums, structure checks, dictionary. */
#include "harness.h"

#include "panel/panel.h"

static styr_dict dict(void)
{
    styr_dict d;
    memset(&d, 0, sizeof d);
    d.nkom = 2;
    d.kom[0] = 101;
    d.kom[1] = 461;
    d.nyd = 3;
    strcpy(d.yd[1], "dagpenge");
    strcpy(d.yd[2], "kontanthjaelp");
    d.ntb = 2;
    strcpy(d.tb[1], "praktik");
    return d;
}

/* Two persons: "A" with runs W10-W13 (dagpenge) and W20 (kontanthjaelp, praktik, 7,5 h);
 * "B" with no runs, born 1990-03-08, a woman. */
static const uint64_t run_off[] = {0, 2, 2};
static const uint64_t id_off[] = {0, 1, 2};
static const uint32_t birth[] = {0, 19900308};
static const uint8_t sex[] = {0, 2};
static const uint16_t start[] = {10, 20}, len[] = {4, 1}, timer[] = {0, 75};
static const uint8_t kom[] = {0, 1}, yd[] = {1, 2}, tb[] = {0, 1};

/* format 2: person B's run has visitation aktivitetsparat and unit "Team Nord";
 * B is a non-Western immigrant who arrived in 2016 */
static const uint16_t rattr[] = {0, (uint16_t)(STYR_VIS_AKTIVITETSPARAT | 1 << 3)};
static const uint16_t pattr[] = {0, (uint16_t)(STYR_OPR_IND_IKKEVEST | (2016 - 1900) << 3)};
static const char *const enh[] = {"", "Team Nord"};

static styr_cols cols(void)
{
    styr_cols c = {2, 2, run_off, id_off, "AB", birth, sex, start, len, kom, yd, tb, timer, rattr, pattr, 2, enh};
    return c;
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *path = th_path("p1.styr");
    styr_dict dc = dict();
    styr_cols c = cols();
    styr_diags d;
    styr_diags_init(&d);
    uint64_t ck = 0;
    assert_int_equal(styr_panel_write(path, &c, &dc, 7, &ck, &d), STYR_OK);
    styr_panel *p;
    assert_int_equal(styr_panel_open(path, 0, &p, &d), STYR_OK);
    assert_int_equal(styr_panel_checksum(p), ck);
    assert_int_equal(styr_panel_generation(p), 7);
    assert_int_equal(styr_panel_weeks(p), 5);
    assert_int_equal(styr_panel_week_min(p), 10);
    assert_int_equal(styr_panel_week_max(p), 20);
    const styr_cols *r = styr_panel_cols(p);
    assert_int_equal(r->npersons, 2);
    size_t n;
    const char *id = styr_person_id(r, 1, &n);
    assert_int_equal(n, 1);
    assert_int_equal(id[0], 'B');
    assert_int_equal(r->birth[1], 19900308);
    assert_int_equal(r->sex[1], 2);
    assert_int_equal(r->run_off[1], 2);
    assert_int_equal(r->timer[1], 75);
    assert_int_equal(r->tb[1], 1);
    assert_int_equal(styr_run_vis(r, 0), STYR_VIS_UOPLYST);
    assert_int_equal(styr_run_vis(r, 1), STYR_VIS_AKTIVITETSPARAT);
    assert_int_equal(styr_run_enh(r, 1), 1);
    assert_int_equal(r->nenh, 2);
    assert_string_equal(r->enh[1], "Team Nord");
    assert_int_equal(styr_person_opr(r, 1), STYR_OPR_IND_IKKEVEST);
    assert_int_equal(styr_person_indrejst(r, 1), 2016);
    assert_int_equal(styr_person_indrejst(r, 0), 0);
    assert_true(styr_dict_equal(styr_panel_dict(p), &dc));
    styr_panel_close(p);
    /* the file is 64-byte aligned sections after a 512-byte header */
    assert_true(styr_file_size(path) > 512);
    styr_diags_free(&d);
}

static void flip(const char *path, long off)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, off, SEEK_SET);
    int ch = fgetc(f);
    fseek(f, off, SEEK_SET);
    fputc(ch ^ 0x01, f);
    fclose(f);
}

static void test_corruption_detected(void **state)
{
    (void)state;
    styr_dict dc = dict();
    styr_cols c = cols();
    styr_diags d;
    styr_diags_init(&d);
    const char *path = th_path("p2.styr");
    assert_int_equal(styr_panel_write(path, &c, &dc, 1, NULL, &d), STYR_OK);
    long size = (long)styr_file_size(path);
    /* a flipped bit anywhere, header or data, is caught */
    long offs[] = {20, 100, 600, size - 1};
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        assert_int_equal(styr_panel_write(path, &c, &dc, 1, NULL, &d), STYR_OK);
        flip(path, offs[i]);
        styr_panel *p = NULL;
        assert_int_equal(styr_panel_open(path, 0, &p, &d), STYR_ECORRUPT);
        assert_null(p);
    }
    /* too short, or not a panel at all */
    th_file("p3.styr", "STYRPNL1 but far too short");
    styr_panel *p = NULL;
    assert_int_equal(styr_panel_open(th_path("p3.styr"), 0, &p, &d), STYR_ECORRUPT);
    assert_int_equal(styr_panel_open(th_path("nope.styr"), 0, &p, &d), STYR_ENOENT);
    styr_diags_free(&d);
}

static void test_structure_checked_without_checksums(void **state)
{
    (void)state;
    /* runs out of order are refused even when checksums are skipped */
    styr_dict dc = dict();
    styr_cols c = cols();
    uint16_t bad_start[] = {10, 12}; /* W12 overlaps W10-W13 */
    c.start = bad_start;
    styr_diags d;
    styr_diags_init(&d);
    const char *path = th_path("p4.styr");
    assert_int_equal(styr_panel_write(path, &c, &dc, 1, NULL, &d), STYR_OK);
    styr_panel *p = NULL;
    assert_int_equal(styr_panel_open(path, STYR_PANEL_NOVERIFY, &p, &d), STYR_ECORRUPT);
    assert_non_null(strstr(d.sys, "overlap"));
    /* a run that names a municipality index the dictionary lacks */
    c = cols();
    uint8_t bad_kom[] = {0, 5};
    c.kom = bad_kom;
    assert_int_equal(styr_panel_write(path, &c, &dc, 1, NULL, &d), STYR_OK);
    assert_int_equal(styr_panel_open(path, STYR_PANEL_NOVERIFY, &p, &d), STYR_ECORRUPT);
    styr_diags_free(&d);
}

static void test_dict(void **state)
{
    (void)state;
    styr_dict a = dict(), b;
    char buf[1024];
    size_t n = styr_dict_serialise(&a, buf, sizeof buf);
    assert_string_equal(buf, "kommune=101,461\nydelse=,dagpenge,kontanthjaelp\ntilbud=,praktik\n");
    assert_int_equal(styr_dict_parse(buf, n, &b), 0);
    assert_true(styr_dict_equal(&a, &b));
    assert_int_equal(styr_dict_parse("kommune=101\nydelse=x\ntilbud=\n", 30, &b), -1); /* index 0 must be empty */
    assert_int_equal(styr_dict_parse("kommune=abc\nydelse=\ntilbud=\n", 28, &b), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_corruption_detected),
        cmocka_unit_test(test_structure_checked_without_checksums),
        cmocka_unit_test(test_dict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
