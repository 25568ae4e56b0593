/* server.c - the server process: its start, its loop and its signals (child reaping,
 * SIGTERM's kill-grace); the listening socket is server_listen.c. What happens when a pane changes is
 * decided by the listeners registered here (server_register), not in this file. */
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "alerts.h"
#include "client_notify.h"
#include "control.h"
#include "client_frames.h"
#include "client_message.h"
#include "clipboard.h"
#include "passthrough.h"
#include "popup_editor.h"
#include "cmd.h"
#include "cmd_queue.h"
#include "cmd_table.h"
#include "cmd_up.h"
#include "config.h"
#include "defer.h"
#include "environ.h"
#include "fds.h"
#include "format_job.h"
#include "history.h"
#include "hooks.h"
#include "hook_events.h"
#include "job.h"
#include "job_pty.h"
#include "key_bindings.h"
#include "keeper_link.h"
#include "log.h"
#include "notify.h"
#include "options.h"
#include "pane.h"
#include "pane_exit.h"
#include "pane_mirror.h"
#include "pane_pipe.h"
#include "pane_waiters.h"
#include "message_log.h"
#include "paste.h"
#include "quiet.h"
#include "paths.h"
#include "prompt.h"
#include "prompt_file.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_keeper.h"
#include "server_listen.h"
#include "server_state.h"
#include "session.h"
#include "snapshot.h"
#include "tap.h"
#include "window_names.h"
#include "xmalloc.h"

extern char **environ;

/* Reap every child that exited (panes' programs and orphans re-parented to us as the
 * subreaper). Never blocks. */
static void server_sigchld_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)sig;
    (void)events;
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            break;
        if (!WIFEXITED(status) && !WIFSIGNALED(status))
            continue;
        struct session *sess, *sess_next;
        bool found = false;
        TAILQ_FOREACH_SAFE(sess, &s->sessions, entry, sess_next) {
            struct winlink *wl;
            TAILQ_FOREACH(wl, &sess->windows, entry) {
                struct window *w = wl->window;
                struct pane *p;
                TAILQ_FOREACH(p, &w->panes, entry) {
                    if (pane_child_exited(p, pid, status)) {
                        log_debug("pane %%%u: child %ld exited, status %d", p->id, (long)pid, status);
                        found = true;
                        goto next;
                    }
                }
            }
        }
    next:
        if (!found && !job_child_exited(s, pid, status) && !job_pty_child_exited(s, pid, status))
            log_debug("reaped orphan %ld", (long)pid);
    }
}

/* Send sig to the process group of every pane whose program still runs. Returns the
 * number of panes signalled. */
static int server_signal_panes(struct server *s, int sig)
{
    int n = 0;
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->pid > 0 && !p->reaped) {
                    /* Its process group, and the group in the foreground of its
                     * terminal (a shell's job) as a terminal's ^C would. */
                    pid_t fg = p->fd >= 0 ? tcgetpgrp(p->fd) : -1;
                    kill(-p->pid, sig);
                    kill(p->pid, sig);
                    if (fg > 1 && fg != p->pid)
                        kill(-fg, sig);
                    n++;
                }
            }
        }
    }
    return n;
}

static void server_grace_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    log_debug("kill-grace over: SIGKILL to the panes still running");
    server_signal_panes(s, SIGKILL);
}

/* SIGTERM/SIGINT: ask every pane's program to exit (SIGTERM to its process group), give
 * them kill-grace seconds, then SIGKILL. Panes close as their programs exit, and the
 * server exits with the last one (with the status of the last pane). A second signal
 * does not wait. */
static void server_terminate(struct server *s, int sig)
{
    s->terminating = true;
    snapshot_stop(s, true); /* a reboot or a service stop: kept for resurrect */
    /* In the foreground (tmx -D, a container's PID 1) the signal itself goes on, as
     * tini does: ^C gives the app SIGINT (status 130). */
    if (server_signal_panes(s, s->foreground ? sig : SIGTERM) == 0) {
        server_shutdown(s, "[server exited]");
        return;
    }
    s->grace_timer = evtimer_new(s->base, server_grace_cb, s);
    struct timeval tv = {.tv_sec = options_get_number(s->options, "kill-grace"), .tv_usec = 0};
    evtimer_add(s->grace_timer, &tv);
}

/* tmx up's services are down after a SIGTERM: the rest of the server stops as usual
 * (cmd_up_terminate calls it back; nothing to do if their sessions were all). */
