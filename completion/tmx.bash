# tmx.bash - bash completion for tmx: commands and aliases, each command's flags (from
# its usage, as `tmx list-commands` prints it), session, window, pane and client targets
# of the running server (the -L or -S given on the line), option names, key tables,
# buffers, layouts, files and directories where the usage asks for them. Installed by
# cmake --install as share/bash-completion/completions/tmx; or: source it.
# The part between the "shared" lines is POSIX sh and is the same in completion/_tmx
# (zsh); tests/install/check_completion.py checks both.

# --- shared: begin ---
# _tmx_load BIN: what does not change while the shell lives, asked once of a throwaway
# server (no config, its own socket; it exits at once): the commands with their aliases
# and usages, and the option names.
_tmx_load() {
    if [ "${_tmx_loaded-}" = "$1" ]; then
        return 0
    fi
    _tmx_commands=$("$1" -f /dev/null -L "completion-$$" list-commands \
        -F '#{command_list_name}|#{command_list_alias}|#{command_list_usage}' 2>/dev/null)
    _tmx_options=$("$1" -f /dev/null -L "completion-$$" start-server \; show-options -g \; \
        show-options -gw \; show-options -s 2>/dev/null | sed -e 's/[[ ].*//' | sort -u)
    _tmx_loaded=$1
}

# _tmx_match PREFIX WORD...: the words that begin with PREFIX, one a line.
_tmx_match() {
    local p=$1 w
    shift
    for w in "$@"; do
        case $w in "$p"*) printf '%s\n' "$w" ;; esac
    done
}

# _tmx_lines PREFIX: the lines of stdin that begin with PREFIX.
_tmx_lines() {
    local l
    while IFS= read -r l; do
        case $l in "$1"*) printf '%s\n' "$l" ;; esac
    done
}

# _tmx_usage CMD: the usage of a command named by its name or alias.
_tmx_usage() {
    printf '%s\n' "$_tmx_commands" | while IFS='|' read -r name alias usage; do
        if [ "$name" = "$1" ] || [ "$alias" = "$1" ]; then
            printf '%s\n' "$usage"
            break
        fi
    done
}

# _tmx_ask ARGS...: the server of the line (its -L or -S), quietly.
_tmx_ask() {
    if [ -n "$_tmx_sock" ]; then
        "$_tmx_bin" "$_tmx_sock" "$_tmx_sockarg" "$@" 2>/dev/null
    else
        "$_tmx_bin" "$@" 2>/dev/null
    fi
}

# _tmx_of TYPE PREFIX: the values of an argument the usage calls TYPE. @file and @dir
# ask the shell for file or directory names.
_tmx_of() {
    case $1 in
    target-session)
        _tmx_ask list-sessions -F '#{session_name}' | _tmx_lines "$2" ;;
    target-window | src-window | dst-window)
        { _tmx_ask list-sessions -F '#{session_name}:'
          _tmx_ask list-windows -a -F '#{session_name}:#{window_index}'; } | _tmx_lines "$2" ;;
    target-pane | src-pane | dst-pane)
        { _tmx_ask list-sessions -F '#{session_name}:'
          _tmx_ask list-windows -a -F '#{session_name}:#{window_index}'
          _tmx_ask list-panes -a -F '#{session_name}:#{window_index}.#{pane_index}'
          _tmx_ask list-panes -a -F '#{pane_id}'; } | _tmx_lines "$2" ;;
    target-client)
        _tmx_ask list-clients -F '#{client_name}' | _tmx_lines "$2" ;;
    buffer-name)
        _tmx_ask list-buffers -F '#{buffer_name}' | _tmx_lines "$2" ;;
    option)
        printf '%s\n' "$_tmx_options" | _tmx_lines "$2" ;;
    command)
        printf '%s\n' "$_tmx_commands" | cut -d'|' -f1 | _tmx_lines "$2" ;;
    key-table)
        _tmx_match "$2" root prefix copy-mode copy-mode-vi ;;
    layout-name)
        _tmx_match "$2" even-horizontal even-vertical main-horizontal main-vertical tiled ;;
    working-directory | start-directory | directory)
        printf '@dir\n' ;;
    path | file | socket-path | *-file)
        printf '@file\n' ;;
    esac
}

