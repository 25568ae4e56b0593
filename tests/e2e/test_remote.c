/* test_remote.c - tmx -H over a real OpenSSH server on the loopback interface.
 *
 * Each test starts its own sshd on a free high port, as root, in a private mount namespace
 * where /etc/passwd is a copy giving root a home in the test's directory and /bin/sh
 * (nothing of the machine's /etc/ssh, /root or ~/.ssh is read or written), with a
 * generated host key and user key. ssh reaches it through a ProxyCommand that is this
 * test binary itself (`--link DIR PORT`): it passes bytes, delays them, freezes (nothing
 * moves, nothing is closed: a silent drop) or cuts (RST) as the file DIR/link says. The
 * "remote" tmx has its own TMX_TMPDIR, so the local server (which only answers the
 * client's question for its options) and the remote one are different servers. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cell.h"
#include "harness.h"
#include "version.h"
#include "vt.h"
#include "xmalloc.h"

/* What the remote tmx is given: a short heartbeat limit, so that a freeze is seen fast. */
#define TIMEOUT_MS 1000

struct remote_env {
    struct tmx_env *env;
    char dir[512];      /* the test's files (keys, configs, the remote TMX_TMPDIR) */
    char conf[600];     /* the local config: ssh-command, remote-command, remote-timeout */
    pid_t sshd;
    int port;
    bool local_up;      /* the local server runs (a session keeps it) */
};

/* ---- the link: ProxyCommand between ssh and sshd ---- */

enum link_mode { LINK_PASS, LINK_FREEZE, LINK_CUT };

static enum link_mode link_read_mode(const char *dir, int *delay)
{
    char path[600], buf[64] = "";
    snprintf(path, sizeof path, "%s/link", dir);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        close(fd);
    }
    *delay = 0;
    if (strncmp(buf, "freeze", 6) == 0)
        return LINK_FREEZE;
    if (strncmp(buf, "cut", 3) == 0)
        return LINK_CUT;
    if (strncmp(buf, "delay ", 6) == 0)
        *delay = atoi(buf + 6);
    return LINK_PASS;
}

/* One direction's bytes in flight, each chunk with the time it may be delivered. */
struct link_queue {
    char *data;
    size_t len;
    long long due[256];
    size_t ends[256]; /* chunk i ends at ends[i] in data */
    int n;
};

static void queue_add(struct link_queue *q, const char *buf, size_t len, long long due)
{
    q->data = realloc(q->data, q->len + len);
    memcpy(q->data + q->len, buf, len);
    q->len += len;
    if (q->n > 0 && (q->n == 256 || q->due[q->n - 1] >= due)) {
        q->ends[q->n - 1] = q->len; /* joined to the last chunk */
        return;
    }
    q->due[q->n] = due;
    q->ends[q->n] = q->len;
    q->n++;
}

/* Write what is due; false when fd is gone. */
static bool queue_flush(struct link_queue *q, int fd, long long now)
{
    size_t ready = 0;
    int chunks = 0;
    while (chunks < q->n && q->due[chunks] <= now)
        ready = q->ends[chunks++];
    if (ready == 0)
        return true;
    ssize_t w = write(fd, q->data, ready);
    if (w < 0)
        return errno == EAGAIN || errno == EINTR;
    memmove(q->data, q->data + w, q->len - (size_t)w);
    q->len -= (size_t)w;
    int keep = 0;
    for (int i = 0; i < q->n; i++) {
        if (q->ends[i] <= (size_t)w)
            continue;
        q->due[keep] = q->due[i];
        q->ends[keep] = q->ends[i] - (size_t)w;
        keep++;
    }
    q->n = keep;
    return true;
}

static int link_main(const char *dir, int port)
{
    int delay;
    enum link_mode mode = link_read_mode(dir, &delay);
    while (mode == LINK_FREEZE) { /* a link that is down: nothing answers */
        sleep_ms(10);
        mode = link_read_mode(dir, &delay);
    }
    if (mode == LINK_CUT)
        return 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(s, (struct sockaddr *)&sa, sizeof sa) != 0)
        return 1;
    /* As ssh's own socket (OpenSSH sets TCP_NODELAY on its connection): small writes
     * are not held back waiting for the peer's delayed ACK. */
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(s, F_SETFL, O_NONBLOCK);
    fcntl(STDOUT_FILENO, F_SETFL, O_NONBLOCK);
    struct link_queue up = {0}, down = {0}; /* ssh -> sshd, sshd -> ssh */
    bool in_open = true;
    char buf[65536];
    for (;;) {
        mode = link_read_mode(dir, &delay);
        if (mode == LINK_CUT) {
            struct linger lg = {1, 0}; /* RST */
            setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            close(s);
            free(up.data);
            free(down.data);
            return 1;
        }
        long long now = e2e_now_ms();
        bool frozen = mode == LINK_FREEZE;
        struct pollfd p[2] = {
            {.fd = !frozen && in_open && up.len < (1 << 20) ? STDIN_FILENO : -1, .events = POLLIN},
            {.fd = !frozen && down.len < (1 << 20) ? s : -1, .events = POLLIN},
        };
        poll(p, 2, 2);
        now = e2e_now_ms();
        if (p[0].revents & (POLLIN | POLLHUP)) {
            ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) {
                in_open = false;
                shutdown(s, SHUT_WR);
            } else
                queue_add(&up, buf, (size_t)n, now + delay / 2);
        }
        if (p[1].revents & (POLLIN | POLLHUP)) {
            ssize_t n = read(s, buf, sizeof buf);
            if (n <= 0 && !(n < 0 && errno == EAGAIN)) {
                free(up.data);
                free(down.data);
                return 0; /* sshd closed */
            }
            if (n > 0)
                queue_add(&down, buf, (size_t)n, now + delay / 2);
        }
        if (!frozen) {
            if (!queue_flush(&up, s, now) || !queue_flush(&down, STDOUT_FILENO, now)) {
                free(up.data);
                free(down.data);
                return 1;
            }
        }
    }
}

static void link_set(struct remote_env *re, const char *mode)
{
    char path[600], tmp[620];
    snprintf(path, sizeof path, "%s/link", re->dir);
    snprintf(tmp, sizeof tmp, "%s/link.tmp", re->dir);
    FILE *f = fopen(tmp, "w");
    assert_non_null(f);
    fputs(mode, f);
    fclose(f);
    assert_int_equal(rename(tmp, path), 0);
}

