#!/usr/bin/python3
"""control.py SEED STEPS - a control client (-C) of tmux 3.3a and one of tmx get the same
random commands; stops at the first command after which what they printed differs
(times, command numbers, how output was cut into %output lines and repeated
%layout-change lines normalised)."""
import os, subprocess, random, sys, time, re, select, difflib
from tmuxdiff import B, ENV as env
seed=int(sys.argv[1]); N=int(sys.argv[2])
random.seed(seed)
def run(w,*a):
    r=subprocess.run([B[w],'-L','ct%d'%seed,'-f','/dev/null',*a],env=env,capture_output=True,text=True,timeout=10)
    return r.returncode, r.stdout, r.stderr.strip()
P={}
for w in B:
    run(w,'kill-server')
    run(w,'new','-d','-s','s0','-x','80','-y','24','cat')
    run(w,'set','-g','automatic-rename','off')
    P[w]=subprocess.Popen([B[w],'-L','ct%d'%seed,'-C','attach','-t','s0'],env=env,stdin=subprocess.PIPE,stdout=subprocess.PIPE,stderr=subprocess.STDOUT)
    os.set_blocking(P[w].stdout.fileno(),False)
def drain(w, quiet=0.25):
    out=b''; end=time.time()+quiet
    while time.time()<end:
        r,_,_=select.select([P[w].stdout],[],[],0.05)
        if r:
            try:
                d=os.read(P[w].stdout.fileno(),65536)
                if d: out+=d; end=time.time()+quiet
            except BlockingIOError: pass
    return out.decode('utf-8','replace')
def norm(s):
    s=re.sub(r'%(begin|end|error) \d+ \d+ \d+','%\\1 T N F',s)
    out=[]; 
    for l in s.split('\n'):
        m=re.match(r'%output (%\d+) (.*)',l)
        if m and out and out[-1].startswith('%output '+m.group(1)+' '):
            out[-1]+=m.group(2)
        elif l.startswith('%layout-change') and out and out[-1]==l: pass
        else: out.append(l)
    return '\n'.join(out)
for w in B: drain(w,0.5)
ops=[
 lambda: 'new-window -d cat',
 lambda: 'new-window cat',
 lambda: 'split-window -d cat',
 lambda: 'split-window -h cat',
 lambda: 'kill-pane',
 lambda: 'select-window -t :%d'%random.randint(0,3),
 lambda: 'rename-window w%d'%random.randint(0,9),
 lambda: 'rename-session r%d'%random.randint(0,3),
 lambda: 'new-session -d -s n%d cat'%random.randint(0,3),
 lambda: 'kill-window -t :%d'%random.randint(0,3),
 lambda: 'select-layout tiled',
 lambda: 'resize-pane -Z',
 lambda: 'swap-pane -D',
 lambda: 'select-pane -t :.+',
 lambda: 'list-windows -F "#{window_index} #{window_id}"',
 lambda: 'display -p "#{session_name} #{window_index}"',
 lambda: 'set -w @x %d'%random.randint(0,9),
 lambda: 'set @y 1',
 lambda: 'setw -g @z 1',
 lambda: 'link-window -d -s :0 -t n0:',
 lambda: 'switch-client -t '+random.choice(['n0','n1','s0','r1','n0:1','s0:0.1','%1','@1','nosuch:1','=n']),
 lambda: 'refresh-client -C 100x30',
 lambda: 'move-window -r',
 lambda: 'break-pane -d',
 lambda: 'rotate-window',
 lambda: 'nosuchcommand',
 lambda: 'send-keys -t :.0 hello Enter',
]
hist=[]
for i in range(N):
    c=random.choice(ops)()
    hist.append(c)
    o={}
    dead=[]
    for w in B:
        try:
            P[w].stdin.write((c+'\n').encode()); P[w].stdin.flush()
        except BrokenPipeError: dead.append(w)
    if dead:
        print('seed',seed,'step',i,'client ended:',dead,'history',hist[-6:]); break
    for w in B: o[w]=norm(drain(w))
    if o['tmux']!=o['tmx']:
        print('seed',seed,'step',i,repr(c)); print('history:',hist[-6:])
        print('\n'.join(difflib.unified_diff(o['tmux'].split('\n'),o['tmx'].split('\n'),'tmux','tmx',lineterm='',n=1)))
        break
else: print('seed',seed,'same for',N)
for w in B:
    P[w].kill(); run(w,'kill-server')
