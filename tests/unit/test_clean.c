/* Unit tests: boilerplate removal, headline, outlet and signatures (clean.c). */
#include "testutil.h"

#include "clean.h"
#include "precis.h"

static void assert_span(const char *text, precis_span sp, const char *want, const char *what)
{
	if (!want) {
		if (sp.end != sp.start)
			fail_msg("%s: got \"%.*s\", want none", what, (int)(sp.end - sp.start),
				 text + sp.start);
		return;
	}
	if (sp.end - sp.start != strlen(want) || memcmp(text + sp.start, want, strlen(want)) != 0)
		fail_msg("%s: got \"%.*s\", want \"%s\"", what, (int)(sp.end - sp.start),
			 text + sp.start, want);
}

/*
 * A page is written one line per input line as "EXPECT<TAB>text", EXPECT
 * being "keep" or the drop reason; a line "<TAB>" alone is a blank line.
 * The test strips the expectations, cleans the text and compares line by
 * line, then the headline, the outlet and the number of signatures.
 */
static void check_page(const char *lang, const char *page, const char *headline,
		       const char *outlet, size_t signatures)
{
	char *text = malloc(strlen(page) + 1), *want[256];
	size_t tn = 0, nw = 0;
	for (const char *p = page; *p;) {
		const char *tab = strchr(p, '\t'), *eol = strchr(p, '\n');
		assert_non_null(tab);
		assert_non_null(eol);
		if (tab > p)
			want[nw++] = strndup(p, (size_t)(tab - p));
		memcpy(text + tn, tab + 1, (size_t)(eol - tab));
		tn += (size_t)(eol - tab);
		p = eol + 1;
	}
	text[tn] = '\0';
	px_clean_result r;
	assert_int_equal(px_clean_text(&r, A, text, tn, lang), 0);
	assert_int_equal(r.nlines, nw);
	for (size_t i = 0; i < nw; i++) {
		const char *got = r.lines[i].reason ? r.lines[i].reason : "keep";
		precis_span sp = r.lines[i].span;
		if (strcmp(got, want[i]) != 0)
			fail_msg("line %zu \"%.*s\": got %s, want %s", i + 1, (int)(sp.end - sp.start),
				 text + sp.start, got, want[i]);
		free(want[i]);
	}
	assert_span(text, r.headline, headline, "headline");
	assert_span(text, r.outlet, outlet, "outlet");
	assert_int_equal(r.nsignatures, signatures);
	for (size_t i = 0; i < r.nsignatures; i++)
		assert_string_equal(r.lines[r.signatures[i]].reason, "signature");
	px_clean_result_free(&r);
	free(text);
}

static void test_french_national_page(void **state)
{
	(void)state;
	check_page("fr",
		   "nav\tAller au contenu principal\n"
		   "menu\tInternational\n"
		   "menu\tPolitique\n"
		   "menu\tÉconomie\n"
		   "menu\tCulture\n"
		   "menu\tSe connecter\n"
		   "headline\tLa Corée du Nord tire un missile balistique en mer du Japon\n"
		   "signature\tLe Monde avec AFP\n"
		   "published\tPublié le 13 septembre 2023 à 10h45, mis à jour à 11h02\n"
		   "widget\tTemps de lecture : 2 min.\n"
		   "share\tOffrir cet article\n"
		   "credit\tLe tir a été suivi à la télévision à Séoul, mercredi. / JUNG YEON-JE / AFP\n"
		   "keep\tLa Corée du Nord a tiré mercredi un missile balistique qui est tombé en mer du Japon, a annoncé l'état-major sud-coréen, quelques heures avant la rencontre entre Kim Jong-un et Vladimir Poutine.\n"
		   "paywall\tCet article est réservé aux abonnés.\n"
		   "keep\tLe tir intervient alors que Pyongyang multiplie les essais depuis le début de l'année, malgré les sanctions internationales.\n"
		   "keep\tUne réponse coordonnée\n"
		   "keep\tSéoul, Tokyo et Washington ont condamné le tir et promis une « réponse coordonnée », selon un communiqué commun publié dans la soirée.\n"
		   "teaser\tLire aussi | Kim Jong-un en Russie : ce que l'on sait de la rencontre avec Vladimir Poutine\n"
		   "keep\tL'agence officielle KCNA n'a pas commenté le tir, mais la télévision d'État a diffusé des images de Kim Jong-un visitant une usine de munitions.\n"
		   "copyright\t© Le Monde 2023\n",
		   "La Corée du Nord tire un missile balistique en mer du Japon", "Le Monde", 1);
}

