/* prompt.c - the status-line prompt (see prompt.h): editing, history, completion,
 * and the command it runs. */
#include "prompt.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_message.h"
#include "client_state.h"
#include "cmd.h"
#include "compose.h"
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
    int flags;            /* PROMPT_SINGLE ... */
    char **labels;        /* the prompts still to come after this one, and their */
    char **inits;         /* initial texts (NULL: none) */
    size_t nlabels, next;
    char *done;           /* the command with the answers so far in it */
    int answered;         /* how many prompts were answered */
    char *label;          /* "(rename-window) " or "kill-window 1? (y/n)" */
    char *input;          /* text typed so far (PROMPT_INPUT) */
    size_t len, cursor;   /* bytes; cursor is a byte offset at a character boundary */
    char *command;        /* command to run: with %% replaced by the input, or on 'y' */
    size_t history_index; /* 0: the text being typed; n: the n-th most recent entry */
    enum prompt_type type; /* whose history */
    bool from_key;         /* opened by a key's binding: its command is logged as that key's */
    bool vi_command;       /* status-keys vi: in command mode (Escape), not inserting */
    key_code key;
    char confirm_key;      /* PROMPT_CONFIRM: the key that runs the command */
    bool enter_confirms;   /* PROMPT_CONFIRM: Enter runs it too (confirm-before -y) */
    void (*closed)(void *arg); /* prompt_when_closed: told once, when it closes */
    void *closed_arg;
};

static const struct overlay_ops prompt_ops;

static struct prompt *prompt_new(struct client *c, enum prompt_type type,
                                  enum prompt_kind kind, const char *command)
{
    struct prompt *p = xcalloc(1, sizeof *p);
    p->type = type;
    p->from_key = c->in_key;
    p->key = c->cmd_key;
    p->kind = kind;
    p->confirm_key = 'y';
    p->command = xstrdup(command);
    p->done = xstrdup(command);
    return p;
}

static void prompt_set(struct prompt *p, const char *label, const char *initial)
{
    free(p->label);
    free(p->input);
    p->label = xstrdup(label);
    p->input = xstrdup(initial != NULL ? initial : "");
    p->len = p->cursor = strlen(p->input);
    p->history_index = 0;
    p->vi_command = false;
}

void prompt_open(struct client *c, enum prompt_kind kind, const char *label,
                 const char *initial, const char *command)
{
    struct prompt *p = prompt_new(c, PROMPT_TYPE_COMMAND, kind, command);
    prompt_set(p, label, initial);
    overlay_open(c, &prompt_ops, p);
}

void prompt_open_confirm(struct client *c, const char *label, const char *command,
                         char confirm_key, bool enter_confirms)
{
    struct prompt *p = prompt_new(c, PROMPT_TYPE_COMMAND, PROMPT_CONFIRM, command);
    p->confirm_key = confirm_key;
    p->enter_confirms = enter_confirms;
    prompt_set(p, label, NULL);
    overlay_open(c, &prompt_ops, p);
}

void prompt_when_closed(struct client *c, void (*fn)(void *arg), void *arg)
{
    struct prompt *p = overlay_data(c, &prompt_ops);
    if (p == NULL) {
        fn(arg);
        return;
    }
    p->closed = fn;
    p->closed_arg = arg;
}

/* Split a comma-separated list into *n strings. */
static char **split_commas(const char *list, size_t *n)
{
    char **out = NULL;
    *n = 0;
    char *copy = xstrdup(list), *rest = copy, *word;
    while ((word = strsep(&rest, ",")) != NULL) {
        out = xreallocarray(out, *n + 1, sizeof *out);
        out[(*n)++] = xstrdup(word);
    }
    free(copy);
    return out;
}

static void run_incremental(struct client *c, struct prompt *p, char prefix);

void prompt_open_multi(struct client *c, enum prompt_type type, int flags, const char *labels,
                       const char *inputs, const char *command)
{
    struct prompt *p = prompt_new(c, type, PROMPT_INPUT, command);
    p->flags = flags;
    p->labels = split_commas(labels, &p->nlabels);
    if (inputs != NULL) {
        size_t n;
        char **in = split_commas(inputs, &n);
        p->inits = xcalloc(p->nlabels, sizeof *p->inits);
        for (size_t i = 0; i < n; i++) {
            if (i < p->nlabels)
                p->inits[i] = in[i];
            else
                free(in[i]);
        }
        free(in);
    }
    prompt_set(p, p->labels[0], p->inits != NULL ? p->inits[0] : NULL);
    p->next = 1;
    overlay_open(c, &prompt_ops, p);
    /* -i: the template runs at once with the initial text. */
    if (flags & PROMPT_INCREMENTAL)
        run_incremental(c, p, '=');
}

/* Tell who waits for the prompt that it closed (once). */
static void prompt_tell_closed(struct prompt *p)
{
    void (*fn)(void *) = p->closed;
    p->closed = NULL;
    if (fn != NULL)
        fn(p->closed_arg);
}

