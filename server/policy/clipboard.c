/* clipboard.c - the terminals' clipboard: text a pane's program sets with OSC 52 (with
 * set-clipboard on) and text copied in tmx go to every attached client whose terminal
 * takes OSC 52. A listener of NOTIFY_PANE_CLIPBOARD and NOTIFY_PASTE_COPIED. */
#include "clipboard.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "client_frames.h"
#include "log.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "paste.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* Whether client c's terminal takes OSC 52 (see RENDER_FLAG_CLIPBOARD). */
static bool client_has_clipboard(const struct client *c)
{
    return c->attached && c->caps != NULL && render_caps_flag(c->caps, RENDER_FLAG_CLIPBOARD);
}

/* A pane's program set the clipboard (OSC 52): with set-clipboard on, it becomes the
 * newest paste buffer and goes to the terminals of the clients showing that pane's
 * session. */
static void clipboard_from_pane(struct pane *p, const char *selection, const char *base64)
{
    struct server *s = p->server;
    if (options_get_number(s->options, "set-clipboard") != 2) /* "on" */
        return;
    /* Only the selection letters xterm knows, and base64 (the vt checked it). */
    char sel[16];
    size_t n = 0;
    for (const char *q = selection; *q != '\0' && n < sizeof sel - 1; q++) {
        if (strchr("cpqs01234567", *q) != NULL)
            sel[n++] = *q;
    }
    sel[n] = '\0';
    /* The text also becomes the newest paste buffer, as when it is copied in tmx. */
    unsigned char *text = xmalloc(strlen(base64) / 4 * 3 + 3);
    long len = base64_decode(base64, text);
    if (len > 0)
        paste_add(s, (char *)text, (size_t)len);
    else
        free(text);
    char *seq = xasprintf("\033]52;%s;%s\a", sel, base64);
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (client_has_clipboard(c) && session_find_window(c->session, p->window) != NULL)
            client_write_terminal(c, seq, strlen(seq));
    }
    free(seq);
}

/* Put text on the clipboard of every attached client (or only that one) whose terminal
 * takes OSC 52 (ESC ] 52 ; c ; base64 BEL). */
static void clipboard_send(struct server *s, const char *data, size_t size, struct client *only)
{
    if (size > CLIPBOARD_MAX) {
        log_debug("clipboard: %zu bytes copied, more than %d: not sent", size,
                  CLIPBOARD_MAX);
        return;
    }
    size_t prefix = strlen("\033]52;c;");
    char *seq = xmalloc(prefix + base64_encoded_size(size) + 2);
    memcpy(seq, "\033]52;c;", prefix);
    size_t len = prefix + base64_encode(data, size, seq + prefix);
    seq[len++] = '\a';
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (client_has_clipboard(c) && (only == NULL || c == only))
            client_write_terminal(c, seq, len);
    }
    free(seq);
}

void clipboard_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_CLIPBOARD)
        clipboard_from_pane(n->pane, n->text, n->data);
    else if (n->type == NOTIFY_PASTE_COPIED)
        clipboard_send(s, n->data, n->size, n->client);
}
