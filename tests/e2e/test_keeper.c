/* test_keeper.c - end-to-end: programs outlive the server. The keeper (keeper/keeper.c) is
 * the parent of every pane's program: after kill -9 of the server, the next tmx command
 * starts a server that adopts every pane (same ids and pids) into the screens its
 * snapshot kept, with what the programs printed meanwhile and the status of those that
 * ended; a second server cannot adopt
 * them; the keeper reaps the orphans of the programs. */
#include "harness.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "keeper_proto.h"

/* Prints c1..c30, waits for env_go, goes on every 10 ms; at c80 it says so in a file. */
#define COUNTER                                                                           \
    "i=0; while :; do i=$((i+1)); echo c$i; "                                             \
    "if [ $i -eq 30 ]; then while [ ! -e \"$HOME/go\" ]; do sleep 0.01; done; fi; "       \
    "if [ $i -eq 80 ]; then : > \"$HOME/eighty.$TMX_PANE\"; fi; sleep 0.01; done"

/* Lines of `list-panes -a` (id, pid, session) sorted, so two servers' lists compare. */
static char *pane_list(struct tmx_env *env)
{
    char *out = NULL;
    if (tmx_run(env, &out, NULL, "list-panes", "-a", "-F", "#{pane_id} #{pane_pid} #{session_name}",
                NULL) != 0) {
        free(out);
        return NULL;
    }
    /* sort the lines */
    char *lines[64];
    int n = 0;
    for (char *save = NULL, *l = strtok_r(out, "\n", &save); l != NULL && n < 64;
         l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && strcmp(lines[j - 1], lines[j]) > 0; j--) {
            char *t = lines[j];
            lines[j] = lines[j - 1];
            lines[j - 1] = t;
        }
    }
    size_t size = 1;
    for (int i = 0; i < n; i++)
        size += strlen(lines[i]) + 1;
    char *sorted = calloc(1, size);
    for (int i = 0; i < n; i++) {
        strcat(sorted, lines[i]);
        strcat(sorted, "\n");
    }
    free(out);
    return sorted;
}

static bool file_exists(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", getenv("HOME"), name);
    return access(path, F_OK) == 0;
}

/* kill -9 of the server while 3 sessions x 3 panes run (a counter every 10 ms, vim, a
 * shell) and a fourth pane is about to exit 7: the next `tmx ls` (within 1 s) lists
 * them all, with the same pane ids and program pids; every counter line is in the
 * history once, in order (those before the kill from the snapshot, those after from
 * the keeper); the pane that ended shows status 7; vim's screen is back. */