static void test_french_regional_page(void **state)
{
	(void)state;
	/* The site's name in header and footer; the headline printed twice. */
	check_page("fr",
		   "site\tLa Gazette du Val\n"
		   "markup\t<\n"
		   "menu\tFlash\n"
		   "template\tnews-details\n"
		   "menu\tFaits divers\n"
		   "breadcrumb\tAccueil › Faits divers › Incendie dans une usine de Montbrison\n"
		   "headline\tIncendie dans une usine de Montbrison\n"
		   "byline\tPar Jeanne Martin\n"
		   "keep\tUn incendie s'est déclaré jeudi soir dans une usine de plasturgie de la zone industrielle de Montbrison, sans faire de blessés, selon les pompiers.\n"
		   "keep\tUne quarantaine de sapeurs-pompiers ont été mobilisés pendant toute la nuit pour éviter la propagation des flammes aux bâtiments voisins.\n"
		   "credit\tLes pompiers sur place vendredi matin. (photo Jean Dupont)\n"
		   "keep\tLa préfecture a demandé aux riverains de garder leurs fenêtres fermées par précaution, le temps que les analyses de l'air soient connues.\n"
		   "site\tLa Gazette du Val\n"
		   "share\tPartagez cet article\n"
		   "support\tSoutenez La Gazette du Val\n"
		   "template\tauthor\n"
		   "byline\tJournaliste\n"
		   "comments\tLaissez un commentaire\n"
		   "comments\t3 commentaires\n"
		   "copyright\tTous droits réservés - La Gazette du Val 2024\n",
		   "Incendie dans une usine de Montbrison", "La Gazette du Val", 0);
}

static void test_french_newsletter_footer(void **state)
{
	(void)state;
	/* A site suffix names the outlet; the agency signature ends the text. */
	check_page("fr",
		   "headline\tGrève à la SNCF : le trafic très perturbé ce week-end <!-- --> | LeJournal.fr\n"
		   "site\tLeJournal, qui sommes-nous ?\n"
		   "newsletter\tNewsletter\n"
		   "menu\tDécryptages\n"
		   "menu\tPortraits\n"
		   "menu\tVidéos\n"
		   "keep\tLe trafic sera très perturbé samedi et dimanche sur l'ensemble du réseau, a prévenu la SNCF, qui prévoit un TGV sur deux en moyenne.\n"
		   "ad\tPublicité\n"
		   "keep\tLes syndicats réclament des hausses de salaires et de meilleures conditions de travail pour les contrôleurs, dont le nombre a baissé depuis dix ans.\n"
		   "duplicate\tGrève à la SNCF : le trafic très perturbé ce week-end\n"
		   "signature\tAFP\n"
		   "newsletter\tNewsletter du Journal\n"
		   "newsletter\tInscrivez-vous à notre newsletter et recevez tous les jours notre sélection de l'actualité.\n"
		   "consent\tEn cliquant sur \"Je m'inscris\" vous acceptez de recevoir nos newsletters ainsi que notre politique de confidentialité.\n",
		   "Grève à la SNCF : le trafic très perturbé ce week-end", "LeJournal", 1);
}

static void test_english_bbc_like_page(void **state)
{
	(void)state;
	check_page("en",
		   "nav\tSkip to content\n"
		   "menu\tHome\n"
		   "menu\tNews\n"
		   "menu\tSport\n"
		   "menu\tWeather\n"
		   "headline\tFloods force thousands from homes in northern Italy\n"
		   "byline\tBy Jane Smith, BBC News, Rome\n"
		   "published\tPublished 3 hours ago\n"
		   "share\tShare\n"
		   "credit\tImage source, Getty Images\n"
		   "credit\tImage caption, Rescue teams in Bologna on Wednesday\n"
		   "keep\tThousands of people were evacuated on Wednesday as rivers burst their banks across Emilia-Romagna, officials said.\n"
		   "ad\tAdvertisement\n"
		   "keep\tThe regional president said the damage would run into billions of euros, and asked Rome for emergency funds.\n"
		   "teaser\tRelated: Why Europe's floods are getting worse\n"
		   "keep\tCopyright lawyers were not the first people residents called, the mayor joked, asking for calm and patience.\n"
		   "keep\tWhat happens next\n"
		   "keep\tForecasters expect more rain on Friday, and the civil protection agency has kept its red alert for the whole region.\n"
		   "newsletter\tSign up for our newsletter to get the day's top stories.\n"
		   "menu\tRelated Topics\n"
		   "menu\tItaly\n"
		   "menu\tFloods\n"
		   "copyright\tCopyright 2024 BBC. All rights reserved.\n",
		   /* The byline names the outlet: "BBC News" (shown as "BBC", see test_evidence). */
		   "Floods force thousands from homes in northern Italy", "BBC News", 0);
}

