/* Unit tests: dates, places, persons, agencies and quotes (meta.c). */
#include "testutil.h"

typedef struct {
	precis_doc *doc;
	precis_meta *meta;
} parsed;

static parsed parse(const char *text, const char *lang, const char *pubdate)
{
	parsed p;
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = lang;
	o.clean = false;
	assert_int_equal(precis_doc_new(&p.doc, A, text, strlen(text), &o, NULL), 0);
	assert_int_equal(precis_meta_new(&p.meta, A, p.doc, pubdate), 0);
	return p;
}

static void release(parsed p)
{
	precis_meta_free(p.meta);
	precis_doc_free(p.doc);
}

/* The first date's resolution against the publication date, as "YYYY-MM-DD..YYYY-MM-DD". */
static void expect_date(const char *lang, const char *text, const char *pub, precis_date_kind kind,
			const char *surface, const char *resolved)
{
	parsed p = parse(text, lang, pub);
	size_t n;
	const precis_date *d = precis_meta_dates(p.meta, &n);
	if (n == 0)
		fail_msg("no date in \"%s\"", text);
	const char *t = precis_doc_text(p.doc, NULL);
	char got[64];
	snprintf(got, sizeof got, "%.*s", (int)(d[0].span.end - d[0].span.start), t + d[0].span.start);
	assert_string_equal(got, surface);
	assert_int_equal(d[0].kind, kind);
	precis_ymd ref = { 0, 0, 0 }, a, b;
	if (pub)
		assert_int_equal(precis_ymd_parse(&ref, pub), 0);
	assert_int_equal(precis_date_resolve(&a, &b, &d[0], ref), 0);
	char res[64];
	snprintf(res, sizeof res, "%04d-%02d-%02d..%04d-%02d-%02d", a.year, a.month, a.day, b.year,
		 b.month, b.day);
	assert_string_equal(res, resolved);
	release(p);
}

static void test_dates_french(void **state)
{
	(void)state;
	expect_date("fr", "Il a annoncé mardi 23 avril sa venue.", "2019-04-20", PRECIS_DATE_DAY_MONTH,
		    "mardi 23 avril", "2019-04-23..2019-04-23");
	expect_date("fr", "Le sommet a eu lieu le 13 septembre 2023 au cosmodrome.", NULL,
		    PRECIS_DATE_FULL, "13 septembre 2023", "2023-09-13..2023-09-13");
	expect_date("fr", "Il se rendra à Pyongyang les 18 et 19 juin prochains.", "2024-06-17",
		    PRECIS_DATE_DAY_MONTH, "18 et 19 juin", "2024-06-18..2024-06-19");
	/* Tuesday 2019-04-23: "jeudi" is two days later, "lundi" the day before. */
	expect_date("fr", "La rencontre aura lieu jeudi.", "2019-04-23", PRECIS_DATE_WEEKDAY, "jeudi",
		    "2019-04-25..2019-04-25");
	expect_date("fr", "Le Kremlin l'a confirmé ce lundi.", "2019-04-23", PRECIS_DATE_WEEKDAY,
		    "lundi", "2019-04-22..2019-04-22");
	expect_date("fr", "Il est venu en septembre dernier.", "2024-06-17", PRECIS_DATE_MONTH,
		    "septembre dernier", "2023-09-01..2023-09-30");
	expect_date("fr", "Tout a changé hier soir.", "2024-03-01", PRECIS_DATE_RELATIVE, "hier",
		    "2024-02-29..2024-02-29");
	expect_date("fr", "C'était l'année dernière.", "2024-03-01", PRECIS_DATE_RELATIVE,
		    "année dernière", "2023-01-01..2023-12-31");
	expect_date("fr", "Il est arrivé le 1er janvier 2020.", NULL, PRECIS_DATE_FULL,
		    "1er janvier 2020", "2020-01-01..2020-01-01");
	/* Year rollover: "28 décembre" in an article of 3 January is last year's. */
	expect_date("fr", "Les faits remontent au 28 décembre.", "2024-01-03", PRECIS_DATE_DAY_MONTH,
		    "28 décembre", "2023-12-28..2023-12-28");
	expect_date("fr", "Le traité date de 2019-04-25.", NULL, PRECIS_DATE_FULL, "2019-04-25",
		    "2019-04-25..2019-04-25");
}