static void test_kill_9_server_next_command_adopts_live_panes(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux has no keeper: its programs die with it */
    const char *names[] = {"k0", "k1", "k2"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", names[i], "-x", "100", "-y",
                                 "40", COUNTER, NULL), 0);
        if (i == 0)
            assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "snapshot-interval", "1",
                                     NULL), 0);
        char target[16];
        snprintf(target, sizeof target, "%s:0", names[i]);
        assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-t", target,
                                 "exec vim -u NONE -N -i NONE -n", NULL), 0);
        assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-t", target, NULL), 0);
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "ends",
                             WAIT_FOR_GO "echo leaving; exit 7", NULL), 0);
    for (int i = 0; i < 3; i++) {
        char target[16];
        snprintf(target, sizeof target, "%s:0.0", names[i]);
        assert_true(wait_capture(env, target, "c30", E2E_TIMEOUT));
        snprintf(target, sizeof target, "%s:0.2", names[i]); /* split twice from 0.0 */
        assert_true(wait_capture(env, target, "~", E2E_TIMEOUT)); /* vim is up */
    }
    /* Nothing changes on these screens now (the counters wait, vim idles). The snapshot
     * (snapshot-interval 1) writes what changed each second: it holds these screens once
     * it was written after this moment, or once two intervals passed with no write (then
     * its last write came after the last change). */
    long long quiet = e2e_now_ms();
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    char snap[4096];
    snprintf(snap, sizeof snap, "%s/.local/state/tmx/%s.snap", getenv("HOME"), env_socket_name(env));
    struct stat st;
    for (;;) {
        bool written = stat(snap, &st) == 0 &&
                       (st.st_mtim.tv_sec > wall.tv_sec ||
                        (st.st_mtim.tv_sec == wall.tv_sec && st.st_mtim.tv_nsec > wall.tv_nsec));
        if (written || e2e_now_ms() > quiet + 2500)
            break;
        sleep_ms(50);
    }
    assert_int_equal(stat(snap, &st), 0);
    char *before = pane_list(env);
    assert_non_null(before);
    pid_t server = server_pid(env, "k0");
    assert_true(server > 1);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "k0:0.0", "#{pane_pid}",
                             NULL), 0);
    pid_t keeper = e2e_parent_pid((pid_t)atoi(out));
    free(out);
    assert_true(keeper > 1 && keeper != server);

    assert_int_equal(kill(server, SIGKILL), 0);
    env_go(env); /* the counters go on and the fourth pane exits, with no server */
    long long until = e2e_now_ms() + E2E_TIMEOUT;
    for (;;) {
        int seen = 0;
        for (int i = 0; i < 3; i++) {
            char name[32];
            snprintf(name, sizeof name, "eighty.%%%d", i * 3);
            seen += file_exists(name);
        }
        if (seen == 3 || e2e_now_ms() > until)
            break;
        sleep_ms(10);
    }
    assert_true(kill(keeper, 0) == 0); /* the keeper outlived the server */

    long long t0 = e2e_now_ms();
    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    long long took = e2e_now_ms() - t0;
    fprintf(stderr, "e2e: tmx ls after kill -9 took %lld ms\n", took);
    assert_true(took < 1000);
    for (int i = 0; i < 3; i++)
        assert_non_null(strstr(out, names[i]));
    assert_non_null(strstr(out, "ends"));
    free(out);
    char *after = pane_list(env);
    assert_non_null(after);
    assert_string_equal(before, after); /* the same ids, pids and sessions */
    free(before);
    free(after);

    /* Each counter: c1 .. cN in order, each once: c1..c30 from the dead server's
     * snapshot, the rest printed with no server, from the keeper. */
    for (int i = 0; i < 3; i++) {
        char target[16];
        snprintf(target, sizeof target, "%s:0.0", names[i]);
        assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-J", "-S", "-", "-t",
                                 target, NULL), 0);
        int expect = 1;
        for (char *save = NULL, *l = strtok_r(out, "\n", &save); l != NULL;
             l = strtok_r(NULL, "\n", &save)) {
            if (l[0] != 'c')
                continue;
            int v = atoi(l + 1);
            if (v != expect)
                fail_msg("%s: line c%d where c%d was due", target, v, expect);
            expect++;
        }
        assert_true(expect > 80); /* c1..c80 at least */
        free(out);
    }
    /* The program that ended meanwhile: dead, with its status and last words. */
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "ends",
                             "#{pane_dead} #{pane_dead_status}", NULL), 0);
    assert_string_equal(out, "1 7\n");
    free(out);
    assert_true(wait_capture(env, "ends", "leaving", E2E_TIMEOUT));
    assert_true(wait_capture(env, "k0:0.2", "~", E2E_TIMEOUT)); /* vim's screen, restored */
    /* The adopted panes work: typing reaches the shell. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "k1:0.1", "echo adopted-$((6*7))",
                             "Enter", NULL), 0);
    assert_true(wait_capture(env, "k1:0.1", "adopted-42", E2E_TIMEOUT));
    /* And the same keeper is still their parent. */
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "k2:0.1", "#{pane_pid}",
                             NULL), 0);
    assert_int_equal(e2e_parent_pid((pid_t)atoi(out)), keeper);
    free(out);
}

/* Connect to the keeper's socket and say HELLO as a server would: the answer's type. */
static uint32_t hello_keeper(struct tmx_env *env)
{
    char path[4096];
    env_socket_path(env, path, sizeof path - 8);
    strcat(path, ".keeper");
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    assert_true(strlen(path) < sizeof sa.sun_path);
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    assert_true(fd >= 0);
    assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    struct keeper_buf b = {0};
    keeper_buf_start(&b, KMSG_HELLO);
    keeper_buf_u32(&b, KEEPER_PROTO_VERSION);
    keeper_buf_u32(&b, KEEPER_RING_DEFAULT);
    assert_true(keeper_buf_finish(&b));
    assert_int_equal(keeper_send(fd, &b, NULL, 0, 1000), 0);
    keeper_buf_free(&b);
    struct pollfd pfd = {fd, POLLIN, 0};
    assert_int_equal(poll(&pfd, 1, E2E_TIMEOUT), 1);
    char *packet = malloc(KEEPER_MSG_MAX);
    int fds[2];
    ssize_t n = keeper_recv(fd, packet, fds);
    struct keeper_msg m = {0};
    assert_true(n > 0);
    assert_int_equal(keeper_msg_decode(packet, (size_t)n, &m), 0);
    keeper_msg_clear(&m);
    free(packet);
    close(fd);
    return m.type;
}

/* While a server has the panes, a second one that says HELLO is refused, and the
 * first one keeps working. */
static void test_a_second_server_cannot_adopt_the_panes(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(hello_keeper(env), KMSG_REFUSED);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo still-$((2*21))",
                             "Enter", NULL), 0);
    assert_true(wait_capture(env, "s", "still-42", E2E_TIMEOUT));
}

