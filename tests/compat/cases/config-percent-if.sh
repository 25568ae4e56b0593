# %if/%elif/%else/%endif on formats.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/i.conf" <<'CONF'
%if #{==:1,2}
display -p one
%elif "#{==:a,a}"
display -p two
%else
display -p three
%endif
%if 0
display -p no
%else
display -p else-branch
%endif
%if #{session_name}
display -p has-session
%endif
CONF
$T -f /dev/null new -d -s main
$T source "$COMPAT_TMP/i.conf"
echo "rc=$?"
