/* cmd_queue.c - command queues (see cmd_queue.h). */
#include "cmd_queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "cmd.h"
#include "key_bindings.h"
#include "queue.h"
#include "model.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

struct cmdq_item {
    TAILQ_ENTRY(cmdq_item) entry;
    struct cmdq *queue;        /* NULL once removed or its queue freed */
    int refs;
    struct cmdq_state *state;
    struct cmd_list *list;     /* a command: list->cmds[index] */
    size_t index;
    cmdq_callback_fn callback; /* or a callback */
    void *callback_arg;
    bool waiting;              /* suspended: the queue holds */
    struct cmdq_item *last_inserted; /* cmdq_insert_after puts the next one after this */
};

TAILQ_HEAD(cmdq_items, cmdq_item);

struct cmdq {
    struct cmdq_items items;
    struct server *server;
    struct client *client;     /* its owner, or NULL for the server's */
    bool running;
    bool dead;                 /* its client went while it ran: freed when it stops */
    bool before_config;        /* runs while the startup config still runs */
};

struct cmdq_state *cmdq_state_new(struct server *s, struct client *c, bool from_key,
                                  cmdq_output_fn output, void *arg)
{
    struct cmdq_state *st = xcalloc(1, sizeof *st);
    st->refs = 1;
    st->server = s;
    st->client = c;
    st->from_key = from_key;
    st->target_pane = UINT32_MAX;
    st->output = output;
    st->output_arg = arg;
    return st;
}

void cmdq_state_ref(struct cmdq_state *st)
{
    st->refs++;
}

void cmdq_state_unref(struct cmdq_state *st)
{
    if (st == NULL || --st->refs > 0)
        return;
    if (st->free_arg != NULL)
        st->free_arg(st->output_arg);
    for (size_t i = 0; i < st->nformats; i++)
        free(st->formats[i]);
    free(st->formats);
    free(st);
}

void cmdq_state_add_format(struct cmdq_state *st, const char *name, const char *value)
{
    st->formats = xreallocarray(st->formats, st->nformats + 3, sizeof *st->formats);
    st->formats[st->nformats++] = xstrdup(name);
    st->formats[st->nformats++] = xstrdup(value);
    st->formats[st->nformats] = NULL;
}

static void item_unref(struct cmdq_item *it)
{
    if (--it->refs > 0)
        return;
    cmd_list_free(it->list);
    cmdq_state_unref(it->state);
    free(it);
}

static struct cmdq *cmdq_new(struct server *s, struct client *c)
{
    struct cmdq *q = xcalloc(1, sizeof *q);
    TAILQ_INIT(&q->items);
    q->server = s;
    q->client = c;
    return q;
}

struct cmdq *cmdq_get(struct server *s, struct client *c)
{
    if (c != NULL) {
        if (c->queue == NULL)
            c->queue = cmdq_new(s, c);
        return c->queue;
    }
    if (s->queue == NULL)
        s->queue = cmdq_new(s, NULL);
    return s->queue;
}

/* Take an item out of its queue (it may still be referenced by a waiter). */
static void item_remove(struct cmdq_item *it)
{
    if (it->queue == NULL)
        return;
    TAILQ_REMOVE(&it->queue->items, it, entry);
    it->queue = NULL;
    item_unref(it);
}

static void cmdq_free(struct cmdq *q)
{
    struct cmdq_item *it;
    while ((it = TAILQ_FIRST(&q->items)) != NULL) {
        /* Commands of other states may point at the client being freed: forget it. */
        if (it->state->client == q->client)
            it->state->client = NULL;
        item_remove(it);
    }
    free(q);
}

void cmdq_free_client(struct client *c)
{
    /* Items elsewhere (the server's queue) that run for this client run without it. */
    struct cmdq *sq = c->server->queue;
    if (sq != NULL) {
        struct cmdq_item *it;
        TAILQ_FOREACH(it, &sq->items, entry) {
            if (it->state->client == c)
                it->state->client = NULL;
        }
    }
    if (c->queue == NULL)
        return;
    struct cmdq *q = c->queue;
    c->queue = NULL;
    if (q->running) {
        /* Freed when its loop stops (the client went during one of its commands). */
        struct cmdq_item *it;
        TAILQ_FOREACH(it, &q->items, entry) {
            if (it->state->client == c)
                it->state->client = NULL;
        }
        q->dead = true;
        q->client = NULL;
        return;
    }
    cmdq_free(q);
}

void cmdq_free_server(struct server *s)
{
    if (s->queue == NULL)
        return;
    cmdq_free(s->queue);
    s->queue = NULL;
}

static struct cmdq_item *item_new(struct cmdq_state *st)
{
    struct cmdq_item *it = xcalloc(1, sizeof *it);
    it->refs = 1;
    it->state = st;
    cmdq_state_ref(st);
    return it;
}

