#!/bin/sh
# -o and --per-doc behave like a shell redirection made safe: regular files
# replaced atomically keeping their mode, new ones 0666 & ~umask, symlinks
# followed, devices and FIFOs written in place (never replaced), read-only
# files and directories refused, and a failed run leaves the old file and no
# temporary. Before issue 15, -o renamed a temporary over whatever stood at
# the path (a device node, a symlink, a read-only file) with mode 0600.
. "$(dirname "$0")/lib.sh"
umask 027
D=$T/out
mkdir "$D"
no_temp() { ! ls -a "$D" | grep -q 'precis-'; }

# write CMD OUT: run command CMD (compare, idf, perdoc) writing to OUT.
write() {
	case $1 in
	compare) "$PRECIS" compare -o "$2" "$T/a.txt" "$T/ref.txt" ;;
	idf) "$PRECIS" idf -o "$2" "$T/a.txt" ;;
	perdoc) "$PRECIS" eval --data "$T/d.jsonl" --system lead --samples 10 --per-doc "$2" > /dev/null ;;
	window) "$PRECIS" compare --jsonl --window 3 -o "$2" "$T/d.jsonl" ;;
	esac
}
mode() { stat -c %a "$1"; }

for c in compare idf perdoc window; do
	rm -rf "$D"; mkdir "$D"
	# New file: 0666 & ~umask, as the shell creates it.
	write $c "$D/new" 2> "$T/err"
	[ $? = 0 ] && [ -s "$D/new" ] && [ "$(mode "$D/new")" = 640 ] && ok || ko "$c: new file mode $(mode "$D/new" 2>/dev/null), want 640"
	# Existing file: replaced, mode kept.
	echo old > "$D/keep"; chmod 604 "$D/keep"
	write $c "$D/keep" 2> "$T/err"
	[ $? = 0 ] && [ "$(cat "$D/keep")" != old ] && [ "$(mode "$D/keep")" = 604 ] && ok || ko "$c: existing file mode $(mode "$D/keep"), want 604"
	# Hard link: the file keeps its inode, so every link sees the new content
	# (a rename gave this name a new file and left the other link behind).
	echo old > "$D/hl"; ln "$D/hl" "$D/hl2"; ino=$(stat -c %i "$D/hl")
	write $c "$D/hl" 2> "$T/err"
	[ $? = 0 ] && [ "$(stat -c %i "$D/hl")" = "$ino" ] && [ "$(stat -c %h "$D/hl")" = 2 ] &&
		[ "$(cat "$D/hl2")" != old ] && cmp -s "$D/hl" "$D/hl2" && ok ||
		ko "$c: hard-linked file: inode $ino -> $(stat -c %i "$D/hl"), links $(stat -c %h "$D/hl")"
	# Symlink: followed; the link stays a link, its target gets the output.
	echo old > "$D/target"; ln -s target "$D/link"
	write $c "$D/link" 2> "$T/err"
	[ $? = 0 ] && [ -L "$D/link" ] && [ "$(cat "$D/target")" != old ] && ok || ko "$c: symlink replaced or target not written"
	# Dangling symlink: refused with a message, never replaced by a file.
	ln -s nowhere/x "$D/dangling"
	write $c "$D/dangling" 2> "$T/err"
	[ $? != 0 ] && [ -L "$D/dangling" ] && grep -q "symbolic link" "$T/err" && ok || ko "$c: dangling symlink"
	# Read-only file: refused, untouched (also as root).
	echo old > "$D/ro"; chmod 444 "$D/ro"
	write $c "$D/ro" 2> "$T/err"
	[ $? != 0 ] && [ "$(cat "$D/ro")" = old ] && [ "$(mode "$D/ro")" = 444 ] && grep -q "$D/ro" "$T/err" && ok || ko "$c: read-only file replaced"
	# Directory: refused by name.
	mkdir "$D/dir"
	write $c "$D/dir" 2> "$T/err"
	[ $? != 0 ] && [ -d "$D/dir" ] && grep -q "directory" "$T/err" && ok || ko "$c: directory"
	# Missing parent directory: named, non-zero.
	write $c "$D/none/x" 2> "$T/err"
	[ $? != 0 ] && grep -q "$D/none/x" "$T/err" && ok || ko "$c: missing directory not named"
	# FIFO: written in place (a reader gets the output), still a FIFO.
	mkfifo "$D/fifo"
	timeout 10 cat "$D/fifo" > "$T/fifo.out" &
	write $c "$D/fifo" 2> "$T/err"
	st=$?
	wait
	[ $st = 0 ] && [ -p "$D/fifo" ] && [ -s "$T/fifo.out" ] && ok || ko "$c: FIFO not written in place"
	# Device nodes in our own directory: written in place, never replaced.
	if [ "$(id -u)" = 0 ]; then
		mknod "$D/null" c 1 3 && mknod "$D/full" c 1 7
		write $c "$D/null" 2> "$T/err"
		[ $? = 0 ] && [ -c "$D/null" ] && ok || ko "$c: device node replaced"
		write $c "$D/full" 2> "$T/err"
		[ $? != 0 ] && [ -c "$D/full" ] && grep -q "No space" "$T/err" && ok || ko "$c: full device replaced or error not named"
	else
		echo "output-file: not root, mknod device tests skipped for $c"
	fi
	no_temp && ok || { ko "$c: temporary left behind"; ls -a "$D"; }
