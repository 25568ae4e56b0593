/* harness.c - end-to-end test harness: private environments, commands with captured
 * output, and interactive clients in ptys whose screen is emulated by server/vt.
 * See harness.h for the model. No threads: a client's output is read whenever the test
 * calls into the harness (any wait, any tmx_run), so a client never blocks on a full pty. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "proto.h"
#include "vt.h"
#include "xmalloc.h"

#define MAX_CLIENTS 8
#define MAX_ARGS 48
#define RUN_TIMEOUT 20000 /* one command; a hung command is killed */

struct tmx_env {
    char *bin;
    char *tmpdir;
    char *socket_name;
    char *marker; /* "TMX_TMPDIR=<tmpdir>": found in the environ of every process we start */
    struct pty_client *clients[MAX_CLIENTS];
};

struct pty_client {
    struct tmx_env *env;
    pid_t pid;
    int master;
    int slave; /* kept open so termios survives the client's exit and can be compared */
    int cols, rows;
    struct vt *vt;
    struct termios before;
    char *out; /* every byte read from the pty, NUL-terminated */
    size_t out_len, out_size;
    bool exited;
    int status;
    bool no_replies; /* client_no_replies: the test types the terminal's answers */
    char row[2048];
};

long long e2e_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

static int decode_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

/* Builds "$TMX_BIN -L sock -f /dev/null" followed by the NULL-terminated va_list. */
static void build_argv(struct tmx_env *env, const char **argv, va_list ap)
{
    int n = 0;
    const char *a;

    argv[n++] = env->bin;
    argv[n++] = "-L";
    argv[n++] = env->socket_name;
    argv[n++] = "-f";
    argv[n++] = "/dev/null";
    while ((a = va_arg(ap, const char *)) != NULL) {
        if (n == MAX_ARGS - 1)
            fail_msg("too many arguments");
        argv[n++] = a;
    }
    argv[n] = NULL;
}

