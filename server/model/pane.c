/* pane.c - a pane's pty and child: spawn, non-blocking I/O with the event loop,
 * resize, exit. The output path (pty -> vt) is the hot path: reads of up to 64 KiB a
 * wakeup, each fed to the vt as it comes, no allocation. */
#include "pane.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <pwd.h>
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
#include "envset.h"
#include "keeper_link.h"
#include "keeper_ring.h"
#include "notify.h"
#include "options.h"
#include "pane_mode.h"
#include "quiet.h"
#include "server_state.h"
#include "style.h"
#include "vt.h"
#include "model.h"
#include "xmalloc.h"

extern char **environ;

/* Largest backlog of input for a program that does not read it; beyond it input is
 * dropped rather than letting the server grow. */

static void pane_read_cb(evutil_socket_t fd, short events, void *arg);
static void pane_write_cb(evutil_socket_t fd, short events, void *arg);
static void pane_exit_timer_cb(evutil_socket_t fd, short events, void *arg);

/* OSC 52 from the program: whoever listens decides (set-clipboard, clipboard.c). */
static void pane_clipboard(void *arg, const char *selection, const char *base64)
{
    struct pane *p = arg;
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_CLIPBOARD, .pane = p,
                                            .text = selection, .data = base64});
}

/* DCS tmux; ... ST with allow-passthrough on: for the clients' terminals
 * (passthrough.c). */
static void pane_passthrough(void *arg, const char *data, size_t len)
{
    struct pane *p = arg;
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_PASSTHROUGH, .pane = p,
                                            .data = data, .size = len});
}

/* After output went through the vt: note a mode 2026 synchronized update (frames of
 * this pane wait for its end), then tell the layers above what changed. */
static void pane_output_done(struct pane *p, const char *buf, size_t bytes)
{
    bool sync = p->sync_mode;
    if (sync && !p->in_sync)
        gettimeofday(&p->sync_since, NULL);
    p->in_sync = sync;
    bool renamed = p->window_name_changed;
    p->window_name_changed = false;
    if (renamed)
        notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_RENAMED, .pane = p});
    for (int titles = p->titles; titles > 0; titles--) /* pane-title-changed, each */
        notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_TITLE, .pane = p});
    p->titles = 0;
    int bells = p->bells;
    p->bells = 0;
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_OUTPUT, .pane = p,
                                            .data = buf, .size = bytes, .count = bells});
}

/* Reaped and drained: the layers above close it or keep it dead. */
static void pane_check_finished(struct pane *p)
{
    if (pane_finished(p))
        notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_FINISHED, .pane = p});
}

/* The vt's replies (DA, CPR...) go back to the program. */
static void pane_reply(void *arg, const char *buf, size_t len)
{
    pane_write(arg, buf, len);
}

/* Bells, ESC k names and mode 2026 are only marked: pane_output_done reports them
 * after the read. */
static void pane_bell(void *arg)
{
    struct pane *p = arg;
    if (p->bells < 1000000)
        p->bells++;
}

static void pane_window_name(void *arg)
{
    struct pane *p = arg;
    p->window_name_changed = true;
}

static void pane_sync(void *arg, bool on)
{
    struct pane *p = arg;
    p->sync_mode = on;
}

/* What the pane's vt tells it (vt_ops.h). */
/* A title set: counted (a few: tmux tells each), reported after the read. */
static void pane_title(void *arg)
{
    struct pane *p = arg;
    if (p->titles < 8)
        p->titles++;
}

static const struct vt_ops pane_vt_ops = {
    .reply = pane_reply,
    .clipboard = pane_clipboard,
    .bell = pane_bell,
    .window_name = pane_window_name,
    .title = pane_title,
    .sync = pane_sync,
    .passthrough = pane_passthrough,
};

static const char *env_get(char **env, size_t nenv, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < nenv; i++) {
        if (strncmp(env[i], name, len) == 0 && env[i][len] == '=')
            return env[i] + len + 1;
    }
    return NULL;
}

