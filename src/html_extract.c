/*
 * html_extract: the page's main content.
 *
 * A combination of what the open extractors decide on, each step tuned on
 * the development sets (../shared/data/html, see eval/eval_html.sh):
 *   1. Tags that never hold article text go (script, style, nav, aside,
 *      footer, forms, figure captions, hidden elements); so do elements
 *      whose class/id/role says boilerplate (Readability's "unlikely
 *      candidates", plus cookie, consent, newsletter, share, related).
 *   2. Paragraph-like blocks score their ancestors (Readability): 1 + commas
 *      + one point per 100 characters (at most 3), full to the parent, half
 *      to the grandparent, a third per level beyond, for 5 levels; class/id
 *      evidence adds or takes 25; the total is scaled by 1 - link density
 *      (boilerpipe's strongest single feature).
 *   3. The best candidate climbs to an ancestor that scores as well, then
 *      takes siblings that score at least a fifth of it or are paragraphs
 *      of plain text (paragraph runs, as jusText's context rule).
 *   4. Inside, containers are cleaned conditionally: link-heavy lists,
 *      image galleries, widgets with negative evidence (Readability).
 *   5. When the result is shorter than 500 characters the passes are
 *      retried with fewer rules, and the longest result wins.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "vec.h"

#define F_STRIP_UNLIKELY 1
#define F_WEIGHT_CLASSES 2
#define F_CLEAN_COND 4

/* Readability's charThreshold: a shorter result triggers a retry. */
#define MIN_CHARS 500

typedef struct nstat {
	size_t text;   /* code points of text (runs of white space count one) */
	size_t link;   /* of which inside <a> */
	size_t commas;
	size_t own;    /* text not inside block-level children */
	size_t p, img, li, input, embed;
	double score;
	int scored;
} nstat;

typedef struct ctx {
	nstat *st;
	size_t nst, cap;
	int flags;
} ctx;

static nstat *S(const xmlNode *n)
{
	return (nstat *)n->_private;
}

static int is(const xmlNode *n, const char *name)
{
	return strcmp(px_html_name(n), name) == 0;
}

static int in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

static const char *const junk_tags[] = {
	"script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
	"input", "select", "textarea", "nav", "aside", "footer", "figcaption", "object", "embed",
	"video", "audio", "dialog", "menu", "link", "meta", "head", "title", "frameset", "frame",
	"map", "label", "option", "math", NULL
};

static const char *const block_tags[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
	"table", "tr", "td", "th", "dd", "dt", "dl", "section", "article", "header", "figure",
	"main", "hr", "address", "center", "details", "summary", "body", "tbody", "thead", NULL
};

static int is_block(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && in_list(px_html_name(n), block_tags);
}

/* ------------------------------------------------------ class/id evidence */

/* Lower-cased "class id" of n into buf. */
static void class_id(char *buf, size_t cap, const xmlNode *n)
{
	const char *c = px_html_attr(n, "class"), *i = px_html_attr(n, "id");
	snprintf(buf, cap, "%s %s", c ? c : "", i ? i : "");
	for (char *p = buf; *p; p++)
		*p = (char)tolower((unsigned char)*p);
}

static int has_any(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

/* Readability's unlikelyCandidates, plus the widgets of today's news pages. */
static const char *const unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
	"disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
	"replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
	"ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "consent",
	"newsletter", "share", "sharing", "subscribe", "promo", "recommend", "outbrain",
	"taboola", "paywall", "signup", "login", "toolbar", "tags", "author-bio", "byline",
	"caption", "credit", "print", "most-read", "mostread", "trending", "widget", "modal", NULL
};
static const char *const maybe[] = { "and", "article", "body", "column", "content", "main",
				     "shadow", NULL };
static const char *const positive[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
	"blog", "story", "prose", "chapo", "corps", "texte", "contenu", NULL
};
static const char *const negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
	"footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
	"share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
	"widget", "newsletter", "cookie", "social", "recommend", NULL
};

static int class_weight(const xmlNode *n, int flags)
{
	if (!(flags & F_WEIGHT_CLASSES))
		return 0;
	char buf[512];
	class_id(buf, sizeof buf, n);
	int w = 0;
	if (has_any(buf, negative))
		w -= 25;
	if (has_any(buf, positive))
		w += 25;
	const char *ip = px_html_attr(n, "itemprop");
	if (ip && strstr(ip, "articleBody"))
		w += 25;
	return w;
}

