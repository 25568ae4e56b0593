/* popup_editor.c - the editor in a popup over a temporary file (see popup_editor.h). */
#include "popup_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client_state.h"
#include "job_pty.h"
#include "options.h"
#include "popup.h"
#include "server_state.h"
#include "session.h"
#include "style.h"
#include "xmalloc.h"

/* An edit under way: the file and who wants its text back. */
struct popup_edit {
    char *path;
    void (*done)(char *buf, size_t len, void *arg);
    void *arg;
};

/* The whole of the file at path, NULL if it is empty or unreadable. */
static char *read_all(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t size = 0, cap = 4096;
    char *buf = xmalloc(cap);
    size_t n;
    while ((n = fread(buf + size, 1, cap - size, f)) > 0) {
        size += n;
        if (size == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed || size == 0) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

/* The popup closed: the file's text back if the editor succeeded, then no more file. */
static void edit_closed(int status, void *arg)
{
    struct popup_edit *pe = arg;
    size_t len = 0;
    char *buf = status == 0 ? read_all(pe->path, &len) : NULL;
    unlink(pe->path);
    pe->done(buf, len, pe->arg);
    free(pe->path);
    free(pe);
}

/* Write len bytes to a new temporary file; its path, or NULL. */
static char *write_temp(const char *data, size_t len)
{
    char path[] = "/tmp/tmx.XXXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "wb");
    if (f == NULL) {
        close(fd);
        unlink(path);
        return NULL;
    }
    bool ok = (len == 0 || fwrite(data, len, 1, f) == 1);
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        unlink(path);
        return NULL;
    }
    return xstrdup(path);
}

bool popup_editor(struct client *c, const char *data, size_t len,
                  void (*done)(char *buf, size_t len, void *arg), void *arg)
{
    struct server *srv = c->server;
    const char *editor = options_get_string(srv->options, "editor");
    if (*editor == '\0')
        return false;
    char *path = write_temp(data, len);
    if (path == NULL)
        return false;
    struct popup_spec spec = {.border = true, .lines = "single", .close = POPUP_CLOSE_EXIT};
    spec.cols = c->cols * 9 / 10;
    spec.rows = c->rows * 9 / 10;
    spec.x = c->cols / 2 - spec.cols / 2;
    spec.y = c->rows / 2 - spec.rows / 2;
    char err[256];
    style_apply(&spec.style, "default", err, sizeof err);
    style_apply(&spec.border_style, "default", err, sizeof err);
    struct session *sess = c->session;
    if (sess != NULL && sess->current != NULL) {
        /* The window's popup options, as display-popup takes them. */
        struct options *wo = sess->current->window->options;
        spec.lines = options_find("popup-border-lines")
                         ->choices[options_get_number(wo, "popup-border-lines")];
        style_apply(&spec.style, options_get_string(wo, "popup-style"), err, sizeof err);
        style_apply(&spec.border_style, options_get_string(wo, "popup-border-style"), err,
                    sizeof err);
    }
    if (spec.cols < 3 || spec.rows < 3) {
        unlink(path);
        free(path);
        return false;
    }
    struct popup_edit *pe = xcalloc(1, sizeof *pe);
    pe->path = path;
    pe->done = done;
    pe->arg = arg;
    spec.closed = edit_closed;
    spec.closed_arg = pe;
    char *command = xasprintf("%s %s", editor, path);
    const char *shell = sess != NULL ? options_get_string(sess->options, "default-shell") : "";
    if (*shell != '/' || access(shell, X_OK) != 0)
        shell = srv->default_shell;
    char **env = popup_environment(c, sess, NULL, 0);
    struct job_pty_spawn spawn = {.command = command, .shell = shell, .cwd = "/tmp", .env = env};
    bool opened = popup_open(c, &spec, &spawn, err, sizeof err);
    popup_environment_free(env);
    free(command);
    if (!opened) {
        unlink(path);
        free(path);
        free(pe);
    }
    return opened;
}