/* The environment the program gets: the client's, minus variables that describe the
 * outer terminal, plus TERM, TMX and TMX_PANE, the same values as tmux's TMUX and
 * TMUX_PANE, and SHELL. Built in the server (the keeper only passes it to exec); free
 * with envset_free_strings. */
static char **pane_child_env(struct pane *p, const struct spawn_args *args, const char *shell)
{
    struct server *srv = p->server;
    struct envset *e = envset_create();
    for (size_t i = 0; i < args->nenv; i++) {
        const char *v = args->env[i];
        if (!envset_describes_outside(v))
            envset_put(e, v, false);
    }
    for (char **v = args->extra_env; v != NULL && *v != NULL; v++)
        envset_put(e, *v, false);
    /* A session started from cron or a script may come with almost no environment:
     * make sure the basics are there. */
    if (envset_find(e, "PATH") == NULL)
        envset_set(e, "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin", false);
    struct passwd *pw = NULL;
    if (envset_find(e, "HOME") == NULL || (envset_find(e, "USER") == NULL &&
                                           envset_find(e, "LOGNAME") == NULL))
        pw = getpwuid(getuid());
    if (envset_find(e, "HOME") == NULL && pw != NULL && pw->pw_dir != NULL)
        envset_set(e, "HOME", pw->pw_dir, false);
    if (envset_find(e, "USER") == NULL && envset_find(e, "LOGNAME") == NULL && pw != NULL &&
        pw->pw_name != NULL)
        envset_set(e, "USER", pw->pw_name, false);
    const char *term = options_get_string(srv->options, "default-terminal");
    envset_set(e, "TERM", *term != '\0' ? term : srv->default_terminal, false);
    char buf[4352];
    snprintf(buf, sizeof buf, "%s,%ld,%u", srv->socket_path, (long)srv->pid,
             args->session != NULL ? args->session->id : 0);
    envset_set(e, "TMX", buf, false);
    envset_set(e, "TMUX", buf, false); /* the same: tools test $TMUX, tmux's name for it */
    snprintf(buf, sizeof buf, "%%%u", p->id);
    envset_set(e, "TMX_PANE", buf, false);
    envset_set(e, "TMUX_PANE", buf, false);
    envset_set(e, "SHELL", shell, false);
    size_t n;
    char **out = envset_for_child(e, NULL, &n);
    envset_free(e);
    return out;
}

/* default-shell if set, else the SHELL of the client that made the session, else the
 * server's. */
static const char *pane_shell(struct pane *p, const struct spawn_args *args)
{
    const char *shell = args->session != NULL
                            ? options_get_string(args->session->options, "default-shell")
                            : "";
    if (*shell == '\0' || access(shell, X_OK) != 0)
        shell = env_get(args->env, args->nenv, "SHELL");
    if (shell == NULL || *shell != '/' || access(shell, X_OK) != 0)
        shell = p->server->default_shell;
    return shell;
}

/* What exec runs: file and argv (argv0 is a buffer for a login shell's "-name"). */
struct pane_exec {
    const char *file;
    char *argv[4];
    char **argvp;
    char argv0[256];
};

static void pane_exec_prepare(struct pane_exec *x, const struct spawn_args *args, const char *shell)
{
    if (args->argc == 0) {
        /* A login shell, like a terminal emulator starts: argv[0] is "-name". */
        const char *base = strrchr(shell, '/');
        base = base != NULL ? base + 1 : shell;
        snprintf(x->argv0, sizeof x->argv0, "-%s", base);
        x->file = shell;
        x->argv[0] = x->argv0;
        x->argv[1] = NULL;
        x->argvp = x->argv;
    } else if (args->argc == 1) {
        x->file = shell;
        x->argv[0] = (char *)shell;
        x->argv[1] = (char *)"-c";
        x->argv[2] = args->argv[0];
        x->argv[3] = NULL;
        x->argvp = x->argv;
    } else {
        x->file = args->argv[0];
        x->argvp = args->argv;
    }
}

