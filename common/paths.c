/* paths.c - socket path and socket directory rules; see paths.h. */
#include "paths.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

size_t paths_socket_max(void)
{
    struct sockaddr_un sa;
    return sizeof sa.sun_path - 1;
}

int paths_check_dir(const char *dir, uid_t uid, bool create, char *err, size_t errsize)
{
    struct stat st;
    if (create && mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errsize, "cannot create socket directory %s: %s", dir, strerror(errno));
        return -1;
    }
    if (lstat(dir, &st) != 0) {
        snprintf(err, errsize, "socket directory %s: %s", dir, strerror(errno));
        return -1;
    }
    if (S_ISLNK(st.st_mode)) {
        snprintf(err, errsize, "socket directory %s is a symbolic link; remove it", dir);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errsize, "socket directory %s is not a directory; remove it", dir);
        return -1;
    }
    if (st.st_uid != uid) {
        snprintf(err, errsize, "socket directory %s is not owned by you (uid %u); remove it",
                 dir, (unsigned)uid);
        return -1;
    }
    if ((st.st_mode & 077) != 0) {
        snprintf(err, errsize,
                 "socket directory %s is accessible by other users (mode %03o); "
                 "chmod 700 it or remove it",
                 dir, (unsigned)(st.st_mode & 0777));
        return -1;
    }
    return 0;
}

int paths_socket(const char *label, const char *path, const char *tmpdir, uid_t uid,
                 bool create, char *out, size_t size, char *err, size_t errsize)
{
    char dir[4096];
    int n;

    if (path != NULL) {
        n = snprintf(out, size, "%s", path);
        if (n < 0 || (size_t)n >= size || (size_t)n > paths_socket_max()) {
            snprintf(err, errsize, "socket path too long (%zu bytes at most): %s",
                     paths_socket_max(), path);
            return -1;
        }
        char copy[4096];
        snprintf(copy, sizeof copy, "%s", path);
        /* -S paths get the owner checks on their directory, but it is not created. */
        const char *d = dirname(copy);
        struct stat st;
        if (stat(d, &st) != 0) {
            snprintf(err, errsize, "socket directory %s: %s", d, strerror(errno));
            return -1;
        }
        if (st.st_uid != uid && st.st_uid != 0) {
            snprintf(err, errsize, "socket directory %s is owned by another user", d);
            return -1;
        }
        return 0;
    }
    if (label == NULL || *label == '\0')
        label = "default";
    if (strchr(label, '/') != NULL || strcmp(label, ".") == 0 || strcmp(label, "..") == 0) {
        snprintf(err, errsize, "invalid socket name \"%s\" (-L takes a name, -S a path)",
                 label);
        return -1;
    }
    if (tmpdir == NULL || *tmpdir == '\0')
        tmpdir = getenv("TMX_TMPDIR");
    if (tmpdir == NULL || *tmpdir == '\0')
        tmpdir = getenv("TMUX_TMPDIR");
    if (tmpdir == NULL || *tmpdir == '\0')
        tmpdir = "/tmp";
    n = snprintf(dir, sizeof dir, "%s/tmx-%u", tmpdir, (unsigned)uid);
    if (n < 0 || (size_t)n >= sizeof dir) {
        snprintf(err, errsize, "socket directory path too long");
        return -1;
    }
    n = snprintf(out, size, "%s/%s", dir, label);
    if (n < 0 || (size_t)n >= size || (size_t)n > paths_socket_max()) {
        snprintf(err, errsize, "socket path too long (%zu bytes at most): %s/%s",
                 paths_socket_max(), dir, label);
        return -1;
    }
    return paths_check_dir(dir, uid, create, err, errsize);
}

/* What kind of file st is, for a message. */
static const char *file_kind(const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return "a regular file";
    if (S_ISDIR(st->st_mode))
        return "a directory";
    if (S_ISLNK(st->st_mode))
        return "a symbolic link";
    if (S_ISFIFO(st->st_mode))
        return "a FIFO";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "a device";
    return "not a socket";
}

