/* harness.h - end-to-end test harness: drives real tmx server and client processes.
 *
 * Every test gets a private environment (env_setup): a fresh temporary directory used as
 * TMX_TMPDIR/TMUX_TMPDIR and HOME, a unique socket name (-L) and no config (-f /dev/null),
 * so tests never touch a user's sessions and can run in parallel. The binary under test
 * is $TMX_BIN (tmx, or /usr/bin/tmux to check the tests themselves against tmux 3.3a).
 *
 * Commands are run with tmx_run (stdout/stderr captured). Interactive clients run inside a
 * pty (client_start), as a person would type; what they draw is fed to our own terminal
 * emulator (server/vt) so tests assert on what the user actually sees on the screen.
 * env_teardown kills the server and every process the test started. */
#ifndef TMX_E2E_HARNESS_H
#define TMX_E2E_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <sys/types.h>

#include <cmocka.h>

/* Generous default for every wait: CI runs the tests under ASan. */
#define E2E_TIMEOUT 10000

/* Prefix key, C-b. */
#define KEY_PREFIX "\x02"

struct tmx_env;
struct pty_client;

/* Private environment for one test; fails the test if it cannot be made. */
struct tmx_env *env_setup(void);
/* Kills clients, runs kill-server, waits for the server to exit and kills any leftover
 * process, prints sanitizer reports (ASan/UBSan of the server and clients are logged
 * under the temp dir) and removes the temp dir. Returns the number of sanitizer reports:
 * e2e_teardown fails the test if there is any. */
int env_teardown(struct tmx_env *env);
/* True when TMX_BIN is tmux itself (to note, not hide, the places where tmux differs). */
bool env_is_tmux(const struct tmx_env *env);
/* The binary under test and this test's -L socket name, for starting it by hand. */
const char *env_bin(const struct tmx_env *env);
const char *env_socket_name(const struct tmx_env *env);
/* The path of this test's server socket ($TMX_TMPDIR/tmx-UID/NAME). */
void env_socket_path(const struct tmx_env *env, char *buf, size_t size);
/* A raw connection to this test's server (for speaking the protocol by hand); -1 if
 * connect fails. */
int env_connect(const struct tmx_env *env);
/* Milliseconds on the monotonic clock. */
long long e2e_now_ms(void);
/* Resident memory of process pid in KiB (VmRSS), -1 if it is gone. */
long e2e_rss_kib(pid_t pid);
/* CPU time pid has run (user + system), in ms, from /proc/PID/schedstat; -1 if gone. */
long long e2e_cpu_ms(pid_t pid);
/* How long the server (pid server) itself took to run one command (the words,
 * NULL-terminated), in ms: the wall time from sending it on a connection of its own to
 * its MSG_EXIT, less the time the server and this process spent runnable but waiting for
 * a CPU (/proc schedstat). A server busy with its own work (drawing) or blocked counts; a
 * machine too loaded to run it does not, so a bound on this holds under any load. Under
 * tmux (another protocol) it is the wall time of the command run by tmx_run. Fails the
 * test if the command gets no answer or fails. */
long long e2e_server_command_ms(struct tmx_env *env, pid_t server, ...)
    __attribute__((sentinel));
#define e2e_server_answer_ms(env, server) e2e_server_command_ms((env), (server), "ls", NULL)
/* Voluntary context switches of process pid so far (each sleep is one wakeup after it),
 * -1 if it is gone. */
long e2e_wakeups(pid_t pid);
/* Read at most size - 1 bytes of path into buf, NUL-terminated: how many, or -1 when the
 * file cannot be opened (a /proc file of a process that is gone). */
ssize_t e2e_read_file(const char *path, char *buf, size_t size);
/* The parent pid of pid (from /proc), -1 if it is gone. */
pid_t e2e_parent_pid(pid_t pid);
/* The first child of pid (from /proc/PID/task/PID/children), or -1. */
pid_t e2e_first_child(pid_t pid);
/* The keeper of a server (its child titled "tmx: keeper ..."), parent and subreaper of
 * the panes' programs and so of their orphans; -1 if none. */
