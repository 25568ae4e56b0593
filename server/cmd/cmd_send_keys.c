/* cmd_send_keys.c - send-keys and send-prefix: type keys into a pane, encoded for its
 * modes (send-keys -X: a command of the pane's mode, pane_mode.h: copy mode's). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "keys.h"
#include "options.h"
#include "pane_mode.h"
#include "vt.h"

static int pane_key_flags(const struct pane *p)
{
    uint32_t modes = vt_modes(p->vt);
    int flags = 0;
    if (modes & VT_MODE_CURSOR_KEYS)
        flags |= KEY_ENC_CURSOR_APP;
    if (modes & VT_MODE_KEYPAD)
        flags |= KEY_ENC_KEYPAD_APP;
    return flags;
}

static int cmd_send_keys_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    long repeat = 1;
    if (args->flags['N'] != NULL) {
        char *end;
        repeat = strtol(args->flags['N'], &end, 10);
        if (*end != '\0' || repeat < 1 || repeat > 100000) {
            cmd_error(ctx, "invalid repeat count: %s", args->flags['N']);
            return -1;
        }
    }
    if (args->flags['X'] != NULL) {
        /* A command of the pane's mode (pane_mode.h): copy mode's. */
        if (p->mode == NULL) {
            cmd_error(ctx, "pane %%%u is not in copy mode (copy-mode enters it)", (unsigned)p->id);
            return -1;
        }
        if (p->mode->command == NULL) {
            cmd_error(ctx, "pane %%%u is in %s, which takes no commands", (unsigned)p->id,
                      p->mode->name);
            return -1;
        }
        return p->mode->command(ctx, p, args->argc, args->argv, repeat);
    }
    bool literal = args->flags['l'] != NULL;
    int flags = pane_key_flags(p);
    struct evbuffer *bytes = evbuffer_new();
    for (int i = 0; i < args->argc; i++) {
        const char *a = args->argv[i];
        key_code key = literal ? KEYC_NONE : key_from_name(a);
        if (key != KEYC_NONE) {
            char enc[32];
            size_t n = key_encode(key, flags, enc);
            evbuffer_add(bytes, enc, n);
        } else {
            /* Not a key name: the text itself, as tmux does. */
            evbuffer_add(bytes, a, strlen(a));
        }
    }
    size_t len = evbuffer_get_length(bytes);
    const unsigned char *data = evbuffer_pullup(bytes, -1);
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
    .spec = "lXN:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-l] [-N repeat-count] [-t target-pane] key ...",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_send_keys_exec,
};

const struct cmd_entry cmd_send_prefix_entry = {
    .name = "send-prefix",
    .spec = "2t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_send_prefix_exec,
};
