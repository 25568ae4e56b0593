/* client.c - connect (or start the server), identify, send the command; attached, put
 * the terminal in raw mode and either let the server use it directly (it was passed
 * with MSG_TTY: the usual case) or relay terminal input -> server, server output ->
 * terminal; until the server says exit or disappears. The terminal is restored on
 * every exit path (see tty.c). */
#include "client.h"

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
#include <sys/file.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cmdline.h"
#include "keeper_proto.h"
#include "paths.h"
#include "proto.h"
#include "server.h"
#include "snapshot.h"
#include "tty.h"
#include "xmalloc.h"

extern char **environ;

/* Everything one client run needs, on the stack of client_main. */
struct client_run {
    int fd;                 /* socket */
    int sig_fd;             /* signalfd for WINCH/HUP/TERM/INT/QUIT */
    struct tty tty;
    bool attached;
    bool direct;            /* the server reads and draws on our terminal (READY_TTY) */
    bool stdin_open;
    bool sending_stdin;     /* the server asked for stdin (load-buffer -) until EOF */
    char *inbuf;            /* bytes received from the server, not yet parsed */
    size_t inlen, insize;
    int exit_status;
    char *exit_message;
    uint8_t exit_how;       /* PROTO_EXIT_* the server asked for with MSG_EXIT */
    bool heard;             /* something came from the server */
    const char *path;       /* the socket */
    char *exit_command;     /* PROTO_EXIT_EXEC: the shell command to become */
    int control;            /* -C 1, -CC 2: stdin's lines go to the server, its text to stdout */
    char *out;              /* identify and environment, not sent yet: they go with the */
    size_t outlen, outsize; /* command (or before the terminal) in one write */
    char session[256];      /* MSG_SESSION: the session attached to, for client_reattach */
    int reattach_lost;      /* reattach connections lost before the server spoke */
    bool reset_unheard;     /* the connection was reset before the server said a thing */
    struct control_term cterm; /* -C/-CC: the terminal's modes, the DCS */
};

/* How many times in a row a reattach may lose its new connection before the server
 * speaks (50 ms apart). */
#define CLIENT_REATTACH_RETRIES 40