/* In a forked child: default signal dispositions and mask, then exec. */
static void exec_child(const char *const *argv)
{
    sigset_t none;

    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
    execv(argv[0], (char *const *)argv);
    fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* ---- environment ---- */

/* Adds log_path=TMPDIR/sanitizer to the sanitizer options variable NAME, keeping the
 * options it had when the test program started. */
static void set_sanitizer_log(struct tmx_env *env, const char *name)
{
    static char *saved_asan, *saved_ubsan;
    char **saved = strcmp(name, "ASAN_OPTIONS") == 0 ? &saved_asan : &saved_ubsan;
    char *value;

    if (*saved == NULL) {
        const char *v = getenv(name);
        *saved = xstrdup(v != NULL ? v : "");
    }
    value = xasprintf("%s%slog_path=%s/sanitizer", *saved, **saved != '\0' ? ":" : "",
                      env->tmpdir);
    setenv(name, value, 1);
    free(value);
}

struct tmx_env *env_setup(void)
{
    static int counter;
    struct tmx_env *env = xcalloc(1, sizeof *env);
    char dir[] = "/tmp/tmx-e2e-XXXXXX";
    const char *bin = getenv("TMX_BIN");

    if (bin == NULL || *bin == '\0')
        fail_msg("TMX_BIN is not set: the path of the tmx binary to test");
    if (access(bin, X_OK) != 0)
        fail_msg("TMX_BIN=%s is not executable", bin);
    if (mkdtemp(dir) == NULL)
        fail_msg("mkdtemp: %s", strerror(errno));
    env->bin = xstrdup(bin);
    env->tmpdir = xstrdup(dir);
    env->socket_name = xasprintf("e2e-%d-%d", (int)getpid(), ++counter);
    env->marker = xasprintf("TMX_TMPDIR=%s", dir);

    /* Everything we start inherits this environment. */
    setenv("TMX_TMPDIR", dir, 1);
    setenv("TMUX_TMPDIR", dir, 1);
    setenv("HOME", dir, 1);
    setenv("SHELL", "/bin/sh", 1);
    setenv("TERM", "xterm-256color", 1);
    unsetenv("TMUX");
    unsetenv("TMX");
    unsetenv("TMUX_PANE");
    unsetenv("TMX_PANE");
    unsetenv("ENV"); /* no rc file for interactive sh */
    unsetenv("XDG_STATE_HOME"); /* snapshots go under HOME (the temp dir) */
    set_sanitizer_log(env, "ASAN_OPTIONS");
    set_sanitizer_log(env, "UBSAN_OPTIONS");
    return env;
}

const char *env_bin(const struct tmx_env *env)
{
    return env->bin;
}

const char *env_socket_name(const struct tmx_env *env)
{
    return env->socket_name;
}

void env_socket_path(const struct tmx_env *env, char *buf, size_t size)
{
    snprintf(buf, size, "%s/tmx-%u/%s", getenv("TMX_TMPDIR"), (unsigned)getuid(),
             env->socket_name);
}

int env_connect(const struct tmx_env *env)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    env_socket_path(env, sa.sun_path, sizeof sa.sun_path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* /proc/PID/schedstat (pid 0: this thread): ns on a CPU and ns runnable but waiting. */
static bool read_schedstat(pid_t pid, long long *run_ns, long long *wait_ns)
{
    char path[64];
    if (pid == 0)
        snprintf(path, sizeof path, "/proc/thread-self/schedstat");
    else
        snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    bool ok = fscanf(f, "%lld %lld", run_ns, wait_ns) == 2;
    fclose(f);
    return ok;
}

long long e2e_cpu_ms(pid_t pid)
{
    long long run, wait;
    return read_schedstat(pid, &run, &wait) ? run / 1000000 : -1;
}

/* Sends one message on a raw connection; false if the server took it not. */
static bool raw_send(int fd, uint32_t type, const void *payload, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    if (send(fd, hdr, sizeof hdr, MSG_NOSIGNAL) != (ssize_t)sizeof hdr)
        return false;
    return len == 0 || send(fd, payload, len, MSG_NOSIGNAL) == (ssize_t)len;
}

/* Reads messages until MSG_EXIT; its status, or -1 if the connection ended or nothing
 * came for E2E_TIMEOUT. */
static int raw_wait_exit(int fd)
{
    struct timeval tv = {.tv_sec = E2E_TIMEOUT / 1000, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (;;) {
        char hdr[PROTO_HEADER_SIZE];
        if (recv(fd, hdr, sizeof hdr, MSG_WAITALL) != (ssize_t)sizeof hdr)
            return -1;
        uint32_t type, len;
        memcpy(&type, hdr, 4);
        memcpy(&len, hdr + 4, 4);
        if (len > PROTO_MAX_PAYLOAD)
            return -1;
        char *payload = xmalloc(len + 1);
        bool ok = len == 0 || recv(fd, payload, len, MSG_WAITALL) == (ssize_t)len;
        int32_t status = -1;
        if (ok && type == MSG_EXIT && len >= 4)
            memcpy(&status, payload, 4);
        free(payload);
        if (!ok)
            return -1;
        if (type == MSG_EXIT)
            return status;
    }
}

long long e2e_server_command_ms(struct tmx_env *env, pid_t server, ...)
{
    /* The words, NUL-separated as MSG_COMMAND carries them, and as an argv for tmux. */
    char cmd[4096];
    size_t len = 0;
    const char *argv[64];
    int argc = 0;
    argv[argc++] = env_bin(env);
    argv[argc++] = "-L";
    argv[argc++] = env_socket_name(env);
    argv[argc++] = "-f";
    argv[argc++] = "/dev/null";
    va_list ap;
    va_start(ap, server);
    for (const char *w; (w = va_arg(ap, const char *)) != NULL;) {
        size_t n = strlen(w) + 1;
        assert_true(len + n <= sizeof cmd && argc < 63);
        memcpy(cmd + len, w, n);
        len += n;
        argv[argc++] = w;
    }
    va_end(ap);
    argv[argc] = NULL;
    if (env_is_tmux(env)) {
        long long t0 = e2e_now_ms();
        assert_int_equal(tmx_runv(env, NULL, NULL, argv), 0);
        return e2e_now_ms() - t0;
    }
    /* Identified first: only the command is timed. */
    int fd = env_connect(env);
    assert_true(fd >= 0);
    char id[sizeof(struct proto_identify) + 8];
    struct proto_identify ident = {.version = PROTO_VERSION, .cols = 80, .rows = 24,
                                   .pid = getpid()};
    memcpy(id, &ident, sizeof ident);
    memcpy(id + sizeof ident, "xterm\0/\0", 8);
    assert_true(raw_send(fd, MSG_IDENTIFY, id, sizeof id));
    long long srun0 = 0, swait0 = 0, mrun0 = 0, mwait0 = 0, srun1 = 0, swait1 = 0, mrun1 = 0,
              mwait1 = 0;
    assert_true(read_schedstat(server, &srun0, &swait0) && read_schedstat(0, &mrun0, &mwait0));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_true(raw_send(fd, MSG_COMMAND, cmd, len));
    int status = raw_wait_exit(fd);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true(read_schedstat(server, &srun1, &swait1) && read_schedstat(0, &mrun1, &mwait1));
    close(fd);
    if (status != 0)
        fail_msg("%s on a raw connection: %s", argv[5],
                 status < 0 ? "no answer" : "an error");
    long long wall = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    long long own = wall - (swait1 - swait0) - (mwait1 - mwait0);
    return own > 0 ? own / 1000000 : 0;
}

ssize_t e2e_read_file(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return (ssize_t)n;
}

/* The parent pid of pid (from /proc), -1 if it is gone. */
pid_t e2e_parent_pid(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    if (e2e_read_file(path, buf, sizeof buf) < 0)
        return -1;
    char *close_paren = strrchr(buf, ')');
    char state;
    long ppid;
    if (close_paren == NULL || sscanf(close_paren + 2, "%c %ld", &state, &ppid) != 2)
        return -1;
    return (pid_t)ppid;
}

/* The first child of pid (from /proc/PID/task/PID/children), or -1. */
pid_t e2e_first_child(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    int child = -1;
    if (fscanf(f, "%d", &child) != 1)
        child = -1;
    fclose(f);
    return child;
}

/* The keeper of a server: the child of server whose command line begins "tmx: keeper"
 * (the process title it gives itself), or -1. */
pid_t e2e_keeper_of(pid_t server)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)server, (int)server);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    int child, keeper = -1;
    while (keeper < 0 && fscanf(f, "%d", &child) == 1) {
        char cpath[64], cmd[64];
        snprintf(cpath, sizeof cpath, "/proc/%d/cmdline", child);
        if (e2e_read_file(cpath, cmd, sizeof cmd) >= 0 && strncmp(cmd, "tmx: keeper", 11) == 0)
            keeper = child;
    }
    fclose(f);
    return keeper;
}

