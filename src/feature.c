/* feature: per-sentence inputs of the default system's model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "feature.h"
#include "text.h"
#include "token.h"

/* Decay of the lead feature: sentence 4 weighs 1/e of the first. */
#define LEAD_DECAY 4.0
#define SHORT_WORDS 8
#define LONG_WORDS 40.0

struct surface {
	const char *s;
	size_t words, caps, numbers;
};

static int on_token(const px_token *t, void *ctx)
{
	struct surface *c = ctx;
	if (t->number)
		c->numbers++;
	else if (c->words > 0) {
		size_t adv;
		if (px_cp_is_upper(px_utf8_decode(c->s + t->start, t->end - t->start, &adv)))
			c->caps++;
	}
	c->words++;
	return 0;
}

static bool is_quote(int32_t cp)
{
	return cp == '"' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D ||
	       cp == 0x201E;
}

/* Quotes, numbers, capitals and the final mark of one sentence. */
static void surface_features(double *f, const char *s, size_t len, const char *lang)
{
	struct surface c = { s, 0, 0, 0 };
	px_tokenize(s, len, lang, on_token, &c);
	bool quote = false;
	int32_t last = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (is_quote(cp))
			quote = true;
		if (!px_cp_is_space(cp) && !is_quote(cp) && cp != ')')
			last = cp;
		i += adv ? adv : 1;
	}
	f[PX_F_QUOTE] = quote;
	f[PX_F_NUMBER] = c.numbers > 0;
	f[PX_F_CAPS] = c.words > 1 ? (double)c.caps / (double)(c.words - 1) : 0.0;
	f[PX_F_QUESTION] = last == '?' || last == ':';
}

static void scale_to_top(double *f, size_t n, size_t col)
{
	double top = 0.0;
	for (size_t i = 0; i < n; i++)
		if (f[i * PX_NFEAT + col] > top)
			top = f[i * PX_NFEAT + col];
	for (size_t i = 0; i < n; i++)
		f[i * PX_NFEAT + col] = top > 0.0 ? f[i * PX_NFEAT + col] / top : 0.0;
}

int px_features(double *f, const precis_doc *d, const px_vectors *v, const px_rank_options *ro)
{
	size_t n = d->nsents;
	if (n == 0)
		return 0;
	double *pr = malloc(n * sizeof *pr), *fw = malloc(n * sizeof *fw);
	double *bw = malloc(n * sizeof *bw), *cen = malloc(n * sizeof *cen);
	int rc = PRECIS_ENOMEM;
	if (!pr || !fw || !bw || !cen)
		goto done;
	px_rank_options o = *ro;
	o.prior = NULL;
	o.forward = fw;
	o.backward = bw;
	if ((rc = px_rank_graph(pr, v, &o)) || (rc = px_rank_centroid(cen, v)))
		goto done;
	for (size_t i = 0; i < n; i++) {
		double *r = f + i * PX_NFEAT;
		size_t w = d->words[i];
		memset(r, 0, PX_NFEAT * sizeof *r);
		r[PX_F_BIAS] = 1.0;
		r[PX_F_PAGERANK] = pr[i];
		r[PX_F_FORWARD] = fw[i];
		r[PX_F_BACKWARD] = bw[i];
		r[PX_F_LEAD] = exp(-(double)i / LEAD_DECAY);
		r[PX_F_FIRST] = i == 0;
		r[PX_F_RELPOS] = (double)i / (double)n;
		r[PX_F_TITLE] = v->title.n ? px_vec_dot(&v->rows[i], &v->title) : 0.0;
		r[PX_F_CENTROID] = cen[i];
		r[PX_F_LOGLEN] = log1p((double)w);
		r[PX_F_SHORT] = w < SHORT_WORDS;
		r[PX_F_LONG] = w > LONG_WORDS ? ((double)w - LONG_WORDS) / LONG_WORDS : 0.0;
		r[PX_F_OPEN] = !d->complete[i];
		r[PX_F_DOCLEN] = log1p((double)n);
		surface_features(r, d->text + d->sents[i].start, d->sents[i].end - d->sents[i].start,
				 d->lang);
	}
	scale_to_top(f, n, PX_F_PAGERANK);
	scale_to_top(f, n, PX_F_FORWARD);
	scale_to_top(f, n, PX_F_BACKWARD);
	rc = 0;
done:
	free(pr);
	free(fw);
	free(bw);
	free(cen);
	return rc;
}
