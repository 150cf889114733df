/* Unit tests: story grouping and the per-story analyses (compare.c). */
#include "testutil.h"

#include <math.h>

#include "compare.h"
#include "vec.h"
#include "vectorize.h"

static precis_article_input art(const char *id, const char *text, const char *date)
{
	precis_article_input a = { id, text, strlen(text), NULL, NULL, date, NULL };
	return a;
}

static size_t story_of(const precis_comparison *c, const char *id)
{
	for (size_t i = 0; i < c->narticles; i++)
		if (strcmp(c->articles[i].id, id) == 0)
			return (size_t)c->articles[i].story;
	fail_msg("no article %s", id);
	return 0;
}

static void test_identical_text(void **state)
{
	(void)state;
	const char *t = "Le conseil municipal de Lyon a voté jeudi la gratuité des transports pour les "
			"moins de vingt-cinq ans. La mesure coûtera deux millions d'euros par an. "
			"L'opposition dénonce une dépense électoraliste à un an du scrutin municipal.";
	precis_article_input in[2] = { art("a", t, "2024-03-07"), art("b", t, "2024-03-07") };
	in[0].outlet = "Le Progrès";
	in[1].outlet = "Lyon Mag";
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_int_equal(c->nreuse, 1);
	assert_true(c->reuse[0].share_a > 0.95 && c->reuse[0].share_b > 0.95);
	/* Every fact is shared, none is unique. */
	assert_true(c->stories[0].nshared >= 2);
	assert_int_equal(c->articles[0].nunique, 0);
	assert_string_equal(c->articles[0].outlet, "Le Progrès");
	precis_comparison_free(c);
	/* A version 1 options struct (before the model and unread records) is still taken. */
	precis_compare_options o1 = PRECIS_COMPARE_OPTIONS_INIT;
	o1.version = 1;
	o1.threshold = 2; /* nothing links */
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o1, NULL), 0);
	assert_int_equal(c->nstories, 2);
	precis_comparison_free(c);
	o1.version = 3;
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o1, NULL), PRECIS_EINVAL);
}

static void test_single_article_no_date(void **state)
{
	(void)state;
	const char *t = "The regional council approved a new bus line on Monday evening. Residents of "
			"the northern districts had asked for it for years. Construction starts in spring.";
	precis_article_input in[1] = { art("solo", t, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_int_equal(c->stories[0].narticles, 1);
	assert_null(c->articles[0].event_date);
	assert_int_equal(c->nreuse, 0);
	assert_true(c->stories[0].nconsensus >= 1);
	/* All three renderers accept it. */
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_int_equal(precis_report_md(c, fp), 0);
	assert_int_equal(precis_report_html(c, fp), 0);
	assert_int_equal(precis_report_json(c, fp), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "\"stories\""));
	assert_non_null(strstr(buf, "<svg"));
	free(buf);
	precis_comparison_free(c);
}

/* Five events, four outlets each, written from one template with different facts. */
static void test_twenty_articles_five_events(void **state)
{
	(void)state;
	static const struct {
		const char *who, *where, *what, *date;
	} ev[5] = {
		{ "Angela Merkel", "Berlin", "a coalition agreement on energy prices", "2022-01-10" },
		{ "Pedro Sánchez", "Madrid", "a housing plan for young tenants", "2022-03-21" },
		{ "Mario Draghi", "Rome", "a reform of the judicial system", "2022-05-02" },
		{ "Justin Trudeau", "Ottawa", "a ban on assault-style firearms", "2022-07-18" },
		{ "Jacinda Ardern", "Wellington", "new climate targets for farming", "2022-10-03" },
	};
	static const char *const outlets[4] = { "Outlet A", "Outlet B", "Outlet C", "Outlet D" };
	static const char *const tmpl[4] = {
		"%s announced %s in %s on Monday. Opposition leaders in %s criticised %s. The plan will be debated next month.",
		"In %s, %s presented %s to reporters. Critics said the measure came too late. %s defended %s as necessary.",
		"%s unveiled %s during a press conference in %s. Unions welcomed the move. Business groups in %s asked for details of %s.",
		"Speaking in %s, %s promised %s. Polls show strong public support. Analysts in %s expect %s to pass."
	};
	precis_article_input in[20];
	char texts[20][512], ids[20][32];
	for (int e = 0; e < 5; e++)
		for (int o = 0; o < 4; o++) {
			int k = e * 4 + o;
			const char *a1 = o == 1 || o == 3 ? ev[e].where : ev[e].who;
			const char *a2 = o == 1 || o == 3 ? ev[e].who : ev[e].what;
			const char *a3 = o == 1 || o == 3 ? ev[e].what : ev[e].where;
			snprintf(texts[k], sizeof texts[k], tmpl[o], a1, a2, a3,
				 o == 1 ? ev[e].who : ev[e].where, ev[e].what);
			snprintf(ids[k], sizeof ids[k], "e%d-%d", e, o);
			in[k] = art(ids[k], texts[k], ev[e].date);
			in[k].outlet = outlets[o];
		}
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 20, NULL, NULL), 0);
	assert_int_equal(c->nstories, 5);
	for (int e = 0; e < 5; e++)
		for (int o = 1; o < 4; o++) {
			char a[32], b[32];
			snprintf(a, sizeof a, "e%d-0", e);
			snprintf(b, sizeof b, "e%d-%d", e, o);
			assert_int_equal(story_of(c, a), story_of(c, b));
		}
	assert_true(story_of(c, "e0-0") != story_of(c, "e1-0"));
	precis_comparison_free(c);
}