int paths_stale_socket(const char *path, uid_t uid, char *err, size_t errsize)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errsize, "%s", strerror(errno));
        return -1;
    }
    if (S_ISSOCK(st.st_mode))
        return 1;
    const char *what = "remove it if it is not needed, or choose another socket (-L NAME or "
                       "-S PATH)";
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "it is %s, not a socket: %s", file_kind(&st), what);
        return -1;
    }
    if (st.st_uid != uid) {
        snprintf(err, errsize, "it is a regular file of another user (uid %u), not a socket: %s",
                 (unsigned)st.st_uid, what);
        return -1;
    }
    if (st.st_size != 0 || st.st_nlink != 1) {
        snprintf(err, errsize, "it is a regular file with data (%lld bytes%s), not a socket: %s",
                 (long long)st.st_size, st.st_nlink != 1 ? ", more than one link" : "", what);
        return -1;
    }
    char copy[4096], why[512];
    snprintf(copy, sizeof copy, "%s", path);
    if (paths_check_dir(dirname(copy), uid, false, why, sizeof why) != 0) {
        snprintf(err, errsize, "it is a regular file, not a socket, in a directory that is "
                 "not yours alone: %s", what);
        return -1;
    }
    return 1;
}

bool paths_called_as_tmux(const char *argv0)
{
    if (argv0 == NULL)
        return false;
    const char *base = strrchr(argv0, '/');
    base = base != NULL ? base + 1 : argv0;
    if (*base == '-')
        base++; /* a login shell's "-tmux" */
    return strncmp(base, "tmux", 4) == 0;
}

/* Append home/rest (or, with home NULL, rest alone) to the list when it is readable. */
static void config_add(char ***list, size_t *n, const char *home, const char *rest)
{
    char path[4096];
    int len = home != NULL ? snprintf(path, sizeof path, "%s/%s", home, rest)
                           : snprintf(path, sizeof path, "%s", rest);
    if (len < 0 || (size_t)len >= sizeof path || access(path, R_OK) != 0)
        return;
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*list)[i], path) == 0)
            return; /* $XDG_CONFIG_HOME is ~/.config: the same file once */
    }
    char *copy = strdup(path);
    char **grown = realloc(*list, (*n + 2) * sizeof **list);
    if (copy == NULL || grown == NULL) {
        free(copy);
        if (grown != NULL)
            *list = grown;
        return;
    }
    *list = grown;
    (*list)[(*n)++] = copy;
    (*list)[*n] = NULL;
}

char **paths_config_files(bool as_tmux)
{
    char **list = calloc(1, sizeof *list);
    size_t n = 0;
    if (list == NULL)
        return NULL;
    const char *home = getenv("HOME");
    if (home != NULL && *home == '\0')
        home = NULL;
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg != NULL && *xdg == '\0')
        xdg = NULL;
    if (!as_tmux) {
        /* tmx's own file, the first that exists. */
        if (home != NULL)
            config_add(&list, &n, home, ".tmx.conf");
        if (n == 0 && xdg != NULL)
            config_add(&list, &n, xdg, "tmx/tmx.conf");
        if (n == 0 && home != NULL)
            config_add(&list, &n, home, ".config/tmx/tmx.conf");
        if (n > 0)
            return list;
    }
    /* tmux's user files, every one that exists, in tmux's order. */
    if (home != NULL)
        config_add(&list, &n, home, ".tmux.conf");
    if (xdg != NULL)
        config_add(&list, &n, xdg, "tmux/tmux.conf");
    if (home != NULL)
        config_add(&list, &n, home, ".config/tmux/tmux.conf");
    return list;
}

void paths_free_list(char **list)
{
    for (char **p = list; p != NULL && *p != NULL; p++)
        free(*p);
    free(list);
}
