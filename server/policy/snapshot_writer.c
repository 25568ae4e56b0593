/* snapshot_writer.c - the snapshot's disk work in a thread of its own (snapshot_writer.h). */
#include "snapshot_writer.h"

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xmalloc.h"

struct snap_writer {
    pthread_t thread;
    int efd;                 /* the thread says "done" here */
    struct event *done_ev;   /* the loop's read event on efd */
    snap_writer_done_fn done;
    void *arg;
    /* Under lock: the job out (set and cleared by the loop only), whether the thread
     * took it and finished it, and whether the thread must end. */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    struct snap_job *job;
    bool taken, finished, quit;
};

/* The job's system calls. They run in the thread: only system calls and the job's own
 * memory (no malloc, no stdio, no locale: nothing whose lock a forked child could find
 * held). */

static bool job_fail(struct snap_job *j, enum snap_job_step step)
{
    j->failed = step;
    j->err = errno;
    return false;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The directory (and its parents) 0700; one another user owns, or that others may
 * write and that cannot be made private, refused. */
static bool job_make_dir(struct snap_job *j)
{
    char dir[4096];
    size_t n = strlen(j->dir);
    if (n == 0 || n >= sizeof dir) {
        errno = ENAMETOOLONG;
        return job_fail(j, SNAP_JOB_MKDIR);
    }
    memcpy(dir, j->dir, n + 1);
    for (char *p = dir + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(dir, 0700);
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return job_fail(j, SNAP_JOB_MKDIR);
    struct stat st;
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
        return job_fail(j, SNAP_JOB_DIR_NOT_OURS);
    if ((st.st_mode & 077) != 0 && chmod(dir, 0700) != 0)
        return job_fail(j, SNAP_JOB_DIR_PRIVATE);
    return true;
}

/* Written whole to tmp, made durable, renamed over path, the rename made durable. A file
 * cut by a crash is the tmp one (the next server removes it): path holds the old file or
 * the new one, whole. */
static void job_whole(struct snap_job *j)
{
    if (j->make_dir && !job_make_dir(j))
        return;
    int fd = open(j->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        job_fail(j, SNAP_JOB_CREATE);
        return;
    }
    bool ok = true;
    if (fchmod(fd, 0600) != 0 || write_all(fd, j->bytes, j->len) != 0)
        ok = job_fail(j, SNAP_JOB_CREATE);
    else if (fsync(fd) != 0 || rename(j->tmp, j->path) != 0)
        ok = job_fail(j, SNAP_JOB_COMMIT);
    if (!ok) {
        close(fd);
        unlink(j->tmp);
        return;
    }
    int dfd = open(j->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    if (j->keep_fd)
        j->fd = fd;
    else
        close(fd);
}

/* Appended in one write (a record cut by a crash is caught by its CRC). */
static void job_append(struct snap_job *j)
{
    if (write_all(j->fd, j->bytes, j->len) != 0 ||
        (j->durable ? fdatasync(j->fd)
                    : sync_file_range(j->fd, (off64_t)j->offset, (off64_t)j->len,
                                      SYNC_FILE_RANGE_WRITE)) != 0)
        job_fail(j, SNAP_JOB_APPEND);
}

void snap_job_run(struct snap_job *j)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    j->failed = SNAP_JOB_OK;
    j->err = 0;
    if (j->whole) {
        j->fd = -1;
        job_whole(j);
    } else
        job_append(j);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    j->wall_us = (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
}

void snap_job_error(const struct snap_job *j, char *err, size_t errsize)
{
    const char *why = strerror(j->err);
    switch (j->failed) {
    case SNAP_JOB_OK:
        snprintf(err, errsize, "written");
        break;
    case SNAP_JOB_MKDIR:
        snprintf(err, errsize, "cannot create %s: %s", j->dir, why);
        break;
    case SNAP_JOB_DIR_NOT_OURS:
        snprintf(err, errsize, "%s is not a directory of this user", j->dir);
        break;
    case SNAP_JOB_DIR_PRIVATE:
        snprintf(err, errsize, "cannot make %s private: %s", j->dir, why);
        break;
    case SNAP_JOB_CREATE:
        snprintf(err, errsize, "cannot write %s: %s", j->tmp, why);
        break;
    case SNAP_JOB_COMMIT:
    case SNAP_JOB_APPEND:
        snprintf(err, errsize, "cannot write %s: %s", j->path, why);
        break;
    }
}

void snap_job_free(struct snap_job *j)
{
    if (j == NULL)
        return;
    free(j->bytes);
    free(j->dir);
    free(j->tmp);
    free(j->path);
    free(j);
}

/* The thread: take the job, run it, say so; until told to end. */
static void *writer_main(void *arg)
{
    struct snap_writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->quit && (w->job == NULL || w->taken))
            pthread_cond_wait(&w->cond, &w->lock);
        if (w->quit)
            break;
        struct snap_job *job = w->job;
        w->taken = true;
        pthread_mutex_unlock(&w->lock);
        snap_job_run(job);
        pthread_mutex_lock(&w->lock);
        w->finished = true;
        pthread_cond_broadcast(&w->cond);
        uint64_t one = 1;
        while (write(w->efd, &one, sizeof one) < 0 && errno == EINTR)
            ;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* In the loop: the job out is done; take it back and hand it to its owner. */
static void writer_collect(struct snap_writer *w)
{
    uint64_t count;
    while (read(w->efd, &count, sizeof count) < 0 && errno == EINTR)
        ;
    pthread_mutex_lock(&w->lock);
    struct snap_job *job = NULL;
    if (w->job != NULL && w->finished) {
        job = w->job;
        w->job = NULL;
        w->taken = w->finished = false;
    }
    pthread_mutex_unlock(&w->lock);
    if (job != NULL)
        w->done(w->arg, job);
}

static void writer_done_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    writer_collect(arg);
}

struct snap_writer *snap_writer_create(struct event_base *base, snap_writer_done_fn done,
                                       void *arg)
{
    struct snap_writer *w = xcalloc(1, sizeof *w);
    w->done = done;
    w->arg = arg;
    w->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (w->efd < 0) {
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cond, NULL);
    /* Every signal blocked in the thread (it inherits the mask): the loop's handlers run
     * in the loop's thread, and the thread's system calls are not interrupted. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&w->thread, NULL, writer_main, w);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        pthread_cond_destroy(&w->cond);
        pthread_mutex_destroy(&w->lock);
        close(w->efd);
        free(w);
        errno = rc;
        return NULL;
    }
    w->done_ev = event_new(base, w->efd, EV_READ | EV_PERSIST, writer_done_cb, w);
    event_add(w->done_ev, NULL);
    return w;
}

bool snap_writer_busy(const struct snap_writer *w)
{
    return w != NULL && w->job != NULL; /* written by the loop only */
}

void snap_writer_submit(struct snap_writer *w, struct snap_job *job)
{
    pthread_mutex_lock(&w->lock);
    w->job = job;
    w->taken = w->finished = false;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
}

void snap_writer_wait(struct snap_writer *w)
{
    if (!snap_writer_busy(w))
        return;
    pthread_mutex_lock(&w->lock);
    while (!w->finished)
        pthread_cond_wait(&w->cond, &w->lock);
    pthread_mutex_unlock(&w->lock);
    writer_collect(w);
}

void snap_writer_free(struct snap_writer *w)
{
    if (w == NULL)
        return;
    snap_writer_wait(w);
    pthread_mutex_lock(&w->lock);
    w->quit = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    event_free(w->done_ev);
    close(w->efd);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
