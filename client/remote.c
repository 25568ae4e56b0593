/* remote.c - tmx -H [user@]host[:port] COMMAND: the command runs against the server on
 * that host, reached by the user's own ssh (option ssh-command) running the remote tmx
 * in its stdio mode (stdio_relay.c). Attached, the client survives the link: heartbeats
 * (MSG_PING every third of remote-timeout) tell a silent link from a quiet one; a lost
 * link keeps the last screen under a one-line notice, and ssh is run again with
 * exponential backoff and jitter until the session is attached again (one full frame)
 * or C-c gives up. Keys typed meanwhile are dropped and counted on the notice; the
 * terminal's size at resume is sent. docs/remote.md tells the whole story. */
#include "remote.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmdline.h"
#include "predict.h"
#include "proto.h"
#include "sh_quote.h"
#include "stdio_relay.h"
#include "tty.h"
#include "version.h"
#include "xmalloc.h"

/* What a link may keep: bytes from the remote end not yet a whole message (one message
 * at most, plus a read), bytes for it not yet taken by ssh, ssh's last words. */
#define REMOTE_IN_MAX (PROTO_HEADER_SIZE + PROTO_MAX_PAYLOAD + 65536)
#define REMOTE_OUT_MAX (1u << 20)
#define REMOTE_ERR_KEEP 2048
/* Bytes before the hello (banners, motd) looked through before giving up. */
#define REMOTE_PRE_MAX (64u * 1024)
/* Longest wait between attempts. */
#define REMOTE_BACKOFF_MAX 30000

struct remote_settings {
    char *ssh;       /* ssh-command */
    char *remote;    /* remote-command */
    long timeout;    /* remote-timeout, ms */
    bool predict;    /* remote-predict */
};

/* One run of ssh and what came through it. */
struct remote_link {
    pid_t pid;               /* ssh, 0 when none */
    bool own_group;          /* started in a process group of its own (reconnects) */
    int wfd, rfd, efd;       /* its stdin, stdout, stderr */
    char *in;                /* from its stdout */
    size_t inlen;
    char *out;               /* for its stdin */
    size_t outlen;
    char err[REMOTE_ERR_KEEP]; /* the end of its stderr */
    size_t errlen;
    char pre[256];           /* the start of what came before the hello */
    size_t prelen, pretotal;
    bool hello;
    uint32_t version;        /* agreed */
    long long started, last_rx, last_tx, last_ping;
    int ident_cols, ident_rows; /* the size the identify carried */
    int status;              /* ssh's exit status once reaped, else -1 */
};

struct remote {
    const struct client_options *opts;
    const char *target;      /* [user@]host[:port] as given */
    char host[256];          /* [user@]host */
    char port[16];
    struct remote_settings set;
    int argc;
    char **argv;
    bool attaches;
    int control;             /* -C 1, -CC 2: lines in, text out, no reconnect */
    struct control_term cterm;
    struct tty tty;
    int sig_fd;
    struct remote_link link;
    char token[33];
    bool attached;           /* in raw mode: MSG_READY came once */
    bool live;               /* attached over the current link */
    bool down;               /* the link was lost while attached: reconnecting */
    int attempt;
    long long next_try;
    int dropped;             /* keys dropped while down */
    char reason[256];        /* why the link was lost */
    char last_error[256];    /* why the last attempt failed */
    char session[256];       /* MSG_SESSION: the session to attach to again */
    char resume_err[512];    /* what the server said when attaching again failed */
    bool stdin_open, sending_stdin;
    bool done;
    int exit_status;
    char *exit_message;
    uint8_t exit_how;
    char *exit_command;
    bool capturing;          /* several hosts: stdout kept in capture */
    char *capture;
    size_t caplen;
    bool predicting;         /* remote-predict, attached: pred is live */
    struct predict pred;
    long long srtt;          /* smoothed heartbeat round trip, ms (0: none yet) */
};

/* CLOCK_BOOTTIME: a laptop that slept for an hour finds its deadlines passed. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_nonblock(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static unsigned random_u32(void)
{
    unsigned v = 0;
    if (getrandom(&v, sizeof v, GRND_NONBLOCK) != (ssize_t)sizeof v)
        v = (unsigned)getpid() * 2654435761u ^ (unsigned)now_ms();
    return v;
}

/* A space and s quoted for the remote shell, added to *out (*len bytes so far). */
static void add_quoted_word(char **out, size_t *len, const char *s)
{
    char *q = sh_quote(s);
    size_t n = strlen(q);
    *out = xrealloc(*out, *len + n + 2);
    (*out)[(*len)++] = ' ';
    memcpy(*out + *len, q, n + 1);
    *len += n;
    free(q);
}

/* Read ssh-command, remote-command and remote-timeout from the local server (started
 * for the question if none runs, so that the user's config applies; it goes again at
 * once when it has no session). */
static void read_settings(const struct client_options *opts, struct remote_settings *set)
{
    set->ssh = xstrdup("ssh");
    set->remote = xstrdup("tmx");
    set->timeout = 6000;
    char *argv[] = {"start-server", ";", "display-message", "-p",
                    "#{ssh-command}\t#{remote-command}\t#{remote-timeout}\t#{remote-predict}",
                    NULL};
    char *out = NULL;
    if (client_query(opts, 5, argv, 5000, &out) == 0 && out != NULL) {
        char *nl = strchr(out, '\n');
        if (nl != NULL)
            *nl = '\0';
        char *a = out, *b = strchr(a, '\t'), *c = b != NULL ? strchr(b + 1, '\t') : NULL;
        if (b != NULL && c != NULL) {
            *b++ = '\0';
            *c++ = '\0';
            if (*a != '\0') {
                free(set->ssh);
                set->ssh = xstrdup(a);
            }
            if (*b != '\0') {
                free(set->remote);
                set->remote = xstrdup(b);
            }
            char *d = strchr(c, '\t');
            if (d != NULL)
                set->predict = strcmp(d + 1, "1") == 0 || strcmp(d + 1, "on") == 0;
            long t = strtol(c, NULL, 10);
            if (t >= 300)
                set->timeout = t;
        }
    }
    free(out);
}

