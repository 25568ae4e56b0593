/* fds.c - stdio always open, inherited descriptors closed (see fds.h). */
#include "fds.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int fds_open_stdio(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        /* The lowest free number is fd itself: every lower one is open by now. */
        int null = open("/dev/null", O_RDWR);
        if (null < 0)
            return -1;
        if (null != fd) {
            dup2(null, fd);
            close(null);
        }
    }
    return 0;
}

/* Close fds lo..hi (inclusive): close_range, else each open one /proc lists. */
static void close_between(unsigned lo, unsigned hi)
{
    if (lo > hi || close_range(lo, hi, 0) == 0)
        return;
    DIR *d = opendir("/proc/self/fd");
    if (d == NULL) {
        long max = sysconf(_SC_OPEN_MAX);
        for (long fd = lo; fd <= (long)hi && fd < (max > 0 ? max : 1024); fd++)
            close((int)fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end == '\0' && e->d_name[0] != '\0' && fd >= (long)lo && fd <= (long)hi &&
            fd != dirfd(d))
            close((int)fd);
    }
    closedir(d);
}

void fds_close_inherited(int keep, int keep2)
{
    if (keep2 < keep) {
        int t = keep;
        keep = keep2;
        keep2 = t;
    }
    /* keep <= keep2: close what lies below, between and above them. */
    unsigned lo = 3;
    if (keep >= 3) {
        close_between(lo, (unsigned)keep - 1);
        lo = (unsigned)keep + 1;
    }
    if (keep2 >= 3 && keep2 != keep) {
        close_between(lo, (unsigned)keep2 - 1);
        lo = (unsigned)keep2 + 1;
    }
    close_between(lo, ~0u);
}
