/*
 * Unit tests: datelines, bylines, published and updated lines as evidence
 * of an article's date, outlet and place (clean_evidence.c,
 * meta_evidence.c), and that they stay out of the body and the headline.
 */

#include "testutil.h"

typedef struct {
	precis_doc *doc;
	precis_meta *meta;
} parsed;

static parsed parse(const char *text, const char *lang, const char *pubdate)
{
	parsed p = { NULL, NULL };
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = lang;
	assert_int_equal(precis_doc_new(&p.doc, A, text, strlen(text), &o, NULL), 0);
	assert_int_equal(precis_meta_new(&p.meta, A, p.doc, pubdate), 0);
	return p;
}

static void release(parsed p)
{
	precis_meta_free(p.meta);
	precis_doc_free(p.doc);
}

static void expect_ymd(precis_ymd got, int y, int m, int d)
{
	if (got.year != y || got.month != m || got.day != d)
		fail_msg("date %04d-%02d-%02d, want %04d-%02d-%02d", got.year, got.month, got.day, y,
			 m, d);
}

static void expect_headline(const parsed *p, const char *want)
{
	precis_span h = precis_doc_headline(p->doc);
	const char *t = precis_doc_text(p->doc, NULL);
	if (h.end - h.start != strlen(want) || memcmp(t + h.start, want, strlen(want)) != 0)
		fail_msg("headline \"%.*s\", want \"%s\"", (int)(h.end - h.start), t + h.start, want);
}

/* No sentence of the body contains needle. */
static void expect_not_body(const parsed *p, const char *needle)
{
	const char *t = precis_doc_text(p->doc, NULL);
	for (size_t i = 0; i < precis_doc_sentence_count(p->doc); i++) {
		precis_span s = precis_doc_sentence(p->doc, i);
		char buf[512];
		snprintf(buf, sizeof buf, "%.*s", (int)(s.end - s.start), t + s.start);
		if (strstr(buf, needle))
			fail_msg("sentence %zu \"%s\" contains \"%s\"", i, buf, needle);
	}
}

static void test_french_published_and_byline(void **state)
{
	(void)state;
	parsed p = parse("Bruxelles inflige une amende de 1,8 milliard d'euros à Apple\n\n"
			 "Par Le Monde\n"
			 "Publié le 04/03/2024 à 12:15, mis à jour à 14:02\n\n"
			 "La Commission européenne a infligé lundi une amende de 1,8 milliard "
			 "d'euros à Apple pour abus de position dominante.\n"
			 "Apple a annoncé son intention de faire appel de la décision.\n"
			 "Le règlement sur les marchés numériques entrera en vigueur le 7 mars.\n",
			 "fr", NULL);
	size_t n;
	const precis_evidence *e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 2);
	assert_int_equal(e[0].kind, PRECIS_EVIDENCE_BYLINE);
	assert_int_equal(e[0].line, 3);
	assert_string_equal(e[0].outlet, "Le Monde");
	assert_int_equal(e[1].kind, PRECIS_EVIDENCE_PUBLISHED);
	assert_int_equal(e[1].line, 4);
	expect_ymd(e[1].date, 2024, 3, 4);
	assert_string_equal(precis_evidence_kind_name(e[1].kind), "published");
	precis_ymd pub, a, b;
	size_t which = 99;
	assert_int_equal(precis_meta_published(p.meta, &pub, &which), 0);
	expect_ymd(pub, 2024, 3, 4);
	assert_int_equal(which, 1);
	assert_string_equal(precis_doc_outlet(p.doc), "Le Monde");
	assert_string_equal(precis_meta_outlet(p.meta, &which), "Le Monde");
	assert_int_equal(which, 0);
	/* The page's date outvotes "le 7 mars" in the last sentence. */
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 3, 4);
	expect_headline(&p, "Bruxelles inflige une amende de 1,8 milliard d'euros à Apple");
	expect_not_body(&p, "Publié");
	expect_not_body(&p, "Par Le Monde");
	release(p);
}

