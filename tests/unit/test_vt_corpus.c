/* test_vt_corpus.c - runs the conformance corpus in tests/vt/: each NAME.in is a byte
 * stream, NAME.screen the screen expected after it (written by hand from the xterm
 * documentation). The corpus directory is found next to this file (from __FILE__),
 * or in $TMX_VT_CORPUS.
 *
 * NAME.in: the bytes, with escapes \e \r \n \t \b \a \\ and \xHH; the file's own
 * newlines are not part of the stream (long streams can be split over lines).
 * NAME.screen, one directive per line ('#' starts a comment line):
 *   size COLSxROWS        the terminal (default 20x5), history 100 lines
 *   |text|                the next screen row (trailing blanks ignored); all rows
 *                         must be given, top to bottom, unless "rows any"
 *   rows any              do not check the rows
 *   cursor X,Y            0-based
 *   reply ESCAPED         the bytes the terminal answered (same escapes as .in)
 *   history N             lines in history
 *   title TEXT            the title */
#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vt.h"

struct bytes {
    char *data;
    size_t len, cap;
};

static void put(struct bytes *b, char c)
{
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode the escapes of s[0..n); newlines are skipped. */
static void unescape(struct bytes *out, const char *s, size_t n)
{
    put(out, 'x');
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n')
            continue;
        if (c != '\\' || i + 1 >= n) {
            put(out, c);
            continue;
        }
        char e = s[++i];
        switch (e) {
        case 'e': put(out, '\033'); break;
        case 'r': put(out, '\r'); break;
        case 'n': put(out, '\n'); break;
        case 't': put(out, '\t'); break;
        case 'b': put(out, '\b'); break;
        case 'a': put(out, '\a'); break;
        case '\\': put(out, '\\'); break;
        case 'x':
            if (i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
                put(out, (char)(hexval(s[i + 1]) << 4 | hexval(s[i + 2])));
                i += 2;
                break;
            }
            /* fall through */
        default:
            fail_msg("bad escape \\%c", e);
        }
    }
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    struct bytes b = { 0 };
    int c;
    while ((c = fgetc(f)) != EOF)
        put(&b, (char)c);
    fclose(f);
    if (b.data == NULL)
        put(&b, 'x'), b.len = 0;
    *len = b.len;
    return b.data;
}

static char corpus_dir[PATH_MAX];

static void find_corpus(void)
{
    const char *env = getenv("TMX_VT_CORPUS");
    if (env != NULL) {
        snprintf(corpus_dir, sizeof corpus_dir, "%s", env);
        return;
    }
    /* __FILE__ is .../tests/unit/test_vt_corpus.c: the corpus is .../tests/vt. */
    snprintf(corpus_dir, sizeof corpus_dir, "%s", __FILE__);
    char *slash = strrchr(corpus_dir, '/');
    if (slash != NULL)
        *slash = '\0';
    slash = strrchr(corpus_dir, '/');
    if (slash != NULL)
        slash[1] = '\0';
    else
        corpus_dir[0] = '\0';
    strncat(corpus_dir, "vt", sizeof corpus_dir - strlen(corpus_dir) - 1);
}

struct term {
    struct bytes reply;
};

static void on_reply(void *arg, const char *buf, size_t len)
{
    struct term *t = arg;
    for (size_t i = 0; i < len; i++)
        put(&t->reply, buf[i]);
}

static const struct vt_ops corpus_ops = { .reply = on_reply };

