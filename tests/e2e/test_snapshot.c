/* test_snapshot.c - end-to-end: the server's sessions survive a reboot (issue 20). A
 * server with two sessions, three windows, a split window with a resized layout,
 * scrollback, directories and a session variable writes its snapshot; the server and
 * every pane's program are killed (what a reboot does); `tmx resurrect` brings back
 * names, layouts, directories, scrollback and the variable, starts the shell again and
 * shows "press Enter to run: CMD" before running a command again (Enter runs it). A
 * snapshot cut at many offsets restores what it holds and says what it could not. */
#include "harness.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/sockios.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}

static bool contains(const char *buf, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= len; i++)
        if (memcmp(buf + i, needle, m) == 0)
            return true;
    return false;
}

/* Waits until the snapshot file holds every needle (text of lines is stored as is). */
static bool wait_snapshot(const char *path, const char *const *needles, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    do {
        size_t len = 0;
        char *buf = read_file(path, &len);
        bool all = buf != NULL;
        for (size_t i = 0; all && needles[i] != NULL; i++)
            all = contains(buf, len, needles[i]);
        free(buf);
        if (all)
            return true;
        sleep_ms(50);
    } while (e2e_now_ms() < end);
    return false;
}

static int count_file_lines(const char *path)
{
    char *buf = read_file(path, NULL);
    int n = buf != NULL ? count_lines(buf) : 0;
    free(buf);
    return n;
}

static bool wait_file_lines(const char *path, int want, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    while (count_file_lines(path) != want) {
        if (e2e_now_ms() > end)
            return false;
        sleep_ms(20);
    }
    return true;
}

