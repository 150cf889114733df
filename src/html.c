/*
 * html: public API, the choice of character set, and the parse.
 *
 * The charset is chosen before libxml2 sees the bytes, in the order of the
 * HTML standard's sniffing for a page without HTTP: byte order mark, then
 * the transport charset when one is given (WARC), then <meta charset> or
 * http-equiv in the first 4 KB, then UTF-8 when the bytes are valid UTF-8,
 * else windows-1252 (the browsers' default for Western pages). One
 * exception: a page declared Latin-1/windows-1252/ASCII whose bytes are all
 * valid UTF-8 with some multi-byte sequence is read as UTF-8, because a
 * Latin-1 text that happens to form valid multi-byte UTF-8 is rare and the
 * mislabel is common. A JSON string is already Unicode: UTF-8, always.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "error.h"
#include "html.h"
#include "text.h"
#include "vec.h"

int px_buf_add(px_buf *b, const char *s, size_t n)
{
	if (px_vec_reserve((void **)&b->s, &b->cap, b->n + n + 1, 1) != 0)
		return PRECIS_ENOMEM;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

const char *px_html_name(const xmlNode *n)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->name)
		return "";
	return (const char *)n->name;
}

const char *px_html_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0) {
			if (a->children && a->children->type == XML_TEXT_NODE)
				return (const char *)a->children->content;
			return "";
		}
	}
	return NULL;
}

/* ------------------------------------------------------------ detection */

static int starts_with_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	return len >= n && strncasecmp(s, w, n) == 0;
}

int precis_html_detect(const char *buf, size_t len)
{
	if (!buf)
		return 0;
	size_t i = 0;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)buf[i]))
		i++;
	static const char *const openers[] = { "<!doctype html", "<html", "<head", "<body",
					       "<!--", "<meta", "<title", "<?xml", NULL };
	for (size_t k = 0; openers[k]; k++)
		if (starts_with_ci(buf + i, len - i, openers[k]))
			return 1;
	/* A fragment: count block tags in the first 4 KB. */
	size_t end = len < 4096 ? len : 4096, tags = 0;
	static const char *const blocks[] = { "<p>", "<p ", "<div", "</p>", "</div>", "<br", NULL };
	for (size_t j = i; j + 1 < end; j++) {
		if (buf[j] != '<')
			continue;
		for (size_t k = 0; blocks[k]; k++)
			if (starts_with_ci(buf + j, end - j, blocks[k]))
				tags++;
	}
	return tags >= 3;
}

/* --------------------------------------------------------------- charset */

static int valid_utf8(const char *s, size_t len, int *multibyte)
{
	*multibyte = 0;
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		if (px_utf8_decode(s + i, len - i, &adv) < 0)
			return 0;
		*multibyte = 1;
		i += adv;
	}
	return 1;
}

/* The value after charset= in s[0..len): letters, digits, -_.:, up to 31 bytes. */
static int charset_value(char *out, const char *s, size_t len)
{
	size_t i = 0, o = 0;
	while (i < len && (s[i] == ' ' || s[i] == '"' || s[i] == '\''))
		i++;
	while (i < len && o < 31 && (isalnum((unsigned char)s[i]) || strchr("-_.:", s[i]))) {
		out[o++] = (char)tolower((unsigned char)s[i]);
		i++;
	}
	out[o] = '\0';
	return o > 0;
}

/* charset= inside a <meta ...> tag in the first 4 KB (the standard's prescan window). */
static int meta_charset(char *out, const char *s, size_t len)
{
	size_t end = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 5 < end; i++) {
		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		size_t j = i + 5;
		while (j < end && s[j] != '>') {
			if (j + 8 <= end && strncasecmp(s + j, "charset", 7) == 0) {
				size_t k = j + 7;
				while (k < end && s[k] == ' ')
					k++;
				if (k < end && s[k] == '=' && charset_value(out, s + k + 1, end - k - 1))
					return 1;
			}
			j++;
		}
	}
	return 0;
}

