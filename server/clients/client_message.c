/* client_message.c - what a client is told on its status line: a message for a while
 * (display-time), and the result of a command it ran from a key or a prompt (its first
 * error line; its output in the view mode of its pane when asked). */
#include "client_message.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_frames.h"
#include "client_state.h"
#include "cmd.h"
#include "message_log.h"
#include "model.h"
#include "options.h"
#include "redraw.h"
#include "server_state.h"
#include "view_mode.h"
#include "xmalloc.h"

static void message_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    free(c->message);
    c->message = NULL;
    client_redraw(c, REDRAW_STATUS);
}

/* A message on c's status line for delay_ms (0: until a key; -1: display-time, or
 * 750 ms while the option table lacks it); it goes into the message log too. */
static void client_message_v(struct client *c, int delay_ms, const char *fmt, va_list ap)
{
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    if (msg == NULL)
        return;
    char name[64];
    message_log_add(c->server, "%s message: %s", message_log_client_name(c, name, sizeof name),
                    msg);
    /* Nothing from a command or program reaches the terminal raw. */
    for (char *p = msg; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    }
    free(c->message);
    c->message = msg;
    if (c->message_timer == NULL)
        c->message_timer = evtimer_new(c->server->base, message_timer_cb, c);
    if (delay_ms < 0) {
        /* display-time milliseconds; 0: until a key. */
        const struct options *so = c->session != NULL ? c->session->options
                                                      : c->server->session_options;
        delay_ms = (int)options_get_number(so, "display-time");
    }
    evtimer_del(c->message_timer);
    if (delay_ms > 0) {
        struct timeval tv = {.tv_sec = delay_ms / 1000, .tv_usec = (delay_ms % 1000) * 1000};
        evtimer_add(c->message_timer, &tv);
    }
    client_redraw(c, REDRAW_STATUS);
}

void client_message(struct client *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    client_message_v(c, -1, fmt, ap);
    va_end(ap);
}

void client_message_delay(struct client *c, int delay_ms, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    client_message_v(c, delay_ms, fmt, ap);
    va_end(ap);
}

void client_show_output(struct client *c, const char *text, size_t len)
{
    if (c->attached && !c->exiting && c->session != NULL && c->session->current != NULL)
        view_mode_add(c->session->current->window->active, text, len, false);
}

void client_command_done(struct client *c, struct cmd_ctx *ctx, bool show_output)
{
    size_t n = evbuffer_get_length(ctx->out);
    if (show_output && n > 0)
        client_show_output(c, (const char *)evbuffer_pullup(ctx->out, -1), n);
    n = evbuffer_get_length(ctx->err);
    if (n > 0 && !c->exiting) {
        char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
        text[strcspn(text, "\n")] = '\0';
        /* As tmux shows an error on the status line: with a capital first letter. */
        if (*text >= 'a' && *text <= 'z')
            *text = (char)(*text - 'a' + 'A');
        client_message(c, "%s", text);
        free(text);
    }
    evbuffer_free(ctx->out);
    evbuffer_free(ctx->err);
    /* As after a queued command: whoever watches for changes looks (control clients,
     * the snapshot's timer). */
    if (c->server->command_done != NULL)
        c->server->command_done(c->server, NULL);
}