static void test_same_leaders_different_years(void **state)
{
	(void)state;
	/* Near miss: the same two leaders, the same city, two summits a year apart. */
	precis_article_input in[4] = {
		art("s1a", "Joe Biden met Xi Jinping in Bali on Monday for three hours of talks. The two leaders discussed Taiwan and trade.", "2022-11-14"),
		art("s1b", "Xi Jinping and Joe Biden held talks in Bali on Monday. They agreed to resume climate cooperation.", "2022-11-14"),
		art("s2a", "Joe Biden met Xi Jinping near San Francisco on Wednesday for four hours of talks. The two leaders discussed Taiwan and fentanyl.", "2023-11-15"),
		art("s2b", "Xi Jinping and Joe Biden held talks near San Francisco on Wednesday. They agreed to restore military communication.", "2023-11-15"),
	};
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.explain = true;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, &o, NULL), 0);
	assert_int_equal(story_of(c, "s1a"), story_of(c, "s1b"));
	assert_int_equal(story_of(c, "s2a"), story_of(c, "s2b"));
	assert_true(story_of(c, "s1a") != story_of(c, "s2a"));
	assert_true(c->ndecisions > 0);
	precis_comparison_free(c);
}

/* Invalid UTF-8 is no usable text: the article stays, alone in its story, with its problem. */
static void test_bad_article_kept_alone(void **state)
{
	(void)state;
	precis_article_input in[2] = {
		art("good", "A perfectly fine article about the harbour works. They will finish in May.", NULL),
		{ "bad", "Broken \xC3\x28 text here.", 17, NULL, NULL, NULL, NULL },
	};
	precis_comparison *c;
	precis_error err = { 0 };
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, &err), 0);
	assert_int_equal(c->narticles, 2);
	assert_int_equal(c->nstories, 2);
	const char *id;
	bool unusable = true;
	assert_null(precis_comparison_problem(c, 0, &id, &unusable));
	assert_string_equal(id, "good");
	assert_false(unusable);
	const char *why = precis_comparison_problem(c, 1, &id, &unusable);
	assert_string_equal(id, "bad");
	assert_true(unusable);
	assert_non_null(why);
	assert_non_null(strstr(why, "no usable text"));
	precis_comparison_free(c);
}