static void test_dateline_heading_paragraph(void **state)
{
	(void)state;
	parsed p = parse("EU fines Apple 1.8 billion euros over music streaming\n\n"
			 "By Foo Yun Chee, Reuters\n"
			 "BRUSSELS, March 4 (Reuters) - EU antitrust regulators fined Apple 1.8 "
			 "billion euros on Monday for preventing music streaming rivals from "
			 "telling users about cheaper options.\n"
			 "Apple said it would appeal the decision in court.\n",
			 "en", "2024-03-05");
	size_t n;
	const precis_evidence *e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 2);
	assert_int_equal(e[1].kind, PRECIS_EVIDENCE_DATELINE);
	assert_string_equal(e[1].outlet, "Reuters");
	assert_string_equal(e[1].place, "Brussels");
	expect_ymd(e[1].date, 0, 3, 4); /* no year given */
	assert_string_equal(precis_meta_dateline_place(p.meta), "Brussels");
	assert_string_equal(precis_doc_outlet(p.doc), "Reuters");
	/* The paragraph after the dash stays body, without its dateline. */
	assert_true(precis_doc_sentence_count(p.doc) >= 2);
	precis_span s0 = precis_doc_sentence(p.doc, 0);
	assert_memory_equal(precis_doc_text(p.doc, NULL) + s0.start, "EU antitrust", 12);
	expect_not_body(&p, "BRUSSELS");
	/* "March 4" takes the reference's year. */
	precis_ymd a, b;
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 3, 4);
	release(p);
}

static void test_dateline_line_and_wire_alias(void **state)
{
	(void)state;
	parsed p = parse("Strongest earthquake in 25 years shakes Taiwan\n\n"
			 "HUALIEN, Taiwan (Associated Press) — April 3, 2024\n"
			 "A powerful earthquake of magnitude 7.4 struck Taiwan on Wednesday "
			 "morning, killing at least nine people in the county of Hualien.\n"
			 "Photo: © Sam Yeh / AFP\n",
			 "en", NULL);
	size_t n;
	const precis_evidence *e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].kind, PRECIS_EVIDENCE_DATELINE);
	assert_int_equal(e[0].line, 3);
	assert_string_equal(e[0].outlet, "AP");
	assert_string_equal(e[0].place, "Hualien");
	expect_ymd(e[0].date, 2024, 4, 3);
	/* The photo credit's AFP does not make the page AFP copy. */
	assert_string_equal(precis_doc_outlet(p.doc), "AP");
	precis_ymd pub, a, b;
	assert_int_equal(precis_meta_published(p.meta, &pub, NULL), 0);
	expect_ymd(pub, 2024, 4, 3);
	/* "on Wednesday" resolves against the dateline's day. */
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 4, 3);
	expect_not_body(&p, "HUALIEN");
	release(p);
}

static void test_outlet_and_date_line(void **state)
{
	(void)state;
	parsed p = parse("Taïwan frappé par son plus fort séisme depuis vingt-cinq ans\n\n"
			 "Libération, 3 avril 2024\n\n"
			 "Un puissant séisme de magnitude 7,4 a frappé Taïwan mercredi matin, "
			 "faisant au moins neuf morts dans le comté de Hualien.\n",
			 "fr", NULL);
	size_t n;
	const precis_evidence *e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].kind, PRECIS_EVIDENCE_PUBLISHED);
	assert_string_equal(e[0].outlet, "Libération");
	expect_ymd(e[0].date, 2024, 4, 3);
	assert_string_equal(precis_doc_outlet(p.doc), "Libération");
	expect_not_body(&p, "Libération");
	release(p);
}

