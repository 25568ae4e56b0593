#!/usr/bin/python3
"""idle_server.py TMX [SECS]: wakeups per second of an idle tmx server, its keeper and an attached client.

muxbench's idle test takes the parent of the window's program ($PPID) as the server: for tmx
that is the keeper (the parent of every pane), so its figure is the keeper's. This script asks
the server for its own pid (#{pid}). A private server (-L idle, HOME and TMX_TMPDIR in a new
temporary directory) with 10 windows running sh and one client attached in a 200x50 pty; after
SETTLE seconds (environment, default 2) the voluntary context switches of each process over SECS
seconds (default 10). CONF (environment) is the config file (default /dev/null); STRACE=1 also
writes the server's epoll_wait calls to /tmp/tmx-idle.strace (that inflates the counts)."""
import os, pty, sys, time, subprocess, tempfile, select, fcntl, termios, struct, shutil
T = sys.argv[1]; secs = float(sys.argv[2]) if len(sys.argv) > 2 else 10
d = tempfile.mkdtemp(prefix="tmx-idle.")
env = dict(os.environ, HOME=d, TMX_TMPDIR=d, TERM="xterm-256color", LANG="C.UTF-8")
def run(*a): return subprocess.run([T, "-L", "idle", "-f", os.environ.get("CONF", "/dev/null"), *a], env=env, capture_output=True, text=True).stdout.strip()
run("new", "-d", "-s", "s", "-x", "200", "-y", "50", "sh")
for i in range(9): run("new-window", "-d", "-t", "s:", "sh")
server = int(run("display", "-p", "#{pid}"))
pid, fd = pty.fork()
if pid == 0:
    os.execve(T, [T, "-L", "idle", "attach", "-t", "s"], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
def pump(t):
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if r:
            try: os.read(fd, 65536)
            except OSError: return
def ctx(p):
    try:
        for l in open(f"/proc/{p}/status"):
            if l.startswith("voluntary_ctxt_switches"): return int(l.split()[1])
    except OSError: return None
pump(float(os.environ.get("SETTLE", "2")))
pids = {"server": server, "client": pid}
# the keeper: the parent of the panes' shells
pane_pid = int(run("display", "-p", "#{pane_pid}"))
kp = int(open(f"/proc/{pane_pid}/stat").read().rsplit(")", 1)[1].split()[1])
if kp != server: pids["keeper"] = kp
st = subprocess.Popen(["strace", "-tt", "-p", str(server), "-e", "trace=epoll_wait,write,openat,rename", "-o", "/tmp/tmx-idle.strace"]) if os.environ.get("STRACE") else None
time.sleep(0.3)
a = {k: ctx(v) for k, v in pids.items()}; t0 = time.time()
pump(secs)
b = {k: ctx(v) for k, v in pids.items()}; dt = time.time() - t0
if st: st.terminate(); st.wait()
print(" ".join(f"{k} {(b[k]-a[k])/dt:.2f}/s" for k in pids), f"over {dt:.1f} s")
run("kill-server")
os.waitpid(pid, 0)
shutil.rmtree(d, ignore_errors=True)