static size_t story_size(const precis_comparison *c, const char *id)
{
	return c->stories[story_of(c, id)].narticles;
}

/*
 * No record is lost: a one-line brief and a bare headline are grouped by
 * their words with the full article of their event, an empty body is a
 * story of its own, and a record the caller could not read is listed under
 * errors; every article is in exactly one story.
 */
static void test_no_record_lost(void **state)
{
	(void)state;
	const char *full = "The city council of Lyon voted on Thursday to make public transport free "
			   "for residents under twenty-five. The measure will cost two million euros "
			   "a year. The opposition called it an electoral gift.";
	precis_article_input in[5] = {
		art("full", full, "2024-03-07"),
		art("brief", "Lyon council votes free public transport for under twenty-five residents",
		    "2024-03-07"),
		art("title-only", "", "2024-03-07"),
		art("empty", "   \n  ", "2024-03-07"),
		art("other", "A storm closed the port of Brest on Monday. Ferries stayed in harbour "
			     "and fishermen kept their boats moored until the wind dropped.", "2024-03-04"),
	};
	const precis_record_error bad = { "line-7", "invalid JSON" };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.unread = &bad;
	o.nunread = 1;
	in[2].title = "Lyon: free public transport for the under twenty-five, the council decides";
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 5, &o, NULL), 0);
	assert_int_equal(c->narticles, 5);
	assert_int_equal(c->nerrors, 1);
	assert_string_equal(c->errors[0].id, "line-7");
	assert_string_equal(c->errors[0].reason, "invalid JSON");
	size_t total = 0;
	for (size_t s = 0; s < c->nstories; s++)
		total += c->stories[s].narticles;
	assert_int_equal(total, c->narticles);
	assert_int_equal(story_of(c, "brief"), story_of(c, "full"));
	assert_int_equal(story_of(c, "title-only"), story_of(c, "full"));
	assert_int_equal(story_size(c, "empty"), 1);
	assert_int_equal(story_size(c, "other"), 1);
	assert_null(c->articles[0].problem);
	/* A one-line brief is its own one sentence now: nothing wrong with it. */
	assert_null(c->articles[1].problem);
	assert_non_null(strstr(c->articles[2].problem, "title"));
	assert_non_null(strstr(c->articles[3].problem, "no usable text"));
	assert_false(c->articles[1].unusable || c->articles[2].unusable);
	assert_true(c->articles[3].unusable);
	assert_string_equal(c->articles[1].headline,
			    "Lyon council votes free public transport for under twenty-five residents");
	/* The renderers take articles without sentences and the errors. */
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_int_equal(precis_report_json(c, fp), 0);
	assert_int_equal(precis_report_md(c, fp), 0);
	assert_int_equal(precis_report_html(c, fp), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "\"errors\""));
	assert_non_null(strstr(buf, "Records not read"));
	free(buf);
	precis_comparison_free(c);
}

/*
 * What --window relies on: stories far apart in time are grouped the same
 * whether the other stories' articles are in the run or not. Each article
 * is compared on its own window's articles and in the whole collection:
 * which articles share its story must not change.
 */
