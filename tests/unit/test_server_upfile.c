/* test_server_upfile.c - the files tmx up reads (server/lib/upfile.c): a Procfile as
 * foreman writes it, tmx's service file with every key, and bad files: each error names
 * its line, and nothing is kept. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "upfile.h"

static int parse(const char *text, struct upfile *f, char *err)
{
    return upfile_parse(text, strlen(text), f, err, 256);
}

static void test_procfile(void **state)
{
    (void)state;
    struct upfile f;
    char err[256];
    assert_int_equal(parse("# a comment\n\nweb: bundle exec rails s -p $PORT\n"
                           "worker:  ./work --queue=a:b\r\n",
                           &f, err), 0);
    assert_true(f.procfile);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.services[0].name, "web");
    assert_string_equal(f.services[0].command, "bundle exec rails s -p $PORT");
    assert_string_equal(f.services[1].name, "worker");
    assert_string_equal(f.services[1].command, "./work --queue=a:b");
    assert_int_equal(f.services[1].stop_signal, SIGTERM);
    assert_int_equal(f.main, -1);
    upfile_free(&f);
}

static void test_servicefile(void **state)
{
    (void)state;
    struct upfile f;
    char err[256];
    const char *text = "session = shop\n"
                       "main = web\n"
                       "[db]\n"
                       "command = postgres -D data\n"
                       "ready-line = ready to accept connections\n"
                       "stop-signal = INT\n"
                       "stop-timeout = 30\n"
                       "[web]\n"
                       "command = ./web\n"
                       "after = db, cache\n"
                       "env = PORT=8080\n"
                       "env = A=b=c\n"
                       "cwd = web\n"
                       "ready-command = curl -sf localhost:8080\n"
                       "restart = on-failure\n"
                       "restart-delay = 500\n"
                       "[cache]\n"
                       "command = redis-server\n";
    assert_int_equal(parse(text, &f, err), 0);
    assert_false(f.procfile);
    assert_string_equal(f.session, "shop");
    assert_int_equal(f.n, 3);
    assert_int_equal(f.main, 1);
    assert_string_equal(f.services[0].ready_line, "ready to accept connections");
    assert_int_equal(f.services[0].stop_signal, SIGINT);
    assert_int_equal(f.services[0].stop_timeout, 30);
    assert_int_equal(f.services[1].nafter, 2);
    assert_int_equal(f.services[1].after[0], 0);
    assert_int_equal(f.services[1].after[1], 2);
    assert_int_equal(f.services[1].nenv, 2);
    assert_string_equal(f.services[1].env[1], "A=b=c");
    assert_null(f.services[1].env[2]);
    assert_string_equal(f.services[1].cwd, "web");
    assert_string_equal(f.services[1].ready_command, "curl -sf localhost:8080");
    assert_string_equal(f.services[1].restart, "on-failure");
    assert_int_equal(f.services[1].restart_delay, 500);
    assert_int_equal(f.services[2].restart_delay, -1);
    upfile_free(&f);
}

/* Each bad file: parse fails with this message. */
static void bad(const char *text, const char *want)
{
    struct upfile f;
    char err[256] = "";
    assert_int_equal(parse(text, &f, err), -1);
    if (strstr(err, want) == NULL)
        fail_msg("got \"%s\", wanted \"%s\"", err, want);
    assert_int_equal(f.n, 0);
    assert_null(f.services);
}

static void test_errors(void **state)
{
    (void)state;
    bad("web: ./web\nthis is not a service\n", "line 2: expected 'name: command'");
    bad("web: ./web\nweb: ./other\n", "line 2: service web is declared twice");
    bad("w b: x\n", "line 1: bad service name 'w b'");
    bad("web:\n", "line 1: service web has no command");
    bad("", "no services in the file");
    bad("# only\n\n", "no services in the file");
    bad("[web]\ncommand = x\nafter = db\n", "line 3: after: no service named db");
    bad("[a]\ncommand = x\nafter = b\n[b]\ncommand = y\nafter = a\n", "line 1: service a is part of a cycle");
    bad("[a]\ncommand = x\nafter = a\n", "line 3: after: a cannot start after itself");
    bad("[a]\ncommand = x\nready-line = (\n", "line 3: ready-line:");
    bad("[a]\ncommand = x\nstop-signal = NOPE\n", "line 3: unknown signal 'NOPE'");
    bad("[a]\ncommand = x\nstop-timeout = -1\n", "line 3: stop-timeout must be a number");
    bad("[a]\ncommand = x\nrestart = sometimes\n", "line 3: restart must be never");
    bad("[a]\ncommand = x\ncolour = red\n", "line 3: unknown key 'colour'");
    bad("[a]\nenv = =x\ncommand = x\n", "line 2: env must be NAME=VALUE");
    bad("[a\ncommand = x\n", "line 1: expected '[name]'");
    bad("main = b\n[a]\ncommand = x\n", "line 1: main: no service named b");
    bad("[a]\ncwd = /\n", "line 1: service a has no command");
    bad("session = a:b\n[a]\ncommand = x\n", "line 1: session must be a name");
    bad("nothing = here\n[a]\ncommand = x\n", "line 1: unknown key 'nothing' before");
    bad("[a]\ncommand = x\njunk\n", "line 3: expected 'key = value' or '[name]'");
    struct upfile f;
    char err[256];
    assert_int_equal(upfile_parse("a: x\n\0b: y\n", 11, &f, err, sizeof err), -1);
    assert_string_equal(err, "line 2: a NUL byte: not a text file");
}

static void test_signals(void **state)
{
    (void)state;
    assert_int_equal(upfile_signal("TERM"), SIGTERM);
    assert_int_equal(upfile_signal("sigint"), SIGINT);
    assert_int_equal(upfile_signal("9"), 9);
    assert_int_equal(upfile_signal("0"), 0);
    assert_int_equal(upfile_signal("99"), 0);
    assert_int_equal(upfile_signal(""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_procfile),
        cmocka_unit_test(test_servicefile),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_signals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