/* A title before the wire it credits; one display name per wire. */
static void test_bylines(void **state)
{
	(void)state;
	parsed p = parse("Streaming musical : Apple condamné à une amende record\n\n"
			 "Par Le Figaro avec AFP\n"
			 "Mis à jour le 04/03/2024 à 18:40\n\n"
			 "La Commission européenne a condamné lundi Apple à une amende de 1,8 "
			 "milliard d'euros pour abus de position dominante.\n",
			 "fr", NULL);
	size_t n;
	const precis_evidence *e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].outlet, "Le Figaro");
	assert_int_equal(e[1].kind, PRECIS_EVIDENCE_UPDATED);
	assert_string_equal(precis_doc_outlet(p.doc), "Le Figaro");
	release(p);

	p = parse("Notre-Dame cathedral reopens five years after fire\n\n"
		  "By Hugh Schofield, BBC News, Paris\n\n"
		  "Notre-Dame cathedral in Paris reopened on Saturday, five years after a fire "
		  "destroyed its roof and spire.\n",
		  "en", NULL);
	e = precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].kind, PRECIS_EVIDENCE_BYLINE);
	assert_string_equal(e[0].outlet, "BBC");
	assert_string_equal(e[0].place, "Paris");
	assert_string_equal(precis_doc_outlet(p.doc), "BBC");
	release(p);
}

/* The outlet after the staff words ([staff-of]), and a year in two digits. */
static void test_staff_bylines_short_year(void **state)
{
	(void)state;
	static const struct {
		const char *byline, *lang, *outlet;
	} cases[] = {
		{ "Par la rédaction de L'Équipe", "fr", "L'Équipe" },
		{ "Par la rédaction d\u2019Ouest-France", "fr", "Ouest-France" },
		{ "Par la rédaction d'Ouest-France", "fr", "Ouest-France" },
		{ "By the staff of Reuters", "fr", "Reuters" }, /* English cues hold for every language */
		{ "Par L'Équipe", "fr", "L'Équipe" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char text[512];
		snprintf(text, sizeof text,
			 "Une cérémonie d'ouverture sous la pluie sur la Seine\n\n%s\n"
			 "Publié le 27/07/24 à 00h12\n\n"
			 "Les Jeux de Paris ont été ouverts vendredi soir par une cérémonie inédite "
			 "sur la Seine, où des milliers d'athlètes ont navigué.\n",
			 cases[k].byline);
		parsed p = parse(text, cases[k].lang, NULL);
		assert_non_null(precis_doc_outlet(p.doc));
		assert_string_equal(precis_doc_outlet(p.doc), cases[k].outlet);
		precis_ymd pub;
		assert_int_equal(precis_meta_published(p.meta, &pub, NULL), 0);
		expect_ymd(pub, 2024, 7, 27);
		release(p);
	}
}

/* A page published after midnight: the lead's "vendredi soir" is the event's day. */
static void test_lead_day_before_page(void **state)
{
	(void)state;
	parsed p = parse("Paris a ébloui le monde malgré la pluie\n\n"
			 "Publié le 27/07/24 à 00h12\n\n"
			 "Les Jeux de Paris ont été ouverts vendredi soir par une cérémonie inédite "
			 "sur la Seine.\n"
			 "La flamme restera allumée jusqu'au 11 août.\n",
			 "fr", NULL);
	precis_ymd a, b, pub;
	assert_int_equal(precis_meta_published(p.meta, &pub, NULL), 0);
	expect_ymd(pub, 2024, 7, 27);
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 7, 26);
	expect_ymd(b, 2024, 7, 26);
	release(p);
	/* Published and updated on one line: one date line, out of the body. */
	p = parse("La BCE baisse ses taux pour la première fois depuis 2019\n"
		  "Publié le 6 juin 2024 à 14:32 Mis à jour le 6 juin 2024 à 16:10\n"
		  "La Banque centrale européenne a abaissé jeudi ses taux directeurs d'un quart "
		  "de point.\n",
		  "fr", NULL);
	assert_int_equal(precis_meta_published(p.meta, &pub, NULL), 0);
	expect_ymd(pub, 2024, 6, 6);
	expect_not_body(&p, "Mis à jour");
	release(p);
	/* The same day as the page, or no day in the lead: the page's date. */
	p = parse("Paris a ébloui le monde malgré la pluie\n\n"
		  "Publié le 27/07/24 à 00h12\n\n"
		  "Les Jeux de Paris ont été ouverts par une cérémonie inédite sur la Seine.\n"
		  "La flamme restera allumée jusqu'au 11 août.\n",
		  "fr", NULL);
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 7, 27);
	release(p);
}