/* The number after "field" (e.g. "VmRSS:") in /proc/PID/status, -1 if pid is gone. */
static long proc_status_number(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    long n = -1;
    size_t len = strlen(field);
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, field, len) == 0) {
            n = atol(line + len);
            break;
        }
    }
    fclose(f);
    return n;
}

long e2e_rss_kib(pid_t pid)
{
    return proc_status_number(pid, "VmRSS:");
}

long e2e_wakeups(pid_t pid)
{
    return proc_status_number(pid, "voluntary_ctxt_switches:");
}

bool env_is_tmux(const struct tmx_env *env)
{
    const char *base = strrchr(env->bin, '/');

    base = base != NULL ? base + 1 : env->bin;
    return strncmp(base, "tmux", 4) == 0;
}

static void client_free(struct pty_client *c);

/* Sends sig (0: none, just count) to every process whose environment carries this env's
 * marker: the server, the panes' programs and any client, whatever state a failed test
 * left them in. Returns how many there are. */
static int signal_marked_processes(struct tmx_env *env, int sig)
{
    int found = 0;
    size_t mlen = strlen(env->marker) + 1; /* with its NUL separator */
    DIR *d = opendir("/proc");
    struct dirent *de;
    char path[64];
    static char buf[256 * 1024];

    if (d == NULL)
        return 0;
    while ((de = readdir(d)) != NULL) {
        pid_t pid = (pid_t)atoi(de->d_name);
        ssize_t n;
        size_t len = 0;
        int fd;

        if (pid <= 1 || pid == getpid())
            continue;
        snprintf(path, sizeof path, "/proc/%d/environ", (int)pid);
        if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
            continue;
        while (len < sizeof buf && (n = read(fd, buf + len, sizeof buf - len)) > 0)
            len += (size_t)n;
        close(fd);
        for (size_t i = 0; i + mlen <= len;) {
            if (memcmp(buf + i, env->marker, mlen) == 0) {
                if (sig != 0)
                    kill(pid, sig);
                found++;
                break;
            }
            const char *nul = memchr(buf + i, '\0', len - i);
            if (nul == NULL)
                break;
            i = (size_t)(nul - buf) + 1;
        }
    }
    closedir(d);
    return found;
}