done

# A failed run keeps the old file and leaves no temporary.
rm -rf "$D"; mkdir "$D"
"$PRECIS" idf -o "$D/good.idf" "$T/a.txt" 2> /dev/null
cp "$D/good.idf" "$D/keep.idf"
printf 'not an idf table\n' > "$D/bad.idf"
"$PRECIS" idf --merge "$D/bad.idf" "$D/good.idf" -o "$D/keep.idf" 2> "$T/err"
[ $? != 0 ] && cmp -s "$D/good.idf" "$D/keep.idf" && grep -q "keep.idf" "$T/err" && ok || ko "idf --merge with a bad table replaced -o"
echo old > "$D/report"
"$PRECIS" compare -o "$D/report" "$T/a.txt" "$D/no-such-file" 2> "$T/err"
[ $? != 0 ] && [ "$(cat "$D/report")" = old ] && ok || ko "compare with a missing input replaced -o"
# A failed run onto a hard-linked file leaves its content and its links.
echo old > "$D/hl"; ln "$D/hl" "$D/hl2"
"$PRECIS" compare -o "$D/hl" "$T/a.txt" "$D/no-such-file" 2> "$T/err"
[ $? != 0 ] && [ "$(cat "$D/hl")" = old ] && [ "$(stat -c %h "$D/hl")" = 2 ] && ok || ko "compare with a missing input changed a hard-linked -o"
"$PRECIS" idf --merge "$D/bad.idf" "$D/good.idf" -o "$D/hl" 2> "$T/err"
[ $? != 0 ] && [ "$(cat "$D/hl2")" = old ] && ok || ko "idf --merge with a bad table changed a hard-linked -o"
no_temp && ok || ko "temporary left after failed runs"

# SIGTERM and SIGINT in the middle of a run: the old file (plain or hard
# linked) is untouched and no temporary is left. compare --window opens its
# -o at the start and streams; its input is a FIFO we hold open, so the run
# is still going (the temporary exists) when the signal comes.
record='{"id":"r","text":"The council approved the new budget on Monday after a long debate.","date":"2024-01-01"}'
for sig in TERM INT; do
	for kind in plain linked; do
		rm -rf "$D"; mkdir "$D"
		echo old > "$D/rep"
		[ $kind = linked ] && ln "$D/rep" "$D/rep2"
		mkfifo "$D/in"
		# Started with default signal handling: a background job of sh has
		# SIGINT ignored, and precis rightly keeps an ignored signal ignored.
		python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$PRECIS" compare --jsonl --window 3 -o "$D/rep" "$D/in" 2> "$T/err" &
		pid=$!
		exec 3> "$D/in"
		echo "$record" >&3
		# Poll (no timing assertion): the temporary appears once the output is open.
		n=0
		while ! ls -a "$D" | grep -q 'precis-' && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
		had_temp=no
		ls -a "$D" | grep -q 'precis-' && had_temp=yes
		kill -$sig $pid
		# Never hang the suite on a run that ignores the signal: KILL it
		# after a while (then the check below fails on the exit status).
		n=0
		while kill -0 $pid 2> /dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
		kill -0 $pid 2> /dev/null && { kill -KILL $pid; echo "SIG$sig ignored: killed" >> "$T/err"; }
		wait $pid 2> /dev/null
		st=$?
		exec 3>&-
		want=143; [ $sig = INT ] && want=130 # killed by the signal itself
		if [ $had_temp = yes ] && [ $st = $want ] && [ "$(cat "$D/rep")" = old ] && no_temp; then
			ok
		else
			ko "SIG$sig ($kind -o): temp seen $had_temp, exit $st, content '$(head -c 40 "$D/rep")'"
			ls -a "$D"
		fi
	done
done
finish
