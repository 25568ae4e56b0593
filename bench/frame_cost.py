#!/usr/bin/env python3
"""What one keystroke's echo, and one flood, cost the server in instructions: counted by
valgrind's callgrind, so the figure does not move with the machine's load (muxbench's
microseconds do). The server runs in the foreground (-D) under callgrind; a window runs
`stty raw -echo; exec cat` at 200x50 with one client attached in a 200x50 pty drained
by this script, as muxbench's latency test. After the first screen is up the counters
are zeroed (callgrind_control -z), then each of --keys bytes is written to the client's
terminal and the script waits until it shows up there; the counters are dumped
(callgrind_control -d) and divided by the number of keys: instructions per echo.

--flood N also writes N KiB of `yes`-like lines (a scrolling flood) into the pane with
the client attached and reports instructions per input byte and the client's bytes.

usage: bench/frame_cost.py [--mux build-rel/tmx] [--tmux /usr/bin/tmux] [--targets tmux,mux]
                           [--keys 400] [--flood 0] [--split] [--annotate] [--keep] [--strace]
--split runs the test in the second pane of a window split in two (borders shown).
--annotate prints the top of callgrind_annotate for each target (where the time goes).
System python3, stdlib only; valgrind must be installed.
"""
import argparse
import fcntl
import glob
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time


def drain(fd, buf):
    while True:
        try:
            b = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return
        if not b:
            return
        buf += b


