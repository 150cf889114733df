/*
 * html_meta: headline, outlet, date, language, address, author and
 * description from the markup, each with its source.
 *
 * Order of trust, per field: JSON-LD of a NewsArticle/Article (written for
 * search engines, checked by their validators), then <meta> properties
 * (og:*, article:*, twitter:*, Dublin Core), then the page's own elements
 * (<time datetime>, <h1>, <title>, <html lang>, <link rel=canonical>), then
 * the address the caller gave. JSON-LD is read with jansson: it is one of
 * precis's JSON readers.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "html.h"

/* Trust of a source: a field is replaced only by a more trusted one. */
static int rank(const char *src)
{
	static const char *const order[] = { "url", "html", "time", "meta", "json-ld", NULL };
	for (int i = 0; src && order[i]; i++)
		if (strcmp(src, order[i]) == 0)
			return i;
	return -1;
}

static void set(precis_page *p, precis_page_field f, const char *v, const char *src)
{
	if (!v || (p->field[f] && rank(p->source[f]) >= rank(src)))
		return;
	while (*v && isspace((unsigned char)*v))
		v++;
	size_t n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (!n)
		return;
	char *c = malloc(n + 1);
	if (!c)
		return;
	/* Runs of white space (and control bytes) become one space. */
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)v[i];
		if (isspace(ch) || ch < 0x20) {
			if (o && c[o - 1] != ' ')
				c[o++] = ' ';
			continue;
		}
		c[o++] = (char)ch;
	}
	c[o] = '\0';
	free(p->field[f]);
	p->field[f] = c;
	p->source[f] = src;
}

/* "2019-04-23T10:00:00+02:00", "2019/04/23", "20190423" -> "2019-04-23" in out[11]. */
static int iso_date(char out[11], const char *s)
{
	if (!s)
		return 0;
	while (*s && isspace((unsigned char)*s))
		s++;
	int y, m, d;
	char sep1, sep2;
	if (sscanf(s, "%4d%c%2d%c%2d", &y, &sep1, &m, &sep2, &d) == 5 && sep1 == sep2 &&
	    (sep1 == '-' || sep1 == '/' || sep1 == '.')) {
	} else if (strlen(s) >= 8 && sscanf(s, "%4d%2d%2d", &y, &m, &d) == 3 &&
		   isdigit((unsigned char)s[7])) {
	} else {
		return 0;
	}
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

static void set_date(precis_page *p, const char *v, const char *src)
{
	char d[11];
	if (iso_date(d, v))
		set(p, PRECIS_PAGE_DATE, d, src);
}

/* "fr-FR", "fr_FR", "FR" -> "fr". */
static void set_lang(precis_page *p, const char *v, const char *src)
{
	if (!v)
		return;
	while (*v && isspace((unsigned char)*v))
		v++;
	if (!isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) ||
	    isalpha((unsigned char)v[2]))
		return;
	char l[3] = { (char)tolower((unsigned char)v[0]), (char)tolower((unsigned char)v[1]), 0 };
	set(p, PRECIS_PAGE_LANG, l, src);
}

/* -------------------------------------------------------------- JSON-LD */

static int type_is_article(json_t *t)
{
	static const char *const types[] = { "NewsArticle", "Article", "ReportageNewsArticle",
					     "AnalysisNewsArticle", "OpinionNewsArticle",
					     "BlogPosting", "Report", "LiveBlogPosting", NULL };
	if (json_is_array(t)) {
		size_t i;
		json_t *v;
		json_array_foreach(t, i, v)
			if (type_is_article(v))
				return 1;
		return 0;
	}
	const char *s = json_string_value(t);
	if (!s)
		return 0;
	for (size_t k = 0; types[k]; k++)
		if (strcmp(s, types[k]) == 0)
			return 1;
	return 0;
}

/* A name: a string, or an object's "name", or the first of an array. */
static const char *name_of(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v))
		return json_string_value(json_object_get(v, "name"));
	if (json_is_array(v) && json_array_size(v))
		return name_of(json_array_get(v, 0));
	return NULL;
}

