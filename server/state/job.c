/* job.c - background shell commands with collected output (see job.h). */
#include "job.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "child.h"
#include "envset.h"
#include "queue.h"
#include "server_state.h"
#include "xmalloc.h"

/* Output kept per job; more is read and dropped (a job is not a pane). */
#define JOB_OUTPUT_MAX (1u << 20)

struct job {
    TAILQ_ENTRY(job) entry;
    struct server *server;
    pid_t pid;
    int fd;
    struct event *read_ev;
    struct evbuffer *output;
    int in_fd;                /* its stdin while input is left to write, else -1 */
    struct event *write_ev;
    struct evbuffer *input;
    bool reaped, eof;
    int status;
    job_done_fn done;
    void *arg;
    char *command;            /* for show-messages -J */
};

/* Stop feeding the command's stdin (all written, or it went away). */
static void job_close_input(struct job *j)
{
    if (j->in_fd < 0)
        return;
    event_free(j->write_ev);
    evbuffer_free(j->input);
    close(j->in_fd);
    j->write_ev = NULL;
    j->input = NULL;
    j->in_fd = -1;
}

static void job_write_cb(evutil_socket_t fd, short events, void *arg)
{
    struct job *j = arg;
    (void)events;
    if (evbuffer_write(j->input, fd) < 0 && errno != EAGAIN && errno != EINTR) {
        job_close_input(j); /* EPIPE: it does not read (SIGPIPE is ignored) */
        return;
    }
    if (evbuffer_get_length(j->input) == 0)
        job_close_input(j); /* its end of file */
}

static void job_finish_if_done(struct job *j)
{
    if (!j->reaped || !j->eof)
        return;
    struct server *s = j->server;
    TAILQ_REMOVE(&s->jobs, j, entry);
    job_close_input(j);
    if (j->done != NULL) {
        size_t len = evbuffer_get_length(j->output);
        const char *text = len > 0 ? (const char *)evbuffer_pullup(j->output, -1) : "";
        j->done(j->arg, text, len, j->status);
    }
    event_free(j->read_ev);
    evbuffer_free(j->output);
    free(j->command);
    free(j);
}

static void job_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct job *j = arg;
    char buf[16384];
    (void)events;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
        if (evbuffer_get_length(j->output) + (size_t)n <= JOB_OUTPUT_MAX)
            evbuffer_add(j->output, buf, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    event_del(j->read_ev);
    close(j->fd);
    j->fd = -1;
    j->eof = true;
    job_finish_if_done(j);
}

/* The environment of a job: the global environment, then TMUX and TMX (this server). */
static char **job_environment(struct server *s)
{
    size_t n = 0;
    char **global = s->environ != NULL ? envset_for_child(s->environ, NULL, &n) : NULL;
    char **env = xcalloc(n + 3, sizeof *env);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (strncmp(global[i], "TMUX=", 5) != 0 && strncmp(global[i], "TMX=", 4) != 0)
            env[k++] = xstrdup(global[i]);
    }
    if (global != NULL)
        envset_free_strings(global);
    const char *names[] = {"TMUX", "TMX"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = getenv(names[i]);
        if (v != NULL)
            env[k++] = xasprintf("%s=%s", names[i], v);
    }
    env[k] = NULL;
    return env;
}

struct job *job_run(struct server *s, const char *command, const char *cwd, job_done_fn done,
                    void *arg, char *err, size_t errsize)
{
    return job_run_input(s, command, cwd, NULL, 0, done, arg, err, errsize);
}

struct job *job_run_input(struct server *s, const char *command, const char *cwd,
                          const char *input, size_t len, job_done_fn done, void *arg, char *err,
                          size_t errsize)
{
    int pipefd[2], infd[2] = {-1, -1};
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        snprintf(err, errsize, "pipe: %s", strerror(errno));
        return NULL;
    }
    if (input != NULL && pipe2(infd, O_CLOEXEC) != 0) {
        snprintf(err, errsize, "pipe: %s", strerror(errno));
        close(pipefd[0]);
        close(pipefd[1]);
        return NULL;
    }
    /* As tmux, a job's environment is the global one (set-environment -g changes it;
     * powerline's status segments read what its setup put there), with this server's
     * TMUX and TMX. */
    char **env = job_environment(s);
    pid_t pid = child_spawn_shell_env(command, cwd, infd[0], pipefd[1], pipefd[1], env);
    envset_free_strings(env);
    close(pipefd[1]);
    if (infd[0] >= 0)
        close(infd[0]);
    if (pid < 0) {
        snprintf(err, errsize, "fork: %s", strerror(errno));
        close(pipefd[0]);
        if (infd[1] >= 0)
            close(infd[1]);
        return NULL;
    }
    fcntl(pipefd[0], F_SETFL, fcntl(pipefd[0], F_GETFL) | O_NONBLOCK);
    struct job *j = xcalloc(1, sizeof *j);
    j->server = s;
    j->pid = pid;
    j->fd = pipefd[0];
    j->command = xstrdup(command);
    j->output = evbuffer_new();
    j->done = done;
    j->arg = arg;
    j->read_ev = event_new(s->base, j->fd, EV_READ | EV_PERSIST, job_read_cb, j);
    event_add(j->read_ev, NULL);
    j->in_fd = infd[1];
    if (j->in_fd >= 0) {
        fcntl(j->in_fd, F_SETFL, fcntl(j->in_fd, F_GETFL) | O_NONBLOCK);
        j->input = evbuffer_new();
        evbuffer_add(j->input, input, len);
        j->write_ev = event_new(s->base, j->in_fd, EV_WRITE | EV_PERSIST, job_write_cb, j);
        event_add(j->write_ev, NULL);
    }
    TAILQ_INSERT_TAIL(&s->jobs, j, entry);
    return j;
}

void job_forget_owner(struct server *s, void *arg)
{
    struct job *j;
    TAILQ_FOREACH(j, &s->jobs, entry) {
        if (j->arg == arg) {
            j->done = NULL;
            j->arg = NULL;
        }
    }
}

bool job_child_exited(struct server *s, pid_t pid, int status)
{
    struct job *j;
    TAILQ_FOREACH(j, &s->jobs, entry) {
        if (j->pid == pid && !j->reaped) {
            j->reaped = true;
            j->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            job_finish_if_done(j);
            return true;
        }
    }
    return false;
}

void job_free_all(struct server *s)
{
    struct job *j;
    while ((j = TAILQ_FIRST(&s->jobs)) != NULL) {
        TAILQ_REMOVE(&s->jobs, j, entry);
        if (j->fd >= 0)
            close(j->fd);
        job_close_input(j);
        event_free(j->read_ev);
        evbuffer_free(j->output);
        free(j);
    }
}

void job_print_summary(struct server *s, struct evbuffer *out, bool blank)
{
    unsigned n = 0;
    struct job *j;
    TAILQ_FOREACH(j, &s->jobs, entry) {
        if (blank) {
            evbuffer_add(out, "\n", 1);
            blank = false;
        }
        evbuffer_add_printf(out, "Job %u: %s [fd=%d, pid=%ld, status=%d]\n", n++, j->command,
                            j->fd, (long)j->pid, j->status);
    }
}
