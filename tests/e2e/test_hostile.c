/* test_hostile.c - end-to-end: the server against bad peers. A client that sends garbage,
 * a huge length, a truncated message, the wrong protocol version or a message before
 * identifying is dropped alone: the server and an attached client go on. A client that
 * stops reading while a pane floods gets no frames until it reads again; the server's
 * memory stays bounded and the other client sees the end of the flood. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "proto.h"

/* A raw connection to the test's server; the test fails if there is none. */
static int connect_server(struct tmx_env *env)
{
    int fd = env_connect(env);
    assert_true(fd >= 0);
    return fd;
}

/* Does the server close this connection (read gives EOF, or a final MSG_EXIT then EOF)? */
static bool closed_by_server(int fd)
{
    struct timeval tv = {.tv_sec = 10, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n == 0)
            return true;
        if (n < 0)
            return errno == ECONNRESET;
    }
}

static void send_raw(int fd, const void *buf, size_t len)
{
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
}

static void send_msg(int fd, uint32_t type, uint32_t len, const void *payload, size_t plen)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, len, hdr);
    send_raw(fd, hdr, sizeof hdr);
    if (plen > 0)
        send_raw(fd, payload, plen);
}

static void identify_flags(int fd, uint32_t version, uint32_t flags)
{
    char payload[sizeof(struct proto_identify) + 32];
    struct proto_identify id = {.version = version, .flags = flags, .cols = 80, .rows = 24,
                                .pid = getpid()};
    memcpy(payload, &id, sizeof id);
    memcpy(payload + sizeof id, "xterm\0/\0", 8);
    send_msg(fd, MSG_IDENTIFY, (uint32_t)(sizeof id + 8), payload, sizeof id + 8);
}

static void identify(int fd, uint32_t version)
{
    identify_flags(fd, version, 0);
}

/* After each bad peer: the server still answers and the attached client still types. */
static void assert_unaffected(struct tmx_env *env, struct pty_client *c, const char *word)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    /* The shell computes the text, so the typed line itself cannot match it. */
    char line[128], want[64];
    snprintf(line, sizeof line, "echo %s-$((40+2))\r", word);
    snprintf(want, sizeof want, "%s-42", word);
    client_type(c, line);
    assert_true(client_wait_text(c, want, E2E_TIMEOUT));
}

static void test_bad_peers_are_dropped_alone(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's protocol */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));

    int fd = connect_server(env);
    send_raw(fd, "GET / HTTP/1.0\r\n\r\n", 18); /* garbage: an unknown type */
    assert_true(closed_by_server(fd));
    close(fd);
    assert_unaffected(env, c, "after-garbage");

    fd = connect_server(env);
    send_msg(fd, MSG_IDENTIFY, 0xfffffff0u, NULL, 0); /* a 4 GiB message */
    assert_true(closed_by_server(fd));
    close(fd);
    assert_unaffected(env, c, "after-huge");

    fd = connect_server(env);
    send_msg(fd, MSG_COMMAND, 3, "ls", 3); /* a command before identifying */
    assert_true(closed_by_server(fd));
    close(fd);
    assert_unaffected(env, c, "after-early");

    fd = connect_server(env);
    identify(fd, PROTO_VERSION + 99); /* another version: refused with a message */
    assert_true(closed_by_server(fd));
    close(fd);
    assert_unaffected(env, c, "after-version");

    fd = connect_server(env);
    identify(fd, PROTO_VERSION);
    send_msg(fd, MSG_COMMAND, 100, "ls", 3); /* truncated: the peer then goes away */
    close(fd);
    assert_unaffected(env, c, "after-truncated");

    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_a_client_that_stops_reading_does_not_hold_the_server(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    /* The stuck client: its terminal is never read, so it blocks writing its output and
     * stops reading the server's. */
    struct pty_client *stuck = client_start(env, 120, 40, "attach", "-t", "s", NULL);
    struct pty_client *good = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(good, -1, "[s]", E2E_TIMEOUT));
    pid_t server = server_pid(env, "s");
    assert_true(server > 1);
    long before = e2e_rss_kib(server);
    /* About 100 MB of output (E2E_FLOOD_MB=1024 for the 1 GiB run of docs/robustness.md),
     * then a marker. */
    const char *mb = getenv("E2E_FLOOD_MB");
    int chunks = mb != NULL && atoi(mb) > 0 ? atoi(mb) / 5 : 20;
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "i=0; while [ $i -lt %d ]; do head -c 5000000 /dev/zero | tr '\\\\0' x; "
             "i=$((i+1)); done; echo; echo flood-$((2*3))-done\r", chunks);
    client_type(good, cmd);
    long peak = before;
    bool done = false;
    for (int i = 0; i < 60 * chunks + 600 && !done; i++) {
        done = client_poll_text(good, "flood-6-done", 100);
        long now = e2e_rss_kib(server);
        if (now > peak)
            peak = now;
    }
    assert_true(done);
    /* Bounded: the stuck client's backlog is capped (1 MiB of frames, then nothing). */
    if (peak - before > 64 * 1024)
        fail_msg("server grew from %ld to %ld KiB during the flood", before, peak);
    /* The stuck client reads again: it gets a full, current screen. */
    assert_true(client_wait_text(stuck, "flood-6-done", 30000));
    client_keys(good, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(good, E2E_TIMEOUT), 0);
}