static void test_english_wire_pages(void **state)
{
	(void)state;
	/* A Reuters page: masthead, dateline kept in the lead, reporting credits. */
	check_page("en",
		   "site\tReuters\n"
		   "menu\tWorld\n"
		   "menu\tBusiness\n"
		   "menu\tMarkets\n"
		   "headline\tSenate passes $95 billion Ukraine, Israel aid bill\n"
		   "byline\tBy David Morgan and Richard Cowan\n"
		   "date\tFebruary 13, 2024 5:03 AM GMT Updated 2 hours ago\n"
		   "keep\tWASHINGTON, Feb 13 (Reuters) - The U.S. Senate on Tuesday passed a $95.34 billion aid package for Ukraine, Israel and Taiwan, sending it to the House of Representatives.\n"
		   "keep\tThe vote was 70-29, well above the 60-vote threshold, with 22 Republicans joining most Democrats in support.\n"
		   "byline\tReporting by David Morgan; Editing by Scott Malone\n"
		   "widget\tOur Standards: The Thomson Reuters Trust Principles.\n",
		   "Senate passes $95 billion Ukraine, Israel aid bill", "Reuters", 0);
	/* An AP story syndicated by a newspaper, with its suffix. */
	check_page("en",
		   "headline\tWildfire forces evacuations near Los Angeles - latimes.com\n"
		   "updated\tUpdated 10:45 AM EDT, Wed September 13, 2023\n"
		   "credit\tA firefighter battles the blaze in Altadena, Calif. (AP Photo/Jae C. Hong)\n"
		   "keep\tALTADENA, Calif. (AP) — A fast-moving wildfire forced thousands of residents to flee their homes north of Los Angeles on Wednesday, officials said.\n"
		   "ad\tAdvertisement\n"
		   "keep\tMore than 1,000 firefighters were battling the blaze, which had burned 2,000 acres by the evening, according to the county fire department.\n"
		   "signature\tAssociated Press writer Jane Doe in Sacramento contributed to this report.\n"
		   "copyright\tCopyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n",
		   "Wildfire forces evacuations near Los Angeles", "latimes", 1);
}

static void test_english_section_suffix(void **state)
{
	(void)state;
	/*
	 * "Title | Section | Site": both suffixes go, the site names the
	 * outlet; a topic tag printed twice is not the site. The standfirst
	 * stays, the byline without "By" is furniture.
	 */
	check_page("en",
		   "nav\tSkip to main content\n"
		   "menu\tSign in\n"
		   "menu\tWorld\n"
		   "menu\tEnvironment\n"
		   "menu\tUS Politics\n"
		   "headline\tKim Jong-un arrives in Russia for talks with Putin | North Korea | The Guardian\n"
		   "header\tNorth Korea\n"
		   "header\tThis article is more than 1 year old\n"
		   "duplicate\tKim Jong-un arrives in Russia for talks with Putin\n"
		   "keep\tNorth Korean leader travelled by armoured train for meeting expected to focus on arms deals\n"
		   "header\tJustin McCurry in Tokyo and Pjotr Sauer\n"
		   "date\tTue 12 Sep 2023 04.15 BST\n"
		   "keep\tKim Jong-un has arrived in Russia for a summit with Vladimir Putin, in a trip that has raised concern in Washington over a possible arms deal.\n"
		   "credit\tPhotograph: KCNA/Reuters\n"
		   "keep\tAnalysts say Moscow wants artillery shells for its war in Ukraine, while Pyongyang is seeking food, energy and military technology.\n"
		   "footer\tExplore more on these topics\n"
		   "footer\tNorth Korea\n"
		   "menu\tRussia\n"
		   "menu\tKim Jong-un\n"
		   "share\tShare\n"
		   "menu\tMost viewed\n",
		   "Kim Jong-un arrives in Russia for talks with Putin", "The Guardian", 0);
}

