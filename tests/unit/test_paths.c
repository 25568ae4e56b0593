/* test_paths.c - where the server socket goes, which socket directories are refused
 * as unsafe, and what a dead server left at the socket's path may be removed. Each test gets a fresh mkdtemp directory standing in for $TMX_TMPDIR, and
 * removes it afterwards. Tests may run as root, so "another user" is simulated by
 * passing a uid other than the real one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

struct fixture {
    char tmp[64];   /* the mkdtemp directory, used as tmpdir */
    char dir[256];  /* tmp/tmx-UID for the real uid */
    uid_t uid;
    char out[512];
    char err[512];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    snprintf(f->tmp, sizeof f->tmp, "/tmp/tmx-test-paths-XXXXXX");
    if (mkdtemp(f->tmp) == NULL) {
        free(f);
        return -1;
    }
    f->uid = getuid();
    snprintf(f->dir, sizeof f->dir, "%s/tmx-%u", f->tmp, (unsigned)f->uid);
    *state = f;
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    /* Depth-first, not following symlinks: removes the link, never its target. */
    int rc = nftw(f->tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return rc == 0 ? 0 : -1;
}

static void expect_path(const struct fixture *f, const char *name)
{
    char want[512];
    snprintf(want, sizeof want, "%s/%s", f->dir, name);
    assert_string_equal(f->out, want);
}

static void test_default_socket_is_tmpdir_tmx_uid_default(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    expect_path(f, "default");

    /* An empty -L is the default too. */
    assert_int_equal(paths_socket("", NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    expect_path(f, "default");
}

static void test_label_names_the_socket(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(paths_socket("work", NULL, f->tmp, f->uid, true, f->out,
                                  sizeof f->out, f->err, sizeof f->err),
                     0);
    expect_path(f, "work");
}

static void test_tmx_tmpdir_is_used_when_no_tmpdir_given(void **state)
{
    struct fixture *f = *state;
    char *saved = getenv("TMX_TMPDIR") ? strdup(getenv("TMX_TMPDIR")) : NULL;
    setenv("TMX_TMPDIR", f->tmp, 1);
    int rc = paths_socket(NULL, NULL, NULL, f->uid, true, f->out, sizeof f->out, f->err,
                          sizeof f->err);
    if (saved != NULL)
        setenv("TMX_TMPDIR", saved, 1);
    else
        unsetenv("TMX_TMPDIR");
    free(saved);
    assert_int_equal(rc, 0);
    expect_path(f, "default");
}

static void test_directory_is_created_private(void **state)
{
    struct fixture *f = *state;
    struct stat st;

    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    assert_int_equal(lstat(f->dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(st.st_uid, f->uid);

    /* The second time (server already made it) is fine as well. */
    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
}

static void test_missing_directory_is_refused_without_create(void **state)
{
    struct fixture *f = *state;
    struct stat st;

    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, false, f->out,
                                  sizeof f->out, f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, f->dir));
    assert_int_not_equal(lstat(f->dir, &st), 0);
}

static void test_group_or_other_access_is_refused(void **state)
{
    struct fixture *f = *state;
    const mode_t modes[] = { 0755, 0750, 0705, 0770, 0701 };

    assert_int_equal(mkdir(f->dir, 0700), 0);
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        assert_int_equal(chmod(f->dir, modes[i]), 0);
        f->err[0] = '\0';
        assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out,
                                      sizeof f->out, f->err, sizeof f->err),
                         -1);
        assert_non_null(strstr(f->err, f->dir));
    }
    /* Refused, not silently "fixed". */
    struct stat st;
    assert_int_equal(stat(f->dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0701);
}

static void test_symlink_in_place_of_directory_is_refused(void **state)
{
    struct fixture *f = *state;
    char target[256];

    /* Even a link to a private directory of ours: the link itself could be swapped. */
    snprintf(target, sizeof target, "%s/elsewhere", f->tmp);
    assert_int_equal(mkdir(target, 0700), 0);
    assert_int_equal(symlink(target, f->dir), 0);

    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, f->dir));
    assert_non_null(strstr(f->err, "symbolic link"));

    /* A dangling link is refused as well. */
    assert_int_equal(rmdir(target), 0);
    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, f->dir));
}

static void test_regular_file_in_place_of_directory_is_refused(void **state)
{
    struct fixture *f = *state;
    int fd = open(f->dir, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);

    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, f->dir));
    assert_non_null(strstr(f->err, "not a directory"));
}