static void test_window_same_grouping(void **state)
{
	(void)state;
	precis_article_input in[6] = {
		art("brest-1", "A storm closed the port of Brest on Friday. Ferries stayed in harbour "
			       "and fishermen kept their boats moored until the wind dropped.", "2024-03-01"),
		art("brest-2", "Storm closes the port of Brest, ferries stay in harbour", "2024-03-01"),
		art("lyon-1", "The city council of Lyon voted on Sunday to make public transport free "
			      "for residents under twenty-five. The measure will cost two million euros.",
		    "2024-03-10"),
		art("lyon-2", "Public transport in Lyon becomes free for residents under twenty-five "
			      "after a vote of the city council.", "2024-03-11"),
		art("bill-1", "President Joe Biden signed the infrastructure bill in Washington on "
			      "Wednesday. The law funds roads, bridges and railways.", "2024-03-20"),
		art("bill-2", "Joe Biden signs the infrastructure bill into law in Washington",
		    "2024-03-20"),
	};
	precis_comparison *whole, *part;
	assert_int_equal(precis_compare_new(&whole, A, in, 6, NULL, NULL), 0);
	assert_int_equal(whole->nstories, 3);
	for (size_t w = 0; w < 3; w++) {
		assert_int_equal(precis_compare_new(&part, A, in + 2 * w, 2, NULL, NULL), 0);
		const char *x = in[2 * w].id, *y = in[2 * w + 1].id;
		bool together = story_of(part, x) == story_of(part, y);
		assert_int_equal(together, story_of(whole, x) == story_of(whole, y));
		assert_true(together);
		assert_int_equal(story_size(whole, x), part->stories[story_of(part, x)].narticles);
		precis_comparison_free(part);
	}
	precis_comparison_free(whole);
}

/* Agency copy credited by both outlets is flagged as that agency's. */
static void test_reuse_names_the_agency(void **state)
{
	(void)state;
	const char *copy = "Le Premier ministre a présenté mardi un plan de 30 milliards d'euros pour "
			   "moderniser les hôpitaux publics d'ici à 2030, a-t-on appris auprès de "
			   "Matignon. Les syndicats de soignants jugent l'effort insuffisant et "
			   "appellent à une journée de grève le 12 octobre.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s Le ministre de la Santé doit détailler les mesures jeudi. (AFP)", copy);
	snprintf(b, sizeof b, "Hôpitaux : un plan massif. %s Selon l'AFP, les fédérations "
		 "hospitalières saluent un premier pas.", copy);
	precis_article_input in[2] = { art("a", a, "2024-10-01"), art("b", b, "2024-10-01") };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_int_equal(c->nreuse, 1);
	assert_non_null(c->reuse[0].agency);
	assert_string_equal(c->reuse[0].agency, "AFP");
	assert_true(c->reuse[0].share_a > 0.5 && c->reuse[0].share_b > 0.5);
	assert_true(c->reuse[0].npassages >= 1);
	/* The copied sentences are shared facts, credited to both outlets. */
	assert_true(c->stories[0].nshared >= 2);
	assert_int_equal(c->stories[0].shared[0].narticles, 2);
	assert_int_equal(c->stories[0].consensus[0].narticles, 2);
	precis_comparison_free(c);
}

/* One event in French and in English: the cosine across languages only sees names and numbers. */
static void test_french_and_english_one_event(void **state)
{
	(void)state;
	precis_article_input in[4] = {
		art("fr", "Le barrage de Nova Kakhovka, sur le Dniepr, a été détruit mardi, provoquant des "
			  "inondations dans la région de Kherson. Volodymyr Zelensky accuse la Russie. "
			  "L'AIEA surveille la centrale de Zaporijjia.", "2023-06-06"),
		art("en", "The Kakhovka dam on the Dnipro river was destroyed on Tuesday, flooding the "
			  "Kherson region. Volodymyr Zelensky blamed Russia. The IAEA is watching the "
			  "Zaporizhzhia plant.", "2023-06-06"),
		art("other-fr", "Le Tour de France s'est élancé samedi de Bilbao, au Pays basque espagnol. "
				"Adam Yates a remporté la première étape devant son frère Simon.",
		    "2023-07-01"),
		art("other-en", "The Tour de France started on Saturday in Bilbao, in the Spanish Basque "
				"Country. Adam Yates won the first stage ahead of his twin brother Simon.",
		    "2023-07-01"),
	};
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, NULL, NULL), 0);
	assert_string_equal(c->articles[0].lang, "fr");
	assert_string_equal(c->articles[1].lang, "en");
	assert_int_equal(story_of(c, "fr"), story_of(c, "en"));
	assert_int_equal(story_of(c, "other-fr"), story_of(c, "other-en"));
	assert_true(story_of(c, "fr") != story_of(c, "other-fr"));
	precis_comparison_free(c);
}