static void test_body_with_cue_words_is_kept(void **state)
{
	(void)state;
	/* Cue words inside real sentences: the sentence wins. */
	check_page("fr",
		   "headline\tLes éditeurs de presse face à la fin des cookies tiers\n"
		   "keep\tLes éditeurs qui vivent de la publicité devront se passer des cookies tiers d'ici à la fin de l'année, a annoncé Google mardi, selon l'AFP.\n"
		   "keep\t« Nous utilisons des cookies depuis vingt ans, et il va falloir tout réinventer », explique le directeur d'un quotidien régional, qui publie aussi une newsletter suivie par 200 000 lecteurs.\n"
		   "keep\tPour lui, les lecteurs qui s'inscrivent à la newsletter ou laissent un commentaire sous les articles sont désormais le cœur du modèle économique.\n"
		   "keep\tLes commentaires des internautes, souvent vifs, seront modérés par une équipe dédiée, précise-t-il.\n"
		   "keep\tL'Agence France-Presse, qui fournit la plupart des dépêches, n'a pas souhaité réagir.\n"
		   "keep\tLe ministère a publié le 12 mars un rapport sur le sujet, que le Sénat doit examiner en juin.\n",
		   "Les éditeurs de presse face à la fin des cookies tiers", NULL, 0);
	check_page("en",
		   "headline\tNewsletter firms face new privacy rules in Europe\n"
		   "keep\tCompanies that send a newsletter to customers will have to ask for consent again, the commission said on Monday.\n"
		   "keep\t\"We use cookies on every page, and we will have to rebuild the whole thing,\" said the chief executive of a publisher that relies on ads, who asked not to be named.\n"
		   "keep\tGetty Images, which licenses millions of photographs, said the rules would not change its business, according to AP.\n"
		   "keep\tThe home affairs committee, which reviews comments from the public, will vote on the text in June.\n"
		   "keep\tPublished in 1998, the first privacy directive was never updated.\n"
		   "keep\tMenu prices will not be affected.\n",
		   "Newsletter firms face new privacy rules in Europe", NULL, 0);
}

static void test_markup_script_templates(void **state)
{
	(void)state;
	check_page("fr",
		   "markup\t<div class=\"x\">\n"
		   "markup\t***\n"
		   "markup\t<!-- -->\n"
		   "markup\t<a href=\"/monde\">Monde</a>\n"
		   "script\twindow.pvp_436c = new Pvp('dmpublic', {idDM: \"x7vv\"});\n"
		   "script\t{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\"}\n"
		   "template\tnews-details\n"
		   "keep\tLa mairie a inauguré lundi une nouvelle ligne de tramway qui relie le centre à l'aéroport en vingt minutes.\n"
		   "keep\t<p>Les travaux ont duré trois ans et coûté 240 millions d'euros, financés par la métropole et la région.</p>\n"
		   "keep\tUn passager a raconté qu'il regardait par la window. Puis il a ri : le mot était anglais, sur une affiche publicitaire restée là.\n"
		   "template\tfr-02\n",
		   NULL, NULL, 0);
}

static void test_repeats(void **state)
{
	(void)state;
	/*
	 * A paragraph printed twice is dropped the second time, also with a
	 * word changed. When the first copy is a photo caption (dropped), the
	 * body copy is the one kept.
	 */
	check_page("fr",
		   "headline\tLe sommet de Vladivostok s'ouvre jeudi\n"
		   "credit\tÀ Vladivostok, des drapeaux russes et nord-coréens étaient déjà hissés dans les rues du port, mardi, en prévision du sommet. (photo AFP)\n"
		   "keep\tLe dirigeant nord-coréen rencontrera le président russe jeudi à Vladivostok, a annoncé mardi un conseiller du Kremlin, sans donner plus de détails.\n"
		   "keep\tÀ Vladivostok, des drapeaux russes et nord-coréens étaient déjà hissés dans les rues du port en prévision du sommet.\n"
		   "duplicate\tÀ Vladivostok, des drapeaux russes et nord-coréens étaient déjà hissés dans les rues du port en prévision du sommet.\n"
		   "keep\tIl s'agira du premier sommet entre les dirigeants des deux pays depuis 2011, quand Kim Jong-il avait rencontré Dmitri Medvedev.\n"
		   "duplicate\tLe dirigeant nord-coréen rencontrera le président russe jeudi à Vladivostok, a annoncé lundi un conseiller du Kremlin, sans donner plus de détails.\n"
		   "keep\tLe dirigeant nord-coréen ne rencontrera pas le président chinois lors de ce voyage, qui doit durer deux jours au total selon Séoul.\n",
		   "Le sommet de Vladivostok s'ouvre jeudi", NULL, 0);
}