static void test_directory_owned_by_another_user_is_refused(void **state)
{
    struct fixture *f = *state;
    uid_t other = f->uid + 1;
    char dir[256];

    /* tmx-OTHER gets created by us, so it is owned by f->uid, not by 'other'. */
    snprintf(dir, sizeof dir, "%s/tmx-%u", f->tmp, (unsigned)other);
    assert_int_equal(paths_socket(NULL, NULL, f->tmp, other, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, dir));

    /* The same through paths_check_dir on an existing private directory of ours. */
    assert_int_equal(mkdir(f->dir, 0700), 0);
    assert_int_equal(paths_check_dir(f->dir, f->uid, false, f->err, sizeof f->err), 0);
    assert_int_equal(paths_check_dir(f->dir, other, false, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, f->dir));
}

static void test_label_with_slash_is_refused(void **state)
{
    struct fixture *f = *state;
    const char *labels[] = { "a/b", "../escape", "/abs", "trailing/" };
    struct stat st;

    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        f->err[0] = '\0';
        assert_int_equal(paths_socket(labels[i], NULL, f->tmp, f->uid, true, f->out,
                                      sizeof f->out, f->err, sizeof f->err),
                         -1);
        assert_non_null(strstr(f->err, labels[i]));
    }
    /* Nothing was created for a refused label. */
    assert_int_not_equal(lstat(f->dir, &st), 0);
}

static void test_path_too_long_for_socket_is_refused(void **state)
{
    struct fixture *f = *state;
    size_t max = paths_socket_max();
    size_t prefix = strlen(f->dir) + 1; /* "dir/" */
    char label[512];

    assert_true(max > prefix);
    assert_true(max - prefix + 2 < sizeof label);

    /* Exactly paths_socket_max() bytes fits. */
    memset(label, 'a', max - prefix);
    label[max - prefix] = '\0';
    assert_int_equal(paths_socket(label, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    assert_int_equal(strlen(f->out), max);

    /* One more byte does not. */
    memset(label, 'a', max - prefix + 1);
    label[max - prefix + 1] = '\0';
    f->err[0] = '\0';
    assert_int_equal(paths_socket(label, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, "too long"));
}

static void test_explicit_path_is_taken_as_given(void **state)
{
    struct fixture *f = *state;
    char path[256];
    struct stat st;

    snprintf(path, sizeof path, "%s/my.sock", f->tmp);
    assert_int_equal(paths_socket(NULL, path, NULL, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    assert_string_equal(f->out, path);

    /* -S wins over -L, and no tmx-UID directory is made for it. */
    assert_int_equal(paths_socket("other", path, f->tmp, f->uid, true, f->out,
                                  sizeof f->out, f->err, sizeof f->err),
                     0);
    assert_string_equal(f->out, path);
    assert_int_not_equal(lstat(f->dir, &st), 0);
}

static void test_explicit_path_too_long_is_refused(void **state)
{
    struct fixture *f = *state;
    char path[512];
    size_t len = paths_socket_max() + 1;
    size_t n = (size_t)snprintf(path, sizeof path, "%s/", f->tmp);

    assert_true(len < sizeof path && n < len);
    memset(path + n, 's', len - n);
    path[len] = '\0';
    assert_int_equal(paths_socket(NULL, path, NULL, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, "too long"));
}

static void test_explicit_path_in_missing_directory_is_refused(void **state)
{
    struct fixture *f = *state;
    char path[256];

    snprintf(path, sizeof path, "%s/nonexistent/my.sock", f->tmp);
    assert_int_equal(paths_socket(NULL, path, NULL, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, "nonexistent"));
}

static void test_explicit_path_in_other_users_directory_is_refused(void **state)
{
    struct fixture *f = *state;
    char path[512];
    char dir[256];
    uid_t caller = f->uid + 1;

    /* The directory belongs to someone other than the caller (and not to root, whose
     * directories such as /tmp are allowed for -S). As root, give it away with chown. */
    snprintf(dir, sizeof dir, "%s/other", f->tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    if (f->uid == 0) {
        assert_int_equal(chown(dir, 4242, (gid_t)-1), 0);
        caller = 0;
    }
    snprintf(path, sizeof path, "%s/my.sock", dir);
    assert_int_equal(paths_socket(NULL, path, NULL, caller, true, f->out,
                                  sizeof f->out, f->err, sizeof f->err),
                     -1);
    assert_non_null(strstr(f->err, dir));
}

/* Make f->dir (private) and return PATH = f->dir/name in path. */
static void stale_path(struct fixture *f, const char *name, char *path, size_t size)
{
    assert_int_equal(paths_socket(NULL, NULL, f->tmp, f->uid, true, f->out, sizeof f->out,
                                  f->err, sizeof f->err),
                     0);
    snprintf(path, size, "%s/%s", f->dir, name);
}

static void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* Nothing there: nothing to remove. A dead server's socket may go. */
static void test_stale_nothing_or_a_socket(void **state)
{
    struct fixture *f = *state;
    char path[512];
    stale_path(f, "default", path, sizeof path);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), 0);
    assert_int_equal(mknod(path, S_IFSOCK | 0600, 0), 0);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), 1);
}

/* An empty regular file of ours in the private socket directory (a socket a copy or a
 * restore turned into a file) is replaced, as tmux does. */
static void test_stale_empty_file_in_private_directory_may_go(void **state)
{
    struct fixture *f = *state;
    char path[512];
    stale_path(f, "default", path, sizeof path);
    write_file(path, "");
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), 1);
}