/* ---- setup: keys, sshd, configs ---- */

static int run_quiet(const char *const *argv)
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        fail_msg("%s: %s", path, strerror(errno));
    fputs(text, f);
    fclose(f);
}

static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    if (bind(s, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        getsockname(s, (struct sockaddr *)&sa, &len) != 0)
        fail_msg("no free port: %s", strerror(errno));
    close(s);
    return ntohs(sa.sin_port);
}

static bool port_open(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(s, (struct sockaddr *)&sa, sizeof sa) == 0;
    close(s);
    return ok;
}

/* The remote side's environment for remote-command: its own TMX_TMPDIR and HOME, and the
 * sanitizers' logs where the harness reads them. */
static char *remote_env_words(struct remote_env *re, const char *extra)
{
    const char *asan = getenv("ASAN_OPTIONS"), *ubsan = getenv("UBSAN_OPTIONS");
    return xasprintf("env TMX_TMPDIR=%s/remote HOME=%s/rhome%s%s%s%s %s %s -f /dev/null",
                     re->dir, re->dir, asan ? " ASAN_OPTIONS=" : "", asan ? asan : "",
                     ubsan ? " UBSAN_OPTIONS=" : "", ubsan ? ubsan : "", extra,
                     env_bin(re->env));
}

static int run_tmx(struct remote_env *re, char **out, char **err, const char *const *args);

/* The local config: how to reach "box" (ssh through the link) and the remote tmx. */
static void write_conf_extra(struct remote_env *re, const char *remote_command,
                             const char *extra)
{
    char *text = xasprintf("set -g ssh-command \"ssh -F %s/ssh_config\"\n"
                           "set -g remote-command '%s'\n"
                           "set -g remote-timeout %d\nset -g remote-predict off\n%s",
                           re->dir, remote_command, TIMEOUT_MS, extra);
    write_file(re->conf, text);
    free(text);
    /* The local server (kept running by remote_setup, so that each -H does not start
     * one) takes the new settings. */
    if (re->local_up) {
        const char *src[] = {"source-file", re->conf, NULL};
        assert_int_equal(run_tmx(re, NULL, NULL, src), 0);
    }
}

static void write_conf(struct remote_env *re, const char *remote_command)
{
    write_conf_extra(re, remote_command, "");
}

