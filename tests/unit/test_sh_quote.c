/* test_sh_quote.c - words quoted for sh: what /bin/sh reads back from each quoted word
 * (awkward bytes included) is the word itself, and a plain word stays as a user
 * would write it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "sh_quote.h"
#include "xmalloc.h"

static const char *const awkward[] = {
    "",
    "plain",
    "two words",
    "it's",
    "''",
    "'",
    "\"double\" quotes",
    "line one\nline two\n",
    "$HOME ${x:-y} $(echo no) `echo no`",
    "back\\slash\\",
    "\\'",
    "glob * ? [a] ~user ~",
    "; & | < > ( ) { } # !",
    "\t\r\x01\x7f",
    "\xff\xfe not UTF-8 \xc3(",
    "-n",
    "FOO=bar",
    "--opt=value",
    "caf\xc3\xa9",
};

/* What /bin/sh -c LINE writes on its stdout (caller frees), *len its length. */
static char *sh_output(const char *line, size_t *len)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execl("/bin/sh", "sh", "-c", line, (char *)NULL);
        _exit(126);
    }
    close(fds[1]);
    size_t cap = 256, n = 0;
    char *out = xmalloc(cap);
    ssize_t r;
    while ((r = read(fds[0], out + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            out = xrealloc(out, cap *= 2);
    }
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    *len = n;
    return out;
}

/* Every awkward word, quoted by quote, given to printf '%s\0' in one command line:
 * sh's words are the words, byte for byte. */
static void check_round_trip(char *(*quote)(const char *))
{
    char *line = xstrdup("printf '%s\\0'");
    size_t want_len = 0;
    for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++) {
        char *q = quote(awkward[i]);
        char *more = xasprintf("%s %s", line, q);
        free(q);
        free(line);
        line = more;
        want_len += strlen(awkward[i]) + 1;
    }
    size_t len;
    char *out = sh_output(line, &len);
    assert_int_equal(len, want_len);
    const char *w = out;
    for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++) {
        assert_string_equal(w, awkward[i]);
        w += strlen(w) + 1;
    }
    free(out);
    free(line);
}

static void test_quoted_words_read_back_as_themselves(void **state)
{
    (void)state;
    check_round_trip(sh_quote);
}

static void test_words_quoted_when_needed_read_back_as_themselves(void **state)
{
    (void)state;
    check_round_trip(sh_quote_word);
}

static void check_quote(char *(*quote)(const char *), const char *in, const char *want)
{
    char *q = quote(in);
    assert_string_equal(q, want);
    free(q);
}

static void test_single_quotes_with_each_quote_escaped(void **state)
{
    (void)state;
    check_quote(sh_quote, "", "''");
    check_quote(sh_quote, "plain", "'plain'");
    check_quote(sh_quote, "it's", "'it'\\''s'");
    check_quote(sh_quote, "a\nb$c\\", "'a\nb$c\\'");
}

static void test_plain_words_stay_as_written(void **state)
{
    (void)state;
    check_quote(sh_quote_word, "/usr/bin/vim", "/usr/bin/vim");
    check_quote(sh_quote_word, "--opt=value", "--opt=value");
    check_quote(sh_quote_word, "user@host:80,+1%", "user@host:80,+1%");
    check_quote(sh_quote_word, "", "''");
    check_quote(sh_quote_word, "two words", "'two words'");
    check_quote(sh_quote_word, "~", "'~'");
    check_quote(sh_quote_word, "caf\xc3\xa9", "'caf\xc3\xa9'");
}

/* NAME=value as a command's first word would set a variable: quoted, it runs as the
 * command it names (here one that does not exist: status 127). */
static void test_assignment_word_is_quoted(void **state)
{
    (void)state;
    check_quote(sh_quote_word, "FOO=bar", "'FOO=bar'");
    check_quote(sh_quote_word, "_x1=", "'_x1='");
    check_quote(sh_quote_word, "1x=y", "1x=y");
    char *q = sh_quote_word("TMX_TEST_NO_SUCH_COMMAND=1");
    char *line = xasprintf("%s 2>/dev/null; echo $?", q);
    size_t len;
    char *out = sh_output(line, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(out, "127\n", 4);
    free(out);
    free(line);
    free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoted_words_read_back_as_themselves),
        cmocka_unit_test(test_words_quoted_when_needed_read_back_as_themselves),
        cmocka_unit_test(test_single_quotes_with_each_quote_escaped),
        cmocka_unit_test(test_plain_words_stay_as_written),
        cmocka_unit_test(test_assignment_word_is_quoted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
