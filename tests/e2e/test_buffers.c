/* test_buffers.c - end-to-end: paste buffers as a user handles them from the command
 * line (set/list/show/save/load/delete-buffer, load-buffer from stdin), pasting into a
 * program (LF as Enter, bracketed paste with -p, C-b ] and C-b = from an attached
 * client), the clipboard (OSC 52 to the attached terminal) and capture-pane's flags on a
 * detached session. */
#include "harness.h"
#include "vt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs tmx and returns its stdout (caller frees), asserting the exit status. */
static char *run_out(struct tmx_env *env, int want_status, const char *const *args)
{
    const char *argv[32] = {env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null"};
    size_t n = 5;
    for (; *args != NULL && n < 31; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    char *out = NULL, *err = NULL;
    int status = tmx_runv(env, &out, &err, argv);
    if (status != want_status)
        fail_msg("exit %d (wanted %d), stderr: %s", status, want_status, err);
    free(err);
    return out;
}
#define RUN(env, status, ...) run_out((env), (status), (const char *const[]){__VA_ARGS__, NULL})

/* Runs `printf '%s' TEXT | tmx ARGS` through the shell: tmx's stdin is the pipe. */
static int run_with_stdin(struct tmx_env *env, const char *text, const char *args)
{
    char *cmd = NULL;
    if (asprintf(&cmd, "printf '%%s' '%s' | '%s' -L '%s' -f /dev/null %s", text, env_bin(env),
                 env_socket_name(env), args) < 0)
        fail();
    int status = system(cmd);
    free(cmd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The whole content of a file (caller frees), "" if it cannot be read. */
static char *file_text(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = calloc(1, 65536);
    if (f != NULL) {
        size_t n = fread(buf, 1, 65535, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_set_list_show_delete(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);

    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "show-buffer", NULL), 1);
    assert_non_null(strstr(err, "tmx: no buffers (copy some text in copy mode, or use set-buffer)"));
    free(err);

    free(RUN(env, 0, "set-buffer", "hello"));
    free(RUN(env, 0, "setb", "-b", "notes", "two\nlines"));
    char *out = RUN(env, 0, "list-buffers");
    assert_string_equal(out, "notes: 9 bytes: \"two\\nlines\"\nbuffer0: 5 bytes: \"hello\"\n");
    free(out);
    out = RUN(env, 0, "lsb", "-F", "#{buffer_name}=#{buffer_size}");
    assert_string_equal(out, "notes=9\nbuffer0=5\n");
    free(out);

    out = RUN(env, 0, "show-buffer");
    assert_string_equal(out, "two\nlines"); /* as it is, as tmux */
    free(out);
    out = RUN(env, 0, "showb", "-b", "buffer0");
    assert_string_equal(out, "hello");
    free(out);

    /* -a appends, -n renames. */
    free(RUN(env, 0, "setb", "-a", "-b", "buffer0", " world"));
    free(RUN(env, 0, "setb", "-b", "buffer0", "-n", "greeting"));
    out = RUN(env, 0, "showb", "-b", "greeting");
    assert_string_equal(out, "hello world");
    free(out);

    assert_int_equal(tmx_run(env, NULL, &err, "showb", "-b", "x", NULL), 1);
    assert_non_null(strstr(err, "tmx: no buffer named \"x\" (tmx list-buffers lists them)"));
    free(err);

    /* Lowering buffer-limit drops the oldest automatic buffers, not named ones. */
    free(RUN(env, 0, "setb", "a"));
    free(RUN(env, 0, "setb", "b"));
    free(RUN(env, 0, "set", "-s", "buffer-limit", "1"));
    out = RUN(env, 0, "lsb", "-F", "#{buffer_name}");
    assert_string_equal(out, "buffer2\nnotes\ngreeting\n");
    free(out);
    free(RUN(env, 0, "delete-buffer", "-b", "notes"));
    free(RUN(env, 0, "deleteb", "-b", "greeting"));
    free(RUN(env, 0, "deleteb")); /* the newest */
    out = RUN(env, 0, "lsb");
    assert_string_equal(out, "");
    free(out);
}

static void test_save_and_load_files_and_stdin(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    /* Relative paths are the client's: run from the test's home directory. */
    assert_int_equal(chdir(getenv("HOME")), 0);

    write_file("in.txt", "from a file\n");
    free(RUN(env, 0, "load-buffer", "-b", "f", "in.txt"));
    char *out = RUN(env, 0, "showb", "-b", "f");
    assert_string_equal(out, "from a file\n");
    free(out);

    free(RUN(env, 0, "save-buffer", "-b", "f", "out.txt"));
    free(RUN(env, 0, "saveb", "-a", "-b", "f", "out.txt"));
    char *text = file_text("out.txt");
    assert_string_equal(text, "from a file\nfrom a file\n");
    free(text);
    out = RUN(env, 0, "saveb", "-b", "f", "-");
    assert_string_equal(out, "from a file\n");
    free(out);

    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "loadb", "missing.txt", NULL), 1);
    assert_non_null(strstr(err, "missing.txt: No such file or directory"));
    free(err);

    /* - is the client's stdin, read to its end. */
    assert_int_equal(run_with_stdin(env, "from-stdin\nline2\n", "loadb -b in -"), 0);
    out = RUN(env, 0, "saveb", "-b", "in", "-");
    assert_string_equal(out, "from-stdin\nline2\n");
    free(out);
    /* Without -b: a new automatic buffer, the newest. */
    assert_int_equal(run_with_stdin(env, "piped", "loadb -"), 0);
    out = RUN(env, 0, "lsb", "-F", "#{buffer_name}:#{buffer_sample}");
    assert_string_equal(out, "buffer0:piped\nin:from-stdin\\nline2\\n\nf:from a file\\n\n");
    free(out);
}

/* A detached session of the given size running cmd (through sh -c). */
static void start_sized(struct tmx_env *env, const char *name, const char *cols,
                        const char *rows, const char *cmd)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", name, "-x", cols, "-y", rows,
                             cmd, NULL), 0);
}
#define start_program(env, name, cmd) start_sized((env), (name), "60", "10", (cmd))