static struct remote_env *remote_setup(struct tmx_env *env)
{
    if (geteuid() != 0)
        fail_msg("these tests start sshd as root (CI runs as root): run them as root");
    if (access("/usr/sbin/sshd", X_OK) != 0 || access("/usr/bin/ssh-keygen", X_OK) != 0)
        fail_msg("openssh-server is not installed (.ci/packages lists it)");
    struct remote_env *re = xcalloc(1, sizeof *re);
    re->env = env;
    snprintf(re->dir, sizeof re->dir, "%s/ssh", getenv("TMX_TMPDIR"));
    snprintf(re->conf, sizeof re->conf, "%s/local.conf", re->dir);
    mkdir(re->dir, 0700);
    char path[700], path2[700];
    snprintf(path, sizeof path, "%s/remote", re->dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/rhome", re->dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/hostkey", re->dir);
    const char *hk[] = {"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path, NULL};
    assert_int_equal(run_quiet(hk), 0);
    snprintf(path2, sizeof path2, "%s/userkey", re->dir);
    const char *uk[] = {"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path2, NULL};
    assert_int_equal(run_quiet(uk), 0);
    re->port = free_port();

    /* authorized_keys, known_hosts: from the generated keys. */
    char *cmd = xasprintf("cp %s/userkey.pub %s/authorized_keys && "
                          "printf '[127.0.0.1]:%d %%s\\n' \"$(cut -d' ' -f1,2 %s/hostkey.pub)\" "
                          "> %s/known_hosts && "
                          "sed 's|^root:.*|root:x:0:0:root:%s/rhome:/bin/sh|' /etc/passwd > %s/passwd",
                          re->dir, re->dir, re->port, re->dir, re->dir, re->dir, re->dir);
    const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
    assert_int_equal(run_quiet(sh), 0);
    free(cmd);
    char *text = xasprintf("Port %d\nListenAddress 127.0.0.1\nHostKey %s/hostkey\n"
                           "AuthorizedKeysFile %s/authorized_keys\nPidFile %s/sshd.pid\n"
                           "StrictModes no\nPermitRootLogin prohibit-password\n"
                           "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                           "UsePAM no\nUseDNS no\nPrintMotd no\nLogLevel ERROR\n",
                           re->port, re->dir, re->dir, re->dir);
    snprintf(path, sizeof path, "%s/sshd_config", re->dir);
    write_file(path, text);
    free(text);
    char self[512];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    assert_true(n > 0);
    self[n] = '\0';
    /* "dead": a host whose connection closes at once (unreachable); "slow": one that
     * never answers. */
    text = xasprintf("Host dead\n  ProxyCommand /bin/false\n"
                     "Host slow\n  ProxyCommand sleep 600\n"
                     "Host *\n  HostName 127.0.0.1\n  Port %d\n  User root\n"
                     "  IdentityFile %s/userkey\n  IdentitiesOnly yes\n"
                     "  UserKnownHostsFile %s/known_hosts\n  GlobalKnownHostsFile /dev/null\n"
                     "  StrictHostKeyChecking yes\n  BatchMode yes\n  LogLevel ERROR\n"
                     "  KexAlgorithms curve25519-sha256\n  Ciphers aes128-gcm@openssh.com\n"
                     "  ProxyCommand %s --link %s %%p\n",
                     re->port, re->dir, re->dir, self, re->dir);
    snprintf(path, sizeof path, "%s/ssh_config", re->dir);
    write_file(path, text);
    free(text);
    link_set(re, "pass");

    /* sshd needs its privilege separation directory (a runtime directory, empty). */
    mkdir("/run/sshd", 0755);
    re->sshd = fork();
    if (re->sshd == 0) {
        char *inner = xasprintf("mount --bind %s/passwd /etc/passwd && "
                                "exec /usr/sbin/sshd -D -e -f %s/sshd_config",
                                re->dir, re->dir);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        char log[700];
        snprintf(log, sizeof log, "%s/sshd.log", re->dir);
        int lfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(lfd, 1);
        dup2(lfd, 2);
        execl("/usr/bin/unshare", "unshare", "-m", "/bin/sh", "-c", inner, (char *)NULL);
        _exit(127);
    }
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    while (!port_open(re->port)) {
        if (e2e_now_ms() > deadline)
            fail_msg("sshd did not start (see %s/sshd.log)", re->dir);
        sleep_ms(20);
    }
    char *words = remote_env_words(re, "");
    write_conf(re, words);
    free(words);
    /* A local server with a session: -H asks it for its settings. */
    const char *keep[] = {"-f", re->conf, "new", "-d", "-s", "local", NULL};
    assert_int_equal(run_tmx(re, NULL, NULL, keep), 0);
    re->local_up = true;
    return re;
}

/* tmx -L SOCK -f /dev/null ARGS... */
static int run_tmx(struct remote_env *re, char **out, char **err, const char *const *args)
{
    const char *argv[40] = {env_bin(re->env), "-L", env_socket_name(re->env), "-f", "/dev/null"};
    int n = 5;
    for (int i = 0; args[i] != NULL && n < 39; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    return tmx_runv(re->env, out, err, argv);
}

/* Runs the remote tmx by hand (its server, not through ssh). */
static int rtmx(struct remote_env *re, char **out, char **err, const char *const *args)
{
    char *local = xstrdup(getenv("TMX_TMPDIR")), remote[600];
    snprintf(remote, sizeof remote, "%s/remote", re->dir);
    setenv("TMX_TMPDIR", remote, 1);
    int st = run_tmx(re, out, err, args);
    setenv("TMX_TMPDIR", local, 1);
    free(local);
    return st;
}

/* The remote server goes: kill-server, spoken as the version-4 release a test may have
 * started it as (the relay of test_remote_older_protocol starts a server that speaks 4
 * alone, which refuses a version-5 kill-server: it was left running, with its keeper and
 * pane, after every run). The test fails if a server is still there. */
static void remote_teardown(struct remote_env *re)
{
    const char *kill_args[] = {"kill-server", NULL};
    char *err = NULL;
    if (rtmx(re, NULL, &err, kill_args) != 0 && strstr(err, "version mismatch") != NULL) {
        free(err);
        err = NULL;
        setenv("TMX_PROTO_VERSION", "4", 1);
        rtmx(re, NULL, &err, kill_args);
        unsetenv("TMX_PROTO_VERSION");
    }
    free(err);
    err = NULL;
    const char *ls[] = {"ls", NULL};
    if (rtmx(re, NULL, &err, ls) == 0 || strstr(err, "no server running") == NULL)
        fail_msg("the remote server is still running after kill-server: %s", err);
    free(err);
    if (re->sshd > 0) {
        kill(re->sshd, SIGTERM);
        waitpid(re->sshd, NULL, 0);
    }
    free(re);
}

/* tmx -f CONF -H box ARGS... (the harness adds -L and -f /dev/null before). */
static int htmx(struct remote_env *re, char **out, char **err, const char *const *args)
{
    const char *argv[32] = {"-f", re->conf, "-H", "box"};
    int n = 4;
    for (int i = 0; args[i] != NULL && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    return run_tmx(re, out, err, argv);
}

static char *remote_capture(struct remote_env *re, const char *target)
{
    char *out = NULL;
    const char *args[] = {"capture-pane", "-p", "-J", "-S", "-", "-t", target, NULL};
    rtmx(re, &out, NULL, args);
    return out;
}

static struct pty_client *attach_box(struct remote_env *re, const char *session)
{
    return client_start(re->env, 80, 24, "-f", re->conf, "-H", "box", "attach", "-t", session,
                        NULL);
}

/* ---- tests ---- */

/* Commands run on the remote server; several hosts get a host column; errors say what
 * went wrong in the user's words. */
static void test_remote_commands_and_errors(void **state)
{
    struct remote_env *re = remote_setup(*state);
    char *out = NULL, *err = NULL;
    const char *ls[] = {"ls", NULL};
    assert_int_equal(htmx(re, &out, &err, ls), 1);
    assert_non_null(strstr(err, "no server running"));
    free(out);
    free(err);
    const char *nw[] = {"new", "-d", "-s", "train", "sh", NULL};
    assert_int_equal(htmx(re, NULL, NULL, nw), 0);
    /* The session is on the remote server, not the local one. */
    const char *has[] = {"has-session", "-t", "train", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, has), 0);
    assert_int_equal(tmx_run(re->env, NULL, NULL, "has-session", "-t", "train", NULL), 1);
    assert_int_equal(htmx(re, &out, NULL, ls), 0);
    assert_non_null(strstr(out, "train: 1 windows"));
    free(out);
    /* tmx ls -H a -H b: both hosts (here the same sshd) with a host column. */
    assert_int_equal(tmx_run(re->env, &out, NULL, "-f", re->conf, "ls", "-H", "box", "-H",
                             "other", NULL), 0);
    assert_non_null(strstr(out, "box    train: 1 windows"));
    assert_non_null(strstr(out, "other  train: 1 windows"));
    free(out);
    /* One host unreachable: the others' lines all the same, it is named, exit 1. */
    assert_int_equal(tmx_run(re->env, &out, &err, "-f", re->conf, "ls", "-H", "dead", "-H",
                             "box", NULL), 1);
    assert_non_null(strstr(out, "box   train: 1 windows"));
    if (strstr(err, "dead is unreachable") == NULL)
        fail_msg("said: %s", err);
    free(out);
    free(err);
    /* One that never answers: given up after twice remote-timeout (at least 5 s). */
    long long t0 = e2e_now_ms();
    assert_int_equal(tmx_run(re->env, &out, &err, "-f", re->conf, "ls", "-H", "slow", "-H",
                             "box", NULL), 1);
    assert_true(e2e_now_ms() - t0 < 5000 + E2E_TIMEOUT);
    assert_non_null(strstr(out, "box   train: 1 windows"));
    if (strstr(err, "no answer from slow") == NULL)
        fail_msg("said: %s", err);
    free(out);
    free(err);
    /* The host list in the config: tmx ls -a is this server's sessions, then theirs. */
    char *w0 = remote_env_words(re, "");
    write_conf_extra(re, w0, "set -g remote-hosts 'box other'\n");
    free(w0);
    assert_int_equal(tmx_run(re->env, &out, NULL, "-f", re->conf, "ls", "-a", NULL), 0);
    if (strstr(out, "(local)  local: 1 windows") == NULL ||
        strstr(out, "box      train: 1 windows") == NULL ||
        strstr(out, "other    train: 1 windows") == NULL)
        fail_msg("tmx ls -a said: %s", out);
    assert_true(strstr(out, "(local)") < strstr(out, "box ")); /* in that order */
    free(out);
    const char *at[] = {"attach", "-t", "nosuch", NULL};
    assert_int_equal(htmx(re, NULL, &err, at), 1);
    free(err);

    /* Unreachable: the link refuses every connection. */
    link_set(re, "cut");
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "box is unreachable") == NULL)
        fail_msg("said: %s", err);
    free(err);
    link_set(re, "pass");

    /* No tmx there. */
    write_conf(re, "/nonexistent/tmx");
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "tmx is not installed on box") == NULL)
        fail_msg("said: %s", err);
    free(err);

    /* Banners and garbage before the hello (a noisy shell rc, a motd) are skipped. */
    char *words = remote_env_words(re, "");
    char *noisy = xasprintf("echo Welcome to box; printf \"\\\\001\\\\377 junk \\\\033[0m\"; exec %s",
                            words);
    write_conf(re, noisy);
    assert_int_equal(htmx(re, &out, NULL, ls), 0);
    assert_non_null(strstr(out, "train: 1 windows"));
    free(out);
    free(noisy);
    free(words);

    /* A real incompatibility says both versions and what to do. */
    words = remote_env_words(re, "TMX_PROTO_VERSION=3");
    write_conf(re, words);
    free(words);
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "speaks protocol 3-3") == NULL || strstr(err, "install the same tmx") == NULL)
        fail_msg("said: %s", err);
    free(err);
    remote_teardown(re);
}