/* [user@]host[:port] into host and port; false when it could be taken for an option. */
static bool parse_target(struct remote *r, const char *target)
{
    if (*target == '\0' || *target == '-' || strlen(target) >= sizeof r->host)
        return false;
    snprintf(r->host, sizeof r->host, "%s", target);
    r->port[0] = '\0';
    char *colon = strrchr(r->host, ':');
    if (colon != NULL && strchr(r->host, ':') == colon && colon[1] != '\0' &&
        strspn(colon + 1, "0123456789") == strlen(colon + 1) && strlen(colon + 1) < 6) {
        snprintf(r->port, sizeof r->port, "%s", colon + 1);
        *colon = '\0';
    }
    return r->host[0] != '\0';
}

/* Start ssh with the remote tmx in its stdio mode. A reconnect runs it in a process
 * group of its own and in batch mode: nothing may ask for a password over the screen. */
static int link_start(struct remote *r, bool interactive)
{
    struct remote_link *l = &r->link;
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        return -1;
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        return -1;
    }
    size_t clen = 0;
    char *cmd = xstrdup(r->set.remote);
    clen = strlen(cmd);
    if (r->opts->socket_path != NULL) {
        add_quoted_word(&cmd, &clen, "-S");
        add_quoted_word(&cmd, &clen, r->opts->socket_path);
    } else if (r->opts->label != NULL) {
        add_quoted_word(&cmd, &clen, "-L");
        add_quoted_word(&cmd, &clen, r->opts->label);
    }
    char timeout[24];
    snprintf(timeout, sizeof timeout, "%ld", r->set.timeout);
    add_quoted_word(&cmd, &clen, STDIO_RELAY_WORD);
    add_quoted_word(&cmd, &clen, timeout);
    add_quoted_word(&cmd, &clen, r->token);
    char *script = xasprintf("exec %s \"$@\"", r->set.ssh);
    const char *argv[16];
    int argc = 0;
    argv[argc++] = "/bin/sh";
    argv[argc++] = "-c";
    argv[argc++] = script;
    argv[argc++] = "ssh";
    argv[argc++] = "-T";
    argv[argc++] = "-e";
    argv[argc++] = "none";
    if (!interactive) {
        argv[argc++] = "-o";
        argv[argc++] = "BatchMode=yes";
    }
    if (r->port[0] != '\0') {
        argv[argc++] = "-p";
        argv[argc++] = r->port;
    }
    argv[argc++] = r->host;
    argv[argc++] = cmd;
    argv[argc] = NULL;
    pid_t pid = fork();
    if (pid == 0) {
        if (!interactive)
            setpgid(0, 0);
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        execv("/bin/sh", (char *const *)argv);
        _exit(127);
    }
    free(script);
    free(cmd);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (pid < 0) {
        close(in[1]);
        close(out[0]);
        close(err[0]);
        return -1;
    }
    if (!interactive)
        setpgid(pid, pid);
    memset(l, 0, sizeof *l);
    l->pid = pid;
    l->own_group = !interactive;
    l->wfd = in[1];
    l->rfd = out[0];
    l->efd = err[0];
    l->status = -1;
    l->started = l->last_rx = l->last_tx = now_ms();
    set_nonblock(l->wfd);
    set_nonblock(l->rfd);
    set_nonblock(l->efd);
    return 0;
}

/* End ssh (and its ProxyCommand, in its group) and reap it; ssh's status is kept. */
static void link_stop(struct remote *r)
{
    struct remote_link *l = &r->link;
    if (l->wfd >= 0)
        close(l->wfd);
    l->wfd = -1;
    if (l->pid > 0) {
        int st;
        pid_t got = 0;
        /* A little while for ssh to say why it went (its status), then it is ended. */
        for (int i = 0; i < 20 && (got = waitpid(l->pid, &st, WNOHANG)) == 0; i++) {
            struct timespec ts = {0, 10 * 1000000};
            nanosleep(&ts, NULL);
        }
        if (got == 0) {
            kill(l->own_group ? -l->pid : l->pid, SIGTERM);
            for (int i = 0; i < 50 && (got = waitpid(l->pid, &st, WNOHANG)) == 0; i++) {
                struct timespec ts = {0, 10 * 1000000};
                nanosleep(&ts, NULL);
            }
            if (got == 0) {
                kill(l->own_group ? -l->pid : l->pid, SIGKILL);
                while ((got = waitpid(l->pid, &st, 0)) < 0 && errno == EINTR)
                    ;
            }
            l->status = -1;
        } else if (got == l->pid)
            l->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        if (l->own_group)
            kill(-l->pid, SIGTERM); /* a ProxyCommand left in its group */
        l->pid = 0;
    }
    if (l->efd >= 0) {
        /* ssh's last words. */
        ssize_t n;
        char buf[1024];
        while ((n = read(l->efd, buf, sizeof buf)) > 0) {
            for (ssize_t i = 0; i < n; i++) {
                if (l->errlen == sizeof l->err) {
                    memmove(l->err, l->err + sizeof l->err / 2, sizeof l->err / 2);
                    l->errlen = sizeof l->err / 2;
                }
                l->err[l->errlen++] = buf[i];
            }
        }
        close(l->efd);
    }
    if (l->rfd >= 0)
        close(l->rfd);
    l->rfd = l->efd = -1;
    free(l->in);
    free(l->out);
    l->in = l->out = NULL;
    l->inlen = l->outlen = 0;
}

