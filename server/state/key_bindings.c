/* key_bindings.c - the key tables and their default bindings, as a tmux user expects. */
#include "key_bindings.h"

#include <stdlib.h>
#include <string.h>

#include "server_state.h"
#include "xmalloc.h"

struct default_binding {
    const char *key;
    const char *command;
    const char *note;
};

/* The prefix table. */
static const struct default_binding default_bindings[] = {
    {"c", "new-window", "Create a new window"},
    {"n", "next-window", "Select the next window"},
    {"p", "previous-window", "Select the previous window"},
    {"l", "last-window", "Select the previously current window"},
    {"0", "select-window -t :=0", "Select window 0"},
    {"1", "select-window -t :=1", "Select window 1"},
    {"2", "select-window -t :=2", "Select window 2"},
    {"3", "select-window -t :=3", "Select window 3"},
    {"4", "select-window -t :=4", "Select window 4"},
    {"5", "select-window -t :=5", "Select window 5"},
    {"6", "select-window -t :=6", "Select window 6"},
    {"7", "select-window -t :=7", "Select window 7"},
    {"8", "select-window -t :=8", "Select window 8"},
    {"9", "select-window -t :=9", "Select window 9"},
    {",", "command-prompt -I \"#W\" -p \"(rename-window)\" \"rename-window -- '%%'\"",
     "Rename the current window"},
    {"&", "confirm-before -p \"kill-window #W? (y/n)\" kill-window", "Kill the current window"},
    {"d", "detach-client", "Detach the current client"},
    {"C-z", "suspend-client", "Suspend the current client"},
    {"w", "choose-tree -w", "Choose a window from a list"},
    {"s", "choose-tree -s", "Choose a session from a list"},
    {"(", "switch-client -p", "Switch to the previous session"},
    {")", "switch-client -n", "Switch to the next session"},
    {"L", "switch-client -l", "Switch to the last session"},
    {"f", "command-prompt -p \"(find-window)\" \"find-window -- '%%'\"", "Search for a window"},
    {":", "command-prompt", "Enter a command"},
    {"$", "command-prompt -I \"#S\" -p \"(rename-session)\" \"rename-session -- '%%'\"", "Rename the session"},
    {"C-b", "send-prefix", "Send the prefix key"},
    {"?", "list-keys -N", "List key bindings"},
    {"r", "refresh-client", "Redraw the client"},
    {"t", "clock-mode", "Show a clock"},
    {"]", "paste-buffer -p", "Paste the most recent paste buffer"},
    {"=", "choose-buffer", "Choose a paste buffer from a list"},
    {"#", "list-buffers", "List all paste buffers"},
    {"[", "copy-mode", "Enter copy mode"},
    {"PPage", "copy-mode -u", "Enter copy mode and scroll up"},
    {"%", "split-window -h", "Split the pane left and right"},
    {"\"", "split-window", "Split the pane top and bottom"},
    {"o", "select-pane -t :.+", "Select the next pane"},
    {";", "last-pane", "Select the previously active pane"},
    {"q", "display-panes", "Show pane numbers"},
    {"x", "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane", "Kill the active pane"},
    {"z", "resize-pane -Z", "Zoom the active pane"},
    {"{", "swap-pane -U", "Swap the active pane with the previous one"},
    {"}", "swap-pane -D", "Swap the active pane with the next one"},
    {"!", "break-pane", "Break the active pane out to a new window"},
    {"Space", "next-layout", "Select the next layout"},
    {"M-1", "select-layout even-horizontal", "Select the even-horizontal layout"},
    {"M-2", "select-layout even-vertical", "Select the even-vertical layout"},
    {"M-3", "select-layout main-horizontal", "Select the main-horizontal layout"},
    {"M-4", "select-layout main-vertical", "Select the main-vertical layout"},
    {"M-5", "select-layout tiled", "Select the tiled layout"},
};

/* Prefix bindings that may be pressed again without the prefix (bind -r). */
static const struct default_binding default_repeat_bindings[] = {
    {"Up", "select-pane -U", "Select the pane above"},
    {"Down", "select-pane -D", "Select the pane below"},
    {"Left", "select-pane -L", "Select the pane to the left"},
    {"Right", "select-pane -R", "Select the pane to the right"},
    {"C-Up", "resize-pane -U", "Resize the pane up"},
    {"C-Down", "resize-pane -D", "Resize the pane down"},
    {"C-Left", "resize-pane -L", "Resize the pane left"},
    {"C-Right", "resize-pane -R", "Resize the pane right"},
    {"M-Up", "resize-pane -U 5", "Resize the pane up by 5"},
    {"M-Down", "resize-pane -D 5", "Resize the pane down by 5"},
    {"M-Left", "resize-pane -L 5", "Resize the pane left by 5"},
    {"M-Right", "resize-pane -R 5", "Resize the pane right by 5"},
};

#define SEARCH_DOWN "command-prompt -p \"(search down)\" \"send-keys -X search-forward '%%'\""
#define SEARCH_UP "command-prompt -p \"(search up)\" \"send-keys -X search-backward '%%'\""
#define GOTO_LINE "command-prompt -p \"(goto line)\" \"send-keys -X goto-line '%%'\""

