/* cmd_show_messages.c - show-messages: the server's message log, newest first (every
 * command a client ran, every message or error shown to one), or (-J) the running jobs
 * and (-T) the terminals of the clients. */
#include "cmd_impl.h"

#include <stdio.h>
#include <time.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "job.h"
#include "message_log.h"
#include "server_state.h"

/* A time as tmux's #{t/p:} shows it: the time of day within a day, else the day. */
static void pretty_time(time_t t, char *buf, size_t size)
{
    time_t now = time(NULL);
    if (now < t)
        now = t;
    struct tm tm, now_tm;
    localtime_r(&t, &tm);
    localtime_r(&now, &now_tm);
    time_t age = now - t;
    if (age < 24 * 3600)
        strftime(buf, size, "%H:%M", &tm);
    else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon == now_tm.tm_mon) ||
             age < 28 * 24 * 3600)
        strftime(buf, size, "%a%d", &tm);
    else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon < now_tm.tm_mon) ||
             (tm.tm_year == now_tm.tm_year - 1 && tm.tm_mon > now_tm.tm_mon))
        strftime(buf, size, "%d%b", &tm);
    else
        strftime(buf, size, "%h%y", &tm);
}

/* One line per terminal type in use, with the clients using it. */
static bool show_terminals(struct cmd_ctx *ctx)
{
    unsigned n = 0;
    struct client *c;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || c->term == NULL)
            continue;
        char name[64];
        cmd_print(ctx, "Terminal %u: %s for %s, flags=0x0:", n++, c->term,
                  message_log_client_name(c, name, sizeof name));
    }
    return n > 0;
}

static int cmd_show_messages_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (cmd_find_client(ctx, args->flags['t'], false) == NULL)
        return -1;
    bool done = false, blank = false;
    if (args->flags['T'] != NULL) {
        blank = show_terminals(ctx);
        done = true;
    }
    if (args->flags['J'] != NULL) {
        job_print_summary(ctx->server, ctx->out, blank);
        done = true;
    }
    if (done)
        return 0;
    struct server *srv = ctx->server;
    for (size_t i = srv->nmessages; i > 0; i--) {
        const struct message_entry *m = message_log_get(srv, i - 1);
        char when[64];
        pretty_time(m->time.tv_sec, when, sizeof when);
        cmd_print(ctx, "%s: %s", when, m->text);
    }
    return 0;
}

const struct cmd_entry cmd_show_messages_entry = {
    .name = "show-messages",
    .alias = "showmsgs",
    .spec = "JTt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-JT] [-t target-client]",
    .exec = cmd_show_messages_exec,
};
