/* test_script.c - end-to-end: a tmux-style shell script drives a detached server as users'
 * scripts do: three sessions with windows, keys sent, wait-for to know when a job is
 * done, capture-pane to read the result; the script's own checks decide. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static const char *script =
    "set -e\n"
    "T() { \"$TMX_BIN\" -L \"$SOCK\" -f /dev/null \"$@\"; }\n"
    /* Until pane $1 shows line $2 (5 s): what a pane printed and a command from another
     * process reach the server by two paths, in no set order. */
    "shows() { i=0; until T capture-pane -p -t \"$1\" | grep -q \"^$2\\$\"; do "
    "i=$((i+1)); [ $i -lt 100 ] || return 1; sleep 0.05; done; }\n"
    "T new -d -s build -n compile\n"
    "T new-window -t build -n test\n"
    "T new -d -s web -n server 'echo serving; exec sleep 60'\n"
    "T new -d -s db\n"
    "T new-window -d -t db:5 -n psql\n"
    "[ \"$(T ls -F '#{session_name}' | sort | tr '\\n' ' ')\" = 'build db web ' ]\n"
    "[ \"$(T list-windows -t build -F '#{window_index}:#{window_name}' | tr '\\n' ' ')\" = '0:compile 1:test ' ]\n"
    "[ \"$(T list-windows -t db -F '#I' | tr '\\n' ' ')\" = '0 5 ' ]\n"
    "T send-keys -t build:compile 'x=$((6*7)); echo result=$x; tmx_done() { \"$TMX_BIN\" -L '\"$SOCK\"' -f /dev/null wait-for -S built; }; tmx_done' Enter\n"
    "T wait-for built\n"
    "shows build:compile result=42\n"
    "shows web serving\n"
    "[ \"$(T display-message -p -t build:test '#{session_name}:#{window_index}.#{pane_index}')\" = 'build:1.0' ]\n"
    "T kill-session -t db\n"
    "! T has-session -t db 2>/dev/null\n"
    "T rename-session -t web www\n"
    "T has-session -t www\n"
    "echo script-ok\n";

static void test_tmux_style_script_drives_a_detached_server(void **state)
{
    struct tmx_env *env = *state;
    /* The same script works with TMX_BIN=tmux: it only uses what tmux has. */
    setenv("SOCK", env_socket_name(env), 1);
    setenv("TMX_BIN", env_bin(env), 1);
    char path[512];
    snprintf(path, sizeof path, "%s/script.sh", getenv("HOME"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(script, f);
    fclose(f);
    char run[700];
    snprintf(run, sizeof run, "/bin/sh %s 2>&1", path);
    FILE *out = popen(run, "r");
    assert_non_null(out);
    char text[4096] = "";
    size_t n = fread(text, 1, sizeof text - 1, out);
    text[n] = '\0';
    int status = pclose(out);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || strstr(text, "script-ok") == NULL)
        fail_msg("script failed (status %d):\n%s", status, text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_tmux_style_script_drives_a_detached_server,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