/* In the child of a server with no keeper (unit tests, a keeper that cannot start):
 * reset signals, environment, cwd, then exec. Never returns; an exec failure is written
 * to errfd for the parent. */
static void child_exec(const struct pane_exec *x, char **env, const char *cwd, int errfd)
{
    child_reset_signals();
    /* Close every descriptor the server holds (clients, other ptys, log). */
    child_close_fds(errfd);
    environ = env;
    if (cwd == NULL || chdir(cwd) != 0) {
        const char *home = getenv("HOME");
        if (home == NULL || chdir(home) != 0) {
            if (chdir("/") != 0) {
                /* nothing more to try */
            }
        }
    }
    execvp(x->file, x->argvp);
    int e = errno;
    if (write(errfd, &e, sizeof e) < 0) {
        /* the parent learns nothing; the pane just exits */
    }
    _exit(127);
}

/* "what: why" in err; running out of descriptors says what to do about it. */
static void spawn_error(char *err, size_t errsize, const char *what, int e)
{
    if (e == EMFILE || e == ENFILE)
        snprintf(err, errsize, "%s: too many open files%s: close some windows or clients, or "
                 "restart the server with a higher ulimit -n", what,
                 e == ENFILE ? " in the system" : "");
    else
        snprintf(err, errsize, "%s: %s", what, strerror(e));
}

/* Where the keeper's record of a pane says it is, for a server that restarts with no
 * snapshot: "session TAB window-index TAB pane-index TAB window-name" (server_keeper.c
 * keeps it up to date; a new pane is not in its window yet: its index comes then). */
static char *pane_tag(const struct pane *p, const struct spawn_args *args)
{
    const struct winlink *wl = p->window != NULL ? TAILQ_FIRST(&p->window->links) : NULL;
    const char *sname = wl != NULL ? wl->session->name
                                   : args->session != NULL ? args->session->name : "";
    return xasprintf("%s\t%d\t%d\t%s", sname, wl != NULL ? wl->index : -1, 9999,
                     p->window != NULL && p->window->name != NULL ? p->window->name : "");
}

/* Start the program on a pty the server opens: by the keeper (which stays its parent if
 * the server dies), or forked here when there is no keeper. Returns the pid, or -1 with
 * err set; *master is the pty master. */
static pid_t pane_fork(struct pane *p, const struct spawn_args *args, int *master,
                       struct keeper_ring **ring, char *err, size_t errsize)
{
    *ring = NULL;
    struct server *srv = p->server;
    struct winsize ws = {.ws_col = (unsigned short)p->cols, .ws_row = (unsigned short)p->rows};
    struct termios tio;
    child_pty_termios(&tio);
    const char *shell = pane_shell(p, args);
    struct pane_exec x;
    pane_exec_prepare(&x, args, shell);
    char **env = pane_child_env(p, args, shell);
    const char *what = args->argc > 0 ? args->argv[0] : "shell";
    pid_t pid = -1;

