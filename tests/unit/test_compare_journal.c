/*
 * Unit tests: what a reader of a comparison must be able to trust (issue
 * 16): the event date from the dateline before later mentions, record
 * dates that are not ISO 8601, facts matched across languages, distinctive
 * wording within a language, entity types and dateline places.
 */
#include "testutil.h"

#include "compare.h"

static precis_article_input art(const char *id, const char *text, const char *date)
{
	precis_article_input a = { id, text, strlen(text), NULL, NULL, date, NULL };
	return a;
}

static const char *REUTERS =
	"EU fines Apple 1.8 billion euros over music streaming\n\n"
	"By Foo Yun Chee, Reuters\n"
	"BRUSSELS, March 4 (Reuters) - EU antitrust regulators fined Apple 1.8 billion euros on "
	"Monday for preventing music streaming rivals such as Spotify from telling users about "
	"cheaper options outside the App Store.\n"
	"The European Commission said Apple had abused its dominant position for a decade.\n"
	"Apple said it would appeal the decision in court.\n"
	"New rules under the Digital Markets Act take effect on March 7.\n";

/* The dateline's day, not the day a law takes effect named in the last sentence. */
static void test_event_date_from_dateline(void **state)
{
	(void)state;
	precis_article_input in[1] = { art("reuters", REUTERS, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_string_equal(c->articles[0].event_date, "--03-04");
	assert_string_equal(c->articles[0].event_date_source, "dateline");
	precis_comparison_free(c);
}

/* A later mention still dates an article that has nothing else. */
static void test_event_date_later_mention_last(void **state)
{
	(void)state;
	const char *t = "The city council met for three hours and approved the budget for the "
			"coming year after a long debate. The new parking rules will take effect "
			"on March 7 in every district of the city.";
	precis_article_input in[1] = { art("x", t, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_string_equal(c->articles[0].event_date, "--03-07");
	assert_string_equal(c->articles[0].event_date_source, "later mention");
	precis_comparison_free(c);
}

static void test_record_date_not_iso(void **state)
{
	(void)state;
	const char *fr = "La Commission européenne a infligé une amende de 1,8 milliard d'euros à "
			 "Apple pour abus de position dominante. Apple fera appel de la décision.";
	const char *en = "EU regulators fined Apple 1.8 billion euros for abusing its dominant "
			 "position in music streaming. Apple said it would appeal the decision.";
	precis_article_input in[4] = { art("fr", fr, "04/03/2024"), art("en", en, "04/03/2024"),
				       art("day", en, "13/03/2024"), art("iso", en, "2024-03-05") };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, NULL, NULL), 0);
	/* French writes the day first: read, with a warning naming what was given. */
	assert_string_equal(precis_comparison_article_date(c, 0), "2024-03-04");
	assert_non_null(strstr(precis_comparison_article_warning(c, 0), "04/03/2024"));
	/* English writes both orders: ignored, with a warning. */
	assert_null(precis_comparison_article_date(c, 1));
	assert_non_null(strstr(precis_comparison_article_warning(c, 1), "ignored"));
	/* A day over 12 leaves no doubt. */
	assert_string_equal(precis_comparison_article_date(c, 2), "2024-03-13");
	assert_non_null(precis_comparison_article_warning(c, 2));
	assert_null(precis_comparison_article_warning(c, 3));
	assert_string_equal(precis_comparison_article_date(c, 3), "2024-03-05");
	precis_comparison_free(c);
}

static const char *AP =
	"Strongest earthquake in 25 years shakes Taiwan, killing at least 9\n\n"
	"HUALIEN, Taiwan (AP) — April 3, 2024\n"
	"A powerful earthquake of magnitude 7.4 struck Taiwan on Wednesday morning, killing at least "
	"nine people and injuring more than 800 in the eastern county of Hualien.\n"
	"The quake was the strongest to hit the island in 25 years, the Central Weather "
	"Administration said.\n"
	"\"The earthquake is close to land and it's shallow,\" said Wu Chien-fu, director of the "
	"seismology center.\n"
	"The island's railway operator suspended all trains for the rest of the day.\n";

static const char *LIBE =
	"Taïwan frappé par son plus fort séisme depuis vingt-cinq ans\n\n"
	"Libération, 3 avril 2024\n\n"
	"Un puissant séisme de magnitude 7,4 a frappé Taïwan mercredi matin, "
	"faisant au moins neuf morts et plus de 800 blessés dans le comté de Hualien.\n"
	"« Le séisme est proche de la terre et peu profond », a déclaré "
	"Wu Chien-fu, directeur du centre de sismologie.\n"
	"C'est le séisme le plus fort sur l'île depuis 25 ans, selon l'administration "
	"météorologique centrale.\n"
	"La présidente Tsai Ing-wen a appelé la population à la prudence depuis "
	"Taipei, où les immeubles ont oscillé pendant une minute.\n";

static const px_story *story_with(const precis_comparison *c, size_t article)
{
	return &c->stories[c->articles[article].story];
}

/* Same toll, magnitude, place and quoted seismologist: shared, never "only here". */
static void test_facts_across_languages(void **state)
{
	(void)state;
	precis_article_input in[2] = { art("ap", AP, "2024-04-03"), art("libe", LIBE, "2024-04-03") };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.stories = 1;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o, NULL), 0);
	assert_int_equal(c->nstories, 1);
	const px_story *st = story_with(c, 0);
	assert_int_equal(st->nlangs, 2);
	size_t lead = 0, quote = 0;
	for (size_t k = 0; k < st->nshared; k++) {
		const px_fact *f = &st->shared[k];
		assert_true(f->anchored);
		assert_int_equal(f->narticles, 2);
		lead += strstr(f->text, "magnitude") != NULL;
		quote += strstr(f->text, "Wu Chien-fu") != NULL;
	}
	assert_int_equal(lead, 1);
	assert_int_equal(quote, 1);
	/* Trains (AP) and Tsai Ing-wen (Libération) are each one outlet's own. */
	bool trains = false, tsai = false;
	for (size_t k = 0; k < c->articles[0].nunique; k++)
		trains |= strstr(c->articles[0].unique[k], "railway") != NULL;
	for (size_t k = 0; k < c->articles[1].nunique; k++)
		tsai |= strstr(c->articles[1].unique[k], "Tsai") != NULL;
	assert_true(tsai);
	/* The railway sentence has no number or name to look for in French: unchecked. */
	assert_false(trains);
	/* The strongest-in-25-years sentence shares "25" alone: never "only here". */
	for (size_t k = 0; k < c->articles[0].nunique; k++)
		assert_null(strstr(c->articles[0].unique[k], "strongest"));
	assert_true(c->articles[0].unchecked >= 2);
	precis_comparison_free(c);
}

