/* cmd_parse.c - the command-line parser: words, quotes, ';' between commands (see cmd.h). */
#include "cmd.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* A growable string for the splitter. */
struct word {
    char *s;
    size_t len, size;
};

static void word_add(struct word *w, char c)
{
    if (w->len + 2 > w->size) {
        w->size = w->size ? w->size * 2 : 32;
        w->s = xrealloc(w->s, w->size);
    }
    w->s[w->len++] = c;
    w->s[w->len] = '\0';
}

int cmd_split(const char *line, char ***argvp, const char **err)
{
    return cmd_split_at(line, argvp, err, NULL);
}

int cmd_split_at(const char *line, char ***argvp, const char **err, int *err_column)
{
    char **argv = xcalloc(1, sizeof *argv);
    int argc = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '#')
            break;
        struct word w = {0};
        bool in_word = false;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            in_word = true;
            if (*p == '\'') {
                const char *end = strchr(p + 1, '\'');
                if (end == NULL) {
                    *err = "missing closing '";
                    if (err_column != NULL)
                        *err_column = (int)(p - line) + 1;
                    free(w.s);
                    cmd_free_argv(argv);
                    return -1;
                }
                for (const char *q = p + 1; q < end; q++)
                    word_add(&w, *q);
                p = end + 1;
            } else if (*p == '"') {
                const char *open = p;
                p++;
                while (*p != '"') {
                    if (*p == '\0') {
                        *err = "missing closing \"";
                        if (err_column != NULL)
                            *err_column = (int)(open - line) + 1;
                        free(w.s);
                        cmd_free_argv(argv);
                        return -1;
                    }
                    if (*p == '\\' && p[1] != '\0')
                        p++;
                    word_add(&w, *p++);
                }
                p++;
            } else if (*p == '\\' && p[1] != '\0') {
                word_add(&w, p[1]);
                p += 2;
            } else {
                word_add(&w, *p++);
            }
        }
        if (in_word) {
            argv = xreallocarray(argv, (size_t)argc + 2, sizeof *argv);
            argv[argc++] = w.s != NULL ? w.s : xstrdup("");
            argv[argc] = NULL;
        }
    }
    *argvp = argv;
    return argc;
}

int cmd_execute_string(struct cmd_ctx *ctx, const char *line)
{
    char **argv;
    const char *err = NULL;
    int column = 0;
    int argc = cmd_split_at(line, &argv, &err, &column);
    if (argc < 0) {
        cmd_error(ctx, "syntax error at column %d: %s", column, err);
        return 1;
    }
    /* A word that is exactly ";" separates commands; "\;" was unescaped to ";" too, so a
     * literal semicolon argument needs quoting, as in tmux ('\;'). */
    int status = 0, start = 0;
    for (int i = 0; i <= argc; i++) {
        if (i == argc || strcmp(argv[i], ";") == 0) {
            char *saved = argv[i];
            argv[i] = NULL;
            if (i > start)
                status = cmd_execute_argv(ctx, i - start, argv + start);
            argv[i] = saved;
            start = i + 1;
            if (status != 0 || ctx->detached)
                break;
        }
    }
    cmd_free_argv(argv);
    return status;
}
