/* harness_fg.c - end-to-end harness: a tmx server run in the foreground (`tmx -D ...`),
 * as a container's entrypoint or a service manager runs it: in a new PID namespace when
 * the tests run as root (as CI does), with its stdout and stderr read by the test. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void fg_startv(struct tmx_env *env, struct fg *fg, const char *dir, const char *conf,
               const char *const *envs, const char *const *args)
{
    memset(fg, 0, sizeof *fg);
    fg->namespaced = geteuid() == 0;
    int o[2], e[2];
    assert_int_equal(pipe(o), 0);
    assert_int_equal(pipe(e), 0);
    fg->launcher = fork();
    assert_true(fg->launcher >= 0);
    if (fg->launcher == 0) {
        dup2(o[1], 1);
        dup2(e[1], 2);
        close(o[0]);
        close(o[1]);
        close(e[0]);
        close(e[1]);
        if (chdir(dir) != 0)
            _exit(126);
        for (size_t i = 0; envs != NULL && envs[i] != NULL; i++) {
            const char *eq = strchr(envs[i], '=');
            if (eq == NULL)
                _exit(126);
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(eq - envs[i]), envs[i]);
            setenv(name, eq + 1, 1);
        }
        const char *argv[64];
        size_t n = 0;
        if (fg->namespaced) {
            argv[n++] = "unshare";
            argv[n++] = "-fp";
            argv[n++] = "--mount-proc";
        }
        argv[n++] = env_bin(env);
        argv[n++] = "-L";
        argv[n++] = env_socket_name(env);
        argv[n++] = "-f";
        argv[n++] = conf != NULL ? conf : "/dev/null";
        argv[n++] = "-D";
        for (size_t i = 0; args[i] != NULL && n < sizeof argv / sizeof argv[0] - 1; i++)
            argv[n++] = args[i];
        argv[n] = NULL;
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(o[1]);
    close(e[1]);
    fg->out = o[0];
    fg->err = e[0];
    fcntl(fg->out, F_SETFL, O_NONBLOCK);
    fcntl(fg->err, F_SETFL, O_NONBLOCK);
}

void fg_start(struct tmx_env *env, struct fg *fg, const char *dir, ...)
{
    const char *args[32];
    size_t n = 0;
    va_list ap;
    va_start(ap, dir);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < sizeof args / sizeof args[0] - 1)
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    fg_startv(env, fg, dir, NULL, NULL, args);
}

/* Reads what is there on *fd into buf (len kept NUL-terminated); closes *fd at EOF or
 * an error. What does not fit is read and dropped, so the writer never blocks. */
static void fg_read(int *fd, char *buf, size_t size, size_t *len)
{
    char scratch[4096];
    size_t room = size - 1 - *len;
    ssize_t n = room > 0 ? read(*fd, buf + *len, room) : read(*fd, scratch, sizeof scratch);
    if (n > 0 && room > 0)
        *len += (size_t)n;
    else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        close(*fd);
        *fd = -1;
    }
    buf[*len] = '\0';
}

bool fg_pump(struct fg *fg, int ms)
{
    if (fg->out < 0 && fg->err < 0)
        return false;
    struct pollfd p[2] = {{.fd = fg->out, .events = POLLIN}, {.fd = fg->err, .events = POLLIN}};
    if (poll(p, 2, ms) <= 0)
        return true;
    if (fg->out >= 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR)))
        fg_read(&fg->out, fg->obuf, sizeof fg->obuf, &fg->olen);
    if (fg->err >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
        fg_read(&fg->err, fg->ebuf, sizeof fg->ebuf, &fg->elen);
    return true;
}

pid_t fg_server_pid(struct fg *fg)
{
    if (fg->server <= 0)
        fg->server = fg->namespaced ? e2e_first_child(fg->launcher) : fg->launcher;
    return fg->server;
}

bool fg_wait_out(struct fg *fg, const char *needle, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    while (strstr(fg->obuf, needle) == NULL) {
        if (e2e_now_ms() > end || !fg_pump(fg, 50))
            return strstr(fg->obuf, needle) != NULL;
    }
    fg_server_pid(fg);
    return true;
}

int fg_finish(struct fg *fg, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    while (fg_pump(fg, 50) && e2e_now_ms() < end) {
    }
    int status;
    pid_t got;
    for (;;) {
        got = waitpid(fg->launcher, &status, WNOHANG);
        if (got != 0 || e2e_now_ms() > end)
            break;
        sleep_ms(20);
    }
    if (fg->out >= 0)
        close(fg->out);
    if (fg->err >= 0)
        close(fg->err);
    fg->out = fg->err = -1;
    if (got != fg->launcher) {
        kill(fg->launcher, SIGKILL);
        waitpid(fg->launcher, &status, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
