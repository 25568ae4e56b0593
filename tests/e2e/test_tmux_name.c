/* test_tmux_name.c - end-to-end: tmx run under tmux's name, as tools that drive "tmux"
 * see it: -V in the form they parse, the configuration files tmux reads (~/.tmux.conf,
 * $XDG_CONFIG_HOME/tmux/tmux.conf), TMUX and TMUX_PANE in panes, TMUX_TMPDIR for the
 * socket directory, and tmux's nesting message inside a pane of tmx or of a real tmux.
 * The binary is run through a link named "tmux" in the test's HOME, with no -f. */
#include "harness.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* $HOME/bin/NAME -> the binary under test; returns the link's path (malloc'd). */
static char *link_as(struct tmx_env *env, const char *name)
{
    char *dir = malloc(strlen(getenv("HOME")) + 8);
    sprintf(dir, "%s/bin", getenv("HOME"));
    mkdir(dir, 0700);
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    free(dir);
    unlink(path);
    assert_int_equal(symlink(env_bin(env), path), 0);
    return path;
}

/* Writes text to $HOME/rel, making its directory. */
static void write_home(const char *rel, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", getenv("HOME"), rel);
    for (char *p = path + strlen(getenv("HOME")) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Runs bin -L SOCK ARGS... (no -f: the default configuration files). */
static int run_as(struct tmx_env *env, const char *bin, char **out, char **err, ...)
{
    const char *argv[32] = {bin, "-L", env_socket_name(env)};
    int n = 3;
    va_list ap;
    va_start(ap, err);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 31)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    return tmx_runv(env, out, err, argv);
}

/* @order: each configuration file appends its name to it, so that it tells which files
 * were read and in which order. */
static char *config_order(struct tmx_env *env)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gqv", "@order", NULL), 0);
    return out;
}

static void test_version_as_tmux_is_what_tools_parse(void **state)
{
    struct tmx_env *env = *state;
    char *tmux = link_as(env, "tmux");
    char *out = NULL;
    assert_int_equal(run_as(env, tmux, &out, NULL, "-V", NULL), 0);
    /* Exactly two words: powerline splits on ' ', libtmux takes what follows "tmux ",
     * tpm keeps the digits of the whole line (33), tmuxinator the second word. */
    assert_string_equal(out, "tmux 3.3a\n");
    free(out);
    if (!env_is_tmux(env)) {
        /* Under its own name, tmx's version, and the tmux one it behaves as. */
        const char *argv[] = {env_bin(env), "-V", NULL};
        assert_int_equal(tmx_runv(env, &out, NULL, argv), 0);
        assert_true(strncmp(out, "tmx ", 4) == 0);
        assert_non_null(strstr(out, "(tmux 3.3a)\n"));
        free(out);
    }
    free(tmux);
}

static void test_as_tmux_reads_tmux_conf_and_xdg(void **state)
{
    struct tmx_env *env = *state;
    char *tmux = link_as(env, "tmux");
    write_home(".tmux.conf", "set -ga @order home,\n");
    write_home("xdg/tmux/tmux.conf", "set -ga @order xdg,\n");
    write_home(".config/tmux/tmux.conf", "set -ga @order dotconfig,\n");
    write_home(".tmx.conf", "set -ga @order tmx,\n");
    char xdg[4096];
    snprintf(xdg, sizeof xdg, "%s/xdg", getenv("HOME"));
    setenv("XDG_CONFIG_HOME", xdg, 1);
    int rc = run_as(env, tmux, NULL, NULL, "new", "-d", "-s", "s", NULL);
    unsetenv("XDG_CONFIG_HOME");
    assert_int_equal(rc, 0);
    /* Every one of tmux's files, in tmux's order; tmx's own file is not tmux's. */
    char *order = config_order(env);
    assert_string_equal(order, "home,xdg,dotconfig,\n");
    free(order);
    free(tmux);
}