static void server_terminate_rest(struct server *s)
{
    if (!s->terminating && !s->exiting)
        server_terminate(s, SIGTERM);
}

static void server_sigterm_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    log_debug("signal %d: stopping", (int)sig);
    if (s->terminating) {
        server_signal_panes(s, SIGKILL);
        return;
    }
    /* tmx up's services stop first, in reverse order, each with its own signal and
     * timeout; then the rest. A second signal does it for every pane at once. */
    if (cmd_up_terminate(s, server_terminate_rest))
        return;
    server_terminate(s, (int)sig);
}

/* SIGUSR1: the socket is made again if it was removed, and every log-file is opened
 * again (after a rotation that did not move the file, a new disk...). */
static void server_usr1_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    server_sigusr1_cb(sig, events, arg);
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry)
                pane_log_reopen(p);
        }
    }
}

/* In the foreground, every other catchable signal goes to the panes' programs (their
 * process groups), as tini forwards them; the server does nothing else with it, but
 * SIGUSR1 also recreates the socket (as without -D). */
static void server_forward_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    log_debug("signal %d: forwarded to the panes", (int)sig);
    server_signal_panes(s, (int)sig);
    if (sig == SIGUSR1)
        server_usr1_cb(sig, events, arg);
}

/* The signals forwarded in the foreground besides SIGTERM and SIGINT (which stop the
 * server after kill-grace): every asynchronous catchable one tini forwards. */
static const int server_forwarded[] = {SIGHUP,  SIGQUIT, SIGUSR1, SIGUSR2,   SIGALRM,
                                       SIGCONT, SIGTSTP, SIGURG,  SIGXCPU,   SIGXFSZ,
                                       SIGVTALRM, SIGPROF, SIGWINCH, SIGPOLL, SIGPWR};

static void server_sighup_cb(evutil_socket_t sig, short events, void *arg)
{
    (void)sig;
    (void)events;
    (void)arg; /* the server has no terminal: ignore */
}

/* ps and pstree show the title: which server, on which socket, with which sessions
 * ("tmx: server (default) app,web"), cut to the room argv and environ had. Rewritten
 * only when it changed (after commands, when a session ends). */
static void server_update_title(struct server *s)
{
    if (s->title_area == NULL || s->title_size == 0)
        return;
    char title[512];
    size_t n = (size_t)snprintf(title, sizeof title, "tmx: server (%s)", s->label);
    struct session *sess;
    const char *sep = " ";
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        if (n >= sizeof title)
            break;
        n += (size_t)snprintf(title + n, sizeof title - n, "%s%s", sep, sess->name);
        sep = ",";
    }
    if (strncmp(s->title_area, title, s->title_size) == 0)
        return;
    memset(s->title_area, 0, s->title_size);
    snprintf(s->title_area, s->title_size, "%s", title);
}

/* After every command: the control clients look for changes; the title may change; the
 * keeper learns where the panes are; the snapshot's timer wakes to write what changed. */
static void server_command_done(struct server *s, const char *name)
{
    control_command_done(s, name);
    server_update_title(s);
    server_keeper_tags_now(s);
    snapshot_touch(s);
}

/* What a key binding's or prompt's commands printed: in the view mode of the client's
 * pane, and the first error line on the status line. */
static void server_key_output(struct client *c, struct cmd_ctx *ctx)
{
    if (c->exiting)
        return;
    size_t n = evbuffer_get_length(ctx->out);
    if (n > 0)
        client_show_output(c, (const char *)evbuffer_pullup(ctx->out, -1), n);
    n = evbuffer_get_length(ctx->err);
    if (n > 0) {
        char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
        text[strcspn(text, "\n")] = '\0';
        /* As tmux shows an error on the status line: with a capital first letter. */
        if (*text >= 'a' && *text <= 'z')
            *text = (char)(*text - 'a' + 'A');
        client_message(c, "%s", text);
        free(text);
    }
}

