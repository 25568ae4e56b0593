/* cmd_send_keys.c - send-keys and send-prefix: type keys into a pane, encoded for its
 * modes; a pane in a mode takes them through its key table (copy mode's bindings), as
 * tmux; send-keys -X: a command of the pane's mode (pane_mode.h: copy mode's). */
#include "cmd_impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_input.h"
#include "client_state.h"
#include "format.h"
#include "key_bindings.h"
#include "keys.h"
#include "options.h"
#include "pane_input.h"
#include "pane_mode.h"
#include "server_state.h"
#include "vt.h"
#include "xmalloc.h"

static int pane_key_flags(const struct pane *p)
{
    return pane_input_key_flags(p->vt, p->server);
}

/* Run the binding of key in the key table of p's mode, for p; without one, the mode's
 * own key handling for an attached client. */
static int mode_key(struct cmd_ctx *ctx, struct pane *p, key_code key)
{
    const char *table = p->mode->key_table != NULL ? p->mode->key_table(p) : NULL;
    const struct key_binding *b = table != NULL ? key_bindings_find(ctx->server, table, key)
                                                : NULL;
    if (b == NULL) {
        /* A key the table does not bind: the mode's own, for the issuing client (from
         * the command line, the best attached one, as tmux's keys need no client). */
        struct client *c = ctx->client != NULL && ctx->client->attached
                               ? ctx->client
                               : cmd_find_client(ctx, NULL, true);
        if (p->mode->key != NULL && c != NULL && c->attached)
            p->mode->key(c, p, key);
        return 0;
    }
    struct pane *saved = ctx->target_pane;
    ctx->target_pane = p;
    int status = cmd_execute_binding(ctx, b);
    ctx->target_pane = saved;
    return status == 0 ? 0 : -1;
}

/* One argument for a pane in a mode: a key name, or (not one) each character a key. */
static int mode_keys(struct cmd_ctx *ctx, struct pane *p, const char *a)
{
    key_code key = key_from_name(a);
    if (key != KEYC_NONE)
        return mode_key(ctx, p, key);
    for (const char *c = a; *c != '\0' && p->mode != NULL;) {
        size_t n = 1;
        while (c[n] != '\0' && ((unsigned char)c[n] & 0xc0) == 0x80)
            n++;
        char *one = xstrndup(c, n);
        key = key_from_name(one);
        free(one);
        if (key != KEYC_NONE && mode_key(ctx, p, key) != 0)
            return -1;
        c += n;
    }
    return 0;
}

/* The bytes of one argument into out: -H a byte in hex (nothing if it is not one), -l
 * the text, else a key name's encoding or (not a key tmx can send) the text itself. */
static void add_argument(struct evbuffer *out, const char *a, bool hex, bool literal, int flags)
{
    if (hex) {
        char *end;
        long n = strtol(a, &end, 16);
        if (*a != '\0' && *end == '\0' && n >= 0 && n <= 0xff) {
            unsigned char c = (unsigned char)n;
            evbuffer_add(out, &c, 1);
        }
        return;
    }
    key_code key = literal ? KEYC_NONE : key_from_name(a);
    if (key != KEYC_NONE && KEYC_BASE(key) >= KEYC_USER_BASE &&
        KEYC_BASE(key) < KEYC_USER_BASE + KEYC_USER_MAX)
        return; /* a user key has no bytes */
    if (key != KEYC_NONE && KEY_ENC_KITTY_FLAGS(flags) == 0 && key_encode_missing(key, flags)) {
        evbuffer_add(out, a, strlen(a)); /* S-a, S-Enter: no bytes of their own, as tmux */
        return;
    }
    char enc[KEY_ENCODE_MAX];
    struct key_event ev;
    key_event_from_key(key, &ev);
    size_t n = key != KEYC_NONE ? key_encode_event(&ev, flags, enc) : 0;
    if (n > 0)
        evbuffer_add(out, enc, n);
    else if (key == KEYC_NONE || KEYC_BASE(key) == KEYC_ANY || KEYC_IS_MOUSE(key))
        evbuffer_add(out, a, strlen(a)); /* not a key name: the text, as tmux does */
}