static void test_headline_evidence(void **state)
{
	(void)state;
	/* The body starts first (a caption, then the lead): no headline. */
	check_page("fr",
		   "credit\tLe maire, lundi à l'hôtel de ville. / PHOTO JEAN DUPONT / AFP\n"
		   "keep\tLe conseil municipal a voté jeudi la gratuité des transports pour les moins de vingt-cinq ans, une première dans la région.\n"
		   "keep\tUne mesure attendue\n"
		   "keep\tLe dispositif entrera en vigueur le 1er septembre et coûtera environ deux millions d'euros par an à la ville.\n",
		   NULL, NULL, 0);
	/* A dash inside the title is not a suffix; a listed outlet after a dash is. */
	check_page("fr",
		   "headline\tSommet Corée du Nord - Russie : Kim et Poutine renforcent leurs liens\n"
		   "header\tPoutine et Kim renforcent leurs liens\n"
		   "keep\tVladimir Poutine et Kim Jong-un se sont rencontrés jeudi sur l'île Rousski, au large de Vladivostok, pour leur premier sommet.\n",
		   "Sommet Corée du Nord - Russie : Kim et Poutine renforcent leurs liens", NULL, 0);
	check_page("fr",
		   "headline\tKim Jong-un arrive en Russie en train blindé - Le Figaro\n"
		   "keep\tLe train du dirigeant nord-coréen est arrivé mardi matin à la gare de Khassan, à la frontière russe, selon les médias d'État.\n",
		   "Kim Jong-un arrive en Russie en train blindé", "Le Figaro", 0);
}

/*
 * The words around agency names come from the cue files
 * ([signature-word], [owner-word], [unnamed-agencies]) and match folded,
 * in any case; agency names themselves match as printed.
 */
static void test_signature_words_from_cue_data(void **state)
{
	(void)state;
	static const char *const body_fr =
		"keep\tLe conseil municipal a voté jeudi la gratuité des transports pour les moins de vingt-cinq ans, une première dans la région.\n"
		"keep\tLe dispositif entrera en vigueur le 1er septembre et coûtera environ deux millions d'euros par an à la ville.\n";
	static const char *const body_en =
		"keep\tThe city council voted on Thursday to make public transport free for everyone under twenty-five, a first for the region.\n"
		"keep\tThe measure takes effect on 1 September and will cost the city about two million euros a year, officials said.\n";
	char page[1024];
	snprintf(page, sizeof page, "%s%s", body_fr, "signature\t(AVEC AGENCES)\n");
	check_page("fr", page, NULL, NULL, 1);
	snprintf(page, sizeof page, "%s%s", body_fr, "signature\tOuest Éclair AVEC AFP\n");
	check_page("fr", page, NULL, "Ouest Éclair", 1);
	snprintf(page, sizeof page, "%s%s", body_en, "signature\tSOURCE: Reuters, AFP\n");
	check_page("en", page, NULL, NULL, 1);
	/* "afp" is no agency name: no signature (a source cue drops the line as a credit). */
	snprintf(page, sizeof page, "%s%s", body_en, "credit\tsource: afp\n");
	check_page("en", page, NULL, NULL, 0);
}

static void test_every_language_loads_cues(void **state)
{
	(void)state;
	/* Embedded cue files parse (a format error would be PRECIS_EFORMAT). */
	for (const char *const *l = precis_languages(); *l; l++) {
		px_clean_result r;
		assert_int_equal(px_clean_text(&r, A, "Accueil\nHome\n", 13, *l), 0);
		assert_int_equal(r.nlines, 2);
		px_clean_result_free(&r);
	}
	px_clean_result r;
	assert_int_equal(px_clean_text(&r, A, "", 0, NULL), 0);
	assert_int_equal(r.nlines, 0);
	px_clean_result_free(&r);
}