/* A remote end that sends garbage, or half a message and then nothing: a clear error
 * within the heartbeat limit, the terminal sane, memory bounded. */
static void test_remote_bad_input(void **state)
{
    struct remote_env *re = remote_setup(*state);
    char *err = NULL;
    const char *ls[] = {"ls", NULL};
    char script[700];
    snprintf(script, sizeof script, "%s/garbage.sh", re->dir);
    write_file(script, "printf '%%tmx-stdio 4 5 0.1\\n\\001\\002\\003\\004garbage'; cat >/dev/null\n");
    chmod(script, 0700);
    char *cmd = xasprintf("sh %s", script);
    write_conf(re, cmd);
    free(cmd);
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "sent garbage") == NULL)
        fail_msg("said: %s", err);
    free(err);
    /* Half of a 1000000-byte MSG_OUTPUT, then silence. */
    snprintf(script, sizeof script, "%s/half.sh", re->dir);
    write_file(script, "printf '%%tmx-stdio 4 5 0.1\\n\\007\\000\\000\\000\\100\\102\\017\\000half'; "
                       "cat >/dev/null\n");
    cmd = xasprintf("sh %s", script);
    write_conf(re, cmd);
    free(cmd);
    long long t0 = e2e_now_ms();
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "no answer for") == NULL)
        fail_msg("said: %s", err);
    assert_true(e2e_now_ms() - t0 < 10000);
    free(err);
    /* Megabytes of something else and no hello: bounded, then named. */
    snprintf(script, sizeof script, "%s/flood.sh", re->dir);
    write_file(script, "yes 'Last login: yesterday' | head -c 8000000; cat >/dev/null\n");
    cmd = xasprintf("sh %s", script);
    write_conf(re, cmd);
    free(cmd);
    assert_int_equal(htmx(re, NULL, &err, ls), 1);
    if (strstr(err, "no tmx answered on box") == NULL || strstr(err, "Last login") == NULL)
        fail_msg("said: %s", err);
    free(err);
    snprintf(script, sizeof script, "%s/half.sh", re->dir);
    cmd = xasprintf("sh %s", script);
    write_conf(re, cmd);
    free(cmd);
    /* Attached to such an end: the same, and the terminal is given back as it was. */
    struct pty_client *c = attach_box(re, "x");
    assert_true(client_wait_exit(c, E2E_TIMEOUT) == 1);
    assert_true(client_output_contains(c, "no answer for"));
    assert_true(client_termios_restored(c));
    remote_teardown(re);
}

/* Waits until the remote server's hook log has exactly want. */
static bool wait_hook_log(struct remote_env *re, const char *want)
{
    char path[700];
    snprintf(path, sizeof path, "%s/hooks.log", re->dir);
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    char buf[512] = "";
    while (e2e_now_ms() < deadline) {
        int fd = open(path, O_RDONLY);
        ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : 0;
        buf[n > 0 ? n : 0] = '\0';
        if (fd >= 0)
            close(fd);
        if (strcmp(buf, want) == 0)
            return true;
        sleep_ms(20);
    }
    fprintf(stderr, "hook log: \"%s\", want \"%s\"\n", buf, want);
    return false;
}

/* Every counter line 1..last once, in order, in text. */
static void assert_counter_complete(const char *text, int *last)
{
    int expect = 1;
    for (const char *p = text; (p = strstr(p, "tick ")) != NULL; p += 5) {
        int v = atoi(p + 5);
        if (v != expect)
            fail_msg("counter line %d where %d was due", v, expect);
        expect++;
    }
    *last = expect - 1;
    if (*last <= 50)
        fail_msg("only %d counter lines in: %.300s", *last, text);
}

/* The link freezes (a silent drop): the notice comes within the heartbeat limit over the
 * last screen; keys typed meanwhile are dropped and counted; a resize is applied; the
 * link comes back and the same session resumes in one frame, with every line a 10 ms
 * counter printed meanwhile in its history; the server saw one detach and one attach. */
