/* format.c - #{variable} expansion. This is the small core the status line and -F need;
 * the formats issue extends it (conditionals, modifiers) in this same module. */
#include "format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server_client.h"
#include "server_int.h"
#include "session.h"
#include "vt.h"
#include "xmalloc.h"

struct out {
    char *s;
    size_t len, size;
};

static void out_add(struct out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->size) {
        o->size = (o->len + n + 1) * 2;
        o->s = xrealloc(o->s, o->size);
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void out_str(struct out *o, const char *s)
{
    out_add(o, s, strlen(s));
}

static int count_attached(const struct format_ctx *ctx)
{
    int n = 0;
    const struct client *c;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (c->attached && c->session == ctx->session)
            n++;
    }
    return n;
}

/* Expand one variable into o. Unknown names give nothing. */
static void format_variable(const struct format_ctx *ctx, const char *name, struct out *o)
{
    char buf[512];
    const struct session *s = ctx->session;
    const struct window *w = ctx->window;
    const struct pane *p = ctx->pane;
    buf[0] = '\0';

    if (strcmp(name, "pid") == 0)
        snprintf(buf, sizeof buf, "%ld", (long)ctx->server->pid);
    else if (strcmp(name, "socket_path") == 0)
        snprintf(buf, sizeof buf, "%s", ctx->server->socket_path);
    else if (strcmp(name, "host") == 0 || strcmp(name, "host_short") == 0) {
        gethostname(buf, sizeof buf);
        buf[sizeof buf - 1] = '\0';
        if (strcmp(name, "host_short") == 0)
            buf[strcspn(buf, ".")] = '\0';
    } else if (s != NULL && strcmp(name, "session_name") == 0)
        snprintf(buf, sizeof buf, "%s", s->name);
    else if (s != NULL && strcmp(name, "session_id") == 0)
        snprintf(buf, sizeof buf, "$%u", s->id);
    else if (s != NULL && strcmp(name, "session_windows") == 0)
        snprintf(buf, sizeof buf, "%d", session_count_windows(s));
    else if (s != NULL && strcmp(name, "session_attached") == 0)
        snprintf(buf, sizeof buf, "%d", count_attached(ctx));
    else if (s != NULL && strcmp(name, "session_created") == 0)
        snprintf(buf, sizeof buf, "%lld", (long long)s->created);
    else if (w != NULL && strcmp(name, "window_index") == 0)
        snprintf(buf, sizeof buf, "%d", w->index);
    else if (w != NULL && strcmp(name, "window_name") == 0)
        snprintf(buf, sizeof buf, "%s", w->name);
    else if (w != NULL && strcmp(name, "window_id") == 0)
        snprintf(buf, sizeof buf, "@%u", w->id);
    else if (w != NULL && strcmp(name, "window_active") == 0)
        snprintf(buf, sizeof buf, "%d", s != NULL && s->current == w);
    else if (w != NULL && strcmp(name, "window_width") == 0)
        snprintf(buf, sizeof buf, "%d", w->cols);
    else if (w != NULL && strcmp(name, "window_height") == 0)
        snprintf(buf, sizeof buf, "%d", w->rows);
    else if (w != NULL && strcmp(name, "window_flags") == 0)
        snprintf(buf, sizeof buf, "%s%s%s%s", s == NULL ? "" : s->current == w ? "*" : s->last == w ? "-" : "",
                 (w->alerts & WINDOW_ALERT_ACTIVITY) ? "#" : "", (w->alerts & WINDOW_ALERT_BELL) ? "!" : "",
                 (w->alerts & WINDOW_ALERT_SILENCE) ? "~" : "");
    else if (w != NULL && strcmp(name, "window_activity_flag") == 0)
        snprintf(buf, sizeof buf, "%d", (w->alerts & WINDOW_ALERT_ACTIVITY) != 0);
    else if (w != NULL && strcmp(name, "window_bell_flag") == 0)
        snprintf(buf, sizeof buf, "%d", (w->alerts & WINDOW_ALERT_BELL) != 0);
    else if (w != NULL && strcmp(name, "window_silence_flag") == 0)
        snprintf(buf, sizeof buf, "%d", (w->alerts & WINDOW_ALERT_SILENCE) != 0);
    else if (w != NULL && strcmp(name, "window_panes") == 0) {
        int n = 0;
        const struct pane *q;
        TAILQ_FOREACH(q, &w->panes, entry)
            n++;
        snprintf(buf, sizeof buf, "%d", n);
    } else if (p != NULL && strcmp(name, "pane_id") == 0)
        snprintf(buf, sizeof buf, "%%%u", p->id);
    else if (p != NULL && strcmp(name, "pane_pid") == 0)
        snprintf(buf, sizeof buf, "%ld", (long)p->pid);
    else if (p != NULL && strcmp(name, "pane_index") == 0)
        snprintf(buf, sizeof buf, "0");
    else if (p != NULL && strcmp(name, "pane_width") == 0)
        snprintf(buf, sizeof buf, "%d", p->cols);
    else if (p != NULL && strcmp(name, "pane_height") == 0)
        snprintf(buf, sizeof buf, "%d", p->rows);
    else if (p != NULL && strcmp(name, "pane_title") == 0)
        snprintf(buf, sizeof buf, "%s", vt_title(p->vt));
    else if (p != NULL && strcmp(name, "pane_current_command") == 0)
        pane_current_command(p, buf, sizeof buf);
    else if (p != NULL && strcmp(name, "pane_current_path") == 0)
        snprintf(buf, sizeof buf, "%s", p->cwd);
    else if (p != NULL && strcmp(name, "pane_dead") == 0)
        snprintf(buf, sizeof buf, "%d", p->dead);
    else if (p != NULL && strcmp(name, "pane_dead_status") == 0) {
        if (p->reaped && WIFEXITED(p->wait_status))
            snprintf(buf, sizeof buf, "%d", WEXITSTATUS(p->wait_status));
    } else if (p != NULL && strcmp(name, "pane_dead_signal") == 0) {
        if (p->reaped && WIFSIGNALED(p->wait_status))
            snprintf(buf, sizeof buf, "%d", WTERMSIG(p->wait_status));
    } else if (p != NULL && strcmp(name, "pane_dead_time") == 0) {
        if (p->reaped)
            snprintf(buf, sizeof buf, "%lld", (long long)p->exit_time);
    }
    else if (ctx->client != NULL && strcmp(name, "client_pid") == 0)
        snprintf(buf, sizeof buf, "%ld", (long)ctx->client->pid);
    else if (ctx->client != NULL && strcmp(name, "client_termname") == 0)
        snprintf(buf, sizeof buf, "%s", ctx->client->term ? ctx->client->term : "");
    out_str(o, buf);
}

