/* test_server_snapshot.c - the snapshot's contract with the keeper (snapshot.h): a server's
 * session written with snapshot_write_now comes back in another server through
 * snapshot_restore with the keeper's ops: the same ids, window name, screen and history,
 * then the bytes of the pane's output ring the saved screen had not seen (from the saved
 * head on), and a ring that wrapped past that head is reported; options changed after a
 * write are in the next one. */
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
#include "model.h"
#include "options.h"
#include "pane.h"
#include "paste.h"
#include "session.h"
#include "snapshot.h"
#include "test_server_helpers.h"
#include "vt.h"
#include "window.h"

struct keeper {
    uint64_t head;      /* what the ring says for the pane (writer side) */
    const char *ring;   /* what it holds at restore: its last bytes, ending at head */
    uint64_t ring_head;
    int adopted;
};

static bool ring_head(void *arg, const struct pane *p, uint64_t *head, uint64_t *size)
{
    (void)p;
    *head = ((struct keeper *)arg)->head;
    *size = 1 << 20;
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
    live->ring_len = strlen(k->ring);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keeper_ring_is_replayed_after_the_saved_head),
        cmocka_unit_test(test_options_changed_after_a_write_are_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