/* Many lines: repeats and menus are found without comparing every pair. */
static void test_many_lines(void **state)
{
	(void)state;
	size_t n = 20000;
	const char *para = "Le conseil municipal a voté jeudi la gratuité des transports pour les "
			   "moins de vingt-cinq ans, une première dans la région.\n";
	size_t pl = strlen(para);
	char *text = malloc(n * pl + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * pl, para, pl);
	text[n * pl] = '\0';
	px_clean_result r;
	assert_int_equal(px_clean_text(&r, A, text, n * pl, "fr"), 0);
	assert_int_equal(r.nlines, n);
	assert_null(r.lines[0].reason);
	for (size_t i = 1; i < n; i++)
		assert_string_equal(r.lines[i].reason, "duplicate");
	px_clean_result_free(&r);
	free(text);
}

static void test_seeds(void **state)
{
	(void)state;
	static const struct {
		const char *file, *head, *outlet, *signature;
		int kept;
	} seeds[] = {
		{ "examples/000_a218bc12d536e990.txt", "Rencontre Poutine-Kim en Extr\xC3\xAAme-Orient russe jeudi", NULL, "AFP", 7 },
		{ "examples/001_60c60c439b538c3c.txt", "Sommet Cor\xC3\xA9" "e du Nord - Russie : Kim Jong-un et Vladimir Poutine renforcent les liens entre leurs deux pays", "Atlantico", "Euronews", 6 },
		{ "examples/002_247d40d0ead6c7e3.txt", NULL, NULL, NULL, 8 },
		{ "examples/003_0ed67731ac4c45f8.txt", "Poutine rencontrera Kim Jong-un les 18 et 19 juin en Cor\xC3\xA9" "e du Nord, sa premi\xC3\xA8re visite en 24 ans", NULL, NULL, 9 },
		{ "examples/004_67d2f7bd1d453721.txt", "Russie: fin des discussions entre Kim Jong-un et Vladimir Poutine apr\xC3\xA8s plus de deux heures", "Le Placentin", NULL, 7 },
	};
	for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
		size_t len = 0;
		char *text = tu_read_file(seeds[k].file, &len);
		assert_non_null(text);
		/* Through the public API, with language detection. */
		precis_cleaned *c;
		assert_int_equal(precis_clean_new(&c, A, text, len, NULL, NULL), 0);
		assert_string_equal(precis_cleaned_language(c), "fr");
		int kept = 0;
		for (size_t i = 0; i < precis_cleaned_line_count(c); i++) {
			const char *reason;
			precis_span sp = precis_cleaned_line(c, i, &reason);
			if (reason)
				continue;
			kept++;
			char line[4096];
			snprintf(line, sizeof line, "%.*s", (int)(sp.end - sp.start), text + sp.start);
			assert_null(strstr(line, " / AFP"));
			assert_null(strstr(line, "Partagez"));
			assert_null(strstr(line, "newsletter"));
		}
		assert_int_equal(kept, seeds[k].kept);
		assert_span(text, precis_cleaned_headline(c), seeds[k].head, seeds[k].file);
		if (seeds[k].outlet)
			assert_string_equal(precis_cleaned_outlet(c), seeds[k].outlet);
		else
			assert_null(precis_cleaned_outlet(c));
		precis_cleaned_free(c);
		/* The internal contract: the outlet span and the signatures. */
		px_clean_result r;
		assert_int_equal(px_clean_text(&r, A, text, len, "fr"), 0);
		assert_span(text, r.outlet, seeds[k].outlet, seeds[k].file);
		assert_int_equal(r.nsignatures, seeds[k].signature ? 1 : 0);
		if (seeds[k].signature)
			assert_span(text, r.lines[r.signatures[0]].span, seeds[k].signature, "signature");
		px_clean_result_free(&r);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french_national_page),
		cmocka_unit_test(test_french_regional_page),
		cmocka_unit_test(test_french_newsletter_footer),
		cmocka_unit_test(test_english_bbc_like_page),
		cmocka_unit_test(test_english_wire_pages),
		cmocka_unit_test(test_english_section_suffix),
		cmocka_unit_test(test_body_with_cue_words_is_kept),
		cmocka_unit_test(test_markup_script_templates),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_signature_words_from_cue_data),
		cmocka_unit_test(test_headline_evidence),
		cmocka_unit_test(test_every_language_loads_cues),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests_name("clean", tests, tu_setup, tu_teardown);
}
