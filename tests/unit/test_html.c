/* HTML input: detection, main content, metadata with sources, charsets, hostile pages. */
#include "testutil.h"

#include "text.h"

static precis_page *extract(const char *html, size_t len, const precis_html_options *o)
{
	precis_page *p = NULL;
	precis_error err;
	int rc = precis_html_extract(&p, html, len, o, &err);
	if (rc != 0)
		fprintf(stderr, "extract: %s\n", err.message);
	assert_int_equal(rc, 0);
	assert_non_null(p);
	size_t n;
	const char *t = precis_page_text(p, &n);
	assert_non_null(t);
	assert_int_equal(strlen(t), n);
	assert_int_equal(px_text_check(t, n, NULL), 0);
	return p;
}

static precis_page *extract_s(const char *html)
{
	return extract(html, strlen(html), NULL);
}

static int has(const precis_page *p, const char *s)
{
	return strstr(precis_page_text(p, NULL), s) != NULL;
}

/* Index of s in the page text, for order checks; fails the test when absent. */
static size_t at(const precis_page *p, const char *s)
{
	const char *t = precis_page_text(p, NULL), *f = strstr(t, s);
	if (!f)
		fprintf(stderr, "missing: %s\n---\n%s\n---\n", s, t);
	assert_non_null(f);
	return (size_t)(f - t);
}

static void field_is(const precis_page *p, precis_page_field f, const char *want,
		     const char *source)
{
	const char *src = NULL, *v = precis_page_field_get(p, f, &src);
	if (!want) {
		assert_null(v);
		assert_null(src);
		return;
	}
	assert_non_null(v);
	assert_string_equal(v, want);
	assert_string_equal(src, source);
}

/* A French news page with every kind of boilerplate around the article. */
static const char *const PAGE_FR =
	"<!DOCTYPE html><html lang=\"fr-FR\"><head><meta charset=\"utf-8\">"
	"<title>Le port rouvre ses quais | La Gazette du Littoral</title>"
	"<meta property=\"og:site_name\" content=\"La Gazette du Littoral\">"
	"<meta property=\"og:title\" content=\"Le port rouvre ses quais apr\xC3\xA8s deux ans\">"
	"<meta property=\"article:published_time\" content=\"2024-03-14T08:30:00+01:00\">"
	"<link rel=\"canonical\" href=\"https://gazette.example/port-quais\">"
	"</head><body>"
	"<div id=\"cookie-banner\"><p>Nous utilisons des cookies pour am\xC3\xA9liorer votre "
	"exp\xC3\xA9rience, acceptez-vous ?</p><button>Accepter</button></div>"
	"<header class=\"site-header\"><a href=\"/\">La Gazette</a><nav><ul>"
	"<li><a href=\"/politique\">Politique</a></li><li><a href=\"/sport\">Sport</a></li>"
	"<li><a href=\"/culture\">Culture</a></li></ul></nav></header>"
	"<div class=\"layout\"><main><article class=\"article\">"
	"<h1>Le port rouvre ses quais apr\xC3\xA8s deux ans</h1>"
	"<div class=\"share-buttons\"><a href=\"#\">Partager sur Facebook</a> "
	"<a href=\"#\">Partager sur X</a></div>"
	"<div class=\"article-body\">"
	"<p>Les quais du port de commerce ont rouvert mardi, apr\xC3\xA8s deux ans de travaux, "
	"de retards et de d\xC3\xA9passements de budget, a annonc\xC3\xA9 la capitainerie.</p>"
	"<figure><img src=\"quai.jpg\"><figcaption>Le quai nord, mardi matin. Photo "
	"Jean Dupuis</figcaption></figure>"
	"<p>Les premiers cargos, charg\xC3\xA9s de bois et de c\xC3\xA9r\xC3\xA9" "ales, sont "
	"attendus d\xC3\xA8s jeudi, selon le directeur du port, qui parle d'une journ\xC3\xA9" "e "
	"historique pour la ville.</p>"
	"<h2>Un chantier de 40 millions</h2>"
	"<p>Le chantier, financ\xC3\xA9 par la r\xC3\xA9gion, l'\xC3\x89tat et l'Union "
	"europ\xC3\xA9" "enne, aura co\xC3\xBBt\xC3\xA9 40 millions d'euros, soit dix de plus que "
	"pr\xC3\xA9vu, en raison de la hausse des prix.</p>"
	"<ul><li>Trois quais rallong\xC3\xA9s de 80 m\xC3\xA8tres</li>"
	"<li>Deux grues neuves, \xC3\xA9lectriques</li></ul>"
	"<p>Les dockers, eux, demandent des embauches, et un pr\xC3\xA9" "avis de gr\xC3\xA8ve a "
	"\xC3\xA9t\xC3\xA9 d\xC3\xA9pos\xC3\xA9 pour la fin du mois, a-t-on appris.</p>"
	"</div>"
	"<div class=\"newsletter\"><p>Inscrivez-vous \xC3\xA0 notre newsletter, "
	"chaque matin dans votre bo\xC3\xAE" "te.</p></div>"
	"<section class=\"related\"><h3>\xC3\x80 lire aussi</h3><ul>"
	"<li><a href=\"/a\">Le maire inaugure la nouvelle gare maritime</a></li>"
	"<li><a href=\"/b\">Temp\xC3\xAA" "te : les digues ont tenu</a></li></ul></section>"
	"<div id=\"comments\"><p>Jeannot : encore de l'argent jet\xC3\xA9 par les fen\xC3\xAA"
	"tres, comme toujours, et personne pour payer.</p></div>"
	"</article></main>"
	"<aside class=\"sidebar\"><h3>Les plus lus</h3><p>Un chat coinc\xC3\xA9 dans une "
	"grue, les pompiers interviennent, la foule applaudit.</p></aside></div>"
	"<footer><p>\xC2\xA9 2024 La Gazette du Littoral, tous droits r\xC3\xA9serv\xC3\xA9s, "
	"mentions l\xC3\xA9gales.</p></footer>"
	"</body></html>";

