/* job_pty.h - a program in a terminal of its own that is not a pane (display-popup):
 * forked on a new pty, its output streamed to the owner as it comes, keys written to it,
 * its size changed; the owner hears once when it has exited and all its output was read.
 * Reaped by the server's SIGCHLD handler through job_pty_child_exited. */
#ifndef TMX_JOB_PTY_H
#define TMX_JOB_PTY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct server;
struct job_pty;

/* What the owner registers. */
struct job_pty_ops {
    /* Bytes the program wrote. */
    void (*output)(void *arg, const char *buf, size_t len);
    /* It exited (status as a shell reports it: code, or 128 + signal) and its output
     * was all read. The job is freed after this returns. */
    void (*exited)(void *arg, int status);
};

/* How to start it. */
struct job_pty_spawn {
    const char *command;    /* run by "shell -c"; NULL or "": the shell itself, as a login shell */
    const char *shell;      /* absolute path */
    const char *cwd;        /* NULL: HOME */
    char *const *env;       /* the whole environment, NAME=VALUE, NULL-terminated */
    int cols, rows;
};

/* Start the program; NULL with err set on failure. */
struct job_pty *job_pty_start(struct server *s, const struct job_pty_spawn *spawn,
                              const struct job_pty_ops *ops, void *arg, char *err,
                              size_t errsize);
/* Bytes for the program; dropped (false) when more than 1 MiB already waits. */
bool job_pty_write(struct job_pty *j, const void *buf, size_t len);
/* The terminal's new size (the program gets SIGWINCH). */
void job_pty_resize(struct job_pty *j, int cols, int rows);
/* The owner goes: the program is hung up on (SIGHUP to its process group) if it still
 * runs, no callback is made again, and it is reaped when it exits. */
void job_pty_free(struct job_pty *j);
/* From the SIGCHLD handler: true if pid was a pty job's program. */
bool job_pty_child_exited(struct server *s, pid_t pid, int status);
/* The server stops: forget every pty job (their programs were hung up on). */
void job_pty_free_all(struct server *s);

#endif