static void test_remote_attach_survives_a_frozen_link(void **state)
{
    struct remote_env *re = remote_setup(*state);
    char hooks[2048];
    snprintf(hooks, sizeof hooks,
             "set-hook -g client-attached \"run-shell 'echo attached >> %s/hooks.log'\" ; "
             "set-hook -g client-detached \"run-shell 'echo detached >> %s/hooks.log'\"",
             re->dir, re->dir);
    char *counter = xasprintf("echo READY; read x; i=0; while [ ! -e %s/stop ]; do "
                              "i=$((i+1)); echo tick $i; sleep 0.01; done; echo END; read y",
                              re->dir);
    const char *nw2[] = {"new", "-d", "-s", "main", "-x", "80", "-y", "23", counter, NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw2), 0);
    free(counter);
    const char *hl[] = {"set", "-g", "history-limit", "100000", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, hl), 0);
    char hookfile[700];
    snprintf(hookfile, sizeof hookfile, "%s/hooks.conf", re->dir);
    char *hooktext = xasprintf("%s\n", hooks);
    write_file(hookfile, hooktext);
    free(hooktext);
    const char *src[] = {"source-file", hookfile, NULL};
    assert_int_equal(rtmx(re, NULL, NULL, src), 0);

    struct pty_client *c = attach_box(re, "main");
    assert_screen(c, "READY");
    assert_true(wait_hook_log(re, "attached\n"));
    /* The remote server asks the terminal its kind and name through the link, and the
     * answer comes back (the test's terminal is tmx's own; before, only a passed
     * terminal was asked). */
    assert_true(client_output_contains(c, "\033[>c\033[>q"));
    const char *lc[] = {"list-clients", "-F", "[#{client_termtype}]", NULL};
    char *types = NULL;
    for (long long until = e2e_now_ms() + E2E_TIMEOUT; e2e_now_ms() < until; sleep_ms(20)) {
        free(types);
        types = NULL;
        if (rtmx(re, &types, NULL, lc) == 0 && strstr(types, "[tmx " TMX_VERSION "]") != NULL)
            break;
    }
    assert_non_null(strstr(types, "[tmx " TMX_VERSION "]"));
    free(types);
    client_type(c, "go\r");
    assert_screen(c, "tick 30");

    link_set(re, "freeze");
    long long t0 = e2e_now_ms();
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));
    long long detect = e2e_now_ms() - t0;
    fprintf(stderr, "remote: a frozen link was noticed in %lld ms (remote-timeout %d)\n",
            detect, TIMEOUT_MS);
    assert_true(detect < TIMEOUT_MS + 2000);
    /* The last screen is kept under the notice. */
    assert_true(client_screen_contains(c, "tick "));
    assert_true(client_wait_row(c, -1, "C-c gives up", E2E_TIMEOUT));
    client_type(c, "xyz");
    assert_true(client_wait_row(c, -1, "3 keys typed dropped", E2E_TIMEOUT));
    client_resize(c, 100, 30);
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));

    link_set(re, "pass");
    t0 = e2e_now_ms();
    /* Resumed: the notice is gone, the status line of the session is back, with the
     * new size. */
    long long deadline = e2e_now_ms() + 3 * E2E_TIMEOUT;
    while (e2e_now_ms() < deadline && !client_poll_text(c, "[main]", 100))
        ;
    assert_true(client_wait_row(c, -1, "[main]", E2E_TIMEOUT));
    fprintf(stderr, "remote: resumed %lld ms after the link came back\n", e2e_now_ms() - t0);
    assert_false(client_screen_contains(c, "reconnecting to box"));
    char *out = NULL;
    const char *cw[] = {"display", "-p", "-t", "main", "#{client_width}x#{client_height}", NULL};
    deadline = e2e_now_ms() + E2E_TIMEOUT;
    while (e2e_now_ms() < deadline) {
        free(out);
        rtmx(re, &out, NULL, cw);
        if (out != NULL && strstr(out, "100x30") != NULL)
            break;
        sleep_ms(50);
    }
    assert_non_null(strstr(out, "100x30"));
    free(out);
    assert_true(wait_hook_log(re, "attached\ndetached\nattached\n"));

    /* Stop the counter; every line once, in order; the dropped keys never reached it. */
    char stop[700];
    snprintf(stop, sizeof stop, "%s/stop", re->dir);
    write_file(stop, "");
    assert_screen(c, "END");
    char *text = remote_capture(re, "main");
    int last = 0;
    assert_counter_complete(text, &last);
    assert_null(strstr(text, "xyz"));
    free(text);

    /* Detaching ends the client as usual. */
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "detached"));
    assert_true(client_termios_restored(c));
    remote_teardown(re);
}

/* The link is cut (RST) and the remote server restarted meanwhile: the client attaches
 * to the session of the same name; cut again with the session gone, it says so, exits 1
 * and gives the terminal back. C-c during an outage gives up. */
static void test_remote_cut_server_restart_and_give_up(void **state)
{
    struct remote_env *re = remote_setup(*state);
    const char *nw[] = {"new", "-d", "-s", "main", "echo FIRST; exec sh", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw), 0);
    struct pty_client *c = attach_box(re, "main");
    assert_screen(c, "FIRST");

    link_set(re, "cut");
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));
    assert_true(client_screen_contains(c, "FIRST"));
    const char *ks[] = {"kill-server", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, ks), 0);
    const char *nw2[] = {"new", "-d", "-s", "main", "echo SECOND; exec sh", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw2), 0);
    link_set(re, "pass");
    assert_true(client_wait_text(c, "SECOND", 3 * E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "FIRST"));

    link_set(re, "cut");
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));
    assert_int_equal(rtmx(re, NULL, NULL, ks), 0);
    const char *nw3[] = {"new", "-d", "-s", "other", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw3), 0);
    link_set(re, "pass");
    assert_int_equal(client_wait_exit(c, 3 * E2E_TIMEOUT), 1);
    assert_true(client_output_contains(c, "the session main is gone on box"));
    assert_true(client_termios_restored(c));

    /* Give up: frozen, C-c. */
    struct pty_client *c2 = attach_box(re, "other");
    assert_true(client_wait_row(c2, -1, "[other]", E2E_TIMEOUT));
    link_set(re, "freeze");
    assert_true(client_wait_row(c2, -1, "reconnecting to box", E2E_TIMEOUT));
    client_type(c2, "\003");
    assert_int_equal(client_wait_exit(c2, E2E_TIMEOUT), 1);
    assert_true(client_output_contains(c2, "gave up reconnecting to box"));
    assert_true(client_termios_restored(c2));
    link_set(re, "pass");
    remote_teardown(re);
}

/* A remote tmx one release older (protocol 4 only, simulated): attaching works, and so
 * does reattaching after a cut (without MSG_SESSION, the command as given); and a local
 * client one release older than the remote tmx, the same. */