/* The last non-empty line of ssh's stderr (a banner before it is not the reason). */
static void last_line(const struct remote_link *l, char *buf, size_t size)
{
    size_t end = l->errlen;
    while (end > 0 && (l->err[end - 1] == '\n' || l->err[end - 1] == '\r' ||
                       l->err[end - 1] == ' '))
        end--;
    size_t start = end;
    while (start > 0 && l->err[start - 1] != '\n')
        start--;
    size_t n = end - start < size - 1 ? end - start : size - 1;
    memcpy(buf, l->err + start, n);
    buf[n] = '\0';
    for (char *p = buf; *p != '\0'; p++) {
        if ((unsigned char)*p < 32 || *p == 127)
            *p = ' ';
    }
}

/* Why a link that never said hello failed, in the user's words. */
static void link_failure(struct remote *r, char *why, size_t size)
{
    struct remote_link *l = &r->link;
    char line[200];
    last_line(l, line, sizeof line);
    const char *said = line[0] != '\0' ? line : "nothing";
    if (strstr(line, "Permission denied") != NULL || strstr(line, "Authentication failed") != NULL ||
        strstr(line, "Too many authentication failures") != NULL)
        snprintf(why, size, "authentication failed for %.64s (ssh said: %.120s)", r->host, said);
    else if (strstr(line, "Could not resolve") != NULL || strstr(line, "Connection refused") != NULL ||
             strstr(line, "timed out") != NULL || strstr(line, "No route") != NULL ||
             strstr(line, "unreachable") != NULL || strstr(line, "Connection closed") != NULL ||
             strstr(line, "kex_exchange_identification") != NULL ||
             strstr(line, "Connection reset") != NULL)
        snprintf(why, size, "%.64s is unreachable (ssh said: %.120s)", r->host, said);
    else if (l->status == 127 || strstr(line, "not found") != NULL ||
             strstr(line, "No such file") != NULL)
        snprintf(why, size, "tmx is not installed on %.64s, or not where remote-command (%.60s) "
                 "says (the remote shell said: %.120s)", r->host, r->set.remote, said);
    else if (strstr(line, STDIO_RELAY_WORD) != NULL || strstr(line, "unknown command") != NULL ||
             strstr(line, "no server running") != NULL)
        /* A tmx without the stdio mode took the word for a command (a relay says hello
         * before anything else). */
        snprintf(why, size, "the tmx on %.64s is too old for -H (it said: %.120s): install tmx %s "
                 "or newer there", r->host, said, TMX_VERSION);
    else if (l->pretotal > 0) {
        char pre[200];
        size_t n = l->prelen < sizeof pre - 1 ? l->prelen : sizeof pre - 1;
        memcpy(pre, l->pre, n);
        pre[n] = '\0';
        for (char *p = pre; *p != '\0'; p++) {
            if ((unsigned char)*p < 32 || *p == 127)
                *p = ' ';
        }
        snprintf(why, size, "no tmx answered on %.64s (it printed %zu bytes of something else: "
                 "\"%.60s\")", r->host, l->pretotal, pre);
    } else if (l->status == 255 && line[0] == '\0')
        /* ssh's own failure, silent (a ProxyCommand that ends at once sometimes leaves
         * ssh nothing to say): it never reached the host. */
        snprintf(why, size, "%.64s is unreachable (ssh exited 255 and said nothing)", r->host);
    else if (l->status >= 0)
        snprintf(why, size, "ssh to %.64s failed (exit %d; it said: %.120s)", r->host, l->status, said);
    else
        snprintf(why, size, "no answer from %.64s (ssh said: %.120s)", r->host, said);
}

static void link_send(struct remote *r, uint32_t type, const void *payload, size_t len)
{
    struct remote_link *l = &r->link;
    if (l->wfd < 0 || l->outlen + PROTO_HEADER_SIZE + len > REMOTE_OUT_MAX)
        return; /* a stalled link: the heartbeat finds it */
    l->out = xrealloc(l->out, l->outlen + PROTO_HEADER_SIZE + len);
    proto_encode_header(type, (uint32_t)len, l->out + l->outlen);
    if (len > 0)
        memcpy(l->out + l->outlen + PROTO_HEADER_SIZE, payload, len);
    l->outlen += PROTO_HEADER_SIZE + len;
    l->last_tx = now_ms();
    /* Try now: a keystroke leaves on this turn. */
    ssize_t n = write(l->wfd, l->out, l->outlen);
    if (n > 0) {
        memmove(l->out, l->out + n, l->outlen - (size_t)n);
        l->outlen -= (size_t)n;
    }
}

static void send_resize(struct remote *r)
{
    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    uint32_t size[2] = {(uint32_t)cols, (uint32_t)rows};
    link_send(r, MSG_RESIZE, size, sizeof size);
    if (r->predicting)
        predict_resize(&r->pred, cols, rows);
}

/* The hello came: identify with the version both speak, then the command (again
 * attaching to the session we had, after a lost link). */
