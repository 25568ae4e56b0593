/* test_server_snapshot_writer.c - snapshot_writer.h: a job handed over returns at once
 * and its result comes back through the loop (a write that cannot go on, into a FIFO
 * nobody reads, leaves the loop free); a whole file is written, made private and renamed
 * into place, an append lands at its offset, failures name their step; waiting applies
 * the result at once; freeing waits for the job that is out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "snapshot_writer.h"
#include "xmalloc.h"

struct fixture {
    struct event_base *base;
    struct snap_writer *w;
    char dir[256];
    struct snap_job *done; /* the last job the writer gave back */
    int dones;
};

static void done_cb(void *arg, struct snap_job *job)
{
    struct fixture *f = arg;
    snap_job_free(f->done);
    f->done = job;
    f->dones++;
    event_base_loopbreak(f->base);
}

static int setup(void **state)
{
    static struct fixture f;
    memset(&f, 0, sizeof f);
    snprintf(f.dir, sizeof f.dir, "/tmp/tmx-writer-test-XXXXXX");
    assert_non_null(mkdtemp(f.dir));
    f.base = event_base_new();
    f.w = snap_writer_create(f.base, done_cb, &f);
    assert_non_null(f.w);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    snap_writer_free(f->w);
    snap_job_free(f->done);
    event_base_free(f->base);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* A whole-file job for dir/name with these bytes. */
static struct snap_job *whole_job(struct fixture *f, const char *name, const char *bytes)
{
    struct snap_job *j = xcalloc(1, sizeof *j);
    j->whole = true;
    j->bytes = (uint8_t *)xstrdup(bytes);
    j->len = strlen(bytes);
    j->dir = xstrdup(f->dir);
    j->path = xasprintf("%s/%s", f->dir, name);
    j->tmp = xasprintf("%s/%s.tmp", f->dir, name);
    j->make_dir = true;
    j->keep_fd = true;
    j->fd = -1;
    return j;
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *buf = xcalloc(1, 4096);
    size_t n = fread(buf, 1, 4095, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Runs the loop until the writer gives a job back (5 s at most). */
static void loop_until_done(struct fixture *f, int dones)
{
    for (int i = 0; i < 500 && f->dones < dones; i++) {
        struct timeval tv = {0, 10000};
        event_base_loopexit(f->base, &tv);
        event_base_dispatch(f->base);
    }
    assert_int_equal(f->dones, dones);
}

static void test_a_whole_file_is_written_and_renamed_off_the_loop(void **state)
{
    struct fixture *f = *state;
    struct snap_job *j = whole_job(f, "a.snap", "TMXSNAP whole");
    snap_writer_submit(f->w, j);
    assert_true(snap_writer_busy(f->w));
    loop_until_done(f, 1);
    assert_false(snap_writer_busy(f->w));
    assert_ptr_equal(f->done, j);
    assert_int_equal(j->failed, SNAP_JOB_OK);
    assert_true(j->fd >= 0);
    char path[400];
    snprintf(path, sizeof path, "%s/a.snap", f->dir);
    char *got = slurp(path);
    assert_string_equal(got, "TMXSNAP whole");
    free(got);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/a.snap.tmp", f->dir);
    assert_int_not_equal(access(path, F_OK), 0);

    /* Appended at its offset, in the file the whole write left open. */
    struct snap_job *a = xcalloc(1, sizeof *a);
    a->bytes = (uint8_t *)xstrdup(" + more");
    a->len = 7;
    a->fd = j->fd;
    a->offset = j->len;
    a->path = xasprintf("%s/a.snap", f->dir);
    f->done = NULL;
    snap_writer_submit(f->w, a);
    loop_until_done(f, 2);
    assert_int_equal(a->failed, SNAP_JOB_OK);
    snprintf(path, sizeof path, "%s/a.snap", f->dir);
    got = slurp(path);
    assert_string_equal(got, "TMXSNAP whole + more");
    free(got);
    close(j->fd);
    snap_job_free(j);
}

/* The thread waits for the disk (here a FIFO nobody reads: its open waits for a reader);
 * the loop does not: it runs, and the result comes only once the FIFO is read. */
static void test_a_write_that_waits_does_not_hold_the_loop(void **state)
{
    struct fixture *f = *state;
    struct snap_job *j = whole_job(f, "b.snap", "TMXSNAP through a fifo");
    assert_int_equal(mkfifo(j->tmp, 0600), 0);
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%s", j->tmp);
    snap_writer_submit(f->w, j);
    for (int i = 0; i < 20; i++) {
        struct timeval tv = {0, 10000};
        event_base_loopexit(f->base, &tv);
        event_base_dispatch(f->base); /* the loop turns: 200 ms */
    }
    assert_int_equal(f->dones, 0);
    assert_true(snap_writer_busy(f->w));
    int fd = open(tmp, O_RDONLY);
    assert_true(fd >= 0);
    char buf[64] = "";
    size_t n = 0;
    ssize_t r;
    while ((r = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)r;
    close(fd);
    assert_string_equal(buf, "TMXSNAP through a fifo");
    loop_until_done(f, 1);
    /* A FIFO cannot be made durable: the step and the reason are said, the tmp gone. */
    assert_int_equal(f->done->failed, SNAP_JOB_COMMIT);
    assert_int_equal(f->done->err, EINVAL);
    assert_int_equal(f->done->fd, -1);
    char err[600];
    snap_job_error(f->done, err, sizeof err);
    assert_non_null(strstr(err, "cannot write "));
    assert_non_null(strstr(err, "b.snap: Invalid argument"));
    assert_int_not_equal(access(tmp, F_OK), 0);
}

/* Waiting gives the result now, without the loop. */
static void test_waiting_applies_the_result_at_once(void **state)
{
    struct fixture *f = *state;
    snap_writer_submit(f->w, whole_job(f, "c.snap", "TMXSNAP waited"));
    snap_writer_wait(f->w);
    assert_int_equal(f->dones, 1);
    assert_false(snap_writer_busy(f->w));
    assert_int_equal(f->done->failed, SNAP_JOB_OK);
    close(f->done->fd);
    /* Nothing out: waiting returns at once. */
    snap_writer_wait(f->w);
    assert_int_equal(f->dones, 1);
}

/* A directory of the snapshots that is not a directory: said, nothing written. */
static void test_a_failed_step_is_named(void **state)
{
    struct fixture *f = *state;
    struct snap_job *j = whole_job(f, "d.snap", "x");
    free(j->dir);
    j->dir = xasprintf("%s/file", f->dir);
    int fd = open(j->dir, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    close(fd);
    snap_job_run(j);
    assert_int_equal(j->failed, SNAP_JOB_DIR_NOT_OURS);
    char err[600];
    snap_job_error(j, err, sizeof err);
    assert_non_null(strstr(err, "/file is not a directory of this user"));
    snap_job_free(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_whole_file_is_written_and_renamed_off_the_loop,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_write_that_waits_does_not_hold_the_loop, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_waiting_applies_the_result_at_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_failed_step_is_named, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