/* stdout of a command that must succeed (caller frees). */
static char *run_out(struct tmx_env *env, const char *const *args)
{
    const char *argv[32] = {env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null"};
    for (int i = 0; args[i] != NULL && i < 26; i++)
        argv[5 + i] = args[i];
    char *out = NULL;
    assert_int_equal(tmx_runv(env, &out, NULL, argv), 0);
    return out;
}
#define output(env, ...) run_out((env), (const char *const[]){__VA_ARGS__, NULL})

/* Kill the server and every pane's program (SIGKILL: nothing can write a last
 * snapshot), as a reboot does. */
static void simulate_reboot(struct tmx_env *env)
{
    char *pids = output(env, "list-panes", "-a", "-F", "#{pane_pid}");
    char *spid = output(env, "display", "-p", "#{pid}");
    pid_t server = (pid_t)strtol(spid, NULL, 10);
    free(spid);
    assert_true(server > 0);
    /* The keeper (the programs' parent) goes first, as everything does in a reboot. */
    pid_t keeper = e2e_parent_pid((pid_t)strtol(pids, NULL, 10));
    if (keeper > 1 && keeper != server)
        kill(keeper, SIGKILL);
    kill(server, SIGKILL);
    for (char *p = pids; *p != '\0';) {
        long pid = strtol(p, &p, 10);
        if (pid > 0)
            kill(-(pid_t)pid, SIGKILL);
        while (*p == '\n')
            p++;
    }
    free(pids);
    char path[512];
    env_socket_path(env, path, sizeof path);
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (tmx_run(env, NULL, NULL, "has-session", NULL) == 0 && e2e_now_ms() < end)
        sleep_ms(20);
}

/* A server with sessions "one" (window 0: a shell in d1 that printed 1..300, beside a
 * command in d2, resized; window 1 "named") and "two" (window "logs": 1000..1100, FOO
 * set), snapshotted. Returns the snapshot's path in path. */
static void build_and_snapshot(struct tmx_env *env, char *path, size_t size, char *layout,
                               size_t lsize)
{
    const char *home = getenv("HOME");
    char d1[512], d2[512], cmd[1024];
    snprintf(d1, sizeof d1, "%s/d1", home);
    snprintf(d2, sizeof d2, "%s/d2", home);
    mkdir(d1, 0700);
    mkdir(d2, 0700);
    snprintf(path, size, "%s/.local/state/tmx/%s.snap", home, env_socket_name(env));
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "one", "-x", "80", "-y", "24",
                             "-c", d1, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "snapshot-interval", "1", NULL), 0);
    /* Typed once the shell shows its prompt: typed before, the line is echoed by the
     * terminal and the prompt printed after it, so "1" would follow "# " on one row. */
    assert_capture(env, "one:0", "#");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "one:0", "seq 1 300", "Enter",
                             NULL), 0);
    assert_capture(env, "one:0", "300");
    /* It asks for the kitty keyboard's "every key as an escape code" (8): a restored
     * prompt must not inherit that, or Enter would not reach its read. */
    snprintf(cmd, sizeof cmd,
             "sh -c 'echo run >> %s/runs; echo started-$((6*7)); printf \"\\033[>8u\"; "
             "exec sleep 1000'",
             home);
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-h", "-t", "one:0", "-c", d2, cmd,
                             NULL), 0);
    assert_capture(env, "one:0.1", "started-42");
    assert_int_equal(tmx_run(env, NULL, NULL, "resize-pane", "-t", "one:0.1", "-x", "50", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "one:1", "-n", "named",
                             NULL), 0);
    /* A name of its own (automatic-rename off, kept): not the name of whatever runs. */
    assert_int_equal(tmx_run(env, NULL, NULL, "rename-window", "-t", "one:0", "main", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "two", "-x", "80", "-y", "24",
                             "-n", "logs",
                             "seq 1000 1100; "
                             "printf '\\033]8;;https://tmx.example/\\007linked\\033]8;;\\007\\n'; "
                             "echo END-OF-LOGS; exec sleep 1000", NULL),
                     0);
    assert_capture(env, "two:0", "END-OF-LOGS");
    assert_int_equal(tmx_run(env, NULL, NULL, "set-environment", "-t", "two", "FOO", "bar", NULL),
                     0);
    char *out = output(env, "display", "-p", "-t", "one:0", "#{window_layout}");
    snprintf(layout, lsize, "%s", out);
    free(out);
    /* The last change, written in the same tick as everything before it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "rename-window", "-t", "two:0", "logs-final", NULL),
                     0);
    const char *needles[] = {"logs-final", "END-OF-LOGS", "started-42", "FOO", "1100", NULL};
    assert_true(wait_snapshot(path, needles, E2E_TIMEOUT));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/.local/state/tmx", home);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
}

static void test_resurrect_after_a_reboot(void **state)
{
    struct tmx_env *env = *state;
    char path[512], layout[512];
    build_and_snapshot(env, path, sizeof path, layout, sizeof layout);
    simulate_reboot(env);
    const char *home = getenv("HOME");
    char runs[600];
    snprintf(runs, sizeof runs, "%s/runs", home);
    assert_int_equal(count_file_lines(runs), 1);

    char *out = NULL, *err = NULL;
    assert_int_equal(tmx_run(env, &out, &err, "resurrect", NULL), 0);
    assert_string_equal(out, "resurrected 2 sessions\n");
    free(out);
    free(err);
    out = output(env, "list-windows", "-a", "-F", "#{session_name}:#{window_index}:#{window_name}");
    assert_string_equal(out, "one:0:main\none:1:named\ntwo:0:logs-final\n");
    free(out);
    out = output(env, "display", "-p", "-t", "one:0", "#{window_layout}");
    assert_string_equal(out, layout);
    free(out);
    /* The shell is started again at once, in its directory, with its scrollback. */
    char want[600];
    snprintf(want, sizeof want, "%s/d1\n", home);
    out = output(env, "display", "-p", "-t", "one:0.0", "#{pane_current_path}");
    assert_string_equal(out, want);
    free(out);
    out = output(env, "capture-pane", "-p", "-S", "-", "-t", "one:0.0");
    if (strstr(out, "\n1\n2\n3\n") == NULL || strstr(out, "\n299\n300\n") == NULL)
        fail_msg("scrollback of one:0.0 not restored:\n%s", out);
    free(out);
    out = output(env, "capture-pane", "-p", "-S", "-", "-t", "two:0");
    assert_non_null(strstr(out, "1000\n1001\n"));
    assert_non_null(strstr(out, "1100\nlinked\nEND-OF-LOGS\n"));
    free(out);
    /* The hyperlink of a line comes back with it (the vt's state: docs/protocol.md). */
    out = output(env, "capture-pane", "-p", "-e", "-S", "-", "-t", "two:0");
    if (strstr(out, "\033]8;;https://tmx.example/\033\\linked") == NULL)
        fail_msg("the hyperlink of two:0 was not restored:\n%s", out);
    free(out);
    out = output(env, "show-environment", "-t", "two", "FOO");
    assert_string_equal(out, "FOO=bar\n");
    free(out);
    /* The command waits for Enter: not run again until then. */
    assert_capture(env, "one:0.1", "press Enter to run: sh -c 'echo");
    snprintf(want, sizeof want, "%s/d2\n", home);
    out = output(env, "display", "-p", "-t", "one:0.1", "#{pane_current_path}");
    assert_string_equal(out, want);
    free(out);
    assert_int_equal(count_file_lines(runs), 1);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "one:0.1", "Enter", NULL), 0);
    assert_true(wait_file_lines(runs, 2, E2E_TIMEOUT));
    /* Nothing left to resurrect. */
    out = output(env, "ls");
    assert_null(strstr(out, "resurrectable"));
    free(out);
}