static void test_main_content_fr(void **state)
{
	(void)state;
	precis_page *p = extract_s(PAGE_FR);
	/* Headline, paragraphs, subhead and list items, in reading order. */
	size_t h = at(p, "Le port rouvre ses quais apr\xC3\xA8s deux ans");
	size_t p1 = at(p, "Les quais du port de commerce ont rouvert mardi");
	size_t p2 = at(p, "Les premiers cargos");
	size_t sub = at(p, "Un chantier de 40 millions");
	size_t p3 = at(p, "Le chantier, financ\xC3\xA9");
	size_t li = at(p, "Deux grues neuves");
	size_t p4 = at(p, "Les dockers, eux");
	assert_true(h < p1 && p1 < p2 && p2 < sub && sub < p3 && p3 < li && li < p4);
	/* Each block on its own line. */
	assert_true(has(p, "\nUn chantier de 40 millions\n"));
	assert_true(has(p, "\nTrois quais rallong\xC3\xA9s de 80 m\xC3\xA8tres\n"));
	/* Boilerplate of every kind stays out. */
	static const char *const out[] = {
		"cookies", "Politique", "Partager", "Photo Jean Dupuis", "newsletter", "lire aussi",
		"gare maritime", "Jeannot", "Un chat", "droits r\xC3\xA9serv\xC3\xA9s", NULL
	};
	for (size_t i = 0; out[i]; i++) {
		if (has(p, out[i]))
			fprintf(stderr, "kept: %s\n", out[i]);
		assert_false(has(p, out[i]));
	}
	precis_page_free(p);
}