/* Prints every sanitizer report written under the temp dir (ASAN_OPTIONS/UBSAN_OPTIONS
 * log_path, set by env_setup: a daemonised server's stderr goes nowhere, so this is the
 * only way to see its reports). Returns how many there are. */
static int print_sanitizer_reports(struct tmx_env *env)
{
    DIR *d = opendir(env->tmpdir);
    struct dirent *de;
    int reports = 0;

    if (d == NULL)
        return 0;
    while ((de = readdir(d)) != NULL) {
        char *path, line[1024];
        FILE *f;

        if (strncmp(de->d_name, "sanitizer.", 10) != 0)
            continue;
        path = xasprintf("%s/%s", env->tmpdir, de->d_name);
        if ((f = fopen(path, "r")) != NULL) {
            fprintf(stderr, "e2e: sanitizer report %s:\n", de->d_name);
            while (fgets(line, sizeof line, f) != NULL)
                fputs(line, stderr);
            fclose(f);
            reports++;
        }
        free(path);
    }
    closedir(d);
    return reports;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

int env_teardown(struct tmx_env *env)
{
    long long deadline = e2e_now_ms() + 5000;
    int reports;

    if (env == NULL)
        return 0;
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (env->clients[i] != NULL)
            client_free(env->clients[i]);
    }
    tmx_run(env, NULL, NULL, "kill-server", NULL);
    /* Let the server and the panes' programs exit by themselves (a sanitizer writes its
     * report at exit), then kill what is left. */
    while (signal_marked_processes(env, 0) > 0 && e2e_now_ms() < deadline)
        sleep_ms(20);
    signal_marked_processes(env, SIGKILL);
    reports = print_sanitizer_reports(env);
    nftw(env->tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(env->bin);
    free(env->tmpdir);
    free(env->socket_name);
    free(env->marker);
    free(env);
    return reports;
}

int e2e_setup(void **state)
{
    *state = env_setup();
    return 0;
}

int e2e_teardown(void **state)
{
    int reports = env_teardown(*state);

    *state = NULL;
    return reports == 0 ? 0 : -1;
}

/* ---- commands ---- */

struct buf {
    char *data;
    size_t len, size;
};

static void buf_append(struct buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->size) {
        b->size = (b->len + n + 1) * 2;
        b->data = xrealloc(b->data, b->size);
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Reads what is available on a non-blocking fd; returns false at EOF or error. */
static bool drain_fd(int fd, struct buf *b)
{
    char tmp[4096];
    ssize_t n;

    for (;;) {
        n = read(fd, tmp, sizeof tmp);
        if (n > 0) {
            buf_append(b, tmp, (size_t)n);
            continue;
        }
        if (n == -1 && errno == EINTR)
            continue;
        return n == -1 && errno == EAGAIN;
    }
}

static void pump_all_clients(struct tmx_env *env)
{
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (env->clients[i] != NULL)
            client_pump(env->clients[i], 0);
    }
}

int tmx_runv(struct tmx_env *env, char **out, char **err, const char *const *argv)
{
    int po[2], pe[2], status = 0, result = -1;
    struct buf bo = {0}, be = {0};
    bool open_o = true, open_e = true;
    long long deadline = e2e_now_ms() + RUN_TIMEOUT;
    pid_t pid;

    if (pipe2(po, O_CLOEXEC) == -1 || pipe2(pe, O_CLOEXEC) == -1)
        fail_msg("pipe: %s", strerror(errno));
    pid = fork();
    if (pid == -1)
        fail_msg("fork: %s", strerror(errno));
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        setpgid(0, 0);
        dup2(null, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        exec_child(argv);
    }
    close(po[1]);
    close(pe[1]);
    fcntl(po[0], F_SETFL, O_NONBLOCK);
    fcntl(pe[0], F_SETFL, O_NONBLOCK);

    /* Stop at the command's exit, not at EOF: a daemonised server must not be able to
     * hold us by keeping the pipes open. */
    for (;;) {
        struct pollfd pfd[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
        pid_t w;

        poll(pfd, 2, 10);
        if (open_o)
            open_o = drain_fd(po[0], &bo);
        if (open_e)
            open_e = drain_fd(pe[0], &be);
        if (!open_o && !open_e)
            poll(NULL, 0, 5);
        pump_all_clients(env);
        w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            drain_fd(po[0], &bo);
            drain_fd(pe[0], &be);
            result = decode_status(status);
            break;
        }
        if (e2e_now_ms() > deadline) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            fprintf(stderr, "e2e: command timed out: %s ...\n", argv[5]);
            break;
        }
    }
    close(po[0]);
    close(pe[0]);
    if (bo.data == NULL)
        buf_append(&bo, "", 0);
    if (be.data == NULL)
        buf_append(&be, "", 0);
    if (out != NULL)
        *out = bo.data;
    else
        free(bo.data);
    if (err != NULL)
        *err = be.data;
    else
        free(be.data);
    return result;
}