static int connect_socket(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    size_t len = strlen(path);
    if (len >= sizeof sa.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(sa.sun_path, path, len + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* Fork the server: the child starts a new session and is the server (as tmux's
 * daemon(3): no second fork, which the first command would wait for). It stays our
 * child until we exit (a client that started the server outlives it only for a moment:
 * the server's end is its end). Our connection to it is one end of a socketpair, the
 * other its first client (as tmux's client and server): the command goes at once, and
 * is read when the server's loop runs; nothing waits for it to listen. The server
 * holds lock (the start lock, the same open file) and releases it, its file removed,
 * once it listens, so that no other client starts a second server meanwhile. Returns
 * our end, or -1 when the fork failed (the lock is still only ours then). */
static int start_server(const struct client_options *opts, const char *path, int lock)
{
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(sp[0]);
        close(sp[1]);
        return -1;
    }
    if (pid == 0) {
        close(sp[0]);
        setsid();
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            if (null > 2)
                close(null);
        }
        struct server_config cfg = {
            .socket_path = path,
            .label = opts->socket_path ? opts->socket_path : (opts->label ? opts->label : "default"),
            .config_file = opts->config_file,
            .as_tmux = opts->as_tmux,
            .verbose = opts->verbose,
            .ready_fd = sp[1],
            .lock_fd = lock,
            .title_area = opts->title_area,
            .title_size = opts->title_size,
        };
        _exit(server_main(&cfg));
    }
    close(sp[1]);
    return sp[0];
}

/* Connect, starting the server if allowed and none answers. A lock file next to the
 * socket keeps two clients started at once from starting two servers. What a dead
 * server left at the socket's path is removed only when that is safe
 * (paths_stale_socket); otherwise err says why no server was started. */
/* 1: orphaned (panes, no server); 0: a keeper that refuses (its server is attached, or
 * has just gone and it has not seen it yet) or holds nothing; -1: no keeper listens. */
static int keeper_state(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (snprintf(sa.sun_path, sizeof sa.sun_path, "%s.keeper", path) >= (int)sizeof sa.sun_path)
        return -1;
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    bool orphaned = false, listening = false;
    struct keeper_buf b = {0};
    keeper_buf_start(&b, KMSG_PROBE);
    listening = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
    if (listening && keeper_buf_finish(&b) && keeper_send(fd, &b, NULL, 0, 1000) == 0) {
        char *packet = xmalloc(KEEPER_MSG_MAX);
        struct pollfd pfd = {fd, POLLIN, 0};
        int fds[2];
        struct keeper_msg m;
        if (poll(&pfd, 1, 1000) == 1) {
            ssize_t n = keeper_recv(fd, packet, fds);
            for (int i = 0; i < 2; i++) {
                if (fds[i] >= 0)
                    close(fds[i]);
            }
            if (n > 0 && keeper_msg_decode(packet, (size_t)n, &m) == 0) {
                orphaned = m.type == KMSG_WELCOME && m.npanes > 0;
                keeper_msg_clear(&m);
            }
        }
        free(packet);
    }
    keeper_buf_free(&b);
    close(fd);
    return orphaned ? 1 : listening ? 0 : -1;
}

/* A server starting at path just now holds its start lock (a client starting one, or
 * server-upgrade until the new binary listens): wait until it listens. */
static void wait_for_starting_server(const char *path)
{
    char *lockpath = xasprintf("%s.lock", path);
    int lock = open(lockpath, O_RDONLY | O_CLOEXEC);
    free(lockpath);
    if (lock < 0)
        return;
    flock(lock, LOCK_SH);
    close(lock);
}

static int connect_or_start(const struct client_options *opts, const char *path, bool may_start,
                            char *err, size_t errsize)
{
    int fd = connect_socket(path);
    if (fd < 0 && !may_start && (errno == ENOENT || errno == ECONNREFUSED)) {
        /* No server, but maybe its keeper: orphaned (it holds programs and its server
         * died), any command starts a server that adopts them (`tmx ls` after a crash
         * lists them). A keeper whose server is still leaving refuses: nothing starts,
         * unless a server is starting (server-upgrade: the old one has gone from the
         * socket, the new one is not there yet, and the keeper may not have seen the
         * old one go): then the command waits for it, as a starting client does. */
        int e = errno;
        may_start = keeper_state(path) == 1;
        if (!may_start) {
            wait_for_starting_server(path);
            fd = connect_socket(path); /* it may also have come while the keeper answered */
            if (fd >= 0)
                return fd;
            e = errno;
        }
        errno = e;
    }
    if (fd >= 0 || !may_start || (errno != ENOENT && errno != ECONNREFUSED))
        return fd;

    char *lockpath = xasprintf("%s.lock", path);
    bool started = false;
    int lock = open(lockpath, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (lock >= 0)
        flock(lock, LOCK_EX);
    fd = connect_socket(path);
    if (fd < 0 && (errno == ENOENT || errno == ECONNREFUSED)) {
        int stale = errno == ECONNREFUSED ? paths_stale_socket(path, getuid(), err, errsize) : 0;
        if (stale > 0)
            unlink(path); /* a dead server's socket, or an empty file where it was */
        if (stale < 0)
            errno = ECONNREFUSED; /* err says why */
        else {
            fd = start_server(opts, path, lock);
            if (fd >= 0)
                started = true; /* the server removes the lock file once it listens */
            else
                errno = ECONNREFUSED;
        }
    }
    int e = errno;
    if (lock >= 0) {
        if (!started)
            unlink(lockpath);
        close(lock);
    }
    free(lockpath);
    errno = e;
    return fd;
}

int client_connect(const struct client_options *opts, const char *path, bool may_start,
                   char *err, size_t errsize)
{
    return connect_or_start(opts, path, may_start, err, errsize);
}

int client_socket_path(const struct client_options *opts, char *path, size_t size, char *err,
                       size_t errsize)
{
    return paths_socket(opts->label, opts->socket_path, NULL, getuid(), true, path, size, err,
                        errsize);
}

static int send_msg(int fd, uint32_t type, const void *payload, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    struct iovec iov[2] = {{hdr, sizeof hdr}, {(void *)payload, len}};
    size_t total = sizeof hdr + len, done = 0;
    while (done < total) {
        struct msghdr mh = {0};
        struct iovec cur[2];
        int n = 0;
        size_t skip = done;
        for (int i = 0; i < 2; i++) {
            if (skip >= iov[i].iov_len) {
                skip -= iov[i].iov_len;
                continue;
            }
            cur[n].iov_base = (char *)iov[i].iov_base + skip;
            cur[n].iov_len = iov[i].iov_len - skip;
            skip = 0;
            n++;
        }
        mh.msg_iov = cur;
        mh.msg_iovlen = (size_t)n;
        ssize_t w = sendmsg(fd, &mh, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -1;
        }
        done += (size_t)w;
    }
    return 0;
}

/* A message for the server, kept in run->out until run_flush: the start of a run is one
 * write (the server is woken once for it, not once for each environment variable). */
static void run_queue(struct client_run *run, uint32_t type, const void *payload, size_t len)
{
    size_t need = run->outlen + PROTO_HEADER_SIZE + len;
    if (need > run->outsize) {
        run->outsize = need * 2 < 16384 ? 16384 : need * 2;
        run->out = xrealloc(run->out, run->outsize);
    }
    proto_encode_header(type, (uint32_t)len, run->out + run->outlen);
    if (len > 0)
        memcpy(run->out + run->outlen + PROTO_HEADER_SIZE, payload, len);
    run->outlen = need;
}

static void run_flush(struct client_run *run)
{
    for (size_t done = 0; done < run->outlen;) {
        ssize_t n = send(run->fd, run->out + done, run->outlen - done, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            break; /* the server went: what it said before is read next */
        done += (size_t)n;
    }
    free(run->out);
    run->out = NULL;
    run->outlen = run->outsize = 0;
}

/* Give the server our terminal (MSG_TTY with an SCM_RIGHTS fd): attached, it reads
 * keys from it and draws on it directly, with no relay through this process. A fresh
 * open of the device, so the server's non-blocking mode is not shared with our stdin
 * (nor with the shell that started us). Nothing is sent if that fails: we relay. */
static void send_tty(struct client_run *run)
{
    run_flush(run); /* what came before it goes first */
    const char *env = getenv("TMX_NO_TTY_PASS");
    if (env != NULL && *env != '\0')
        return;
    const char *name = ttyname(STDIN_FILENO);
    int tty = name != NULL ? open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
    if (tty < 0)
        return;
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(MSG_TTY, 0, hdr);
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {.iov_base = hdr, .iov_len = sizeof hdr};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                        .msg_controllen = sizeof control.buf};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &tty, sizeof tty);
    ssize_t n;
    do
        n = sendmsg(run->fd, &mh, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n > 0 && (size_t)n < sizeof hdr) /* the fd went with the first byte */
        fd_write_all(run->fd, hdr + n, sizeof hdr - (size_t)n);
    close(tty);
}

static void send_identify(struct client_run *run, int cols, int rows)
{
    const char *term = getenv("TERM");
    if (term == NULL || *term == '\0')
        term = "unknown";
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        snprintf(cwd, sizeof cwd, "/");
    /* The highest version this binary speaks (TMX_PROTO_VERSION may make it an older
     * release's, as for tmx -H and the relay). */
    uint32_t vmin, vmax;
    proto_versions(&vmin, &vmax);
    struct proto_identify id = {
        .version = vmax,
        .cols = (uint32_t)cols,
        .rows = (uint32_t)rows,
        .pid = (int32_t)getpid(),
    };
    if (isatty(STDIN_FILENO))
        id.flags |= IDENT_TTY;
    if (run->control > 0)
        id.flags |= run->control > 1 ? IDENT_CONTROL | IDENT_CONTROL_CC : IDENT_CONTROL;
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcasecmp(codeset, "UTF-8") == 0)
        id.flags |= IDENT_UTF8;
    const char *colorterm = getenv("COLORTERM");
    if (colorterm != NULL && (strcmp(colorterm, "truecolor") == 0 || strcmp(colorterm, "24bit") == 0))
        id.flags |= IDENT_TRUECOLOR;
    size_t tlen = strlen(term) + 1, clen = strlen(cwd) + 1;
    char *payload = xmalloc(sizeof id + tlen + clen);
    memcpy(payload, &id, sizeof id);
    memcpy(payload + sizeof id, term, tlen);
    memcpy(payload + sizeof id + tlen, cwd, clen);
    run_queue(run, MSG_IDENTIFY, payload, sizeof id + tlen + clen);
    free(payload);
    for (char **e = environ; *e != NULL; e++) {
        size_t len = strlen(*e) + 1;
        if (len < 65536)
            run_queue(run, MSG_ENVIRON, *e, len);
    }
}

/* Bytes the command takes in MSG_COMMAND. */
static size_t command_size(int argc, char **argv)
{
    size_t total = 0;
    for (int i = 0; i < argc; i++)
        total += strlen(argv[i]) + 1;
    return total;
}

static void send_command(struct client_run *run, int argc, char **argv)
{
    size_t total = command_size(argc, argv);
    char *payload = xmalloc(total + 1), *p = payload;
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]) + 1;
        memcpy(p, argv[i], len);
        p += len;
    }
    run_queue(run, MSG_COMMAND, payload, total);
    free(payload);
    run_flush(run);
}