static void test_metadata_sources(void **state)
{
	(void)state;
	precis_page *p = extract_s(PAGE_FR);
	field_is(p, PRECIS_PAGE_TITLE, "Le port rouvre ses quais apr\xC3\xA8s deux ans", "meta");
	field_is(p, PRECIS_PAGE_OUTLET, "La Gazette du Littoral", "meta");
	field_is(p, PRECIS_PAGE_DATE, "2024-03-14", "meta");
	field_is(p, PRECIS_PAGE_LANG, "fr", "html");
	field_is(p, PRECIS_PAGE_URL, "https://gazette.example/port-quais", "html");
	field_is(p, PRECIS_PAGE_AUTHOR, NULL, NULL);
	assert_string_equal(precis_page_field_name(PRECIS_PAGE_OUTLET), "outlet");
	assert_null(precis_page_field_get(p, PRECIS_PAGE_FIELD_COUNT, NULL));
	precis_page_free(p);

	/* JSON-LD (in a @graph, with an array @type) wins over <meta>; <time> gives the date. */
	const char *ld =
		"<html><head><title>Storm | Daily</title>"
		"<meta property=\"og:title\" content=\"OG headline\">"
		"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
		"\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
		"{\"@type\":[\"NewsArticle\"],\"headline\":\"Storm hits the coast\","
		"\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"}],"
		"\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily\"},"
		"\"inLanguage\":\"en-GB\"}]}</script>"
		"<script type=\"application/ld+json\">{ broken json</script>"
		"</head><body><article><time datetime=\"2023-11-02\">2 November</time>"
		"<p>The storm reached the coast on Thursday night, with winds above 150 km/h, "
		"and thousands of homes lost power, the utility said.</p></article></body></html>";
	p = extract_s(ld);
	field_is(p, PRECIS_PAGE_TITLE, "Storm hits the coast", "json-ld");
	field_is(p, PRECIS_PAGE_OUTLET, "The Daily", "json-ld");
	field_is(p, PRECIS_PAGE_AUTHOR, "Ann Lee", "json-ld");
	field_is(p, PRECIS_PAGE_LANG, "en", "json-ld");
	field_is(p, PRECIS_PAGE_DATE, "2023-11-02", "time");
	/* The headline heads the text when the body did not carry it. */
	assert_int_equal(at(p, "Storm hits the coast\n"), 0);
	assert_true(has(p, "The storm reached the coast"));
	precis_page_free(p);

	/* Only <title> and a given address: the page's own elements, then "url". */
	const char *bare = "<html><head><title> Plain  title </title></head><body><p>Short.</p>"
			   "</body></html>";
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	o.url = "https://x.example/a";
	p = extract(bare, strlen(bare), &o);
	field_is(p, PRECIS_PAGE_TITLE, "Plain title", "html");
	field_is(p, PRECIS_PAGE_URL, "https://x.example/a", "url");
	field_is(p, PRECIS_PAGE_DATE, NULL, NULL);
	precis_page_free(p);

	/* The site's name and section leave a <title>; a dash inside a headline stays. */
	static const char *const titles[][2] = {
		{ "Storm damage in the north: what we know - The Daily | Weather",
		  "Storm damage in the north: what we know" },
		{ "Kim Jong-un - Poutine : le sommet de Vladivostok",
		  "Kim Jong-un - Poutine : le sommet de Vladivostok" },
		{ "\xE6\xB9\x98\xE6\xB1\x9F\xE9\x95\xBF\xE6\xB2\x99\xE7\xAB\x99\xE8\xB7\x8C"
		  "\xE7\xA0\xB4\xE5\x8E\x86\xE5\x8F\xB2\xE6\x9C\x80\xE4\xBD\x8E_\xE6\x96\xB0"
		  "\xE9\x97\xBB_\xE6\x96\xB0\xE6\xB5\xAA",
		  "\xE6\xB9\x98\xE6\xB1\x9F\xE9\x95\xBF\xE6\xB2\x99\xE7\xAB\x99\xE8\xB7\x8C"
		  "\xE7\xA0\xB4\xE5\x8E\x86\xE5\x8F\xB2\xE6\x9C\x80\xE4\xBD\x8E" },
		{ "Short | Site", "Short | Site" },
	};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		char html[512];
		int n = snprintf(html, sizeof html, "<html><head><title>%s</title></head><body><p>x.</p>"
				 "</body></html>", titles[i][0]);
		p = extract(html, (size_t)n, NULL);
		field_is(p, PRECIS_PAGE_TITLE, titles[i][1], "html");
		precis_page_free(p);
	}
}

