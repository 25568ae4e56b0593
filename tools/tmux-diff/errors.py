#!/usr/bin/python3
"""errors.py - every command of tmux's list-commands, with a bad target (-t nosuch,
s0:99, %99) or an unknown flag, against tmux 3.3a and tmx, each on a fresh server:
prints those whose exit status differs or whose tmux stderr line is not inside tmx's.
(ARGS=extra: no arguments, four stray words, {last}, s0:+5 instead.)"""
import os, subprocess
from tmuxdiff import B, ENV as env
SOCK=['errs']
def run(w,*a):
    try:
        r=subprocess.run([B[w],'-L',SOCK[0],'-f','/dev/null',*a],env=env,capture_output=True,text=True,timeout=5,stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout.strip(), r.stderr.strip()
    except subprocess.TimeoutExpired: return 'HANG','',''
cmds=[l.split()[0] for l in subprocess.run([B['tmux'],'-L','errs0','-f','/dev/null','start-server',';','list-commands'],capture_output=True,text=True,env=env).stdout.splitlines()]
skip={'kill-server','attach-session','detach-client','suspend-client','lock-server','lock-session','lock-client','server-access','switch-client','choose-tree','choose-buffer','choose-client','customize-mode','copy-mode','clock-mode','command-prompt','confirm-before','display-menu','display-popup','display-panes','wait-for','run-shell','if-shell','new-session','source-file','pipe-pane','respawn-pane','respawn-window','kill-session','kill-window','kill-pane','unlink-window'}
n=0
for w in B: run(w,'kill-server')
for c in cmds:
    if c in skip: continue
    for args in (([c],[c,'a1','a2','a3','a4'],[c,'-t','{last}'],[c,'-t','s0:+5']) if os.environ.get('ARGS')=='extra' else ([c,'-t','nosuch'],[c,'-Q'],[c,'-t','s0:99'],[c,'-t','%99'])):
        r={}
        n_=globals().setdefault('cnt',[0]); n_[0]+=1; SOCK[0]='errs%d'%n_[0]
        for w in B:
            run(w,'new','-d','-s','s0','-x','80','-y','24','cat')
            r[w]=run(w,*args)
            run(w,'kill-server')
        a,b=r['tmux'],r['tmx']
        ok = a[0]==b[0] and (a[2]=='' or all(l in b[2] for l in a[2].splitlines()))
        if not ok:
            n+=1; print(' '.join(args),'| tmux',a[0],repr(a[2][:90]),'| tmx',b[0],repr(b[2][:90]))
for w in B: run(w,'kill-server')
print('differences:',n)