int client_query(const struct client_options *opts, int argc, char **argv, int timeout_ms,
                 char **out)
{
    char path[4096], err[1024];
    *out = NULL;
    if (client_socket_path(opts, path, sizeof path, err, sizeof err) != 0)
        return -1;
    int fd = connect_or_start(opts, path, cmdline_starts_server(argc, argv), err, sizeof err);
    if (fd < 0)
        return -1;
    struct client_run run = {.fd = fd};
    send_identify(&run, 80, 24);
    send_command(&run, argc, argv);
    size_t len = 0, size = 4096, olen = 0;
    char *buf = xmalloc(size), *text = xmalloc(1);
    *text = '\0';
    int status = -1;
    long long deadline = (long long)timeout_ms;
    while (status < 0 && deadline > 0) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int n = poll(&pfd, 1, 100);
        deadline -= 100;
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (size - len < 65536) {
            size = len + 65536 + PROTO_HEADER_SIZE;
            buf = xrealloc(buf, size);
        }
        ssize_t r = read(fd, buf + len, size - len);
        if (r <= 0)
            break;
        len += (size_t)r;
        size_t off = 0;
        struct proto_header hdr;
        while (status < 0 && proto_peek(buf + off, len - off, &hdr, NULL) == PROTO_OK) {
            const char *payload = buf + off + PROTO_HEADER_SIZE;
            if (hdr.type == MSG_STDOUT && olen + hdr.len < PROTO_MAX_PAYLOAD) {
                text = xrealloc(text, olen + hdr.len + 1);
                memcpy(text + olen, payload, hdr.len);
                olen += hdr.len;
                text[olen] = '\0';
            } else if (hdr.type == MSG_EXIT) {
                int32_t st = 1;
                if (hdr.len >= 4)
                    memcpy(&st, payload, 4);
                status = st < 0 ? 1 : st;
            }
            off += PROTO_HEADER_SIZE + hdr.len;
        }
        memmove(buf, buf + off, len - off);
        len -= off;
    }
    free(buf);
    close(fd);
    *out = text;
    return status;
}

