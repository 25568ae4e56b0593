/* cmdline.c - what a shell command line of tmx asks for (see cmdline.h). */
#include "cmdline.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The length of the first command of argv: up to a word ";" or ending in ";" (not
 * "\;"), as the server splits it; *skip gets how many words to step over to the next. */
static int command_length(int argc, char **argv, int *skip)
{
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (n > 0 && argv[i][n - 1] == ';' && (n < 2 || argv[i][n - 2] != '\\')) {
            *skip = i + 1;
            return n == 1 ? i : i + 1;
        }
    }
    *skip = argc;
    return argc;
}

/* Commands that take over the terminal: they need a tty and must not nest. */
static bool one_command_attaches(int argc, char **argv)
{
    if (argc == 0)
        return false;
    const char *c = argv[0];
    if (strcmp(c, "attach-session") == 0 || strcmp(c, "attach") == 0 || strcmp(c, "a") == 0 ||
        strcmp(c, "at") == 0)
        return true;
    if (strcmp(c, "new-session") == 0 || strcmp(c, "new") == 0) {
        for (int i = 1; i < argc && argv[i][0] == '-'; i++) {
            if (strcmp(argv[i], "--") == 0)
                break;
            /* -d anywhere in a flag cluster means detached. */
            for (const char *f = argv[i] + 1; *f; f++) {
                if (*f == 'd')
                    return false;
                if (strchr("cnstxyFe", *f) != NULL) {
                    if (f[1] == '\0')
                        i++;
                    break;
                }
            }
        }
        return true;
    }
    return false;
}

/* The commands tmux 3.3a starts a server for (and their aliases): attach-session then
 * says "no sessions", list-commands and list-keys print what a new server has. */
static bool one_command_starts_server(int argc, char **argv)
{
    static const char *const names[] = {
        "new-session", "new", "start-server", "start", "attach-session", "attach", "a", "at",
        "list-commands", "lscm", "list-keys", "lsk",
        "resurrect", /* tmx's: the sessions of a server that died */
        "up",        /* tmx up: the services of a Procfile */
    };
    if (argc == 0)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(argv[0], names[i]) == 0)
            return true;
    }
    return false;
}

/* Whether any command of the command line (split on ';' words) does it. */
static bool any_command(int argc, char **argv, bool (*fn)(int, char **))
{
    if (argc == 0)
        return true;
    while (argc > 0) {
        int skip, n = command_length(argc, argv, &skip);
        /* The word that ends a command keeps its text without the ';' for the check. */
        bool hit;
        size_t last = n > 0 ? strlen(argv[n - 1]) : 0;
        if (n > 0 && n == skip && last > 0 && argv[n - 1][last - 1] == ';') {
            char **copy = xcalloc((size_t)n + 1, sizeof *copy);
            for (int i = 0; i < n; i++)
                copy[i] = xstrdup(argv[i]);
            copy[n - 1][strlen(copy[n - 1]) - 1] = '\0';
            hit = fn(n, copy);
            for (int i = 0; i < n; i++)
                free(copy[i]);
            free(copy);
        } else
            hit = fn(n, argv);
        if (hit)
            return true;
        argc -= skip;
        argv += skip;
    }
    return false;
}

bool cmdline_attaches(int argc, char **argv)
{
    return any_command(argc, argv, one_command_attaches);
}

bool cmdline_starts_server(int argc, char **argv)
{
    return any_command(argc, argv, one_command_starts_server);
}
