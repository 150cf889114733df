/*
 * Replay fuzz corpora without libFuzzer: run LLVMFuzzerTestOneInput on every
 * file given. Built per target with the sanitizers by `make test`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp)
			continue;
		size_t cap = 1 << 16, len = 0;
		uint8_t *buf = malloc(cap);
		size_t r;
		while (buf && (r = fread(buf + len, 1, cap - len, fp)) > 0) {
			len += r;
			if (len == cap) {
				uint8_t *nb = realloc(buf, cap * 2);
				if (!nb)
					break;
				buf = nb;
				cap *= 2;
			}
		}
		fclose(fp);
		if (buf)
			LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		n++;
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