/* Orphans of a pane's program are re-parented to the keeper (its subreaper) and reaped:
 * no zombie is left under it. */
static void test_the_keeper_reaps_orphans(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s",
                             "for i in $(seq 1 30); do (sleep 0.$((i % 5 + 1)) &); done; "
                             "echo spawned; exec cat", NULL), 0);
    assert_true(wait_capture(env, "s", "spawned", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#{pane_pid}", NULL), 0);
    pid_t keeper = e2e_parent_pid((pid_t)atoi(out));
    free(out);
    assert_true(keeper > 1);
    int zombies = -1, orphans = -1;
    long long until = e2e_now_ms() + E2E_TIMEOUT;
    while ((zombies != 0 || orphans != 0) && e2e_now_ms() < until) {
        sleep_ms(100);
        zombies = count_zombies_of(keeper);
        /* the sleeps still running, re-parented to the keeper: gone after 0.5 s */
        orphans = 0;
        char cmd[128];
        snprintf(cmd, sizeof cmd, "pgrep -P %ld -x sleep | wc -l", (long)keeper);
        FILE *p = popen(cmd, "r");
        if (p != NULL) {
            if (fscanf(p, "%d", &orphans) != 1)
                orphans = -1;
            pclose(p);
        }
    }
    assert_int_equal(zombies, 0);
    assert_int_equal(orphans, 0);
}

/* A counter that also appends each line to $HOME/all, and stops at $HOME/stop. */
#define FLOOD                                                                             \
    "i=0; while [ ! -e \"$HOME/stop\" ]; do i=$((i+1)); echo c$i; echo c$i >> \"$HOME/all\"; " \
    "done; echo stopped; exec cat"

/* server-upgrade while a pane floods: the same server pid (exec in place), the same
 * keeper and program; what the pane printed from the upgrade on is in the new server's
 * history, in order, each line once, up to the last line the program wrote; the client
 * that was attached is told to attach again. */
static void test_server_upgrade_keeps_programs_under_a_flood(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux has no server-upgrade */
    /* history-limit first: a pane keeps the limit it was made with, and a slow (ASan,
     * loaded) run floods past the default 2000 lines before the upgrade. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "history-limit", "100000", ";", "new",
                             "-d", "-s", "f", "-x", "80", "-y", "24", FLOOD, NULL), 0);
    assert_true(wait_capture(env, "f", "c", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "f", "#{pid} #{pane_pid}",
                             NULL), 0);
    char *before = out;
    pid_t server = (pid_t)atoi(before);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "f", NULL);
    assert_true(client_wait_text(c, "c", E2E_TIMEOUT));

    assert_int_equal(tmx_run(env, NULL, NULL, "server-upgrade", NULL), 0);
    assert_int_not_equal(client_wait_exit(c, E2E_TIMEOUT), -1);
    assert_true(client_output_contains(c, "[server upgraded: attach again]"));
    /* The next command reaches the new server: the same process, the same program. */
    assert_true(wait_run_output(env, "f:", true, E2E_TIMEOUT, "ls", NULL));
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "f", "#{pid} #{pane_pid}",
                             NULL), 0);
    assert_string_equal(before, out);
    assert_int_equal(kill(server, 0), 0);
    free(before);
    free(out);

    /* Stop the flood; the pane says so last. */
    char path[4096];
    snprintf(path, sizeof path, "%s/stop", getenv("HOME"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_true(wait_capture(env, "f", "stopped", E2E_TIMEOUT));
    snprintf(path, sizeof path, "%s/all", getenv("HOME"));
    f = fopen(path, "r");
    assert_non_null(f);
    int last = 0;
    char line[64];
    while (fgets(line, sizeof line, f) != NULL)
        last = atoi(line + 1);
    fclose(f);
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-J", "-S", "-", "-t", "f",
                             NULL), 0);
    int first = 0, expect = 0, lines = 0;
    for (char *save = NULL, *l = strtok_r(out, "\n", &save); l != NULL;
         l = strtok_r(NULL, "\n", &save)) {
        if (l[0] != 'c')
            continue;
        int v = atoi(l + 1);
        if (lines == 0)
            first = expect = v;
        if (v != expect)
            fail_msg("line c%d where c%d was due (history from c%d)", v, expect, first);
        expect++;
        lines++;
    }
    free(out);
    fprintf(stderr, "e2e: after server-upgrade, c%d..c%d of c%d in the new history\n", first,
            expect - 1, last);
    assert_int_equal(first, 1); /* the old server's lines came through its snapshot */
    assert_int_equal(expect - 1, last); /* up to the program's last line: none lost */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_9_server_next_command_adopts_live_panes,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_second_server_cannot_adopt_the_panes, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_the_keeper_reaps_orphans, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_server_upgrade_keeps_programs_under_a_flood,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