static bool link_hello(struct remote *r, uint32_t rmin, uint32_t rmax, const char *rversion)
{
    uint32_t min, max;
    proto_versions(&min, &max);
    uint32_t v = proto_negotiate(min, max, rmin, rmax);
    if (v == 0) {
        free(r->exit_message);
        r->exit_message = xasprintf("tmx: tmx on %s (%s) speaks protocol %u-%u, this tmx (%s) "
                                    "%u-%u: install the same tmx release on both (one release "
                                    "apart works)", r->host, rversion, rmin, rmax,
                                    TMX_VERSION, min, max);
        r->exit_status = 1;
        r->done = true;
        return false;
    }
    r->link.hello = true;
    r->link.version = v;
    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    const char *term = getenv("TERM");
    if (term == NULL || *term == '\0')
        term = "unknown";
    struct proto_identify id = {.version = v, .cols = (uint32_t)cols, .rows = (uint32_t)rows,
                                .pid = (int32_t)getpid()};
    r->link.ident_cols = cols;
    r->link.ident_rows = rows;
    if (isatty(STDIN_FILENO))
        id.flags |= IDENT_TTY;
    if (r->control > 0)
        id.flags |= r->control > 1 ? IDENT_CONTROL | IDENT_CONTROL_CC : IDENT_CONTROL;
    if (r->set.predict && r->attaches && r->control == 0 && v >= 5)
        id.flags |= IDENT_PREDICT;
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcasecmp(codeset, "UTF-8") == 0)
        id.flags |= IDENT_UTF8;
    const char *colorterm = getenv("COLORTERM");
    if (colorterm != NULL && (strcmp(colorterm, "truecolor") == 0 || strcmp(colorterm, "24bit") == 0))
        id.flags |= IDENT_TRUECOLOR;
    size_t tlen = strlen(term) + 1;
    char *payload = xmalloc(sizeof id + tlen + 2);
    memcpy(payload, &id, sizeof id);
    memcpy(payload + sizeof id, term, tlen);
    memcpy(payload + sizeof id + tlen, "/", 2); /* the relay puts the remote one */
    link_send(r, MSG_IDENTIFY, payload, sizeof id + tlen + 2);
    free(payload);

    int argc = r->argc;
    char **argv = r->argv;
    char *again[4] = {"attach-session", "-t", NULL, NULL};
    char target[260];
    char *plain[] = {"attach-session", NULL};
    if (r->attached) {
        /* Again: the session we showed, by its exact name; without one (a version 4
         * server sends none), the command as given if it attached, else the latest. */
        if (r->session[0] != '\0') {
            snprintf(target, sizeof target, "=%s", r->session);
            again[2] = target;
            argc = 3;
            argv = again;
        } else if (strcmp(r->argv[0], "attach-session") != 0 && strcmp(r->argv[0], "attach") != 0 &&
                   strcmp(r->argv[0], "a") != 0 && strcmp(r->argv[0], "at") != 0) {
            argc = 1; /* new -s NAME again would fail: the latest session */
            argv = plain;
        }
    }
    size_t total = 0;
    for (int i = 0; i < argc; i++)
        total += strlen(argv[i]) + 1;
    char *cmd = xmalloc(total + 1), *p = cmd;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        memcpy(p, argv[i], n);
        p += n;
    }
    link_send(r, MSG_COMMAND, cmd, total);
    free(cmd);
    r->link.last_ping = now_ms();
    return true;
}

/* The one-line notice over the last screen while the link is down. */
static void draw_notice(struct remote *r)
{
    if (!r->attached)
        return;
    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    char text[512];
    long long now = now_ms();
    int n;
    if (r->link.pid > 0)
        n = snprintf(text, sizeof text, " reconnecting to %s: attempt %d, connecting - C-c gives up",
                     r->host, r->attempt);
    else {
        long long secs = (r->next_try - now + 999) / 1000;
        if (secs < 0)
            secs = 0;
        n = snprintf(text, sizeof text, " reconnecting to %s: attempt %d in %lld s - C-c gives up",
                     r->host, r->attempt + 1, secs);
    }
    if (r->dropped > 0 && n > 0 && (size_t)n < sizeof text)
        n += snprintf(text + n, sizeof text - (size_t)n, " - %d key%s typed dropped", r->dropped,
                      r->dropped == 1 ? "" : "s");
    if (n > 0 && (size_t)n < sizeof text)
        snprintf(text + n, sizeof text - (size_t)n, " - %s", r->reason);
    size_t len = strlen(text);
    size_t width = cols > 1 ? (size_t)cols - 1 : 1;
    if (len > width)
        len = width;
    char *out = xasprintf("\0337\033[%d;1H\033[0;7m%.*s%*s\033[0m\0338", rows, (int)len, text,
                          (int)(width - len), "");
    fd_write_all(STDOUT_FILENO, out, strlen(out));
    free(out);
}

/* The link went: a command that was not attached ends with why; an attached client
 * keeps its screen and tries again. */
static void link_lost(struct remote *r, const char *why)
{
    bool hello = r->link.hello;
    link_stop(r);
    char reason[400];
    if (why != NULL)
        snprintf(reason, sizeof reason, "%s", why);
    else if (!hello)
        link_failure(r, reason, sizeof reason);
    else
        snprintf(reason, sizeof reason, "ssh to %s ended", r->host);
    if (r->done)
        return;
    if (!r->attached || r->control > 0) {
        /* Not attached, or a control client (the program reading it sees %exit with the
         * reason and decides; a new stream after a gap would mislead it). */
        r->done = true;
        r->exit_status = 1;
        free(r->exit_message);
        r->exit_message = r->control > 0 && r->attached
                              ? xasprintf("the link to %s was lost: %s", r->host, reason)
                              : xasprintf("tmx: %s", reason);
        return;
    }
    if (!r->down) {
        r->down = true;
        r->attempt = 0;
        r->dropped = 0;
        if (r->predicting)
            predict_withdraw_all(&r->pred, STDOUT_FILENO);
    }
    if (r->live || r->reason[0] == '\0')
        snprintf(r->reason, sizeof r->reason, "%.250s", reason); /* why it went, kept */
    snprintf(r->last_error, sizeof r->last_error, "%.250s", reason);
    r->live = false;
    /* Attempt 1 at once, then 1 s, 2 s, 4 s ... up to 30 s, each +-25 %. */
    long long delay = 0;
    if (r->attempt >= 1) {
        delay = 1000LL << (r->attempt - 1 < 5 ? r->attempt - 1 : 5);
        if (delay > REMOTE_BACKOFF_MAX)
            delay = REMOTE_BACKOFF_MAX;
        delay = delay * 3 / 4 + (long long)(random_u32() % (unsigned)(delay / 2 + 1));
    }
    r->next_try = now_ms() + delay;
    draw_notice(r);
}

static void capture_add(struct remote *r, const char *buf, size_t len)
{
    if (r->caplen + len > PROTO_MAX_PAYLOAD * 4u)
        return;
    r->capture = xrealloc(r->capture, r->caplen + len + 1);
    memcpy(r->capture + r->caplen, buf, len);
    r->caplen += len;
    r->capture[r->caplen] = '\0';
}

