/* prompt.c - the status-line prompt (see prompt.h): editing, history, completion,
 * and the command it runs. */
#include "prompt.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_message.h"
#include "client_state.h"
#include "cmd.h"
#include "model.h"
#include "options.h"
#include "overlay.h"
#include "prompt_vi.h"
#include "redraw.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "style.h"
#include "utf8.h"
#include "xmalloc.h"

struct prompt {
    enum prompt_kind kind;
    char *label;          /* "(rename-window) " or "kill-window 1? (y/n)" */
    char *input;          /* text typed so far (PROMPT_INPUT) */
    size_t len, cursor;   /* bytes; cursor is a byte offset at a character boundary */
    char *command;        /* command to run: with %% replaced by the input, or on 'y' */
    size_t history_index; /* 0: the text being typed; n: the n-th most recent entry */
    enum prompt_type type; /* whose history */
    bool from_key;         /* opened by a key's binding: its command is logged as that key's */
    bool vi_command;       /* status-keys vi: in command mode (Escape), not inserting */
    key_code key;
};

static const struct overlay_ops prompt_ops;

void prompt_open(struct client *c, enum prompt_kind kind, const char *label,
                 const char *initial, const char *command)
{
    prompt_open_type(c, PROMPT_TYPE_COMMAND, kind, label, initial, command);
}

void prompt_open_type(struct client *c, enum prompt_type type, enum prompt_kind kind,
                      const char *label, const char *initial, const char *command)
{
    struct prompt *p = xcalloc(1, sizeof *p);
    p->type = type;
    p->from_key = c->in_key;
    p->key = c->cmd_key;
    p->kind = kind;
    p->label = xstrdup(label);
    p->input = xstrdup(initial != NULL ? initial : "");
    p->len = p->cursor = strlen(p->input);
    p->command = xstrdup(command);
    overlay_open(c, &prompt_ops, p);
}

static void prompt_free(void *data)
{
    struct prompt *p = data;
    free(p->label);
    free(p->input);
    free(p->command);
    free(p);
}

/* Run the command for the client; errors show on its status line, output over the
 * window (as from a key binding). */
static void run_command(struct client *c, const char *command, bool from_key, key_code key)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    bool in_key = c->in_key;
    key_code cmd_key = c->cmd_key;
    c->in_key = from_key;
    c->cmd_key = key;
    cmd_execute_string(&ctx, command);
    c->in_key = in_key;
    c->cmd_key = cmd_key;
    client_command_done(c, &ctx, true);
}

/* Step back over one UTF-8 character before byte offset 'at'. */
static size_t utf8_prev(const char *s, size_t at)
{
    if (at == 0)
        return 0;
    at--;
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
        at--;
    return at;
}

static size_t utf8_next(const char *s, size_t len, size_t at)
{
    if (at >= len)
        return len;
    at++;
    while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
        at++;
    return at;
}

static const char *const prompt_type_names[PROMPT_NTYPES] = {"command", "search", "target",
                                                               "window-target"};

int prompt_type_find(const char *name)
{
    for (int t = 0; t < PROMPT_NTYPES; t++) {
        if (strcmp(prompt_type_names[t], name) == 0)
            return t;
    }
    return -1;
}

const char *prompt_type_name(enum prompt_type type)
{
    return prompt_type_names[type];
}

void prompt_history_clear(struct server *s, enum prompt_type type)
{
    for (size_t i = 0; i < s->nprompt_history[type]; i++)
        free(s->prompt_history[type][i]);
    free(s->prompt_history[type]);
    s->prompt_history[type] = NULL;
    s->nprompt_history[type] = 0;
}

/* Remember a prompt entry (the last prompt-history-limit, 100 by default). */
void prompt_history_add(struct server *s, enum prompt_type type, const char *text)
{
    size_t limit = 100;
    if (options_find("prompt-history-limit") != NULL) {
        long v = options_get_number(s->options, "prompt-history-limit");
        limit = v < 0 ? 0 : (size_t)v;
    }
    char **list = s->prompt_history[type];
    size_t n = s->nprompt_history[type];
    if (n > 0 && strcmp(list[n - 1], text) == 0)
        return;
    if (limit == 0)
        return;
    while (n >= limit) {
        free(list[0]);
        memmove(list, list + 1, (n - 1) * sizeof *list);
        n--;
    }
    list = xreallocarray(list, n + 1, sizeof *list);
    list[n++] = xstrdup(text);
    s->prompt_history[type] = list;
    s->nprompt_history[type] = n;
}