pid_t e2e_keeper_of(pid_t server);
/* cmocka setup/teardown wrappers: *state is the struct tmx_env. */
int e2e_setup(void **state);
int e2e_teardown(void **state);

/* Runs `$TMX_BIN -L sock -f /dev/null ARGS...` (NULL-terminated), stdin /dev/null.
 * Stores malloc'd NUL-terminated stdout/stderr in *out and *err when not NULL (caller
 * frees). Returns the exit status, 128+N if killed by signal N, -1 on timeout. */
int tmx_run(struct tmx_env *env, char **out, char **err, ...)
    __attribute__((sentinel));
int tmx_runv(struct tmx_env *env, char **out, char **err, const char *const *args);
/* Reruns the command until its stdout contains needle (want) or not (!want). */
bool wait_run_output(struct tmx_env *env, const char *needle, bool want, int timeout_ms, ...)
    __attribute__((sentinel));
/* Waits until `capture-pane -p -t target` contains needle. */
bool wait_capture(struct tmx_env *env, const char *target, const char *needle, int timeout_ms);
/* Pid of the server, found with display-message '#{pid}' or the pane's TMX/TMUX variable
 * ("socket,pid,session"). Returns -1 if neither works. */
pid_t server_pid(struct tmx_env *env, const char *target);
/* Number of lines in s ("" has 0, a missing final newline still counts a line). */
int count_lines(const char *s);
/* Processes in state Z (zombies) whose parent is ppid. */
int count_zombies_of(pid_t ppid);
/* Live (not zombie) processes whose parent is ppid and whose command name is comm. */
int count_children_named(pid_t ppid, const char *comm);
/* Sends sig to each of those; returns how many. */
int signal_children_named(pid_t ppid, const char *comm, int sig);
/* Waits until ppid has n of those (n = 0: and no zombie child either). */
bool wait_children_named(pid_t ppid, const char *comm, int n, int timeout_ms);
/* A shell prefix for a pane command that must not start before the test is ready
 * (options set, a log opened): it waits for env_go. Never sleep for that instead. */
#define WAIT_FOR_GO "while [ ! -e \"$HOME/go\" ]; do sleep 0.05; done; "
/* Lets the commands waiting in WAIT_FOR_GO go on (creates $HOME/go). */
void env_go(struct tmx_env *env);
/* Sleeps ms milliseconds (only where no condition can be polled). */
void sleep_ms(int ms);

/* Starts `$TMX_BIN -L sock -f /dev/null ARGS...` (NULL-terminated) in a new pty of the
 * given size, as the session leader with the pty as controlling terminal. */
struct pty_client *client_start(struct tmx_env *env, int cols, int rows, ...)
    __attribute__((sentinel));
/* Starts any program (argv[0] a path) in a new pty the same way, e.g. a shell with job
 * control that then runs tmx as a job. */
struct pty_client *pty_start(struct tmx_env *env, int cols, int rows, const char *const *argv);
/* Writes text to the client's terminal in one go (like a paste: no key bindings). */
void client_type(struct pty_client *c, const char *text);
/* From now on the client's terminal answers nothing it is asked (DA, XTVERSION...): the
 * test types the answers it wants. Call it right after client_start. */
void client_no_replies(struct pty_client *c);
/* Writes raw key bytes one at a time, a few ms apart, as a person types them: use this
 * for key bindings (C-b is KEY_PREFIX). */