/* Terminal back from a suspend or lock: raw again, a full frame asked. */
static bool retake_terminal(struct remote *r)
{
    if (tty_enter(&r->tty) != 0) {
        r->exit_status = 1;
        r->exit_message = xasprintf("tmx: cannot set up the terminal: %s", strerror(errno));
        r->done = true;
        return false;
    }
    send_resize(r);
    link_send(r, MSG_WAKEUP, NULL, 0);
    return true;
}

/* One message from the remote server (or the relay's MSG_PONG). */
static void handle_message(struct remote *r, const struct proto_header *hdr, const char *payload)
{
    switch (hdr->type) {
    case MSG_READY:
        if (r->control > 0) {
            r->attached = r->live = true; /* the terminal stays as it is: lines in, text out */
            return;
        }
        if (!r->attached) {
            if (tty_enter(&r->tty) != 0) {
                r->exit_status = 1;
                r->exit_message = xasprintf("tmx: cannot set up the terminal: %s",
                                            strerror(errno));
                r->done = true;
                return;
            }
        }
        /* Back (or there for the first time): the server's first frame is a full one. */
        if (r->set.predict && !r->predicting && r->link.version >= 5) {
            int cols, rows;
            tty_size(STDIN_FILENO, &cols, &rows);
            predict_init(&r->pred, cols, rows);
            r->predicting = true;
        }
        r->attached = r->live = true;
        r->down = false;
        r->attempt = 0;
        r->resume_err[0] = r->reason[0] = '\0';
        /* The identify carried the size: a resize only if it changed since (one message
         * fewer just before the first keys, which a Nagle-delayed path would hold back). */
        int cols, rows;
        tty_size(STDIN_FILENO, &cols, &rows);
        if (cols != r->link.ident_cols || rows != r->link.ident_rows)
            send_resize(r);
        return;
    case MSG_SESSION: {
        size_t off = 0;
        const char *id = proto_next_string(payload, hdr->len, &off);
        const char *name = id != NULL ? proto_next_string(payload, hdr->len, &off) : NULL;
        if (name != NULL)
            snprintf(r->session, sizeof r->session, "%s", name);
        return;
    }
    case MSG_OUTPUT:
        if (r->control > 0)
            fd_write_all(STDOUT_FILENO, payload, hdr->len);
        else if (r->live) {
            fd_write_all(STDOUT_FILENO, payload, hdr->len);
            if (r->predicting)
                predict_output(&r->pred, payload, hdr->len, STDOUT_FILENO);
        }
        return;
    case MSG_PREDICT: {
        uint32_t ok = 0;
        if (hdr->len >= sizeof ok)
            memcpy(&ok, payload, sizeof ok);
        if (r->predicting)
            predict_allow(&r->pred, ok == 1);
        return;
    }
    case MSG_PONG: {
        uint64_t stamp;
        if (hdr->len == sizeof stamp) {
            memcpy(&stamp, payload, sizeof stamp);
            long long rtt = now_ms() - (long long)stamp;
            if (rtt >= 0 && rtt < 600000)
                r->srtt = r->srtt == 0 ? rtt : (7 * r->srtt + rtt) / 8;
            if (r->predicting)
                r->pred.withdraw_ms = 4 * r->srtt + 250;
        }
        return;
    }
    case MSG_STDOUT:
        if (r->capturing)
            capture_add(r, payload, hdr->len);
        else
            fd_write_all(STDOUT_FILENO, payload, hdr->len);
        return;
    case MSG_STDERR:
        if (r->attached && !r->live) {
            /* Attaching again failed: kept for the reason, not printed over the screen. */
            size_t have = strlen(r->resume_err), n = hdr->len;
            if (n > sizeof r->resume_err - 1 - have)
                n = sizeof r->resume_err - 1 - have;
            memcpy(r->resume_err + have, payload, n);
            r->resume_err[have + n] = '\0';
        } else
            fd_write_all(STDERR_FILENO, payload, hdr->len);
        return;
    case MSG_READ_STDIN:
        r->sending_stdin = !r->attached && r->stdin_open;
        if (!r->sending_stdin)
            link_send(r, MSG_STDIN, NULL, 0);
        return;
    case MSG_SUSPEND:
        tty_restore(&r->tty);
        kill(getpid(), SIGTSTP);
        retake_terminal(r);
        return;
    case MSG_LOCK: {
        char *command = xstrndup(payload, hdr->len);
        tty_restore(&r->tty);
        pid_t pid = fork();
        if (pid == 0) {
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, NULL);
            execl("/bin/sh", "sh", "-c", command, (char *)NULL);
            _exit(127);
        }
        int st;
        while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
        free(command);
        retake_terminal(r);
        return;
    }
    case MSG_EXIT: {
        struct proto_exit e;
        proto_exit_parse(payload, hdr->len, &e);
        free(r->exit_message);
        r->exit_message = e.message != NULL ? xstrdup(e.message) : NULL;
        r->exit_how = e.how;
        free(r->exit_command);
        r->exit_command = e.command != NULL ? xstrdup(e.command) : NULL;
        r->exit_status = e.status;
        if (r->attached && !r->live) {
            /* Attaching again was refused: the session went (a restarted server). */
            char said[512];
            snprintf(said, sizeof said, "%s", r->resume_err[0] != '\0' ? r->resume_err
                                              : e.message != NULL ? e.message : "");
            char *nl = strchr(said, '\n');
            if (nl != NULL)
                *nl = '\0';
            free(r->exit_message);
            if (r->session[0] != '\0')
                r->exit_message = xasprintf("tmx: the session %s is gone on %s (the server "
                                            "said: %s)", r->session, r->host, said);
            else
                r->exit_message = xasprintf("tmx: could not attach again on %s (the server "
                                            "said: %s)", r->host, said);
            r->exit_status = e.status != 0 ? e.status : 1;
        }
        r->done = true;
        return;
    }
    default:
        return; /* MSG_PONG: it counted as heard; anything else is not for us */
    }
}