void prompt_history_print(struct server *s, enum prompt_type type, struct evbuffer *out)
{
    evbuffer_add_printf(out, "History for %s:\n\n", prompt_type_names[type]);
    for (size_t i = 0; i < s->nprompt_history[type]; i++)
        evbuffer_add_printf(out, "%zu: %s\n", i + 1, s->prompt_history[type][i]);
    evbuffer_add(out, "\n", 1);
}

static void prompt_replace(struct prompt *p, const char *text)
{
    free(p->input);
    p->input = xstrdup(text);
    p->len = p->cursor = strlen(text);
}

/* Tab: complete the command name being typed (the first word): to the one command that
 * starts so, or as far as all candidates agree. Returns false if nothing changed. */
static bool prompt_complete(struct prompt *p)
{
    if (strchr(p->input, ' ') != NULL || p->cursor != p->len)
        return false;
    const char *first = NULL;
    size_t common = 0, len = p->len;
    int matches = 0;
    for (const struct cmd_entry *const *ep = cmd_get_table(); *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (strncmp(e->name, p->input, len) != 0)
            continue;
        if (first == NULL) {
            first = e->name;
            common = strlen(first);
        } else {
            size_t i = 0;
            while (i < common && first[i] == e->name[i])
                i++;
            common = i;
        }
        matches++;
    }
    if (matches == 0 || (common == len && matches > 1))
        return false;
    char *text = matches == 1 ? xasprintf("%s ", first) : xstrndup(first, common);
    prompt_replace(p, text);
    free(text);
    return true;
}

/* Enter (accept) or cancel: the prompt closes, then the command (if any) runs. */
static void prompt_finish(struct client *c, struct prompt *p, bool accept)
{
    char *command = NULL;
    if (accept && p->kind == PROMPT_INPUT && *p->input != '\0')
        prompt_history_add(c->server, p->type, p->input);
    if (accept && p->kind == PROMPT_INPUT &&
        (strcmp(p->command, "%1") == 0 || strcmp(p->command, "%%") == 0)) {
        /* The : prompt: what was typed is the command line itself. */
        command = xstrdup(p->input);
    } else if (accept && p->kind == PROMPT_INPUT) {
        /* Replace %% (and %1) with the input, quoted for the command parser. */
        size_t qlen = 0;
        for (const char *q = p->input; *q; q++)
            qlen += *q == '\'' ? 4 : 1;
        char *quoted = xmalloc(qlen + 1), *w = quoted;
        for (const char *q = p->input; *q; q++) {
            if (*q == '\'') {
                memcpy(w, "'\\''", 4);
                w += 4;
            } else
                *w++ = *q;
        }
        *w = '\0';
        size_t cap = strlen(p->command) + 1, len = 0;
        for (const char *t = p->command; *t; t++)
            if (t[0] == '%' && (t[1] == '%' || t[1] == '1'))
                cap += qlen;
        command = xmalloc(cap);
        for (const char *t = p->command; *t; t++) {
            if (t[0] == '%' && (t[1] == '%' || t[1] == '1')) {
                memcpy(command + len, quoted, qlen);
                len += qlen;
                t++;
            } else
                command[len++] = *t;
        }
        command[len] = '\0';
        free(quoted);
    } else if (accept && p->kind == PROMPT_CONFIRM)
        command = xstrdup(p->command);
    bool from_key = p->from_key;
    key_code key = p->key;
    overlay_close(c, &prompt_ops); /* frees p */
    if (command != NULL) {
        run_command(c, command, from_key, key);
        free(command);
    }
}

