/* snapshot_writer.h - the snapshot's disk work off the server's loop (internal to the
 * snapshot modules). The loop builds a write's bytes (only it reads the server's state)
 * and hands them over as a job; one thread owned by the writer does the system calls that
 * may wait for the disk (mkdir, open, write, fsync, rename, the directory's fsync) and
 * says it is done through an eventfd the loop watches, where the job's result is applied.
 * One job at a time: while one is out, a tick does not build another (what changed meanwhile
 * is in the next one). The thread touches nothing but its job: no allocation, no lock but
 * the writer's own, every signal blocked, so a fork in the loop (jobs, pipe-pane, popups)
 * finds no lock held that its child could need. docs/architecture.md, "Snapshots". */
#ifndef TMX_SNAPSHOT_WRITER_H
#define TMX_SNAPSHOT_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event_base;

/* What failed (SNAP_JOB_OK: nothing), with errno in the job's err. */
enum snap_job_step {
    SNAP_JOB_OK,
    SNAP_JOB_MKDIR,        /* making dir */
    SNAP_JOB_DIR_NOT_OURS, /* dir is not a directory of this user */
    SNAP_JOB_DIR_PRIVATE,  /* chmod 0700 of dir */
    SNAP_JOB_CREATE,       /* open, fchmod or write of tmp */
    SNAP_JOB_COMMIT,       /* fsync of tmp or its rename over path */
    SNAP_JOB_APPEND,       /* write to fd, or its writeback/fdatasync */
};

/* One write. The loop fills it and owns its memory; while it is out the thread owns
 * everything in it but the loop may not touch it. */
struct snap_job {
    bool whole;        /* write bytes to tmp, fsync, rename over path, fsync dir; else
                        * append them to fd */
    uint8_t *bytes;
    size_t len;
    /* whole */
    char *dir;         /* path's directory */
    char *tmp, *path;
    bool make_dir;     /* make dir (0700, of this user) first */
    bool keep_fd;      /* leave the new file open in fd (appends go on in it) */
    /* append */
    uint64_t offset;   /* where bytes go (the file's size) */
    bool durable;      /* fdatasync; else writeback started (sync_file_range) */
    /* in: the file appended to; out (whole, keep_fd): the new file, -1 on failure */
    int fd;
    /* out */
    enum snap_job_step failed;
    int err;
    uint64_t wall_us;  /* how long the system calls took */
};

/* Do the job's system calls here and now (the thread's work; the loop's own when it must
 * wait anyway: at exit, an upgrade). */
void snap_job_run(struct snap_job *job);
/* "cannot write PATH: reason" for a failed job. */
void snap_job_error(const struct snap_job *job, char *err, size_t errsize);
/* Free what the loop allocated in it, and it. */
void snap_job_free(struct snap_job *job);

/* Called in the loop with a job the thread finished (its owner frees it). */
typedef void (*snap_writer_done_fn)(void *arg, struct snap_job *job);

struct snap_writer;
/* The thread and its eventfd in base; NULL with errno set when either cannot be made
 * (the caller then runs jobs itself). */
struct snap_writer *snap_writer_create(struct event_base *base, snap_writer_done_fn done,
                                       void *arg);
/* A job is out (handed over and its result not yet applied). */
bool snap_writer_busy(const struct snap_writer *w);
/* Hand a job over (none may be out). */
void snap_writer_submit(struct snap_writer *w, struct snap_job *job);
/* Block until the job that is out, if any, is done, and apply its result now (done is
 * called before this returns): exit, upgrade and a synchronous write wait for it. */
void snap_writer_wait(struct snap_writer *w);
/* Wait, stop the thread and free everything. */
void snap_writer_free(struct snap_writer *w);

#endif
