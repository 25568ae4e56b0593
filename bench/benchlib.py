"""benchlib.py - helpers the bench scripts share: run a command of a tmx (or tmux) on a
private socket, read a process's resident memory, and read a client's terminal (drain a
pty, wait until it is quiet, the text it shows without escape sequences). Imported by
the scripts beside it (`python3 bench/up.py` puts bench/ on the module path)."""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time

# Escape sequences (CSI, OSC, DCS/APC/PM, two- and three-byte ESC forms) a client writes.
STRIP = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P_^][^\x1b]*\x1b\\"
                   rb"|\x1b[ -/]+[0-~]|\x1b[0-~]")


def run(binary, sock, *args, check=True):
    """`binary -S sock -f /dev/null ARGS...`: its stdout (raises on failure if check)."""
    return subprocess.run([binary, "-S", sock, "-f", "/dev/null", *args], check=check,
                          capture_output=True, text=True).stdout


def rss_kib(pid):
    """Resident memory of pid in KiB (VmRSS), -1 if /proc does not say."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def visible(buf):
    """The text of buf without its escape sequences, up to an unfinished one."""
    v = STRIP.sub(b"", bytes(buf))
    i = v.find(b"\x1b")
    return v if i < 0 else v[:i]


def drain(fd):
    """Everything a non-blocking fd has now (b"" at end of file or an error)."""
    out = bytearray()
    while True:
        try:
            b = os.read(fd, 65536)
        except OSError:
            return out
        if not b:
            return out
        out += b


def settle(fd, quiet, limit):
    """Drain fd until nothing came for quiet seconds (limit at most): (bytes drained,
    time.monotonic() of the last)."""
    end, last, total = time.monotonic() + limit, time.monotonic(), 0
    while time.monotonic() < end and time.monotonic() - last < quiet:
        r, _, _ = select.select([fd], [], [], quiet)
        if r:
            n = len(drain(fd))
            total += n
            if n:
                last = time.monotonic()
    return total, last


def spawn_on_pty(argv, env, rows=50, cols=200):
    """Run argv in a new pty of rows x cols (a client in muxbench's 200x50 terminal by
    default): (pid, the master, non-blocking)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    os.set_blocking(fd, False)
    return pid, fd


def end_pty_child(pid):
    """Kill (SIGKILL) and reap a child spawn_on_pty started; one already gone is fine."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
