/* job_pty.c - programs in terminals of their own that are not panes (see job_pty.h). */
#include "job_pty.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "child.h"
#include "server_state.h"
#include "xmalloc.h"

/* Input kept for a program that does not read. */
#define JOB_PTY_INPUT_MAX (1u << 20)

struct job_pty {
    struct job_pty *next;
    struct server *server;
    pid_t pid;
    int fd;                   /* the pty's master, -1 once closed */
    struct event *read_ev, *write_ev;
    struct evbuffer *input;
    bool reaped, eof;
    int status;
    const struct job_pty_ops *ops; /* NULL once the owner went */
    void *arg;
};

static void job_pty_unlink(struct job_pty *j)
{
    for (struct job_pty **jp = &j->server->pty_jobs; *jp != NULL; jp = &(*jp)->next) {
        if (*jp == j) {
            *jp = j->next;
            return;
        }
    }
}

static void job_pty_close(struct job_pty *j)
{
    if (j->fd < 0)
        return;
    event_free(j->read_ev);
    event_free(j->write_ev);
    close(j->fd);
    j->fd = -1;
}

static void job_pty_destroy(struct job_pty *j)
{
    job_pty_unlink(j);
    job_pty_close(j);
    evbuffer_free(j->input);
    free(j);
}

/* Exited and drained: tell the owner, then go. */
static void job_pty_finish_if_done(struct job_pty *j)
{
    if (!j->reaped || !j->eof)
        return;
    if (j->ops != NULL)
        j->ops->exited(j->arg, j->status);
    job_pty_destroy(j);
}

static void job_pty_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct job_pty *j = arg;
    char buf[16384];
    (void)events;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
        if (j->ops != NULL)
            j->ops->output(j->arg, buf, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    /* EIO: every process holding the slave has gone. */
    job_pty_close(j);
    j->eof = true;
    job_pty_finish_if_done(j);
}

static void job_pty_write_cb(evutil_socket_t fd, short events, void *arg)
{
    struct job_pty *j = arg;
    (void)events;
    if (evbuffer_write(j->input, fd) < 0 && errno != EAGAIN && errno != EINTR)
        evbuffer_drain(j->input, evbuffer_get_length(j->input));
    if (evbuffer_get_length(j->input) > 0)
        event_add(j->write_ev, NULL);
}

/* In the child: environment, directory, then the shell. Never returns. */
static void job_pty_exec(const struct job_pty_spawn *spawn)
{
    child_reset_signals();
    child_close_fds(-1);
    clearenv();
    for (char *const *e = spawn->env; e != NULL && *e != NULL; e++)
        putenv(*e);
    if (spawn->cwd == NULL || chdir(spawn->cwd) != 0) {
        const char *home = getenv("HOME");
        if (home == NULL || chdir(home) != 0) {
            if (chdir("/") != 0) {
                /* nothing more to try */
            }
        }
    }
    if (spawn->command != NULL && *spawn->command != '\0')
        execl(spawn->shell, spawn->shell, "-c", spawn->command, (char *)NULL);
    else {
        const char *base = strrchr(spawn->shell, '/');
        char argv0[256];
        snprintf(argv0, sizeof argv0, "-%s", base != NULL ? base + 1 : spawn->shell);
        execl(spawn->shell, argv0, (char *)NULL);
    }
    _exit(127);
}

struct job_pty *job_pty_start(struct server *s, const struct job_pty_spawn *spawn,
                              const struct job_pty_ops *ops, void *arg, char *err,
                              size_t errsize)
{
    struct termios tio;
    child_pty_termios(&tio);
    struct winsize ws = {.ws_col = (unsigned short)spawn->cols,
                         .ws_row = (unsigned short)spawn->rows};
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int master = -1;
    pid_t pid = forkpty(&master, NULL, &tio, &ws);
    int fork_errno = errno;
    if (pid == 0)
        job_pty_exec(spawn);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        snprintf(err, errsize, "cannot create a terminal for the command: %s",
                 strerror(fork_errno));
        return NULL;
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    struct job_pty *j = xcalloc(1, sizeof *j);
    j->server = s;
    j->pid = pid;
    j->fd = master;
    j->ops = ops;
    j->arg = arg;
    j->input = evbuffer_new();
    j->read_ev = event_new(s->base, master, EV_READ | EV_PERSIST, job_pty_read_cb, j);
    j->write_ev = event_new(s->base, master, EV_WRITE, job_pty_write_cb, j);
    event_add(j->read_ev, NULL);
    j->next = s->pty_jobs;
    s->pty_jobs = j;
    return j;
}

bool job_pty_write(struct job_pty *j, const void *buf, size_t len)
{
    if (j->fd < 0)
        return false;
    if (evbuffer_get_length(j->input) + len > JOB_PTY_INPUT_MAX)
        return false;
    evbuffer_add(j->input, buf, len);
    event_add(j->write_ev, NULL);
    return true;
}

void job_pty_resize(struct job_pty *j, int cols, int rows)
{
    if (j->fd < 0)
        return;
    struct winsize ws = {.ws_col = (unsigned short)cols, .ws_row = (unsigned short)rows};
    ioctl(j->fd, TIOCSWINSZ, &ws);
}

void job_pty_free(struct job_pty *j)
{
    j->ops = NULL;
    j->arg = NULL;
    if (!j->reaped) {
        kill(-j->pid, SIGHUP);
        kill(j->pid, SIGHUP);
    }
    /* Nothing more is read: the program is reaped by pid when it exits. */
    job_pty_close(j);
    j->eof = true;
    job_pty_finish_if_done(j);
}

bool job_pty_child_exited(struct server *s, pid_t pid, int status)
{
    for (struct job_pty *j = s->pty_jobs; j != NULL; j = j->next) {
        if (j->pid == pid && !j->reaped) {
            j->reaped = true;
            j->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            job_pty_finish_if_done(j);
            return true;
        }
    }
    return false;
}

void job_pty_free_all(struct server *s)
{
    while (s->pty_jobs != NULL)
        job_pty_destroy(s->pty_jobs);
}