static void test_paste_into_a_program(void **state)
{
    struct tmx_env *env = *state;
    /* cat -v shows what it reads; the terminal echo shows what was typed. */
    start_program(env, "p", "printf 'ready\\n'; exec cat -v");
    assert_capture(env, "p", "ready");
    free(RUN(env, 0, "setb", "first line\nsecond"));
    free(RUN(env, 0, "paste-buffer", "-t", "p"));
    /* The line feed was typed as Enter: the terminal echoed the paste at once, then
     * cat printed the line it got ("second" has no Enter: cat has not read it). */
    assert_true(wait_run_output(env, "first line\nsecondfirst line\n", true, E2E_TIMEOUT,
                                "capture-pane", "-p", "-t", "p", NULL));

    /* -s sep instead of Enter, -d deletes the buffer afterwards. */
    free(RUN(env, 0, "setb", "-b", "x", "a\nb\n"));
    free(RUN(env, 0, "pasteb", "-d", "-s", "+", "-b", "x", "-t", "p"));
    assert_true(wait_capture(env, "p", "a+b+", E2E_TIMEOUT));
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "showb", "-b", "x", NULL), 1);
    free(err);

    /* -p without bracketed paste mode: just the text. */
    free(RUN(env, 0, "send-keys", "-t", "p", "C-u"));
    free(RUN(env, 0, "setb", "-b", "br", "plain\n"));
    free(RUN(env, 0, "pasteb", "-p", "-b", "br", "-t", "p"));
    assert_true(wait_run_output(env, "plain\nplain", true, E2E_TIMEOUT, "capture-pane", "-p",
                                "-t", "p", NULL));
    char *out = RUN(env, 0, "capture-pane", "-p", "-t", "p");
    assert_null(strstr(out, "200~"));
    free(out);
}

/* Size of a file, -1 if it is not there. */
static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* A paste bigger than the 4 MiB a pane queues for its program arrives whole when the
 * program reads it; into a program that reads nothing, a second paste is refused with
 * a message (exit 1) instead of vanishing. */
