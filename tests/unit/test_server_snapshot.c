/* test_server_snapshot.c - the snapshot's contract with the keeper (snapshot.h): a server's
 * session written with snapshot_write_now comes back in another server through
 * snapshot_restore with the keeper's ops: the same ids, window name, screen and history,
 * then the bytes of the pane's output ring the saved screen had not seen (from the saved
 * head on), and a ring that wrapped past that head is reported; options changed after a
 * write are in the next one. At every byte a program's output can be cut at (whole
 * files, and the appends the timer writes), restore and replay give the whole stream's
 * pane. A window keeps its own size and manual size; a snapshot from before the manual
 * sizes still loads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "envset.h"
#include "grid.h"
#include "model.h"
#include "options.h"
#include "pane.h"
#include "paste.h"
#include "sbuf.h"
#include "session.h"
#include "snapshot.h"
#include "test_server_helpers.h"
#include "vt.h"
#include "vt_snapshot.h"
#include "window.h"

struct keeper {
    uint64_t head;      /* what the ring says for the pane (writer side) */
    const char *ring;   /* what it holds at restore: its last bytes, ending at head */
    uint64_t ring_head;
    size_t ring_len;    /* 0: strlen(ring) */
    bool back_off;      /* the head put back before an unfinished sequence, as the
                         * server's (server_keeper_ring: ring holds the bytes fed) */
    int adopted;
};

static bool ring_head(void *arg, const struct pane *p, uint64_t *head, uint64_t *size)
{
    struct keeper *k = arg;
    *head = k->head;
    *size = 1 << 20;
    if (k->back_off)
        *head -= vt_snapshot_unfinished(p->vt, (const uint8_t *)k->ring, (size_t)k->head);
    return true;
}

static const struct snapshot_ring_ops ring_ops = {.ring = ring_head};

static bool pane_live(void *arg, uint32_t id, struct snapshot_pane_live *live)
{
    struct keeper *k = arg;
    (void)id;
    live->fd = 100; /* never used: adopt below makes the pane */
    live->pid = 1;
    live->ring = k->ring;
    live->ring_len = k->ring_len > 0 ? k->ring_len : strlen(k->ring);
    live->head = k->ring_head;
    return true;
}

static struct pane *adopt(void *arg, struct window *w, const struct spawn_args *args,
                          const struct snapshot_pane_live *live)
{
    (void)live;
    ((struct keeper *)arg)->adopted++;
    return pane_create_empty(w, args);
}

static const struct snapshot_restore_ops keeper_ops = {.pane_live = pane_live, .adopt = adopt};

static void server_new(struct server *s)
{
    memset(s, 0, sizeof *s);
    test_server_init(s);
    s->environ = envset_create();
    s->default_shell = strdup("/bin/sh");
    s->next_pane_id = s->next_window_id = s->next_session_id = 0;
}

static void server_end(struct server *s)
{
    while (!TAILQ_EMPTY(&s->sessions))
        session_free(TAILQ_FIRST(&s->sessions));
    paste_free_all(s);
    snapshot_free(s);
    envset_free(s->environ);
    free(s->default_shell);
    test_server_free_options(s);
}

/* Session "work", window "editor" with one pane %5 that printed lines 1..40. */
static void build(struct server *s)
{
    s->next_pane_id = 5;
    struct session *sess = session_create(s, "work", "/", NULL, 0, 40, 10);
    struct window *w = window_create(sess, "editor");
    struct spawn_args sa = {.cols = 40, .rows = 10, .session = sess, .cwd = "/"};
    struct pane *p = pane_create_empty(w, &sa);
    window_add_first_pane(w, p);
    session_link_window(sess, w, 0);
    for (int i = 1; i <= 40; i++) {
        char line[32];
        int n = snprintf(line, sizeof line, "line %d\r\n", i);
        vt_feed(p->vt, line, (size_t)n);
    }
}

static char *text(struct pane *p, int y)
{
    static char buf[256];
    vt_line_text(p->vt, y, buf, sizeof buf);
    return buf;
}

static void restore_with(struct keeper *k, const char *path, char **report, struct server *b)
{
    server_new(b);
    assert_int_equal(snapshot_restore(b, path, SNAPSHOT_ADOPT, &keeper_ops, k, report), 1);
    assert_int_equal(k->adopted, 1);
}