static void send_resize(struct client_run *run)
{
    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    uint32_t size[2] = {(uint32_t)cols, (uint32_t)rows};
    send_msg(run->fd, MSG_RESIZE, size, sizeof size);
}

/* Run the lock command on the terminal and wait for it: with the signals the client
 * takes through its signalfd unblocked again, as a program started from a shell. */
static void client_run_lock(const char *command)
{
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    if (pid < 0)
        return;
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
}

/* Handle one message from the server. Returns false when the client should exit. */
static bool handle_message(struct client_run *run, const struct proto_header *hdr,
                           const char *payload)
{
    switch (hdr->type) {
    case MSG_READY: {
        uint32_t flags = 0;
        if (hdr->len >= sizeof flags)
            memcpy(&flags, payload, sizeof flags);
        if (run->control > 0) {
            run->attached = true; /* its terminal stays as it is: lines in, text out */
            return true;
        }
        if (!run->tty.active && tty_enter(&run->tty) != 0) { /* active: attached again */
            run->exit_status = 1;
            run->exit_message = xasprintf("tmx: cannot set up the terminal: %s", strerror(errno));
            return false;
        }
        run->attached = true;
        run->direct = (flags & READY_TTY) != 0;
        send_resize(run);
        if (run->direct)
            send_msg(run->fd, MSG_TTY_READY, NULL, 0);
        return true;
    }
    case MSG_SUSPEND:
        /* suspend-client: give the terminal back to the shell and stop; once continued
         * (fg) take it again and ask for a full frame. In an orphaned process group
         * SIGTSTP does nothing and this comes straight back. */
        tty_restore(&run->tty);
        kill(getpid(), SIGTSTP);
        if (tty_enter(&run->tty) != 0) {
            run->exit_status = 1;
            run->exit_message = xasprintf("tmx: cannot set up the terminal: %s", strerror(errno));
            return false;
        }
        send_resize(run);
        send_msg(run->fd, MSG_WAKEUP, NULL, 0);
        return true;
    case MSG_LOCK: {
        /* lock-*: the terminal is the lock command's (lock -np) until it exits. */
        char *command = xstrndup(payload, hdr->len);
        tty_restore(&run->tty);
        client_run_lock(command);
        free(command);
        if (tty_enter(&run->tty) != 0) {
            run->exit_status = 1;
            run->exit_message = xasprintf("tmx: cannot set up the terminal: %s", strerror(errno));
            return false;
        }
        send_resize(run);
        send_msg(run->fd, MSG_WAKEUP, NULL, 0);
        return true;
    }
    case MSG_OUTPUT:
    case MSG_STDOUT:
        fd_write_all(STDOUT_FILENO, payload, hdr->len);
        return true;
    case MSG_STDERR:
        fd_write_all(STDERR_FILENO, payload, hdr->len);
        return true;
    case MSG_SESSION: {
        /* "$id\0name\0": the name, to attach to again if the server goes. */
        size_t off = 0;
        const char *id = proto_next_string(payload, hdr->len, &off);
        const char *name = id != NULL ? proto_next_string(payload, hdr->len, &off) : NULL;
        if (name != NULL && strlen(name) < sizeof run->session)
            snprintf(run->session, sizeof run->session, "%s", name);
        return true;
    }
    case MSG_READ_STDIN:
        run->sending_stdin = !run->attached && run->stdin_open;
        if (!run->sending_stdin)
            send_msg(run->fd, MSG_STDIN, NULL, 0); /* nothing to give: the end at once */
        return true;
    case MSG_EXIT: {
        struct proto_exit e;
        proto_exit_parse(payload, hdr->len, &e);
        run->exit_status = e.status;
        free(run->exit_message);
        run->exit_message = e.message != NULL ? xstrdup(e.message) : NULL;
        /* Then, optionally, how to go: with SIGHUP to our parent, or becoming a command. */
        run->exit_how = e.how;
        free(run->exit_command);
        run->exit_command = e.command != NULL ? xstrdup(e.command) : NULL;
        return false;
    }
    default:
        return true; /* messages meant for the server: ignore */
    }
}

