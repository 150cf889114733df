/*
 * rouge: ROUGE-N, ROUGE-L (sentence and summary level), ROUGE-W and
 * ROUGE-SU4, in three tokenizations: Google's rouge-score, ROUGE-1.5.5.pl
 * (both reproduced to the last printed digit) and a Unicode-aware one.
 *
 * Texts become arrays of token ids (one id space per call) split into
 * lines (rouge_tokens.c); every measure then counts on ids (rouge_lcs.c);
 * this file holds the API and turns counts into P, R and F by each tool's
 * rules, over one or several references.
 *
 * The vocabulary, token arrays and measure buffers live in the scorer and
 * are reused from call to call, growing only for a longer text: a call on
 * texts no longer than earlier ones allocates nothing.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rouge.h"
#include "text.h"

/* ------------------------------------------------------------ scores */

static double fmeasure(double p, double r, double alpha)
{
	if (alpha == 0.5)
		return p + r > 0 ? 2 * p * r / (p + r) : 0.0; /* rouge-score's formula */
	double d = (1 - alpha) * p + alpha * r;
	return d > 0 ? p * r / d : 0.0;
}

static precis_prf prf_plain(const px_rouge_counts *c, double alpha)
{
	double p = c->cand > 0 ? c->hit / c->cand : 0.0;
	double r = c->ref > 0 ? c->hit / c->ref : 0.0;
	return (precis_prf){ p, r, fmeasure(p, r, alpha) };
}

/* x as printf("%.5f") shows it, read back. */
static double round5(double x)
{
	char buf[48];
	snprintf(buf, sizeof buf, "%.5f", x);
	return strtod(buf, NULL);
}

/* 1.5.5: ($P * $R) / ((1 - $alpha) * $P + $alpha * $R) on the printed P and R. */
static precis_prf prf_155(double p, double r, double alpha)
{
	double p5 = round5(p), r5 = round5(r);
	double d = (1 - alpha) * p5 + alpha * r5;
	return (precis_prf){ p5, r5, d > 0 ? round5(p5 * r5 / d) : 0.0 };
}

int precis_rouge155_prf(precis_prf *out, double p, double r, double alpha)
{
	if (!out || !(p >= 0 && p <= 1) || !(r >= 0 && r <= 1) || !(alpha >= 0 && alpha <= 1))
		return PRECIS_EINVAL;
	*out = prf_155(p, r, alpha);
	return 0;
}

/* rouge-score scores of one pair, with its empty-text rules. */
static void scores_plain(precis_rouge_scores *s, const px_rouge_all_counts *a, const px_toks *cand,
			 const px_toks *ref, double alpha)
{
	precis_prf *ns[4] = { &s->rouge1, &s->rouge2, &s->rouge3, &s->rouge4 };
	for (int k = 0; k < 4; k++) {
		/* rouge-score divides by max(count, 1). */
		px_rouge_counts c = a->n[k];
		c.cand = c.cand > 1 ? c.cand : 1;
		c.ref = c.ref > 1 ? c.ref : 1;
		*ns[k] = prf_plain(&c, alpha);
	}
	s->rougeL = cand->n && ref->n ? prf_plain(&a->L, alpha) : (precis_prf){ 0, 0, 0 };
	s->rougeLsum = cand->n && ref->n && cand->nlines && ref->nlines
			       ? prf_plain(&a->Lsum, alpha)
			       : (precis_prf){ 0, 0, 0 };
	precis_prf w = { 0, 0, 0 };
	if (a->W.ref > 0 && a->W.cand > 0) {
		/* 1.5.5's ROUGE-W: R and P are the 1/w-th roots of hit ratios. */
		w.r = pow(a->W.hit / a->W.ref, 1 / PX_ROUGE_WEIGHT);
		w.p = pow(a->W.hit / a->W.cand, 1 / PX_ROUGE_WEIGHT);
		w.f = fmeasure(w.p, w.r, alpha);
	}
	s->rougeW = w;
	s->rougeSU4 = prf_plain(&a->SU4, alpha);
}

/* 1.5.5's numbers from counts summed over references. */
static void scores_155(precis_rouge_scores *out, const px_rouge_all_counts *sum, double alpha)
{
	precis_prf *ns[4] = { &out->rouge1, &out->rouge2, &out->rouge3, &out->rouge4 };
	for (int k = 0; k < 4; k++) {
		const px_rouge_counts *x = &sum->n[k];
		*ns[k] = prf_155(x->cand ? x->hit / x->cand : 0, x->ref ? x->hit / x->ref : 0,
					 alpha);
	}
	const px_rouge_counts *l = &sum->Lsum;
	out->rougeLsum =
		prf_155(l->cand ? l->hit / l->cand : 0, l->ref ? l->hit / l->ref : 0, alpha);
	out->rougeL = out->rougeLsum; /* 1.5.5's ROUGE-L is summary level */
	const px_rouge_counts *w = &sum->W;
	double wr = w->ref > 0 ? pow(w->hit / w->ref, 1 / PX_ROUGE_WEIGHT) : 0;
	double wp = w->cand > 0 ? pow(w->hit / w->cand, 1 / PX_ROUGE_WEIGHT) : 0;
	out->rougeW = prf_155(wp, wr, alpha);
	const px_rouge_counts *s = &sum->SU4;
	out->rougeSU4 =
		prf_155(s->cand ? s->hit / s->cand : 0, s->ref ? s->hit / s->ref : 0, alpha);
}

/* --------------------------------------------------------------- API */