/* An English page whose article is in plain <div>s and a link-heavy list. */
static void test_main_content_en(void **state)
{
	(void)state;
	const char *html =
		"<html lang=\"en\"><head><title>Council votes budget</title></head><body>"
		"<div id=\"menu\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a></div>"
		"<div class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/local\">Local</a>"
		"</div><div id=\"story\">"
		"<div>The city council approved its budget on Monday, after a five-hour debate, "
		"with nine votes for and four against, officials said.</div>"
		"<div>Property taxes will rise by 2 percent, the first increase in six years, "
		"to pay for road repairs, libraries, and two new fire stations.</div>"
		"<div>Opponents said the plan relied on optimistic forecasts, and warned of cuts "
		"next year, while the mayor called it balanced and fair.</div>"
		"<ul class=\"more\"><li><a href=\"/1\">Mayor announces reelection bid</a></li>"
		"<li><a href=\"/2\">Library hours extended</a></li>"
		"<li><a href=\"/3\">Road works on Main Street</a></li></ul>"
		"</div><div class=\"footer\">Contact us - Privacy policy - Terms</div>"
		"</body></html>";
	precis_page *p = extract_s(html);
	assert_true(at(p, "The city council approved") < at(p, "Opponents said"));
	assert_true(has(p, "Property taxes will rise"));
	assert_false(has(p, "Home"));
	assert_false(has(p, "Mayor announces"));
	assert_false(has(p, "Privacy policy"));
	precis_page_free(p);
}

static void test_detect(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"<!DOCTYPE html><html>", "\xEF\xBB\xBF  <html lang=fr>", "\n<HEAD><title>x</title>",
		"<p>a</p><p>b</p><div>c</div>", "<!-- saved --><html>", NULL
	};
	static const char *const no[] = {
		"Un article sur 3 < 4 et 5 > 2.", "Titre\n\nCorps du texte <b>gras</b>.",
		"{\"id\": 1}", "", NULL
	};
	for (size_t i = 0; yes[i]; i++)
		assert_int_equal(precis_html_detect(yes[i], strlen(yes[i])), 1);
	for (size_t i = 0; no[i]; i++)
		assert_int_equal(precis_html_detect(no[i], strlen(no[i])), 0);
	assert_int_equal(precis_html_detect(NULL, 0), 0);
}

/* One paragraph of the page in the given bytes, to test charset handling. */
static char *page_with(const char *head, const char *para, size_t *len)
{
	static const char *tail = " et la suite du texte, assez longue pour compter.</p></body></html>";
	size_t n = strlen(head) + strlen(para) + strlen(tail) + 64;
	char *b = malloc(n);
	assert_non_null(b);
	*len = (size_t)snprintf(b, n, "%s<body><p>%s%s", head, para, tail);
	return b;
}