static int hidden(const xmlNode *n)
{
	const char *s = px_html_attr(n, "style");
	if (s && (strstr(s, "display:none") || strstr(s, "display: none") ||
		  strstr(s, "visibility:hidden") || strstr(s, "visibility: hidden")))
		return 1;
	const char *ah = px_html_attr(n, "aria-hidden");
	if (ah && strcmp(ah, "true") == 0 && !is(n, "body"))
		return 1;
	return px_html_attr(n, "hidden") != NULL;
}

static int boiler_role(const xmlNode *n)
{
	static const char *const roles[] = { "navigation", "complementary", "banner", "contentinfo",
					     "menu", "menubar", "dialog", "alertdialog", "search",
					     NULL };
	const char *r = px_html_attr(n, "role");
	return r && in_list(r, roles);
}

static int unlikely_candidate(const xmlNode *n)
{
	const char *name = px_html_name(n);
	if (strcmp(name, "body") == 0 || strcmp(name, "a") == 0 || strcmp(name, "article") == 0 ||
	    strcmp(name, "main") == 0 || strcmp(name, "html") == 0)
		return 0;
	char buf[512];
	class_id(buf, sizeof buf, n);
	/* "comment-body" or "cookie-content" are widgets whatever else they say. */
	static const char *const strong[] = { "comment", "disqus", "cookie", "consent",
					      "newsletter", NULL };
	if (!has_any(buf, unlikely) || (has_any(buf, maybe) && !has_any(buf, strong)))
		return 0;
	/* A wrapper holding a whole article is not a widget, whatever its class. */
	return S(n) ? S(n)->text < 1500 || S(n)->p < 3 : 1;
}

/* ---------------------------------------------------------------- stats */

static void drop(xmlNode *n)
{
	px_xml()->unlink_node(n);
	px_xml()->free_node(n);
}

/* Text of one text node in code points, runs of white space as one. */
static void count_text(nstat *s, const char *t)
{
	int space = 1;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		if (isspace(*p)) {
			if (!space)
				s->text++;
			space = 1;
			continue;
		}
		space = 0;
		s->text++;
		if (*p == ',')
			s->commas++;
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* U+FF0C fullwidth */
			s->commas++;
		else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) /* U+3001 ideographic */
			s->commas++;
		else if (p[0] == 0xD8 && p[1] == 0x8C) /* U+060C Arabic */
			s->commas++;
	}
}

/* Post-order: fill every element's stats; counts nodes when st is NULL. */
static int stats(ctx *c, xmlNode *n, int in_link)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (px_vec_reserve0((void **)&c->st, &c->cap, c->nst + 1, sizeof *c->st) != 0)
		return PRECIS_ENOMEM;
	size_t me = c->nst++;
	memset(&c->st[me], 0, sizeof c->st[me]);
	int link = in_link || is(n, "a");
	nstat acc = { 0 };
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			nstat t = { 0 };
			count_text(&t, (const char *)k->content);
			acc.text += t.text;
			acc.own += t.text;
			acc.commas += t.commas;
			if (link)
				acc.link += t.text;
			continue;
		}
		if (k->type != XML_ELEMENT_NODE)
			continue;
		int rc = stats(c, k, link);
		if (rc)
			return rc;
		const nstat *ks = &c->st[(size_t)(uintptr_t)k->_private - 1];
		acc.text += ks->text;
		acc.link += ks->link;
		acc.commas += ks->commas;
		if (!is_block(k))
			acc.own += ks->text;
		acc.p += ks->p + is(k, "p");
		acc.img += ks->img + is(k, "img");
		acc.li += ks->li + is(k, "li");
		acc.input += ks->input + is(k, "input");
		acc.embed += ks->embed + (is(k, "embed") || is(k, "object") || is(k, "iframe"));
	}
	c->st[me] = acc;
	/* Index + 1 while the array may still move; made pointers by bind(). */
	n->_private = (void *)(uintptr_t)(me + 1);
	return 0;
}

static void bind(ctx *c, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	n->_private = &c->st[(size_t)(uintptr_t)n->_private - 1];
	for (xmlNode *k = n->children; k; k = k->next)
		bind(c, k);
}

static int restat(ctx *c, xmlNode *body)
{
	c->nst = 0;
	int rc = stats(c, body, 0);
	if (rc == 0)
		bind(c, body);
	return rc;
}

static double link_density(const xmlNode *n)
{
	const nstat *s = S(n);
	return s->text ? (double)s->link / (double)s->text : 0.0;
}

/* ---------------------------------------------------------------- prune */

