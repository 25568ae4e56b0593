/* cmd_list_keys.c - list-keys: the key bindings as bind-key commands, tables by name and
 * keys in tmux's order, columns as wide as the widest table and key shown; or (-N) the
 * keys with their notes. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "client_message.h"
#include "client_state.h"
#include "key_bindings.h"
#include "options.h"
#include "server_state.h"
#include "utf8.h"
#include "xmalloc.h"

/* The bindings of a table (and of key, unless KEYC_NONE), in tmux's key order. */
static const struct key_binding **table_bindings(const struct server *s, const char *table,
                                                 key_code only, size_t *n)
{
    key_bindings_ready(s);
    const struct key_binding **v = xcalloc(s->nbindings + 1, sizeof *v);
    *n = 0;
    for (size_t i = 0; i < s->nbindings; i++) {
        const struct key_binding *b = &s->bindings[i];
        if (strcmp(b->table, table) == 0 && (only == KEYC_NONE || b->key == only))
            v[(*n)++] = b;
    }
    for (size_t i = 1; i < *n; i++) {
        const struct key_binding *b = v[i];
        size_t j = i;
        for (; j > 0 && key_compare(v[j - 1]->key, b->key) > 0; j--)
            v[j] = v[j - 1];
        v[j] = b;
    }
    return v;
}

/* The width a string takes on the terminal. */
static size_t text_width(const char *s)
{
    struct utf8_decoder d = {0};
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        int again = 0;
        int32_t cp = utf8_decode_byte(&d, *p, &again);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            w++;
            if (again)
                p--;
            continue;
        }
        int cw = utf8_width((uint32_t)cp);
        w += cw > 0 ? (size_t)cw : 0;
    }
    return w;
}

/* s padded with spaces to width. Caller frees. */
static char *pad(const char *s, size_t width)
{
    size_t w = text_width(s);
    return xasprintf("%s%*s", s, w < width ? (int)(width - w) : 0, "");
}

/* Whether -N shows binding b (-a: those without a note too; never mouse keys). */
static bool note_shown(const struct cmd_args *args, const struct key_binding *b)
{
    if (KEYC_IS_MOUSE(b->key))
        return false;
    return args->flags['a'] != NULL || (b->note != NULL && *b->note != '\0');
}

/* The widest key of the noted bindings of table. */
static size_t notes_width(const struct server *s, const char *table, key_code only)
{
    size_t n, width = 0;
    const struct key_binding **v = table_bindings(s, table, only, &n);
    for (size_t i = 0; i < n; i++) {
        char name[64];
        if (v[i]->note == NULL || *v[i]->note == '\0' || KEYC_IS_MOUSE(v[i]->key))
            continue;
        size_t w = text_width(key_to_name(v[i]->key, name, sizeof name));
        if (w > width)
            width = w;
    }
    free(v);
    return width;
}

/* Print the notes of table, each line started by start; the number printed. */
static size_t print_notes(struct cmd_ctx *ctx, struct cmd_args *args, const char *table,
                          size_t width, key_code only, const char *start)
{
    size_t n, found = 0;
    const struct key_binding **v = table_bindings(ctx->server, table, only, &n);
    for (size_t i = 0; i < n; i++) {
        const struct key_binding *b = v[i];
        if (!note_shown(args, b))
            continue;
        char name[64];
        char *key = pad(key_to_name(b->key, name, sizeof name), width + 1);
        const char *note = b->note != NULL && *b->note != '\0' ? b->note : b->display;
        if (args->flags['1'] != NULL && ctx->from_key && ctx->client != NULL &&
            ctx->client->attached)
            client_message(ctx->client, "%s%s%s", start, key, note); /* C-b /, as tmux */
        else
            cmd_print(ctx, "%s%s%s", start, key, note);
        free(key);
        found++;
        if (args->flags['1'] != NULL)
            break;
    }
    free(v);
    return found;
}

static int list_notes(struct cmd_ctx *ctx, struct cmd_args *args, key_code only)
{
    struct server *s = ctx->server;
    const char *table = args->flags['T'], *given = args->flags['P'];
    size_t found;
    if (table != NULL) {
        found = print_notes(ctx, args, table, notes_width(s, table, only), only,
                            given != NULL ? given : "");
    } else {
        char name[64];
        key_code prefix = (key_code)options_get_number(s->session_options, "prefix");
        char *start = given != NULL ? xstrdup(given)
                                    : xasprintf("%s ", key_to_name(prefix, name, sizeof name));
        char *blank = xasprintf("%*s", (int)text_width(start), "");
        size_t w1 = notes_width(s, KEY_TABLE_ROOT, only);
        size_t w2 = notes_width(s, KEY_TABLE_PREFIX, only);
        size_t width = w1 > w2 ? w1 : w2;
        found = print_notes(ctx, args, KEY_TABLE_ROOT, width, only, blank);
        /* With no prefix key (None) the prefix table is not shown, as tmux. */
        if (prefix != KEYC_NONE && (found == 0 || args->flags['1'] == NULL))
            found += print_notes(ctx, args, KEY_TABLE_PREFIX, width, only, start);
        free(blank);
        free(start);
    }
    if (only != KEYC_NONE && found == 0) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    return 0;
}

static int cmd_list_keys_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *only_table = args->flags['T'];
    key_code only = KEYC_NONE;
    if (args->argc > 0 && (only = cmd_binding_key(args->argv[0])) == KEYC_NONE) {
        cmd_error(ctx, "invalid key: %s", args->argv[0]);
        return -1;
    }
    if (only_table != NULL && !key_table_exists(s, only_table)) {
        cmd_no_key_table(ctx, only_table);
        return -1;
    }
    if (args->flags['N'] != NULL)
        return list_notes(ctx, args, only);

    /* The widths of the table and key columns, and whether any binding repeats. */
    size_t table_width = 0, key_width = 0, found = 0;
    bool repeat = false;
    for (const char *t = key_table_next(s, NULL); t != NULL; t = key_table_next(s, t)) {
        if (only_table != NULL && strcmp(t, only_table) != 0)
            continue;
        size_t n;
        const struct key_binding **v = table_bindings(s, t, only, &n);
        for (size_t i = 0; i < n; i++) {
            char name[64];
            char *key = cmd_escape_arg(key_to_name(v[i]->key, name, sizeof name));
            if (text_width(t) > table_width)
                table_width = text_width(t);
            if (text_width(key) > key_width)
                key_width = text_width(key);
            repeat |= v[i]->repeat;
            free(key);
        }
        free(v);
    }
    for (const char *t = key_table_next(s, NULL); t != NULL; t = key_table_next(s, t)) {
        if (only_table != NULL && strcmp(t, only_table) != 0)
            continue;
        size_t n;
        const struct key_binding **v = table_bindings(s, t, only, &n);
        for (size_t i = 0; i < n; i++) {
            char name[64];
            char *key = cmd_escape_arg(key_to_name(v[i]->key, name, sizeof name));
            char *tp = pad(t, table_width), *kp = pad(key, key_width);
            const char *r = !repeat ? "" : v[i]->repeat ? "-r " : "   ";
            cmd_print(ctx, "bind-key %s-T %s %s %s", r, tp, kp, v[i]->display);
            free(tp);
            free(kp);
            free(key);
            found++;
        }
        free(v);
    }
    if (only != KEYC_NONE && found == 0) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    return 0;
}

const struct cmd_entry cmd_list_keys_entry = {
    .name = "list-keys",
    .alias = "lsk",
    .spec = "1aNP:T:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-1aN] [-P prefix-string] [-T key-table] [key]",
    .exec = cmd_list_keys_exec,
};
