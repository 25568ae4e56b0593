/* child.c - helper processes of the server (see child.h). */
#include "child.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

void child_reset_signals(void)
{
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

void child_close_fds(int keep)
{
    for (int fd = 3; fd < 1024; fd++) {
        if (fd != keep)
            close(fd);
    }
}

pid_t child_spawn_shell(const char *command, const char *cwd, int in, int out, int err)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    pid_t pid = fork();
    if (pid == 0) {
        child_reset_signals();
        setsid();
        int null = open("/dev/null", O_RDWR);
        dup2(in >= 0 ? in : null, STDIN_FILENO);
        dup2(out >= 0 ? out : null, STDOUT_FILENO);
        dup2(err >= 0 ? err : null, STDERR_FILENO);
        child_close_fds(-1);
        if (cwd != NULL && chdir(cwd) != 0) {
            /* run where the server is */
        }
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return pid;
}
