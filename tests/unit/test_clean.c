/* Unit tests: boilerplate removal, headline and outlet (clean.c). */
#include "testutil.h"

#include "precis.h"

/*
 * A page is written one line per input line as "EXPECT<TAB>text", EXPECT
 * being "keep" or the drop reason. The test strips the expectations, cleans
 * the text and compares line by line.
 */
static void check_page(const char *lang, const char *page, const char *headline,
		       const char *outlet)
{
	char *text = malloc(strlen(page) + 1), *want[128];
	size_t tn = 0, nw = 0;
	for (const char *p = page; *p;) {
		const char *tab = strchr(p, '\t'), *eol = strchr(p, '\n');
		assert_non_null(tab);
		assert_non_null(eol);
		want[nw++] = strndup(p, (size_t)(tab - p));
		memcpy(text + tn, tab + 1, (size_t)(eol - tab));
		tn += (size_t)(eol - tab);
		p = eol + 1;
	}
	text[tn] = '\0';
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = lang;
	precis_cleaned *c;
	precis_error err;
	assert_int_equal(precis_clean_new(&c, A, text, tn, &o, &err), 0);
	assert_int_equal(precis_cleaned_line_count(c), nw);
	for (size_t i = 0; i < nw; i++) {
		const char *reason;
		precis_span sp = precis_cleaned_line(c, i, &reason);
		const char *got = reason ? reason : "keep";
		if (strcmp(got, want[i]) != 0)
			fail_msg("line %zu \"%.*s\": got %s, want %s", i + 1, (int)(sp.end - sp.start),
				 text + sp.start, got, want[i]);
		free(want[i]);
	}
	precis_span h = precis_cleaned_headline(c);
	if (headline) {
		assert_int_equal(h.end - h.start, strlen(headline));
		assert_memory_equal(text + h.start, headline, strlen(headline));
	} else {
		assert_int_equal(h.end, h.start);
	}
	if (outlet)
		assert_string_equal(precis_cleaned_outlet(c), outlet);
	else
		assert_null(precis_cleaned_outlet(c));
	precis_cleaned_free(c);
	free(text);
}

static void test_french_page(void **state)
{
	(void)state;
	check_page("fr",
		   "breadcrumb\tAccueil | Politique | Le budget adopté\n"
		   "menu\tConnexion\n"
		   "menu\tÉconomie\n"
		   "menu\tCulture\n"
		   "headline\tLe budget 2025 adopté de justesse à l'Assemblée | LeJournal.fr\n"
		   "credit\tLe Premier ministre à l'Assemblée nationale, mardi. / JEAN DUPONT / AFP\n"
		   "keep\tLe projet de budget a été adopté mardi soir par 289 voix contre 270, au terme de trois semaines de débats tendus.\n"
		   "keep\tL'opposition, qui dénonce une « newsletter électorale » du gouvernement, a annoncé un recours devant le Conseil constitutionnel.\n"
		   "widget\tLire aussi : Les principales mesures du budget\n"
		   "keep\tUn vote serré\n"
		   "keep\tSelon l'AFP, plusieurs députés de la majorité se sont abstenus, ce qui a failli coûter l'adoption du texte.\n"
		   "duplicate\tLe projet de budget a été adopté mardi soir par 289 voix contre 270, au terme de trois semaines de débats tendus.\n"
		   "signature\t(avec AFP)\n"
		   "widget\tPartagez cet article\n"
		   "widget\t12 commentaires\n"
		   "widget\tInscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.\n"
		   "widget\t© LeJournal 2025 - Tous droits réservés\n",
		   "Le budget 2025 adopté de justesse à l'Assemblée", "LeJournal");
}

static void test_english_page(void **state)
{
	(void)state;
	check_page("en",
		   "menu\tHome\n"
		   "menu\tWorld\n"
		   "menu\tBusiness\n"
		   "menu\tSport\n"
		   "headline\tFloods force thousands from their homes in northern Italy\n"
		   "credit\tRescue teams in Bologna on Wednesday. Photo: GETTY IMAGES\n"
		   "keep\tThousands of people were evacuated on Wednesday as rivers burst their banks across Emilia-Romagna, officials said.\n"
		   "widget\tAdvertisement\n"
		   "keep\tThe regional president said the damage would run into billions of euros, and asked Rome for emergency funds.\n"
		   "widget\tRead more: Why Europe's floods are getting worse\n"
		   "keep\tReuters reported that at least nine people had died, a figure the civil protection agency later confirmed.\n"
		   "widget\tShare this article\n"
		   "widget\tSign up for our newsletter to get the day's top stories.\n"
		   "widget\tCopyright 2024 The Daily Example. All rights reserved.\n",
		   "Floods force thousands from their homes in northern Italy", NULL);
}

static void test_markup_script_templates(void **state)
{
	(void)state;
	check_page("fr",
		   "markup\t<div class=\"x\">\n"
		   "markup\t***\n"
		   "script\twindow.pvp_436c = new Pvp('dmpublic', {idDM: \"x7vv\"});\n"
		   "template\tnews-details\n"
		   "keep\tLa mairie a inauguré lundi une nouvelle ligne de tramway qui relie le centre à l'aéroport en vingt minutes.\n"
		   "template\tfr-02\n",
		   NULL, NULL);
}