/* copy-mode: emacs keys. */
static const struct default_binding copy_mode_bindings[] = {
    {"Up", "send-keys -X cursor-up", NULL},
    {"Down", "send-keys -X cursor-down", NULL},
    {"Left", "send-keys -X cursor-left", NULL},
    {"Right", "send-keys -X cursor-right", NULL},
    {"C-p", "send-keys -X cursor-up", NULL},
    {"C-n", "send-keys -X cursor-down", NULL},
    {"C-b", "send-keys -X cursor-left", NULL},
    {"C-f", "send-keys -X cursor-right", NULL},
    {"M-f", "send-keys -X next-word-end", NULL},
    {"M-b", "send-keys -X previous-word", NULL},
    {"C-a", "send-keys -X start-of-line", NULL},
    {"C-e", "send-keys -X end-of-line", NULL},
    {"Home", "send-keys -X start-of-line", NULL},
    {"End", "send-keys -X end-of-line", NULL},
    {"M-m", "send-keys -X back-to-indentation", NULL},
    {"M-<", "send-keys -X history-top", NULL},
    {"M->", "send-keys -X history-bottom", NULL},
    {"M-R", "send-keys -X top-line", NULL},
    {"M-r", "send-keys -X middle-line", NULL},
    {"C-Up", "send-keys -X scroll-up", NULL},
    {"C-Down", "send-keys -X scroll-down", NULL},
    {"PPage", "send-keys -X page-up", NULL},
    {"NPage", "send-keys -X page-down", NULL},
    {"M-v", "send-keys -X page-up", NULL},
    {"C-v", "send-keys -X page-down", NULL},
    {"M-Up", "send-keys -X halfpage-up", NULL},
    {"M-Down", "send-keys -X halfpage-down", NULL},
    {"C-s", SEARCH_DOWN, NULL},
    {"C-r", SEARCH_UP, NULL},
    {"n", "send-keys -X search-again", NULL},
    {"N", "send-keys -X search-reverse", NULL},
    {"g", GOTO_LINE, NULL},
    {"C-Space", "send-keys -X begin-selection", NULL},
    {"R", "send-keys -X rectangle-toggle", NULL},
    {"M-w", "send-keys -X copy-pipe-and-cancel", NULL},
    {"C-w", "send-keys -X copy-pipe-and-cancel", NULL},
    {"C-g", "send-keys -X clear-selection", NULL},
    {"q", "send-keys -X cancel", NULL},
    {"Escape", "send-keys -X cancel", NULL},
};

/* copy-mode-vi: vi keys. */
static const struct default_binding copy_mode_vi_bindings[] = {
    {"h", "send-keys -X cursor-left", NULL},
    {"j", "send-keys -X cursor-down", NULL},
    {"k", "send-keys -X cursor-up", NULL},
    {"l", "send-keys -X cursor-right", NULL},
    {"Left", "send-keys -X cursor-left", NULL},
    {"Down", "send-keys -X cursor-down", NULL},
    {"Up", "send-keys -X cursor-up", NULL},
    {"Right", "send-keys -X cursor-right", NULL},
    {"BSpace", "send-keys -X cursor-left", NULL},
    {"w", "send-keys -X next-word", NULL},
    {"b", "send-keys -X previous-word", NULL},
    {"e", "send-keys -X next-word-end", NULL},
    {"W", "send-keys -X next-space", NULL},
    {"B", "send-keys -X previous-space", NULL},
    {"E", "send-keys -X next-space-end", NULL},
    {"0", "send-keys -X start-of-line", NULL},
    {"^", "send-keys -X back-to-indentation", NULL},
    {"$", "send-keys -X end-of-line", NULL},
    {"Home", "send-keys -X start-of-line", NULL},
    {"End", "send-keys -X end-of-line", NULL},
    {"g", "send-keys -X history-top", NULL},
    {"G", "send-keys -X history-bottom", NULL},
    {"H", "send-keys -X top-line", NULL},
    {"M", "send-keys -X middle-line", NULL},
    {"L", "send-keys -X bottom-line", NULL},
    {"C-u", "send-keys -X halfpage-up", NULL},
    {"C-d", "send-keys -X halfpage-down", NULL},
    {"C-b", "send-keys -X page-up", NULL},
    {"C-f", "send-keys -X page-down", NULL},
    {"PPage", "send-keys -X page-up", NULL},
    {"NPage", "send-keys -X page-down", NULL},
    {"C-y", "send-keys -X scroll-up", NULL},
    {"C-e", "send-keys -X scroll-down", NULL},
    {"C-Up", "send-keys -X scroll-up", NULL},
    {"C-Down", "send-keys -X scroll-down", NULL},
    {":", GOTO_LINE, NULL},
    {"/", SEARCH_DOWN, NULL},
    {"?", SEARCH_UP, NULL},
    {"n", "send-keys -X search-again", NULL},
    {"N", "send-keys -X search-reverse", NULL},
    {"Space", "send-keys -X begin-selection", NULL},
    {"v", "send-keys -X begin-selection", NULL},
    {"V", "send-keys -X select-line", NULL},
    {"C-v", "send-keys -X rectangle-toggle", NULL},
    {"o", "send-keys -X other-end", NULL},
    {"Escape", "send-keys -X clear-selection", NULL},
    {"Enter", "send-keys -X copy-pipe-and-cancel", NULL},
    {"y", "send-keys -X copy-pipe-and-cancel", NULL},
    {"C-j", "send-keys -X copy-pipe-and-cancel", NULL},
    {"q", "send-keys -X cancel", NULL},
};