/* ls lists what a dead server left apart from the live sessions (with no server running
 * too). */
static void test_ls_lists_resurrectable_sessions(void **state)
{
    struct tmx_env *env = *state;
    char path[512], layout[512];
    build_and_snapshot(env, path, sizeof path, layout, sizeof layout);
    simulate_reboot(env);
    /* No server: ls says so, and lists what the dead one left. */
    char *err = NULL, *out = NULL;
    assert_int_equal(tmx_run(env, &out, &err, "ls", NULL), 1);
    assert_non_null(strstr(err, "no server running"));
    assert_non_null(strstr(out, "one: 2 windows (saved "));
    assert_non_null(strstr(out, "two: 1 windows (saved "));
    free(out);
    free(err);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "fresh", NULL), 0);
    out = output(env, "ls", "-F", "#{session_name}");
    assert_string_equal(out, "fresh\n");
    free(out);
    out = output(env, "ls");
    assert_non_null(strstr(out, "fresh: 1 windows"));
    assert_non_null(strstr(out, "one: 2 windows (saved "));
    assert_non_null(strstr(out, "two: 1 windows (saved "));
    assert_non_null(strstr(out, "[resurrectable]"));
    free(out);
}

/* resurrect-on-start: the first server after a reboot brings the sessions back by itself,
 * once its config file (which sets the option) has run. A window with resurrect-restart
 * on runs its command again at once, without the prompt. */
static void test_resurrect_on_start(void **state)
{
    struct tmx_env *env = *state;
    char path[512], layout[512];
    build_and_snapshot(env, path, sizeof path, layout, sizeof layout);
    /* Written by the snapshot's timer, which the command itself wakes. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "one:0", "resurrect-restart",
                             "on", NULL),
                     0);
    const char *needles[] = {"resurrect-restart", NULL};
    assert_true(wait_snapshot(path, needles, E2E_TIMEOUT));
    simulate_reboot(env);
    char runs[600];
    snprintf(runs, sizeof runs, "%s/runs", getenv("HOME"));
    assert_int_equal(count_file_lines(runs), 1);
    char conf[600];
    snprintf(conf, sizeof conf, "%s/resurrect.conf", getenv("HOME"));
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fputs("set -g resurrect-on-start on\n", f);
    fclose(f);
    assert_int_equal(tmx_run(env, NULL, NULL, "-f", conf, "new", "-d", "-s", "fresh", NULL), 0);
    char *out = NULL;
    for (long long end = e2e_now_ms() + E2E_TIMEOUT;; sleep_ms(20)) {
        free(out);
        out = output(env, "ls", "-F", "#{session_name}");
        if (strcmp(out, "fresh\none\ntwo\n") == 0 || e2e_now_ms() > end)
            break;
    }
    assert_string_equal(out, "fresh\none\ntwo\n");
    free(out);
    out = output(env, "display", "-p", "-t", "one:0", "#{window_layout}");
    assert_string_equal(out, layout);
    free(out);
    assert_true(wait_file_lines(runs, 2, E2E_TIMEOUT));
    assert_capture(env, "one:0.1", "started-42");
    out = output(env, "capture-pane", "-p", "-t", "one:0.1");
    assert_null(strstr(out, "press Enter"));
    free(out);
    /* Taken: nothing is left to resurrect. */
    out = output(env, "ls");
    assert_null(strstr(out, "resurrectable"));
    free(out);
}

/* Whether the server (pid server) cannot send one more byte to the client whose process
 * is pid client: the socket it writes to has as much in flight as its send buffer holds
 * (SIOCOUTQ >= SO_SNDBUF), read on a copy of the server's descriptor (pidfd_getfd),
 * found by its peer's pid (SO_PEERCRED). */
static bool server_queue_full(pid_t server, pid_t client)
{
    int pidfd = (int)syscall(SYS_pidfd_open, server, 0);
    assert_true(pidfd >= 0);
    char dirpath[64];
    snprintf(dirpath, sizeof dirpath, "/proc/%ld/fd", (long)server);
    DIR *d = opendir(dirpath);
    assert_non_null(d);
    bool full = false, found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        int fd = (int)syscall(SYS_pidfd_getfd, pidfd, atoi(e->d_name), 0);
        if (fd < 0)
            continue;
        struct ucred cred;
        socklen_t len = sizeof cred;
        int sndbuf = 0, outq = 0;
        socklen_t blen = sizeof sndbuf;
        if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.pid == client &&
            getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &blen) == 0 &&
            ioctl(fd, SIOCOUTQ, &outq) == 0) {
            found = true;
            full = outq >= sndbuf;
        }
        close(fd);
    }
    closedir(d);
    close(pidfd);
    return full;
}