static void test_dates_english(void **state)
{
	(void)state;
	expect_date("en", "The leaders met on April 25, 2019 in Vladivostok.", NULL, PRECIS_DATE_FULL,
		    "April 25, 2019", "2019-04-25..2019-04-25");
	expect_date("en", "The leaders met on 25 April 2019 in Vladivostok.", NULL, PRECIS_DATE_FULL,
		    "25 April 2019", "2019-04-25..2019-04-25");
	expect_date("en", "He resigned yesterday.", "2020-01-01", PRECIS_DATE_RELATIVE, "yesterday",
		    "2019-12-31..2019-12-31");
	expect_date("en", "Talks resumed last week.", "2020-01-15", PRECIS_DATE_RELATIVE, "last week",
		    "2020-01-05..2020-01-11");
	expect_date("en", "The vote is on Monday.", "2020-01-15", PRECIS_DATE_WEEKDAY, "Monday",
		    "2020-01-13..2020-01-13");
	/* "may" the verb is no month. */
	parsed p = parse("Officials may decide soon.", "en", NULL);
	size_t n;
	precis_meta_dates(p.meta, &n);
	assert_int_equal(n, 0);
	release(p);
}

static void test_resolution_needs_reference(void **state)
{
	(void)state;
	precis_date d = { { 0, 0 }, PRECIS_DATE_WEEKDAY, 0, 0, 0, 0, 4, false, 0, 0 };
	precis_ymd a, b, none = { 0, 0, 0 };
	assert_int_equal(precis_date_resolve(&a, &b, &d, none), PRECIS_EINVAL);
	precis_ymd bad;
	assert_int_equal(precis_ymd_parse(&bad, "2019-02-30"), PRECIS_EINVAL);
	assert_int_equal(precis_ymd_parse(&bad, "yesterday"), PRECIS_EINVAL);
}

static const precis_entity *find(const precis_entity *e, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].name, name) == 0)
			return &e[i];
	return NULL;
}

static void test_person_variants(void **state)
{
	(void)state;
	parsed p = parse("Le dirigeant Kim Jong Un est arrivé. Kim Jong-un a salué Vladimir Poutine. "
			 "Puis Kim Jong-Un est reparti, et Poutine aussi. M. Kim a souri.",
			 "fr", NULL);
	size_t n;
	const precis_entity *e = precis_meta_persons(p.meta, &n);
	assert_int_equal(n, 2);
	const precis_entity *kim = find(e, n, "Kim Jong-un");
	if (!kim)
		kim = find(e, n, "Kim Jong-Un");
	if (!kim)
		kim = find(e, n, "Kim Jong Un");
	assert_non_null(kim);
	assert_int_equal(kim->mentions, 4);
	const precis_entity *putin = find(e, n, "Vladimir Poutine");
	assert_non_null(putin);
	assert_int_equal(putin->mentions, 2);
	release(p);
}

static void test_places_and_agencies(void **state)
{
	(void)state;
	parsed p = parse("Selon l'AFP et Reuters, le sommet s'est tenu à Vladivostok, en Russie. "
			 "L'AP a confirmé. Le groupe APPEL et la chaîne AFPTV n'en ont rien dit. "
			 "Un témoin habitant à Saint-Tugdual a parlé.",
			 "fr", NULL);
	size_t n;
	const precis_entity *ag = precis_meta_agencies(p.meta, &n);
	assert_int_equal(n, 3);
	assert_non_null(find(ag, n, "AFP"));
	assert_non_null(find(ag, n, "Reuters"));
	assert_non_null(find(ag, n, "AP"));
	const precis_entity *pl = precis_meta_places(p.meta, &n);
	assert_non_null(find(pl, n, "Vladivostok"));
	assert_non_null(find(pl, n, "Russie"));
	assert_non_null(find(pl, n, "Saint-Tugdual"));
	release(p);
	p = parse("Talks were held in Moscow and North Korea said little.", "en", NULL);
	pl = precis_meta_places(p.meta, &n);
	assert_non_null(find(pl, n, "Moscou"));     /* canonical form of the gazetteer */
	assert_non_null(find(pl, n, "Corée du Nord"));
	release(p);
}