/* Anything else stays, and the message says what it is and what to do. */
static void test_stale_file_that_must_stay_is_named(void **state)
{
    struct fixture *f = *state;
    char path[512], other[600];
    stale_path(f, "default", path, sizeof path);

    write_file(path, "notes\n"); /* data: maybe the user's */
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "regular file with data (6 bytes)"));
    assert_non_null(strstr(f->err, "-L NAME or -S PATH"));

    write_file(path, "");
    assert_int_equal(paths_stale_socket(path, f->uid + 1, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "another user"));

    snprintf(other, sizeof other, "%s.hardlink", path); /* two names for one file */
    assert_int_equal(link(path, other), 0);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "more than one link"));
    assert_int_equal(unlink(other), 0);
    assert_int_equal(unlink(path), 0);

    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "a directory, not a socket"));
    assert_int_equal(rmdir(path), 0);

    snprintf(other, sizeof other, "%s/target", f->dir);
    write_file(other, "");
    assert_int_equal(symlink(other, path), 0);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "a symbolic link"));
    assert_int_equal(unlink(path), 0);

    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "a FIFO"));
}

/* An empty file in a directory others can use (-S in /tmp, say) stays: someone else
 * may have put it there. */
static void test_stale_empty_file_in_shared_directory_stays(void **state)
{
    struct fixture *f = *state;
    char dir[256], path[512];
    snprintf(dir, sizeof dir, "%s/shared", f->tmp);
    assert_int_equal(mkdir(dir, 0777), 0);
    assert_int_equal(chmod(dir, 01777), 0);
    snprintf(path, sizeof path, "%s/my.sock", dir);
    write_file(path, "");
    assert_int_equal(paths_stale_socket(path, f->uid, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "not yours alone"));
}

/* Sets (value NULL: unsets) an environment variable, returning its old value to put back
 * with restore_env. */
static char *swap_env(const char *name, const char *value)
{
    char *saved = getenv(name) ? strdup(getenv(name)) : NULL;
    if (value != NULL)
        setenv(name, value, 1);
    else
        unsetenv(name);
    return saved;
}

static void restore_env(const char *name, char *saved)
{
    if (saved != NULL)
        setenv(name, saved, 1);
    else
        unsetenv(name);
    free(saved);
}

static void test_tmux_tmpdir_is_used_without_tmx_tmpdir(void **state)
{
    struct fixture *f = *state;
    char *tmx = swap_env("TMX_TMPDIR", NULL), *tmux = swap_env("TMUX_TMPDIR", f->tmp);
    int rc = paths_socket(NULL, NULL, NULL, f->uid, true, f->out, sizeof f->out, f->err,
                          sizeof f->err);
    restore_env("TMX_TMPDIR", tmx);
    restore_env("TMUX_TMPDIR", tmux);
    assert_int_equal(rc, 0);
    /* tmx's own directory (tmx-UID) under it: never tmux's tmux-UID. */
    expect_path(f, "default");
}

static void test_tmx_tmpdir_wins_over_tmux_tmpdir(void **state)
{
    struct fixture *f = *state;
    char *tmx = swap_env("TMX_TMPDIR", f->tmp), *tmux = swap_env("TMUX_TMPDIR", "/nonexistent");
    int rc = paths_socket(NULL, NULL, NULL, f->uid, true, f->out, sizeof f->out, f->err,
                          sizeof f->err);
    restore_env("TMX_TMPDIR", tmx);
    restore_env("TMUX_TMPDIR", tmux);
    assert_int_equal(rc, 0);
    expect_path(f, "default");
}

