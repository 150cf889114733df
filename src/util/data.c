#include <stdatomic.h>
#include <string.h>

#include "data.h"

const px_datafile *px_data_find(const char *path)
{
	for (const px_datafile *f = px_datafiles; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}

static const char *trim_left(const char *a, const char *b)
{
	while (a < b && *a == ' ')
		a++;
	return a;
}

static const char *trim_right(const char *a, const char *b)
{
	while (b > a && (b[-1] == ' ' || b[-1] == '\r'))
		b--;
	return b;
}

int px_data_aliases(const px_datafile *f, px_alias_fn fn, void *ctx)
{
	const char *p = f ? f->bytes : "", *end = f ? f->bytes + f->len : p;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (eol > p && *p != '|') {
			const char *eq = memchr(p, '=', (size_t)(eol - p));
			const char *cs = trim_left(p, eq ? eq : eol), *ce = trim_right(cs, eq ? eq : eol);
			for (const char *q = p; q < eol;) {
				const char *sep = q;
				while (sep < eol && *sep != '=' && *sep != ',')
					sep++;
				const char *a = trim_left(q, sep), *b = trim_right(a, sep);
				if (b > a && ce > cs) {
					int rc = fn(cs, (size_t)(ce - cs), a, (size_t)(b - a), ctx);
					if (rc)
						return rc;
				}
				q = sep + 1;
			}
		}
		p = eol + 1;
	}
	return 0;
}

int px_data_sections(const px_datafile *f, px_section_fn fn, void *ctx)
{
	const char *p = f ? f->bytes : "", *end = f ? f->bytes + f->len : p;
	px_data_line l = { NULL, 0, NULL, 0, 0, 0 };
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		l.lineno++;
		l.text = p;
		l.len = (size_t)(trim_right(p, eol) - p);
		p = eol + 1;
		if (l.len == 0 || *l.text == '|')
			continue;
		if (*l.text == '[') {
			l.section = l.text;
			l.slen = l.len;
			l.nth = 0;
		} else {
			l.nth++;
		}
		int rc = fn(&l, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int px_data_once_get(void **out, px_data_once *once, px_build_fn build, px_destroy_fn destroy,
		     const void *arg)
{
	void *t = atomic_load_explicit(&once->table, memory_order_acquire);
	if (!t) {
		int rc = build(&t, arg);
		if (rc)
			return rc;
		void *none = NULL;
		if (!atomic_compare_exchange_strong_explicit(&once->table, &none, t,
							     memory_order_acq_rel, memory_order_acquire)) {
			destroy(t); /* another thread built it first */
			t = none;
		}
	}
	*out = t;
	return 0;
}
