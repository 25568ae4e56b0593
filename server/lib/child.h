/* child.h - starting a helper process (run-shell, if-shell, pipe-pane): fork with the
 * server's signals blocked across it, and in the child reset every handler and the mask
 * (an ignored SIGPIPE would otherwise survive exec), start a new session, wire stdin,
 * stdout and stderr, close every other descriptor the server holds. */
#ifndef TMX_CHILD_H
#define TMX_CHILD_H

#include <sys/types.h>

struct termios;

/* Fork `sh -c command` with the given descriptors as its stdin/stdout/stderr (-1: /dev/null)
 * in directory cwd (NULL: the server's). Returns the pid, or -1 with errno. */
pid_t child_spawn_shell(const char *command, const char *cwd, int in, int out, int err);
/* The same with env (NAME=value strings, NULL-terminated) as its whole environment; NULL
 * env: the server's. */
pid_t child_spawn_shell_env(const char *command, const char *cwd, int in, int out, int err,
                            char *const *env);

/* The settings of a new terminal, as a terminal emulator gives its programs (line
 * editing on, UTF-8 input, the usual control characters). */
void child_pty_termios(struct termios *tio);

/* In a child after fork: default handlers and an empty signal mask. */
void child_reset_signals(void);
/* In a child: close every descriptor from 3 up except 'keep' (-1: none). */
void child_close_fds(int keep);

#endif