static void test_big_paste_whole_or_refused(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(chdir(getenv("HOME")), 0);
    FILE *f = fopen("big.txt", "w");
    assert_non_null(f);
    long size = 0;
    for (int i = 0; size < 5L * 1024 * 1024; i++) { /* short lines: the tty's line limit */
        int n = fprintf(f, "%08d %s\n", i, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
        size += n;
    }
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "stty -echo; exec cat > '%s/got.txt'", getenv("HOME"));
    start_program(env, "r", cmd);
    free(RUN(env, 0, "load-buffer", "-b", "big", "big.txt"));
    assert_true(wait_run_output(env, "cat", true, E2E_TIMEOUT, "display-message", "-p", "-t",
                                "r", "#{pane_current_command}", NULL));
    free(RUN(env, 0, "paste-buffer", "-b", "big", "-t", "r"));
    for (int i = 0; i < 600 && file_size("got.txt") < size; i++)
        sleep_ms(100);
    assert_int_equal(file_size("got.txt"), size);

    if (env_is_tmux(env))
        return; /* tmux queues input for a program without bound */
    start_program(env, "n", "exec sleep 100000");
    free(RUN(env, 0, "paste-buffer", "-b", "big", "-t", "n")); /* taken: nothing waited */
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "paste-buffer", "-b", "big", "-t", "n", NULL), 1);
    assert_non_null(strstr(err, "did not take the paste"));
    free(err);
    err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "send-keys", "-t", "n", "more", NULL), 1);
    assert_non_null(strstr(err, "not reading its input"));
    free(err);
}

static void test_bracketed_paste_only_when_enabled(void **state)
{
    struct tmx_env *env = *state;
    /* The program turns mode 2004 on, then shows what it reads. */
    start_program(env, "b", "printf '\\033[?2004hready\\n'; exec cat -v");
    assert_capture(env, "b", "ready");
    free(RUN(env, 0, "setb", "hello\n"));
    free(RUN(env, 0, "pasteb", "-p", "-t", "b"));
    /* cat -v prints ESC as ^[: the paste arrived between ESC[200~ and ESC[201~. */
    assert_true(wait_run_output(env, "^[[200~hello", true, E2E_TIMEOUT, "capture-pane", "-p",
                                "-t", "b", NULL));
    /* Without -p, no brackets even though the program asked for them. */
    free(RUN(env, 0, "send-keys", "-t", "b", "C-u"));
    free(RUN(env, 0, "setb", "bare\n"));
    free(RUN(env, 0, "pasteb", "-t", "b"));
    assert_true(wait_run_output(env, "\nbare\nbare", true, E2E_TIMEOUT, "capture-pane", "-p",
                                "-t", "b", NULL));
}

static void test_prefix_bracket_and_choose_buffer_paste(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "cat", NULL), 0);
    free(RUN(env, 0, "setb", "-b", "older", "chosen-text"));
    free(RUN(env, 0, "setb", "typed-by-key"));
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));

    client_keys(c, KEY_PREFIX "]");
    assert_screen(c, "typed-by-key");

    /* C-b = lists the buffers, newest first; Down selects "older", Enter pastes it. Each
     * row begins with its shortcut key, as tmux's (0-9, then M-a...), then the buffer's
     * name, when it was made (#{t/p:buffer_created}) and its sample. */
    client_keys(c, KEY_PREFIX "=");
    assert_true(client_wait_row(c, 0, "(0) buffer0: ", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 0, ": typed-by-key", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, "(1) older: ", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, ": chosen-text", E2E_TIMEOUT));
    client_keys(c, "j"); /* down */
    client_keys(c, "\r");
    assert_capture(env, "s", "typed-by-keychosen-text");
    /* A shortcut key chooses its buffer at once: 1 pastes "older" again. */
    client_keys(c, KEY_PREFIX "=");
    assert_true(client_wait_row(c, 1, "(1) older", E2E_TIMEOUT));
    client_keys(c, "1");
    assert_capture(env, "s", "typed-by-keychosen-textchosen-text");

    /* d deletes the selected buffer from the list. */
    client_keys(c, KEY_PREFIX "=");
    assert_screen(c, "(1) older: ");
    client_keys(c, "j"); /* down */
    client_keys(c, "d");
    assert_true(wait_run_output(env, "older", false, E2E_TIMEOUT, "lsb", NULL));
    client_keys(c, "q");

    /* C-b # lists them over the pane. */
    client_keys(c, KEY_PREFIX "#");
    assert_screen(c, "buffer0: 12 bytes: \"typed-by-key\"");
}

