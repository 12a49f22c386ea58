/* test_suggest: folding typed names, edit distance, "did you mean" and the
 * municipality names --kommune reads (issue 12 §4). */
#include "harness.h"
#include "cmd/cli.h"
#include "core/suggest.h"

static void test_fold(void **state)
{
    (void)state;
    char a[64], b[64], c[64];
    styr_fold("Høje-Taastrup", a, sizeof a);
    styr_fold("hoeje taastrup", b, sizeof b);
    styr_fold("HØJE_TAASTRUP", c, sizeof c);
    assert_string_equal(a, "hoejetaastrup");
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    styr_fold("Ærø", a, sizeof a);
    assert_string_equal(a, "aeroe");
    styr_fold("Århus", a, sizeof a);
    assert_string_equal(a, "aarhus");
    assert_int_equal(styr_fold("a-very-long-name", a, 5), 0); /* does not fit */
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(styr_edit_distance("", ""), 0);
    assert_int_equal(styr_edit_distance("odense", "odence"), 1);
    assert_int_equal(styr_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(styr_edit_distance("adagpenge", "dagpenge"), 1);
}

static void test_suggest_nearest(void **state)
{
    (void)state;
    const styr_cand c[] = {{"dagpenge", "dagpenge"},       {"kontanthjaelp", "kontanthjaelp"},
                           {"A-dagpenge", "dagpenge"},     {"Kontanthjælp", "kontanthjaelp"},
                           {"sygedagpenge", "sygedagpenge"}};
    const char *out[5];
    /* a-dagpenge is the display name of dagpenge: one suggestion, given once */
    assert_int_equal(styr_suggest("a-dagpenge", c, 5, 1, out, 5), 1);
    assert_string_equal(out[0], "dagpenge");
    /* a code inside what was typed is near too, nearest first */
    assert_int_equal(styr_suggest("sygedagpenge2", c, 5, 1, out, 5), 2);
    assert_string_equal(out[0], "sygedagpenge");
    assert_string_equal(out[1], "dagpenge");
    /* a part of a code is near it */
    assert_int_equal(styr_suggest("kontant", c, 5, 1, out, 1), 1);
    assert_string_equal(out[0], "kontanthjaelp");
    /* nothing near: nothing suggested, but the whole list when asked for */
    assert_int_equal(styr_suggest("xyz", c, 5, 1, out, 5), 0);
    assert_int_equal(styr_suggest("xyz", c, 5, 0, out, 5), 3);
}

/* --kommune takes a code or a name from the compiled-in table */
static void test_kommune_names(void **state)
{
    (void)state;
    assert_int_equal(styr_cli_kommune_code("461"), 461);
    assert_int_equal(styr_cli_kommune_code("0461"), 461);
    assert_int_equal(styr_cli_kommune_code("Odense"), 461);
    assert_int_equal(styr_cli_kommune_code("odense kommune"), 461);
    assert_int_equal(styr_cli_kommune_code("hoeje-taastrup"), 169);
    assert_int_equal(styr_cli_kommune_code("Høje Taastrup"), 169);
    assert_int_equal(styr_cli_kommune_code("KØBENHAVN"), 101);
    assert_int_equal(styr_cli_kommune_code("Odence"), -1);
    assert_int_equal(styr_cli_kommune_code("999"), -1);
    assert_int_equal(styr_cli_kommune_code(""), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_suggest_nearest),
        cmocka_unit_test(test_kommune_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
