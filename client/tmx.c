/* tmx.c - main: global options, then hand the command to the client. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "fds.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: tmx [-Dv] [-L socket-name] [-S socket-path] [-f file] [command [flags]]\n"
            "  tmx              start a session and attach to it\n"
            "  tmx ls           list sessions;  tmx attach -t NAME  attach to one\n"
            "  tmx list-commands for every command; README.md for the key bindings\n");
}

int main(int argc, char **argv)
{
    struct client_options opts = {0};
    int opt;

    /* Started with stdin, stdout or stderr closed (cron, launchers): /dev/null there,
     * before any file or socket can take their numbers. */
    fds_open_stdio();

    while ((opt = getopt(argc, argv, "+2CDf:hL:S:uvV")) != -1) {
        switch (opt) {
        case '2': case 'C': case 'u':
            break; /* accepted for tmux compatibility; tmx always assumes 256 colours/UTF-8 from the locale */
        case 'D':
            opts.foreground_server = true;
            break;
        case 'f':
            opts.config_file = optarg;
            break;
        case 'L':
            opts.label = optarg;
            break;
        case 'S':
            opts.socket_path = optarg;
            break;
        case 'v':
            opts.verbose = true;
            break;
        case 'V':
            printf("tmx 0.1\n");
            return 0;
        case 'h':
            usage();
            return 0;
        default:
            usage();
            return 1;
        }
    }
    /* Inside tmx (a pane, a run-shell): the server of $TMX ("socket,pid,session"), as
     * tmux does with $TMUX, unless -L or -S names another. */
    char *inside = NULL;
    const char *tmx_env = getenv("TMX");
    if (opts.label == NULL && opts.socket_path == NULL && tmx_env != NULL && *tmx_env != '\0') {
        inside = strdup(tmx_env);
        if (inside != NULL) {
            char *comma = strchr(inside, ',');
            if (comma != NULL)
                *comma = '\0';
            if (*inside == '/')
                opts.socket_path = inside;
        }
    }
    /* The argv strings are contiguous: the server overwrites them with its title so
     * that ps shows "tmx: server (default)". */
    opts.title_area = argv[0];
    opts.title_size = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) - argv[0]);
    int rc = client_main(&opts, argc - optind, argv + optind);
    free(inside);
    return rc;
}