static void test_keeper_ring_is_replayed_after_the_saved_head(void **state)
{
    (void)state;
    char path[] = "/tmp/tmx-snap-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct server a;
    server_new(&a);
    build(&a);
    struct keeper k = {.head = 1000};
    snapshot_set_ring_ops(&a, &ring_ops, &k);
    char err[256];
    assert_int_equal(snapshot_write_now(&a, path, err, sizeof err), 0);
    server_end(&a);

    /* The ring: 10 bytes the saved screen saw (head 1000), then "more\r\n" it did not. */
    k.ring = "SEENBYTES!more\r\n";
    k.ring_head = 1000 + 6;
    struct server b;
    char *report = NULL;
    restore_with(&k, path, &report, &b);
    assert_null(report);
    struct pane *p = session_find_pane(&b, 5);
    assert_non_null(p);
    assert_string_equal(TAILQ_FIRST(&TAILQ_FIRST(&b.sessions)->windows)->window->name, "editor");
    /* History and screen as they were, then the replayed bytes: once, not the seen ones. */
    assert_int_equal(grid_history_size(vt_main_grid(p->vt)), 32);
    assert_string_equal(text(p, -32), "line 1");
    assert_string_equal(text(p, 7), "line 40");
    assert_string_equal(text(p, 8), "more");
    server_end(&b);

    /* A ring that wrapped past the saved head: all of it replayed, the gap said. */
    k.adopted = 0;
    k.ring = "tail\r\n";
    k.ring_head = 5000;
    restore_with(&k, path, &report, &b);
    assert_non_null(report);
    assert_non_null(strstr(report, "pane %5: 3994 bytes the program wrote were lost"));
    free(report);
    p = session_find_pane(&b, 5);
    assert_string_equal(text(p, 8), "tail");
    server_end(&b);
    unlink(path);
}

/* Everything a pane holds, history first, then both screens' rows, one line each: its
 * text, then (in hex) the line as a snapshot encodes it (cells, styles, wrap); last the
 * cursor and the vt's state (modes, pen, title...) in hex. */
static char *pane_dump(struct pane *p)
{
    static const struct grid_line blank_row = {.plain = true}; /* an alternate screen never shown */
    struct sbuf d = {0};
    const struct grid *main = vt_main_grid(p->vt), *alt = vt_snapshot_alt_grid(p->vt);
    int hsize = grid_history_size(main), rows = vt_rows(p->vt);
    char text[512];
    for (int y = -hsize; y < 2 * rows; y++) {
        const struct grid_line *l = y < 0    ? grid_history_line(main, y + hsize)
                                    : y < rows ? grid_line_const(main, y)
                                    : alt != NULL ? grid_line_const(alt, y - rows)
                                                  : &blank_row;
        struct sbuf enc = {0};
        vt_snapshot_put_line(&enc, p->vt, l);
        if (y < rows)
            vt_line_text(p->vt, y, text, sizeof text);
        else
            snprintf(text, sizeof text, "(alternate screen row %d)", y - rows);
        sbuf_put(&d, text, strlen(text));
        sbuf_byte(&d, ' ');
        for (size_t i = 0; i < enc.len; i++) {
            char hex[3];
            snprintf(hex, sizeof hex, "%02x", enc.p[i]);
            sbuf_put(&d, hex, 2);
        }
        sbuf_byte(&d, '\n');
        sbuf_free(&enc);
    }
    int cx, cy;
    vt_cursor(p->vt, &cx, &cy);
    snprintf(text, sizeof text, "cursor %d,%d state ", cx, cy);
    sbuf_put(&d, text, strlen(text));
    struct sbuf st = {0};
    vt_snapshot_put_state(&st, p->vt);
    for (size_t i = 0; i < st.len; i++) {
        char hex[3];
        snprintf(hex, sizeof hex, "%02x", st.p[i]);
        sbuf_put(&d, hex, 2);
    }
    sbuf_free(&st);
    sbuf_byte(&d, '\0');
    return (char *)d.p;
}

