/* child.c - helper processes of the server (see child.h). */
#include "child.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
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
    /* close_range: one or two system calls (before every pane's program starts; the
     * loop below is a thousand). */
    if (keep < 3 && close_range(3, ~0U, 0) == 0)
        return;
    if (keep >= 3 && (keep == 3 || close_range(3, (unsigned)keep - 1, 0) == 0) &&
        close_range((unsigned)keep + 1, ~0U, 0) == 0)
        return;
    for (int fd = 3; fd < 1024; fd++) {
        if (fd != keep)
            close(fd);
    }
}

pid_t child_spawn_shell(const char *command, const char *cwd, int in, int out, int err)
{
    return child_spawn_shell_env(command, cwd, in, out, err, NULL);
}

pid_t child_spawn_shell_env(const char *command, const char *cwd, int in, int out, int err,
                            char *const *env)
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
        if (env != NULL) {
            char *const argv[] = {"sh", "-c", (char *)command, NULL};
            execve("/bin/sh", argv, env);
        } else
            execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return pid;
}

void child_pty_termios(struct termios *tio)
{
    memset(tio, 0, sizeof *tio);
    tio->c_iflag = ICRNL | IXON | IXANY | IMAXBEL | BRKINT | IUTF8;
    tio->c_oflag = OPOST | ONLCR;
    tio->c_cflag = CREAD | CS8 | HUPCL;
    tio->c_lflag = ICANON | ISIG | IEXTEN | ECHO | ECHOE | ECHOK | ECHOKE | ECHOCTL;
    tio->c_cc[VINTR] = 0x03;
    tio->c_cc[VQUIT] = 0x1c;
    tio->c_cc[VERASE] = 0x7f;
    tio->c_cc[VKILL] = 0x15;
    tio->c_cc[VEOF] = 0x04;
    tio->c_cc[VSTART] = 0x11;
    tio->c_cc[VSTOP] = 0x13;
    tio->c_cc[VSUSP] = 0x1a;
    tio->c_cc[VWERASE] = 0x17;
    tio->c_cc[VLNEXT] = 0x16;
    tio->c_cc[VREPRINT] = 0x12;
    tio->c_cc[VDISCARD] = 0x0f;
    tio->c_cc[VMIN] = 1;
    tio->c_cc[VTIME] = 0;
    cfsetispeed(tio, B38400);
    cfsetospeed(tio, B38400);
}