int tmx_run(struct tmx_env *env, char **out, char **err, ...)
{
    const char *argv[MAX_ARGS];
    va_list ap;

    va_start(ap, err);
    build_argv(env, argv, ap);
    va_end(ap);
    return tmx_runv(env, out, err, argv);
}

bool wait_run_output(struct tmx_env *env, const char *needle, bool want, int timeout_ms, ...)
{
    const char *argv[MAX_ARGS];
    long long deadline = e2e_now_ms() + timeout_ms;
    va_list ap;

    va_start(ap, timeout_ms);
    build_argv(env, argv, ap);
    va_end(ap);
    for (;;) {
        char *out, *err;
        int rc = tmx_runv(env, &out, &err, argv);
        bool found = strstr(out, needle) != NULL;

        if (found == want) {
            free(out);
            free(err);
            return true;
        }
        if (e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: waited for '%s' %s the output of '%s':\n"
                    "exit %d, stdout:\n%s\nstderr:\n%s\n", needle, want ? "in" : "gone from",
                    argv[5], rc, out, err);
            free(out);
            free(err);
            return false;
        }
        free(out);
        free(err);
        sleep_ms(50);
    }
}

bool wait_capture(struct tmx_env *env, const char *target, const char *needle, int timeout_ms)
{
    return wait_run_output(env, needle, true, timeout_ms, "capture-pane", "-p", "-t", target,
                           NULL);
}

int count_lines(const char *s)
{
    int n = 0;

    for (; *s != '\0'; s++) {
        if (*s == '\n' || s[1] == '\0')
            n++;
    }
    return n;
}

/* Parses the pid from "srv=SOCKET,PID,SESSION=" printed by the pane. */
static pid_t pid_from_capture(const char *text)
{
    const char *p = text;

    while ((p = strstr(p, "srv=/")) != NULL) {
        const char *comma = strchr(p, ',');
        const char *nl = strchr(p, '\n');

        if (comma != NULL && (nl == NULL || comma < nl))
            return (pid_t)atoi(comma + 1);
        p++;
    }
    return -1;
}

pid_t server_pid(struct tmx_env *env, const char *target)
{
    char *out = NULL;
    pid_t pid = -1;

    if (tmx_run(env, &out, NULL, "display-message", "-p", "-t", target, "#{pid}", NULL) == 0)
        pid = (pid_t)atoi(out);
    free(out);
    if (pid > 1)
        return pid;

    /* The output line starts with "srv=/"; the echoed command line does not. */
    tmx_run(env, NULL, NULL, "send-keys", "-t", target, "echo \"srv=${TMX:-$TMUX}=\"", "Enter",
            NULL);
    if (!wait_capture(env, target, "srv=/", E2E_TIMEOUT))
        return -1;
    tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", target, NULL);
    pid = pid_from_capture(out);
    free(out);
    return pid > 1 ? pid : -1;
}

/* ---- clients in a pty ---- */

static void reply_to_pty(void *arg, const char *buf, size_t len)
{
    struct pty_client *c = arg;

    /* What a real terminal answers (DA, DSR...): best effort, never blocks. */
    if (c->no_replies)
        return;
    if (write(c->master, buf, len) < 0) {
        /* the client may be gone */
    }
}

static const struct vt_ops client_vt_ops = { .reply = reply_to_pty };

struct pty_client *client_start(struct tmx_env *env, int cols, int rows, ...)
{
    const char *argv[MAX_ARGS];
    va_list ap;