static void test_as_tmx_reads_tmx_conf_else_tmux_conf(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's own files */
    write_home(".tmux.conf", "set -ga @order home,\n");
    write_home(".config/tmux/tmux.conf", "set -ga @order dotconfig,\n");
    /* No ~/.tmx.conf: tmux's files. */
    assert_int_equal(run_as(env, env_bin(env), NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char *order = config_order(env);
    assert_string_equal(order, "home,dotconfig,\n");
    free(order);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    /* With one: that one alone. */
    write_home(".config/tmx/tmx.conf", "set -ga @order tmx,\n");
    assert_int_equal(run_as(env, env_bin(env), NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    order = config_order(env);
    assert_string_equal(order, "tmx,\n");
    free(order);
}

/* The value of variable name in the environment of pane target's program. */
static char *pane_variable(struct tmx_env *env, const char *target, const char *name)
{
    char file[1024], cmd[4200];
    snprintf(file, sizeof file, "%s/var-%s", getenv("HOME"), name);
    snprintf(cmd, sizeof cmd, "printf '%%s' \"${%s-unset}\" > %s.tmp && mv %s.tmp %s", name,
             file, file, file);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", target, cmd, "Enter", NULL), 0);
    for (long long end = e2e_now_ms() + E2E_TIMEOUT; e2e_now_ms() < end; sleep_ms(20)) {
        FILE *f = fopen(file, "r");
        if (f == NULL)
            continue;
        char buf[4096] = "";
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
        unlink(file);
        return strdup(buf);
    }
    fail_msg("pane %s never wrote $%s", target, name);
    return NULL;
}

static void test_panes_have_tmux_and_tmux_pane(void **state)
{
    struct tmx_env *env = *state;
    /* Started from inside a real tmux: its TMUX and TMUX_PANE must not leak in. */
    setenv("TMUX", "/tmp/tmux-1/default,1,0", 1);
    setenv("TMUX_PANE", "%99", 1);
    int rc = tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL);
    unsetenv("TMUX");
    unsetenv("TMUX_PANE");
    assert_int_equal(rc, 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-t", "s", NULL), 0);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s:0.1",
                             "#{socket_path},#{pid},#{session_id} #{pane_id}", NULL), 0);
    char want_tmux[4096], want_pane[64];
    assert_int_equal(sscanf(out, "%4095s %63s", want_tmux, want_pane), 2);
    free(out);
    memmove(strchr(want_tmux, '$'), strchr(want_tmux, '$') + 1, strlen(strchr(want_tmux, '$')));
    char *tmux = pane_variable(env, "s:0.1", "TMUX");
    assert_string_equal(tmux, want_tmux);
    char *pane = pane_variable(env, "s:0.1", "TMUX_PANE");
    assert_string_equal(pane, want_pane);
    if (!env_is_tmux(env)) {
        /* tmx's own names hold the same. */
        char *tmx = pane_variable(env, "s:0.1", "TMX");
        assert_string_equal(tmx, tmux);
        free(tmx);
        char *tmx_pane = pane_variable(env, "s:0.1", "TMX_PANE");
        assert_string_equal(tmx_pane, pane);
        free(tmx_pane);
    }
    free(tmux);
    free(pane);
}

static void test_tmux_tmpdir_is_honoured(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux's directory is tmux-UID */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tmuxtmp", getenv("HOME"));
    mkdir(dir, 0700);
    unsetenv("TMX_TMPDIR");
    setenv("TMUX_TMPDIR", dir, 1);
    char *out = NULL;
    int rc = tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL);
    int rc2 = tmx_run(env, &out, NULL, "display", "-p", "#{socket_path}", NULL);
    /* Both back, so that teardown finds the server... */
    char *top = strdup(getenv("HOME"));
    setenv("TMX_TMPDIR", top, 1);
    setenv("TMUX_TMPDIR", top, 1);
    assert_int_equal(rc, 0);
    assert_int_equal(rc2, 0);
    /* ...which it could not: the socket is under TMUX_TMPDIR, in tmx's own directory,
     * never in tmux's tmux-UID. */
    char want[4400];
    snprintf(want, sizeof want, "%s/tmx-%u/%s\n", dir, (unsigned)getuid(), env_socket_name(env));
    assert_string_equal(out, want);
    free(out);
    setenv("TMX_TMPDIR", dir, 1);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    setenv("TMX_TMPDIR", top, 1);
    free(top);
}

/* Nesting as tmux checks it, on the server: a client whose terminal is one of the
 * server's own panes, with $TMUX set, is refused with tmux's message; a client in a pane
 * of another server (its $TMUX names that one) attaches; a detached session is made
 * anywhere. (tmx refused every attach with $TMUX set, so tmx could not be used inside a
 * tmux or another tmx server.) */
static void test_nesting_gives_tmux_message(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%s -L '%s' attach -t s; echo exit=$?; sleep 100", env_bin(env),
             env_socket_name(env));
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:1", cmd, NULL), 0);
    assert_true(wait_capture(env, "s:1", "exit=1", E2E_TIMEOUT));
    assert_true(wait_capture(env, "s:1", "sessions should be nested with care, unset $TMUX to "
                             "force", E2E_TIMEOUT));
    /* In a pane of another server. */
    setenv("TMUX", "/tmp/tmux-1/default,1,0", 1);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_signal(c, SIGHUP);
    client_wait_exit(c, E2E_TIMEOUT);
    /* A detached session is no nesting. */
    int rc = tmx_run(env, NULL, NULL, "new", "-d", "-s", "d", NULL);
    unsetenv("TMUX");
    assert_int_equal(rc, 0);
}

