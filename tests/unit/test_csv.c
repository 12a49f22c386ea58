/* Tests of the delimited-text reader: separators, quotes, line ends, encodings. */
#include "harness.h"

#include "ingest/csv.h"

static int fields_are(const styr_csv *c, const char *const *want, size_t n)
{
    if (c->nf != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (c->f[i].n != strlen(want[i]) || memcmp(c->f[i].p, want[i], c->f[i].n)) return 0;
    return 1;
}

static void test_separators(void **state)
{
    (void)state;
    const char *in[] = {"a;b,c;d\n1;2,5;3\n", "a,b,c\n1,2,3\n", "a\tb\tc\n1\t2\t3\n"};
    const char seps[] = {';', ',', '\t'};
    for (int k = 0; k < 3; k++) {
        styr_csv c;
        styr_diags d;
        styr_diags_init(&d);
        styr_csv_init(&c, "x", in[k], strlen(in[k]));
        assert_int_equal(styr_csv_header(&c, &d), 1);
        assert_int_equal(c.sep, seps[k]);
        assert_int_equal(styr_csv_next(&c, &d), 1);
        assert_int_equal(c.line, 2);
        assert_int_equal(styr_csv_next(&c, &d), 0);
        styr_csv_free(&c);
        styr_diags_free(&d);
    }
}

static void test_quotes_crlf_blank(void **state)
{
    (void)state;
    const char *in = "\xEF\xBB\xBFperson;tekst\r\n\r\n\"P;1\";\"sagde \"\"hej\"\"\"\r\nP2;\"to\nlinjer\"\r\nP3;\r\n";
    styr_csv c;
    styr_diags d;
    styr_diags_init(&d);
    styr_csv_init(&c, "x", in, strlen(in));
    assert_int_equal(c.bom, 1);
    assert_int_equal(c.enc, STYR_ENC_UTF8);
    assert_int_equal(styr_csv_header(&c, &d), 1);
    const char *h[] = {"person", "tekst"};
    assert_true(fields_are(&c, h, 2));
    assert_int_equal(styr_csv_next(&c, &d), 1);
    const char *r1[] = {"P;1", "sagde \"hej\""};
    assert_true(fields_are(&c, r1, 2));
    assert_int_equal(c.line, 3);
    assert_int_equal(styr_csv_next(&c, &d), 1);
    const char *r2[] = {"P2", "to\nlinjer"};
    assert_true(fields_are(&c, r2, 2));
    assert_int_equal(c.line, 4);
    assert_int_equal(styr_csv_next(&c, &d), 1);
    const char *r3[] = {"P3", ""};
    assert_true(fields_are(&c, r3, 2));
    assert_int_equal(c.line, 6); /* the quoted newline counted as a line */
    assert_int_equal(styr_csv_next(&c, &d), 0);
    assert_int_equal(styr_diags_count(&d), 0);
    styr_csv_free(&c);
    styr_diags_free(&d);
}

static void test_windows_1252(void **state)
{
    (void)state;
    /* "Kontanthjælp;Løntilskud;€" in Windows-1252 becomes UTF-8 */
    const char in[] = "a;b;c\nKontanthj\xE6lp;L\xF8ntilskud;\x80\n";
    styr_csv c;
    styr_diags d;
    styr_diags_init(&d);
    styr_csv_init(&c, "x", in, strlen(in));
    assert_int_equal(styr_csv_header(&c, &d), 1);
    assert_int_equal(c.enc, STYR_ENC_ASCII);
    assert_int_equal(styr_csv_next(&c, &d), 1);
    assert_int_equal(c.enc, STYR_ENC_CP1252);
    const char *r[] = {"Kontanthjælp", "Løntilskud", "€"};
    assert_true(fields_are(&c, r, 3));
    styr_csv_free(&c);
    styr_diags_free(&d);
}

static void test_utf8_then_invalid(void **state)
{
    (void)state;
    const char in[] = "a\nKontanthjælp\nL\xF8n\nOK\n";
    styr_csv c;
    styr_diags d;
    styr_diags_init(&d);
    styr_csv_init(&c, "f.csv", in, strlen(in));
    assert_int_equal(styr_csv_header(&c, &d), 1);
    assert_int_equal(styr_csv_next(&c, &d), 1);
    assert_int_equal(c.enc, STYR_ENC_UTF8);
    assert_int_equal(styr_csv_next(&c, &d), -1); /* Windows-1252 inside a UTF-8 file */
    const styr_diag *g = th_find(&d, D_ENCODING);
    assert_non_null(g);
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 1);
    assert_int_equal(styr_csv_next(&c, &d), 1); /* and goes on */
    assert_int_equal(c.line, 4);
    styr_csv_free(&c);
    styr_diags_free(&d);
}

static void test_unterminated_quote(void **state)
{
    (void)state;
    const char in[] = "a;b\n1;\"open\n2;3\n";
    styr_csv c;
    styr_diags d;
    styr_diags_init(&d);
    styr_csv_init(&c, "f.csv", in, strlen(in));
    assert_int_equal(styr_csv_header(&c, &d), 1);
    assert_int_equal(styr_csv_next(&c, &d), -1);
    const styr_diag *g = th_find(&d, D_QUOTE);
    assert_non_null(g);
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 2);
    assert_int_equal(styr_csv_next(&c, &d), 0);
    styr_csv_free(&c);
    styr_diags_free(&d);
}

static void test_comments_and_empty(void **state)
{
    (void)state;
    const char in[] = "# Kilde: test\n#anden\nk;v\n1;2\n";
    styr_csv c;
    styr_diags d;
    styr_diags_init(&d);
    styr_csv_init(&c, "f", in, strlen(in));
    const char *src;
    size_t n;
    styr_csv_skip_comments(&c, &src, &n);
    assert_int_equal(n, strlen("Kilde: test"));
    assert_memory_equal(src, "Kilde: test", n);
    assert_int_equal(styr_csv_header(&c, &d), 1);
    assert_int_equal(c.line, 3);
    styr_csv_free(&c);
    styr_csv_init(&c, "f", "", 0);
    assert_int_equal(styr_csv_header(&c, &d), 0);
    styr_csv_free(&c);
    styr_diags_free(&d);
}

static void test_utf8_validation(void **state)
{
    (void)state;
    assert_true(styr_utf8_valid((const unsigned char *)"æøå€", strlen("æøå€")));
    assert_false(styr_utf8_valid((const unsigned char *)"\xC3", 1));
    assert_false(styr_utf8_valid((const unsigned char *)"\xC0\x80", 2));     /* overlong */
    assert_false(styr_utf8_valid((const unsigned char *)"\xED\xA0\x80", 3)); /* surrogate */
    assert_false(styr_utf8_valid((const unsigned char *)"\xE6", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_separators),         cmocka_unit_test(test_quotes_crlf_blank),
        cmocka_unit_test(test_windows_1252),       cmocka_unit_test(test_utf8_then_invalid),
        cmocka_unit_test(test_unterminated_quote), cmocka_unit_test(test_comments_and_empty),
        cmocka_unit_test(test_utf8_validation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
