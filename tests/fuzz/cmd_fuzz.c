/* cmd_fuzz.c - libFuzzer target for the config and command parsers: the input is a
 * config file, loaded by config_load (server/config.c: lines, '\' continuations, '#'
 * comments, %if/%elif/%else/%endif with format conditions, FILE:LINE errors) into an
 * in-memory server with sessions (tests/fuzz/fake_server.c). Every command line goes
 * through cmd_execute_string: cmd_split_at (quotes, backslashes, ';'), cmd_lookup
 * (aliases, unique prefixes), cmd_parse_flags (the entry's spec, --long options, -e),
 * the executor finding the -s/-t its entry declares, then the gate of cmd_gate.c, which
 * checks each parse and what was found, resolves -t/-s again every way with
 * cmd_find_session/_window/_pane and runs the commands that only touch memory (as from a
 * config file: no client). Deferred work (hooks...) runs once at the end.
 *
 * Checked besides ASan/UBSan: cmd_split_at's words and its NULL-terminated argv, a
 * syntax error always with a reason and a column inside the line; a parsed command has
 * only flags of its spec, its arguments inside argv and in the entry's range; a target
 * found is consistent (the pane in the window, the window in the session), and the
 * executor found what the entry declares. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "cmd.h"
#include "cmd_gate.h"
#include "config.h"
#include "fake_server.h"
#include "log.h"
#include "server_state.h"
#include "session.h"

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "cmd_fuzz: %s (%s)\n", what, detail);
    abort();
}

static void check_parsed(struct cmd_ctx *ctx, const struct cmd_entry *e,
                         const struct cmd_args *args, int argc, char **argv)
{
    if (args->argc < 0 || args->argc > argc - 1 || args->argv + args->argc != argv + argc)
        fail("parsed arguments outside argv", e->name);
    if (args->argc < e->min_args || (e->max_args >= 0 && args->argc > e->max_args))
        fail("argument count outside the entry's range accepted", e->name);
    for (int i = 0; i < 128; i++) {
        if (args->flags[i] == NULL)
            continue;
        if (i == ':' || i == 0 || strchr(e->spec, i) == NULL)
            fail("a flag not in the spec was set", e->name);
        (void)strlen(args->flags[i]);
    }
    if (args->nenv < 0 || args->nenv > 64)
        fail("bad -e count", e->name);
    for (int i = 0; i < args->nenv; i++) {
        if (args->env[i] == NULL || strchr(args->env[i], '=') == NULL)
            fail("-e without NAME=VALUE accepted", e->name);
    }

    /* What the executor found for the entry's declared -s and -t. */
    const struct cmd_find_spec *specs[] = {&e->source, &e->target};
    const struct cmd_find_state *found[] = {&ctx->source, &ctx->target};
    for (size_t i = 0; i < 2; i++) {
        const struct cmd_find_state *fs = found[i];
        if (specs[i]->type == CMD_FIND_NONE && (fs->session != NULL || fs->window != NULL ||
                                                fs->pane != NULL))
            fail("something found for a spec that asks nothing", e->name);
        if (fs->pane != NULL && (fs->window == NULL || fs->pane->window != fs->window))
            fail("the executor found a pane not in its window", e->name);
        if (fs->window != NULL &&
            (fs->session == NULL || session_find_window(fs->session, fs->window) == NULL))
            fail("the executor found a window not in its session", e->name);
        if (fs->window != NULL && (fs->wl == NULL || fs->wl->window != fs->window ||
                                   fs->wl->session != fs->session))
            fail("the executor found a window without its link", e->name);
        bool missing = (specs[i]->type == CMD_FIND_SESSION && fs->session == NULL) ||
                       (specs[i]->type == CMD_FIND_WINDOW && fs->window == NULL) ||
                       (specs[i]->type == CMD_FIND_PANE && fs->pane == NULL);
        if (missing && specs[i]->flags == 0)
            fail("the executor ran a command without its target", e->name);
    }

    /* Resolve the targets the way the commands do (errors go to ctx->err). */
    const char *targets[] = {args->flags['t'], args->flags['s']};
    for (size_t i = 0; i < 2; i++) {
        if (targets[i] == NULL && i > 0)
            continue;
        struct session *sess = NULL;
        struct window *w = NULL;
        struct pane *p = cmd_find_pane(ctx, targets[i], &w, &sess);
        if (p != NULL && (w == NULL || sess == NULL || p->window != w ||
                          session_find_window(sess, w) == NULL))
            fail("cmd_find_pane gave a pane not in its window/session", targets[i]);
        sess = NULL;
        w = cmd_find_window(ctx, targets[i], &sess);
        if (w != NULL && (sess == NULL || session_find_window(sess, w) == NULL))
            fail("cmd_find_window gave a window not in its session", targets[i]);
        (void)cmd_find_session(ctx, targets[i]);
    }
}

/* cmd_split_at on one line (an exact-size copy: ASan sees a read past its NUL). */
static void split_line(const char *line, size_t len)
{
    char *copy = malloc(len + 1);
    memcpy(copy, line, len);
    copy[len] = '\0';
    char **argv = NULL;
    const char *err = NULL;
    int column = -1;
    int argc = cmd_split_at(copy, &argv, &err, &column);
    if (argc < 0) {
        if (err == NULL || column < 1 || (size_t)column > strlen(copy))
            fail("cmd_split_at error without a reason or outside the line", copy);
    } else {
        /* ~, ~user and $VAR expand (HOME, a user's directory, the environment): only a
         * line without them bounds its words' length. */
        bool expands = strchr(copy, '~') != NULL || strchr(copy, '$') != NULL;
        for (int i = 0; i < argc; i++) {
            if (argv[i] == NULL || (!expands && strlen(argv[i]) > strlen(copy)))
                fail("cmd_split_at word NULL or longer than the line", copy);
        }
        if (argv[argc] != NULL)
            fail("cmd_split_at argv not NULL-terminated", copy);
        cmd_free_argv(argv);
    }
    free(copy);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    log_open("/dev/null"); /* the debug-log paths too (DESIGN.md pitfall 9) */
    cmd_gate_selftest();
    cmd_gate_parsed = check_parsed;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Each line on its own through the splitter. */
    for (size_t pos = 0; pos < size;) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        size_t end = nl != NULL ? (size_t)(nl - data) : size;
        const uint8_t *nul = memchr(data + pos, '\0', end - pos);
        split_line((const char *)data + pos, (nul != NULL ? (size_t)(nul - data) : end) - pos);
        pos = end + 1;
    }

    /* The whole input as a config file. */
    int fd = memfd_create("tmx-fuzz.conf", MFD_CLOEXEC);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size)
        abort();
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    struct server *s = fake_server_create(true);
    struct evbuffer *errors = evbuffer_new();
    config_load(s, NULL, path, false, errors);
    /* Every error line is FILE:LINE: message. */
    size_t n = evbuffer_get_length(errors);
    if (n > 0) {
        const char *text = (const char *)evbuffer_pullup(errors, -1);
        if (strncmp(text, path, strlen(path)) != 0 || text[n - 1] != '\n')
            fail("config error not FILE:LINE: message", "errors");
    }
    evbuffer_free(errors);
    event_base_loop(s->base, EVLOOP_NONBLOCK); /* deferred work: hooks, renames */
    fake_server_free(s);
    close(fd);
    return 0;
}