static void test_remote_older_protocol(void **state)
{
    struct remote_env *re = remote_setup(*state);
    char *words = remote_env_words(re, "TMX_PROTO_VERSION=4");
    write_conf(re, words);
    free(words);
    struct pty_client *c = client_start(re->env, 80, 24, "-f", re->conf, "-H", "box", "new",
                                        "-s", "old", "echo OLDPROTO; exec sh", NULL);
    assert_screen(c, "OLDPROTO");
    link_set(re, "cut");
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));
    link_set(re, "pass");
    assert_true(client_wait_row(c, -1, "[old]", 3 * E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));

    /* The other way round: this client one release older (4) than the remote tmx (5). */
    words = remote_env_words(re, "");
    write_conf(re, words);
    free(words);
    setenv("TMX_PROTO_VERSION", "4", 1);
    c = attach_box(re, "old");
    unsetenv("TMX_PROTO_VERSION");
    assert_true(client_wait_row(c, -1, "[old]", 3 * E2E_TIMEOUT));
    link_set(re, "cut");
    assert_true(client_wait_row(c, -1, "reconnecting to box", E2E_TIMEOUT));
    link_set(re, "pass");
    assert_true(client_wait_row(c, -1, "[old]", 3 * E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));
    remote_teardown(re);
}

/* The remote server's clients of session reach want (within the e2e limit). */
static bool wait_remote_clients(struct remote_env *re, const char *session, int want)
{
    const char *lc[] = {"list-clients", "-t", session, NULL};
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    int have = -1;
    while (e2e_now_ms() < deadline) {
        char *out = NULL;
        rtmx(re, &out, NULL, lc);
        have = out != NULL ? count_lines(out) : 0;
        free(out);
        if (have == want)
            return true;
        sleep_ms(50);
    }
    fprintf(stderr, "remote clients of %s: %d, want %d\n", session, have, want);
    return false;
}

/* A laptop that slept: the client is stopped (SIGSTOP) well past remote-timeout, so the
 * remote end gives it up (the server sees the detach); once continued it sees the silence
 * on its own clock, reconnects at once and the session is back, keys working. */
static void test_remote_suspended_client(void **state)
{
    struct remote_env *re = remote_setup(*state);
    const char *nw[] = {"new", "-d", "-s", "nap", "echo NAPPING; exec sh", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw), 0);
    struct pty_client *c = attach_box(re, "nap");
    assert_screen(c, "NAPPING");
    assert_true(client_wait_row(c, -1, "[nap]", E2E_TIMEOUT));
    assert_true(wait_remote_clients(re, "nap", 1));
    client_signal(c, SIGSTOP);
    assert_true(wait_remote_clients(re, "nap", 0)); /* the relay heard nothing: it left */
    sleep_ms(TIMEOUT_MS); /* the scenario: asleep a while longer (not a wait for something) */
    long long t0 = e2e_now_ms();
    client_signal(c, SIGCONT);
    assert_true(wait_remote_clients(re, "nap", 1));
    fprintf(stderr, "remote: attached again %lld ms after waking\n", e2e_now_ms() - t0);
    assert_true(client_wait_row(c, -1, "[nap]", E2E_TIMEOUT));
    client_type(c, "echo AWAKE-$((6*7))\r");
    assert_screen(c, "AWAKE-42");
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));
    remote_teardown(re);
}

/* tmx -C -H box attach: control mode over ssh. Command lines go to the remote server and
 * its %begin/%end blocks and %output come back; detach ends it with %exit and status 0.
 * A link that freezes ends it with %exit and the reason, status 1 (no reconnect: the
 * program reading the stream decides), the terminal as it was. */
static void test_remote_control_mode(void **state)
{
    struct remote_env *re = remote_setup(*state);
    const char *nw[] = {"new", "-d", "-s", "ctl", "echo CTLPANE; exec cat", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw), 0);
    /* The pane's shell has become cat (the answer below names it) before it is asked. */
    const char *cur[] = {"display", "-p", "-t", "ctl", "#{pane_current_command}", NULL};
    for (long long until = e2e_now_ms() + E2E_TIMEOUT;; sleep_ms(50)) {
        char *out = NULL;
        rtmx(re, &out, NULL, cur);
        bool cat = out != NULL && strcmp(out, "cat\n") == 0;
        free(out);
        if (cat)
            break;
        assert_true(e2e_now_ms() < until);
    }
    struct pty_client *c = client_start(re->env, 80, 24, "-f", re->conf, "-C", "-H", "box",
                                        "attach", "-t", "ctl", NULL);
    client_type(c, "display-message -p 'on:#{session_name}:#{pane_current_command}'\r");
    assert_true(client_wait_text(c, "on:ctl:cat", E2E_TIMEOUT));
    assert_true(client_output_contains(c, "%begin "));
    assert_true(client_output_contains(c, "%end "));
    /* The remote pane's output arrives as %output. */
    client_type(c, "send-keys -t ctl remote-echo Enter\r");
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    while (!client_output_contains(c, "%output %0 remote-echo") && e2e_now_ms() < deadline)
        client_pump(c, 20);
    assert_true(client_output_contains(c, "%output %0 remote-echo"));
    client_type(c, "detach-client\r");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "%exit"));
    assert_true(client_termios_restored(c));

    /* Frozen link: %exit with why, status 1. */
    c = client_start(re->env, 80, 24, "-f", re->conf, "-C", "-H", "box", "attach", "-t", "ctl",
                     NULL);
    client_type(c, "display-message -p 'again:#{session_name}'\r");
    assert_true(client_wait_text(c, "again:ctl", E2E_TIMEOUT));
    link_set(re, "freeze");
    assert_int_equal(client_wait_exit(c, TIMEOUT_MS + E2E_TIMEOUT), 1);
    if (!client_output_contains(c, "%exit the link to box was lost: no answer for")) {
        client_dump(c);
        fail_msg("no %%exit with the reason");
    }
    assert_true(client_termios_restored(c));
    link_set(re, "pass");
    /* Several hosts and control mode: refused, in words. */
    char *err = NULL;
    assert_int_equal(tmx_run(re->env, NULL, &err, "-f", re->conf, "-C", "-H", "box", "-H",
                             "other", "ls", NULL), 1);
    assert_non_null(strstr(err, "control mode talks to one host"));
    free(err);
    remote_teardown(re);
}

/* The session chooser (choose-tree) lists the sessions of the remote-hosts hosts under
 * this server's, an unreachable one saying so; Enter on one attaches this terminal to it
 * (tmx -H box attach), and detaching from it ends the client as usual. */