static json_t *find_article(json_t *v, int depth)
{
	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			json_t *a = find_article(e, depth + 1);
			if (a)
				return a;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (type_is_article(json_object_get(v, "@type")))
		return v;
	json_t *g = json_object_get(v, "@graph");
	return g ? find_article(g, depth + 1) : NULL;
}

static void json_ld(precis_page *p, const char *src)
{
	json_t *root = json_loads(src, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	if (!root)
		return;
	json_t *a = find_article(root, 0);
	if (a) {
		const char *h = json_string_value(json_object_get(a, "headline"));
		if (!h)
			h = json_string_value(json_object_get(a, "name"));
		set(p, PRECIS_PAGE_TITLE, h, "json-ld");
		set(p, PRECIS_PAGE_OUTLET, name_of(json_object_get(a, "publisher")), "json-ld");
		set_date(p, json_string_value(json_object_get(a, "datePublished")), "json-ld");
		set(p, PRECIS_PAGE_AUTHOR, name_of(json_object_get(a, "author")), "json-ld");
		set_lang(p, name_of(json_object_get(a, "inLanguage")), "json-ld");
		set(p, PRECIS_PAGE_DESCRIPTION,
		    json_string_value(json_object_get(a, "description")), "json-ld");
		const char *body = json_string_value(json_object_get(a, "articleBody"));
		if (body && (!p->ld_body || strlen(body) > strlen(p->ld_body)) &&
		    !strstr(body, "</")) {
			char *c = strdup(body);
			if (c) {
				free(p->ld_body);
				p->ld_body = c;
			}
		}
	}
	json_decref(root);
}

/* ----------------------------------------------------------------- walk */

static void meta_tag(precis_page *p, const xmlNode *n)
{
	const char *key = px_html_attr(n, "property");
	if (!key)
		key = px_html_attr(n, "name");
	if (!key)
		key = px_html_attr(n, "itemprop");
	const char *v = px_html_attr(n, "content");
	const char *he = px_html_attr(n, "http-equiv");
	if (he && v && strcasecmp(he, "content-language") == 0)
		set_lang(p, v, "meta");
	if (!key || !v)
		return;
	if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title"))
		set(p, PRECIS_PAGE_TITLE, v, "meta");
	else if (!strcasecmp(key, "og:site_name") || !strcasecmp(key, "application-name"))
		set(p, PRECIS_PAGE_OUTLET, v, "meta");
	else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "datePublished") ||
		 !strcasecmp(key, "pubdate") || !strcasecmp(key, "publishdate") ||
		 !strcasecmp(key, "date") || !strcasecmp(key, "dc.date") ||
		 !strcasecmp(key, "dc.date.issued") || !strcasecmp(key, "dcterms.created") ||
		 !strcasecmp(key, "parsely-pub-date") || !strcasecmp(key, "sailthru.date") ||
		 !strcasecmp(key, "og:published_time"))
		set_date(p, v, "meta");
	else if (!strcasecmp(key, "og:locale") || !strcasecmp(key, "language") ||
		 !strcasecmp(key, "dc.language"))
		set_lang(p, v, "meta");
	else if (!strcasecmp(key, "og:url"))
		set(p, PRECIS_PAGE_URL, v, "meta");
	else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
		 !strcasecmp(key, "dc.creator"))
		set(p, PRECIS_PAGE_AUTHOR, v, "meta");
	else if (!strcasecmp(key, "og:description") || !strcasecmp(key, "description"))
		set(p, PRECIS_PAGE_DESCRIPTION, v, "meta");
}

/* Elements of the page itself, read after the declared metadata. */
typedef struct late {
	const xmlNode *title, *h1, *time, *pubtime, *canonical;
	size_t h1_count;
} late;