/* kill-server takes the server's snapshot away before it answers. It went only once the
 * server had left its loop (flushed its clients, up to 2 s), and a server started in
 * between by the next command took it for a dead server's sessions: a killed session came
 * back (seen in CI). The old server is still leaving when the check runs: an attached
 * client that relays its frames over its socket (TMX_NO_TTY_PASS), stopped while its pane
 * floods, until the server's socket to it is full: its MSG_EXIT cannot leave (a server
 * that removed the snapshot as it left its loop still had it when kill-server answered).
 * The new server's panes get a keeper of their own. */
static void test_killed_server_leaves_nothing_behind(void **state)
{
    struct tmx_env *env = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/.local/state/tmx/%s.snap", getenv("HOME"),
             env_socket_name(env));
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "one", "-x", "80", "-y", "24",
                             "seq 1 1000000000", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "snapshot-interval", "1", NULL), 0);
    const char *needles[] = {"one", NULL};
    assert_true(wait_snapshot(path, needles, E2E_TIMEOUT));
    setenv("TMX_NO_TTY_PASS", "1", 1);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "one", NULL);
    unsetenv("TMX_NO_TTY_PASS");
    assert_true(client_wait_text(c, "0", E2E_TIMEOUT));
    client_signal(c, SIGSTOP);
    pid_t old = server_pid(env, "one");
    if (!env_is_tmux(env)) {
        long long until = e2e_now_ms() + E2E_TIMEOUT;
        while (!server_queue_full(old, client_pid(c)) && e2e_now_ms() < until)
            sleep_ms(10);
        assert_true(server_queue_full(old, client_pid(c)));
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "fresh", "sleep 1000", NULL), 0);
    char *out = output(env, "ls");
    assert_non_null(strstr(out, "fresh: "));
    assert_null(strstr(out, "one"));
    free(out);
    /* Started by a keeper (not by the server, as when the old keeper refused it). */
    pid_t now = server_pid(env, "fresh");
    assert_int_not_equal(now, old);
    out = output(env, "display", "-p", "-t", "fresh", "#{pane_pid}");
    pid_t pane = (pid_t)atol(out);
    free(out);
    assert_int_equal(e2e_parent_pid(pane), e2e_keeper_of(now));
    client_signal(c, SIGCONT);
}

/* The snapshot cut at many offsets: each restores what it holds, or nothing, and says
 * what it could not; never a crash. */
static void test_truncated_snapshots_restore_partially(void **state)
{
    struct tmx_env *env = *state;
    char path[512], layout[512];
    build_and_snapshot(env, path, sizeof path, layout, sizeof layout);
    size_t len = 0;
    char *data = read_file(path, &len);
    assert_non_null(data);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    char cut[600];
    snprintf(cut, sizeof cut, "%s/cut.snap", getenv("HOME"));
    int partial = 0, none = 0;
    const int steps = 24;
    for (int i = 0; i < steps; i++) {
        size_t n = len * (size_t)i / steps + (size_t)i % 7;
        FILE *f = fopen(cut, "wb");
        assert_non_null(f);
        fwrite(data, 1, n, f);
        fclose(f);
        char *out = NULL, *err = NULL;
        int rc = tmx_run(env, &out, &err, "resurrect", "-f", cut, NULL);
        if (rc == 0) {
            /* Sessions back, and what was lost named. */
            assert_non_null(strstr(out, "resurrected"));
            /* A cut inside a record says so; one between records says what each pane or
             * window it lost lacks ("pane %3: no screen in the snapshot ..."). */
            if (strstr(err, "the file ends inside a record") == NULL &&
                strstr(err, "tmx: resurrect: ") == NULL)
                fail_msg("cut at %zu of %zu: no message: %s", n, len, err);
            partial++;
            assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
        } else {
            assert_int_equal(rc, 1);
            /* Nothing restorable: not a snapshot at all, no session, or the cut fell
             * inside the first session's records (said where). */
            if (strstr(err, "not a tmx snapshot") == NULL &&
                strstr(err, "no sessions in the snapshot") == NULL &&
                strstr(err, "the file ends inside a record") == NULL)
                fail_msg("cut at %zu of %zu: %s", n, len, err);
            none++;
        }
        free(out);
        free(err);
    }
    assert_true(partial > 0);
    assert_true(none > 0);
    free(data);
}

