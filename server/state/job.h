/* job.h - background shell commands (run-shell, if-shell, hooks, copy-pipe): `sh -c
 * CMD` with its output collected through the event loop, and optionally bytes fed to
 * its stdin; the callback gets the output and the exit status once the command exited
 * and its output is drained. */
#ifndef TMX_JOB_H
#define TMX_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct server;
struct job;

typedef void (*job_done_fn)(void *arg, const char *output, size_t len, int status);

/* Start command in cwd (NULL: the server's). 'done' may be NULL (fire and forget).
 * Returns NULL with err set if it could not be started. */
struct job *job_run(struct server *s, const char *command, const char *cwd, job_done_fn done,
                    void *arg, char *err, size_t errsize);
/* The same with input (len bytes, copied) written to the command's stdin through the
 * loop, then closed; a command that exits without reading it all just loses the rest. */
struct job *job_run_input(struct server *s, const char *command, const char *cwd,
                          const char *input, size_t len, job_done_fn done, void *arg, char *err,
                          size_t errsize);
/* Forget every job whose callback argument is arg (its owner is going away); the
 * commands keep running and are reaped as usual. */
void job_forget_owner(struct server *s, void *arg);
/* From the SIGCHLD handler: true if pid was one of the jobs. */
bool job_child_exited(struct server *s, pid_t pid, int status);
void job_free_all(struct server *s);

/* One line per running job (show-messages -J), after an empty line when blank. */
struct evbuffer;
void job_print_summary(struct server *s, struct evbuffer *out, bool blank);

#endif
