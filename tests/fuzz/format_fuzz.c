/* format_fuzz.c - libFuzzer target for the format expander (server/format.c): the input
 * is a template (up to its first NUL byte, as -F values and options are C strings),
 * expanded in every kind of context callers build:
 *   - no context at all (ctx NULL) and a context with every member NULL;
 *   - server only (display-message without sessions, %if in a config file);
 *   - a session only, then format_defaults filling in its window and pane;
 *   - session + window (list-windows), session + window + pane (list-panes), for every
 *     pane of the in-memory server of tests/fuzz/fake_server.c, including a dead one;
 *   - the same with an attached client (status line, display-message from a key), and
 *     with a client that has no TERM; a pane given without its session.
 * Checked: a result is always returned, NUL-terminated (ASan sees the rest) and at most
 * 64 KiB (format.h), and a template without '#' expands to itself. A template that takes
 * too long (FORMAT_MAX_STEPS) shows as a libFuzzer timeout. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_gate.h"
#include "fake_server.h"
#include "format.h"
#include "log.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"

#define OUTPUT_MAX (64 * 1024)

static struct server *srv;
static struct client *client_with_term, *client_without_term;

static void expand(const struct format_ctx *ctx, const char *template)
{
    char *out = format_expand(ctx, template);
    if (out == NULL) {
        fprintf(stderr, "format_fuzz: format_expand returned NULL\n");
        abort();
    }
    size_t n = strlen(out);
    if (n > OUTPUT_MAX) {
        fprintf(stderr, "format_fuzz: %zu bytes of output, more than 64 KiB\n", n);
        abort();
    }
    if (strchr(template, '#') == NULL && strcmp(out, template) != 0) {
        fprintf(stderr, "format_fuzz: \"%s\" without '#' expanded to \"%.*s\"\n", template,
                (int)n, out);
        abort();
    }
    free(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    log_open("/dev/null");
    cmd_gate_selftest(); /* formats do not run commands, but nothing may slip through */
    /* format_expand only reads: one server for every input. */
    srv = fake_server_create(true);
    struct session *first = TAILQ_FIRST(&srv->sessions);
    client_with_term = fake_client_create(srv, first, "xterm-256color");
    client_without_term = fake_client_create(srv, TAILQ_NEXT(first, entry), NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *template = malloc(size + 1);
    memcpy(template, data, size);
    template[size] = '\0';

    expand(NULL, template);
    struct format_ctx ctx = {0};
    expand(&ctx, template);
    ctx.server = srv;
    expand(&ctx, template);

    struct session *sess;
    TAILQ_FOREACH(sess, &srv->sessions, entry) {
        ctx = (struct format_ctx){.server = srv, .session = sess};
        expand(&ctx, template);
        format_defaults(&ctx);
        expand(&ctx, template);
        ctx.client = sess == TAILQ_FIRST(&srv->sessions) ? client_with_term : client_without_term;
        expand(&ctx, template);

        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            ctx = (struct format_ctx){.server = srv, .session = sess, .window = w};
            expand(&ctx, template);
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                ctx.pane = p;
                expand(&ctx, template);
            }
        }
    }
    /* A window and pane given without their session (format.h allows it). */
    struct window *w = TAILQ_FIRST(&TAILQ_FIRST(&srv->sessions)->windows)->window;
    ctx = (struct format_ctx){.server = srv, .window = w, .pane = w->active,
                              .client = client_without_term};
    expand(&ctx, template);
    ctx = (struct format_ctx){.pane = w->active};
    expand(&ctx, template);

    free(template);
    return 0;
}