/* Whether a thread of process pid sleeps in the kernel function fn (its wchan). NULL
 * fn: whether wchan names anything at all for pid's threads (it is "0" for every thread
 * of a kernel built without the symbols). */
static bool task_sleeps_in(pid_t pid, const char *fn)
{
    char dirpath[64];
    snprintf(dirpath, sizeof dirpath, "/proc/%ld/task", (long)pid);
    DIR *d = opendir(dirpath);
    if (d == NULL)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[384], buf[128];
        snprintf(path, sizeof path, "%s/%s/wchan", dirpath, e->d_name);
        ssize_t n = e2e_read_file(path, buf, sizeof buf);
        if (n < 0)
            continue;
        found = fn != NULL ? strcmp(buf, fn) == 0 : n > 0 && strcmp(buf, "0") != 0;
    }
    closedir(d);
    return found;
}

/* A disk that does not answer does not hold up the server (the project's rule: the server
 * never blocks). The snapshot's first write creates LABEL.snap.tmp; here that name is a
 * FIFO nobody reads, so the open of it waits, as a write to a hung disk would. The server
 * still answers while that write waits (tmx before the writer thread did the open in its
 * loop: display-message never answered); once the FIFO is read, the server's write shows
 * it was the whole snapshot, and the snapshot file is then written all the same. */
static void test_a_hung_snapshot_write_does_not_hold_the_server(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    const char *home = getenv("HOME");
    char conf[512], dir[512], path[600], tmp[640];
    snprintf(conf, sizeof conf, "%s/conf", home);
    snprintf(dir, sizeof dir, "%s/.local/state/tmx", home);
    snprintf(path, sizeof path, "%s/%s.snap", dir, env_socket_name(env));
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    /* No snapshot until the FIFO is in place (a server starting removes a .tmp). */
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fputs("set -s snapshot-interval 0\n", f);
    fclose(f);
    const char *argv[] = {env_bin(env), "-L", env_socket_name(env), "-f", conf, "new", "-d",
                          "-s", "one", "-x", "80", "-y", "24", "sleep 1000", NULL};
    assert_int_equal(tmx_runv(env, NULL, NULL, argv), 0);
    pid_t server = server_pid(env, "one");
    assert_true(server > 0);
    /* The server sleeps in epoll_wait between commands: a name, unless this kernel does
     * not say where a thread sleeps. */
    long long named_by = e2e_now_ms() + 2000;
    while (!task_sleeps_in(server, NULL)) {
        if (e2e_now_ms() > named_by)
            skip();
        sleep_ms(20);
    }
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p -m 700 '%s' && mkfifo -m 600 '%s'", dir, tmp);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "snapshot-interval", "1", NULL), 0);
    /* The write is under way: a thread of the server waits for the FIFO's reader. */
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (!task_sleeps_in(server, "wait_for_partner")) {
        if (e2e_now_ms() > end)
            fail_msg("the server never opened %s", tmp);
        sleep_ms(20);
    }
    /* The server answers meanwhile, and does what it is asked. */
    char *out = output(env, "display", "-p", "-t", "one", "#{session_name}");
    assert_string_equal(out, "one\n");
    free(out);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "one:1", "-n",
                             "while-writing", NULL), 0);
    out = output(env, "list-windows", "-t", "one", "-F", "#{window_name}");
    assert_non_null(strstr(out, "while-writing"));
    free(out);
    assert_true(e2e_server_answer_ms(env, server) < 2000);
    assert_true(task_sleeps_in(server, "wait_for_partner")); /* still waiting */
    assert_int_not_equal(access(path, F_OK), 0);
    /* Let it through: what it wrote is a whole snapshot of session one. */
    int fd = open(tmp, O_RDONLY);
    assert_true(fd >= 0);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    ssize_t n;
    while ((n = read(fd, buf + len, cap - len)) > 0) {
        len += (size_t)n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    close(fd);
    assert_true(len > 16);
    assert_memory_equal(buf, "TMXSNAP", 8);
    assert_true(contains(buf, len, "one"));
    free(buf);
    /* A FIFO cannot be made durable (fsync: EINVAL): that write failed, and the next one
     * writes the file whole, with what changed since. */
    const char *needles[] = {"TMXSNAP", "one", "while-writing", NULL};
    assert_true(wait_snapshot(path, needles, E2E_TIMEOUT));
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resurrect_after_a_reboot, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_ls_lists_resurrectable_sessions, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_resurrect_on_start, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_killed_server_leaves_nothing_behind, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_truncated_snapshots_restore_partially, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_hung_snapshot_write_does_not_hold_the_server,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