int precis_rouge_new(precis_rouge **out, const precis_rouge_options *opts)
{
	precis_rouge_options defaults = PRECIS_ROUGE_OPTIONS_INIT;
	const precis_rouge_options *o = opts ? opts : &defaults;
	if (!out || o->version != PRECIS_ROUGE_OPTIONS_VERSION ||
	    !(o->alpha >= 0 && o->alpha <= 1) || (int)o->compat < (int)PRECIS_ROUGE_UNICODE ||
	    (int)o->compat > (int)PRECIS_ROUGE_155 ||
	    (o->lang && strcmp(o->lang, "auto") != 0 && !precis_language_supported(o->lang)))
		return PRECIS_EINVAL;
	precis_rouge *r = calloc(1, sizeof *r);
	if (!r)
		return PRECIS_ENOMEM;
	r->o = *o;
	int rc = 0;
	if (o->compat == PRECIS_ROUGE_UNICODE)
		rc = precis_analyzer_new(&r->a);
	if (!rc && o->compat == PRECIS_ROUGE_155 && o->stem)
		rc = px_rouge_load_exceptions(r);
	if (!rc && o->stopwords) {
		rc = px_strmap_new(&r->stop);
		for (const char *const *w = o->stopwords; !rc && *w; w++)
			rc = px_strmap_intern(r->stop, *w, strlen(*w), &(int64_t){ 0 }, NULL);
	}
	r->o.stopwords = NULL; /* the caller's array need not outlive us */
	r->o.wordnet_dir = NULL;
	if (rc) {
		precis_rouge_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void precis_rouge_free(precis_rouge *r)
{
	if (!r)
		return;
	precis_analyzer_free(r->a);
	if (r->exc)
		for (size_t i = 0; i < px_strmap_count(r->exc) && i < r->exc_cap; i++)
			free(r->exc_base[i]);
	free(r->exc_base);
	px_strmap_free(r->exc);
	px_strmap_free(r->stop);
	px_rouge_vocab_free(&r->stems);
	px_rouge_vocab_free(&r->stem_of);
	free(r->stem);
	px_rouge_scratch_free(&r->s);
	px_rouge_vocab_free(&r->vocab);
	px_rouge_text_free(&r->cand);
	px_rouge_text_free(&r->ref);
	free(r);
}

int precis_rouge_score(precis_rouge_scores *out, precis_rouge *r, const char *cand,
		       const char *const *refs, size_t nrefs)
{
	if (!out)
		return PRECIS_EINVAL;
	memset(out, 0, sizeof *out);
	if (!r || !cand || (!refs && nrefs))
		return PRECIS_EINVAL;
	if (px_text_check(cand, strlen(cand), NULL) != 0)
		return PRECIS_EUTF8;
	for (size_t k = 0; k < nrefs; k++)
		if (!refs[k] || px_text_check(refs[k], strlen(refs[k]), NULL) != 0)
			return PRECIS_EUTF8;
	const char *lang = "en";
	if (r->o.compat == PRECIS_ROUGE_UNICODE) {
		if (r->o.lang && strcmp(r->o.lang, "auto") != 0) {
			lang = r->o.lang;
		} else {
			const char *src = nrefs && refs[0][0] ? refs[0] : cand;
			precis_detect_language(&lang, r->a, src, strlen(src));
		}
	}
	px_rouge_ctx c;
	int rc = px_rouge_call_begin(&c, r, lang);
	if (rc)
		return rc;
	px_rouge_text *ct = &r->cand, *rt = &r->ref;
	rc = px_rouge_text_tokenize(ct, &c, cand);
	unsigned want = r->o.measures ? r->o.measures : ~0u;
	if (r->o.compat == PRECIS_ROUGE_155 && (want & PRECIS_ROUGE_M_L))
		want |= PRECIS_ROUGE_M_LSUM; /* 1.5.5's ROUGE-L is the summary-level one */
	/* 1.5.5 sums px_rouge_counts over references; the others keep the best F. */
	px_rouge_all_counts sum;
	memset(&sum, 0, sizeof sum);
	for (size_t k = 0; k < nrefs && !rc; k++) {
		rc = px_rouge_text_tokenize(rt, &c, refs[k]);
		px_rouge_all_counts a;
		if (!rc)
			rc = px_rouge_count_all(&a, &r->s, &ct->flat, &rt->flat, ct->lines, rt->lines,
						c.vocab->n, want);
		if (!rc && r->o.compat == PRECIS_ROUGE_155) {
			px_rouge_counts *src = &a.n[0], *dst = &sum.n[0];
			for (size_t m = 0; m < sizeof sum / sizeof(px_rouge_counts); m++) {
				dst[m].hit += src[m].hit;
				dst[m].cand += src[m].cand;
				dst[m].ref += src[m].ref;
			}
		} else if (!rc) {
			/* rouge-score's score_multi: per measure, the first best F. */
			precis_rouge_scores s;
			scores_plain(&s, &a, &ct->flat, &rt->flat, r->o.alpha);
			precis_prf *dst = &out->rouge1, *src = &s.rouge1;
			for (size_t m = 0; m < sizeof s / sizeof(precis_prf); m++)
				if (k == 0 || src[m].f > dst[m].f)
					dst[m] = src[m];
		}
	}
	if (!rc && r->o.compat == PRECIS_ROUGE_155)
		scores_155(out, &sum, r->o.alpha);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

int precis_rouge_check(const char *text, size_t len, precis_error *err)
{
	if (!text)
		return PRECIS_EINVAL;
	int rc = px_text_check(text, len, err);
	if (rc)
		px_error_locate(err, text, len);
	return rc;
}