    va_start(ap, rows);
    build_argv(env, argv, ap);
    va_end(ap);
    return pty_start(env, cols, rows, argv);
}

struct pty_client *pty_start(struct tmx_env *env, int cols, int rows, const char *const *argv)
{
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    struct pty_client *c = xcalloc(1, sizeof *c);
    int slot;

    for (slot = 0; slot < MAX_CLIENTS && env->clients[slot] != NULL; slot++)
        ;
    if (slot == MAX_CLIENTS)
        fail_msg("too many clients");

    if (openpty(&c->master, &c->slave, NULL, NULL, &ws) == -1)
        fail_msg("openpty: %s", strerror(errno));
    fcntl(c->master, F_SETFD, FD_CLOEXEC);
    fcntl(c->slave, F_SETFD, FD_CLOEXEC);
    fcntl(c->master, F_SETFL, O_NONBLOCK);
    tcgetattr(c->slave, &c->before);
    c->env = env;
    c->cols = cols;
    c->rows = rows;
    c->vt = vt_create(cols, rows, 0);
    vt_set_ops(c->vt, &client_vt_ops, c);
    c->out = xmalloc(1);
    c->out[0] = '\0';
    c->out_size = 1;

    c->pid = fork();
    if (c->pid == -1)
        fail_msg("fork: %s", strerror(errno));
    if (c->pid == 0) {
        setsid();
        if (ioctl(c->slave, TIOCSCTTY, 0) == -1)
            _exit(126);
        dup2(c->slave, 0);
        dup2(c->slave, 1);
        dup2(c->slave, 2);
        exec_child(argv);
    }
    env->clients[slot] = c;
    return c;
}

void client_no_replies(struct pty_client *c)
{
    c->no_replies = true;
}

static void client_write_n(struct pty_client *c, const char *bytes, size_t len)
{
    size_t off = 0;
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;

    while (off < len) {
        ssize_t n = write(c->master, bytes + off, len - off);

        if (n > 0) {
            off += (size_t)n;
        } else if (n == -1 && (errno == EAGAIN || errno == EINTR)) {
            if (e2e_now_ms() > deadline)
                fail_msg("writing to the client's pty timed out");
            client_pump(c, 10);
        } else {
            fail_msg("writing to the client's pty: %s", strerror(errno));
        }
    }
    client_pump(c, 0);
}

static void client_write(struct pty_client *c, const char *bytes)
{
    client_write_n(c, bytes, strlen(bytes));
}

void client_key_nul(struct pty_client *c)
{
    sleep_ms(5);
    client_write_n(c, "", 1);
}

void client_type(struct pty_client *c, const char *text)
{
    client_write(c, text);
}

/* Keys go one byte at a time with a pause before each, as typed: tmux (option
 * assume-paste-time) takes keys arriving within 1 ms of each other for a paste and then
 * runs no key bindings, so a prefix key sent together with its command would be lost. */
void client_keys(struct pty_client *c, const char *bytes)
{
    char one[2] = {0, 0};

    for (; *bytes != '\0'; bytes++) {
        sleep_ms(5);
        one[0] = *bytes;
        client_write(c, one);
    }
}

void client_pump(struct pty_client *c, int wait_ms)
{
    char tmp[8192];
    struct pollfd pfd = {c->master, POLLIN, 0};
    ssize_t n;

    if (wait_ms > 0)
        poll(&pfd, 1, wait_ms);
    while ((n = read(c->master, tmp, sizeof tmp)) > 0 || (n == -1 && errno == EINTR)) {
        if (n <= 0)
            continue;
        if (c->out_len + (size_t)n + 1 > c->out_size) {
            c->out_size = (c->out_len + (size_t)n + 1) * 2;
            c->out = xrealloc(c->out, c->out_size);
        }
        memcpy(c->out + c->out_len, tmp, (size_t)n);
        c->out_len += (size_t)n;
        c->out[c->out_len] = '\0';
        vt_feed(c->vt, tmp, (size_t)n);
    }
    if (!c->exited) {
        int status;

        if (waitpid(c->pid, &status, WNOHANG) == c->pid) {
            c->exited = true;
            c->status = decode_status(status);
        }
    }
}

static int row_index(const struct pty_client *c, int y)
{
    return y < 0 ? c->rows + y : y;
}

