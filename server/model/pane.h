/* pane.h - one pane: a pty running a command, parsed by a vt into a screen. The
 * struct is in model.h. */
#ifndef TMX_PANE_H
#define TMX_PANE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

#include "model.h"

struct window;
struct server;

/* How to start a pane's command. */
struct spawn_args {
    int argc;              /* 0: the default shell; 1: run through "$SHELL -c"; more: exec */
    char **argv;
    const char *cwd;       /* NULL: the server's cwd / $HOME */
    char **env;            /* NAME=VALUE list (the client's environment), may be NULL */
    size_t nenv;
    char **extra_env;      /* -e NAME=VALUE additions, NULL-terminated, may be NULL */
    int cols, rows;
    struct session *session; /* the session it starts in: TMX, default-shell, history */
};

/* Fork a pty and run the command. Returns NULL with err set on failure. */
struct pane *pane_spawn(struct window *w, const struct spawn_args *args, char *err, size_t errsize);
/* A pane with no program (split-window -I: it shows what is written to its screen); it
 * counts as dead. args gives its size, cwd and session (its command is kept, unrun). */
struct pane *pane_create_empty(struct window *w, const struct spawn_args *args);
void pane_free(struct pane *p);
struct keeper_adopted;
/* A pane for a program the keeper kept while no server was attached (keeper_link.h):
 * the same id and pid, its pty master and output ring taken from a (a->fd becomes -1,
 * a->shared NULL). replay: what the ring holds is fed to its screen (no snapshot has
 * it); else the caller restores the screen and replays the ring from the snapshot's
 * head. An ended program's status is the caller's to give (pane_child_exited), once the
 * pane is in its window. */
struct pane *pane_adopt(struct window *w, const struct spawn_args *args,
                        struct keeper_adopted *a, bool replay);
/* Apply the session's history-limit and history-bytes to the pane's history (lines
 * over them are dropped now, oldest first). */
void pane_apply_history_options(struct pane *p);
/* Apply the pane's alternate-screen and scroll-on-clear options to its screen. */
void pane_apply_screen_options(struct pane *p);
/* The program finished and the pane stays (remain-on-exit): release its pty. */
void pane_mark_dead(struct pane *p);
/* Run a command again in pane p (dead or, killed first, alive). args->argv NULL means the
 * pane's own command. Returns 0, or -1 with err set. */
int pane_respawn(struct pane *p, const struct spawn_args *args, char *err, size_t errsize);
/* The exit status a shell would report for the reaped child: code, or 128 + signal. */
int pane_exit_status(const struct pane *p);
/* Queue bytes for the program (never blocks). */
/* Bytes for the pane's program, written at once or queued while the pty is full. False,
 * and nothing queued, when input already waits and this would take it past
 * PANE_INPUT_MAX (a program that does not read): the caller says so. A write into an
 * empty queue is taken whole (callers bound it: a paste is at most PASTE_SIZE_MAX). */
#define PANE_INPUT_MAX (4u << 20)
bool pane_write(struct pane *p, const void *buf, size_t len);
void pane_resize(struct pane *p, int cols, int rows);
/* Name of the foreground process of the pane (for automatic window names). */
bool pane_current_command(const struct pane *p, char *buf, size_t size);
/* A pane is finished once its child was reaped and all its output was read. */
bool pane_finished(const struct pane *p);
/* Called by the SIGCHLD handler with a reaped child's status; false if not ours. When
 * that finishes the pane (its output was all read), NOTIFY_PANE_FINISHED is sent. */
bool pane_child_exited(struct pane *p, pid_t pid, int status);
/* The keeper that runs p's program went away: its exit will not be reported, so the end
 * of its output ends the pane. */
void pane_keeper_lost(struct pane *p);

/* A message about the pane for the status lines of its clients (NOTIFY_PANE_MESSAGE). */
void pane_message(struct pane *p, const char *msg);

#endif