/* The tables that exist even when empty, in list-keys order. */
static const char *const builtin_tables[] = {KEY_TABLE_ROOT, KEY_TABLE_PREFIX,
                                             KEY_TABLE_COPY_MODE, KEY_TABLE_COPY_MODE_VI};
#define BUILTIN_TABLES (sizeof builtin_tables / sizeof builtin_tables[0])

/* The index of a built-in table's name, or -1. */
static int builtin_index(const char *name)
{
    for (size_t i = 0; i < BUILTIN_TABLES; i++) {
        if (strcmp(name, builtin_tables[i]) == 0)
            return (int)i;
    }
    return -1;
}

bool key_table_exists(const struct server *s, const char *name)
{
    if (builtin_index(name) >= 0)
        return true;
    for (size_t i = 0; i < s->nbindings; i++) {
        if (strcmp(s->bindings[i].table, name) == 0)
            return true;
    }
    return false;
}

const char *key_table_next(const struct server *s, const char *prev)
{
    if (prev == NULL)
        return builtin_tables[0];
    int i = builtin_index(prev);
    if (i >= 0 && (size_t)i + 1 < BUILTIN_TABLES)
        return builtin_tables[i + 1];
    /* The other tables by name: the smallest name after prev (any, after the built-ins). */
    const char *next = NULL;
    for (size_t j = 0; j < s->nbindings; j++) {
        const char *name = s->bindings[j].table;
        if (builtin_index(name) >= 0 || (i < 0 && strcmp(name, prev) <= 0))
            continue;
        if (next == NULL || strcmp(name, next) < 0)
            next = name;
    }
    return next;
}

static void add_defaults(struct server *s, const char *table, const struct default_binding *d,
                         size_t n)
{
    for (size_t i = 0; i < n; i++)
        key_bindings_add(s, table, key_from_name(d[i].key), d[i].command, d[i].note, false);
}

void key_bindings_init(struct server *s)
{
#define ADD(t, list) add_defaults(s, t, list, sizeof list / sizeof list[0])
    ADD(KEY_TABLE_PREFIX, default_bindings);
    ADD(KEY_TABLE_COPY_MODE, copy_mode_bindings);
    ADD(KEY_TABLE_COPY_MODE_VI, copy_mode_vi_bindings);
#undef ADD
    for (size_t i = 0; i < sizeof default_repeat_bindings / sizeof default_repeat_bindings[0]; i++) {
        const struct default_binding *d = &default_repeat_bindings[i];
        key_bindings_add(s, KEY_TABLE_PREFIX, key_from_name(d->key), d->command, d->note, true);
    }
}

static void binding_free(struct key_binding *b)
{
    free(b->table);
    free(b->command);
    free(b->note);
}

void key_bindings_free(struct server *s)
{
    for (size_t i = 0; i < s->nbindings; i++)
        binding_free(&s->bindings[i]);
    free(s->bindings);
    s->bindings = NULL;
    s->nbindings = 0;
}

void key_bindings_add(struct server *s, const char *table, key_code key, const char *command,
                      const char *note, bool repeat)
{
    /* Copied before the old binding goes: table or command may be its own strings. */
    struct key_binding nb = {
        .key = key,
        .table = xstrdup(table),
        .command = xstrdup(command),
        .note = note != NULL ? xstrdup(note) : NULL,
        .repeat = repeat,
    };
    key_bindings_remove(s, table, key);
    s->bindings = xreallocarray(s->bindings, s->nbindings + 1, sizeof *s->bindings);
    s->bindings[s->nbindings++] = nb;
}

/* Remove the binding at index i. */
static void remove_at(struct server *s, size_t i)
{
    binding_free(&s->bindings[i]);
    memmove(&s->bindings[i], &s->bindings[i + 1], (s->nbindings - i - 1) * sizeof *s->bindings);
    s->nbindings--;
}

void key_bindings_remove(struct server *s, const char *table, key_code key)
{
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && strcmp(s->bindings[i].table, table) == 0) {
            remove_at(s, i);
            return;
        }
    }
}

void key_bindings_remove_table(struct server *s, const char *table)
{
    for (size_t i = s->nbindings; i > 0; i--) {
        if (strcmp(s->bindings[i - 1].table, table) == 0)
            remove_at(s, i - 1);
    }
}

const struct key_binding *key_bindings_find(const struct server *s, const char *table,
                                            key_code key)
{
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && strcmp(s->bindings[i].table, table) == 0)
            return &s->bindings[i];
    }
    return NULL;
}