/* Bytes from ssh's stdout: first past anything before the hello, then messages. */
static void link_read(struct remote *r)
{
    struct remote_link *l = &r->link;
    char buf[65536];
    ssize_t n = read(l->rfd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        link_lost(r, NULL);
        return;
    }
    l->last_rx = now_ms();
    if (l->inlen + (size_t)n > REMOTE_IN_MAX) {
        link_lost(r, "the remote end sent more than a message can hold");
        return;
    }
    l->in = xrealloc(l->in, l->inlen + (size_t)n);
    memcpy(l->in + l->inlen, buf, (size_t)n);
    l->inlen += (size_t)n;
    size_t off = 0;
    if (!l->hello) {
        size_t skip, used;
        uint32_t rmin, rmax;
        char rversion[40];
        enum proto_status st = proto_hello_parse(l->in, l->inlen, &skip, &used, &rmin, &rmax,
                                                 rversion, sizeof rversion);
        if (st == PROTO_INCOMPLETE) {
            /* Banners: remember the start; bounded. */
            if (l->inlen > REMOTE_PRE_MAX + PROTO_HELLO_MAX) {
                size_t drop = l->inlen - PROTO_HELLO_MAX;
                l->pretotal += drop;
                if (l->prelen < sizeof l->pre) {
                    size_t k = drop < sizeof l->pre - l->prelen ? drop : sizeof l->pre - l->prelen;
                    memcpy(l->pre + l->prelen, l->in, k);
                    l->prelen += k;
                }
                memmove(l->in, l->in + drop, l->inlen - drop);
                l->inlen -= drop;
                if (l->pretotal > REMOTE_PRE_MAX)
                    link_lost(r, NULL);
            }
            return;
        }
        if (st == PROTO_BAD) {
            link_lost(r, "the remote end's hello was malformed");
            return;
        }
        if (skip > 0 && l->prelen < sizeof l->pre) {
            size_t k = skip < sizeof l->pre - l->prelen ? skip : sizeof l->pre - l->prelen;
            memcpy(l->pre + l->prelen, l->in, k);
            l->prelen += k;
        }
        l->pretotal += skip;
        off = used;
        if (!link_hello(r, rmin, rmax, rversion)) {
            link_stop(r);
            return;
        }
    }
    while (!r->done && r->link.pid > 0) {
        struct proto_header hdr;
        const char *why = NULL;
        enum proto_status st = proto_peek(l->in + off, l->inlen - off, &hdr, &why);
        if (st == PROTO_INCOMPLETE)
            break;
        if (st == PROTO_BAD) {
            char reason[128];
            snprintf(reason, sizeof reason, "the remote end sent garbage: %s", why);
            link_lost(r, reason);
            return;
        }
        handle_message(r, &hdr, l->in + off + PROTO_HEADER_SIZE);
        off += PROTO_HEADER_SIZE + hdr.len;
    }
    if (r->link.in != NULL) {
        memmove(l->in, l->in + off, l->inlen - off);
        l->inlen -= off;
    }
}

static void link_read_err(struct remote *r)
{
    struct remote_link *l = &r->link;
    char buf[1024];
    ssize_t n = read(l->efd, buf, sizeof buf);
    if (n <= 0) {
        if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
            close(l->efd);
            l->efd = -1;
        }
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (l->errlen == sizeof l->err) {
            memmove(l->err, l->err + sizeof l->err / 2, sizeof l->err / 2);
            l->errlen = sizeof l->err / 2;
        }
        l->err[l->errlen++] = buf[i];
    }
}

/* Keys typed: to the server while attached; while the link is down, C-c gives up and
 * anything else is dropped (and counted on the notice). */
static void read_stdin(struct remote *r)
{
    char buf[16384];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        r->stdin_open = false;
        if (r->control > 0 && !r->sending_stdin)
            link_send(r, MSG_INPUT, "\n\n", 2); /* the end: ends a line, detaches */
        if (r->sending_stdin)
            link_send(r, MSG_STDIN, NULL, 0);
        r->sending_stdin = false;
        return;
    }
    if (r->sending_stdin) {
        link_send(r, MSG_STDIN, buf, (size_t)n);
        return;
    }
    if (r->live || r->control > 0) {
        link_send(r, MSG_INPUT, buf, (size_t)n);
        if (r->predicting)
            predict_keys(&r->pred, buf, (size_t)n, STDOUT_FILENO);
        return;
    }
    if (memchr(buf, 3, (size_t)n) != NULL) {
        r->done = true;
        r->exit_status = 1;
        free(r->exit_message);
        r->exit_message = xasprintf("tmx: gave up reconnecting to %s after %d attempt%s (%s; "
                                    "last: %s)", r->host, r->attempt, r->attempt == 1 ? "" : "s",
                                    r->reason, r->last_error);
        return;
    }
    r->dropped += (int)n;
    draw_notice(r);
}

static void read_signal(struct remote *r)
{
    struct signalfd_siginfo si;
    if (read(r->sig_fd, &si, sizeof si) != (ssize_t)sizeof si)
        return;
    switch (si.ssi_signo) {
    case SIGWINCH:
        if (r->live)
            send_resize(r);
        else if (r->down)
            draw_notice(r); /* the size goes with the identify of the next attempt */
        return;
    case SIGHUP:
        r->done = true;
        r->exit_status = 1;
        free(r->exit_message);
        r->exit_message = xstrdup("[lost tty]");
        return;
    case SIGTERM:
    case SIGINT:
    case SIGQUIT:
        if (!r->attached && si.ssi_signo != SIGTERM && r->link.hello)
            return;
        r->done = true;
        r->exit_status = 1;
        free(r->exit_message);
        r->exit_message = r->down ? xasprintf("tmx: gave up reconnecting to %s (%s)", r->host,
                                              r->reason)
                                  : xstrdup("[terminated]");
        return;
    default:
        return;
    }
}

/* The loop of one host's command: until the server says exit, the link fails (not
 * attached), or the user gives up. */
