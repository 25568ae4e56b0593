#!/usr/bin/python3
"""keys.py [SEED COUNT] - the bytes a pane's program reads for each key that send-keys
names (every key name with no modifier and with C-, M-, S- and their mixes), in tmux
3.3a and in tmx, with the pane's program in each keyboard mode it can ask for (normal,
application cursor keys and keypad, modifyOtherKeys 1 and 2 with extended-keys on):
prints each key whose bytes (or send-keys' exit status) differ, and the count. Without
arguments every key in every mode; with SEED COUNT, COUNT random keys."""
import os
import random
import subprocess
import sys
import time

from tmuxdiff import B, ENV, TMP

SOCK = ['keysd']

NAMES = (['a', 'z', 'A', 'Z', '0', '1', '9', '!', '@', '#', '/', '[', ']', '\\', ';', "'", ',', '.',
          '-', '=', '`', '~', '?', '^', '_', '|', '{', '}'] +
         ['F%d' % i for i in range(1, 13)] +
         ['Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PPage', 'NPage', 'IC', 'DC', 'BSpace',
          'Tab', 'BTab', 'Enter', 'Escape', 'Space'] +
         ['KP0', 'KP5', 'KP9', 'KP/', 'KP*', 'KP-', 'KP+', 'KP.', 'KPEnter'])
MODS = ['', 'C-', 'M-', 'S-', 'C-M-', 'C-S-', 'M-S-', 'C-M-S-']
# What the program asks for before the keys: (name, bytes it writes to its terminal).
MODES = [('normal', ''), ('app', '\033[?1h\033='), ('mok1', '\033[>4;1m'), ('mok2', '\033[>4;2m')]

READER = ("import os,sys,tty\n"
          "tty.setraw(0)\n"
          "sys.stdout.write(sys.argv[2]); sys.stdout.flush()\n"
          "f=open(sys.argv[1],'a')\n"
          "while True:\n"
          "    b=os.read(0,1024)\n"
          "    if not b: break\n"
          "    f.write(b.hex()+'\\n'); f.flush()\n")


def run(w, *a):
    r = subprocess.run([B[w], '-L', SOCK[0], '-f', '/dev/null', *a], env=ENV, capture_output=True,
                       text=True, timeout=5, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr.strip()


def wait_file(path, n):
    """The file's lines once it has n of them (or after 2 s)."""
    for _ in range(200):
        if os.path.exists(path):
            lines = open(path).read().split()
            if len(lines) >= n:
                return lines
        time.sleep(0.01)
    return open(path).read().split() if os.path.exists(path) else []


def main():
    keys = [m + n for m in MODS for n in NAMES]
    if len(sys.argv) == 3:
        r = random.Random(int(sys.argv[1]))
        keys = [r.choice(keys) for _ in range(int(sys.argv[2]))]
    script = os.path.join(TMP, 'reader.py')
    with open(script, 'w') as f:
        f.write(READER)
    diffs = 0
    for mode, setup in MODES:
        logs = {}
        SOCK[0] = 'keysd-' + mode  # a server of its own: none is still going away
        for w in B:
            logs[w] = os.path.join(TMP, '%s-%s.log' % (w, mode))
            run(w, 'new', '-d', '-s', 'k', '-x', '80', '-y', '24',
                "exec python3 '%s' '%s' '%s'" % (script, logs[w], setup))
            if mode.startswith('mok'):
                run(w, 'set', '-s', 'extended-keys', 'on')
            # The program is up and its mode set once it echoes a marker key back.
            for _ in range(100):
                run(w, 'send-keys', '-t', 'k', '-l', '#')
                if wait_file(logs[w], 1):
                    break
        count = {w: len(wait_file(logs[w], 1)) for w in B}
        for key in keys:
            got = {}
            for w in B:
                rc = run(w, 'send-keys', '-t', 'k', key)[0]
                rc2 = run(w, 'send-keys', '-t', 'k', '-l', '#')[0]  # a marker after it
                lines = wait_file(logs[w], count[w] + 1)
                # Everything up to and including the marker (23) is this key's.
                text = ''.join(lines[count[w]:])
                while not text.endswith('23') and len(lines) < count[w] + 50:
                    lines = wait_file(logs[w], len(lines) + 1)
                    text = ''.join(lines[count[w]:])
                    if not lines or not text:
                        break
                count[w] = len(lines)
                got[w] = (rc, rc2, text)
            if got['tmux'] != got['tmx']:
                diffs += 1
                print('%s %s: tmux %s  tmx %s' % (mode, key, got['tmux'], got['tmx']))
        for w in B:
            run(w, 'kill-server')
    print('differences:', diffs)


if __name__ == '__main__':
    main()