void cmdq_append(struct cmdq *q, struct cmd_list *list, struct cmdq_state *st)
{
    for (size_t i = 0; i < list->n; i++) {
        struct cmdq_item *it = item_new(st);
        it->list = list;
        cmd_list_ref(list);
        it->index = i;
        it->queue = q;
        TAILQ_INSERT_TAIL(&q->items, it, entry);
    }
    cmdq_run(q);
}

void cmdq_append_callback(struct cmdq *q, struct cmdq_state *st, cmdq_callback_fn fn, void *arg)
{
    struct cmdq_item *it = item_new(st);
    it->callback = fn;
    it->callback_arg = arg;
    it->queue = q;
    TAILQ_INSERT_TAIL(&q->items, it, entry);
    cmdq_run(q);
}

void cmdq_insert_after(struct cmd_ctx *ctx, struct cmd_list *list)
{
    struct cmdq_item *at = ctx->item;
    if (at == NULL || at->queue == NULL)
        return;
    struct cmdq_item *after = at->last_inserted != NULL && at->last_inserted->queue != NULL ?
                              at->last_inserted : at;
    for (size_t i = 0; i < list->n; i++) {
        struct cmdq_item *it = item_new(at->state);
        it->list = list;
        cmd_list_ref(list);
        it->index = i;
        it->queue = at->queue;
        TAILQ_INSERT_AFTER(&at->queue->items, after, it, entry);
        after = it;
    }
    at->last_inserted = after;
}

void cmdq_insert_hook(struct server *s, struct cmd_list *list, struct cmdq_state *st)
{
    struct cmdq_item *at = s->cmdq_current;
    if (at == NULL || at->queue == NULL) {
        cmdq_append(cmdq_get(s, NULL), list, st);
        return;
    }
    struct cmdq_item *after = at->last_inserted != NULL && at->last_inserted->queue != NULL ?
                              at->last_inserted : at;
    for (size_t i = 0; i < list->n; i++) {
        struct cmdq_item *it = item_new(st);
        it->list = list;
        cmd_list_ref(list);
        it->index = i;
        it->queue = at->queue;
        TAILQ_INSERT_AFTER(&at->queue->items, after, it, entry);
        after = it;
    }
    at->last_inserted = after;
}

struct cmdq_item *cmdq_suspend(struct cmd_ctx *ctx)
{
    struct cmdq_item *it = ctx->item;
    if (it == NULL || it->queue == NULL)
        return NULL;
    it->waiting = true;
    it->refs++;
    return it;
}

struct cmdq_state *cmdq_item_state(struct cmdq_item *item)
{
    return item->state;
}

/* A command is done: out of the queue, and when it failed the rest of its group too. */
static void item_done(struct cmdq_item *it, int status)
{
    struct cmdq *q = it->queue;
    if (status != 0 && q != NULL && it->list != NULL) {
        it->state->failed = true;
        unsigned group = it->list->cmds[it->index].group;
        struct cmdq_item *next = TAILQ_NEXT(it, entry), *after;
        for (; next != NULL; next = after) {
            after = TAILQ_NEXT(next, entry);
            if (next->list == it->list && next->state == it->state && !next->waiting &&
                next->list->cmds[next->index].group == group)
                item_remove(next);
        }
    } else if (status != 0)
        it->state->failed = true;
    item_remove(it);
}

void cmdq_resume(struct cmdq_item *it, int status)
{
    struct cmdq *q = it->queue;
    it->waiting = false;
    if (q != NULL)
        item_done(it, status);
    item_unref(it);
    if (q != NULL)
        cmdq_run(q);
}

/* The pane of a state's target_pane id, or NULL. */
static struct pane *state_pane(struct server *s, uint32_t id)
{
    return id == UINT32_MAX ? NULL : session_find_pane(s, id);
}

/* What fs names, among what still exists: the pointers are only compared, never
 * followed, until found in the server's lists. */
static void live_target(struct server *s, const struct cmd_find_state *fs, struct session **sp,
                        struct pane **pp)
{
    *sp = NULL;
    *pp = NULL;
    struct session *sess, *psess = NULL;
    struct pane *pane = NULL;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        /* A window may be linked in several sessions: fs's own is the one if alive. */
        bool same = fs->session != NULL && sess == fs->session;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry) {
                if (fs->pane != NULL && p == fs->pane) {
                    if (same) {
                        *sp = sess;
                        *pp = p;
                        return;
                    }
                    if (pane == NULL) {
                        pane = p;
                        psess = sess;
                    }
                }
            }
            if (fs->window != NULL && wl->window == fs->window && *sp == NULL)
                *sp = sess;
        }
        if (same && *sp == NULL)
            *sp = sess;
    }
    if (pane != NULL) {
        *sp = psess;
        *pp = pane;
    }
}