    if (srv->keeper != NULL) {
        int slave = -1;
        if (openpty(master, &slave, NULL, &tio, &ws) != 0) {
            spawn_error(err, errsize, "cannot create a terminal for the command", errno);
            envset_free_strings(env);
            return -1;
        }
        fcntl(*master, F_SETFD, FD_CLOEXEC);
        fcntl(slave, F_SETFD, FD_CLOEXEC);
        char *tag = pane_tag(p, args);
        struct keeper_spawn sp = {.id = p->id, .cols = p->cols, .rows = p->rows,
                                  .file = x.file, .argv = x.argvp, .env = env,
                                  .cwd = args->cwd != NULL ? args->cwd : "", .tag = tag,
                                  .master = *master, .slave = slave,
                                  .ring_size = (size_t)options_get_number(srv->options,
                                                                          "output-ring-size")};
        int exec_errno;
        char why[512];
        pid = keeper_link_spawn(srv->keeper, &sp, &exec_errno, ring, why, sizeof why);
        free(tag);
        close(slave);
        if (pid < 0) {
            if (exec_errno != 0)
                snprintf(err, errsize, "cannot run \"%s\": %s", what, strerror(exec_errno));
            else if (exec_errno == 0 && (errno == EMFILE || errno == ENFILE))
                spawn_error(err, errsize, "cannot create a terminal for the command", errno);
            else
                snprintf(err, errsize, "cannot start the command: %s", why);
            close(*master);
        }
        envset_free_strings(env);
        return pid;
    }

    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC) != 0) {
        spawn_error(err, errsize, "cannot create a terminal for the command", errno);
        envset_free_strings(env);
        return -1;
    }
    /* Block signals across fork so the child cannot run the server's handlers. */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    pid = forkpty(master, NULL, &tio, &ws);
    int fork_errno = errno;
    if (pid == 0) {
        close(errpipe[0]);
        child_exec(&x, env, args->cwd, errpipe[1]);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(errpipe[1]);
    envset_free_strings(env);
    if (pid < 0) {
        spawn_error(err, errsize, "cannot create a terminal for the command", fork_errno);
        close(errpipe[0]);
        return -1;
    }
    int child_errno = 0;
    ssize_t n;
    do
        n = read(errpipe[0], &child_errno, sizeof child_errno);
    while (n < 0 && errno == EINTR);
    close(errpipe[0]);
    if (n == (ssize_t)sizeof child_errno) {
        snprintf(err, errsize, "cannot run \"%s\": %s", what, strerror(child_errno));
        close(*master);
        waitpid(pid, NULL, 0); /* it exits at once after the failed exec */
        return -1;
    }
    return pid;
}

/* The pane's events on its pty master (a new program's, or an adopted one's). */
static void pane_attach_fd(struct pane *p, int master)
{
    struct server *srv = p->server;
    p->fd = master;
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    p->read_ev = event_new(srv->base, master, EV_READ | EV_PERSIST, pane_read_cb, p);
    p->write_ev = event_new(srv->base, master, EV_WRITE, pane_write_cb, p);
    event_add(p->read_ev, NULL);
}

/* Start the command into pane p (new, or dead and being respawned). Returns 0, or -1
 * with err set. */
static int pane_start(struct pane *p, const struct spawn_args *args, char *err, size_t errsize)
{
    int master = -1;
    struct keeper_ring *ring;
    pid_t pid = pane_fork(p, args, &master, &ring, err, errsize);
    if (pid < 0)
        return -1;
    p->pid = pid;
    keeper_ring_free(p->ring);
    p->ring = ring;
    p->start_time = time(NULL); /* #{pane_start_time}: uptime of a service */
    p->reaped = p->eof = false;
    p->keeperless = false;
    p->wait_status = 0;
    pane_attach_fd(p, master);
    if (p->server->keeper_timer != NULL) {
        /* Tell the keeper soon where the new pane is (server_keeper.c), not at the next
         * second: a server killed at once still leaves the right places. */
        struct timeval soon = {0, 20000};
        evtimer_add(p->server->keeper_timer, &soon);
    }
    return 0;
}

/* Keep the command so respawn-pane can run it again. */
static void pane_keep_command(struct pane *p, const struct spawn_args *args)
{
    for (int i = 0; i < p->argc; i++)
        free(p->argv[i]);
    free(p->argv);
    p->argc = args->argc;
    p->argv = xcalloc((size_t)args->argc + 1, sizeof *p->argv);
    for (int i = 0; i < args->argc; i++)
        p->argv[i] = xstrdup(args->argv[i]);
}

/* history-limit and history-bytes of session options so. */
static void pane_apply_history(struct pane *p, const struct options *so)
{
    vt_set_history_limit(p->vt, (int)options_get_number(so, "history-limit"));
    vt_set_history_bytes(p->vt, (size_t)options_get_number(so, "history-bytes"));
}