/* Text under n (code points, white space included) and how much of it is in links. */
static void measure(const xmlNode *n, int in_link, size_t *text, size_t *link)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE && k->content) {
			nstat t = { 0 };
			count_text(&t, (const char *)k->content);
			*text += t.text;
			if (in_link)
				*link += t.text;
		} else if (k->type == XML_ELEMENT_NODE && !is(k, "script") && !is(k, "style")) {
			measure(k, in_link || is(k, "a"), text, link);
		}
	}
}

/* Paragraphs under n, counting up to limit. */
static size_t count_p(const xmlNode *n, size_t limit)
{
	size_t c = 0;
	for (const xmlNode *k = n->children; k && c < limit; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		c += is(k, "p") + count_p(k, limit - c);
	}
	return c;
}

/* An element the parser's recovery made hold the page: paragraphs, or much text and few links. */
static int swallowed_page(const xmlNode *n)
{
	if (count_p(n, 3) >= 3)
		return 1;
	size_t text = 0, link = 0;
	measure(n, 0, &text, &link);
	return text >= 1000 && link * 2 < text;
}

/*
 * Tags and hidden elements first: they never hold article text. Except
 * when the parser's recovery put the page inside one (an unclosed
 * <noscript> or <label>, an ASP.NET <form> around the page): an element
 * holding three paragraphs, or 1,000 characters less than half in links,
 * stays.
 */
static void prune_tags(xmlNode *n)
{
	xmlNode *k = n->children;
	while (k) {
		xmlNode *next = k->next;
		if (k->type == XML_COMMENT_NODE || k->type == XML_PI_NODE) {
			drop(k);
		} else if (k->type == XML_ELEMENT_NODE) {
			const char *name = px_html_name(k);
			int raw = !strcmp(name, "script") || !strcmp(name, "style") ||
				  !strcmp(name, "template") || !strcmp(name, "svg");
			if (hidden(k) || ((in_list(name, junk_tags) || boiler_role(k)) &&
					  (raw || !swallowed_page(k))))
				drop(k);
			else
				prune_tags(k);
		}
		k = next;
	}
}

static void prune_unlikely(xmlNode *n)
{
	xmlNode *k = n->children;
	while (k) {
		xmlNode *next = k->next;
		if (k->type == XML_ELEMENT_NODE) {
			if (unlikely_candidate(k))
				drop(k);
			else
				prune_unlikely(k);
		}
		k = next;
	}
}

/* -------------------------------------------------------------- scoring */

static double tag_base(const xmlNode *n)
{
	static const char *const plus3[] = { "pre", "td", "blockquote", NULL };
	static const char *const minus3[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", NULL };
	static const char *const minus5[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL };
	const char *name = px_html_name(n);
	if (strcmp(name, "div") == 0 || strcmp(name, "article") == 0)
		return 5;
	if (in_list(name, plus3))
		return 3;
	if (in_list(name, minus3))
		return -3;
	if (in_list(name, minus5))
		return -5;
	return 0;
}

static void init_score(xmlNode *n, int flags)
{
	nstat *s = S(n);
	if (s->scored)
		return;
	s->scored = 1;
	s->score = tag_base(n) + class_weight(n, flags);
}

static int paragraph_like(const xmlNode *n)
{
	static const char *const tags[] = { "p", "pre", "td", "div", "section", "article", "main",
					    "blockquote", "font", "dd", "center", NULL };
	return in_list(px_html_name(n), tags) && S(n)->own >= 25;
}

static void score_paragraphs(xmlNode *n, int flags)
{
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		score_paragraphs(k, flags);
		if (!paragraph_like(k))
			continue;
		const nstat *s = S(k);
		double pts = 1.0 + (double)s->commas + (double)(s->own / 100 < 3 ? s->own / 100 : 3);
		xmlNode *a = k->parent;
		for (int level = 0; a && a->type == XML_ELEMENT_NODE && S(a) && level < 5; level++) {
			init_score(a, flags);
			double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
			S(a)->score += pts / div;
			a = a->parent;
		}
	}
}

static void best_candidate(xmlNode *n, xmlNode **best, double *best_score)
{
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (S(k)->scored) {
			double sc = S(k)->score * (1.0 - link_density(k));
			if (sc > *best_score) {
				*best_score = sc;
				*best = k;
			}
		}
		best_candidate(k, best, best_score);
	}
}

static double final_score(const xmlNode *n)
{
	return S(n)->scored ? S(n)->score * (1.0 - link_density(n)) : 0.0;
}