static void test_clipboard_goes_to_the_attached_terminal(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));

    /* TERM is xterm-256color: set-buffer -w sends OSC 52 with the text in base64. */
    free(RUN(env, 0, "setb", "-w", "clip-me"));
    for (int i = 0; i < 100 && !client_output_contains(c, "\033]52;c;Y2xpcC1tZQ==\a"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033]52;c;Y2xpcC1tZQ==\a"));

    /* set-clipboard off: set-buffer -w still sends it, as tmux's (-w asks for it). */
    free(RUN(env, 0, "set", "-s", "set-clipboard", "off"));
    free(RUN(env, 0, "setb", "-w", "secret"));
    for (int i = 0; i < 100 && !client_output_contains(c, "\033]52;c;c2VjcmV0\a"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033]52;c;c2VjcmV0\a")); /* "secret" */
    char *out = RUN(env, 0, "showb", "-b", "buffer1");
    assert_string_equal(out, "secret");
    free(out);

    /* set-clipboard on: what a program sets with OSC 52 becomes a buffer too. */
    free(RUN(env, 0, "set", "-s", "set-clipboard", "on"));
    start_program(env, "osc", "printf '\\033]52;c;ZnJvbS1wcm9ncmFt\\a'; exec cat");
    assert_true(wait_run_output(env, "from-program", true, E2E_TIMEOUT, "lsb", NULL));
}

/* The name of the attached client c (list-clients' client_name). Caller frees. */
static char *client_name_of(struct tmx_env *env, struct pty_client *c)
{
    char *out = RUN(env, 0, "list-clients", "-F", "#{client_pid} #{client_name}");
    char pid[32];
    snprintf(pid, sizeof pid, "%ld ", (long)client_pid(c));
    char *line = strstr(out, pid);
    assert_non_null(line);
    line += strlen(pid);
    char *name = strndup(line, strcspn(line, "\n"));
    free(out);
    return name;
}

static void test_buffer_to_one_clients_clipboard(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c1 = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c1, -1, "[s]", E2E_TIMEOUT));
    struct pty_client *c2 = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c2, -1, "[s]", E2E_TIMEOUT));
    char *n1 = client_name_of(env, c1), *n2 = client_name_of(env, c2);

    /* set-buffer -w -t: OSC 52 to that client's terminal alone. */
    free(RUN(env, 0, "setb", "-w", "-t", n1, "only-one"));
    /* load-buffer -w -t: the same for a file's text, to the other client. */
    char path[] = "/tmp/tmx-e2e-loadb-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "loaded", 6), 6);
    close(fd);
    free(RUN(env, 0, "loadb", "-w", "-t", n2, path));
    unlink(path);
    /* Without -t, tmux's current client alone: c2, attached last. Then one copy to each
     * by name: once both have theirs, every copy before them has arrived. */
    free(RUN(env, 0, "setb", "-w", "latest"));
    free(RUN(env, 0, "setb", "-w", "-t", n1, "both"));
    free(RUN(env, 0, "setb", "-w", "-t", n2, "both"));
    for (int i = 0; i < 100 && !(client_output_contains(c1, "\033]52;c;Ym90aA==\a") &&
                                 client_output_contains(c2, "\033]52;c;Ym90aA==\a")); i++) {
        client_pump(c1, 25);
        client_pump(c2, 25);
    }
    assert_true(client_output_contains(c1, "\033]52;c;Ym90aA==\a"));
    assert_true(client_output_contains(c2, "\033]52;c;Ym90aA==\a"));
    assert_true(client_output_contains(c2, "\033]52;c;bGF0ZXN0\a")); /* "latest" */
    assert_false(client_output_contains(c1, "bGF0ZXN0"));
    assert_true(client_output_contains(c1, "\033]52;c;b25seS1vbmU=\a")); /* "only-one" */
    assert_false(client_output_contains(c2, "b25seS1vbmU="));
    assert_true(client_output_contains(c2, "\033]52;c;bG9hZGVk\a")); /* "loaded" */
    assert_false(client_output_contains(c1, "bG9hZGVk"));
    free(n1);
    free(n2);
}