static int is_western_single_byte(const char *cs)
{
	static const char *const names[] = { "iso-8859-1", "latin1", "latin-1", "windows-1252",
					     "cp1252", "us-ascii", "ascii", "iso-8859-15", NULL };
	for (size_t k = 0; names[k]; k++)
		if (strcasecmp(cs, names[k]) == 0)
			return 1;
	return 0;
}

/*
 * libxml2 (through iconv) can read it. UTF-7 is refused, as browsers do:
 * it turns ASCII into markup.
 */
static int known_charset(const char *cs)
{
	if (strncasecmp(cs, "utf-7", 5) == 0 || strcasecmp(cs, "utf7") == 0)
		return 0;
	xmlCharEncodingHandlerPtr h = px_xml()->find_encoding(cs);
	if (!h)
		return 0;
	/* iconv-backed handlers are allocated per call; the built-in ones are static. */
	px_xml()->close_encoding(h);
	return 1;
}

static void choose_charset(char out[32], const char *s, size_t len,
			   const precis_html_options *o)
{
	int multibyte = 0;
	char declared[32] = "";
	if (o->unicode) {
		strcpy(out, "UTF-8");
		return;
	}
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		strcpy(out, "UTF-8");
		return;
	}
	if (len >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) {
		strcpy(out, "UTF-16LE");
		return;
	}
	if (len >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) {
		strcpy(out, "UTF-16BE");
		return;
	}
	if (o->charset && o->charset[0])
		charset_value(declared, o->charset, strlen(o->charset));
	if (!declared[0])
		meta_charset(declared, s, len);
	int utf8 = valid_utf8(s, len, &multibyte);
	if (declared[0] && known_charset(declared) &&
	    !(utf8 && multibyte && is_western_single_byte(declared))) {
		if (strcasecmp(declared, "utf8") == 0)
			strcpy(declared, "UTF-8");
		/* An ASCII label on 8-bit bytes means windows-1252, as in browsers. */
		if (strcasecmp(declared, "us-ascii") == 0 || strcasecmp(declared, "iso-8859-1") == 0)
			strcpy(declared, "windows-1252");
		snprintf(out, 32, "%s", declared);
		return;
	}
	strcpy(out, utf8 ? "UTF-8" : "windows-1252");
}

/* ----------------------------------------------------------------- parse */