/* A pane of cols x rows in session "work" that was fed the first n bytes of stream, in
 * reads of at most chunk bytes as the pty gives them. */
static struct pane *build_fed(struct server *s, int cols, int rows, const char *stream, size_t n,
                              size_t chunk)
{
    s->next_pane_id = 5;
    struct session *sess = session_create(s, "work", "/", NULL, 0, cols, rows);
    struct window *w = window_create(sess, "editor");
    struct spawn_args sa = {.cols = cols, .rows = rows, .session = sess, .cwd = "/"};
    struct pane *p = pane_create_empty(w, &sa);
    window_add_first_pane(w, p);
    session_link_window(sess, w, 0);
    for (size_t off = 0; off < n; off += chunk)
        vt_feed(p->vt, stream + off, n - off < chunk ? n - off : chunk);
    return p;
}

/* A program's output with what a screen can hold: plain lines, colours, a line as wide
 * as a 20-column pane (the wrap pending), longer ones (wrapped), wide characters, a
 * title, a CR that overwrites, tabs, a cursor move. */
static char *flood_stream(size_t *lenp)
{
    size_t cap = 8192, len = 0;
    char *stream = malloc(cap);
    assert_non_null(stream);
    for (int i = 1; i <= 24; i++) {
        len += (size_t)snprintf(stream + len, cap - len, "c%d\r\n", i);
        if (i % 6 == 1)
            len += (size_t)snprintf(stream + len, cap - len,
                                    "\033[1;31mred\033[0m \xe4\xb8\xad\xe6\x96\x87 "
                                    "\033]2;t%d\007x\r\n", i);
        if (i % 6 == 3)
            len += (size_t)snprintf(stream + len, cap - len, "%s\r\n%s%d\r\n",
                                    "exactly twenty chars", "wrapped over the width of the pane ", i);
        if (i % 6 == 5)
            len += (size_t)snprintf(stream + len, cap - len, "abc\rX\tY\033[2Dz\r\n");
    }
    *lenp = len;
    return stream;
}

/* Restore the snapshot at path into a new server, the ring replayed after its head: the
 * pane holds want, else say where the stream was cut. */
static void check_restored(struct keeper *k, const char *path, const char *want, size_t n,
                           const char *how)
{
    struct server b;
    char *report = NULL;
    k->adopted = 0;
    restore_with(k, path, &report, &b);
    assert_null(report);
    char *got = pane_dump(session_find_pane(&b, 5));
    if (strcmp(got, want) != 0)
        fail_msg("cut at byte %zu (%s): after \"%.*s\"\ngot:\n%s\nwant:\n%s", n, how,
                 (int)(n < 12 ? n : 12), k->ring + n - (n < 12 ? n : 12), got, want);
    free(got);
    server_end(&b);
}

/* The promise of the keeper's replay, at every cut: a server that read the first n bytes
 * of a program's output (in reads of any size), wrote its snapshot with the ring's head
 * (put back before a sequence the read cut, as the server does) and went, then a server
 * that restored it and replayed the ring from that head shows the same history, screens,
 * cursor and state as one that read it all, whatever byte the upgrade falls on. */
static void test_restore_and_replay_at_every_cut_is_the_whole_stream(void **state)
{
    (void)state;
    char path[] = "/tmp/tmx-snap-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    size_t len;
    char *stream = flood_stream(&len);
    struct server ref;
    server_new(&ref);
    char *want = pane_dump(build_fed(&ref, 20, 6, stream, len, len));
    server_end(&ref);
    size_t chunks[] = {len, 7};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        for (size_t n = 0; n <= len; n++) {
            struct server a;
            server_new(&a);
            build_fed(&a, 20, 6, stream, n, chunks[c]);
            struct keeper k = {.head = n, .ring = stream, .ring_head = len, .ring_len = len,
                               .back_off = true};
            snapshot_set_ring_ops(&a, &ring_ops, &k);
            char err[256];
            assert_int_equal(snapshot_write_now(&a, path, err, sizeof err), 0);
            server_end(&a);
            check_restored(&k, path, want, n, chunks[c] == len ? "one read" : "reads of 7");
        }
    }
    free(want);
    free(stream);
    unlink(path);
}