const char *client_screen_row(struct pty_client *c, int y)
{
    client_pump(c, 0);
    vt_line_text(c->vt, row_index(c, y), c->row, sizeof c->row);
    return c->row;
}

const struct vt *client_vt(struct pty_client *c)
{
    client_pump(c, 0);
    return c->vt;
}

static bool screen_has(struct pty_client *c, const char *needle)
{
    for (int y = 0; y < c->rows; y++) {
        vt_line_text(c->vt, y, c->row, sizeof c->row);
        if (strstr(c->row, needle) != NULL)
            return true;
    }
    return false;
}

bool client_screen_contains(struct pty_client *c, const char *needle)
{
    client_pump(c, 0);
    return screen_has(c, needle);
}

void client_dump(struct pty_client *c)
{
    int x, y;

    vt_cursor(c->vt, &x, &y);
    fprintf(stderr, "---- screen %dx%d, cursor %d,%d%s ----\n", c->cols, c->rows, x, y,
            c->exited ? ", client exited" : "");
    for (int i = 0; i < c->rows; i++) {
        vt_line_text(c->vt, i, c->row, sizeof c->row);
        fprintf(stderr, "%2d|%s\n", i, c->row);
    }
    fprintf(stderr, "----\n");
}

bool client_poll_text(struct pty_client *c, const char *needle, int timeout_ms)
{
    long long deadline = e2e_now_ms() + timeout_ms;

    for (;;) {
        client_pump(c, 0);
        if (screen_has(c, needle))
            return true;
        if (e2e_now_ms() > deadline)
            return false;
        client_pump(c, 20);
    }
}

bool client_wait_text(struct pty_client *c, const char *needle, int timeout_ms)
{
    if (client_poll_text(c, needle, timeout_ms))
        return true;
    fprintf(stderr, "e2e: '%s' did not appear on the screen\n", needle);
    client_dump(c);
    return false;
}

bool client_wait_row(struct pty_client *c, int y, const char *needle, int timeout_ms)
{
    long long deadline = e2e_now_ms() + timeout_ms;

    for (;;) {
        if (strstr(client_screen_row(c, y), needle) != NULL)
            return true;
        if (e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: '%s' did not appear on row %d\n", needle, y);
            client_dump(c);
            return false;
        }
        client_pump(c, 20);
    }
}

char client_window_flag(struct pty_client *c, int idx)
{
    const char *row = client_screen_row(c, -1);
    char prefix[16];
    int plen = snprintf(prefix, sizeof prefix, "%d:", idx);

    /* Tokens are separated by spaces: "[s] 0:sh- 1:sh*  ...". */
    for (const char *p = row; *p != '\0';) {
        size_t len = strcspn(p, " ");

        if (len > (size_t)plen && strncmp(p, prefix, (size_t)plen) == 0) {
            char last = p[len - 1];
            return strchr("*-#!~MZ", last) != NULL ? last : ' ';
        }
        p += len;
        p += strspn(p, " ");
    }
    return 0;
}

bool client_wait_window_flag(struct pty_client *c, int idx, char flag, int timeout_ms)
{
    long long deadline = e2e_now_ms() + timeout_ms;

    for (;;) {
        if (client_window_flag(c, idx) == flag)
            return true;
        if (e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: window %d never had flag '%c'\n", idx, flag);
            client_dump(c);
            return false;
        }
        client_pump(c, 20);
    }
}

void client_resize(struct pty_client *c, int cols, int rows)
{
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};

    client_pump(c, 0);
    if (ioctl(c->master, TIOCSWINSZ, &ws) == -1)
        fail_msg("TIOCSWINSZ: %s", strerror(errno));
    vt_resize(c->vt, cols, rows);
    c->cols = cols;
    c->rows = rows;
}

void client_signal(struct pty_client *c, int sig)
{
    client_pump(c, 0);
    if (!c->exited)
        kill(c->pid, sig);
}

int client_wait_exit(struct pty_client *c, int timeout_ms)
{
    long long deadline = e2e_now_ms() + timeout_ms;

    for (;;) {
        client_pump(c, 20);
        if (c->exited)
            break;
        if (e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: client %d did not exit\n", (int)c->pid);
            client_dump(c);
            return -1;
        }
    }
    /* Everything it wrote is in the pty already: we hold the slave open, so no EIO. */
    client_pump(c, 0);
    return c->status;
}

