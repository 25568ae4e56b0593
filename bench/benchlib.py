"""benchlib.py - helpers the bench scripts share: run a command of a tmx (or tmux) on a
private socket, and read a process's resident memory. Imported by the scripts beside it
(`python3 bench/up.py` puts bench/ on the module path)."""
import subprocess


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