static void prompt_free(void *data)
{
    struct prompt *p = data;
    prompt_tell_closed(p); /* cancelled, replaced, or its client gone */
    for (size_t i = 0; i < p->nlabels; i++) {
        free(p->labels[i]);
        if (p->inits != NULL)
            free(p->inits[i]);
    }
    free(p->labels);
    free(p->inits);
    free(p->done);
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

/* -i: run the template with the text after prefix ('=' changed, '-' C-r, '+' C-s); the
 * prompt stays. */
static void run_incremental(struct client *c, struct prompt *p, char prefix)
{
    char *answer = xasprintf("%c%s", prefix, p->input);
    char *command = cmd_template_replace(p->done, p->answered + 1, answer);
    free(answer);
    run_command(c, command, p->from_key, p->key);
    free(command);
}

/* Enter (accept) or cancel: the next prompt comes, or the prompt closes and the command
 * (if any) runs. */
static void prompt_finish(struct client *c, struct prompt *p, bool accept)
{
    char *command = NULL;
    if (accept && p->kind == PROMPT_INPUT && *p->input != '\0')
        prompt_history_add(c->server, p->type, p->input);
    if (accept && p->kind == PROMPT_INPUT && (p->flags & PROMPT_INCREMENTAL))
        accept = false; /* -i: what it does was done as the text changed */
    if (accept && p->kind == PROMPT_INPUT) {
        char *next = cmd_template_replace(p->done, ++p->answered, p->input);
        free(p->done);
        p->done = next;
        if (p->next < p->nlabels) {
            prompt_set(p, p->labels[p->next], p->inits != NULL ? p->inits[p->next] : NULL);
            p->next++;
            client_redraw(c, REDRAW_STATUS);
            return;
        }
        command = xstrdup(p->done);
    } else if (accept && p->kind == PROMPT_CONFIRM)
        command = xstrdup(p->command);
    bool from_key = p->from_key;
    key_code key = p->key;
    void (*closed)(void *) = p->closed;
    void *closed_arg = p->closed_arg;
    p->closed = NULL; /* told below, after the command ran */
    overlay_close(c, &prompt_ops); /* frees p */
    if (command != NULL) {
        run_command(c, command, from_key, key);
        free(command);
    }
    if (closed != NULL)
        closed(closed_arg);
}

enum prompt_edit { EDIT_NONE, EDIT_CHANGED, EDIT_TYPED };

/* An editing key (emacs keys, history, Tab) or a character typed into the text. */
static enum prompt_edit prompt_edit(struct client *c, struct prompt *p, key_code key)
{
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
            return EDIT_NONE;
        if (key == KEYC_UP && p->history_index < n)
            p->history_index++;
        else if (key == KEYC_DOWN && p->history_index > 0)
            p->history_index--;
        else
            return EDIT_NONE;
        const char *text = p->history_index == 0
                               ? ""
                               : s->prompt_history[p->type][n - p->history_index];
        prompt_replace(p, text);
    } else if (key == KEYC_TAB) {
        if (!prompt_complete(p))
            return EDIT_NONE;
    } else if ((key & KEYC_MODS) == 0 && key >= 0x20 && key < KEYC_SPECIAL && key != 0x7f) {
        char enc[4];
        int n = utf8_encode(key, enc);
        if (p->len + (size_t)n > 4096)
            return EDIT_NONE;
        p->input = xrealloc(p->input, p->len + (size_t)n + 1);
        memmove(p->input + p->cursor + n, p->input + p->cursor, p->len - p->cursor + 1);
        memcpy(p->input + p->cursor, enc, (size_t)n);
        p->len += (size_t)n;
        p->cursor += (size_t)n;
        return EDIT_TYPED;
    } else
        return EDIT_NONE;
    return EDIT_CHANGED;
}

/* Edit the status-line prompt with one key. */
static bool prompt_key(struct client *c, void *data, key_code key)
{
    struct prompt *p = data;
    if (p->kind == PROMPT_CONFIRM) {
        prompt_finish(c, p, key == (key_code)p->confirm_key ||
                                (p->confirm_key == 'y' && key == 'Y') ||
                                (p->enter_confirms && key == KEYC_ENTER));
        return true;
    }
    if (p->flags & PROMPT_KEY) {
        /* -k: the key's name is the answer. */
        char name[64];
        key_to_name(key, name, sizeof name);
        prompt_replace(p, name);
        prompt_finish(c, p, true);
        return true;
    }
    if ((p->flags & PROMPT_NUMERIC) && !(key >= '0' && key <= '9')) {
        /* -N: any other key answers with the digits so far, then does what it does
         * (copy mode's 5j: the repeat count, then j). */
        prompt_finish(c, p, true);
        return false;
    }
    if ((p->flags & PROMPT_INCREMENTAL) &&
        (key == ('r' | KEYC_CTRL) || key == ('s' | KEYC_CTRL))) {
        run_incremental(c, p, key == ('r' | KEYC_CTRL) ? '-' : '+');
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
    char *before = (p->flags & PROMPT_INCREMENTAL) ? xstrdup(p->input) : NULL;
    enum prompt_edit e = prompt_edit(c, p, key);
    if (e == EDIT_TYPED && (p->flags & PROMPT_SINGLE)) {
        /* -1: one character typed is the answer (after an initial text: none). */
        free(before);
        prompt_finish(c, p, utf8_next(p->input, p->len, 0) == p->len);
        return true;
    }
    if (e != EDIT_NONE) {
        if (before != NULL && strcmp(before, p->input) != 0)
            run_incremental(c, p, '=');
        client_redraw(c, REDRAW_STATUS);
    }
    free(before);
    return true;
}

/* The label, then the input with the cursor in it (a cell in reverse), over the status
 * line (or the last row without one) in message-style (message-command-style in vi's
 * command mode). */
static void prompt_draw(struct client *c, void *data, struct canvas *cv, int rows)
{
    struct prompt *p = data;
    (void)rows;
    int y = compose_message_row(c);
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
    /* As tmux 3.3a: the cursor is the cell under it in reverse, the terminal's hidden. */
    canvas_cell(cv, cv->cx, y)->attr ^= ATTR_REVERSE;
    cv->cursor_visible = false;
}

static const struct overlay_ops prompt_ops = {
    .name = "prompt",
    .layer = OVERLAY_LAYER_PROMPT,
    .draw = prompt_draw,
    .key = prompt_key,
    .free = prompt_free,
};