static void test_remote_chooser(void **state)
{
    struct remote_env *re = remote_setup(*state);
    const char *nw[] = {"new", "-d", "-s", "far", "echo FARPANE; exec sh", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw), 0);
    char *words = remote_env_words(re, "");
    write_conf_extra(re, words, "set -g remote-hosts box,dead\n");
    free(words);
    struct pty_client *c = client_start(re->env, 100, 30, "attach", "-t", "local", NULL);
    assert_true(client_wait_row(c, -1, "[local]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "s");
    assert_true(client_wait_text(c, "(box) far: 1 windows", 2 * E2E_TIMEOUT));
    assert_true(client_wait_text(c, "(dead) tmx: dead is unreachable", 2 * E2E_TIMEOUT));
    assert_true(client_screen_contains(c, "local: 1 windows (attached)"));
    /* The first row is this server's session; the next, box's. */
    client_keys(c, "j");
    assert_true(client_wait_text(c, "far on box (Enter: tmx -H box attach)", E2E_TIMEOUT));
    client_keys(c, "\r");
    assert_true(client_wait_row(c, -1, "[far]", 2 * E2E_TIMEOUT));
    assert_true(client_wait_text(c, "FARPANE", E2E_TIMEOUT));
    const char *lc[] = {"list-clients", "-t", "far", NULL};
    char *out = NULL;
    assert_int_equal(rtmx(re, &out, NULL, lc), 0);
    assert_true(count_lines(out) == 1); /* the remote server has this terminal now */
    free(out);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));
    remote_teardown(re);
}

/* Where ch is shown on the client's screen: true with its underline flag. */
static bool find_char(struct pty_client *c, char ch, bool *underlined)
{
    client_pump(c, 0);
    const struct vt *vt = client_vt(c);
    for (int y = 0; y < vt_rows(vt); y++) {
        for (int x = 0; x < vt_cols(vt); x++) {
            const struct grid_cell *gc = vt_cell(vt, x, y);
            if (gc != NULL && gc->ch == (uint32_t)(unsigned char)ch) {
                *underlined = (gc->attr & ATTR_UNDERLINE) != 0;
                return true;
            }
        }
    }
    return false;
}

/* remote-predict on, 400 ms round trip: a key typed at a prompt that echoes shows at once,
 * underlined, then plain once the echo came; at a prompt with echo off, or in the
 * alternate screen, nothing is shown before the server; a prediction the program does not
 * echo is withdrawn. */
static void test_remote_predictive_echo(void **state)
{
    struct remote_env *re = remote_setup(*state);
    char *words = remote_env_words(re, "");
    write_conf_extra(re, words, "set -g remote-predict on\n");
    free(words);
    const char *s1[] = {"new", "-d", "-s", "p", "echo ECHOING; exec cat", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, s1), 0);
    link_set(re, "delay 400");
    struct pty_client *c = attach_box(re, "p");
    assert_screen(c, "ECHOING");
    sleep_ms(1500); /* a few heartbeats: the round trip is known */
    long long t0 = e2e_now_ms();
    client_type(c, "q");
    bool ul = false;
    while (!find_char(c, 'q', &ul) && e2e_now_ms() - t0 < 5000)
        client_pump(c, 5);
    long long shown = e2e_now_ms() - t0;
    fprintf(stderr, "remote: a predicted key showed in %lld ms at a 400 ms round trip\n", shown);
    assert_true(shown < 200);
    assert_true(ul);
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    while (find_char(c, 'q', &ul) && ul && e2e_now_ms() < deadline)
        client_pump(c, 20);
    assert_true(find_char(c, 'q', &ul));
    assert_false(ul); /* confirmed: the server's echo, plain */
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    /* Echo off at a canonical prompt (a password): never shown before the server. */
    const char *s2[] = {"new", "-d", "-s", "pw", "stty -echo; echo SECRET; read x; echo got:$x; "
                        "exec cat", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, s2), 0);
    c = attach_box(re, "pw");
    assert_screen(c, "SECRET");
    sleep_ms(500);
    client_type(c, "s");
    client_pump(c, 1000);
    assert_false(find_char(c, 's', &ul) && strstr(client_screen_row(c, 1), "s") != NULL);
    assert_false(client_output_contains(c, "\033[0;4ms"));
    client_type(c, "\r");
    assert_screen(c, "got:s");
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    /* The alternate screen: never. */
    const char *s3[] = {"new", "-d", "-s", "alt", "printf '\\033[?1049hALTSCREEN\\n'; exec cat",
                        NULL};
    assert_int_equal(rtmx(re, NULL, NULL, s3), 0);
    c = attach_box(re, "alt");
    assert_screen(c, "ALTSCREEN");
    sleep_ms(500);
    client_type(c, "z");
    client_pump(c, 1000);
    assert_false(client_output_contains(c, "\033[0;4mz"));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    /* A program that reads keys itself and does not echo this one: withdrawn. */
    const char *s4[] = {"new", "-d", "-s", "raw", "stty -icanon -echo; echo RAWMODE; "
                        "exec cat >/dev/null", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, s4), 0);
    c = attach_box(re, "raw");
    assert_screen(c, "RAWMODE");
    sleep_ms(1500);
    client_type(c, "k");
    t0 = e2e_now_ms();
    while (!find_char(c, 'k', &ul) && e2e_now_ms() - t0 < 2000)
        client_pump(c, 5);
    assert_true(find_char(c, 'k', &ul)); /* predicted... */
    deadline = e2e_now_ms() + E2E_TIMEOUT;
    while (find_char(c, 'k', &ul) && e2e_now_ms() < deadline)
        client_pump(c, 20);
    assert_false(find_char(c, 'k', &ul)); /* ...and taken back */
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    link_set(re, "pass");
    remote_teardown(re);
}

/* ---- benchmark (not a test: e2e_test_remote --bench, numbers for docs/remote.md) ---- */

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* Keystroke to echo on the client's terminal, n times, in microseconds. */
static void echo_times(struct pty_client *c, int n, long long *us)
{
    for (int i = 0; i < n; i++) {
        size_t before;
        client_output(c, &before);
        long long t0 = now_us();
        client_type(c, "x");
        for (;;) {
            size_t len;
            const char *out = client_output(c, &len);
            if (len > before && memchr(out + before, 'x', len - before) != NULL)
                break;
            if (now_us() - t0 > 10000000)
                fail_msg("no echo in 10 s");
            client_pump(c, 1);
        }
        us[i] = now_us() - t0;
        sleep_ms(30);
    }
    qsort(us, (size_t)n, sizeof *us, cmp_ll);
}