/* Another user is refused by its credentials (SO_PEERCRED), before any message is
 * read, even when the directory and socket permissions would let it connect. Needs
 * root (to become another user); skipped, loudly, otherwise. */
static void test_another_uid_is_refused(void **state)
{
    struct tmx_env *env = *state;
    if (getuid() != 0 || env_is_tmux(env)) {
        fprintf(stderr, "e2e: not root: the other-UID check needs root to switch users\n");
        return;
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/tmx-0", getenv("TMX_TMPDIR"));
    snprintf(path, sizeof path, "%s/%s", dir, env_socket_name(env));
    /* Open the way for user 65534 (nobody): only the credential check stands. */
    assert_int_equal(chmod(getenv("TMX_TMPDIR"), 0755), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(chmod(path, 0777), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(2);
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        if (strlen(path) >= sizeof sa.sun_path)
            _exit(5);
        memcpy(sa.sun_path, path, strlen(path) + 1);
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
            _exit(3);
        /* Plain writes (no cmocka asserts in a child): the server may have closed the
         * connection already, which is the point. */
        signal(SIGPIPE, SIG_IGN);
        char msg[2 * PROTO_HEADER_SIZE + sizeof(struct proto_identify) + 64];
        struct proto_identify id = {.version = PROTO_VERSION, .cols = 80, .rows = 24,
                                    .pid = getpid()};
        size_t idlen = sizeof id + 8, n = 0;
        proto_encode_header(MSG_IDENTIFY, (uint32_t)idlen, msg);
        n += PROTO_HEADER_SIZE;
        memcpy(msg + n, &id, sizeof id);
        memcpy(msg + n + sizeof id, "xterm\0/\0", 8);
        n += idlen;
        const char cmd[] = "kill-server"; /* would stop the server if it were heard */
        proto_encode_header(MSG_COMMAND, sizeof cmd, msg + n);
        n += PROTO_HEADER_SIZE;
        memcpy(msg + n, cmd, sizeof cmd);
        n += sizeof cmd;
        if (write(fd, msg, n) < 0 && errno != EPIPE && errno != ECONNRESET)
            _exit(6);
        _exit(closed_by_server(fd) ? 0 : 4);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    chmod(path, 0600);
    chmod(dir, 0700);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0); /* connected, then closed unheard */
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
}

/* A program cannot make tmx talk back or inject: title reports (CSI 20 t / 21 t) and
 * OSC 52 clipboard queries get no answer in the pane (colour queries, OSC 10/11, are
 * answered with fixed values, as xterm does), and control characters in a title
 * (C0, DEL, C1 as UTF-8) never reach the client's terminal, neither in the status line
 * nor in the terminal's title. */
static void test_titles_and_queries_cannot_inject(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "100", "-y", "20",
                             NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "<#{pane_title}>", NULL), 0);
    struct pty_client *c = client_start(env, 100, 20, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* The title holds BEL-free bytes an OSC allows: C1 CSI (U+009B) "2J", SOH, DEL. */
    client_type(c, "printf '\\033]2;AA\\302\\2332JBB\\001CC\\177DD\\007'; "
                   "printf '\\033[21t\\033[20t\\033]52;c;?\\007'; "
                   "stty -icanon -echo min 0 time 10; head -c 100 | od -c | head -2; "
                   "stty sane; echo query-$((1+1))-done\r");
    assert_true(client_wait_text(c, "query-2-done", E2E_TIMEOUT));
    /* Nothing came back to the program: od saw no bytes at all. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    if (strstr(out, "0000000\n") == NULL) {
        fprintf(stderr, "e2e: the program read something back:\n%s", out);
        free(out);
        fail();
    }
    free(out);
    /* The title is shown without its control characters. */
    assert_true(client_wait_text(c, "<AA2JBBCCDD>", E2E_TIMEOUT));
    size_t len;
    const char *bytes = client_output(c, &len);
    for (size_t i = 0; i + 1 < len; i++) {
        if ((unsigned char)bytes[i] == 0xc2 && (unsigned char)bytes[i + 1] >= 0x80 &&
            (unsigned char)bytes[i + 1] <= 0x9f)
            fail_msg("a C1 control reached the terminal at byte %zu", i);
        if (bytes[i] == 0x01 || bytes[i] == 0x7f)
            fail_msg("a control character (0x%02x) reached the terminal", bytes[i]);
    }
}

/* MSG_TTY carrying nfds copies of fd (SCM_RIGHTS). */
static void send_tty(int sock, int fd, int nfds)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(MSG_TTY, 0, hdr);
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(3 * sizeof(int))];
    } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {.iov_base = hdr, .iov_len = sizeof hdr};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                        .msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int))};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
    for (int i = 0; i < nfds; i++)
        memcpy(CMSG_DATA(cm) + (size_t)i * sizeof(int), &fd, sizeof fd);
    assert_int_equal(sendmsg(sock, &mh, 0), (ssize_t)sizeof hdr);
}

