/* key_bindings.c - default bindings and the binding tables. */
#include "key_bindings.h"

#include <stdlib.h>
#include <string.h>

#include "server_int.h"
#include "xmalloc.h"

/* The default prefix table, as a tmux user expects. */
static const struct {
    const char *key;
    const char *command;
    const char *note;
} default_bindings[] = {
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
    {"]", "paste-buffer -p", "Paste the most recent paste buffer"},
    {"=", "choose-buffer", "Choose a paste buffer from a list"},
    {"#", "list-buffers", "List all paste buffers"},
};

void key_bindings_init(struct server *s)
{
    for (size_t i = 0; i < sizeof default_bindings / sizeof default_bindings[0]; i++) {
        key_bindings_add(s, key_from_name(default_bindings[i].key), false,
                         default_bindings[i].command, default_bindings[i].note, false);
    }
}

void key_bindings_free(struct server *s)
{
    for (size_t i = 0; i < s->nbindings; i++) {
        free(s->bindings[i].command);
        free(s->bindings[i].note);
    }
    free(s->bindings);
    s->bindings = NULL;
    s->nbindings = 0;
}

void key_bindings_add(struct server *s, key_code key, bool root, const char *command,
                      const char *note, bool repeat)
{
    key_bindings_remove(s, key, root);
    s->bindings = xreallocarray(s->bindings, s->nbindings + 1, sizeof *s->bindings);
    struct key_binding *b = &s->bindings[s->nbindings++];
    b->key = key;
    b->root = root;
    b->command = xstrdup(command);
    b->note = note != NULL ? xstrdup(note) : NULL;
    b->repeat = repeat;
}

void key_bindings_remove(struct server *s, key_code key, bool root)
{
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && s->bindings[i].root == root) {
            free(s->bindings[i].command);
            free(s->bindings[i].note);
            memmove(&s->bindings[i], &s->bindings[i + 1],
                    (s->nbindings - i - 1) * sizeof *s->bindings);
            s->nbindings--;
            return;
        }
    }
}

const struct key_binding *key_bindings_find(const struct server *s, key_code key, bool root)
{
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && s->bindings[i].root == root)
            return &s->bindings[i];
    }
    return NULL;
}