void format_defaults(struct format_ctx *ctx)
{
    if (ctx->session != NULL && ctx->window == NULL)
        ctx->window = ctx->session->current;
    if (ctx->window != NULL && ctx->pane == NULL)
        ctx->pane = ctx->window->active;
}

char *format_expand(const struct format_ctx *ctx, const char *template)
{
    static const struct {
        char c;
        const char *name;
    } shorthands[] = {
        {'S', "session_name"}, {'W', "window_name"}, {'I', "window_index"}, {'D', "pane_id"},
        {'P', "pane_index"},   {'F', "window_flags"}, {'H', "host"},       {'h', "host_short"},
        {'T', "pane_title"},
    };
    struct out o = {0};
    out_str(&o, "");
    for (const char *p = template; *p != '\0'; p++) {
        if (*p != '#') {
            out_add(&o, p, 1);
            continue;
        }
        if (p[1] == '#') {
            out_add(&o, "#", 1);
            p++;
            continue;
        }
        if (p[1] == '{') {
            const char *end = strchr(p + 2, '}');
            if (end == NULL) {
                out_str(&o, p);
                break;
            }
            char *name = xstrndup(p + 2, (size_t)(end - p - 2));
            format_variable(ctx, name, &o);
            free(name);
            p = end;
            continue;
        }
        bool done = false;
        for (size_t i = 0; i < sizeof shorthands / sizeof shorthands[0]; i++) {
            if (p[1] == shorthands[i].c) {
                format_variable(ctx, shorthands[i].name, &o);
                p++;
                done = true;
                break;
            }
        }
        if (!done)
            out_add(&o, p, 1);
    }
    return o.s;
}