static void test_global_flags_of_tmux(void **state)
{
    struct tmx_env *env = *state;
    char *tmux = link_as(env, "tmux");
    char *out = NULL, *err = NULL;
    /* -N: no server is started, even for new-session. */
    assert_int_equal(run_as(env, tmux, NULL, NULL, "-N", "new", "-d", NULL), 1);
    assert_int_equal(run_as(env, tmux, NULL, NULL, "has-session", NULL), 1);
    /* -c: the command, by the shell, as a login shell runs it. */
    assert_int_equal(run_as(env, tmux, &out, NULL, "-c", "echo hi", NULL), 0);
    assert_string_equal(out, "hi\n");
    free(out);
    /* -2 -u -l -T are accepted. */
    assert_int_equal(run_as(env, tmux, NULL, NULL, "-2", "-u", "-l", "-T", "RGB", "new", "-d",
                            NULL), 0);
    /* An unknown flag: tmux's usage. */
    assert_int_equal(run_as(env, tmux, NULL, &err, "-x", NULL), 1);
    assert_non_null(strstr(err, "usage: tmux [-2CDlNuvV] [-c shell-command] [-f file]"));
    free(err);
    free(tmux);
}

#define REAL_TMUX "/usr/bin/tmux"

static void test_real_tmux_inside_tmx_is_refused_in_its_protocol(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux against tmux speaks one protocol */
    if (access(REAL_TMUX, X_OK) != 0)
        fail_msg("%s is needed (the tmux 3.3a the compat suite compares with)", REAL_TMUX);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char *tmux_var = pane_variable(env, "s", "TMUX");
    /* A real tmux in a tmx pane follows $TMUX to tmx's socket. */
    setenv("TMUX", tmux_var, 1);
    char *err = NULL;
    const char *attach[] = {REAL_TMUX, "new", NULL};
    int rc = tmx_runv(env, NULL, &err, attach);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(err, "sessions should be nested with care, unset $TMUX to force"));
    assert_null(strstr(err, "server exited unexpectedly"));
    free(err);
    const char *ls[] = {REAL_TMUX, "ls", NULL};
    rc = tmx_runv(env, NULL, &err, ls);
    unsetenv("TMUX");
    assert_int_equal(rc, 1);
    assert_non_null(strstr(err, "is a tmx server, not tmux's"));
    assert_null(strstr(err, "server exited unexpectedly"));
    free(err);
    free(tmux_var);
    /* tmx's server is none the worse. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "ls", "-F", "#{session_name}", NULL), 0);
    assert_string_equal(out, "s\n");
    free(out);
}

static void test_tmx_on_a_tmux_socket_says_so(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    if (access(REAL_TMUX, X_OK) != 0)
        fail_msg("%s is needed (the tmux 3.3a the compat suite compares with)", REAL_TMUX);
    char path[4096];
    snprintf(path, sizeof path, "%s/real-tmux", getenv("HOME"));
    const char *start[] = {REAL_TMUX, "-S", path, "-f", "/dev/null", "new", "-d", NULL};
    assert_int_equal(tmx_runv(env, NULL, NULL, start), 0);
    char *err = NULL;
    const char *ls[] = {env_bin(env), "-S", path, "ls", NULL};
    int rc = tmx_runv(env, NULL, &err, ls);
    const char *stop[] = {REAL_TMUX, "-S", path, "kill-server", NULL};
    int stopped = tmx_runv(env, NULL, NULL, stop);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(err, "is a tmux server, not tmx's"));
    assert_null(strstr(err, "lost server"));
    free(err);
    assert_int_equal(stopped, 0); /* and the tmux server was none the worse */
}