/* A new pane of w: its program started unless 'empty' (then it has none and is dead). */
static struct pane *pane_new(struct window *w, const struct spawn_args *args, bool empty,
                             char *err, size_t errsize)
{
    struct server *srv = w->server;
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = srv;
    p->id = srv->next_pane_id++;
    p->fd = -1;
    p->cols = args->cols;
    p->rows = args->rows;
    p->cwd = xstrdup(args->cwd != NULL ? args->cwd : "/");
    p->options = options_create(w->options);
    if (empty) {
        p->dead = true;
    } else if (pane_start(p, args, err, errsize) != 0) {
        options_free(p->options);
        free(p->cwd);
        free(p);
        return NULL;
    }
    pane_keep_command(p, args);
    const struct options *so =
        args->session != NULL ? args->session->options : srv->session_options;
    p->vt = vt_create(args->cols, args->rows, (int)options_get_number(so, "history-limit"));
    vt_set_history_pool(p->vt, srv->history_pool);
    pane_apply_history(p, so);
    pane_apply_screen_options(p);
    /* ... and a new pane starts with extended keys on, as tmux's. */
    vt_set_extended_keys_always(p->vt, options_get_number(p->server->options, "extended-keys") == 2,
                                true);
    vt_set_ops(p->vt, &pane_vt_ops, p);
    p->to_pty = evbuffer_new();
    return p;
}

struct pane *pane_spawn(struct window *w, const struct spawn_args *args, char *err, size_t errsize)
{
    return pane_new(w, args, false, err, errsize);
}

struct pane *pane_create_empty(struct window *w, const struct spawn_args *args)
{
    return pane_new(w, args, true, NULL, 0);
}

struct pane *pane_adopt(struct window *w, const struct spawn_args *args,
                        struct keeper_adopted *a, bool replay)
{
    struct pane *p = pane_new(w, args, true, NULL, 0);
    p->id = a->id;
    p->pid = a->pid;
    p->dead = false;
    p->ring = a->shared; /* the pane's now: the server appends to it from here */
    a->shared = NULL;
    if (!replay) {
        /* the caller feeds the screen (a snapshot's, then the ring after its head) */
    } else if (p->ring != NULL) {
        uint64_t head;
        size_t len;
        const unsigned char *bytes = keeper_ring_window(p->ring, &head, &len);
        vt_feed(p->vt, bytes, len);
    } else if (a->dropped > 0) {
        char note[128];
        int n = snprintf(note, sizeof note, "[tmx: %lu bytes of output lost while no server "
                         "was attached]\r\n", (unsigned long)a->dropped);
        vt_feed(p->vt, note, (size_t)n);
    }
    if (replay && p->ring == NULL && a->ring_len > 0)
        vt_feed(p->vt, a->ring, a->ring_len);
    if (a->fd >= 0) {
        pane_attach_fd(p, a->fd);
        a->fd = -1; /* the pane's now */
    } else
        p->eof = true;
    return p;
}

void pane_apply_history_options(struct pane *p)
{
    /* The session of the window's first link (window_session, which pane.c, below
     * window.c, does not call). */
    const struct winlink *wl = p->window != NULL ? TAILQ_FIRST(&p->window->links) : NULL;
    pane_apply_history(p, wl != NULL ? wl->session->options : p->server->session_options);
}

/* pane-colours (the palette's entries, as the program's queries see them and as
 * drawing shows them) and window-style's colours (what OSC 10 / 11 queries answer). */