/* Whether a server's first bytes are a real tmux's answer to tmx's identify: tmux's
 * version message (type 12, 16 bytes with its header, no flags), which a tmx server
 * never sends first (12 is MSG_STDIN, a client's message). */
static bool tmux_server_reply(const char *buf)
{
    uint32_t type;
    uint16_t len, flags;
    memcpy(&type, buf, 4);
    memcpy(&len, buf + 4, 2);
    memcpy(&flags, buf + 6, 2);
    return type == 12 && len == 16 && flags == 0;
}

/* Read from the server and handle complete messages. Returns false to exit. */
static bool read_server(struct client_run *run)
{
    if (run->insize - run->inlen < 65536) {
        run->insize = run->inlen + 65536 + PROTO_HEADER_SIZE;
        run->inbuf = xrealloc(run->inbuf, run->insize);
    }
    ssize_t n = read(run->fd, run->inbuf + run->inlen, run->insize - run->inlen);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return true;
    if (n <= 0) {
        /* Reset with nothing heard: the server never took (or never read) the command. */
        run->reset_unheard = n < 0 && errno == ECONNRESET && !run->heard;
        run->exit_status = 1;
        free(run->exit_message);
        run->exit_message = xstrdup("[lost server]");
        return false;
    }
    run->inlen += (size_t)n;
    if (!run->heard && run->inlen >= 8 && tmux_server_reply(run->inbuf)) {
        /* A real tmux's server (-S gave its socket): it refused our identify with its
         * version message and hangs up. Say what is there, not "lost server". */
        run->exit_status = 1;
        run->exit_message = xasprintf("tmx: %s is a tmux server, not tmx's: use tmux for it "
                                      "(tmx's sockets are in tmx-UID, tmux's in tmux-UID)",
                                      run->path);
        return false;
    }
    run->heard = true;
    run->reattach_lost = 0;
    size_t off = 0;
    bool go_on = true;
    while (go_on) {
        struct proto_header hdr;
        const char *why = NULL;
        enum proto_status st = proto_peek(run->inbuf + off, run->inlen - off, &hdr, &why);
        if (st == PROTO_INCOMPLETE)
            break;
        if (st == PROTO_BAD) {
            run->exit_status = 1;
            run->exit_message = xasprintf("[lost server] (bad message: %s)", why);
            return false;
        }
        go_on = handle_message(run, &hdr, run->inbuf + off + PROTO_HEADER_SIZE);
        off += PROTO_HEADER_SIZE + hdr.len;
    }
    memmove(run->inbuf, run->inbuf + off, run->inlen - off);
    run->inlen -= off;
    return go_on;
}