static void test_called_as_tmux(void **state)
{
    (void)state;
    assert_true(paths_called_as_tmux("tmux"));
    assert_true(paths_called_as_tmux("/usr/local/bin/tmux"));
    assert_true(paths_called_as_tmux("-tmux"));
    assert_true(paths_called_as_tmux("tmux-3.3a"));
    assert_false(paths_called_as_tmux("tmx"));
    assert_false(paths_called_as_tmux("/opt/tmux/bin/tmx"));
    assert_false(paths_called_as_tmux(NULL));
}

/* Creates f->tmp/rel (and its directories) holding one line. */
static void make_file(struct fixture *f, const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", f->tmp, rel);
    for (char *p = path + strlen(f->tmp) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs("set -g @x 1\n", file);
    fclose(file);
}

/* The config files for as_tmux, relative to f->tmp, joined by spaces. */
static void expect_configs(struct fixture *f, bool as_tmux, const char *want)
{
    char **list = paths_config_files(as_tmux);
    assert_non_null(list);
    char got[1024] = "";
    for (char **p = list; *p != NULL; p++) {
        assert_true(strncmp(*p, f->tmp, strlen(f->tmp)) == 0);
        if (*got != '\0')
            strcat(got, " ");
        strcat(got, *p + strlen(f->tmp) + 1);
    }
    paths_free_list(list);
    assert_string_equal(got, want);
}

static void test_config_files(void **state)
{
    struct fixture *f = *state;
    char xdg[128];
    snprintf(xdg, sizeof xdg, "%s/xdg", f->tmp);
    char *home = swap_env("HOME", f->tmp), *saved_xdg = swap_env("XDG_CONFIG_HOME", xdg);
    expect_configs(f, false, "");
    expect_configs(f, true, "");
    make_file(f, ".config/tmux/tmux.conf");
    make_file(f, ".tmux.conf");
    /* tmux's, every one, in tmux's order; tmx without its own reads them too. */
    expect_configs(f, true, ".tmux.conf .config/tmux/tmux.conf");
    expect_configs(f, false, ".tmux.conf .config/tmux/tmux.conf");
    make_file(f, "xdg/tmux/tmux.conf");
    expect_configs(f, true, ".tmux.conf xdg/tmux/tmux.conf .config/tmux/tmux.conf");
    /* tmx's own: the first one alone, and never as tmux. */
    make_file(f, ".config/tmx/tmx.conf");
    expect_configs(f, false, ".config/tmx/tmx.conf");
    make_file(f, "xdg/tmx/tmx.conf");
    expect_configs(f, false, "xdg/tmx/tmx.conf");
    make_file(f, ".tmx.conf");
    expect_configs(f, false, ".tmx.conf");
    expect_configs(f, true, ".tmux.conf xdg/tmux/tmux.conf .config/tmux/tmux.conf");
    /* $XDG_CONFIG_HOME that is ~/.config: the file once. */
    snprintf(xdg, sizeof xdg, "%s/.config", f->tmp);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    expect_configs(f, true, ".tmux.conf .config/tmux/tmux.conf");
    restore_env("HOME", home);
    restore_env("XDG_CONFIG_HOME", saved_xdg);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_default_socket_is_tmpdir_tmx_uid_default),
        T(test_label_names_the_socket),
        T(test_tmx_tmpdir_is_used_when_no_tmpdir_given),
        T(test_tmux_tmpdir_is_used_without_tmx_tmpdir),
        T(test_tmx_tmpdir_wins_over_tmux_tmpdir),
        T(test_called_as_tmux),
        T(test_config_files),
        T(test_directory_is_created_private),
        T(test_missing_directory_is_refused_without_create),
        T(test_group_or_other_access_is_refused),
        T(test_symlink_in_place_of_directory_is_refused),
        T(test_regular_file_in_place_of_directory_is_refused),
        T(test_directory_owned_by_another_user_is_refused),
        T(test_label_with_slash_is_refused),
        T(test_path_too_long_for_socket_is_refused),
        T(test_explicit_path_is_taken_as_given),
        T(test_explicit_path_too_long_is_refused),
        T(test_explicit_path_in_missing_directory_is_refused),
        T(test_explicit_path_in_other_users_directory_is_refused),
        T(test_stale_nothing_or_a_socket),
        T(test_stale_empty_file_in_private_directory_may_go),
        T(test_stale_file_that_must_stay_is_named),
        T(test_stale_empty_file_in_shared_directory_stays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