static void test_charsets(void **state)
{
	(void)state;
	size_t len;
	/* windows-1252 bytes declared by <meta charset>. */
	char *b = page_with("<html><head><meta charset=\"windows-1252\"></head>",
			    "Caf\xE9 \x93" "cr\xE8me\x94", &len);
	precis_page *p = extract(b, len, NULL);
	assert_true(has(p, "Caf\xC3\xA9 \xE2\x80\x9C" "cr\xC3\xA8me\xE2\x80\x9D"));
	assert_string_equal(precis_page_charset(p), "windows-1252");
	precis_page_free(p);
	free(b);
	/* ISO-8859-1 by http-equiv. */
	b = page_with("<html><head><meta http-equiv=\"Content-Type\" "
		      "content=\"text/html; charset=ISO-8859-1\"></head>", "No\xEBl \xE0 Li\xE8ge", &len);
	p = extract(b, len, NULL);
	assert_true(has(p, "No\xC3\xABl \xC3\xA0 Li\xC3\xA8ge"));
	precis_page_free(p);
	free(b);
	/* Undeclared, not UTF-8: read as windows-1252. */
	b = page_with("<html><head></head>", "d\xE9j\xE0 vu", &len);
	p = extract(b, len, NULL);
	assert_true(has(p, "d\xC3\xA9j\xC3\xA0 vu"));
	precis_page_free(p);
	free(b);
	/* Mislabelled: says Latin-1, bytes are UTF-8. */
	b = page_with("<html><head><meta charset=\"iso-8859-1\"></head>", "\xC3\xA9t\xC3\xA9", &len);
	p = extract(b, len, NULL);
	assert_true(has(p, "\xC3\xA9t\xC3\xA9 et la suite"));
	assert_string_equal(precis_page_charset(p), "UTF-8");
	precis_page_free(p);
	free(b);
	/* A JSON string is already Unicode: its declared charset is ignored. */
	b = page_with("<html><head><meta charset=\"windows-1251\"></head>", "\xC3\xA9t\xC3\xA9", &len);
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	o.unicode = true;
	p = extract(b, len, &o);
	assert_true(has(p, "\xC3\xA9t\xC3\xA9 et la suite"));
	precis_page_free(p);
	/* ...while the same bytes from a file follow the declaration. */
	p = extract(b, len, NULL);
	assert_false(has(p, "\xC3\xA9t\xC3\xA9 et la suite"));
	assert_string_equal(precis_page_charset(p), "windows-1251");
	precis_page_free(p);
	free(b);
	/* UTF-8 with a BOM and an invalid byte: valid UTF-8 comes out. */
	b = page_with("\xEF\xBB\xBF<html><head></head>", "ok \xFF\xFE bad \xC3", &len);
	p = extract(b, len, NULL);
	assert_true(has(p, "ok"));
	precis_page_free(p);
	free(b);
	/* UTF-16LE with its BOM. */
	const char *ascii = "<html><body><p>Hello from a UTF-16 page, with enough words.</p>"
			    "</body></html>";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 * n + 2);
	assert_non_null(u16);
	u16[0] = (char)0xFF;
	u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = ascii[i];
		u16[3 + 2 * i] = 0;
	}
	p = extract(u16, 2 * n + 2, NULL);
	assert_true(has(p, "Hello from a UTF-16 page"));
	precis_page_free(p);
	free(u16);
}

static void test_hostile(void **state)
{
	(void)state;
	/* 10,000-deep nesting: a result, no stack overflow. */
	size_t depth = 10000, cap = depth * 12 + 256, n = 0;
	char *b = malloc(cap);
	assert_non_null(b);
	n += (size_t)sprintf(b + n, "<html><body><p>Before the nesting, a paragraph.</p>");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(b + n, "<div>");
	n += (size_t)sprintf(b + n, "deep");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(b + n, "</div>");
	precis_page_free(extract(b, n, NULL));
	/* Unclosed tags everywhere. */
	const char *unclosed = "<html><body><div><p>First paragraph of text <b>bold <i>both"
			       "<p>Second paragraph, with more text and a <a href=x>link";
	precis_page *p = extract_s(unclosed);
	assert_true(at(p, "First paragraph") < at(p, "Second paragraph"));
	precis_page_free(p);
	/* A script holding </p>, and broken entities. */
	const char *script = "<html><body><p>Real text here &amp; there &bogus; &#xZZ; &#99999999; "
			     "end.</p><script>document.write('</p><p>injected</p>');</script>"
			     "</body></html>";
	p = extract_s(script);
	assert_true(has(p, "Real text here & there"));
	assert_false(has(p, "injected"));
	precis_page_free(p);
	/* NUL bytes inside the text. */
	const char nul[] = "<html><body><p>Before\0after the NUL byte, one paragraph.</p></body></html>";
	p = extract(nul, sizeof nul - 1, NULL);
	assert_true(has(p, "after the NUL byte"));
	precis_page_free(p);
	/* A frameset and a redirect: no content, no error. */
	const char *frames = "<html><head><title>Frames</title></head><frameset cols=\"50%,50%\">"
			     "<frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>";
	p = extract_s(frames);
	assert_int_equal(strlen(precis_page_text(p, NULL)), 0);
	field_is(p, PRECIS_PAGE_TITLE, "Frames", "html");
	precis_page_free(p);
	const char *redirect = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/new\">"
			       "</head><body></body></html>";
	p = extract_s(redirect);
	assert_int_equal(strlen(precis_page_text(p, NULL)), 0);
	precis_page_free(p);
	/* Empty input and binary junk. */
	p = extract("", 0, NULL);
	assert_int_equal(strlen(precis_page_text(p, NULL)), 0);
	precis_page_free(p);
	for (size_t i = 0; i < 4096 && i < cap; i++)
		b[i] = (char)(i * 131 + 7);
	precis_page_free(extract(b, 4096, NULL));
	free(b);
	/* Size limit. */
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	o.max_bytes = 10;
	precis_error err;
	p = NULL;
	assert_int_equal(precis_html_extract(&p, unclosed, strlen(unclosed), &o, &err),
			 PRECIS_ETOOBIG);
	assert_null(p);
	assert_non_null(strstr(err.message, "limit"));
	precis_page_free(NULL);
}

