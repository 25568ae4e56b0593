/* format_job.c - #(command) in formats (see format_job.h): a list of results in struct
 * server, keyed by client and command; the commands are jobs (job.h) whose completion
 * stores the first line and asks the clients for a new status line. */
#include "format_job.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client_state.h"
#include "format_vars.h"
#include "job.h"
#include "model.h"
#include "redraw.h"
#include "server_state.h"
#include "window.h"
#include "xmalloc.h"

/* A result unused this long is dropped. */
#define FORMAT_JOB_KEEP 3600

struct format_job {
    struct format_job *next;
    struct server *server;
    bool has_client;
    uint32_t client_id;
    char *cmd;       /* as written in the format */
    char *expanded;  /* what last ran */
    char *out;       /* first line of its output; NULL before any */
    time_t last;     /* when it last started */
    time_t used;     /* when it was last asked for */
    struct job *job; /* running, or NULL */
};

static void format_job_free(struct format_job *fj)
{
    if (fj->job != NULL)
        job_forget_owner(fj->server, fj);
    free(fj->cmd);
    free(fj->expanded);
    free(fj->out);
    free(fj);
}

static bool client_exists(const struct server *s, uint32_t id)
{
    const struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->id == id)
            return true;
    }
    return false;
}

/* A command finished: keep its last line (as tmux, which keeps each line as it comes:
 * a final newline ends the last line, it does not start an empty one), and redraw the
 * status lines. */
static void format_job_done(void *arg, const char *output, size_t len, int status)
{
    struct format_job *fj = arg;
    (void)status;
    fj->job = NULL;
    if (len > 0 && output[len - 1] == '\n')
        len--;
    size_t start = len;
    while (start > 0 && output[start - 1] != '\n')
        start--;
    free(fj->out);
    fj->out = xstrndup(output + start, len - start);
    struct client *c;
    TAILQ_FOREACH(c, &fj->server->clients, entry) {
        if (c->attached && c->session != NULL)
            client_redraw(c, REDRAW_STATUS);
    }
}

/* Drop results nobody asked for in a long time and those of clients gone. */
static void format_job_prune(struct server *s, time_t now)
{
    struct format_job **pp = &s->format_jobs;
    while (*pp != NULL) {
        struct format_job *fj = *pp;
        if (now - fj->used > FORMAT_JOB_KEEP || (fj->has_client && !client_exists(s, fj->client_id))) {
            *pp = fj->next;
            format_job_free(fj);
        } else
            pp = &fj->next;
    }
}

char *format_job_get(const struct format_ctx *ctx, const char *command, const char *expanded)
{
    struct server *s = ctx->server;
    if (s == NULL || s->format_jobs_off)
        return xstrdup("");
    time_t now = time(NULL);
    format_job_prune(s, now);
    bool has_client = ctx->client != NULL;
    uint32_t id = has_client ? ctx->client->id : 0;
    struct format_job *fj;
    for (fj = s->format_jobs; fj != NULL; fj = fj->next) {
        if (fj->has_client == has_client && fj->client_id == id && strcmp(fj->cmd, command) == 0)
            break;
    }
    if (fj == NULL) {
        fj = xcalloc(1, sizeof *fj);
        fj->server = s;
        fj->has_client = has_client;
        fj->client_id = id;
        fj->cmd = xstrdup(command);
        fj->expanded = xstrdup(expanded);
        fj->next = s->format_jobs;
        s->format_jobs = fj;
        fj->last = (time_t)-1;
    }
    fj->used = now;
    bool force = strcmp(fj->expanded, expanded) != 0;
    if (force) {
        free(fj->expanded);
        fj->expanded = xstrdup(expanded);
        if (fj->job != NULL)
            job_forget_owner(s, fj);
        fj->job = NULL;
    }
    if (force || (fj->job == NULL && fj->last != now)) {
        /* Its errors go nowhere, as tmux's. */
        char *line = xasprintf("exec 2>/dev/null\n%s", expanded);
        const struct session *sess = ctx->session;
        if (sess == NULL && ctx->window != NULL)
            sess = window_session(ctx->window);
        char err[256];
        fj->job = job_run(s, line, sess != NULL ? sess->cwd : NULL, format_job_done, fj, err,
                          sizeof err);
        free(line);
        if (fj->job == NULL) {
            free(fj->out);
            fj->out = xasprintf("<'%s' didn't start>", fj->cmd);
        }
        fj->last = now;
    } else if (fj->job != NULL && now - fj->last > 1 && fj->out == NULL)
        fj->out = xasprintf("<'%s' not ready>", fj->cmd);
    return xstrdup(fj->out != NULL ? fj->out : "");
}

void format_job_free_all(struct server *s)
{
    while (s->format_jobs != NULL) {
        struct format_job *fj = s->format_jobs;
        s->format_jobs = fj->next;
        format_job_free(fj);
    }
}