/* Run one case; returns the number of mismatches (each printed). */
static int run_case(const char *name)
{
    char path[PATH_MAX + 64];
    size_t in_len = 0, sc_len = 0;
    snprintf(path, sizeof path, "%s/%s.in", corpus_dir, name);
    char *in = read_all(path, &in_len);
    snprintf(path, sizeof path, "%s/%s.screen", corpus_dir, name);
    char *sc = read_all(path, &sc_len);
    if (in == NULL || sc == NULL) {
        print_error("%s: missing .in or .screen\n", name);
        free(in);
        free(sc);
        return 1;
    }

    int cols = 20, rows = 5, errors = 0;
    const char *p = sc;
    if (strncmp(p, "size ", 5) == 0 || strstr(p, "\nsize ") != NULL) {
        const char *s = strncmp(p, "size ", 5) == 0 ? p : strstr(p, "\nsize ") + 1;
        if (sscanf(s, "size %dx%d", &cols, &rows) != 2)
            fail_msg("%s: bad size line", name);
    }
    struct term t = { 0 };
    put(&t.reply, 'x');
    t.reply.len = 0;
    t.reply.data[0] = '\0';
    struct vt *vt = vt_create(cols, rows, 100);
    vt_set_ops(vt, &corpus_ops, &t);
    struct bytes stream = { 0 };
    unescape(&stream, in, in_len);
    vt_feed(vt, stream.data, stream.len);

    int row = 0;
    bool rows_any = false;
    char text[8192];
    while (*p != '\0') {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[8192];
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, p, n);
        line[n] = '\0';
        p = eol ? eol + 1 : p + n;

        int x, y, h;
        if (line[0] == '#' || line[0] == '\0' || strncmp(line, "size ", 5) == 0)
            continue;
        if (strcmp(line, "rows any") == 0) {
            rows_any = true;
        } else if (line[0] == '|') {
            char *end = strrchr(line + 1, '|');
            if (end == NULL)
                fail_msg("%s: row without closing |", name);
            *end = '\0';
            size_t len = strlen(line + 1);
            while (len > 0 && line[1 + len - 1] == ' ')
                line[1 + --len] = '\0';
            vt_line_text(vt, row, text, sizeof text);
            if (strcmp(text, line + 1) != 0) {
                print_error("%s: row %d is \"%s\", expected \"%s\"\n", name, row, text,
                            line + 1);
                errors++;
            }
            row++;
        } else if (sscanf(line, "cursor %d,%d", &x, &y) == 2) {
            int cx, cy;
            vt_cursor(vt, &cx, &cy);
            if (cx != x || cy != y) {
                print_error("%s: cursor at %d,%d, expected %d,%d\n", name, cx, cy, x, y);
                errors++;
            }
        } else if (strncmp(line, "reply ", 6) == 0) {
            struct bytes want = { 0 };
            unescape(&want, line + 6, strlen(line + 6));
            if (want.len != t.reply.len || memcmp(want.data, t.reply.data, want.len) != 0) {
                print_error("%s: reply differs (%zu bytes, expected %zu)\n", name,
                            t.reply.len, want.len);
                errors++;
            }
            free(want.data);
        } else if (sscanf(line, "history %d", &h) == 1) {
            int got = grid_history_size(vt_main_grid(vt));
            if (got != h) {
                print_error("%s: history %d, expected %d\n", name, got, h);
                errors++;
            }
        } else if (strncmp(line, "title ", 6) == 0) {
            if (strcmp(vt_title(vt), line + 6) != 0) {
                print_error("%s: title \"%s\", expected \"%s\"\n", name, vt_title(vt),
                            line + 6);
                errors++;
            }
        } else {
            fail_msg("%s: bad line \"%s\"", name, line);
        }
    }
    if (!rows_any && row != rows) {
        print_error("%s: %d rows given, the screen has %d\n", name, row, rows);
        errors++;
    }
    /* Whatever the input, the cursor is on the screen. */
    int cx, cy;
    vt_cursor(vt, &cx, &cy);
    if (cx < 0 || cx >= cols || cy < 0 || cy >= rows) {
        print_error("%s: cursor outside the screen\n", name);
        errors++;
    }
    vt_free(vt);
    free(stream.data);
    free(t.reply.data);
    free(in);
    free(sc);
    return errors;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_corpus(void **state)
{
    (void)state;
    find_corpus();
    DIR *d = opendir(corpus_dir);
    if (d == NULL)
        fail_msg("cannot open the corpus %s", corpus_dir);
    char *names[1024];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 1024) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".in") == 0)
            names[n++] = strndup(e->d_name, len - 3);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    int failed = 0;
    for (int i = 0; i < n; i++) {
        int errors = run_case(names[i]);
        if (errors > 0)
            failed++;
        free(names[i]);
    }
    print_message("%d corpus cases, %d failed\n", n, failed);
    assert_true(n >= 30);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