/* The input with NUL bytes made spaces (libxml2 would stop at them). */
static char *copy_without_nul(const char *s, size_t len, int utf16)
{
	char *c = malloc(len + 1);
	if (!c)
		return NULL;
	memcpy(c, s, len);
	c[len] = '\0';
	if (!utf16)
		for (size_t i = 0; i < len; i++)
			if (c[i] == '\0')
				c[i] = ' ';
	return c;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static htmlDocPtr parse(const char *s, size_t len, const char *charset)
{
	/* No network, no error output; libxml2's own depth limit (256) stays on,
	 * which is what keeps a 10,000-deep page from recursing in our walks. */
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC;
	if (len > (size_t)0x7fffffff)
		return NULL;
	/* libxml2 reports encoding errors through its per-thread generic
	 * handler (stderr by default): silence it for this parse only. */
	const px_xml_api *x = px_xml();
	xmlGenericErrorFunc old = *x->generic_error();
	void *old_ctx = *x->generic_error_ctx();
	xmlStructuredErrorFunc old_s = *x->structured_error();
	void *old_sctx = *x->structured_error_ctx();
	px_xml()->set_generic_error(NULL, quiet);
	px_xml()->set_structured_error(NULL, NULL);
	htmlDocPtr doc = NULL;
	htmlParserCtxtPtr ctx = px_xml()->new_parser();
	if (!ctx)
		goto done;
	ctx->sax->error = quiet;
	ctx->sax->warning = quiet;
	ctx->vctxt.error = quiet;
	ctx->vctxt.warning = quiet;
	doc = px_xml()->read_memory(ctx, s, (int)len, NULL, charset, opts);
	px_xml()->free_parser(ctx);
done:
	px_xml()->set_generic_error(old_ctx, old);
	px_xml()->set_structured_error(old_sctx, old_s);
	return doc;
}

/* Trim lines, drop blank ones, replace invalid UTF-8; the result owns no NUL. */
static int finish_text(precis_page *p, px_buf *raw)
{
	char *rep = NULL;
	size_t rlen = 0;
	int rc = px_text_repair(&rep, &rlen, raw->s ? raw->s : "", raw->n);
	if (rc)
		return rc;
	size_t o = 0, i = 0;
	while (i < rlen) {
		size_t e = i;
		while (e < rlen && rep[e] != '\n')
			e++;
		size_t a = i, b = e;
		while (a < b && rep[a] == ' ')
			a++;
		while (b > a && rep[b - 1] == ' ')
			b--;
		if (b > a) {
			if (o)
				rep[o++] = '\n';
			memmove(rep + o, rep + a, b - a);
			o += b - a;
		}
		i = e + 1;
	}
	rep[o] = '\0';
	p->text = rep;
	p->len = o;
	return 0;
}

/*
 * Fields valid UTF-8 whatever libxml2 let through; the headline heads the
 * text when the content did not carry it (the gold texts of the eval sets
 * and the text-level pipeline both expect it on the first line).
 */
static int finish_fields(precis_page *p)
{
	for (size_t f = 0; f < PRECIS_PAGE_FIELD_COUNT; f++) {
		if (!p->field[f])
			continue;
		char *rep;
		size_t n;
		if (px_text_repair(&rep, &n, p->field[f], strlen(p->field[f])) != 0)
			return PRECIS_ENOMEM;
		free(p->field[f]);
		p->field[f] = rep;
	}
	if (p->lead && p->len && !strstr(p->text, p->lead)) {
		size_t ll = strlen(p->lead);
		char *c = malloc(ll + 1 + p->len + 1);
		if (!c)
			return PRECIS_ENOMEM;
		memcpy(c, p->lead, ll);
		c[ll] = '\n';
		memcpy(c + ll + 1, p->text, p->len + 1);
		free(p->text);
		p->text = c;
		p->len += ll + 1;
	}
	const char *t = p->field[PRECIS_PAGE_TITLE];
	if (!t || !p->len)
		return 0;
	size_t tl = strlen(t), head = p->len < 2000 ? p->len : 2000;
	for (size_t i = 0; i + tl <= head; i++)
		if (memcmp(p->text + i, t, tl) == 0)
			return 0;
	char *c = malloc(tl + 1 + p->len + 1);
	if (!c)
		return PRECIS_ENOMEM;
	memcpy(c, t, tl);
	c[tl] = '\n';
	memcpy(c + tl + 1, p->text, p->len + 1);
	free(p->text);
	p->text = c;
	p->len += tl + 1;
	return 0;
}

/*
 * The description (og:description, JSON-LD) when the page also shows it:
 * most news pages print it as the lead paragraph, in a header or "chapo"
 * block that the extraction may leave outside the article's container.
 */
static int lead_on_page(precis_page *p, htmlDocPtr doc)
{
	const char *d = p->field[PRECIS_PAGE_DESCRIPTION];
	if (!d || strlen(d) < 80)
		return 0;
	xmlNode *root = px_xml()->root_element(doc);
	xmlNode *body = NULL;
	for (xmlNode *k = root ? root->children : NULL; k; k = k->next)
		if (strcmp(px_html_name(k), "body") == 0)
			body = k;
	char *t = body ? px_html_text_of(body) : NULL;
	if (body && !t)
		return PRECIS_ENOMEM;
	if (t && strstr(t, d) && !(p->lead = strdup(d))) {
		free(t);
		return PRECIS_ENOMEM;
	}
	free(t);
	return 0;
}

/* Characters other than white space (code points). */
static size_t visible(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; s && i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80 && !isspace((unsigned char)s[i]);
	return c;
}

int precis_html_extract(precis_page **out, const char *html, size_t len,
			const precis_html_options *opts, precis_error *err)
{
	precis_html_options def = PRECIS_HTML_OPTIONS_INIT;
	const precis_html_options *o = opts ? opts : &def;
	precis_page *p = NULL;
	char *copy = NULL;
	htmlDocPtr doc = NULL;
	px_buf raw = { 0 };
	int rc = 0;
	*out = NULL;
	if (!html && len)
		return px_error_set(err, PRECIS_EINVAL, 0, "no HTML given");
	if (!px_xml())
		return px_error_set(err, PRECIS_EIO, 0,
				    "HTML input needs libxml2 (libxml2.so.2), which could not be loaded");
	if (o->max_bytes && len > o->max_bytes)
		return px_error_set(err, PRECIS_ETOOBIG, o->max_bytes,
				    "page of %zu bytes exceeds the limit of %zu", len, o->max_bytes);
	p = calloc(1, sizeof *p);
	if (!p)
		return px_error_set(err, PRECIS_ENOMEM, 0, "out of memory");
	choose_charset(p->charset, html ? html : "", len, o);
	copy = copy_without_nul(html ? html : "", len, strncmp(p->charset, "UTF-16", 6) == 0);
	if (!copy) {
		rc = px_error_set(err, PRECIS_ENOMEM, 0, "out of memory");
		goto done;
	}
	doc = parse(copy, len, p->charset);
	if (doc) {
		if ((rc = px_html_meta(p, doc, o->url)) != 0 || (rc = lead_on_page(p, doc)) != 0 ||
		    (rc = px_html_extract(&raw, doc)) != 0) {
			px_error_set(err, rc, 0, "%s while reading the page", precis_strerror(rc));
			goto done;
		}
	} else if (o->url && (p->field[PRECIS_PAGE_URL] = strdup(o->url)) != NULL) {
		p->source[PRECIS_PAGE_URL] = "url";
	}
	if (p->ld_body && visible(raw.s, raw.n) * 2 < visible(p->ld_body, strlen(p->ld_body))) {
		/* The markup held little of what the page's JSON-LD says the article is. */
		raw.n = 0;
		if ((rc = px_buf_add(&raw, p->ld_body, strlen(p->ld_body))) != 0) {
			px_error_set(err, rc, 0, "out of memory");
			goto done;
		}
	}
	if ((rc = finish_text(p, &raw)) != 0 || (rc = finish_fields(p)) != 0)
		px_error_set(err, rc, 0, "out of memory");
done:
	if (doc)
		px_xml()->free_doc(doc);
	free(copy);
	free(raw.s);
	if (rc) {
		precis_page_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void precis_page_free(precis_page *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < PRECIS_PAGE_FIELD_COUNT; i++)
		free(p->field[i]);
	free(p->text);
	free(p->ld_body);
	free(p->lead);
	free(p);
}

const char *precis_page_text(const precis_page *p, size_t *len)
{
	if (len)
		*len = p->len;
	return p->text;
}

const char *precis_page_field_get(const precis_page *p, precis_page_field f,
				  const char **source)
{
	if ((unsigned)f >= PRECIS_PAGE_FIELD_COUNT) {
		if (source)
			*source = NULL;
		return NULL;
	}
	if (source)
		*source = p->source[f];
	return p->field[f];
}

const char *precis_page_field_name(precis_page_field f)
{
	static const char *const names[PRECIS_PAGE_FIELD_COUNT] = {
		"title", "outlet", "date", "lang", "url", "author", "description"
	};
	return (unsigned)f < PRECIS_PAGE_FIELD_COUNT ? names[f] : "unknown";
}

const char *precis_page_charset(const precis_page *p)
{
	return p->charset;
}