/* The description heads the content when the page shows it (a lead outside the article's block). */
static void test_lead(void **state)
{
	(void)state;
	static const char *const fmt =
		"<html><head><title>Bridge closed</title><meta name=\"description\" content=\"%s\">"
		"</head><body><div class=\"article-header\"><h1>Bridge closed</h1>"
		"<p class=\"standfirst\">%s</p></div><div class=\"article-content\">"
		"<p>Engineers found cracks in two of the main girders during a routine inspection last "
		"week, the transport department said on Tuesday.</p>"
		"<p>Traffic will be diverted through the town centre, adding about twenty minutes to "
		"journeys at peak times, officials warned.</p>"
		"<p>Repairs are expected to take at least three months, and the cost has not yet been "
		"estimated, a spokeswoman said.</p></div></body></html>";
	const char *lead = "The old river bridge will stay closed until the summer after "
			   "inspectors found cracks, the council said.";
	char html[2048];
	int n = snprintf(html, sizeof html, fmt, lead, lead);
	precis_page *p = extract(html, (size_t)n, NULL);
	assert_true(at(p, "Bridge closed\n") < at(p, lead));
	assert_true(at(p, lead) < at(p, "Engineers found cracks"));
	precis_page_free(p);
	/* A description the page does not show stays out of the text. */
	n = snprintf(html, sizeof html, fmt, lead, "A different standfirst, shown on the page only.");
	p = extract(html, (size_t)n, NULL);
	assert_false(has(p, lead));
	precis_page_free(p);
}

/* A 50 MB page of paragraphs: read whole, text out. */
static void test_big_page(void **state)
{
	(void)state;
	const char *para = "<p>Paragraphe de remplissage, avec des virgules, des mots, et encore "
			   "des mots pour faire un bloc de texte ordinaire.</p>\n";
	size_t pl = strlen(para), want = (size_t)50 << 20, n = 0;
	char *b = malloc(want + 64);
	assert_non_null(b);
	n += (size_t)sprintf(b, "<html><body><div>");
	while (n + pl < want)
		n += (size_t)sprintf(b + n, "%s", para);
	precis_page *p = extract(b, n, NULL);
	size_t tl;
	precis_page_text(p, &tl);
	assert_true(tl > want / 2);
	precis_page_free(p);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_main_content_fr), cmocka_unit_test(test_main_content_en),
		cmocka_unit_test(test_metadata_sources), cmocka_unit_test(test_detect),
		cmocka_unit_test(test_charsets),        cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_lead),            cmocka_unit_test(test_big_page),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