static bool read_signal(struct client_run *run)
{
    struct signalfd_siginfo si;
    if (read(run->sig_fd, &si, sizeof si) != (ssize_t)sizeof si)
        return true;
    switch (si.ssi_signo) {
    case SIGWINCH:
        if (run->attached && run->control == 0)
            send_resize(run);
        return true;
    case SIGHUP:
        run->exit_status = 1;
        run->exit_message = xstrdup("[lost tty]");
        return false;
    case SIGTERM:
    case SIGINT:
    case SIGQUIT:
        if (!run->attached && si.ssi_signo != SIGTERM)
            return true;
        run->exit_status = 1;
        run->exit_message = xstrdup("[terminated]");
        return false;
    default:
        return true;
    }
}

static void relay_loop(struct client_run *run)
{
    char buf[16384];
    for (;;) {
        struct pollfd pfd[3] = {
            {.fd = run->fd, .events = POLLIN},
            {.fd = run->sig_fd, .events = POLLIN},
            {.fd = ((run->attached && !run->direct) || run->sending_stdin || run->control > 0) &&
                           run->stdin_open
                       ? STDIN_FILENO
                       : -1,
             .events = POLLIN},
        };
        if (poll(pfd, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            run->exit_status = 1;
            run->exit_message = xasprintf("tmx: poll: %s", strerror(errno));
            return;
        }
        if (pfd[1].revents & POLLIN) {
            if (!read_signal(run))
                return;
        }
        if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (!read_server(run))
                return;
        }
        if (pfd[2].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
            uint32_t type = run->sending_stdin ? MSG_STDIN : MSG_INPUT;
            if (n > 0) {
                if (send_msg(run->fd, type, buf, (size_t)n) != 0)
                    run->sending_stdin = false; /* the server stopped listening */
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                run->stdin_open = false;
                if (run->control > 0 && !run->sending_stdin)
                    send_msg(run->fd, MSG_INPUT, "\n\n", 2); /* the end: ends a line, detaches */
                if (run->sending_stdin)
                    send_msg(run->fd, MSG_STDIN, NULL, 0);
                run->sending_stdin = false;
            }
        }
    }
}

/* Start over on a new connection fd (the last one was lost): the state of the old one
 * forgotten, then identify, the terminal (with_tty) and the command sent again. */
static void client_resend(struct client_run *run, int fd, int cols, int rows, bool with_tty,
                          int argc, char **argv)
{
    close(run->fd);
    run->fd = fd;
    run->inlen = 0;
    run->heard = false;
    run->reset_unheard = false;
    run->attached = false;
    run->direct = false;
    run->exit_status = 0;
    run->exit_how = PROTO_EXIT_PLAIN;
    free(run->exit_message);
    free(run->exit_command);
    run->exit_message = run->exit_command = NULL;
    send_identify(run, cols, rows);
    if (with_tty)
        send_tty(run);
    send_command(run, argc, argv);
}

/* The server went away under an attached client: upgraded (its MSG_EXIT asked us to
 * attach again), or killed while its keeper holds the programs (the next server adopts
 * them all). Connect to the next server (starting it if the keeper is orphaned, or
 * after an upgrade that could not exec), attach to the same session, the terminal
 * still in raw mode: the user sees one redraw. False: nothing to come back to (the
 * caller says why the client ends). */