/* Successive rulings in one case: the same people and court, dates weeks apart. */
static void test_successive_rulings(void **state)
{
	(void)state;
	precis_article_input in[4] = {
		art("v1", "A jury in Minneapolis found Derek Chauvin guilty of the murder of George Floyd "
			  "on Tuesday. Judge Peter Cahill will sentence him in eight weeks.", "2021-04-20"),
		art("v2", "Derek Chauvin was convicted on Tuesday of murdering George Floyd, a Minneapolis "
			  "jury decided after ten hours of deliberation.", "2021-04-20"),
		art("s1", "Judge Peter Cahill sentenced Derek Chauvin on Friday to 22 and a half years in "
			  "prison for the murder of George Floyd in Minneapolis.", "2021-06-25"),
		art("s2", "Derek Chauvin was sentenced on Friday to 22.5 years for murdering George Floyd, "
			  "the judge in Minneapolis said.", "2021-06-25"),
	};
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.explain = true;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, &o, NULL), 0);
	assert_int_equal(story_of(c, "v1"), story_of(c, "v2"));
	assert_int_equal(story_of(c, "s1"), story_of(c, "s2"));
	assert_true(story_of(c, "v1") != story_of(c, "s1"));
	/* The refusal is explained by the dates: two months between the publications. */
	bool dated = false;
	for (size_t k = 0; k < c->ndecisions; k++)
		dated |= !c->decisions[k].linked &&
			 strstr(c->decisions[k].evidence, "published 66 days apart") != NULL;
	assert_true(dated);
	precis_comparison_free(c);
}

/* An article without any date still joins its event by content; --stories forces a count. */
static void test_undated_article_and_forced_count(void **state)
{
	(void)state;
	precis_article_input in[3] = {
		art("d1", "La Banque centrale européenne a relevé jeudi ses taux directeurs de 0,25 point, "
			  "à 4 %. Christine Lagarde n'exclut pas une nouvelle hausse en septembre.",
		    "2023-07-27"),
		art("d2", "Christine Lagarde a annoncé jeudi une hausse de 0,25 point des taux de la Banque "
			  "centrale européenne, portés à 4 %. La BCE reste vigilante sur l'inflation.",
		    "2023-07-27"),
		art("nodate", "Nouvelle hausse des taux de la Banque centrale européenne : Christine Lagarde "
			      "relève le taux de dépôt de 0,25 point, à 4 %, contre l'inflation.", NULL),
	};
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 3, NULL, NULL), 0);
	assert_null(c->articles[2].date);
	assert_int_equal(story_of(c, "d1"), story_of(c, "nodate"));
	assert_int_equal(story_of(c, "d2"), story_of(c, "nodate"));
	precis_comparison_free(c);
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.stories = 3;
	assert_int_equal(precis_compare_new(&c, A, in, 3, &o, NULL), 0);
	assert_int_equal(c->nstories, 3);
	precis_comparison_free(c);
}