# _tmx_candidates BIN WORD...: the completions of the last WORD of a command line (the
# words after the program's name), one a line.
_tmx_candidates() {
    _tmx_bin=$1
    _tmx_sock=
    _tmx_sockarg=
    shift
    # Global flags, up to the first command.
    while [ $# -gt 1 ]; do
        case $1 in
        -L | -S | -c | -f | -T)
            if [ $# -eq 2 ]; then
                case $1 in
                -L) ls "${TMX_TMPDIR:-${TMUX_TMPDIR:-/tmp}}/tmx-$(id -u)" 2>/dev/null |
                    grep -v '\.lock$' | _tmx_lines "$2" ;;
                -S | -f) printf '@file\n' ;;
                esac
                return 0
            fi
            case $1 in -L | -S) _tmx_sock=$1 _tmx_sockarg=$2 ;; esac
            shift 2 ;;
        --) shift; break ;;
        -*) shift ;;
        *) break ;;
        esac
    done
    local cmd= n=0 want= w flag usage
    while [ $# -gt 1 ]; do
        w=$1
        shift
        if [ -n "$want" ]; then
            want=
            continue
        fi
        if [ -z "$cmd" ]; then
            cmd=$w
            continue
        fi
        case $w in
        ';' | *[!\\]';') cmd= n=0; continue ;;
        esac
        case $w in
        -?*)
            if [ "$n" -eq 0 ]; then
                flag=${w#"${w%?}"}
                want=$(_tmx_usage "$cmd" | sed -n "s/.*\[-$flag \([^]]*\)\].*/\1/p")
                continue
            fi ;;
        esac
        n=$((n + 1))
    done
    if [ -z "$cmd" ]; then
        case $1 in
        -*) _tmx_match "$1" -2 -C -D -L -N -S -T -V -c -f -l -u -v ;;
        *) printf '%s\n' "$_tmx_commands" | cut -d'|' -f1,2 | tr '|' '\n' | sort -u |
            grep -v '^$' | _tmx_lines "$1" ;;
        esac
        return 0
    fi
    if [ -n "$want" ]; then
        _tmx_of "$want" "$1"
        return 0
    fi
    usage=$(_tmx_usage "$cmd")
    case $1 in
    -*)
        if [ "$n" -eq 0 ]; then
            printf '%s\n' "$usage" | sed -e 's/|-//g' | tr ' ' '\n' |
                sed -n 's/^\[-\([A-Za-z0-9]*\)]\{0,1\}$/\1/p' |
                sed 's/./-&\n/g' | grep -v '^$' | sort -u | _tmx_lines "$1"
            return 0
        fi ;;
    esac
    # The n-th word of the usage that is not a flag.
    w=$(printf '%s\n' "$usage" | sed -e 's/\[-[^]]*\]//g' | tr -d '[]' | tr ' ' '\n' |
        grep -v '^$' | sed -n "$((n + 1))p")
    _tmx_of "$w" "$1"
}
# --- shared: end ---

_tmx() {
    local bin=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} line words
    [[ $bin == "~/"* ]] && bin=$HOME/${bin#"~/"}
    _tmx_load "$bin"
    COMPREPLY=()
    # The words up to the cursor, split at blanks only: bash also splits at ':'
    # (COMP_WORDBREAKS), which would cut session:window.pane in three.
    line=${COMP_LINE:0:COMP_POINT}
    read -ra words <<<"$line"
    [[ $line == *[[:space:]] || ${#words[@]} -eq 0 ]] && words+=("")
    local full=${words[${#words[@]} - 1]}
    # What bash will replace is cur; the part of full before it stays.
    local keep=${full%"$cur"}
    while IFS= read -r line; do
        case $line in
        @file) COMPREPLY+=($(compgen -f -- "$cur")) ;;
        @dir) COMPREPLY+=($(compgen -d -- "$cur")) ;;
        '') ;;
        *)
            line=${line#"$keep"}
            [[ -n $line ]] && COMPREPLY+=("$line") ;;
        esac
    done < <(_tmx_candidates "$bin" "${words[@]:1}")
}
complete -F _tmx tmx