static void pane_apply_colours(struct pane *p)
{
    int32_t rgb[256];
    for (int i = 0; i < 256; i++)
        rgb[i] = -1;
    const char *value;
    for (long i = options_array_next(p->options, "pane-colours", -1, &value); i >= 0;
         i = options_array_next(p->options, "pane-colours", i, &value)) {
        uint32_t c;
        if (i > 255 || style_parse_colour(value, &c) != 0)
            continue;
        if (COLOUR_KIND(c) == COLOUR_RGB)
            rgb[i] = (int32_t)COLOUR_VALUE(c);
        else if (COLOUR_KIND(c) == COLOUR_PALETTE)
            rgb[i] = (int32_t)vt_default_colour((int)COLOUR_VALUE(c));
    }
    for (int i = 0; i < 256; i++)
        vt_set_owner_colour(p->vt, i, rgb[i]);
    struct grid_pen pen = {0};
    char err[128];
    if (style_apply(&pen, options_get_string(p->options, "window-style"), err, sizeof err) != 0)
        pen.fg = pen.bg = COLOUR_DEFAULT;
    const uint32_t cs[2] = { pen.fg, pen.bg };
    for (int k = 0; k < 2; k++) {
        int32_t v = -1;
        if (COLOUR_KIND(cs[k]) == COLOUR_RGB)
            v = (int32_t)COLOUR_VALUE(cs[k]);
        else if (COLOUR_KIND(cs[k]) == COLOUR_PALETTE)
            v = (int32_t)vt_colour(p->vt, (int)COLOUR_VALUE(cs[k]));
        vt_set_owner_colour(p->vt, VT_COLOUR_FG + k, v);
    }
}

void pane_apply_screen_options(struct pane *p)
{
    pane_apply_colours(p);
    vt_set_passthrough(p->vt, options_get_number(p->options, "allow-passthrough") != 0);
    vt_set_title_reports(p->vt, options_get_number(p->options, "allow-title-reports") != 0);
    vt_set_title_allowed(p->vt, options_get_number(p->options, "allow-set-title") != 0);
    vt_set_alternate_screen(p->vt, options_get_number(p->options, "alternate-screen") != 0);
    vt_set_scroll_on_clear(p->vt, options_get_number(p->options, "scroll-on-clear") != 0);
    /* extended-keys always: requests to change the mode are ignored from now on. */
    vt_set_extended_keys_always(p->vt, options_get_number(p->server->options, "extended-keys") == 2,
                                false);
}

/* Release the pty and events of a finished program (the screen stays). */
static void pane_release_pty(struct pane *p)
{
    if (p->read_ev != NULL)
        event_free(p->read_ev);
    if (p->write_ev != NULL)
        event_free(p->write_ev);
    if (p->exit_timer != NULL)
        event_free(p->exit_timer);
    p->read_ev = p->write_ev = p->exit_timer = NULL;
    if (p->fd >= 0 && p->pid > 0)
        keeper_link_forget(p->server->keeper, p->id, p->pid);
    if (p->fd >= 0)
        close(p->fd);
    p->fd = -1;
    keeper_ring_free(p->ring);
    p->ring = NULL;
    if (p->to_pty != NULL)
        evbuffer_drain(p->to_pty, evbuffer_get_length(p->to_pty));
}

/* SIGHUP to the program's process group (the session leader's: the shell and its
 * jobs); to the program alone while it has none yet: the keeper answers a spawn
 * before the child's setsid, so a pane killed at once may not lead a group yet. */
static void pane_hangup(struct pane *p)
{
    if (kill(-p->pid, SIGHUP) != 0)
        kill(p->pid, SIGHUP);
}

void pane_mark_dead(struct pane *p)
{
    p->dead = true;
    pane_release_pty(p);
}

int pane_respawn(struct pane *p, const struct spawn_args *args, char *err, size_t errsize)
{
    if (p->pid > 0 && !p->reaped)
        pane_hangup(p);
    pane_release_pty(p);
    struct spawn_args a = *args;
    if (a.argc == 0 && args->argv == NULL) {
        /* No new command: run the one the pane had. */
        a.argc = p->argc;
        a.argv = p->argv;
    }
    a.cols = p->cols;
    a.rows = p->rows;
    if (pane_start(p, &a, err, errsize) != 0)
        return -1;
    if (a.argv != p->argv)
        pane_keep_command(p, &a);
    p->dead = p->closing = false;
    return 0;
}

