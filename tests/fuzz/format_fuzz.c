/* format_fuzz.c - libFuzzer target for the format expander (server/format.c): the input
 * is a template (up to its first NUL byte, as -F and option values are C strings),
 * expanded in every kind of context the callers build:
 *   - server only (no session, window, pane or client: display-message without
 *     sessions, list-commands...);
 *   - a session only, then format_defaults filling window and pane;
 *   - session + window (list-windows), session + window + pane (list-panes), for every
 *     pane of the in-memory server of tests/fuzz/fake_server.c, including a dead one;
 *   - the same with an attached client (status line, display-message from a key), and
 *     with a client that has no TERM.
 * Checked: a result is always returned and NUL-terminated (ASan sees the rest), and a
 * template without '#' expands to itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_server.h"
#include "format.h"
#include "server_client.h"
#include "server_int.h"
#include "session.h"
#include "xmalloc.h"

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
    if (strchr(template, '#') == NULL && strcmp(out, template) != 0) {
        fprintf(stderr, "format_fuzz: \"%s\" without '#' expanded to \"%.*s\"\n", template,
                (int)n, out);
        abort();
    }
    free(out);
}

static struct client *fake_client(struct session *sess, const char *term)
{
    struct client *c = xcalloc(1, sizeof *c);
    c->server = srv;
    c->fd = -1;
    c->pid = 4242;
    c->identified = true;
    c->attached = true;
    c->cols = 80;
    c->rows = 24;
    c->term = term != NULL ? xstrdup(term) : NULL;
    c->cwd = xstrdup("/tmp");
    c->session = sess;
    TAILQ_INSERT_TAIL(&srv->clients, c, entry);
    return c;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* format_expand only reads: one server for every input. */
    srv = fake_server_create();
    struct session *first = TAILQ_FIRST(&srv->sessions);
    client_with_term = fake_client(first, "xterm-256color");
    client_without_term = fake_client(TAILQ_NEXT(first, entry), NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *template = malloc(size + 1);
    memcpy(template, data, size);
    template[size] = '\0';

    struct format_ctx ctx = {.server = srv};
    expand(&ctx, template);

    struct session *sess;
    TAILQ_FOREACH(sess, &srv->sessions, entry) {
        ctx = (struct format_ctx){.server = srv, .session = sess};
        expand(&ctx, template);
        format_defaults(&ctx);
        expand(&ctx, template);
        ctx.client = sess == TAILQ_FIRST(&srv->sessions) ? client_with_term : client_without_term;
        expand(&ctx, template);

        struct window *w;
        TAILQ_FOREACH(w, &sess->windows, entry) {
            ctx = (struct format_ctx){.server = srv, .session = sess, .window = w};
            expand(&ctx, template);
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                ctx.pane = p;
                expand(&ctx, template);
            }
        }
    }
    /* A pane without its window or session (nothing in format.h requires them). */
    struct window *w = TAILQ_FIRST(&TAILQ_FIRST(&srv->sessions)->windows);
    ctx = (struct format_ctx){.server = srv, .window = w, .pane = w->active,
                              .client = client_without_term};
    expand(&ctx, template);

    free(template);
    return 0;
}