static int cmd_send_keys_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    long repeat = 1;
    if (args->flags['N'] != NULL) {
        char *end;
        long long n = strtoll(args->flags['N'], &end, 10);
        if (*args->flags['N'] == '\0' || *end != '\0') {
            cmd_error(ctx, "repeat count invalid");
            return -1;
        }
        if (n < 1) {
            cmd_error(ctx, "repeat count too small");
            return -1;
        }
        if (n > INT_MAX) {
            cmd_error(ctx, "repeat count too large");
            return -1;
        }
        repeat = (long)n;
    }
    if (args->flags['K'] != NULL) {
        /* -K (tmux 3.4): the keys as if the client (-c, else the issuing one) typed them,
         * looked up in its key tables. */
        const char *name = args->flags['c'];
        struct client *c = name != NULL ? cmd_client_by_tty(ctx->server, name)
                           : ctx->client != NULL && ctx->client->attached ? ctx->client : NULL;
        if (c == NULL) {
            if (name != NULL)
                cmd_error(ctx, "can't find client: %s", name);
            else
                cmd_error(ctx, "no client (send-keys -K types as an attached client: -c)");
            return -1;
        }
        for (long r = 0; r < repeat; r++) {
            for (int i = 0; i < args->argc; i++) {
                struct evbuffer *bytes = evbuffer_new();
                add_argument(bytes, args->argv[i], args->flags['H'] != NULL,
                             args->flags['l'] != NULL, 0);
                size_t len = evbuffer_get_length(bytes);
                if (len > 0)
                    client_input(c, (const char *)evbuffer_pullup(bytes, -1), len);
                evbuffer_free(bytes);
            }
        }
        return 0;
    }
    if (args->flags['M'] != NULL) {
        /* Only a mouse binding has an event to send; tmx handles the mouse itself. */
        cmd_error(ctx, "no mouse target");
        return -1;
    }
    if (args->flags['X'] != NULL) {
        /* A command of the pane's mode (pane_mode.h): copy mode's. */
        if (p->mode == NULL || p->mode->command == NULL) {
            cmd_error(ctx, "not in a mode");
            return -1;
        }
        if (args->flags['F'] == NULL)
            return p->mode->command(ctx, p, args->argc, args->argv, repeat);
        /* -F: the arguments are formats, for the pane. */
        struct format_ctx f = {.server = ctx->server,
                               .session = ctx->target.session,
                               .window = p->window,
                               .pane = p,
                               .client = ctx->client};
        char **argv = xcalloc((size_t)args->argc + 1, sizeof *argv);
        for (int i = 0; i < args->argc; i++)
            argv[i] = format_expand(&f, args->argv[i]);
        int rc = p->mode->command(ctx, p, args->argc, argv, repeat);
        for (int i = 0; i < args->argc; i++)
            free(argv[i]);
        free(argv);
        return rc;
    }
    if (args->flags['R'] != NULL) {
        /* Reset the pane's terminal, as a full reset (RIS) would. */
        vt_feed(p->vt, "\033c", 2);
    }
    bool literal = args->flags['l'] != NULL, hex = args->flags['H'] != NULL;
    if (p->mode != NULL && !literal && !hex) {
        /* A pane in a mode: its key table (copy mode's bindings), key by key. */
        if (args->argc == 0 && args->flags['N'] != NULL && p->mode->command != NULL)
            return p->mode->command(ctx, p, 0, NULL, repeat);
        for (long r = 0; r < repeat; r++) {
            for (int i = 0; i < args->argc; i++) {
                if (mode_keys(ctx, p, args->argv[i]) != 0)
                    return -1;
                if (p->mode == NULL)
                    return 0; /* the key left the mode: the rest is for nobody */
            }
        }
        return 0;
    }
    int flags = pane_key_flags(p);
    struct evbuffer *bytes = evbuffer_new();
    for (int i = 0; i < args->argc; i++)
        add_argument(bytes, args->argv[i], hex, literal, flags);
    size_t len = evbuffer_get_length(bytes);
    const unsigned char *data = evbuffer_pullup(bytes, -1);
    if (p->input_off)
        len = 0; /* select-pane -d */
    for (long r = 0; r < repeat && len > 0; r++) {
        if (!pane_write(p, data, len)) {
            evbuffer_free(bytes);
            cmd_error(ctx, "pane %%%u is not reading its input (%u MiB wait for it): keys "
                      "dropped", p->id, PANE_INPUT_MAX >> 20);
            return -1;
        }
    }
    evbuffer_free(bytes);
    return 0;
}

static int cmd_send_prefix_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct pane *p = ctx->target.pane;
    char enc[32];
    key_code prefix = (key_code)options_get_number(sess->options, args->flags['2'] != NULL ? "prefix2" : "prefix");
    if (prefix == KEYC_NONE)
        return 0;
    size_t n = key_encode(prefix, pane_key_flags(p), enc);
    pane_write(p, enc, n);
    return 0;
}

const struct cmd_entry cmd_send_keys_entry = {
    .name = "send-keys",
    .alias = "send",
    .spec = "c:FHKlMN:Rt:X",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-FHKlMRX] [-c target-client] [-N repeat-count] [-t target-pane] key ...",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_send_keys_exec,
};

const struct cmd_entry cmd_send_prefix_entry = {
    .name = "send-prefix",
    .spec = "2t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-2] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_send_prefix_exec,
};