/* The same through the server's own file as its timer writes it (kill -9: the last
 * write is what the next server has): a whole file, then after each few bytes read only
 * the new history lines, the rows whose line changed and the state appended; restored
 * after each append and the ring replayed from its head, the pane is the whole stream's. */
static void test_appended_snapshots_restore_at_every_cut(void **state)
{
    (void)state;
    char dir[] = "/tmp/tmx-snap-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *old = getenv("XDG_STATE_HOME");
    char *saved = old != NULL ? strdup(old) : NULL;
    setenv("XDG_STATE_HOME", dir, 1);
    size_t len;
    char *stream = flood_stream(&len);
    struct server ref;
    server_new(&ref);
    char *want = pane_dump(build_fed(&ref, 20, 6, stream, len, len));
    server_end(&ref);
    size_t steps[] = {1, 5, 13};
    for (size_t c = 0; c < sizeof steps / sizeof steps[0]; c++) {
        struct server a;
        server_new(&a);
        a.label = strdup("cuts");
        struct pane *p = build_fed(&a, 20, 6, stream, 0, len);
        struct keeper k = {.ring = stream, .ring_head = len, .ring_len = len, .back_off = true};
        snapshot_set_ring_ops(&a, &ring_ops, &k);
        char path[4200], err[256], how[32];
        assert_true(snapshot_path(&a, path, sizeof path));
        snprintf(how, sizeof how, "appended every %zu", steps[c]);
        for (size_t n = 0;; n += steps[c]) {
            if (n > len)
                n = len;
            vt_feed(p->vt, stream + k.head, n - k.head);
            k.head = n;
            assert_int_equal(snapshot_write_changes(&a, err, sizeof err), 0);
            check_restored(&k, path, want, n, how);
            if (n == len)
                break;
        }
        snapshot_stop(&a, false);
        free(a.label);
        a.label = NULL;
        server_end(&a);
    }
    free(want);
    free(stream);
    if (saved != NULL)
        setenv("XDG_STATE_HOME", saved, 1);
    else
        unsetenv("XDG_STATE_HOME");
    free(saved);
    char tmx[4300];
    snprintf(tmx, sizeof tmx, "%s/tmx", dir);
    rmdir(tmx);
    rmdir(dir);
}

/* Options are formatted again only when a set changed (options_changes): a change made
 * after a write, to a global set, a session's own set or a user option, is in the next
 * write. */
static void test_options_changed_after_a_write_are_written(void **state)
{
    (void)state;
    char p1[] = "/tmp/tmx-snap-test-XXXXXX", p2[] = "/tmp/tmx-snap-test-XXXXXX";
    int fd = mkstemp(p1);
    assert_true(fd >= 0);
    close(fd);
    fd = mkstemp(p2);
    assert_true(fd >= 0);
    close(fd);
    struct server a;
    server_new(&a);
    build(&a);
    char err[256];
    struct session *sess = TAILQ_FIRST(&a.sessions);
    assert_int_equal(options_set(a.options, "escape-time", "7", false, err, sizeof err), 0);
    assert_int_equal(snapshot_write_now(&a, p1, err, sizeof err), 0);
    assert_int_equal(options_set(a.options, "escape-time", "9", false, err, sizeof err), 0);
    assert_int_equal(options_set(sess->options, "status", "off", false, err, sizeof err), 0);
    options_set_user(sess->options, "@mark", "kept", false);
    assert_int_equal(snapshot_write_now(&a, p2, err, sizeof err), 0);
    server_end(&a);

    struct server b;
    char *report = NULL;
    server_new(&b);
    assert_int_equal(snapshot_restore(&b, p1, SNAPSHOT_ADOPT, NULL, NULL, &report), 1);
    free(report);
    assert_int_equal(options_get_number(b.options, "escape-time"), 7);
    server_end(&b);
    server_new(&b);
    report = NULL;
    assert_int_equal(snapshot_restore(&b, p2, SNAPSHOT_ADOPT, NULL, NULL, &report), 1);
    free(report);
    assert_int_equal(options_get_number(b.options, "escape-time"), 9);
    sess = TAILQ_FIRST(&b.sessions);
    assert_int_equal(options_get_number(sess->options, "status"), 0);
    assert_string_equal(options_get_user(sess->options, "@mark", false), "kept");
    server_end(&b);
    unlink(p1);
    unlink(p2);
}

