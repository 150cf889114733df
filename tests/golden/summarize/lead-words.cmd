$PRECIS summarize --algorithm lead --words 40 --truncate < examples/004_67d2f7bd1d453721.txt
