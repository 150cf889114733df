#!/bin/sh
# Build the hostile-input corpus into DIR (default build/bad). Large files are
# generated here rather than committed. Each file name says what it is.
set -eu
DIR=${1:-build/bad}
mkdir -p "$DIR"
cd "$DIR"
: > empty.txt
printf '   \n\t\n  \r\n' > whitespace.txt
printf '!!! ... ??? ;;; --- «» “” ()[]{}\n' > punctuation.txt
python3 -c "import sys; sys.stdout.write('mot ' * 2621440)" > long-line-10MB.txt
yes 'mot' | head -n 1000000 | tr '\n' ' ' > one-word-million.txt
yes 'Mot.' | head -n 50000 | tr '\n' ' ' > sentences-50k.txt
python3 -c "import sys; sys.stdout.write('a.' * 1000000)" > dots-2MB.txt
printf 'Bonjour le monde.\0Suite apr\303\250s un NUL.\n' > nul-byte.txt
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001\0\0\0\001\010\002\0\0\0\220wS\336' > image.png
head -c 4096 /bin/sh > elf.bin
printf 'Texte \300\257 overlong.\n' > overlong.txt
printf 'Texte \355\240\200 surrogate.\n' > surrogate.txt
printf 'Texte tronqu\303' > truncated.txt
printf 'Texte \200\200 continuation.\n' > continuation.txt
printf 'Texte \370\210\200\200\200 five-byte.\n' > five-byte.txt
printf '\377\376H\0e\0l\0l\0o\0.\0' > utf16le-bom.txt
printf '\357\273\277Le texte commence par un BOM. Il continue ici.\n' > utf8-bom.txt
printf 'Une ligne.\rUne autre ligne.\rEt une troisi\303\250me.\r' > cr-only.txt
head -c 102400 /dev/zero | tr '\0' 'x' > long-word-100k.txt
python3 -c "print('« ' * 5000 + 'milieu' + ' »' * 4000 + ' ((((' * 3000 + 'fin.')" > nested-quotes.txt
mkdir -p unreadable-dir && chmod 000 unreadable-dir
rm -f fifo && mkfifo fifo
# JSONL
printf '{"id":"ok1","text":"Une phrase. Une autre phrase."}\n{"id":"trunc","text":"Une phr\n{"id":"ok2","text":"Encore une phrase. Et une autre."}\n' > truncated.jsonl
printf '{"id":["x"],"text":"A."}\n{"id":"t","text":{"a":1}}\n{"id":"ok","text":"Fine sentence here. Another one."}\n' > wrong-types.jsonl
printf '{"id":"d","text":"One.","text":"Two."}\n{"id":"ok","text":"Fine sentence here. Another one."}\n' > duplicate-keys.jsonl
printf '{"text":"No identifier here. Still a document."}\n' > missing-id.jsonl
python3 -c "
import json
print(json.dumps({'id':'big','text':'Phrase longue. '*3500000}))
print(json.dumps({'id':'ok','text':'Fine sentence here. Another one.'}))" > line-50MB.jsonl