void server_register(struct server *s)
{
    s->schedule_frame = client_frames_schedule;
    s->run_after_hook = hooks_run_after;
    s->log_command = cmd_log_command;
    s->key_output = server_key_output;
    s->edit_in_popup = popup_editor;
    notify_listen(s, pane_pipe_notify);
    notify_listen(s, pane_mirror_notify);
    notify_listen(s, window_names_notify);
    notify_listen(s, client_notify);
    notify_listen(s, alerts_notify);
    notify_listen(s, clipboard_notify);
    notify_listen(s, passthrough_notify);
    notify_listen(s, hook_events_notify);
    notify_listen(s, pane_exit_notify);
    notify_listen(s, server_exit_notify);
    notify_listen(s, control_notify);
    notify_listen(s, snapshot_notify);
    notify_listen(s, cmd_up_notify); /* after pane_exit's: its decisions come first */
    s->command_done = server_command_done;
    s->sessions_changed = server_update_title;
}

void server_free_all(struct server *s)
{
    struct client *c;
    while ((c = TAILQ_FIRST(&s->clients)) != NULL)
        server_client_free(c);
    struct session *sess;
    while ((sess = TAILQ_FIRST(&s->sessions)) != NULL)
        session_free(sess);
    server_keeper_stop(s); /* after the panes: each was forgotten as it went */
    history_pool_free(s->history_pool);
    tap_free_draining(&s->draining_taps);
    key_bindings_free(s);
    paste_free_all(s);
    format_job_free_all(s);
    job_free_all(s);
    job_pty_free_all(s);
    defer_free(s);
    notify_free(s);
    cmdq_free_server(s);
    hooks_free(s);
    environ_free(s);
    for (size_t i = 0; i < s->nchannels; i++) {
        free(s->channels[i].name);
        free(s->channels[i].waiters);
        free(s->channels[i].lockers);
    }
    free(s->channels);
    while (s->nwaiters > 0)
        pane_waiter_remove(s, s->nwaiters - 1);
    free(s->waiters);
    struct event *events[] = {s->sig_chld, s->sig_term, s->sig_hup, s->sig_usr1, s->sig_int,
                              s->clock_timer, s->grace_timer, s->listen_ev, s->keeper_timer};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
        if (events[i] != NULL)
            event_free(events[i]);
    }
    snapshot_free(s);
    quiet_free(s);
    cmd_up_free(s);
    for (size_t i = 0; i < SERVER_NFORWARDED; i++) {
        if (s->sig_forward[i] != NULL)
            event_free(s->sig_forward[i]);
    }
    free(s->default_shell);
    free(s->start_cwd);
    free(s->default_terminal);
    free(s->config_errors);
    free(s->config_files);
    free(s->config_causes);
    message_log_free(s);
    free(s->acl);
    for (int t = 0; t < PROMPT_NTYPES; t++)
        prompt_history_clear(s, t);
    options_free(s->options);
    options_free(s->session_options);
    options_free(s->window_options);
    free(s->socket_path);
    free(s->label);
    free(s->upgrade_binary);
    free(s->config_arg);
    event_base_free(s->base);
}

/* tmux-256color when this machine's terminfo has it, else screen-256color. */
static const char *server_default_terminal(void)
{
    const char *dirs[] = {"/usr/share/terminfo/t/tmux-256color", "/lib/terminfo/t/tmux-256color",
                          "/etc/terminfo/t/tmux-256color"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (access(dirs[i], R_OK) == 0)
            return "tmux-256color";
    }
    return "screen-256color";
}

/* After the startup config: history-file's entries, then the clients' commands that
 * waited for both. */
static void history_loaded(struct cmdq_state *st, void *arg)
{
    struct server *s = st->server;
    (void)arg;
    prompt_file_load(s);
    if (s->config_pending > 0 && --s->config_pending == 0)
        cmdq_run_all(s);
}

/* server-upgrade, after the loop: let go of the keeper without a word (it keeps every
 * program and reads their ptys until the next server adopts them) and become the new
 * binary, the same pid (TMX in the panes still names us), holding the clients' start
 * lock until the new server listens. Returns only if neither the new binary nor this
 * one could be run: the programs stay with the keeper for the next tmx command. */
static void server_upgrade(struct server *s)
{
    log_debug("server-upgrade: exec %s", s->upgrade_binary);
    /* Everything read from the ptys is in the snapshot (snapshot_stop wrote it after the
     * loop: nothing more is read); what the programs write from here the keeper keeps. */
    keeper_link_free(s->keeper); /* no BYE: the keeper keeps everything */
    s->keeper = NULL;
    log_close();
    char lockfd[16];
    snprintf(lockfd, sizeof lockfd, "%d", s->upgrade_lock);
    char *argv[] = {"tmx: server", SERVER_ARGV1, s->socket_path, s->label, lockfd,
                    s->config_arg != NULL ? s->config_arg : "", s->as_tmux ? "1" : "0", NULL};
    execv(s->upgrade_binary, argv);
    execv("/proc/self/exe", argv);
}

