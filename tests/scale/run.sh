#!/bin/sh
# Runs bigger than one process: sharded JSONL through GNU parallel gives the
# same bytes as one process; IDF tables built per shard and merged equal one
# table over everything. Ends with "N passed, N failed".
PRECIS=$1
DIR=${2:-build/scale}
cd "$(dirname "$0")/../.." || exit 2
mkdir -p "$DIR"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
# 10,000 deterministic records (4 templates x varied facts), one per line.
python3 - "$DIR/records.jsonl" <<'PY'
import json, random, sys
rnd = random.Random(42)
cities = ["Lyon", "Nantes", "Lille", "Rennes", "Metz", "Brest", "Nice", "Tours", "Dijon", "Reims"]
what = ["un nouveau pont", "une école", "une ligne de tramway", "un hôpital", "une piscine"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(10000):
        c, w = rnd.choice(cities), rnd.choice(what)
        n = rnd.randint(2, 90)
        text = (f"La ville de {c} a inauguré {w} le {n % 28 + 1} mars. Le chantier a duré {n} mois. "
                f"Le maire de {c} a salué un projet attendu. Les habitants ont découvert {w} samedi. "
                f"Le coût total atteint {n * 3} millions d'euros. L'opposition dénonce un dérapage.")
        rec = {"id": f"r{i}", "title": f"{c} inaugure {w}", "text": text}
        if i % 997 == 5:
            # A record with a wrong type: its error line carries its id, so shards agree.
            f.write(json.dumps({"id": f"bad{i}", "text": 42}) + "\n")
            continue
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
"$PRECIS" summarize --jsonl < "$DIR/records.jsonl" > "$DIR/single.jsonl" 2>/dev/null
[ "$(wc -l < "$DIR/single.jsonl")" = 10000 ] && ok || ko "single run: not one line per record"
"$PRECIS" summarize --jsonl -j 2 < "$DIR/records.jsonl" > "$DIR/threads.jsonl" 2>/dev/null
cmp -s "$DIR/single.jsonl" "$DIR/threads.jsonl" && ok || ko "-j 2 output differs from -j 1"
if command -v parallel > /dev/null; then
	# --keep-order with --pipe: shards come back in input order, as Hadoop or Spark would.
	parallel --pipe --keep-order --block 200k -j 2 "$PRECIS" summarize --jsonl \
		< "$DIR/records.jsonl" > "$DIR/sharded.jsonl" 2>/dev/null
	cmp -s "$DIR/single.jsonl" "$DIR/sharded.jsonl" && ok || ko "GNU parallel shards differ from one process"
else
	ko "GNU parallel is not installed (make deps installs it)"
fi
# Map-reduce IDF: shards then --merge equals one run.
split -n l/3 -d "$DIR/records.jsonl" "$DIR/shard."
for s in "$DIR"/shard.0*; do
	"$PRECIS" idf --jsonl "$s" -o "$s.idf" 2>/dev/null
done
"$PRECIS" idf --merge "$DIR"/shard.0*.idf -o "$DIR/merged.idf"
"$PRECIS" idf --jsonl "$DIR/records.jsonl" -o "$DIR/all.idf" 2>/dev/null
cmp -s "$DIR/merged.idf" "$DIR/all.idf" && ok || ko "merged IDF differs from one run"
[ "$(head -c 14 "$DIR/all.idf")" = "precis-idf	1	9" ] && ok || ko "IDF header: $(head -1 "$DIR/all.idf")"
# eval per-document outputs of shards concatenate into the single run's.
head -n 300 "$DIR/records.jsonl" | grep -v '"bad' | python3 -c "
import json, sys
for l in sys.stdin:
    r = json.loads(l); r['abstract'] = r['title']; r['article'] = r['text']; print(json.dumps(r, ensure_ascii=False))" > "$DIR/eval.jsonl"
"$PRECIS" eval --data "$DIR/eval.jsonl" --system precis --per-doc "$DIR/eval-all.jsonl" > /dev/null 2>&1
head -n 150 "$DIR/eval.jsonl" > "$DIR/eval-a.jsonl"
tail -n +151 "$DIR/eval.jsonl" > "$DIR/eval-b.jsonl"
"$PRECIS" eval --data "$DIR/eval-a.jsonl" --system precis --per-doc "$DIR/pa.jsonl" > /dev/null 2>&1
"$PRECIS" eval --data "$DIR/eval-b.jsonl" --system precis --per-doc "$DIR/pb.jsonl" > /dev/null 2>&1
cat "$DIR/pa.jsonl" "$DIR/pb.jsonl" | cmp -s - "$DIR/eval-all.jsonl" && ok || ko "eval --per-doc shards differ"
echo "scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