/* Who the headline puts first, past a "Topic :" kicker; hyphenated pairs by their first half. */
static void test_headline_subject(void **state)
{
	(void)state;
	precis_article_input in[2] = {
		art("k", "Sommet Russie : Kim Jong-un et Vladimir Poutine renforcent leurs liens\n\n"
			 "Kim Jong-un et Vladimir Poutine se sont rencontrés jeudi à Vladivostok. Vladimir "
			 "Poutine a salué un dialogue utile avec Kim Jong-un.", NULL),
		art("h", "Rencontre Poutine-Kim à Vladivostok jeudi\n\n"
			 "Vladimir Poutine recevra jeudi Kim Jong-un à Vladivostok, a annoncé le Kremlin. "
			 "Vladimir Poutine et Kim Jong-un parleront du nucléaire.", NULL),
	};
	in[0].title = "Sommet Russie : Kim Jong-un et Vladimir Poutine renforcent leurs liens";
	in[1].title = "Rencontre Poutine-Kim à Vladivostok jeudi";
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, NULL), 0);
	assert_non_null(c->articles[0].subject);
	assert_string_equal(c->articles[0].subject, "Kim Jong-un");
	assert_non_null(c->articles[1].subject);
	assert_non_null(strstr(c->articles[1].subject, "Poutine"));
	assert_true(c->articles[1].nhead_terms > 0);
	assert_false(isnan(c->articles[1].head_vs_lead));
	precis_comparison_free(c);
}

/* Worker threads change nothing: the same stories and the same report, byte for byte. */
static void test_threads_same_report(void **state)
{
	(void)state;
	static const char *const city[4] = { "Lyon", "Lille", "Nantes", "Rennes" };
	static const char *const what[4] = { "une grève des transports", "un incendie d'entrepôt",
					     "une crue de la rivière", "un festival de musique" };
	precis_article_input in[24];
	char texts[24][400], ids[24][16];
	for (int k = 0; k < 24; k++) {
		int e = k % 4;
		snprintf(texts[k], sizeof texts[k],
			 "À %s, %s a marqué la journée de mardi, selon le récit numéro %d. Les habitants de %s "
			 "racontent %s. Le maire de %s promet un bilan.",
			 city[e], what[e], k, city[e], what[e], city[e]);
		snprintf(ids[k], sizeof ids[k], "t%d", k);
		in[k] = art(ids[k], texts[k], NULL);
	}
	char *out[2] = { NULL, NULL };
	for (int run = 0; run < 2; run++) {
		precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
		o.threads = run ? 4 : 1;
		precis_comparison *c;
		assert_int_equal(precis_compare_new(&c, A, in, 24, &o, NULL), 0);
		assert_int_equal(c->nstories, 4);
		size_t len;
		FILE *fp = open_memstream(&out[run], &len);
		assert_int_equal(precis_report_json(c, fp), 0);
		fclose(fp);
		precis_comparison_free(c);
	}
	assert_string_equal(out[0], out[1]);
	free(out[0]);
	free(out[1]);
}

/*
 * A story covered by most of a large collection: its words are in more
 * than a fifth of the articles, where the inverted index only walks a
 * window of postings. It must still come out as one story.
 */
static void test_dominant_story(void **state)
{
	(void)state;
	static const char *const extra[5] = {
		"Les pompiers ont travaillé toute la nuit.", "Le préfet a ouvert une cellule de crise.",
		"Des renforts sont arrivés de Bordeaux.", "La circulation reste coupée sur la RN 10.",
		"Une enquête a été confiée à la gendarmerie." };
	static const char *const other[5] = {
		"Le club de Brest a battu Lens deux buts à zéro samedi au stade Francis-Le Blé.",
		"La fusée Ariane 6 a décollé mardi de Kourou avec trois satellites à bord.",
		"Le festival d'Avignon a attiré cent mille spectateurs cet été selon les organisateurs.",
		"La Bourse de Paris a clôturé en hausse de deux pour cent vendredi soir.",
		"Un nouveau musée consacré à la bande dessinée ouvre ses portes à Angoulême." };
	precis_article_input in[90];
	char texts[90][600], ids[90][16];
	for (int k = 0; k < 90; k++) {
		if (k < 85)
			snprintf(texts[k], sizeof texts[k],
				 "Un incendie de forêt a détruit mille hectares près de Landiras, en Gironde, "
				 "a indiqué la préfecture. %s %s Les habitants de Landiras ont été évacués.",
				 extra[k % 5], extra[(k / 5) % 5]);
		else
			snprintf(texts[k], sizeof texts[k], "%s", other[k - 85]);
		snprintf(ids[k], sizeof ids[k], "d%d", k);
		in[k] = art(ids[k], texts[k], "2022-07-14");
	}
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 90, NULL, NULL), 0);
	assert_int_equal(c->stories[0].narticles, 85);
	assert_int_equal(c->nstories, 6);
	precis_comparison_free(c);
}