static bool client_reattach(const struct client_options *opts, struct client_run *run,
                            const char *path)
{
    /* A connection made while the killed server was still going away (its socket still
     * takes connections until the kernel has torn the process down) is lost before
     * anyone speaks on it: try again, a bounded number of times. */
    bool retry = !run->attached && !run->heard && *run->session != '\0' &&
                 run->reattach_lost > 0 && run->reattach_lost < CLIENT_REATTACH_RETRIES;
    if ((!run->attached && !retry) || run->control > 0 || !run->tty.active)
        return false;
    bool upgraded = run->exit_how == PROTO_EXIT_REATTACH && run->exit_command != NULL &&
                    *run->exit_command != '\0';
    bool lost = run->exit_message != NULL && strcmp(run->exit_message, "[lost server]") == 0 &&
                *run->session != '\0';
    if (!upgraded && !lost)
        return false;
    run->reattach_lost++;
    if (retry)
        poll(NULL, 0, 50);
    char target[300];
    snprintf(target, sizeof target, "=%s", upgraded ? run->exit_command : run->session);
    int fd = -1;
    /* A killed server's keeper may not have seen it go yet (it refuses the probe until
     * then): a few tries, while a keeper listens. */
    for (int tries = 0; tries < 40 && fd < 0; tries++) {
        char err[1024];
        fd = connect_or_start(opts, path, upgraded, err, sizeof err);
        if (fd < 0 && (upgraded || keeper_state(path) < 0))
            break;
        if (fd < 0)
            poll(NULL, 0, 50);
    }
    if (fd < 0)
        return false;
    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    char *argv[] = {"attach-session", "-t", target, NULL};
    client_resend(run, fd, cols, rows, true, 3, argv);
    return true;
}

/* Whether the server at the other end of fd runs an older binary than this client (a
 * package upgrade replaced the file, or a newer build is run by hand): its executable
 * is another file than ours, modified earlier. Then, when a person reads stderr, say so
 * and offer server-upgrade, which moves every session to this binary without stopping
 * a program. */
static void client_check_server_binary(int fd)
{
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (!isatty(STDERR_FILENO) || getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
        cred.pid <= 0)
        return;
    char theirs[64];
    snprintf(theirs, sizeof theirs, "/proc/%ld/exe", (long)cred.pid);
    struct stat ours_st, theirs_st;
    if (stat("/proc/self/exe", &ours_st) != 0 || stat(theirs, &theirs_st) != 0)
        return;
    if ((ours_st.st_dev == theirs_st.st_dev && ours_st.st_ino == theirs_st.st_ino) ||
        ours_st.st_mtime <= theirs_st.st_mtime)
        return;
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    fprintf(stderr, "tmx: the running server (pid %ld) is an older tmx than this one (%s): "
            "`tmx server-upgrade -b %s` moves every session to it without stopping a "
            "program\n", (long)cred.pid, self, self);
}