void client_keys(struct pty_client *c, const char *bytes);
/* Types C-Space (or C-@): the one key whose byte, NUL, client_keys cannot send. */
void client_key_nul(struct pty_client *c);
/* Reads pending output into the emulator, waiting up to wait_ms for some. */
void client_pump(struct pty_client *c, int wait_ms);
/* Waits until needle appears anywhere on the screen (one row); dumps the screen if not. */
bool client_wait_text(struct pty_client *c, const char *needle, int timeout_ms);
/* The same, quietly: for loops that retry. */
bool client_poll_text(struct pty_client *c, const char *needle, int timeout_ms);
/* Waits until needle appears on row y (negative: from the bottom, -1 = last row). */
bool client_wait_row(struct pty_client *c, int y, const char *needle, int timeout_ms);
/* Screen now (after reading pending output). */
bool client_screen_contains(struct pty_client *c, const char *needle);
/* Text of row y (negative: from the bottom); valid until the next call on c. */
const char *client_screen_row(struct pty_client *c, int y);
/* The emulator holding what the client's terminal shows (cells, colours, cursor). */
struct vt;
const struct vt *client_vt(struct pty_client *c);
/* Flag of window idx in the status line (last row): '*' current, '-' last, ' ' none,
 * 0 if the window is not listed. */
char client_window_flag(struct pty_client *c, int idx);
/* Waits until window idx has the given flag in the status line. */
bool client_wait_window_flag(struct pty_client *c, int idx, char flag, int timeout_ms);
/* Prints the screen to stderr (done automatically when a wait fails). */
void client_dump(struct pty_client *c);
/* Sets the pty size; the kernel sends SIGWINCH to the client. */
void client_resize(struct pty_client *c, int cols, int rows);
/* Sends a signal to the client process. */
void client_signal(struct pty_client *c, int sig);
/* Waits for the client to exit and collects its remaining output. Returns its exit
 * status (128+N if killed by signal N) or -1 on timeout. */
int client_wait_exit(struct pty_client *c, int timeout_ms);
/* Every byte the client wrote so far (NUL-terminated), and a search in it. */
const char *client_output(struct pty_client *c, size_t *len);
bool client_output_contains(struct pty_client *c, const char *needle);
/* Terminal settings after the client exited equal those before it started (raw mode
 * undone). Waits a little: a server-side restore may land just after the exit. */
bool client_termios_restored(struct pty_client *c);
pid_t client_pid(const struct pty_client *c);

/* A server in the foreground, `tmx -D ...` (harness_fg.c): run through `unshare -fp
 * --mount-proc` (a new PID namespace, where it is PID 1) when the tests run as root, as
 * CI does; run directly otherwise. Its stdout and stderr are read into obuf and ebuf
 * (NUL-terminated; what does not fit is dropped). */
struct fg {
    pid_t launcher;       /* unshare, or tmx itself: the child to reap */
    pid_t server;         /* the server's pid as seen from here (fg_server_pid) */
    int out, err;         /* read ends, -1 once at EOF */
    char obuf[65536], ebuf[8192];
    size_t olen, elen;
    bool namespaced;
};
/* Starts `$TMX_BIN -L sock -f CONF -D ARGS...` (conf NULL: /dev/null) in directory dir,
 * with the NAME=value strings of envs (NULL-terminated, or NULL) added to its
 * environment. */
void fg_startv(struct tmx_env *env, struct fg *fg, const char *dir, const char *conf,
               const char *const *envs, const char *const *args);
/* The same with -f /dev/null, no added environment and ARGS... NULL-terminated. */
void fg_start(struct tmx_env *env, struct fg *fg, const char *dir, ...)
    __attribute__((sentinel));
/* Reads what is there (waiting up to ms for something); false once both are at EOF. */
bool fg_pump(struct fg *fg, int ms);
/* Waits until stdout holds needle; then the server's pid is known (fg->server). */
bool fg_wait_out(struct fg *fg, const char *needle, int timeout_ms);
/* The server's pid: the launcher's first child in a namespace, else the launcher. */
pid_t fg_server_pid(struct fg *fg);
/* Reads to EOF and reaps the launcher: its exit status, or -1 on a timeout (it is then
 * killed) or a signal. */
int fg_finish(struct fg *fg, int timeout_ms);

/* Assertions that explain themselves: the screen is dumped by the waits on failure. */
#define assert_screen(c, needle) \
    assert_true(client_wait_text((c), (needle), E2E_TIMEOUT))
#define assert_capture(env, target, needle) \
    assert_true(wait_capture((env), (target), (needle), E2E_TIMEOUT))

#endif