/* tmux's current client for a command that has no client (a hook's, the config's): of
 * the session used last, the attached client used last; NULL when none is attached. */
static struct client *current_client(struct server *s)
{
    struct client *c, *best = NULL;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->exiting || c->session == NULL)
            continue;
        if (best == NULL) {
            best = c;
            continue;
        }
        const struct session *a = c->session, *b = best->session;
        if (a != b) {
            if (a->activity > b->activity || (a->activity == b->activity && a->id > b->id))
                best = c;
        } else if (timercmp(&c->activity, &best->activity, >))
            best = c;
    }
    return best;
}

/* Run one command item. */
static void item_fire(struct cmdq_item *it)
{
    struct cmdq_state *st = it->state;
    const struct cmd_parsed *c = &it->list->cmds[it->index];
    struct cmd_ctx ctx = {.server = st->server, .client = st->client, .from_key = st->from_key,
                          .out = evbuffer_new(), .err = evbuffer_new(),
                          .target_pane = state_pane(st->server, st->target_pane), .item = it,
                          .file = c->file, .line = c->line, .depth = c->depth,
                          .current = st->current};
    /* Hold the item: the command may free the queue (its client goes). */
    it->refs++;
    cmdq_state_ref(st);
    struct cmdq_item *outer = st->server->cmdq_current;
    const char *const *outer_formats = st->server->cmd_formats;
    struct client *outer_client = st->server->cmd_client;
    st->server->cmdq_current = it;
    st->server->cmd_formats = (const char *const *)st->formats;
    st->server->cmd_client = st->client == NULL ? current_client(st->server) : NULL;
    int status = cmd_execute_parsed(&ctx, c);
    if (status == 0 && ctx.ran != NULL && !st->no_hooks && st->server->run_after_hook != NULL) {
        /* after-COMMAND, right after this command (before the ones queued after it), for
         * what the command named if that is still there (kill-session freed it). */
        struct session *sess;
        struct pane *pane;
        live_target(st->server, &ctx.ran_target, &sess, &pane);
        char name[128];
        snprintf(name, sizeof name, "after-%s", ctx.ran->name);
        st->server->run_after_hook(st->server, name, sess, pane, c);
    } else if (status != 0 && !st->no_hooks && st->server->run_after_hook != NULL) {
        /* command-error (tmux 3.5): right after a command that failed, as an after hook. */
        struct session *sess = NULL;
        struct pane *pane = NULL;
        if (ctx.ran != NULL)
            live_target(st->server, &ctx.ran_target, &sess, &pane);
        st->server->run_after_hook(st->server, "command-error", sess, pane, c);
    }
    st->server->cmdq_current = outer;
    st->server->cmd_formats = outer_formats;
    st->server->cmd_client = outer_client;
    st->current = ctx.current; /* for the commands after it (cmd_find_set_current) */
    if (ctx.attached)
        st->attached = true;
    if (ctx.wait)
        st->waits = true;
    if (ctx.detached)
        st->detached = true;
    if (ctx.exit_status != 0) {
        st->status = ctx.exit_status;
        st->status_set = true;
    }
    if (status != 0)
        st->status = 1;
    if (st->output != NULL)
        st->output(st->output_arg, &ctx, status);
    if (st->server->command_done != NULL)
        st->server->command_done(st->server, ctx.ran != NULL ? ctx.ran->name : NULL);
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    if (!it->waiting) {
        if (it->queue != NULL)
            item_done(it, status);
    } else if (status != 0) {
        /* It failed after all: it does not wait. */
        it->waiting = false;
        item_unref(it); /* cmdq_suspend's reference */
        if (it->queue != NULL)
            item_done(it, status);
    }
    cmdq_state_unref(st);
    item_unref(it);
}

void cmdq_run(struct cmdq *q)
{
    if (q == NULL || q->running)
        return;
    /* The server's queue (notification hooks) runs when no command runs: after the
     * client's commands that made them happen, as in tmux. */
    if (q->client == NULL && q->server->cmdq_current != NULL)
        return;
    /* A client's commands wait for the config to be loaded. */
    if (q->client != NULL && q->server->config_pending > 0 && !q->before_config)
        return;
    q->running = true;
    struct cmdq_item *it;
    while ((it = TAILQ_FIRST(&q->items)) != NULL && !it->waiting) {
        if (it->callback != NULL) {
            cmdq_callback_fn fn = it->callback;
            void *arg = it->callback_arg;
            struct cmdq_state *st = it->state;
            cmdq_state_ref(st);
            item_remove(it);
            fn(st, arg);
            cmdq_state_unref(st);
        } else
            item_fire(it);
        if (q->dead)
            break;
    }
    q->running = false;
    struct server *s = q->server;
    if (q->dead)
        cmdq_free(q);
    else if (q->client != NULL && s->cmdq_current == NULL && s->queue != NULL)
        cmdq_run(s->queue);
}