/* Two sentences sharing one name only are not one fact; nor two names of the whole story. */
static void test_anchor_rule(void **state)
{
	(void)state;
	const char *en = "Apple said on Monday it would appeal the decision of the European "
			 "Commission in court. Apple shares fell 2 percent in New York trading.";
	const char *fr = "Apple a critiqué la Commission sans donner de chiffre ni de date pour la "
			 "suite. Les analystes restent prudents sur l'avenir du groupe californien.";
	precis_article_input in[2] = { art("en", en, "2024-03-04"), art("fr", fr, "2024-03-04") };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.stories = 1; /* one story whatever the evidence: the facts are under test */
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o, NULL), 0);
	assert_int_equal(c->nstories, 1);
	/* "Apple" and "Commission": two names, no number or date in common. */
	assert_int_equal(c->stories[0].nshared, 0);
	precis_comparison_free(c);
}

/* "1,8 milliard" is "1.8 billion", "1 500" is "1,500": numbers match by value. */
static void test_numbers_by_value(void **state)
{
	(void)state;
	const char *en = "Regulators fined the group 1.8 billion euros and ordered it to pay 1,500 "
			 "former workers within a month. The company plans to appeal in court.";
	const char *fr = "Les autorités ont infligé au groupe une amende de 1,8 milliard d'euros et "
			 "lui imposent d'indemniser 1 500 anciens salariés. Le groupe compte faire appel.";
	precis_article_input in[2] = { art("en", en, "2024-03-04"), art("fr", fr, "2024-03-04") };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.stories = 1;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_true(c->stories[0].nshared >= 1);
	const px_fact *f = &c->stories[0].shared[0];
	assert_true(f->anchored);
	assert_int_equal(f->nanchors, 2);
	precis_comparison_free(c);
}

