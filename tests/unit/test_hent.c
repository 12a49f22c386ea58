/* test_hent: the pieces of styr hent that need no server (the downloads are
 * tested against a local server in tests/web/hent_test.sh): the default
 * Statistikbanken times, percent-encoding, the host shown in messages, a
 * closed port classified as "no connection", and that a failed fetch leaves
 * neither a temporary file nor a change in the workspace nor the key in a
 * message. */
#include "harness.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "ingest/fetch.h"
#include "ingest/hent.h"

static void test_statbank_tid(void **state)
{
    (void)state;
    char t[128];
    /* February 2026: 2026K1 is not published yet (it comes in February) */
    styr_hent_statbank_tid(2026, 2, t, sizeof t);
    assert_string_equal(t, "2021K1,2022K1,2023K1,2024K1,2025K1");
    styr_hent_statbank_tid(2026, 3, t, sizeof t);
    assert_string_equal(t, "2021K1,2022K1,2023K1,2024K1,2025K1,2026K1");
    /* too small a buffer: whole items only */
    styr_hent_statbank_tid(2026, 12, t, 14);
    assert_string_equal(t, "2021K1,2022K1");
}

static void test_escape_host(void **state)
{
    (void)state;
    char b[64];
    /* Å = C3 85, Ø = C3 98 in UTF-8 */
    assert_int_equal(styr_fetch_escape("OMRÅDE", b, sizeof b), 0);
    assert_string_equal(b, "OMR%C3%85DE");
    assert_int_equal(styr_fetch_escape("KØN", b, sizeof b), 0);
    assert_string_equal(b, "K%C3%98N");
    assert_int_equal(styr_fetch_escape("1,2 *", b, sizeof b), 0);
    assert_string_equal(b, "1%2C2%20%2A");
    assert_int_equal(styr_fetch_escape("ÅÅÅ", b, 9), -1); /* 9 bytes + NUL do not fit in 9 */
    styr_fetch_host("https://api.jobindsats.dk/v3/data/y01a02?format=json", b, sizeof b);
    assert_string_equal(b, "api.jobindsats.dk");
    styr_fetch_host("http://user:secret@127.0.0.1:8080/v2", b, sizeof b);
    assert_string_equal(b, "127.0.0.1:8080");
}

/* A port on 127.0.0.1 that nothing listens on. */
static int closed_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof a;
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&a, &n), 0);
    close(s);
    return ntohs(a.sin_port);
}

static void test_fetch_refused(void **state)
{
    (void)state;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v3/data/y01a02?format=json", closed_port());
    styr_fetch_req rq = {.url = url, .auth = "Bearer k", .out_path = th_path("answer.json")};
    styr_fetch_res r;
    assert_int_equal(styr_fetch(&rq, &r), STYR_EIO);
    assert_int_equal(r.fail, STYR_FETCH_CONNECT);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.bytes, 0);
}

/* An answer without a Content-Length (chunked) that never ends: the cap
 * stops it while it comes, not only a declared length (libcurl < 8.4 checks
 * CURLOPT_MAXFILESIZE against a Content-Length only). */
static void test_fetch_endless(void **state)
{
    (void)state;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof a;
    assert_int_equal(bind(ls, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(ls, 1), 0);
    assert_int_equal(getsockname(ls, (struct sockaddr *)&a, &n), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        signal(SIGPIPE, SIG_IGN);
        int c = accept(ls, NULL, NULL);
        char req[4096];
        if (read(c, req, sizeof req) < 0) _exit(1);
        const char *h = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        if (write(c, h, strlen(h)) < 0) _exit(1);
        char chunk[1024 + 16];
        int k = snprintf(chunk, sizeof chunk, "400\r\n");
        memset(chunk + k, ' ', 1024);
        memcpy(chunk + k + 1024, "\r\n", 2);
        for (int i = 0; i < 100000; i++) /* 100 MB, unless the client hangs up */
            if (write(c, chunk, (size_t)k + 1026) < 0) break;
        _exit(0);
    }
    close(ls);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v3/data/y01a02?format=json", ntohs(a.sin_port));
    styr_fetch_req rq = {.url = url, .out_path = th_path("endless.json"), .max_bytes = 64 * 1024};
    styr_fetch_res r;
    assert_int_equal(styr_fetch(&rq, &r), STYR_EIO);
    assert_int_equal(r.fail, STYR_FETCH_TOOBIG);
    assert_true(r.bytes <= 64 * 1024);
    kill(child, SIGTERM);
    waitpid(child, NULL, 0);
}

static void test_hent_nothing_left(void **state)
{
    (void)state;
    const char *wsdir = th_ws("ws");
    const char *tmp = th_path("tmp");
    mkdir(tmp, 0700);
    uint64_t before = th_dir_checksum(wsdir);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    char url[64];
    int port = closed_port();
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    const char *tabeller[] = {"Y01A02", "y30r21"};
    styr_hent_opts o = {.kilde = STYR_HENT_JOBINDSATS, .base = url, .tabeller = tabeller, .ntabeller = 2,
                        .token = "TOPSECRET-4711", .tmpdir = tmp};
    styr_hent_result res;
    assert_int_equal(styr_hent(ws, &o, &res, &d), STYR_EIO);
    /* the first table, lower-cased, named with the host; the key nowhere */
    char want[64];
    snprintf(want, sizeof want, "y01a02: ");
    assert_non_null(strstr(d.sys, want));
    snprintf(want, sizeof want, "127.0.0.1:%d", port);
    assert_non_null(strstr(d.sys, want));
    assert_null(strstr(d.sys, "TOPSECRET"));
    assert_int_equal(res.ngot, 1);
    assert_string_equal(res.got[0].tabel, "y01a02");
    styr_hent_result_free(&res);
    styr_ws_close(ws);
    assert_int_equal(rmdir(tmp), 0); /* empty: the temporary directory went */
    assert_int_equal(th_dir_checksum(wsdir), before);
    /* a key with a line break would inject a header: refused before any request */
    styr_diags_free(&d);
    styr_diags_init(&d);
    mkdir(tmp, 0700);
    assert_int_equal(styr_ws_open(wsdir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    /* cancelled before the first request: nothing asked, nothing left */
    static volatile sig_atomic_t stop = 1;
    o.cancel = &stop;
    assert_int_equal(styr_hent(ws, &o, &res, &d), STYR_EIO);
    assert_non_null(strstr(d.sys, "tabel y01a02: hentningen blev afbrudt"));
    assert_int_equal(res.got[0].bytes, 0);
    styr_hent_result_free(&res);
    assert_int_equal(rmdir(tmp), 0);
    mkdir(tmp, 0700);
    o.cancel = NULL;
    o.token = "abc\r\nX-Evil: 1";
    assert_int_equal(styr_hent(ws, &o, &res, &d), STYR_EUSAGE);
    assert_null(strstr(d.sys, "Evil"));
    styr_hent_result_free(&res);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statbank_tid),
        cmocka_unit_test(test_escape_host),
        cmocka_unit_test(test_fetch_refused),
        cmocka_unit_test(test_fetch_endless),
        cmocka_unit_test(test_hent_nothing_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