/* resurrect-on-start: once the startup config has run, a server started after the last
 * one died (a reboot) brings its sessions back as `tmx resurrect` would. A one-shot
 * event (event_base_once), looked at again every 100 ms while the config is pending. */
static void server_resurrect_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    if (s->config_pending > 0) {
        struct timeval tv = {.tv_sec = 0, .tv_usec = 100000};
        event_base_once(s->base, -1, EV_TIMEOUT, server_resurrect_cb, s, &tv);
        return;
    }
    if (!options_get_number(s->options, "resurrect-on-start"))
        return;
    char last[4200];
    if (!snapshot_last_path(s, last, sizeof last) || access(last, F_OK) != 0)
        return;
    char *report = NULL;
    int n = snapshot_restore(s, last, SNAPSHOT_RESURRECT, NULL, NULL, &report);
    if (report != NULL)
        log_debug("resurrect-on-start: %s", report);
    free(report);
    if (n > 0)
        unlink(last);
}

/* The loop's timers on the precise monotonic clock. By default libevent reads
 * CLOCK_MONOTONIC_COARSE, which moves once a tick (4 ms at HZ=250): a timer then fires
 * up to 4 ms off (a 0.9 ms timer: 1.7 ms late on average, 3.8 ms at worst), so the
 * 1 ms between frames that lets an echo follow another frame became up to 4 ms. Precise
 * timers cost one timerfd_settime a turn of the loop. */
static struct event_base *server_event_base(void)
{
    struct event_config *cfg = event_config_new();
    struct event_base *base = NULL;
    if (cfg != NULL) {
        event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER);
        base = event_base_new_with_config(cfg);
        event_config_free(cfg);
    }
    return base != NULL ? base : event_base_new();
}

/* The start lock the starting client took (SOCKET.lock, client.c): its file removed and
 * the lock released (fd is the same open file as the client's, which closed its own). */
static void release_start_lock(const char *socket_path, int fd)
{
    if (fd < 0)
        return;
    char *path = xasprintf("%s.lock", socket_path);
    unlink(path);
    free(path);
    close(fd);
}