/* Read messages until one of type 'want'; its first payload word into *word. */
static void wait_message(int sock, uint32_t want, uint32_t *word)
{
    struct timeval tv = {.tv_sec = 10, .tv_usec = 0};
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (;;) {
        char hdr[PROTO_HEADER_SIZE];
        assert_int_equal(recv(sock, hdr, sizeof hdr, MSG_WAITALL), (ssize_t)sizeof hdr);
        struct proto_header h;
        memcpy(&h.type, hdr, 4);
        memcpy(&h.len, hdr + 4, 4);
        assert_true(h.len < 4 * 1024 * 1024);
        char *payload = malloc(h.len + 1);
        assert_int_equal(recv(sock, payload, h.len, MSG_WAITALL), (ssize_t)h.len);
        if (h.type == want) {
            *word = 0;
            if (h.len >= 4)
                memcpy(word, payload, 4);
            free(payload);
            return;
        }
        free(payload);
    }
}

static void send_attach(int sock)
{
    send_msg(sock, MSG_COMMAND, 12, "attach\0-t\0s\0", 12);
}

/* What a client passes as its terminal must be one: anything else (a pipe), and any
 * extra fd, is closed at once and the client is relayed through its socket. A real
 * terminal is drawn on only once the client says it is ready, and what is typed on it
 * reaches the pane. */
static void test_passed_fds_are_checked(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's protocol */
    signal(SIGPIPE, SIG_IGN);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);

    /* A pipe, three times over: not a terminal. */
    int p[2];
    assert_int_equal(pipe(p), 0);
    int sock = connect_server(env);
    identify_flags(sock, PROTO_VERSION, IDENT_TTY);
    send_tty(sock, p[0], 3);
    send_attach(sock);
    uint32_t flags = 99;
    wait_message(sock, MSG_READY, &flags);
    assert_int_equal(flags, 0); /* relayed */
    close(p[0]);
    /* No copy of the read end is left in the server: the pipe has no reader. */
    errno = 0;
    assert_int_equal(write(p[1], "x", 1), -1);
    assert_int_equal(errno, EPIPE);
    close(p[1]);
    close(sock);

    /* A terminal: the server uses it, but not before MSG_TTY_READY. */
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    assert_true(slave >= 0);
    struct termios raw;
    assert_int_equal(tcgetattr(slave, &raw), 0);
    cfmakeraw(&raw);
    assert_int_equal(tcsetattr(slave, TCSANOW, &raw), 0);
    sock = connect_server(env);
    identify_flags(sock, PROTO_VERSION, IDENT_TTY);
    send_tty(sock, slave, 1);
    close(slave);
    send_attach(sock);
    wait_message(sock, MSG_READY, &flags);
    assert_int_equal(flags, READY_TTY);
    struct pollfd pfd = {.fd = master, .events = POLLIN};
    assert_int_equal(poll(&pfd, 1, 300), 0); /* nothing drawn yet */
    send_msg(sock, MSG_TTY_READY, 0, NULL, 0);
    char screen[65536];
    size_t have = 0;
    while (have < sizeof screen - 1 && memmem(screen, have, "[s]", 3) == NULL) {
        assert_int_equal(poll(&pfd, 1, E2E_TIMEOUT), 1);
        ssize_t n = read(master, screen + have, sizeof screen - 1 - have);
        assert_true(n > 0);
        have += (size_t)n;
    }
    const char *typed = "echo via-tty-$((3*5))\r";
    assert_int_equal(write(master, typed, strlen(typed)), (ssize_t)strlen(typed));
    assert_true(wait_capture(env, "s", "via-tty-15", E2E_TIMEOUT));
    close(sock);
    close(master);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bad_peers_are_dropped_alone, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_client_that_stops_reading_does_not_hold_the_server,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_another_uid_is_refused, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_titles_and_queries_cannot_inject, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_passed_fds_are_checked, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