/* A session 40x10 whose window is 30x8, its window-size manual size 25x6 (as a client
 * or resize-window leaves them): written to path. */
static void write_sized_window(const char *path)
{
    struct server a;
    server_new(&a);
    build(&a);
    struct window *w = TAILQ_FIRST(&TAILQ_FIRST(&a.sessions)->windows)->window;
    window_resize(w, 30, 8);
    w->manual_cols = 25;
    w->manual_rows = 6;
    char err[256];
    assert_int_equal(snapshot_write_now(&a, path, err, sizeof err), 0);
    server_end(&a);
}

/* The window restored from path: its size and manual size. */
static void restored_sizes(const char *path, int *cols, int *rows, int *mcols, int *mrows)
{
    struct server b;
    char *report = NULL;
    server_new(&b);
    assert_int_equal(snapshot_restore(&b, path, SNAPSHOT_ADOPT, NULL, NULL, &report), 1);
    free(report);
    struct window *w = TAILQ_FIRST(&TAILQ_FIRST(&b.sessions)->windows)->window;
    *cols = w->cols;
    *rows = w->rows;
    *mcols = w->manual_cols;
    *mrows = w->manual_rows;
    server_end(&b);
}

/* A window comes back at its own size, not its session's, with its manual size. */
static void test_a_window_keeps_its_size_and_manual_size(void **state)
{
    (void)state;
    char path[] = "/tmp/tmx-snap-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_sized_window(path);
    int cols, rows, mcols, mrows;
    restored_sizes(path, &cols, &rows, &mcols, &mrows);
    assert_int_equal(cols, 30);
    assert_int_equal(rows, 8);
    assert_int_equal(mcols, 25);
    assert_int_equal(mrows, 6);
    unlink(path);
}

/* A snapshot written before the manual sizes (its STATE ends at the windows) still
 * loads: the window at its size, which is its manual size too. */
static void test_a_snapshot_without_manual_sizes_loads(void **state)
{
    (void)state;
    char path[] = "/tmp/tmx-snap-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_sized_window(path);
    /* The first record is the STATE: take off its last 4 bytes (count 1, window 0, 25,
     * 6, each one byte) and sign it again. */
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n > 21 && n < sizeof buf);
    assert_int_equal(buf[16], 1); /* STATE */
    uint32_t len = (uint32_t)buf[17] | (uint32_t)buf[18] << 8 | (uint32_t)buf[19] << 16 |
                   (uint32_t)buf[20] << 24;
    assert_true(21 + (size_t)len + 4 <= n);
    const uint8_t tail[] = {1, 0, 50, 12}; /* zigzag varints */
    assert_memory_equal(buf + 21 + len - 4, tail, 4);
    size_t rest = 21 + (size_t)len + 4; /* the records after the STATE */
    len -= 4;
    for (int i = 0; i < 4; i++)
        buf[17 + i] = (uint8_t)(len >> (8 * i));
    uint32_t crc = sbuf_crc32(0, buf + 16, 5 + (size_t)len);
    for (int i = 0; i < 4; i++)
        buf[21 + len + (size_t)i] = (uint8_t)(crc >> (8 * i));
    memmove(buf + 21 + len + 4, buf + rest, n - rest);
    n -= 4;
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
    int cols, rows, mcols, mrows;
    restored_sizes(path, &cols, &rows, &mcols, &mrows);
    assert_int_equal(cols, 30);
    assert_int_equal(rows, 8);
    assert_int_equal(mcols, 30);
    assert_int_equal(mrows, 8);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keeper_ring_is_replayed_after_the_saved_head),
        cmocka_unit_test(test_options_changed_after_a_write_are_written),
        cmocka_unit_test(test_restore_and_replay_at_every_cut_is_the_whole_stream),
        cmocka_unit_test(test_appended_snapshots_restore_at_every_cut),
        cmocka_unit_test(test_a_window_keeps_its_size_and_manual_size),
        cmocka_unit_test(test_a_snapshot_without_manual_sizes_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