static void test_choose_buffer_flags_on_screen(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    free(RUN(env, 0, "setb", "-b", "keep", "kept text"));
    free(RUN(env, 0, "setb", "-b", "drop", "dropped text"));

    /* Without -N: the list, and the selected buffer's preview in a box under it, titled
     * with its name and the order, as tmux 3.3a draws it. */
    free(RUN(env, 0, "choose-buffer"));
    assert_true(client_wait_row(c, 11, "\u250c drop (sort: time) \u2500\u2500", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 12, "\u2502 dropped text ", E2E_TIMEOUT));
    /* The chosen row (the first) in mode-style, as tmux's modes draw it: black on yellow
     * by default (tmx drew it reversed whatever mode-style said). */
    assert_int_equal(vt_cell(client_vt(c), 0, 0)->bg, COLOUR_PALETTE | 3);
    assert_int_equal(vt_cell(client_vt(c), 0, 0)->fg, COLOUR_PALETTE | 0);
    free(RUN(env, 0, "set", "-g", "mode-style", "bg=red"));
    bool red = false;
    for (long long until = e2e_now_ms() + E2E_TIMEOUT; !red && e2e_now_ms() < until;) {
        client_pump(c, 20);
        red = vt_cell(client_vt(c), 0, 0)->bg == (COLOUR_PALETTE | 1);
    }
    assert_true(red);
    client_keys(c, "q");
    assert_true(wait_run_output(env, "0", true, E2E_TIMEOUT, "display", "-p", "#{pane_in_mode}",
                                NULL));

    /* -N: no preview; -F: each item's text after its name; -f: only those it accepts. */
    free(RUN(env, 0, "choose-buffer", "-N", "-F", "#{buffer_size} bytes here", "-f",
             "#{==:#{buffer_name},keep}"));
    assert_screen(c, "keep: 9 bytes here");
    assert_false(client_screen_contains(c, "(sort: "));
    assert_false(client_screen_contains(c, "drop"));
    client_keys(c, "q");
}

static void test_capture_flags_on_a_detached_session(void **state)
{
    struct tmx_env *env = *state;
    /* A 20x5 pane: colours, a line that wraps, trailing spaces, then 8 more lines so the
     * first ones go to history. */
    start_sized(env, "c", "20", "5",
                "printf '\\033[1;31mred\\033[0m plain\\n0123456789abcdefghijKLMNO\\nsp  \\n'; "
                "seq 1 8; exec cat");
    assert_true(wait_run_output(env, "8", true, E2E_TIMEOUT, "capture-pane", "-p", "-t", "c", NULL));

    char *out = RUN(env, 0, "capture-pane", "-p", "-e", "-S", "-", "-E", "-7", "-t", "c");
    assert_non_null(strstr(out, "\033[1m\033[31mred\033[0m\033[39m\033[49m plain\n")); /* as tmux */
    free(out);

    out = RUN(env, 0, "capturep", "-p", "-J", "-S", "-", "-E", "-5", "-t", "c");
    assert_non_null(strstr(out, "0123456789abcdefghijKLMNO\nsp  \n"));
    free(out);
    out = RUN(env, 0, "capturep", "-p", "-S", "-", "-E", "-5", "-t", "c");
    assert_non_null(strstr(out, "0123456789abcdefghij\nKLMNO\nsp\n"));
    free(out);
    out = RUN(env, 0, "capturep", "-p", "-N", "-S", "-5", "-E", "-5", "-t", "c");
    assert_string_equal(out, "sp  \n"); /* the spaces written, as tmux */
    free(out);

    /* Into a buffer instead of stdout. */
    free(RUN(env, 0, "capture-pane", "-b", "cap", "-S", "-", "-E", "-", "-t", "c"));
    out = RUN(env, 0, "saveb", "-b", "cap", "-");
    assert_non_null(strstr(out, "red plain\n0123456789abcdefghij\n"));
    free(out);

    /* -a: only while the program shows the alternate screen. */
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "capture-pane", "-p", "-a", "-t", "c", NULL), 1);
    assert_non_null(strstr(err, "no alternate screen"));
    free(err);
    free(RUN(env, 0, "capture-pane", "-p", "-a", "-q", "-t", "c"));
    start_program(env, "alt", "printf 'shell-text\\n\\033[?1049h\\033[Hfull-screen'; exec cat");
    assert_capture(env, "alt", "full-screen");
    out = RUN(env, 0, "capture-pane", "-p", "-a", "-t", "alt");
    assert_non_null(strstr(out, "shell-text"));
    assert_null(strstr(out, "full-screen"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_set_list_show_delete, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_save_and_load_files_and_stdin, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_paste_into_a_program, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_big_paste_whole_or_refused, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_bracketed_paste_only_when_enabled, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prefix_bracket_and_choose_buffer_paste, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_clipboard_goes_to_the_attached_terminal, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_buffer_to_one_clients_clipboard, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_choose_buffer_flags_on_screen, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_capture_flags_on_a_detached_session, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