def wait_for(fd, buf, pred, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if pred(buf):
            return True
        r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if r:
            drain(fd, buf)
    return pred(buf)


def quiet(fd, buf, secs, limit=20):
    end = time.time() + limit
    last = time.time()
    while time.time() < end and time.time() - last < secs:
        r, _, _ = select.select([fd], [], [], secs)
        if r:
            n = len(buf)
            drain(fd, buf)
            if len(buf) != n:
                last = time.time()


def run_target(name, binary, args, work):
    env = dict(os.environ)
    home = os.path.join(work, name)
    os.makedirs(home)
    env.update(HOME=home, TMUX_TMPDIR=home, TMX_TMPDIR=home, TERM="xterm-256color",
               LANG="C.UTF-8", SHELL="/bin/sh")
    env.pop("TMUX", None)
    env.pop("TMX", None)
    sock = ["-L", "fc" + name]
    base = [binary] + sock + ["-f", "/dev/null"]
    out = os.path.join(home, "cg.out")
    tool = (["strace", "-f", "-c", "-o", out + ".strace"] if args.strace else
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, "--dump-instr=no"])
    server = subprocess.Popen(tool + base + ["-D"],
                              env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        sockpath = os.path.join(home, ("tmux-%d" if name == "tmux" else "tmx-%d") % os.getuid(),
                                "fc" + name)
        for _ in range(1200):
            if os.path.exists(sockpath):
                break
            if server.poll() is not None:
                raise RuntimeError(name + ": the server exited")
            time.sleep(0.05)
        for _ in range(600):
            if subprocess.run(base + ["new", "-d", "-s", "s", "-x", "200", "-y", "50",
                                      "stty raw -echo; exec cat"],
                              env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(name + ": no server")
        if name == "mux" and args.mux_set:
            subprocess.run(base + ["set"] + args.mux_set.split(), env=env, check=True,
                           capture_output=True)
        if args.split:
            subprocess.run(base + ["split-window", "-h", "-t", "s", "stty raw -echo; exec cat"],
                           env=env, check=True, capture_output=True)
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
            os.execvpe(binary, base + ["attach", "-t", "s"], env)
        os.set_blocking(fd, False)
        buf = bytearray()
        quiet(fd, buf, 1.0)
        subprocess.run(["callgrind_control", "-z", str(server.pid)], capture_output=True)
        quiet(fd, buf, 0.3)
        chars = b"abcdefghijklmnopqrstuvwxyz"
        got_bytes = 0
        for i in range(args.keys):
            if i and i % 100 == 0:
                os.write(fd, b"\r")
                quiet(fd, buf, 0.05)
            ch = chars[i % len(chars):][:1]
            buf = bytearray()
            os.write(fd, ch)
            if not wait_for(fd, buf, lambda b: ch in b, 20):
                raise RuntimeError(name + ": no echo")
            quiet(fd, buf, 0.02)
            got_bytes += len(buf)
        subprocess.run(["callgrind_control", "-d", "echo", str(server.pid)], capture_output=True)
        time.sleep(0.5)
        res = {"keys": args.keys, "bytes_per_key": got_bytes / max(1, args.keys)}
        if args.flood > 0:
            subprocess.run(["callgrind_control", "-z", str(server.pid)], capture_output=True)
            data = os.path.join(home, "flood.txt")
            with open(data, "w") as f:
                line = "y" * 78 + "\n"
                f.write(line * (args.flood * 1024 // len(line)))
            buf = bytearray()
            subprocess.run(base + ["send-keys", "-t", "s", "-l", ""], env=env, capture_output=True)
            subprocess.run(base + ["respawn-pane", "-k", "-t", "s",
                                   "cat " + data + "; printf DONE-FLOOD; exec cat"],
                           env=env, check=True, capture_output=True)
            wait_for(fd, buf, lambda b: b"DONE-FLOOD" in b, 600)
            quiet(fd, buf, 0.3)
            subprocess.run(["callgrind_control", "-d", "flood", str(server.pid)],
                           capture_output=True)
            time.sleep(0.5)
            res["flood_bytes"] = os.path.getsize(data)
            res["flood_client_bytes"] = len(buf)
        subprocess.run(base + ["kill-server"], env=env, capture_output=True)
        os.close(fd)
        os.waitpid(pid, 0)
        server.wait(timeout=60)
        for d in sorted(glob.glob(out + ".*")):
            trigger, total = "", 0
            with open(d, errors="replace") as f:
                for line in f:
                    if line.startswith("desc: Trigger:"):
                        trigger = line.split()[-1]
                    elif line.startswith("totals:"):
                        total = int(line.split()[1])
            if trigger in ("echo", "flood"):
                res[trigger + "_ir"] = total
                res[trigger + "_file"] = d
        return res
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 9)
            server.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mux", default=os.environ.get("MUX_BIN", "build-rel/tmx"))
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("--targets", default="tmux,mux")
    ap.add_argument("--keys", type=int, default=400)
    ap.add_argument("--flood", type=int, default=0, help="KiB of scrolling lines")
    ap.add_argument("--split", action="store_true")
    ap.add_argument("--annotate", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the callgrind files")
    ap.add_argument("--mux-set", default="",
                    help="an option to set in mux first, e.g. '-s snapshot-interval 0'")
    ap.add_argument("--strace", action="store_true",
                    help="count the server's system calls (strace -c, startup included) "
                         "instead of instructions")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("frame_cost.py: valgrind is not installed (apt-get install valgrind)")
    work = tempfile.mkdtemp(prefix="frame-cost.")
    rows = []
    try:
        for name in args.targets.split(","):
            binary = args.tmux if name == "tmux" else os.path.abspath(args.mux)
            res = run_target(name, binary, args, work)
            rows.append((name, res))
            if args.strace:
                with open(os.path.join(work, name, "cg.out.strace")) as f:
                    print(name, "system calls (whole run):\n" + f.read())
            if args.annotate:
                for key in ("echo_file", "flood_file"):
                    if key in res:
                        a = subprocess.run(["callgrind_annotate", "--inclusive=yes", res[key]],
                                           capture_output=True, text=True).stdout
                        print("\n".join(a.splitlines()[:60]))
    finally:
        if args.keep:
            print("kept:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("| target | Ir per echo | client bytes per echo |" +
          (" Ir per flood byte | client bytes per flood byte |" if args.flood else ""))
    print("|---|---|---|" + ("---|---|" if args.flood else ""))
    for name, res in rows:
        line = "| %s | %d | %.1f |" % (name, res.get("echo_ir", 0) / max(1, res["keys"]),
                                      res["bytes_per_key"])
        if args.flood:
            line += " %.1f | %.4f |" % (res.get("flood_ir", 0) / max(1, res["flood_bytes"]),
                                        res["flood_client_bytes"] / max(1, res["flood_bytes"]))
        print(line)


if __name__ == "__main__":
    main()
