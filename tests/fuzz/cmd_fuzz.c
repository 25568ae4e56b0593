/* cmd_fuzz.c - libFuzzer target for the command parser (server/cmd.c): the input is a
 * config file (lines as source-file reads them), each line split by cmd_split into
 * words, cut into commands at ";" words, each command looked up (cmd_lookup, with
 * unique prefixes), its flags parsed against the entry's spec (cmd_parse_flags, the
 * same function cmd_execute_argv uses), and its -t / -s target resolved against an
 * in-memory server (tests/fuzz/fake_server.c) by cmd_find_session / _window / _pane.
 *
 * Commands that only read or rename in-memory state then run for real, as from a config
 * file (no client): list-*, has-session, show-options, capture-pane, display-message,
 * bind-key/unbind-key, rename-*, select/next/previous/last-window, set-option of the
 * plain value options... Commands that would fork, open files, signal or stop the server
 * (new-*, kill-*, respawn-*, send-keys, source-file, set-option log-file, wait-*) stop
 * after flag parsing and target resolution.
 *
 * cmd_parse_flags is static, so cmd.c is compiled into this file; the cmd.o of
 * libtmx_server.a is then never linked (every symbol it defines is defined here). */
#include "../../server/cmd.c"

#include <stdint.h>

#include "fake_server.h"

static void fail(const char *what, const char *line)
{
    fprintf(stderr, "cmd_fuzz: %s (line \"%s\")\n", what, line);
    abort();
}

static bool runs(const struct cmd_entry *e, const struct cmd_args *args)
{
    static const char *const safe[] = {
        "has-session", "list-sessions", "list-windows", "list-panes", "list-commands",
        "list-keys", "show-options", "capture-pane", "display-message", "bind-key",
        "unbind-key", "rename-session", "rename-window", "select-window", "next-window",
        "previous-window", "last-window", "command-prompt", "confirm-before",
        "refresh-client", "start-server", NULL,
    };
    static const char *const options[] = {
        "history-limit", "base-index", "escape-time", "kill-grace", "prefix",
        "remain-on-exit", "default-shell", "default-terminal", NULL,
    };
    if (strcmp(e->name, "set-option") == 0) {
        for (const char *const *o = options; *o != NULL; o++) {
            if (args->argc > 0 && strcmp(args->argv[0], *o) == 0)
                return true;
        }
        return false;
    }
    for (const char *const *s = safe; *s != NULL; s++) {
        if (strcmp(e->name, *s) == 0)
            return true;
    }
    return false;
}

static void run_command(struct cmd_ctx *ctx, int argc, char **argv, const char *line)
{
    const char *why = NULL;
    const struct cmd_entry *e = cmd_lookup(argv[0], &why);
    if (e == NULL) {
        if (why == NULL)
            fail("cmd_lookup failed without a reason", line);
        return;
    }
    if (strncmp(e->name, argv[0], strlen(argv[0])) != 0 &&
        (e->alias == NULL || strcmp(e->alias, argv[0]) != 0))
        fail("cmd_lookup found an entry the name is no prefix or alias of", line);

    struct cmd_args args;
    if (cmd_parse_flags(ctx, e, argc, argv, &args) != 0)
        return;
    if (args.argc < 0 || args.argc > argc - 1 || args.argv + args.argc != argv + argc)
        fail("parsed arguments outside argv", line);
    if (args.argc < e->min_args || (e->max_args >= 0 && args.argc > e->max_args))
        fail("argument count outside the entry's range accepted", line);
    for (int i = 0; i < 128; i++) {
        if (args.flags[i] == NULL)
            continue;
        if (i == ':' || i == 0 || strchr(e->spec, i) == NULL)
            fail("a flag not in the spec was set", line);
        (void)strlen(args.flags[i]);
    }

    /* Resolve the targets the way the commands do. */
    const char *targets[] = {args.flags['t'], args.flags['s']};
    for (size_t i = 0; i < 2; i++) {
        if (targets[i] == NULL && i > 0)
            continue;
        struct session *sess = NULL;
        struct window *w = NULL;
        struct pane *p = cmd_find_pane(ctx, targets[i], &w, &sess);
        if (p != NULL && (w == NULL || sess == NULL || p->window != w || w->session != sess))
            fail("cmd_find_pane gave a pane not in its window/session", line);
        w = cmd_find_window(ctx, targets[i], &sess);
        if (w != NULL && (sess == NULL || w->session != sess))
            fail("cmd_find_window gave a window not in its session", line);
        (void)cmd_find_session(ctx, targets[i]);
    }

    if (runs(e, &args))
        (void)e->exec(ctx, &args);
}

static void run_line(struct cmd_ctx *ctx, const char *line)
{
    char **argv = NULL;
    const char *err = NULL;
    int argc = cmd_split(line, &argv, &err);
    if (argc < 0) {
        if (err == NULL)
            fail("cmd_split failed without a reason", line);
        return;
    }
    for (int i = 0; i < argc; i++) {
        if (argv[i] == NULL)
            fail("cmd_split gave a NULL word", line);
        if (strlen(argv[i]) > strlen(line))
            fail("cmd_split gave a word longer than the line", line);
    }
    if (argv[argc] != NULL)
        fail("cmd_split argv not NULL-terminated", line);

    /* Commands between ";" words, as cmd_execute_string cuts them. */
    int start = 0;
    for (int i = 0; i <= argc; i++) {
        if (i < argc && strcmp(argv[i], ";") != 0)
            continue;
        char *saved = argv[i];
        argv[i] = NULL;
        if (i > start)
            run_command(ctx, i - start, argv + start, line);
        argv[i] = saved;
        start = i + 1;
    }
    cmd_free_argv(argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct server *s = fake_server_create();
    struct cmd_ctx ctx = {.server = s, .out = evbuffer_new(), .err = evbuffer_new()};

    /* Lines as getline gives them (a NUL inside a line ends it for the parser). */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    size_t pos = 0;
    while (pos < size) {
        char *nl = memchr(text + pos, '\n', size - pos);
        size_t end = nl != NULL ? (size_t)(nl - text) + 1 : size;
        /* An exact-size copy of the line, newline included, as getline keeps it. */
        size_t len = end - pos;
        char *line = malloc(len + 1);
        memcpy(line, text + pos, len);
        line[len] = '\0';
        run_line(&ctx, line);
        free(line);
        pos = end;
    }
    free(text);

    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    fake_server_free(s);
    return 0;
}