int client_main(const struct client_options *opts, int argc, char **argv)
{
    char path[4096], err[4352];
    setlocale(LC_CTYPE, "");

    if (client_socket_path(opts, path, sizeof path, err, sizeof err) != 0) {
        fprintf(stderr, "tmx: %s\n", err);
        return 1;
    }
    if (opts->foreground_server) {
        struct server_config cfg = {
            .socket_path = path,
            .label = opts->socket_path ? opts->socket_path : (opts->label ? opts->label : "default"),
            .config_file = opts->config_file,
            .as_tmux = opts->as_tmux,
            .verbose = opts->verbose,
            .ready_fd = -1,
            .lock_fd = -1,
            .foreground = true,
            .argc = argc,
            .argv = argv,
            .title_area = opts->title_area,
            .title_size = opts->title_size,
        };
        return server_main(&cfg);
    }

    bool attaches = cmdline_attaches(argc, argv) && opts->control == 0;
    if (attaches) {
        /* Inside a pane ($TMUX set), the server says whether this terminal is one of its
         * own panes (cmd_check_nested), as tmux's server does: a session of another
         * server may be shown here. */
        if (!isatty(STDIN_FILENO)) {
            fprintf(stderr, "tmx: open terminal failed: not a terminal (use new -d for a detached session)\n");
            return 1;
        }
    }

    size_t csize = command_size(argc, argv);
    if (csize > PROTO_MAX_PAYLOAD) {
        /* The server would refuse the message: say why here. */
        fprintf(stderr, "tmx: command too long (%zu bytes, at most %u): pass large text with "
                "load-buffer (tmx load-buffer FILE, or - for stdin)\n", csize, PROTO_MAX_PAYLOAD);
        return 1;
    }
    bool may_start = !opts->no_start && cmdline_starts_server(argc, argv);
    char stale[1024] = "";
    int fd = connect_or_start(opts, path, may_start, stale, sizeof stale);
    if (fd < 0) {
        if (may_start && *stale != '\0')
            fprintf(stderr, "tmx: cannot start a server on %s: %s\n", path, stale);
        else if (errno == ECONNREFUSED && paths_stale_socket(path, getuid(), stale,
                                                             sizeof stale) < 0)
            fprintf(stderr, "tmx: no server running on %s (%s)\n", path, stale);
        else if (errno == ENOENT || errno == ECONNREFUSED)
            fprintf(stderr, "tmx: no server running on %s\n", path);
        else
            fprintf(stderr, "tmx: cannot connect to %s: %s\n", path, strerror(errno));
        if (argc == 1 && (strcmp(argv[0], "ls") == 0 || strcmp(argv[0], "list-sessions") == 0)) {
            /* What the last server left (a reboot): tmx resurrect brings it back. */
            char *dead = snapshot_resurrectable_label(
                opts->socket_path ? opts->socket_path : (opts->label ? opts->label : "default"));
            if (dead != NULL)
                fputs(dead, stdout);
            free(dead);
        }
        return 1;
    }

    client_check_server_binary(fd);
    struct client_run run = {.fd = fd, .stdin_open = true, .control = opts->control, .path = path};
    control_term_enter(&run.cterm, run.control);
    tty_init(&run.tty, STDIN_FILENO, getenv("TERM"));

    run.sig_fd = tty_signals_open();

    int cols, rows;
    tty_size(STDIN_FILENO, &cols, &rows);
    send_identify(&run, cols, rows);
    if (attaches)
        send_tty(&run);
    char *default_argv[] = {"new-session", NULL};
    if (argc == 0) {
        argc = 1;
        argv = default_argv;
    }
    send_command(&run, argc, argv);
    if (attaches)
        tty_load(&run.tty); /* while the server runs the command */

    relay_loop(&run);
    /* A server killed a moment ago still takes connections while the kernel tears it
     * down, then resets them unread: the command never ran, so send it again to the
     * next server (a few times, 50 ms apart). */
    for (int tries = 0; run.reset_unheard && tries < CLIENT_REATTACH_RETRIES; tries++) {
        poll(NULL, 0, 50);
        char err[1024];
        int again = connect_or_start(opts, path, may_start, err, sizeof err);
        if (again < 0)
            break;
        client_resend(&run, again, cols, rows, attaches, argc, argv);
        relay_loop(&run);
    }
    while (attaches && client_reattach(opts, &run, path))
        relay_loop(&run);
    fd = run.fd;

    tty_restore(&run.tty);
    if (run.control > 0)
        control_term_leave(&run.cterm, run.exit_message,
                           run.exit_how == PROTO_EXIT_WAIT && run.stdin_open);
    else if (run.exit_message != NULL) {
        FILE *out = run.attached ? stdout : stderr;
        fprintf(out, "%s\n", run.exit_message);
        fflush(out);
    }
    tty_free(&run.tty);
    free(run.exit_message);
    free(run.inbuf);
    close(run.sig_fd);
    close(fd);
    if (run.exit_how == PROTO_EXIT_HUP)
        kill(getppid(), SIGHUP); /* detach -P, attach -x: the shell that ran us goes too */
    if (run.exit_how == PROTO_EXIT_EXEC && run.exit_command != NULL) {
        /* detach -E: this process becomes the command, signals as a shell gives them. */
        const char *shell = getenv("SHELL");
        if (shell == NULL || *shell != '/')
            shell = "/bin/sh";
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execl(shell, shell, "-c", run.exit_command, (char *)NULL);
        fprintf(stderr, "tmx: %s: %s\n", shell, strerror(errno));
        free(run.exit_command);
        return 1;
    }
    free(run.exit_command);
    return run.exit_status;
}