static void check_quote(const char *lang, const char *text, const char *quote, const char *speaker)
{
	parsed p = parse(text, lang, NULL);
	size_t n;
	const precis_quote *q = precis_meta_quotes(p.meta, &n);
	assert_int_equal(n, 1);
	const char *t = precis_doc_text(p.doc, NULL);
	assert_int_equal(q[0].span.end - q[0].span.start, strlen(quote));
	assert_memory_equal(t + q[0].span.start, quote, strlen(quote));
	if (speaker)
		assert_string_equal(q[0].speaker, speaker);
	else
		assert_null(q[0].speaker);
	release(p);
}

static void test_quotes(void **state)
{
	(void)state;
	check_quote("fr", "« Notre président aura des discussions jeudi », a déclaré aux journalistes Iouri Ouchakov.",
		    "Notre président aura des discussions jeudi", "Iouri Ouchakov");
	check_quote("fr", "Kim Jong-un a dit s'attendre à \"un dialogue significatif\" avec Vladimir Poutine.",
		    "un dialogue significatif", "Kim Jong-un");
	check_quote("en", "\"We will not back down,\" said Jens Stoltenberg on Monday.",
		    "We will not back down,", "Jens Stoltenberg");
	check_quote("en", "Angela Merkel told reporters: “The talks were very constructive.”",
		    "The talks were very constructive.", "Angela Merkel");
	/* No reporting verb, no speaker. */
	check_quote("fr", "Le texte parle d'une « relation à jamais invincible » entre les deux pays.",
		    "relation à jamais invincible", NULL);
	/* Two words are not a quote worth reporting. */
	parsed p = parse("Il a parlé de « feu vert » hier.", "fr", NULL);
	size_t n;
	precis_meta_quotes(p.meta, &n);
	assert_int_equal(n, 0);
	release(p);
}

static void test_seeds(void **state)
{
	(void)state;
	size_t len = 0;
	char *t = tu_read_file("examples/004_67d2f7bd1d453721.txt", &len);
	assert_non_null(t);
	precis_doc *d;
	assert_int_equal(precis_doc_new(&d, A, t, len, NULL, NULL), 0);
	precis_meta *m;
	assert_int_equal(precis_meta_new(&m, A, d, NULL), 0);
	precis_ymd a, b;
	assert_int_equal(precis_meta_event_date(m, &a, &b), 0);
	assert_int_equal(a.year, 2023);
	assert_int_equal(a.month, 9);
	assert_int_equal(a.day, 13);
	size_t n;
	const precis_entity *ag = precis_meta_agencies(m, &n);
	assert_non_null(find(ag, n, "TASS"));
	precis_meta_free(m);
	precis_doc_free(d);
	free(t);

	t = tu_read_file("examples/000_a218bc12d536e990.txt", &len);
	assert_int_equal(precis_doc_new(&d, A, t, len, NULL, NULL), 0);
	assert_int_equal(precis_meta_new(&m, A, d, NULL), 0);
	const precis_quote *q = precis_meta_quotes(m, &n);
	assert_true(n >= 1);
	assert_string_equal(q[0].speaker, "Iouri Ouchakov");
	ag = precis_meta_agencies(m, &n);
	assert_non_null(find(ag, n, "AFP"));
	assert_non_null(find(ag, n, "KCNA"));
	precis_meta_free(m);
	precis_doc_free(d);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_french),
		cmocka_unit_test(test_dates_english),
		cmocka_unit_test(test_resolution_needs_reference),
		cmocka_unit_test(test_person_variants),
		cmocka_unit_test(test_places_and_agencies),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests_name("meta", tests, tu_setup, tu_teardown);
}