/* Stop and function words are never distinctive; other languages are not peers. */
static void test_distinctive_within_language(void **state)
{
	(void)state;
	const char *a = "Le gouvernement a plus avoir été est annoncé une réforme des retraites "
			"avoir plus avoir plus été. La réforme des retraites avoir plus été repousse "
			"l'âge légal. Les syndicats appellent à la grève contre la réforme des retraites.";
	const char *b = "Le gouvernement a présenté mercredi son projet sur les pensions. Le projet "
			"repousse l'âge légal de départ. Les syndicats dénoncent un projet injuste et "
			"appellent à manifester.";
	const char *en = "The French government presented its pension reform on Wednesday, raising "
			 "the legal retirement age. Unions called for strikes against the pension "
			 "reform of the government.";
	precis_article_input in[3] = { art("a", a, "2024-03-04"), art("b", b, "2024-03-04"),
				       art("c", en, "2024-03-04") };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.stories = 1;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 3, &o, NULL), 0);
	assert_int_equal(c->nstories, 1);
	for (size_t i = 0; i < 2; i++) {
		const px_article *pa = &c->articles[i];
		assert_int_equal(pa->distinctive_peers, 1);
		for (size_t k = 0; k < pa->ndistinctive; k++) {
			assert_true(pa->distinctive[k].score >= 1.96);
			assert_string_not_equal(pa->distinctive[k].name, "avoir");
			assert_string_not_equal(pa->distinctive[k].name, "plus");
			assert_string_not_equal(pa->distinctive[k].name, "été");
		}
	}
	/* The English article has no English peer: not compared at all. */
	assert_int_equal(c->articles[2].distinctive_peers, 0);
	assert_int_equal(c->articles[2].ndistinctive, 0);
	precis_comparison_free(c);
}

static precis_meta *meta_of(precis_doc **d, const char *text, const char *lang)
{
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = lang;
	precis_meta *m;
	assert_int_equal(precis_doc_new(d, A, text, strlen(text), &o, NULL), 0);
	assert_int_equal(precis_meta_new(&m, A, *d, NULL), 0);
	return m;
}

static bool has(const precis_entity *e, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].name, name) == 0)
			return true;
	return false;
}

/* A company fined "à Apple" is no place: the text makes it act ("Apple a indiqué"). */
static void test_entity_types(void **state)
{
	(void)state;
	precis_doc *d;
	precis_meta *m = meta_of(&d,
		"La Commission européenne a infligé lundi une amende record à Apple pour abus de "
		"position dominante. Bruxelles reproche à Apple d'avoir bridé Spotify. Apple a "
		"indiqué qu'il ferait appel. La cathédrale Notre-Dame de Paris a rouvert ses portes.",
		"fr");
	size_t np, nq;
	const precis_entity *pl = precis_meta_places(m, &np);
	const precis_entity *pe = precis_meta_persons(m, &nq);
	assert_false(has(pl, np, "Apple"));
	assert_false(has(pl, np, "Spotify"));
	assert_false(has(pe, nq, "Notre-Dame de"));
	assert_true(has(pl, np, "Paris"));
	precis_meta_free(m);
	precis_doc_free(d);
	m = meta_of(&d, REUTERS, "en");
	pe = precis_meta_persons(m, &nq);
	assert_false(has(pe, nq, "Digital Markets Act"));
	assert_false(has(pe, nq, "App Store"));
	precis_meta_free(m);
	precis_doc_free(d);
}

/* The dateline's place is a place of the article, as the gazetteer names it. */
static void test_dateline_place(void **state)
{
	(void)state;
	precis_doc *d;
	precis_meta *m = meta_of(&d, REUTERS, "en");
	size_t np;
	const precis_entity *pl = precis_meta_places(m, &np);
	assert_true(has(pl, np, "Bruxelles")); /* "BRUSSELS, March 4 (Reuters)" */
	precis_meta_free(m);
	precis_doc_free(d);
	m = meta_of(&d, AP, "en");
	pl = precis_meta_places(m, &np);
	assert_true(has(pl, np, "Hualien")); /* "HUALIEN, Taiwan (AP)" */
	precis_meta_free(m);
	precis_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_date_from_dateline),
		cmocka_unit_test(test_event_date_later_mention_last),
		cmocka_unit_test(test_record_date_not_iso),
		cmocka_unit_test(test_facts_across_languages),
		cmocka_unit_test(test_anchor_rule),
		cmocka_unit_test(test_numbers_by_value),
		cmocka_unit_test(test_distinctive_within_language),
		cmocka_unit_test(test_entity_types),
		cmocka_unit_test(test_dateline_place),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
