# Sourced by tests/bad/run.sh: the other subcommands over the same corpus.
# Uses check/ok/ko, $PRECIS, $CORPUS, $OUT, $ERR from run.sh.
for f in empty nul-byte image.png overlong surrogate truncated utf16le-bom; do
	file=$CORPUS/$f; [ -f "$file" ] || file=$CORPUS/$f.txt
	for cmd in clean split meta; do
		check "$cmd $f" 1 "$PRECIS" $cmd "$file"
		grep -q "$(basename "$file")" "$ERR" || ko "$cmd $f: message does not name the file"
	done
	# An empty candidate is a legitimate summary that scores 0.
	if [ "$f" = empty ]; then want=0; else want=1; fi
	check "rouge $f" "$want" "$PRECIS" rouge "$file" "$CORPUS/utf8-bom.txt"
	check "compare $f" 1 "$PRECIS" compare "$file"
done
for f in long-line-10MB one-word-million sentences-50k dots-2MB long-word-100k nested-quotes cr-only; do
	for cmd in clean split meta; do
		check "$cmd $f" "0 1" "$PRECIS" $cmd "$CORPUS/$f.txt"
	done
	check "rouge $f" 0 "$PRECIS" rouge --compat rouge155 "$CORPUS/$f.txt" "$CORPUS/cr-only.txt"
done
check "compare big inputs" "0 1" "$PRECIS" compare "$CORPUS/long-line-10MB.txt" \
	"$CORPUS/sentences-50k.txt" "$CORPUS/nested-quotes.txt" "$CORPUS/cr-only.txt"
# One bad file among good ones: the others are still compared.
check "compare with one bad file" 1 "$PRECIS" compare --format json examples/000_a218bc12d536e990.txt \
	"$CORPUS/overlong.txt" examples/002_247d40d0ead6c7e3.txt
grep -q '"000_a218bc12d536e990"' "$OUT" && grep -q '"002_247d40d0ead6c7e3"' "$OUT" || ko "compare lost good files"
# JSONL batch modes keep every good record.
for f in truncated wrong-types duplicate-keys missing-id; do
	check "compare --jsonl $f" "0 1" "$PRECIS" compare --jsonl "$CORPUS/$f.jsonl" --format json
	check "rouge --jsonl $f" 1 "$PRECIS" rouge --jsonl "$CORPUS/$f.jsonl"
	[ "$(wc -l < "$OUT")" = "$(wc -l < "$CORPUS/$f.jsonl")" ] || ko "rouge --jsonl $f: line count"
	check "eval $f" "0 1" "$PRECIS" eval --data "$CORPUS/$f.jsonl" --text-key text --ref-key text --system lead-1
	check "idf --jsonl $f" "0 1" "$PRECIS" idf --jsonl "$CORPUS/$f.jsonl" -o "$OUT.idf"
done
check "idf --merge of a non-table" 1 "$PRECIS" idf --merge "$CORPUS/cr-only.txt"
grep -q "line 1" "$ERR" || ko "idf --merge error does not name the line"
check "summarize --idf of a non-table" 1 "$PRECIS" summarize --idf "$CORPUS/nul-byte.txt" examples/
check "rouge --jsonl 50 MB line" "0 1" "$PRECIS" rouge --jsonl "$CORPUS/line-50MB.jsonl"
rm -f "$OUT.idf"
