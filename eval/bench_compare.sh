#!/bin/sh
# Compare at scale (part of `make bench`): 100 and 2,000 articles from 150
# outlets, timed, with the BCubed quality of the grouping against the
# generator's events. Prints a Markdown section. Usage: bench_compare.sh PRECIS
#
# The articles are made from real French news (OrangeSum validation, in
# ../shared/data/orangesum when present): each event is one OrangeSum
# article, covered by 1 to 8 outlets that each keep part of it (agency
# copy, trimmed, reordered, or a brief built on the abstract), add their
# own headline and page furniture. OrangeSum gives no publication dates, so
# none is given: the dates are those the texts state. Different
# events on one topic (OrangeSum has many) are the near misses. Without
# the data, a template generator stands in.
set -eu
PRECIS=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${ORANGESUM:-$ROOT/../shared/data/orangesum/valid.jsonl}
TMP=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
python3 - "$TMP" "$DATA" <<'PY'
import json, os, random, re, sys
tmp, data = sys.argv[1], sys.argv[2]
rnd = random.Random(7)
outlets = [f"{a} {b}" for a in ("Le Courrier", "La Voix", "L'Écho", "Info", "Le Journal", "La Dépêche",
                                 "Le Réveil", "Actu", "La Tribune", "Le Progrès", "Midi", "Nord",
                                 "Ouest", "L'Union", "Le Phare")
           for b in ("du Centre", "de l'Est", "Régions", "Matin", "Soir", "Plus", "Express", "Hebdo",
                     "Direct", "24")][:150]
def split(text):
    return [s for s in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", text) if len(s.split()) > 3]
def base_events():
    if os.path.exists(data):
        for line in open(data, encoding="utf-8"):
            r = json.loads(line)
            s = split(r["article"])
            if len(s) >= 4:
                yield r["title"], r["abstract"], s
        return
    topics = ["la grève des cheminots", "les inondations", "l'élection municipale", "le procès",
              "l'incendie", "le sommet", "la finale", "le budget"]
    cities = ["Lyon", "Lille", "Rennes", "Nantes", "Dijon", "Metz", "Nice", "Brest", "Tours", "Pau"]
    k = 0
    while True:
        t, c = topics[k % len(topics)], cities[(k // len(topics)) % len(cities)]
        s = [f"À {c}, {t} a marqué la journée de mardi.", f"Les autorités de {c} promettent un bilan.",
             f"Selon les témoins, {t} a duré plusieurs heures.", f"Le maire de {c} s'est exprimé.",
             f"Une réunion est prévue la semaine prochaine à {c}."]
        yield f"{c} : {t}", s[0], s
        k += 1
def version(title, abstract, sents, outlet, rng):
    kind = rng.random()
    if kind < 0.35:   # agency copy, lightly trimmed
        body = [s for i, s in enumerate(sents) if i < 2 or rng.random() < 0.8]
        head = title
    elif kind < 0.65: # trimmed and reordered, own headline from the abstract
        keep = [s for s in sents if rng.random() < 0.6] or sents[:2]
        mid = keep[1:]
        rng.shuffle(mid)
        body = keep[:1] + mid
        head = abstract.split(".")[0][:120]
    else:             # a brief: the abstract and the first sentences
        body = [abstract] + sents[: rng.randint(1, 3)]
        head = title
    furniture = [f"{outlet}", "Accueil | Actualité | France", "", head, ""]
    tail = ["", f"Newsletter {outlet} : inscrivez-vous pour recevoir l'essentiel de l'actualité.",
            "Partager cet article", f"© {outlet}"]
    return "\n".join(furniture + ["\n\n".join(body)] + tail)
events = base_events()
for n, nev in ((100, 30), (2000, 600)):
    arts = []
    for e in range(nev):
        title, abstract, sents = next(events)
        k = max(1, min(8, int(rnd.expovariate(1 / 3.3)) + 1))
        for o in rnd.sample(range(len(outlets)), k):
            rec = {"id": f"e{e}-o{o}", "event": e,
                   "text": version(title, abstract, sents, outlets[o], rnd)}
            arts.append(rec)
    rnd.shuffle(arts)
    arts = arts[:n]
    with open(f"{tmp}/n{n}.jsonl", "w", encoding="utf-8") as f:
        for r in arts:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
bcubed() { # bcubed SET.jsonl REPORT.json
python3 - "$1" "$2" <<'PY'
import json, sys
gold = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    gold[r["id"]] = r["event"]
pred = {}
for k, s in enumerate(json.load(open(sys.argv[2], encoding="utf-8"))["stories"]):
    for a in s["articles"]:
        pred[a] = k
bypred, bygold = {}, {}
for i in gold:
    bypred.setdefault(pred[i], []).append(i)
    bygold.setdefault(gold[i], []).append(i)
p = r = 0.0
for i in gold:
    both = sum(1 for j in bypred[pred[i]] if gold[j] == gold[i])
    p += both / len(bypred[pred[i]])
    r += both / len(bygold[gold[i]])
p /= len(gold); r /= len(gold)
print(f"{len(bygold)} | {len(bypred)} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r):.3f}")
PY
}
echo "## Compare at scale"
echo
if [ -f "$DATA" ]; then
	echo "Articles built from OrangeSum validation news (each event one real article covered by 1-8"
	echo "of 150 outlets: agency copy, trimmed and reordered versions, briefs; page furniture; no"
	echo "publication dates, only those the texts state)."
else
	echo "Template articles (OrangeSum not found at $DATA; 150 outlets, no publication dates)."
fi
echo "\`precis compare --jsonl --format json\`; targets: 100 articles under 1 s, 2,000 under 10 s."
echo
echo "| articles | wall clock (s) | CPU user (s) | peak RSS (MB) | events | stories | BCubed P | BCubed R | BCubed F1 |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in 100 2000; do
	/usr/bin/time -f "%e %U %M" -o "$TMP/t" "$PRECIS" compare --jsonl "$TMP/n$n.jsonl" --format json \
		-o "$TMP/r.json"
	read -r secs cpu kb < "$TMP/t"
	echo "| $n | $secs | $cpu | $((kb / 1024)) | $(bcubed "$TMP/n$n.jsonl" "$TMP/r.json") |"
done
echo
