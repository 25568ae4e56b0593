/* config.c - loading configuration files (see config.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "cmd_queue.h"
#include "log.h"
#include "server_state.h"
#include "xmalloc.h"

/* source-file may source files that source files...: not forever. */
#define CONFIG_DEPTH_MAX 50
/* A config file larger than this is refused (it would be a mistake). */
#define CONFIG_SIZE_MAX (64u << 20)

void config_add_cause(struct server *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (msg == NULL)
        return;
    log_debug("config: %s", msg);
    char *both[] = {s->config_errors, s->config_causes};
    for (int i = 0; i < 2; i++) {
        char *old = both[i];
        both[i] = xasprintf("%s%s\n", old != NULL ? old : "", msg);
        free(old);
    }
    s->config_errors = both[0];
    s->config_causes = both[1];
    free(msg);
}

/* Read a whole file; NULL with errno set. */
static char *read_file(const char *path, size_t *lenp)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return NULL;
    }
    size_t len = 0, size = 8192;
    char *buf = xmalloc(size);
    size_t n;
    while ((n = fread(buf + len, 1, size - len, f)) > 0) {
        len += n;
        if (len > CONFIG_SIZE_MAX) {
            free(buf);
            fclose(f);
            errno = EFBIG;
            return NULL;
        }
        if (len == size) {
            size *= 2;
            buf = xrealloc(buf, size);
        }
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *lenp = len;
    return buf;
}

struct cmd_list *config_parse_file(const char *path, const struct cmd_parse_input *pi_in,
                                   bool quiet, char **error)
{
    *error = NULL;
    size_t len = 0;
    char *buf = read_file(path, &len);
    if (buf == NULL) {
        if (!(quiet && errno == ENOENT))
            *error = xasprintf("%s: %s", path, strerror(errno));
        return NULL;
    }
    struct cmd_parse_input pi = *pi_in;
    pi.file = path;
    pi.line = 1;
    struct cmd_list *list = cmd_parse_buffer(buf, len, &pi, error);
    free(buf);
    return list;
}

/* The startup config's commands: errors become causes (FILE:LINE: message), what they
 * print goes nowhere (no client asked). */
static void config_output(void *arg, struct cmd_ctx *ctx, int status)
{
    struct server *s = arg;
    (void)status;
    size_t n = evbuffer_get_length(ctx->err);
    if (n == 0)
        return;
    char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
    char *line = text, *nl;
    while (line != NULL && *line != '\0') {
        nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        if (ctx->file != NULL)
            config_add_cause(s, "%s:%u: %s", ctx->file, ctx->line, line);
        else
            config_add_cause(s, "%s", line);
        line = nl != NULL ? nl + 1 : NULL;
    }
    free(text);
}

/* The startup config is done: the clients' commands that waited run now. */
static void config_done(struct cmdq_state *st, void *arg)
{
    struct server *s = st->server;
    (void)arg;
    if (s->config_pending > 0)
        s->config_pending--;
    if (s->config_pending == 0)
        cmdq_run_all(s);
}

void config_load_startup(struct server *s, const char *path, bool quiet)
{
    struct cmdq *q = cmdq_get(s, NULL);
    struct cmdq_state *st = cmdq_state_new(s, NULL, false, config_output, s);
    s->config_pending++;
    if (path != NULL) {
        char *real = realpath(path, NULL);
        const char *name = real != NULL ? real : path;
        char *files = s->config_files != NULL ? xasprintf("%s,%s", s->config_files, name)
                                              : xstrdup(name);
        free(s->config_files);
        s->config_files = files;
        free(real);
        struct cmd_parse_input pi = {.server = s};
        char *error = NULL;
        struct cmd_list *list = config_parse_file(path, &pi, quiet, &error);
        if (error != NULL) {
            config_add_cause(s, "%s", error);
            free(error);
        }
        if (list != NULL) {
            cmdq_append(q, list, st);
            cmd_list_free(list);
        }
    }
    cmdq_append_callback(q, st, config_done, NULL);
    cmdq_state_unref(st);
}

int config_load(struct server *s, struct client *c, const char *path, bool quiet,
                struct evbuffer *errors)
{
    if (s->config_depth >= CONFIG_DEPTH_MAX) {
        evbuffer_add_printf(errors, "%s: too many nested files\n", path);
        return -1;
    }
    struct cmd_parse_input pi = {.server = s, .client = c};
    char *error = NULL;
    struct cmd_list *list = config_parse_file(path, &pi, quiet, &error);
    if (list == NULL) {
        if (error == NULL)
            return 0;
        evbuffer_add_printf(errors, "%s\n", error);
        free(error);
        return -1;
    }
    s->config_depth++;
    struct cmd_ctx ctx = {.server = s, .client = c, .out = evbuffer_new(), .err = evbuffer_new()};
    int status = 0;
    unsigned failed_group = 0;
    bool failed = false;
    for (size_t i = 0; i < list->n; i++) {
        const struct cmd_parsed *pc = &list->cmds[i];
        if (failed && pc->group == failed_group)
            continue;
        failed = false;
        ctx.file = pc->file;
        ctx.line = pc->line;
        ctx.depth = pc->depth;
        if (cmd_execute_parsed(&ctx, pc) != 0) {
            status = -1;
            failed = true;
            failed_group = pc->group;
            /* A command may fail without a word (none to add here, then). */
            size_t elen = evbuffer_get_length(ctx.err);
            char *msg = xstrndup(elen > 0 ? (const char *)evbuffer_pullup(ctx.err, -1) : "", elen);
            msg[strcspn(msg, "\n")] = '\0';
            evbuffer_add_printf(errors, "%s:%u: %s\n", path, pc->line, msg);
            free(msg);
        }
        evbuffer_drain(ctx.err, evbuffer_get_length(ctx.err));
    }
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    cmd_list_free(list);
    s->config_depth--;
    return status;
}