/* Edit the status-line prompt with one key. */
static bool prompt_key(struct client *c, void *data, key_code key)
{
    struct prompt *p = data;
    if (p->kind == PROMPT_CONFIRM) {
        prompt_finish(c, p, key == 'y' || key == 'Y');
        return true;
    }
    const struct options *so = c->session != NULL ? c->session->options
                                                  : c->server->session_options;
    if (options_get_number(so, "status-keys") == 1) {
        key_code k;
        switch (prompt_vi_translate(&p->vi_command, key, &k)) {
        case PROMPT_VI_IGNORE:
            client_redraw(c, REDRAW_STATUS);
            return true;
        case PROMPT_VI_WORD:
            p->cursor = prompt_vi_word(p->input, p->len, p->cursor, k,
                                       options_get_string(so, "word-separators"));
            client_redraw(c, REDRAW_STATUS);
            return true;
        case PROMPT_VI_INSERT:
            if ((k & KEYC_MODS) != 0 || k < 0x20 || k >= KEYC_SPECIAL || k == 0x7f)
                return true;
            break;
        case PROMPT_VI_KEY:
            break;
        }
        key = k;
    }
    if (key == KEYC_ENTER || key == ('m' | KEYC_CTRL) || key == ('j' | KEYC_CTRL)) {
        prompt_finish(c, p, true);
        return true;
    }
    if (key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL) || key == ('g' | KEYC_CTRL)) {
        prompt_finish(c, p, false);
        return true;
    }
    if (key == KEYC_BSPACE || key == ('h' | KEYC_CTRL)) {
        size_t prev = utf8_prev(p->input, p->cursor);
        memmove(p->input + prev, p->input + p->cursor, p->len - p->cursor + 1);
        p->len -= p->cursor - prev;
        p->cursor = prev;
    } else if (key == KEYC_DC || key == ('d' | KEYC_CTRL)) {
        size_t next = utf8_next(p->input, p->len, p->cursor);
        memmove(p->input + p->cursor, p->input + next, p->len - next + 1);
        p->len -= next - p->cursor;
    } else if (key == ('u' | KEYC_CTRL)) {
        p->input[0] = '\0';
        p->len = p->cursor = 0;
    } else if (key == ('k' | KEYC_CTRL)) {
        p->input[p->cursor] = '\0';
        p->len = p->cursor;
    } else if (key == KEYC_LEFT || key == ('b' | KEYC_CTRL)) {
        p->cursor = utf8_prev(p->input, p->cursor);
    } else if (key == KEYC_RIGHT || key == ('f' | KEYC_CTRL)) {
        p->cursor = utf8_next(p->input, p->len, p->cursor);
    } else if (key == KEYC_HOME || key == ('a' | KEYC_CTRL)) {
        p->cursor = 0;
    } else if (key == KEYC_END || key == ('e' | KEYC_CTRL)) {
        p->cursor = p->len;
    } else if (key == KEYC_UP || key == KEYC_DOWN) {
        /* History: Up goes back through what was entered before, Down forward. */
        struct server *s = c->server;
        size_t n = s->nprompt_history[p->type];
        if (n == 0)
            return true;
        if (key == KEYC_UP && p->history_index < n)
            p->history_index++;
        else if (key == KEYC_DOWN && p->history_index > 0)
            p->history_index--;
        else
            return true;
        const char *text = p->history_index == 0
                               ? ""
                               : s->prompt_history[p->type][n - p->history_index];
        prompt_replace(p, text);
    } else if (key == KEYC_TAB) {
        if (!prompt_complete(p))
            return true;
    } else if ((key & KEYC_MODS) == 0 && key >= 0x20 && key < KEYC_SPECIAL && key != 0x7f) {
        char enc[4];
        int n = utf8_encode(key, enc);
        if (p->len + (size_t)n > 4096)
            return true;
        p->input = xrealloc(p->input, p->len + (size_t)n + 1);
        memmove(p->input + p->cursor + n, p->input + p->cursor, p->len - p->cursor + 1);
        memcpy(p->input + p->cursor, enc, (size_t)n);
        p->len += (size_t)n;
        p->cursor += (size_t)n;
    } else
        return true;
    client_redraw(c, REDRAW_STATUS);
    return true;
}

/* The label, then the input with the cursor in it, over the status line (or the last
 * row without one) in message-style (message-command-style in vi's command mode). */
static void prompt_draw(struct client *c, void *data, struct canvas *cv, int rows)
{
    struct prompt *p = data;
    (void)rows;
    int y = c->rows - 1;
    const struct options *so = c->session != NULL ? c->session->options
                                                  : c->server->session_options;
    struct grid_pen pen = {0};
    char err[128];
    style_apply(&pen, options_get_string(so, p->vi_command ? "message-command-style"
                                                           : "message-style"),
                err, sizeof err);
    for (int x = 0; x < cv->cols; x++)
        canvas_put_cell(cv, x, y, ' ', 1, &pen);
    int x = canvas_put_text(cv, 0, y, cv->cols, p->label, &pen);
    if (p->kind == PROMPT_INPUT) {
        char *before = xstrndup(p->input, p->cursor);
        int cx = x + canvas_text_width(before);
        free(before);
        canvas_put_text(cv, x, y, cv->cols, p->input, &pen);
        x = cx;
    }
    cv->cx = x < cv->cols ? x : cv->cols - 1;
    cv->cy = y;
    cv->cursor_visible = true;
}

static const struct overlay_ops prompt_ops = {
    .name = "prompt",
    .layer = OVERLAY_LAYER_PROMPT,
    .draw = prompt_draw,
    .key = prompt_key,
    .free = prompt_free,
};
