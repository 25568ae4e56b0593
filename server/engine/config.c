/* config.c - loading configuration files (see config.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "format.h"
#include "server_state.h"
#include "xmalloc.h"

/* source-file may source files that source files...: not forever. */
#define CONFIG_DEPTH_MAX 16
/* %if may nest this deep. */
#define CONFIG_IF_MAX 32

char *config_default_path(void)
{
    const char *home = getenv("HOME");
    if (home != NULL) {
        char *p = xasprintf("%s/.tmx.conf", home);
        if (access(p, R_OK) == 0)
            return p;
        free(p);
    }
    const char *xdg = getenv("XDG_CONFIG_HOME");
    char *p = NULL;
    if (xdg != NULL && *xdg != '\0')
        p = xasprintf("%s/tmx/tmx.conf", xdg);
    else if (home != NULL)
        p = xasprintf("%s/.config/tmx/tmx.conf", home);
    if (p != NULL && access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

/* Is the %if condition (a format) true: not empty and not "0"? */
static bool condition_true(struct server *s, const char *text)
{
    char **argv;
    const char *err;
    /* The condition is one (usually quoted) word. */
    int argc = cmd_split(text, &argv, &err);
    if (argc < 1) {
        if (argc == 0)
            cmd_free_argv(argv); /* an empty condition: the (empty) argv is ours */
        return false;
    }
    struct format_ctx f = {.server = s};
    char *value = format_expand(&f, argv[0]);
    bool yes = *value != '\0' && strcmp(value, "0") != 0;
    free(value);
    cmd_free_argv(argv);
    return yes;
}

/* %if stack: whether each level runs its lines, and whether a branch was taken. */
struct if_state {
    int depth;
    bool active[CONFIG_IF_MAX + 1];
    bool taken[CONFIG_IF_MAX + 1];
};

/* Handle a %-directive. Returns false for an unknown or misplaced one (message set). */
static bool directive(struct server *s, struct if_state *st, const char *line, const char **why)
{
    bool outer = st->active[st->depth];
    if (strncmp(line, "%if", 3) == 0 && (line[3] == ' ' || line[3] == '\t')) {
        if (st->depth >= CONFIG_IF_MAX) {
            *why = "%if nested too deep";
            return false;
        }
        st->depth++;
        bool yes = outer && condition_true(s, line + 4);
        st->active[st->depth] = yes;
        st->taken[st->depth] = yes;
        return true;
    }
    if (strncmp(line, "%elif", 5) == 0 && (line[5] == ' ' || line[5] == '\t')) {
        if (st->depth == 0) {
            *why = "%elif without %if";
            return false;
        }
        bool parent = st->active[st->depth - 1];
        bool yes = parent && !st->taken[st->depth] && condition_true(s, line + 6);
        st->active[st->depth] = yes;
        st->taken[st->depth] |= yes;
        return true;
    }
    if (strncmp(line, "%else", 5) == 0) {
        if (st->depth == 0) {
            *why = "%else without %if";
            return false;
        }
        st->active[st->depth] = st->active[st->depth - 1] && !st->taken[st->depth];
        st->taken[st->depth] = true;
        return true;
    }
    if (strncmp(line, "%endif", 6) == 0) {
        if (st->depth == 0) {
            *why = "%endif without %if";
            return false;
        }
        st->depth--;
        return true;
    }
    *why = "unknown directive (%if, %elif, %else, %endif)";
    return false;
}

int config_load(struct server *s, struct client *c, const char *path, bool quiet,
                struct evbuffer *errors)
{
    if (s->config_depth >= CONFIG_DEPTH_MAX) {
        evbuffer_add_printf(errors, "%s: source-file nested too deep\n", path);
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (quiet && errno == ENOENT)
            return 0;
        evbuffer_add_printf(errors, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    s->config_depth++;
    struct cmd_ctx ctx = {.server = s, .client = c, .out = evbuffer_new(),
                          .err = evbuffer_new()};
    struct if_state st = {.depth = 0, .active = {true}};
    char *line = NULL, *joined = NULL;
    size_t size = 0, joined_len = 0;
    int status = 0, lineno = 0, first_line = 0;
    ssize_t n;
    while ((n = getline(&line, &size, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        /* A line ending in a backslash continues on the next one. */
        bool more = n > 0 && line[n - 1] == '\\';
        if (more)
            line[--n] = '\0';
        if (joined == NULL)
            first_line = lineno;
        joined = xrealloc(joined, joined_len + (size_t)n + 2);
        memcpy(joined + joined_len, line, (size_t)n + 1);
        joined_len += (size_t)n;
        if (more)
            continue;

        const char *text = joined;
        while (*text == ' ' || *text == '\t')
            text++;
        const char *why = NULL;
        if (*text == '%') {
            if (!directive(s, &st, text, &why)) {
                evbuffer_add_printf(errors, "%s:%d: %s\n", path, first_line, why);
                status = -1;
            }
        } else if (st.active[st.depth] && *text != '\0' && *text != '#') {
            if (cmd_execute_string(&ctx, text) != 0) {
                status = -1;
                size_t elen = evbuffer_get_length(ctx.err);
                char *msg = xstrndup((const char *)evbuffer_pullup(ctx.err, -1), elen);
                msg[strcspn(msg, "\n")] = '\0';
                evbuffer_add_printf(errors, "%s:%d: %s\n", path, first_line, msg);
                free(msg);
            }
            evbuffer_drain(ctx.err, evbuffer_get_length(ctx.err));
        }
        free(joined);
        joined = NULL;
        joined_len = 0;
    }
    if (st.depth > 0) {
        evbuffer_add_printf(errors, "%s:%d: %%if without %%endif\n", path, lineno);
        status = -1;
    }
    free(joined);
    free(line);
    fclose(f);
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    s->config_depth--;
    return status;
}