void pane_free(struct pane *p)
{
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_GONE, .pane = p});
    pane_mode_free_all(p);
    if (p->pid > 0 && !p->reaped)
        pane_hangup(p);
    pane_release_pty(p);
    if (p->name_timer != NULL)
        event_free(p->name_timer);
    if (p->name_work != NULL) {
        quiet_cancel(p->server, p->name_work);
        event_free(p->name_work);
    }
    if (p->to_pty != NULL)
        evbuffer_free(p->to_pty);
    for (int i = 0; i < p->argc; i++)
        free(p->argv[i]);
    free(p->argv);
    if (p->vt != NULL)
        vt_free(p->vt);
    free(p->cwd);
    free(p->last_search);
    options_free(p->options);
    free(p);
}

static void pane_close_pty(struct pane *p)
{
    p->eof = true;
    event_del(p->read_ev);
    event_del(p->write_ev);
    evbuffer_drain(p->to_pty, evbuffer_get_length(p->to_pty));
}

/* Linux's n_tty hands out at most 4095 bytes a read (its buffer is 4 KiB). */
#define PANE_PTY_READ_FULL 4095
/* A read shorter than this (a keystroke's echo, a prompt) ends the batch: the pty is
 * empty, and reading it again would only cost an EAGAIN, or a wait in n_tty_read's
 * flush_work for the kernel worker that just delivered these bytes (2 us median, up to
 * 74 us, on the echo's path before its frame: bench/echo_trace.py's trace, 300 echoes). */
#define PANE_PTY_READ_SMALL 512

/* Read the pty until it has nothing more (EAGAIN, or a small read) or less than a full
 * read's room is left of size (the bound on one wakeup's work: other panes and the
 * clients get their turn in a flood), feeding each read to the vt as it comes. A pty
 * holds only some 12 KiB (n_tty's 4 KiB and a pty's 8 KiB flip buffer), so its program
 * writes only as fast as we take: parsing each 4 KiB at once lets it fill the pty again
 * meanwhile, where parsing a 64 KiB batch after reading it stalled it for the whole
 * parse. The bytes go straight into the pane's output ring when it has one (the
 * write-ahead log that outlives this server: keeper_ring.h), its head advanced after
 * each read before the vt sees them; else into buf. *at: where the bytes are,
 * contiguous (the ring is for up to its size). Returns their count, or the first read's
 * 0 or -1. */
static ssize_t pane_read_feed(struct pane *p, int fd, char *buf, size_t size, const char **at)
{
    size_t room = size;
    unsigned char *to = (unsigned char *)buf;
    if (p->ring != NULL)
        to = keeper_ring_tail(p->ring, size, &room);
    *at = (const char *)to;
    size_t total = 0;
    for (;;) {
        ssize_t n = read(fd, to + total, room - total);
        if (n <= 0)
            return total > 0 ? (ssize_t)total : n;
        if (p->ring != NULL)
            keeper_ring_commit(p->ring, (size_t)n);
        vt_feed(p->vt, to + total, (size_t)n);
        total += (size_t)n;
        if (n < PANE_PTY_READ_SMALL || room - total < PANE_PTY_READ_FULL)
            return (ssize_t)total;
    }
}

static void pane_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    char buf[65536];
    const char *at;
    (void)events;

    ssize_t n = pane_read_feed(p, fd, buf, sizeof buf, &at);
    if (n > 0) {
        pane_output_done(p, at, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    /* EOF (BSD) or EIO (Linux: the last holder of the slave closed it). */
    pane_close_pty(p);
    if (p->keeperless && !p->reaped) {
        /* Its keeper is gone, so no exit will be reported: the end of its output is
         * its end, status unknown (0). */
        p->reaped = true;
        p->exit_time = time(NULL);
    }
    pane_check_finished(p);
}

/* The child exited long enough ago: read what the pty still holds, then finish. */
static void pane_exit_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    char buf[65536];
    (void)fd;
    (void)events;
    if (p->eof)
        return;
    ssize_t n;
    int reads = 0;
    const char *at;
    while (reads < 16 && (n = pane_read_feed(p, p->fd, buf, sizeof buf, &at)) > 0) {
        pane_output_done(p, at, (size_t)n);
        reads++;
    }
    if (reads == 0)
        pane_output_done(p, NULL, 0); /* the layers above still hear that it ended */
    pane_close_pty(p);
    pane_check_finished(p);
}

