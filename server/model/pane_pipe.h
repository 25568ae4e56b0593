/* pane_pipe.h - copies of a pane's output: pipe-pane (to and from a shell command) and
 * log-file (to a file or FIFO). Each is a tap (tap.h): the pane never waits for one. A
 * consumer that falls behind gets everything while its backlog fits TAP_BUFFER_MAX
 * (16 MiB); beyond that it alone loses output, counted (#{pane_pipe_dropped},
 * #{pane_log_dropped}) and said on the status line, until it catches up. */
#ifndef TMX_PANE_PIPE_H
#define TMX_PANE_PIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pane;

/* Start `sh -c command`: with 'out' the pane's output goes to its stdin, with 'in' its
 * stdout is typed into the pane. Returns 0, or -1 with err set. */
int pane_pipe_open(struct pane *p, const char *command, bool in, bool out, char *err,
                   size_t errsize);
void pane_pipe_close(struct pane *p);
bool pane_pipe_is_open(const struct pane *p);

/* Append everything the pane prints to path (created 0600); with 'plain', as text:
 * escape sequences and carriage returns removed. Returns 0, or -1 with err. */
int pane_log_open(struct pane *p, const char *path, bool plain, char *err, size_t errsize);
void pane_log_close(struct pane *p);
/* Open the log's path again (SIGUSR1, a rotation): what was queued still goes to the old
 * file. A log whose path holds another file (moved by logrotate) is opened again by
 * itself within a second. */
void pane_log_reopen(struct pane *p);
/* log-file-max: past max bytes the file becomes PATH.1 and a new one starts (0: none). */
void pane_log_set_max(struct pane *p, uint64_t max);
/* log-file-time: strftime(3) text (the time the line began) before each line of the log,
 * "" or NULL for none. */
void pane_log_set_time(struct pane *p, const char *format);
const char *pane_log_path(const struct pane *p);
bool pane_log_plain(const struct pane *p);

struct server;
struct notify;

/* The listener (registered at start-up): a pane's output goes to its pipe and its
 * log; a pane that goes closes them. */
void pane_pipe_notify(struct server *s, const struct notify *n);
/* Bytes of output the current pipe-pane command, or log-file, did not get (0: none, or
 * no pipe or log). */
uint64_t pane_pipe_dropped(const struct pane *p);
uint64_t pane_log_dropped(const struct pane *p);

#endif