static void test_body_with_cue_words_is_kept(void **state)
{
	(void)state;
	/* Weak cues never drop a real sentence; the headline comes before the body. */
	check_page("en",
		   "headline\tNewsletter firms face new privacy rules in Europe\n"
		   "keep\tCompanies that send a newsletter to customers will have to ask for consent again, the commission said on Monday.\n"
		   "keep\tThe home affairs committee, which reviews comments from the public, will vote on the text in June.\n"
		   "keep\tMenu prices will not be affected.\n",
		   "Newsletter firms face new privacy rules in Europe", NULL);
}

static void test_site_name_repeated(void **state)
{
	(void)state;
	check_page("fr",
		   "site\tLe Petit Écho\n"
		   "headline\tUne nouvelle école ouvre ses portes à Montreuil\n"
		   "keep\tLa commune a inauguré lundi une école de douze classes, la première construite depuis vingt ans dans le quartier.\n"
		   "keep\tLes travaux ont coûté huit millions d'euros, financés en partie par la région et par l'État.\n"
		   "site\tLe Petit Écho\n",
		   "Une nouvelle école ouvre ses portes à Montreuil", "Le Petit Écho");
}

static void test_no_headline_when_body_comes_first(void **state)
{
	(void)state;
	check_page("fr",
		   "keep\tLe conseil municipal a voté jeudi la gratuité des transports pour les moins de vingt-cinq ans, une première dans la région.\n"
		   "keep\tUne mesure attendue\n"
		   "keep\tLe dispositif entrera en vigueur le 1er septembre et coûtera environ deux millions d'euros par an à la ville.\n",
		   NULL, NULL);
}

static void test_seeds_keep_every_body_paragraph(void **state)
{
	(void)state;
	/* Each seed's body paragraphs start like this and must survive cleaning. */
	static const struct {
		const char *file, *head, *outlet;
		int kept;
	} seeds[] = {
		{ "examples/000_a218bc12d536e990.txt", "Rencontre Poutine-Kim en Extr\xC3\xAAme-Orient russe jeudi", NULL, 7 },
		{ "examples/001_60c60c439b538c3c.txt", "Sommet Cor\xC3\xA9" "e du Nord - Russie : Kim Jong-un et Vladimir Poutine renforcent les liens entre leurs deux pays", "Atlantico", 6 },
		{ "examples/002_247d40d0ead6c7e3.txt", NULL, NULL, 8 },
		{ "examples/003_0ed67731ac4c45f8.txt", "Poutine rencontrera Kim Jong-un les 18 et 19 juin en Cor\xC3\xA9" "e du Nord, sa premi\xC3\xA8re visite en 24 ans", NULL, 10 },
		{ "examples/004_67d2f7bd1d453721.txt", "Russie: fin des discussions entre Kim Jong-un et Vladimir Poutine apr\xC3\xA8s plus de deux heures", "Le Placentin", 7 },
	};
	for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
		size_t len = 0;
		char *text = tu_read_file(seeds[k].file, &len);
		assert_non_null(text);
		precis_cleaned *c;
		assert_int_equal(precis_clean_new(&c, A, text, len, NULL, NULL), 0);
		int kept = 0;
		for (size_t i = 0; i < precis_cleaned_line_count(c); i++) {
			const char *reason;
			precis_span sp = precis_cleaned_line(c, i, &reason);
			if (reason)
				continue;
			kept++;
			/* No kept line is boilerplate: no credit slash, no widget words. */
			char line[4096];
			snprintf(line, sizeof line, "%.*s", (int)(sp.end - sp.start), text + sp.start);
			assert_null(strstr(line, " / AFP"));
			assert_null(strstr(line, "Partagez"));
			assert_null(strstr(line, "newsletter"));
		}
		assert_int_equal(kept, seeds[k].kept);
		precis_span h = precis_cleaned_headline(c);
		if (seeds[k].head) {
			assert_int_equal(h.end - h.start, strlen(seeds[k].head));
			assert_memory_equal(text + h.start, seeds[k].head, h.end - h.start);
		} else {
			assert_int_equal(h.end, h.start);
		}
		if (seeds[k].outlet)
			assert_string_equal(precis_cleaned_outlet(c), seeds[k].outlet);
		else
			assert_null(precis_cleaned_outlet(c));
		precis_cleaned_free(c);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french_page),
		cmocka_unit_test(test_english_page),
		cmocka_unit_test(test_markup_script_templates),
		cmocka_unit_test(test_body_with_cue_words_is_kept),
		cmocka_unit_test(test_site_name_repeated),
		cmocka_unit_test(test_no_headline_when_body_comes_first),
		cmocka_unit_test(test_seeds_keep_every_body_paragraph),
	};
	return cmocka_run_group_tests_name("clean", tests, tu_setup, tu_teardown);
}