/* "Story 1: Publié le 4 mars 2024 à 11h02" must never happen. */
static void test_headline_skips_evidence(void **state)
{
	(void)state;
	parsed p = parse("Publié le 4 mars 2024 à 11h02\n"
			 "Apple condamné par Bruxelles à une amende record\n"
			 "Par Le Figaro\n\n"
			 "La Commission européenne a condamné lundi Apple à une amende de 1,8 "
			 "milliard d'euros pour abus de position dominante.\n"
			 "Apple a indiqué qu'il ferait appel de cette décision.\n",
			 "fr", NULL);
	expect_headline(&p, "Apple condamné par Bruxelles à une amende record");
	precis_ymd pub;
	assert_int_equal(precis_meta_published(p.meta, &pub, NULL), 0);
	expect_ymd(pub, 2024, 3, 4);
	expect_not_body(&p, "Publié");
	release(p);
}

/* Sentences that start like evidence stay body; a kicker in capitals is no dateline. */
static void test_not_evidence(void **state)
{
	(void)state;
	parsed p = parse("VIDÉO - Privacy rules are twenty-five years old this week\n\n"
			 "EXCLUSIVE\n\n"
			 "Published in 1998, the first privacy directive was never updated by the "
			 "member states that signed it.\n"
			 "By the end of the decade, regulators wanted new powers, officials said.\n",
			 "en", NULL);
	size_t n;
	precis_meta_evidence(p.meta, &n);
	assert_int_equal(n, 0);
	precis_ymd pub;
	assert_int_equal(precis_meta_published(p.meta, &pub, NULL), PRECIS_EEMPTY);
	assert_null(precis_meta_outlet(p.meta, NULL));
	assert_null(precis_meta_dateline_place(p.meta));
	assert_int_equal(precis_doc_sentence_count(p.doc), 2);
	expect_headline(&p, "VIDÉO - Privacy rules are twenty-five years old this week");
	release(p);
}

/* A pubdate that is not ISO 8601 is flagged and the page's own date used. */
static void test_non_iso_pubdate(void **state)
{
	(void)state;
	const char *text = "Notre-Dame de Paris rouvre ses portes\n\n"
			   "Publié le 07/12/2024 à 21h30\n\n"
			   "La cathédrale a rouvert ses portes samedi, cinq ans après l'incendie "
			   "qui avait détruit sa toiture.\n";
	parsed p = parse(text, "fr", "04/03/2024");
	assert_true(precis_meta_pubdate_invalid(p.meta));
	precis_ymd a, b;
	assert_int_equal(precis_meta_event_date(p.meta, &a, &b), 0);
	expect_ymd(a, 2024, 12, 7);
	release(p);
	p = parse(text, "fr", "2024-12-08");
	assert_false(precis_meta_pubdate_invalid(p.meta));
	release(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french_published_and_byline),
		cmocka_unit_test(test_dateline_heading_paragraph),
		cmocka_unit_test(test_dateline_line_and_wire_alias),
		cmocka_unit_test(test_outlet_and_date_line),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_staff_bylines_short_year),
		cmocka_unit_test(test_lead_day_before_page),
		cmocka_unit_test(test_headline_skips_evidence),
		cmocka_unit_test(test_not_evidence),
		cmocka_unit_test(test_non_iso_pubdate),
	};
	return cmocka_run_group_tests_name("evidence", tests, tu_setup, tu_teardown);
}
