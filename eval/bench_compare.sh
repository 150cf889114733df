#!/bin/sh
# Compare at scale (part of `make bench`): synthetic-but-realistic articles,
# 100 and 2,000 of them from 150 outlets about many events, timed.
# Prints a Markdown section. Usage: bench_compare.sh PRECIS
set -eu
PRECIS=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP" <<'PY'
import json, random, sys
tmp = sys.argv[1]
rnd = random.Random(7)
first = ["Anna", "Marc", "Julia", "Omar", "Chen", "Sofia", "Pierre", "Lena", "Raj", "Eva", "Ivan", "Nadia"]
last = ["Keller", "Moreau", "Rossi", "Haddad", "Wei", "Novak", "Lambert", "Berg", "Patel", "Costa", "Petrov", "Diallo"]
cities = ["Lyon", "Berlin", "Madrid", "Rome", "Tokyo", "Nairobi", "Lima", "Oslo", "Dakar", "Quito", "Hanoi", "Porto",
          "Seoul", "Cairo", "Dublin", "Prague", "Lisbonne", "Montréal", "Genève", "Bamako"]
topics = [("strike", "la grève des cheminots", "railway workers walked out over pensions"),
          ("flood", "les inondations", "floods forced families from their homes"),
          ("election", "l'élection municipale", "the mayoral election was decided in a runoff"),
          ("trial", "le procès", "the court heard the final arguments"),
          ("fire", "l'incendie", "a fire destroyed a warehouse near the harbour"),
          ("summit", "le sommet", "ministers met to discuss energy prices"),
          ("match", "la finale", "the final ended after extra time"),
          ("budget", "le budget", "the council adopted its budget after a long night")]
def event(k):
    r = random.Random(k)
    t = topics[k % len(topics)]
    who = f"{r.choice(first)} {r.choice(last)}"
    city = cities[k % len(cities)]
    day = 1 + k % 27
    month = 1 + (k // 27) % 12
    return t, who, city, f"2023-{month:02d}-{day:02d}"
def article(k, o, i):
    t, who, city, date = event(k)
    r = random.Random(k * 1000 + o)
    if r.random() < 0.5:
        body = (f"À {city}, {t[1]} a marqué la journée. {who} a déclaré que la situation restait tendue. "
                f"Les autorités de {city} ont promis un bilan rapide. " +
                " ".join(f"Selon les témoins, {t[1]} a duré plusieurs heures à {city}." for _ in range(r.randint(2, 6))))
        title = f"{city} : {t[1]} mobilise {who}"
    else:
        body = (f"In {city}, {t[2]}. {who} told reporters the situation remained tense. "
                f"Officials in {city} promised a full account soon. " +
                " ".join(f"Witnesses said {t[2]} in {city}." for _ in range(r.randint(2, 6))))
        title = f"{city}: {who} speaks out as {t[0]} hits the city"
    return {"id": f"a{i}", "outlet": f"Outlet {o}", "date": date, "title": title, "text": body}
for n, events in ((100, 25), (2000, 400)):
    with open(f"{tmp}/n{n}.jsonl", "w") as f:
        for i in range(n):
            k = rnd.randrange(events)
            f.write(json.dumps(article(k, rnd.randrange(150), i), ensure_ascii=False) + "\n")
PY
echo "## Compare at scale"
echo
echo "Synthetic French and English articles (150 outlets, 4-5 articles per event on average),"
echo "\`precis compare --jsonl --format json\` (targets: 100 articles under 1 s, 2,000 under 10 s):"
echo
echo "| articles | wall clock (s) | peak RSS (MB) | stories |"
echo "|---|---|---|---|"
for n in 100 2000; do
	/usr/bin/time -f "%e %M" -o "$TMP/t" "$PRECIS" compare --jsonl "$TMP/n$n.jsonl" --format json -o "$TMP/r.json"
	stories=$(python3 -c "import json;print(len(json.load(open('$TMP/r.json'))['stories']))")
	read -r secs kb < "$TMP/t"
	echo "| $n | $secs | $(echo "$kb / 1024" | bc) | $stories |"
done
echo
