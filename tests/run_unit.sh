#!/bin/sh
# Run every cmocka test program given; cmocka prints its own summary per
# program. Exit non-zero when any program fails.
status=0
for t in "$@"; do
	"$t" || { echo "FAILED: $t"; status=1; }
done
exit $status