static void walk(precis_page *p, const xmlNode *n, late *l, int depth)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = px_html_name(n);
		if (strcmp(name, "meta") == 0) {
			meta_tag(p, n);
		} else if (strcmp(name, "script") == 0) {
			const char *t = px_html_attr(n, "type");
			if (t && strcasecmp(t, "application/ld+json") == 0 && n->children &&
			    n->children->content)
				json_ld(p, (const char *)n->children->content);
			continue;
		} else if (strcmp(name, "title") == 0 && !l->title) {
			l->title = n;
		} else if (strcmp(name, "h1") == 0) {
			if (!l->h1)
				l->h1 = n;
			l->h1_count++;
		} else if (strcmp(name, "time") == 0) {
			if (!l->time && px_html_attr(n, "datetime"))
				l->time = n;
			const char *ip = px_html_attr(n, "itemprop");
			if (!l->pubtime && (px_html_attr(n, "pubdate") ||
					    (ip && strcmp(ip, "datePublished") == 0)))
				l->pubtime = n;
		} else if (strcmp(name, "link") == 0) {
			const char *rel = px_html_attr(n, "rel");
			if (!l->canonical && rel && strcasecmp(rel, "canonical") == 0)
				l->canonical = n;
		}
		if (depth < 200)
			walk(p, n->children, l, depth + 1);
	}
}

static void from_text_of(precis_page *p, precis_page_field f, const xmlNode *n)
{
	if (!n || p->field[f])
		return;
	char *t = px_html_text_of(n);
	set(p, f, t, "html");
	free(t);
}

/* Code points of s[0..n). */
static size_t cps(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/*
 * "Headline | Section | Site" -> "Headline": <title> and og:title often end
 * with the site's name and a section. Trailing segments go while they are
 * short (40 code points at most) and shorter than what stays, and what
 * stays keeps at least 10 code points: a dash inside a headline ("Kim
 * Jong-un - Poutine : le sommet") is followed by more than a site name.
 */
static void strip_site_suffix(char *t)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
					    " :: ", " \xC2\xBB ", " \xC2\xB7 ", "\xEF\xBD\x9C", "_",
					    " / ", NULL };
	for (;;) {
		size_t len = strlen(t), best = 0, blen = 0;
		for (size_t k = 0; seps[k]; k++) {
			size_t sl = strlen(seps[k]);
			for (size_t i = len; i-- > 0;) {
				if (i + sl <= len && memcmp(t + i, seps[k], sl) == 0) {
					if (i > best) {
						best = i;
						blen = sl;
					}
					break;
				}
			}
		}
		if (!blen)
			return;
		size_t tail = cps(t + best + blen, len - best - blen), head = cps(t, best);
		if (tail > 40 || tail >= head || head < 10)
			return;
		t[best] = '\0';
		while (best > 0 && t[best - 1] == ' ')
			t[--best] = '\0';
	}
}

int px_html_meta(precis_page *p, htmlDocPtr doc, const char *url)
{
	xmlNode *root = px_xml()->root_element(doc);
	late l = { 0 };
	if (root) {
		walk(p, root, &l, 0);
		set_lang(p, px_html_attr(root, "lang"), "html");
		set_lang(p, px_html_attr(root, "xml:lang"), "html");
	}
	const xmlNode *t = l.pubtime ? l.pubtime : l.time;
	if (t) {
		set_date(p, px_html_attr(t, "datetime"), "time");
	}
	/* One <h1> is the headline; several (a list page, a logo) say nothing. */
	if (l.h1_count == 1)
		from_text_of(p, PRECIS_PAGE_TITLE, l.h1);
	from_text_of(p, PRECIS_PAGE_TITLE, l.title);
	const char *ts = p->source[PRECIS_PAGE_TITLE];
	if (p->field[PRECIS_PAGE_TITLE] && ts && strcmp(ts, "json-ld") != 0)
		strip_site_suffix(p->field[PRECIS_PAGE_TITLE]);
	if (l.canonical)
		set(p, PRECIS_PAGE_URL, px_html_attr(l.canonical, "href"), "html");
	set(p, PRECIS_PAGE_URL, url, "url");
	for (size_t f = 0; f < PRECIS_PAGE_FIELD_COUNT; f++)
		if (!p->field[f])
			p->source[f] = NULL;
	return 0;
}