static void pane_write_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    (void)events;
    int n = evbuffer_write(p->to_pty, fd);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
        evbuffer_drain(p->to_pty, evbuffer_get_length(p->to_pty));
        return;
    }
    if (evbuffer_get_length(p->to_pty) > 0)
        event_add(p->write_ev, NULL);
}

bool pane_write(struct pane *p, const void *buf, size_t len)
{
    if (p->eof || p->fd < 0)
        return true; /* gone: nobody to tell (the pane is closing) */
    /* A program that does not read its input: drop rather than grow. One write is
     * taken whole when nothing waits (a paste is at most PASTE_SIZE_MAX). */
    size_t queued = evbuffer_get_length(p->to_pty);
    if (queued > 0 && queued + len > PANE_INPUT_MAX)
        return false;
    if (evbuffer_get_length(p->to_pty) == 0) {
        /* Fast path: write straight away, queue only what the pty does not take. */
        ssize_t n = write(p->fd, buf, len);
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR)
                return true; /* the pty is closing: its EOF comes next */
            n = 0;
        }
        buf = (const char *)buf + n;
        len -= (size_t)n;
        if (len == 0)
            return true;
    }
    evbuffer_add(p->to_pty, buf, len);
    event_add(p->write_ev, NULL);
    return true;
}

void pane_resize(struct pane *p, int cols, int rows)
{
    if (cols == p->cols && rows == p->rows)
        return;
    p->cols = cols;
    p->rows = rows;
    vt_resize(p->vt, cols, rows);
    pane_mode_resize(p);
    if (p->fd >= 0 && !p->eof) {
        struct winsize ws = {.ws_col = (unsigned short)cols, .ws_row = (unsigned short)rows};
        ioctl(p->fd, TIOCSWINSZ, &ws); /* the kernel sends SIGWINCH to the program */
    }
}

bool pane_current_command(const struct pane *p, char *buf, size_t size)
{
    if (p->fd < 0 || p->eof)
        return false;
    pid_t pgrp = tcgetpgrp(p->fd);
    if (pgrp <= 0)
        pgrp = p->pid;
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/comm", (long)pgrp);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    bool ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    if (!ok)
        return false;
    buf[strcspn(buf, "\n")] = '\0';
    return *buf != '\0';
}

bool pane_finished(const struct pane *p)
{
    return p->reaped && p->eof;
}

bool pane_child_exited(struct pane *p, pid_t pid, int status)
{
    if (p->pid != pid || p->reaped)
        return false;
    p->reaped = true;
    p->wait_status = status;
    p->exit_time = time(NULL);
    /* Normally EIO follows once the output is drained. A background process the
     * command left behind may keep the pty open: then, after a grace period that lets
     * the last output arrive, the pane is finished anyway. */
    if (!p->eof) {
        p->exit_timer = evtimer_new(p->server->base, pane_exit_timer_cb, p);
        struct timeval tv = {.tv_sec = 0, .tv_usec = 500000};
        evtimer_add(p->exit_timer, &tv);
    }
    pane_check_finished(p);
    return true;
}

void pane_keeper_lost(struct pane *p)
{
    if (p->pid <= 0 || p->reaped)
        return;
    p->keeperless = true;
    if (p->eof) {
        p->reaped = true;
        p->exit_time = time(NULL);
        pane_check_finished(p);
    }
}

int pane_exit_status(const struct pane *p)
{
    if (WIFEXITED(p->wait_status))
        return WEXITSTATUS(p->wait_status);
    if (WIFSIGNALED(p->wait_status))
        return 128 + WTERMSIG(p->wait_status);
    return 0;
}

void pane_message(struct pane *p, const char *msg)
{
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_MESSAGE, .pane = p, .text = msg});
}