static void remote_loop(struct remote *r)
{
    while (!r->done) {
        long long now = now_ms();
        struct remote_link *l = &r->link;
        if (r->down && l->pid == 0 && now >= r->next_try) {
            r->attempt++;
            r->resume_err[0] = '\0';
            if (link_start(r, false) != 0) {
                link_lost(r, strerror(errno));
                continue;
            }
            draw_notice(r);
        }
        long long wake = now + 1000;
        if (l->pid > 0) {
            /* A ping every third of remote-timeout while either way is quiet: the relay
             * must hear us and we must hear it; while keys go up and frames come down,
             * those are the heartbeat and nothing is added between them. */
            long long turn = r->set.timeout / 3;
            long long quiet = l->last_rx < l->last_tx ? l->last_rx : l->last_tx;
            long long next_ping = l->last_ping + turn > quiet + turn ? l->last_ping + turn
                                                                      : quiet + turn;
            if (l->hello && now >= next_ping) {
                uint64_t stamp = (uint64_t)now;
                link_send(r, MSG_PING, &stamp, sizeof stamp);
                l->last_ping = now;
                next_ping = now + turn;
            }
            /* Silence: after hello, remote-timeout; before it, only a reconnect or one
             * of several hosts (batch mode) has a limit (the first connection may be
             * typing a password). */
            long long limit = l->hello ? l->last_rx + r->set.timeout
                              : r->attached || r->capturing ? l->started + (r->set.timeout * 2 > 5000 ? r->set.timeout * 2 : 5000)
                                            : 0;
            if (limit > 0 && now >= limit) {
                char why[128];
                snprintf(why, sizeof why, "no answer for %lld.%lld s", (now - l->last_rx) / 1000,
                         (now - l->last_rx) % 1000 / 100);
                link_lost(r, l->hello ? why : NULL);
                continue;
            }
            if (l->hello && next_ping < wake)
                wake = next_ping;
            if (limit > 0 && limit < wake)
                wake = limit;
        } else if (r->down && r->next_try < wake)
            wake = r->next_try;
        if (r->down && l->pid == 0) {
            long long tick = now + 1000 - (r->next_try - now) % 1000;
            if (tick < wake)
                wake = tick;
        }
        if (r->predicting && predict_pending(&r->pred)) {
            predict_tick(&r->pred, STDOUT_FILENO);
            if (now + 50 < wake)
                wake = now + 50;
        }
        bool want_stdin = r->stdin_open && (r->live || r->down || r->sending_stdin ||
                                            (r->control > 0 && l->pid > 0 && l->hello));
        struct pollfd pfd[5] = {
            {.fd = r->sig_fd, .events = POLLIN},
            {.fd = want_stdin ? STDIN_FILENO : -1, .events = POLLIN},
            {.fd = l->pid > 0 ? l->rfd : -1, .events = POLLIN},
            {.fd = l->pid > 0 ? l->efd : -1, .events = POLLIN},
            {.fd = l->pid > 0 && l->outlen > 0 ? l->wfd : -1, .events = POLLOUT},
        };
        long long wait = wake - now;
        int n = poll(pfd, 5, wait < 0 ? 0 : (int)wait);
        if (n < 0 && errno != EINTR) {
            r->done = true;
            r->exit_status = 1;
            r->exit_message = xasprintf("tmx: poll: %s", strerror(errno));
            break;
        }
        if (n <= 0) {
            if (r->down && l->pid == 0)
                draw_notice(r); /* the countdown */
            continue;
        }
        if (pfd[0].revents & POLLIN)
            read_signal(r);
        if (!r->done && (pfd[4].revents & (POLLOUT | POLLERR | POLLHUP)) && l->pid > 0) {
            ssize_t w = write(l->wfd, l->out, l->outlen);
            if (w > 0) {
                memmove(l->out, l->out + w, l->outlen - (size_t)w);
                l->outlen -= (size_t)w;
            } else if (w < 0 && errno != EAGAIN && errno != EINTR)
                link_lost(r, NULL);
        }
        if (!r->done && (pfd[3].revents & (POLLIN | POLLHUP | POLLERR)) && l->pid > 0 && l->efd >= 0)
            link_read_err(r);
        if (!r->done && (pfd[2].revents & (POLLIN | POLLHUP | POLLERR)) && l->pid > 0)
            link_read(r);
        if (!r->done && (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)))
            read_stdin(r);
    }
}

/* One host: a whole command, attached or not. */
static int remote_run(const struct client_options *opts, const struct remote_settings *set,
                      const char *target, int argc, char **argv, bool capture,
                      char **captured)
{
    struct remote r = {.opts = opts, .target = target, .set = *set, .argc = argc, .argv = argv,
                       .stdin_open = true, .sig_fd = -1};
    r.link.wfd = r.link.rfd = r.link.efd = -1;
    if (captured != NULL)
        *captured = NULL;
    if (!parse_target(&r, target)) {
        fprintf(stderr, "tmx: -H %s: not a host (give [user@]host[:port])\n", target);
        return 1;
    }
    r.capturing = capture;
    unsigned a = random_u32(), b = random_u32();
    snprintf(r.token, sizeof r.token, "%08x%08x", a, b);
    r.attaches = cmdline_attaches(argc, argv);
    r.control = opts->control;
    control_term_enter(&r.cterm, r.control);
    tty_init(&r.tty, STDIN_FILENO, getenv("TERM"));
    r.sig_fd = tty_signals_open();

    /* Several hosts at once (captured) never ask for a password: their prompts would
     * share one terminal. */
    if (link_start(&r, !capture) != 0) {
        r.exit_status = 1;
        r.exit_message = xasprintf("tmx: cannot run %s: %s", set->ssh, strerror(errno));
    } else
        remote_loop(&r);
    if (r.link.pid > 0)
        link_stop(&r);
    if (r.predicting)
        predict_free(&r.pred);
    tty_restore(&r.tty);
    tty_free(&r.tty);
    if (captured != NULL)
        *captured = r.capture;
    else
        free(r.capture);
    if (r.control > 0)
        control_term_leave(&r.cterm, r.exit_message, r.exit_how == PROTO_EXIT_WAIT && r.stdin_open);
    else if (r.exit_message != NULL) {
        FILE *out = r.attached && r.exit_status == 0 ? stdout : stderr;
        fprintf(out, "%s\n", r.exit_message);
        fflush(out);
    }
    free(r.exit_message);
    close(r.sig_fd);
    if (r.exit_how == PROTO_EXIT_HUP)
        kill(getppid(), SIGHUP);
    free(r.exit_command);
    return r.exit_status;
}