int server_main(const struct server_config *cfg)
{
    /* Before anything is opened: stdio on /dev/null if it was closed, and nothing the
     * client or its caller left open (a pipe, the client's lock file) held for the
     * server's lifetime. */
    fds_open_stdio();
    fds_close_inherited(cfg->ready_fd, cfg->lock_fd);
    struct server s;
    memset(&s, 0, sizeof s);
    s.pid = getpid();
    s.foreground = cfg->foreground;
    if (s.foreground) {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd) != NULL)
            s.start_cwd = xstrdup(cwd);
    }
    s.start_time = time(NULL);
    s.socket_path = xstrdup(cfg->socket_path);
    s.label = xstrdup(cfg->label != NULL ? cfg->label : "default");
    /* A new keeper starts now, forked before anything is built (it keeps none of it),
     * and gets ready while this server builds its state: the hello below does not wait
     * for it. With a keeper already there (server-upgrade, a crash) it is connected to
     * below instead. */
    char *keeper_path = xasprintf("%s.keeper", s.socket_path);
    int keeper_fd = keeper_link_prestart(keeper_path, s.label, !cfg->foreground,
                                         cfg->title_area, cfg->title_size);
    free(keeper_path);
    s.upgrade_lock = -1;
    s.config_arg = NULL;
    if (cfg->config_file != NULL) {
        /* A relative -f is the client's: the server started in its directory, and leaves
         * it below (as tmux reads it). */
        char cwd[PATH_MAX];
        if (cfg->config_file[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
            s.config_arg = xasprintf("%s/%s", cwd, cfg->config_file);
        else
            s.config_arg = xstrdup(cfg->config_file);
    }
    s.as_tmux = cfg->as_tmux;
    TAILQ_INIT(&s.clients);
    TAILQ_INIT(&s.sessions);
    TAILQ_INIT(&s.jobs);
    TAILQ_INIT(&s.paste_buffers);
    s.next_session_id = s.next_window_id = s.next_pane_id = 0;
    s.options = options_create(NULL);
    options_set_defaults(s.options, OPTION_SERVER);
    s.session_options = options_create(NULL);
    options_set_defaults(s.session_options, OPTION_SESSION);
    s.window_options = options_create(NULL);
    options_set_defaults(s.window_options, OPTION_WINDOW);
    s.history_pool = history_pool_create();
    history_pool_set_byte_limit(s.history_pool,
                                (size_t)options_get_number(s.options, "history-bytes-total"));
    const char *shell = getenv("SHELL");
    s.default_shell = xstrdup(shell != NULL && *shell == '/' && access(shell, X_OK) == 0 ? shell : "/bin/sh");
    s.default_terminal = xstrdup(server_default_terminal());
    /* As tmux at start: default-shell from $SHELL, editor from $VISUAL or $EDITOR, and
     * default-terminal what terminfo has. */
    char err[256];
    options_set(s.session_options, "default-shell", s.default_shell, false, err, sizeof err);
    const char *editor = getenv("VISUAL");
    if (editor == NULL || *editor == '\0')
        editor = getenv("EDITOR");
    if (editor != NULL && *editor != '\0')
        options_set(s.options, "editor", editor, false, err, sizeof err);
    options_set(s.options, "default-terminal", s.default_terminal, false, err, sizeof err);

    if (cfg->foreground && cfg->verbose)
        log_open_stderr(); /* stderr is the app's too (docker logs): the log only with -v */
    else if (cfg->verbose) {
        /* In the directory tmx -v was started from, then leave it (not to hold it). */
        char name[64];
        snprintf(name, sizeof name, "tmx-server-%ld.log", (long)s.pid);
        log_open(name);
    }
    if (!cfg->foreground && chdir("/") != 0) {
        /* the server works from any directory */
    }
    signal(SIGPIPE, SIG_IGN);
    /* The initial command's strings and -f's path live in the argv memory the title
     * overwrites: copy them first. */
    char *config_file = s.config_arg != NULL ? xstrdup(s.config_arg) : NULL;
    char **initial = xcalloc((size_t)cfg->argc + 1, sizeof *initial);
    for (int i = 0; i < cfg->argc; i++)
        initial[i] = xstrdup(cfg->argv[i]);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    prctl(PR_SET_NAME, "tmx: server");
    s.title_area = cfg->title_area;
    s.title_size = cfg->title_size;
    server_update_title(&s);

    s.base = server_event_base();
    if (server_listen_start(&s) != 0) {
        char why[4400];
        snprintf(why, sizeof why, "tmx: cannot listen on %s: %s", cfg->socket_path,
                 strerror(errno));
        fprintf(stderr, "%s\n", why);
        server_starter_refuse(cfg->ready_fd, why); /* the starting client says it */
        release_start_lock(cfg->socket_path, cfg->lock_fd);
        if (keeper_fd >= 0)
            close(keeper_fd); /* the keeper, with no server and nothing to keep, exits */
        free(config_file);
        cmd_free_argv(initial);
        return 1;
    }
    /* Listening: a client started from now on connects, so the start lock goes. The
     * starting client is already connected (its command is read when the loop runs,
     * after the config, as any command). */
    release_start_lock(cfg->socket_path, cfg->lock_fd);
    if (cfg->ready_fd >= 0)
        server_starter_take(&s, cfg->ready_fd);
    s.sig_chld = evsignal_new(s.base, SIGCHLD, server_sigchld_cb, &s);
    s.sig_term = evsignal_new(s.base, SIGTERM, server_sigterm_cb, &s);
    s.sig_int = evsignal_new(s.base, SIGINT, server_sigterm_cb, &s);
    event_add(s.sig_chld, NULL);
    event_add(s.sig_term, NULL);
    event_add(s.sig_int, NULL);
    if (s.foreground) {
        for (size_t i = 0; i < SERVER_NFORWARDED; i++) {
            s.sig_forward[i] = evsignal_new(s.base, server_forwarded[i], server_forward_cb, &s);
            event_add(s.sig_forward[i], NULL);
        }
    } else {
        s.sig_hup = evsignal_new(s.base, SIGHUP, server_sighup_cb, &s);
        s.sig_usr1 = evsignal_new(s.base, SIGUSR1, server_usr1_cb, &s);
        event_add(s.sig_hup, NULL);
        event_add(s.sig_usr1, NULL);
    }

    server_register(&s);
    s.mirror_fd = -1;
    if (s.foreground && pane_mirror_start(&s, STDOUT_FILENO) != 0)
        log_debug("stdout is not usable: the panes' output is not mirrored");
    cmd_set_table(cmd_table_entries());
    key_bindings_init_later(&s); /* made at the first use: a config's bind, a key, list-keys */
    /* The global environment: the server's own (the starting client's). */
    environ_init(&s, environ);
    /* The keeper: the parent of the panes' programs, which outlive this server; the
     * panes it kept while no server was attached are adopted now, before any client's
     * command runs. */
    server_keeper_start(&s, keeper_fd);
    /* What jobs (run-shell, if-shell, hooks' shells) find: this server, no session. Set
     * after the global environment was taken, so panes do not inherit it from there. */
    char *tmux_env = xasprintf("%s,%ld,-1", s.socket_path, (long)s.pid);
    setenv("TMUX", tmux_env, 1);
    setenv("TMX", tmux_env, 1);
    free(tmux_env);
    /* -f FILE, else the default files (paths_config_files: tmx's, else tmux's). Errors
     * (FILE:LINE) are shown to the first client that attaches; the rest of the file still
     * applies. The clients' commands wait until it is done (a run-shell in it may take a
     * while). */
    s.config_pending++; /* until the prompt history is read, after the config */
    if (config_file != NULL)
        config_load_startup(&s, config_file, false);
    else {
        char **files = paths_config_files(cfg->as_tmux);
        for (size_t i = 0; files != NULL && files[i] != NULL; i++)
            config_load_startup(&s, files[i], true);
        if (files == NULL || files[0] == NULL) {
            config_load_startup(&s, NULL, true);
            s.first_run_hint = !cfg->as_tmux;
        }
        paths_free_list(files);
    }
    struct cmdq_state *hst = cmdq_state_new(&s, NULL, false, NULL, NULL);
    cmdq_append_callback(cmdq_get(&s, NULL), hst, history_loaded, NULL);
    cmdq_state_unref(hst);
    if (cfg->foreground && s.config_errors != NULL)
        fprintf(stderr, "%s", s.config_errors);
    free(config_file);
    log_debug("server started on %s", cfg->socket_path);
    if (cfg->argc > 0) {
        /* tmx -D new -s app 'cmd': the command runs in the server itself. */
        struct cmd_ctx ctx = {.server = &s, .out = evbuffer_new(), .err = evbuffer_new()};
        char *error = NULL;
        struct cmd_parse_input pi = {.server = &s};
        struct cmd_list *list = cmd_parse_argv(cfg->argc, initial, &pi, &error);
        int rc = 1;
        if (list != NULL) {
            rc = cmd_execute_list(&ctx, list);
            cmd_list_free(list);
        } else {
            cmd_error(&ctx, "%s", error);
            free(error);
        }
        size_t n = evbuffer_get_length(ctx.err);
        if (n > 0)
            fprintf(stderr, "tmx: %.*s", (int)n, (const char *)evbuffer_pullup(ctx.err, -1));
        evbuffer_free(ctx.out);
        evbuffer_free(ctx.err);
        if (rc != 0 && TAILQ_EMPTY(&s.sessions)) {
            cmd_free_argv(initial);
            server_listen_stop(&s);
            server_free_all(&s);
            return 1;
        }
    }
    server_update_title(&s);
    if (cfg->foreground && cfg->argc > 0 && TAILQ_EMPTY(&s.sessions))
        server_shutdown(&s, NULL);
    cmd_free_argv(initial);

    snapshot_init(&s);
    event_base_once(s.base, -1, EV_TIMEOUT, server_resurrect_cb, &s, &(struct timeval){0, 0});
    event_base_dispatch(s.base);
    prompt_file_save(&s);
    if (s.upgrade_binary != NULL) {
        snapshot_stop(&s, true); /* written whole: the new server's screens come from it */
        server_upgrade(&s);
        return 1;
    }
    snapshot_stop(&s, false); /* kill-server, or no session left: nothing to bring back */

    server_listen_stop(&s); /* after server_shutdown too: the reserve fd, the timer */
    pane_mirror_stop(&s);
    tap_finish_draining(&s.draining_taps, 5); /* a late reader still gets what is owed */
    int status = cmd_up_exit_status(&s, s.exit_status); /* tmx -D up: its main service's */
    server_free_all(&s);
    log_debug("server exited");
    log_close();
    return status;
}
