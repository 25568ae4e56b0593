/* tmx.c - main: global options, then hand the command to the client. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "fds.h"
#include "keeper.h"
#include "keeper_proto.h"
#include "paths.h"
#include "remote.h"
#include "server.h"
#include "stdio_relay.h"
#include "version.h"
#include "xmalloc.h"

extern char **environ;

#define TMX_HOSTS_MAX 64

static void usage(bool as_tmux)
{
    if (as_tmux) {
        /* tmux's own usage, for scripts that look at it. */
        fprintf(stderr,
                "usage: tmux [-2CDlNuvV] [-c shell-command] [-f file] [-L socket-name]\n"
                "            [-S socket-path] [-T features] [command [flags]]\n");
        return;
    }
    fprintf(stderr,
            "usage: tmx [-2CDlNuvV] [-c shell-command] [-f file] [-H [user@]host[:port]]\n"
            "           [-L socket-name] [-S socket-path] [-T features] [command [flags]]\n"
            "  tmx              start a session and attach to it\n"
            "  tmx ls           list sessions;  tmx attach -t NAME  attach to one\n"
            "  tmx -H box attach   attach over ssh to box's tmx, reconnecting by itself\n"
            "  tmx list-commands for every command; man tmx, or C-b ? in a session\n");
}

int main(int argc, char **argv)
{
    struct client_options opts = {0};
    int opt;
    char *hosts[TMX_HOSTS_MAX];
    int nhosts = 0;

    /* Started with stdin, stdout or stderr closed (cron, launchers): /dev/null there,
     * before any file or socket can take their numbers. */
    fds_open_stdio();
    /* The server re-executes this binary as its keeper (keeper/keeper.h). */
    if (argc == 4 && strcmp(argv[1], KEEPER_ARGV1) == 0)
        return keeper_main(argc, argv);
    /* A server replaced by server-upgrade (server.h): adopts the keeper's panes. */
    if (argc == 7 && strcmp(argv[1], SERVER_ARGV1) == 0) {
        struct server_config cfg = {
            .socket_path = argv[2],
            .label = argv[3],
            .ready_fd = atoi(argv[4]),
            .lock_fd = -1,
            .config_file = *argv[5] != '\0' ? argv[5] : NULL,
            .as_tmux = strcmp(argv[6], "1") == 0,
            .title_area = argv[0],
            .title_size = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) - argv[0]),
        };
        return server_main(&cfg);
    }

    bool as_tmux = paths_called_as_tmux(argv[0]);
    const char *shell_command = NULL;
    opts.as_tmux = as_tmux;
    while ((opt = getopt(argc, argv, "+2c:CDf:hH:lL:NS:T:uvV")) != -1) {
        switch (opt) {
        case 'C':
            opts.control++; /* -C control mode, -CC with the DCS wrapper (control.c) */
            break;
        case '2': case 'l': case 'T': case 'u':
            break; /* accepted for tmux compatibility; tmx always assumes 256 colours/UTF-8 from the locale */
        case 'c':
            shell_command = optarg;
            break;
        case 'D':
            opts.foreground_server = true;
            break;
        case 'f':
            opts.config_file = optarg;
            break;
        case 'H':
            if (as_tmux || nhosts == TMX_HOSTS_MAX) {
                usage(as_tmux);
                return 1;
            }
            hosts[nhosts++] = optarg; /* a remote host (remote.c) */
            break;
        case 'L':
            opts.label = optarg;
            break;
        case 'N':
            opts.no_start = true;
            break;
        case 'S':
            opts.socket_path = optarg;
            break;
        case 'v':
            opts.verbose = true;
            break;
        case 'V':
            /* Exactly tmux's form under a tmux name: tools split it on spaces. */
            if (as_tmux)
                printf("tmux %s\n", TMX_TMUX_VERSION);
            else
                printf("tmx %s (tmux %s)\n", TMX_VERSION, TMX_TMUX_VERSION);
            return 0;
        case 'h':
            if (!as_tmux) {
                usage(false);
                return 0;
            }
            usage(true);
            return 1;
        default:
            usage(as_tmux);
            return 1;
        }
    }
    if (shell_command != NULL) {
        /* -c: run it with the user's shell, as a login shell is asked to (sh -c). */
        if (optind != argc) {
            usage(as_tmux);
            return 1;
        }
        const char *shell = getenv("SHELL");
        if (shell == NULL || *shell != '/' || access(shell, X_OK) != 0)
            shell = "/bin/sh";
        execl(shell, shell, "-c", shell_command, (char *)NULL);
        fprintf(stderr, "%s: %s: %s\n", as_tmux ? "tmux" : "tmx", shell, strerror(errno));
        return 1;
    }
    if (optind < argc && strcmp(argv[optind], STDIO_RELAY_WORD) == 0 && nhosts == 0)
        return stdio_relay_main(&opts, argc - optind, argv + optind); /* ssh started us */
    /* `tmx ls -H a -H b`: list-sessions takes hosts after its name too; `tmx ls -a`:
     * this server's sessions and those of every host in the remote-hosts option. */
    bool all_hosts = false;
    if (optind < argc && !as_tmux &&
        (strcmp(argv[optind], "ls") == 0 || strcmp(argv[optind], "list-sessions") == 0)) {
        int out = optind + 1;
        for (int i = optind + 1; i < argc; i++) {
            if (strcmp(argv[i], "-H") == 0 && i + 1 < argc && nhosts < TMX_HOSTS_MAX)
                hosts[nhosts++] = argv[++i];
            else if (strcmp(argv[i], "-a") == 0)
                all_hosts = true;
            else
                argv[out++] = argv[i];
        }
        argc = out;
        argv[argc] = NULL;
    }
    if (nhosts > 0 || all_hosts)
        return remote_main(&opts, hosts, nhosts, all_hosts, argc - optind, argv + optind);
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
    /* The argv strings are contiguous, and the environment's strings follow them: the
     * server overwrites both with its title so that ps shows "tmx: server (default)
     * app,web" (the environment's strings are copied elsewhere first, as setproctitle does). */
    opts.title_area = argv[0];
    char *end = argv[argc - 1] + strlen(argv[argc - 1]) + 1;
    /* The strings move to the heap; the array stays where it is (a setenv later moves
     * environ to glibc's own array, which points at the same strings). */
    for (size_t i = 0; environ[i] != NULL; i++) {
        if (environ[i] == end)
            end += strlen(environ[i]) + 1;
        environ[i] = xstrdup(environ[i]);
    }
    opts.title_size = (size_t)(end - 1 - argv[0]);
    int rc = client_main(&opts, argc - optind, argv + optind);
    free(inside);
    return rc;
}