/* Readability: climb while an ancestor scores well, and out of lone-child wrappers. */
static xmlNode *climb(xmlNode *top, xmlNode *body)
{
	double last = final_score(top), threshold = last / 3.0;
	for (xmlNode *p = top->parent; p && p != body && p->type == XML_ELEMENT_NODE && S(p);
	     p = p->parent) {
		if (!S(p)->scored)
			continue;
		double ps = final_score(p);
		if (ps < threshold)
			break;
		if (ps > last) {
			top = p;
			break;
		}
		last = ps;
	}
	while (top->parent && top->parent != body && top->parent->type == XML_ELEMENT_NODE) {
		size_t elems = 0;
		for (xmlNode *k = top->parent->children; k; k = k->next)
			elems += k->type == XML_ELEMENT_NODE;
		if (elems != 1)
			break;
		top = top->parent;
	}
	return top;
}

/* --------------------------------------------------- conditional cleaning */

static int has_period_end(const xmlNode *n)
{
	char *t = px_html_text_of(n);
	int ok = 0;
	if (t) {
		size_t l = strlen(t);
		ok = (l && t[l - 1] == '.') || strstr(t, ". ") != NULL;
		free(t);
	}
	return ok;
}

static int should_drop(const xmlNode *n, int flags)
{
	static const char *const tags[] = { "div", "section", "ul", "ol", "table", "header", "form",
					    "dl", "figure", NULL };
	const char *name = px_html_name(n);
	if (!in_list(name, tags))
		return 0;
	const nstat *s = S(n);
	int w = class_weight(n, flags);
	double ld = link_density(n);
	if (w < 0 && s->text < 1000)
		return 1;
	if (s->commas >= 10)
		return 0;
	int list = strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0;
	if (s->img > 1 && (double)s->p / (double)s->img < 0.5 && s->text < 200)
		return 1;
	if (!list && s->li > s->p + 5 && s->text < 500)
		return 1;
	if (s->input > s->p / 3 + 1)
		return 1;
	if (s->text < 25 && (s->img == 0 || s->img > 2) && strcmp(name, "figure") != 0)
		return strcmp(name, "table") != 0 || s->text == 0;
	if (w < 25 && ld > 0.2)
		return 1;
	if (w >= 25 && ld > 0.5)
		return 1;
	if (s->embed > 1 || (s->embed == 1 && s->text < 75))
		return 1;
	return 0;
}

static void clean_conditionally(xmlNode *n, int flags)
{
	xmlNode *k = n->children;
	while (k) {
		xmlNode *next = k->next;
		if (k->type == XML_ELEMENT_NODE) {
			if (should_drop(k, flags))
				drop(k);
			else
				clean_conditionally(k, flags);
		}
		k = next;
	}
}

/* ----------------------------------------------------------------- text */

static int emit(px_buf *out, const xmlNode *n, int in_pre);

static int emit_children(px_buf *out, const xmlNode *n, int in_pre)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		int rc = emit(out, k, in_pre);
		if (rc)
			return rc;
	}
	return 0;
}

static int add_text(px_buf *out, const char *t, int in_pre)
{
	for (const char *p = t; *p; p++) {
		char ch = *p;
		if (ch == '\n' && in_pre) {
			if (px_buf_add(out, "\n", 1))
				return PRECIS_ENOMEM;
			continue;
		}
		if (isspace((unsigned char)ch)) {
			if (out->n && out->s[out->n - 1] != ' ' && out->s[out->n - 1] != '\n' &&
			    px_buf_add(out, " ", 1))
				return PRECIS_ENOMEM;
			continue;
		}
		/* U+00A0 no-break space reads as a space. */
		if ((unsigned char)ch == 0xC2 && (unsigned char)p[1] == 0xA0) {
			p++;
			if (out->n && out->s[out->n - 1] != ' ' && out->s[out->n - 1] != '\n' &&
			    px_buf_add(out, " ", 1))
				return PRECIS_ENOMEM;
			continue;
		}
		if (px_buf_add(out, p, 1))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int newline(px_buf *out)
{
	if (out->n == 0 || out->s[out->n - 1] == '\n')
		return 0;
	return px_buf_add(out, "\n", 1);
}

static int emit(px_buf *out, const xmlNode *n, int in_pre)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return n->content ? add_text(out, (const char *)n->content, in_pre) : 0;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (is(n, "br"))
		return newline(out);
	int block = is_block(n);
	/* A block of links alone (a list of related stories) is navigation. */
	if (block && (is(n, "li") || is(n, "p") || is(n, "div")) && S(n) && S(n)->text &&
	    S(n)->own == S(n)->text && link_density(n) > 0.5)
		return 0;
	if (block && newline(out))
		return PRECIS_ENOMEM;
	int rc = emit_children(out, n, in_pre || is(n, "pre"));
	if (rc == 0 && block)
		rc = newline(out);
	return rc;
}

static int collect_text(px_buf *b, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return n->content ? add_text(b, (const char *)n->content, 0) : 0;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE &&
		    (is(k, "script") || is(k, "style") || is(k, "noscript")))
			continue;
		int rc = collect_text(b, k);
		if (rc)
			return rc;
	}
	return 0;
}