/* Reads from fd until EOF (or 5 s): whether the server hung up. */
static bool hung_up(int fd)
{
    char buf[4096];
    for (long long end = e2e_now_ms() + 5000; e2e_now_ms() < end;) {
        ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n == 0)
            return true;
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return true;
        sleep_ms(10);
    }
    return false;
}

static void test_malformed_tmux_client_is_dropped_alone(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    /* tmux's identify type with a length shorter than tmux's header. */
    int fd = env_connect(env);
    assert_true(fd >= 0);
    unsigned char bad[16] = {0};
    uint32_t type = 100;
    uint16_t len = 5;
    memcpy(bad, &type, 4);
    memcpy(bad + 4, &len, 2);
    assert_int_equal(send(fd, bad, sizeof bad, MSG_NOSIGNAL), (ssize_t)sizeof bad);
    assert_true(hung_up(fd));
    close(fd);
    /* Identify messages forever, never a command: dropped past its bound (1 MiB). */
    fd = env_connect(env);
    assert_true(fd >= 0);
    unsigned char msg[16384] = {0};
    len = sizeof msg;
    memcpy(msg, &type, 4);
    memcpy(msg + 4, &len, 2);
    bool dropped = false;
    for (int i = 0; i < 200 && !dropped; i++) {
        if (send(fd, msg, sizeof msg, MSG_NOSIGNAL) < 0)
            dropped = true;
    }
    assert_true(dropped || hung_up(fd));
    close(fd);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "ls", "-F", "#{session_name}", NULL), 0);
    assert_string_equal(out, "s\n");
    free(out);
}

/* A client attached by bin with no -f: a new session "s" in a 100x24 terminal. The
 * callers wait on its screen, not with ls: a command from another client while the new
 * server has no session yet would let that server exit under the attaching client (a
 * race of tmx's exit-empty check, reported). */
static struct pty_client *attach_as(struct tmx_env *env, const char *bin)
{
    const char *argv[] = {bin, "-L", env_socket_name(env), "new", "-s", "s", "sleep 1000", NULL};
    struct pty_client *c = pty_start(env, 100, 24, argv);
    assert_non_null(c);
    return c;
}

static void test_first_run_hint_without_config(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's own */
    struct pty_client *c = attach_as(env, env_bin(env));
    /* No configuration anywhere: the prefix and ? on the status line... */
    assert_true(client_wait_row(c, -1, "Prefix is C-b: C-b ? lists the keys, C-b d detaches",
                                E2E_TIMEOUT));
    /* ...until a key is pressed. */
    client_keys(c, "x");
    for (long long end = e2e_now_ms() + E2E_TIMEOUT; e2e_now_ms() < end;) {
        client_pump(c, 20);
        if (strstr(client_screen_row(c, -1), "Prefix is") == NULL)
            break;
    }
    assert_null(strstr(client_screen_row(c, -1), "Prefix is"));
    assert_non_null(strstr(client_screen_row(c, -1), "[s]"));
}

static void test_no_first_run_hint_with_a_config_or_as_tmux(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    /* As tmux, no config: the status line tmux draws (tools compare it). */
    char *tmux = link_as(env, "tmux");
    struct pty_client *c = attach_as(env, tmux);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_pump(c, 300);
    assert_null(strstr(client_screen_row(c, -1), "Prefix is"));
    free(tmux);
    pid_t server = server_pid(env, "s");
    assert_true(server > 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    /* The next client must find no server, not this one on its way out. */
    for (long long end = e2e_now_ms() + E2E_TIMEOUT; e2e_now_ms() < end && kill(server, 0) == 0;)
        sleep_ms(20);
    assert_int_not_equal(kill(server, 0), 0);
    /* As tmx with a ~/.tmux.conf (an empty one will do). */
    write_home(".tmux.conf", "");
    c = attach_as(env, env_bin(env));
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_pump(c, 300);
    assert_null(strstr(client_screen_row(c, -1), "Prefix is"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_version_as_tmux_is_what_tools_parse, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_as_tmux_reads_tmux_conf_and_xdg, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_as_tmx_reads_tmx_conf_else_tmux_conf, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_panes_have_tmux_and_tmux_pane, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_tmux_tmpdir_is_honoured, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_nesting_gives_tmux_message, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_global_flags_of_tmux, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_real_tmux_inside_tmx_is_refused_in_its_protocol,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_tmx_on_a_tmux_socket_says_so, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_malformed_tmux_client_is_dropped_alone, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_first_run_hint_without_config, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_no_first_run_hint_with_a_config_or_as_tmux,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