/* The hosts of the local server's remote-hosts option, added to hosts. */
static int config_hosts(const struct client_options *opts, char **hosts, int nhosts, int max,
                        char **keep)
{
    char *argv[] = {"start-server", ";", "show-options", "-gv", "remote-hosts", NULL};
    char *out = NULL;
    *keep = NULL;
    if (client_query(opts, 5, argv, 5000, &out) != 0 || out == NULL) {
        free(out);
        return nhosts;
    }
    *keep = out;
    for (char *line = out; line != NULL && *line != '\0' && nhosts < max;) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        if (*line != '\0')
            hosts[nhosts++] = line;
        line = nl != NULL ? nl + 1 : NULL;
    }
    return nhosts;
}

/* Lines of text behind a host column of width. */
static void print_column(const char *host, int width, const char *text)
{
    for (const char *line = text; line != NULL && *line != '\0';) {
        const char *nl = strchr(line, '\n');
        int len = nl != NULL ? (int)(nl - line) : (int)strlen(line);
        printf("%-*s  %.*s\n", width, host, len, line);
        line = nl != NULL ? nl + 1 : NULL;
    }
    fflush(stdout);
}

/* Several hosts at once: one process a host, its captured lines read back in order
 * (a host that does not answer delays only its own lines' turn). */
static int run_hosts(const struct client_options *opts, const struct remote_settings *set,
                     char **hosts, int nhosts, int width, int argc, char **argv)
{
    int status = 0;
    pid_t *pids = xcalloc((size_t)nhosts, sizeof *pids);
    int *fds = xcalloc((size_t)nhosts, sizeof *fds);
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < nhosts; i++) {
        int p[2];
        fds[i] = -1;
        if (pipe2(p, O_CLOEXEC) != 0)
            continue;
        pids[i] = fork();
        if (pids[i] == 0) {
            close(p[0]);
            char *text = NULL;
            int st = remote_run(opts, set, hosts[i], argc, argv, true, &text);
            if (text != NULL)
                fd_write_all(p[1], text, strlen(text));
            _exit(st);
        }
        close(p[1]);
        if (pids[i] < 0) {
            close(p[0]);
            status = 1;
            continue;
        }
        fds[i] = p[0];
    }
    for (int i = 0; i < nhosts; i++) {
        if (fds[i] < 0)
            continue;
        char *text = NULL;
        size_t len = 0;
        char buf[65536];
        ssize_t n;
        while ((n = read(fds[i], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
            if (n <= 0)
                continue;
            text = xrealloc(text, len + (size_t)n + 1);
            memcpy(text + len, buf, (size_t)n);
            len += (size_t)n;
            text[len] = '\0';
        }
        close(fds[i]);
        int st;
        while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
            ;
        int code = WIFEXITED(st) ? WEXITSTATUS(st) : 1;
        if (code > status)
            status = code;
        print_column(hosts[i], width, text);
        free(text);
    }
    free(pids);
    free(fds);
    return status;
}

int remote_main(const struct client_options *opts, char **hosts, int nhosts, bool all_hosts,
                int argc, char **argv)
{
    setlocale(LC_CTYPE, "");
    char *default_argv[] = {"new-session", NULL};
    if (argc == 0) {
        argc = 1;
        argv = default_argv;
    }
    char *all[128];
    char *keep = NULL;
    if (all_hosts) {
        int n = 0;
        for (int i = 0; i < nhosts && n < 64; i++)
            all[n++] = hosts[i];
        nhosts = config_hosts(opts, all, n, 128, &keep);
        hosts = all;
    }
    bool attaches = cmdline_attaches(argc, argv);
    if (attaches && nhosts > 1) {
        fprintf(stderr, "tmx: -H given %d times: only a command that does not attach runs on "
                "several hosts (tmx ls -H a -H b)\n", nhosts);
        free(keep);
        return 1;
    }
    if (opts->control > 0 && (nhosts > 1 || all_hosts)) {
        fprintf(stderr, "tmx: -C with -H given %d times: control mode talks to one host\n",
                nhosts);
        free(keep);
        return 1;
    }
    /* Inside a local pane attaching to another host's server is no loop: allowed. */
    if (attaches && opts->control == 0) {
        if (!isatty(STDIN_FILENO)) {
            fprintf(stderr, "tmx: open terminal failed: not a terminal (use new -d for a "
                    "detached session)\n");
            free(keep);
            return 1;
        }
    }
    struct remote_settings set;
    read_settings(opts, &set);
    int status = 0;
    if (nhosts == 1 && !all_hosts)
        status = remote_run(opts, &set, hosts[0], argc, argv, false, NULL);
    else {
        /* Several hosts: each one's lines behind a host column, in the order given (this
         * server's first with -a). */
        const char *local = "(local)";
        size_t width = all_hosts ? strlen(local) : 0;
        for (int i = 0; i < nhosts; i++) {
            if (strlen(hosts[i]) > width)
                width = strlen(hosts[i]);
        }
        if (all_hosts) {
            char *out = NULL;
            if (client_query(opts, argc, argv, 5000, &out) == 0)
                print_column(local, (int)width, out);
            free(out);
        }
        if (nhosts > 0) {
            int st = run_hosts(opts, &set, hosts, nhosts, (int)width, argc, argv);
            if (st > status)
                status = st;
        }
    }
    free(keep);
    free(set.ssh);
    free(set.remote);
    return status;
}