char *px_html_text_of(const xmlNode *n)
{
	px_buf b = { 0 };
	if (collect_text(&b, n) != 0) {
		free(b.s);
		return NULL;
	}
	if (!b.s)
		return calloc(1, 1);
	size_t a = 0, e = b.n;
	while (a < e && b.s[a] == ' ')
		a++;
	while (e > a && b.s[e - 1] == ' ')
		e--;
	memmove(b.s, b.s + a, e - a);
	b.s[e - a] = '\0';
	return b.s;
}

/* --------------------------------------------------------------- driver */

/*
 * The root element, not <body>: libxml2's recovery sometimes leaves the
 * page inside <head> (after a <noscript> there); <head> itself goes with
 * the junk tags unless it swallowed the page that way.
 */
static xmlNode *find_body(htmlDocPtr doc)
{
	return px_xml()->root_element(doc);
}

static int sibling_joins(const xmlNode *sib, const xmlNode *top, double threshold)
{
	if (sib == top)
		return 1;
	double bonus = 0.0;
	const char *ct = px_html_attr(top, "class"), *cs = px_html_attr(sib, "class");
	if (ct && cs && *ct && strcmp(ct, cs) == 0)
		bonus = final_score(top) * 0.2;
	if (S(sib)->scored && final_score(sib) + bonus >= threshold)
		return 1;
	if (!is(sib, "p"))
		return 0;
	double ld = link_density(sib);
	size_t len = S(sib)->text;
	if (len > 80 && ld < 0.25)
		return 1;
	return len > 0 && len <= 80 && ld == 0.0 && has_period_end(sib);
}

static int attempt(px_buf *out, htmlDocPtr doc, int flags)
{
	ctx c = { 0 };
	c.flags = flags;
	int rc = 0;
	xmlNode *body = find_body(doc);
	if (!body)
		return 0;
	prune_tags(body);
	if ((rc = restat(&c, body)) != 0)
		goto done;
	if (flags & F_STRIP_UNLIKELY) {
		prune_unlikely(body);
		if ((rc = restat(&c, body)) != 0)
			goto done;
	}
	score_paragraphs(body, flags);
	xmlNode *top = NULL;
	double best = 0.0;
	best_candidate(body, &top, &best);
	if (!top) {
		if (flags & F_CLEAN_COND)
			clean_conditionally(body, flags);
		rc = emit(out, body, 0);
		goto done;
	}
	top = climb(top, body);
	double threshold = final_score(top) * 0.2;
	if (threshold < 10)
		threshold = 10;
	xmlNode *parent = top->parent;
	for (xmlNode *k = parent ? parent->children : top; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || !sibling_joins(k, top, threshold))
			continue;
		if (flags & F_CLEAN_COND)
			clean_conditionally(k, flags);
		if ((rc = emit(out, k, 0)) != 0 || (rc = newline(out)) != 0)
			goto done;
		if (!parent)
			break;
	}
done:
	free(c.st);
	return rc;
}

static size_t visible_chars(const px_buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += ((unsigned char)b->s[i] & 0xC0) != 0x80 && !isspace((unsigned char)b->s[i]);
	return n;
}

int px_html_extract(px_buf *out, htmlDocPtr doc)
{
	static const int tries[] = { F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
				     F_WEIGHT_CLASSES | F_CLEAN_COND, F_CLEAN_COND };
	px_buf best = { 0 };
	size_t best_chars = 0;
	int rc = 0;
	for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
		int last = t + 1 == sizeof tries / sizeof tries[0];
		htmlDocPtr d = last ? doc : px_xml()->copy_doc(doc, 1);
		if (!d) {
			rc = PRECIS_ENOMEM;
			break;
		}
		px_buf b = { 0 };
		rc = attempt(&b, d, tries[t]);
		if (!last)
			px_xml()->free_doc(d);
		size_t chars = visible_chars(&b);
		if (rc == 0 && (chars > best_chars || !best.s)) {
			free(best.s);
			best = b;
			best_chars = chars;
		} else {
			free(b.s);
		}
		if (rc || best_chars >= MIN_CHARS)
			break;
	}
	if (rc) {
		free(best.s);
		return rc;
	}
	*out = best;
	return 0;
}