/* The remote session the benchmarks attach to: a full screen (for the bytes a resume
 * costs), then cat echoing keys. */
static struct remote_env *bench_setup(void **state)
{
    struct remote_env *re = remote_setup(*state);
    const char *nw[] = {"new", "-d", "-s", "bench", "-x", "80", "-y", "23",
                        "i=0; while [ $i -lt 30 ]; do i=$((i+1)); echo \"line $i: the quick brown "
                        "fox jumps over the lazy dog, then over it again, and again\"; done; "
                        "exec cat", NULL};
    assert_int_equal(rtmx(re, NULL, NULL, nw), 0);
    return re;
}

/* Echo through tmx -H (without and with remote-predict) and through ssh -t + tmx attach,
 * at one added round trip. */
static void bench_echo(void **state, int delay)
{
    struct remote_env *re = bench_setup(state);
    char mode[32];
    snprintf(mode, sizeof mode, "delay %d", delay);
    link_set(re, mode);
    /* Enough keys that p99 is not the slowest one (200: the second slowest). */
    int n = delay >= 200 ? 100 : 200;
    long long a[200], b[200], pr[200];
    struct pty_client *c = attach_box(re, "bench");
    assert_true(client_wait_row(c, -1, "[bench]", 3 * E2E_TIMEOUT));
    echo_times(c, n, a);
    client_keys(c, KEY_PREFIX "d");
    client_wait_exit(c, E2E_TIMEOUT);
    char *words = remote_env_words(re, "");
    write_conf_extra(re, words, "set -g remote-predict on\n");
    c = attach_box(re, "bench");
    assert_true(client_wait_row(c, -1, "[bench]", 3 * E2E_TIMEOUT));
    sleep_ms(1000); /* heartbeats: the round trip is known */
    echo_times(c, n, pr);
    client_keys(c, KEY_PREFIX "d");
    client_wait_exit(c, E2E_TIMEOUT);
    char *remote = xasprintf("%s -L %s attach -t bench", words, env_socket_name(re->env));
    char cfg[700];
    snprintf(cfg, sizeof cfg, "%s/ssh_config", re->dir);
    const char *argv[] = {"/usr/bin/ssh", "-F", cfg, "-t", "box", remote, NULL};
    struct pty_client *s = pty_start(re->env, 80, 24, argv);
    assert_true(client_wait_row(s, -1, "[bench]", 3 * E2E_TIMEOUT));
    echo_times(s, n, b);
    client_keys(s, KEY_PREFIX "d");
    client_wait_exit(s, E2E_TIMEOUT);
    free(words);
    free(remote);
    printf("echo +%3d ms RTT (n=%d): tmx -H p50 %6.2f p99 %6.2f ms | remote-predict p50 %6.2f "
           "p99 %6.2f ms | ssh -t + tmx attach p50 %6.2f p99 %6.2f ms\n", delay, n,
           a[n / 2] / 1000.0, a[(n * 99) / 100] / 1000.0, pr[n / 2] / 1000.0,
           pr[(n * 99) / 100] / 1000.0, b[n / 2] / 1000.0, b[(n * 99) / 100] / 1000.0);
    fflush(stdout);
    link_set(re, "pass");
    remote_teardown(re);
}

static void bench_echo_0(void **state)
{
    bench_echo(state, 0);
}

static void bench_echo_50(void **state)
{
    bench_echo(state, 50);
}

static void bench_echo_200(void **state)
{
    bench_echo(state, 200);
}

/* Detect, resume, bytes on resume, at this test's remote-timeout. */
static void bench_resume(void **state)
{
    struct remote_env *re = bench_setup(state);
    char *words = remote_env_words(re, "");
    for (int round = 0; round < 3; round++) {
        /* The last round at the default remote-timeout. */
        int timeout = round < 2 ? TIMEOUT_MS : 6000;
        if (round == 2)
            write_conf_extra(re, words, "set -g remote-timeout 6000\n");
        struct pty_client *c = attach_box(re, "bench");
        assert_true(client_wait_row(c, -1, "[bench]", 3 * E2E_TIMEOUT));
        link_set(re, "freeze");
        long long t0 = e2e_now_ms();
        assert_true(client_wait_row(c, -1, "reconnecting to box", 3 * E2E_TIMEOUT));
        long long detect = e2e_now_ms() - t0;
        /* Wait for an attempt to hang on the frozen link, then give it back. */
        assert_true(client_wait_row(c, -1, "connecting", 3 * E2E_TIMEOUT));
        size_t before;
        client_output(c, &before);
        link_set(re, "pass");
        t0 = e2e_now_ms();
        assert_true(client_wait_row(c, -1, "[bench]", 3 * E2E_TIMEOUT));
        long long resume = e2e_now_ms() - t0;
        client_pump(c, 200);
        size_t after;
        client_output(c, &after);
        printf("remote-timeout %d ms: silent drop noticed in %lld ms; link back -> screen "
               "resumed in %lld ms; %zu bytes to the terminal on resume (80x24)\n",
               timeout, detect, resume, after - before);
        fflush(stdout);
        client_keys(c, KEY_PREFIX "d");
        client_wait_exit(c, E2E_TIMEOUT);
    }
    free(words);
    remote_teardown(re);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--link") == 0)
        return link_main(argv[2], atoi(argv[3])); /* ssh's ProxyCommand */
    if (argc == 2 && strcmp(argv[1], "--bench") == 0) {
        const struct CMUnitTest bench[] = {
            cmocka_unit_test_setup_teardown(bench_echo_0, e2e_setup, e2e_teardown),
            cmocka_unit_test_setup_teardown(bench_echo_50, e2e_setup, e2e_teardown),
            cmocka_unit_test_setup_teardown(bench_echo_200, e2e_setup, e2e_teardown),
            cmocka_unit_test_setup_teardown(bench_resume, e2e_setup, e2e_teardown),
        };
        return cmocka_run_group_tests(bench, NULL, NULL);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_remote_commands_and_errors, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_bad_input, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_attach_survives_a_frozen_link, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_cut_server_restart_and_give_up, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_older_protocol, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_predictive_echo, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_control_mode, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_chooser, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_remote_suspended_client, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