const char *client_output(struct pty_client *c, size_t *len)
{
    client_pump(c, 0);
    if (len != NULL)
        *len = c->out_len;
    return c->out;
}

bool client_output_contains(struct pty_client *c, const char *needle)
{
    client_pump(c, 0);
    return memmem(c->out, c->out_len, needle, strlen(needle)) != NULL;
}

static bool termios_equal(const struct termios *a, const struct termios *b)
{
    return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag &&
           a->c_cflag == b->c_cflag && a->c_lflag == b->c_lflag &&
           memcmp(a->c_cc, b->c_cc, sizeof a->c_cc) == 0 &&
           cfgetispeed(a) == cfgetispeed(b) && cfgetospeed(a) == cfgetospeed(b);
}

bool client_termios_restored(struct pty_client *c)
{
    long long deadline = e2e_now_ms() + 2000;
    struct termios now;

    for (;;) {
        if (tcgetattr(c->slave, &now) == -1)
            fail_msg("tcgetattr: %s", strerror(errno));
        if (termios_equal(&c->before, &now))
            return true;
        if (e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: termios not restored: lflag %#o (was %#o), iflag %#o "
                    "(was %#o), oflag %#o (was %#o)\n", (unsigned)now.c_lflag,
                    (unsigned)c->before.c_lflag, (unsigned)now.c_iflag,
                    (unsigned)c->before.c_iflag, (unsigned)now.c_oflag,
                    (unsigned)c->before.c_oflag);
            return false;
        }
        client_pump(c, 20);
    }
}

pid_t client_pid(const struct pty_client *c)
{
    return c->pid;
}

/* Kills the client's whole process group if it still runs, and frees it. */
static void client_free(struct pty_client *c)
{
    struct tmx_env *env = c->env;

    client_pump(c, 0);
    if (!c->exited) {
        int status;

        kill(-c->pid, SIGKILL);
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &status, 0);
    }
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (env->clients[i] == c)
            env->clients[i] = NULL;
    }
    close(c->master);
    close(c->slave);
    vt_free(c->vt);
    free(c->out);
    free(c);
}

/* Processes whose parent is ppid, in state Z (zombies) or with command name comm (any
 * state but Z), found by scanning /proc; each is sent signal sig unless sig is 0. */
static int count_children(pid_t ppid, const char *comm, int sig)
{
    int zombies = 0;
    DIR *d = opendir("/proc");
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        char path[300], buf[512];
        if (de->d_name[0] < '0' || de->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
        if (e2e_read_file(path, buf, sizeof buf) < 0)
            continue;
        /* pid (comm) state ppid ...: comm may hold spaces, so parse after the last ')'. */
        char *close = strrchr(buf, ')');
        char *open = strchr(buf, '(');
        char state;
        int parent;
        if (close == NULL || open == NULL || sscanf(close + 1, " %c %d", &state, &parent) != 2 ||
            parent != ppid)
            continue;
        if (comm == NULL ? state == 'Z'
                         : state != 'Z' && (size_t)(close - open - 1) == strlen(comm) &&
                               strncmp(open + 1, comm, strlen(comm)) == 0) {
            zombies++;
            if (sig != 0)
                kill((pid_t)atoi(de->d_name), sig);
        }
    }
    closedir(d);
    return zombies;
}

int count_zombies_of(pid_t ppid)
{
    return count_children(ppid, NULL, 0);
}

int count_children_named(pid_t ppid, const char *comm)
{
    return count_children(ppid, comm, 0);
}

int signal_children_named(pid_t ppid, const char *comm, int sig)
{
    return count_children(ppid, comm, sig);
}

bool wait_children_named(pid_t ppid, const char *comm, int n, int timeout_ms)
{
    for (long long end = e2e_now_ms() + timeout_ms;; sleep_ms(20)) {
        int have = count_children_named(ppid, comm);
        if (have == n && (n != 0 || count_zombies_of(ppid) == 0))
            return true;
        if (e2e_now_ms() >= end) {
            fprintf(stderr, "e2e: %d children of %d named %s, not %d\n", have, (int)ppid, comm, n);
            return false;
        }
    }
}

void env_go(struct tmx_env *env)
{
    (void)env; /* HOME is the test's private directory (env_setup) */
    char path[4096];
    snprintf(path, sizeof path, "%s/go", getenv("HOME"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}