/* One sort-unique for id lists: sorted, repeats gone, count returned. */
static void test_u32_sort_unique(void **state)
{
	(void)state;
	uint32_t v[] = { 9, 2, 9, 4, 2, 2, 0 };
	size_t n = px_u32_sort_unique(v, 7);
	assert_int_equal(n, 4);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], 2);
	assert_int_equal(v[2], 4);
	assert_int_equal(v[3], 9);
	assert_int_equal(px_u32_sort_unique(v, 0), 0);
}

/* The one TF-IDF formula: smoothed idf, sublinear tf, unit length. */
static void test_one_tfidf_formula(void **state)
{
	(void)state;
	assert_true(fabs(px_idf_smooth(3, 0) - (log(4.0) + 1)) < 1e-12);
	assert_true(fabs(px_idf_smooth(3, 3) - 1) < 1e-12);
	uint32_t id[3] = { 0, 1, 2 };
	double w[3] = { 1, exp(1.0), 0 }; /* tf 1 and e: 1 + ln tf = 1 and 2 */
	double idf[3] = { 2, 1, 5 };
	px_vec v = { id, w, 3 };
	px_vec_weigh(&v, idf);
	/* (2, 2, 0) normalized. */
	assert_true(fabs(w[0] - sqrt(0.5)) < 1e-12);
	assert_true(fabs(w[1] - sqrt(0.5)) < 1e-12);
	assert_true(w[2] == 0);
	assert_true(fabs(px_vec_dot(&v, &v) - 1) < 1e-12);
}

/*
 * Grouping compares entities by their folded key, as meta does: a typeset
 * apostrophe in one outlet and a straight one in another are one person.
 */
static void test_folded_entity_keys(void **state)
{
	(void)state;
	precis_article_input in[2] = {
		art("a", "Le ministre Jean-Luc O'Connor a visité Besançon mardi. Jean-Luc O'Connor a "
			 "promis des crédits pour la ville. Les élus ont salué la visite du ministre.",
		    NULL),
		art("b", "Le ministre Jean-Luc O’Connor a inauguré un pont mardi. Jean-Luc "
			 "O’Connor a parlé longuement aux habitants. Le pont était attendu.",
		    NULL)
	};
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.explain = true;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, &o, NULL), 0);
	assert_int_equal(c->ndecisions, 1);
	assert_non_null(strstr(c->decisions[0].evidence, "1 shared entities: Jean-Luc O"));
	precis_comparison_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u32_sort_unique),
		cmocka_unit_test(test_one_tfidf_formula),
		cmocka_unit_test(test_folded_entity_keys),
		cmocka_unit_test(test_identical_text),
		cmocka_unit_test(test_single_article_no_date),
		cmocka_unit_test(test_twenty_articles_five_events),
		cmocka_unit_test(test_same_leaders_different_years),
		cmocka_unit_test(test_bad_article_kept_alone),
		cmocka_unit_test(test_no_record_lost),
		cmocka_unit_test(test_window_same_grouping),
		cmocka_unit_test(test_reuse_names_the_agency),
		cmocka_unit_test(test_french_and_english_one_event),
		cmocka_unit_test(test_successive_rulings),
		cmocka_unit_test(test_undated_article_and_forced_count),
		cmocka_unit_test(test_headline_subject),
		cmocka_unit_test(test_threads_same_report),
		cmocka_unit_test(test_dominant_story),
	};
	return cmocka_run_group_tests_name("compare", tests, tu_setup, tu_teardown);
}