void cmdq_no_config_wait(struct cmdq *q)
{
    q->before_config = true;
}

void cmdq_run_all(struct server *s)
{
    cmdq_run(s->queue);
    struct client *c, *next;
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, next) {
        if (c->queue != NULL)
            cmdq_run(c->queue);
    }
}

int cmd_execute_list(struct cmd_ctx *ctx, struct cmd_list *list)
{
    if (ctx->item != NULL && ctx->item->queue != NULL) {
        cmdq_insert_after(ctx, list);
        return 0;
    }
    int status = 0;
    unsigned failed_group = 0;
    bool failed = false;
    for (size_t i = 0; i < list->n; i++) {
        if (failed && list->cmds[i].group == failed_group)
            continue;
        if (cmd_execute_parsed(ctx, &list->cmds[i]) != 0) {
            status = 1;
            failed = true;
            failed_group = list->cmds[i].group;
        }
        if (ctx->detached)
            break;
    }
    return status;
}

/* What a binding's or prompt's commands print is gathered and shown once they are done
 * (as one view); errors go to the status line at once. */
static void key_output(void *arg, struct cmd_ctx *ctx, int status)
{
    struct evbuffer *gathered = arg;
    (void)status;
    evbuffer_add_buffer(gathered, ctx->out);
    if (ctx->client != NULL && ctx->server->key_output != NULL &&
        evbuffer_get_length(ctx->err) > 0)
        ctx->server->key_output(ctx->client, ctx);
}

static void key_done(struct cmdq_state *st, void *arg)
{
    (void)arg;
    struct evbuffer *gathered = st->output_arg;
    if (st->client == NULL || evbuffer_get_length(gathered) == 0)
        return;
    struct cmd_ctx ctx = {.server = st->server, .client = st->client, .out = gathered,
                          .err = evbuffer_new()};
    st->server->key_output(st->client, &ctx);
    evbuffer_free(ctx.err);
    evbuffer_drain(gathered, evbuffer_get_length(gathered));
}

static void key_free(void *arg)
{
    evbuffer_free(arg);
}

/* Run a parsed list as a key binding's or a prompt's (on the client's queue, so that a
 * command that waits holds the ones after it), or at once in ctx's own item. */
static int execute_key_list(struct cmd_ctx *ctx, struct cmd_list *list)
{
    if (ctx->item == NULL && ctx->from_key && ctx->client != NULL &&
        ctx->server->key_output != NULL) {
        /* A key binding or a prompt: on its client's queue, so that a command that
         * waits (run-shell, if-shell) holds the ones after it, as in tmux. */
        struct evbuffer *gathered = evbuffer_new();
        struct cmdq_state *st = cmdq_state_new(ctx->server, ctx->client, true, key_output,
                                               gathered);
        st->free_arg = key_free;
        if (ctx->target_pane != NULL)
            st->target_pane = ctx->target_pane->id; /* a mouse binding's pane */
        st->current = ctx->current; /* a chooser's item, for its : command */
        struct cmdq *q = cmdq_get(ctx->server, ctx->client);
        cmdq_append(q, list, st);
        cmdq_append_callback(q, st, key_done, NULL);
        cmdq_state_unref(st);
        return 0;
    }
    return cmd_execute_list(ctx, list);
}

int cmd_execute_string(struct cmd_ctx *ctx, const char *line)
{
    char *error = NULL;
    struct cmd_parse_input pi = {.server = ctx->server, .client = ctx->client};
    struct cmd_list *list = cmd_parse_string(line, &pi, &error);
    if (list == NULL) {
        cmd_error(ctx, "%s", error);
        free(error);
        return 1;
    }
    int status = execute_key_list(ctx, list);
    cmd_list_free(list);
    return status;
}

int cmd_execute_binding(struct cmd_ctx *ctx, const struct key_binding *b)
{
    struct server *s = ctx->server;
    struct cmd_list *list = b->list;
    if (list == NULL) {
        /* Bound from a string (the defaults): parsed the first time, kept after. */
        char *error = NULL;
        struct cmd_parse_input pi = {.server = s};
        list = cmd_parse_string(b->command, &pi, &error);
        if (list == NULL) {
            cmd_error(ctx, "%s", error);
            free(error);
            return 1;
        }
        s->binding_list_free = cmd_list_free;
        cmd_list_ref(list);
        key_bindings_set_list(s, b->table, b->key, list); /* b->list is list now */
    } else
        cmd_list_ref(list);
    /* Held while it runs: a command may bind the key again. */
    int status = execute_key_list(ctx, list);
    cmd_list_free(list);
    return status;
}
