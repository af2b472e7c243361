package dev.winnow.filter;

import static dev.winnow.filter.Fixtures.EN_BODY;
import static dev.winnow.filter.Fixtures.EN_TITLE;
import static dev.winnow.filter.Fixtures.ES_BODY;
import static dev.winnow.filter.Fixtures.ES_TITLE;
import static dev.winnow.filter.Fixtures.inject;
import static dev.winnow.filter.Fixtures.statsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Removal;
import dev.winnow.article.TitleKeys;
import dev.winnow.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OffTopicFilterTest {
    private static final String ES_HEADLINE =
            "Detienen a un exalcalde por el desvío de fondos destinados a la construcción de hospitales";
    private static final String EN_HEADLINE = "Pop star announces farewell tour with twelve stadium concerts";

    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    private FilterResult run(String url, String title, List<String> body, String lang) {
        FilterInput in = new FilterInput(url, title, body, lang, List.of());
        return filter.filter(in, statsWith(in));
    }

    @Test
    void removesInjectedUnrelatedHeadlineWithReasonScoreAndSignals() {
        List<String> body = inject(ES_BODY, 4, ES_HEADLINE);
        FilterResult r = run("u:es", ES_TITLE, body, "es");

        assertEquals(Set.of(4), r.removedIndices());
        Removal rm = r.removals().get(0);
        assertEquals("filter", rm.stage());
        assertEquals("off-topic", rm.reason());
        assertTrue(rm.score() >= FilterSettings.defaults().threshold());
        Set<String> scored = new java.util.HashSet<>(LineSignals.NAMES);
        scored.remove(LineSignals.ELSEWHERE);
        assertTrue(rm.signals().keySet().containsAll(scored), "every signal of the score is recorded");
        assertFalse(rm.signals().containsKey(LineSignals.ELSEWHERE), "a short headline needs no guard's evidence");
        assertTrue(rm.signals().get(LineSignals.SIMILARITY) < 0.05);
    }

    @Test
    void removesInjectedHeadlineInEnglishAndKeepsShortSubheading() {
        List<String> body = inject(EN_BODY, 5, EN_HEADLINE);
        FilterResult r = run("u:en", EN_TITLE, body, "en");

        assertEquals(Set.of(5), r.removedIndices());
        assertTrue(r.kept(body).contains("Cheaper cells, longer range"));
    }

    @Test
    void keepsShortOnTopicSubheading() {
        FilterResult r = run("u:es", ES_TITLE, ES_BODY, "es");

        assertTrue(r.removals().isEmpty(), () -> "removed " + r.removals());
    }

    @Test
    void removesPrefixedRelatedHeadline() {
        List<String> body = inject(ES_BODY, 3, "Lee también: " + ES_HEADLINE);
        FilterResult r = run("u:es", ES_TITLE, body, "es");

        assertEquals(Set.of(3), r.removedIndices());
        assertEquals("related-prefix", r.removals().get(0).reason());
        assertEquals(1.0, r.removals().get(0).signals().get(LineSignals.PREFIX));
    }

    @Test
    void removesPromoLine() {
        List<String> body = inject(EN_BODY, EN_BODY.size(),
                "Sign up for our morning newsletter and get the day's top stories in your inbox.");
        FilterResult r = run("u:en", EN_TITLE, body, "en");

        assertEquals(Set.of(EN_BODY.size()), r.removedIndices());
        assertEquals("promo", r.removals().get(0).reason());
    }

    @Test
    void removesLineRepeatedAcrossArticlesAsBoilerplate() {
        String boiler = "Todas las noticias de la provincia, cada mañana";
        FilterInput es = new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 5, boiler), "es", List.of());
        FilterInput other = Fixtures.article("es-3", "Otra noticia cualquiera de la provincia", "es",
                "Un texto cualquiera sobre la feria del pueblo y sus casetas.", boiler);
        FilterResult r = filter.filter(es, statsWith(es, other));

        assertEquals(Set.of(5), r.removedIndices());
        assertEquals(1.0, r.removals().get(0).signals().get(LineSignals.REPEATED));
    }

    @Test
    void neverRemovesTheTitleRepeatedInTheBody() {
        List<String> body = inject(EN_BODY, 3, EN_TITLE);
        FilterResult r = run("u:en", EN_TITLE, body, "en");

        assertTrue(r.removals().isEmpty());
        LineVerdict v = filter.assess(new FilterInput("u:en", EN_TITLE, body, "en", List.of()), statsWith())
                .get(3);
        assertEquals("title", v.guard());
        assertTrue(!v.removed());
    }

    @Test
    void leavesShortArticleAloneOnTopicalEvidenceOnly() {
        List<String> body = List.of(ES_BODY.get(0), ES_HEADLINE, ES_BODY.get(1));
        FilterInput in = new FilterInput("u:es", ES_TITLE, body, "es", List.of());
        FilterResult r = filter.filter(in, statsWith(in));

        assertTrue(r.removals().isEmpty(), () -> "removed " + r.removals());
        assertEquals("short-article", filter.assess(in, statsWith(in)).get(1).guard());
    }

    @Test
    void shortArticleStillLosesAKnownTitle() {
        FilterInput other = Fixtures.article("u:other", ES_HEADLINE, "es", "Texto de otra noticia.");
        FilterInput in = new FilterInput("u:es", ES_TITLE, List.of(ES_BODY.get(0), ES_HEADLINE, ES_BODY.get(1)),
                "es", List.of());
        FilterResult r = filter.filter(in, statsWith(in, other));

        assertEquals(Set.of(1), r.removedIndices());
        assertEquals("known-title", r.removals().get(0).reason());
    }

    @Test
    void removesKnownTitleFromTheIndexEvenWhenOnTopic() {
        // An on-topic related link: same subject, but it is the headline of another article in the index.
        String related = "Los regantes de la Axarquía piden más agua del embalse de Iznájar";
        CorpusStats index = new CorpusStats() {
            @Override
            public long docCount(String lang) {
                return 0;
            }

            @Override
            public long docFreq(String lang, String term) {
                return 0;
            }

            @Override
            public boolean isKnownTitle(String titleKey, String excludeUrl) {
                return titleKey.equals(TitleKeys.of(related)) && !"u:regantes".equals(excludeUrl);
            }
        };
        FilterInput in = new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 6, "Leer más » " + related), "es",
                List.of());
        FilterResult r = filter.filter(in, BatchCorpusStats.of(index, List.of(in)));

        assertEquals(Set.of(6), r.removedIndices());
        assertEquals("known-title", r.removals().get(0).reason());
    }

    @Test
    void removesSiblingTitleOfTheSameFeed() {
        FilterInput in = new FilterInput("u:en", EN_TITLE, inject(EN_BODY, 4, "Union leaders welcome plant jobs"),
                "en", List.of("Union leaders welcome plant jobs", "Unrelated other item"));
        FilterResult r = filter.filter(in, statsWith(in));

        assertEquals(Set.of(4), r.removedIndices());
        assertEquals("known-title", r.removals().get(0).reason());
    }

    @Test
    void matchesAnotherTitleWithoutItsSiteSuffix() {
        FilterInput in = new FilterInput("u:en", EN_TITLE,
                inject(EN_BODY, 4, "Union leaders welcome plant jobs | The Daily Courier"), "en",
                List.of("Union leaders welcome plant jobs"));
        FilterResult r = filter.filter(in, statsWith(in));

        assertEquals(Set.of(4), r.removedIndices());
        assertEquals("known-title", r.removals().get(0).reason());
    }

    @Test
    void respectsTheShareCap() {
        Config c = Config.defaults().with("filter.max-share", "0.2");
        OffTopicFilter capped = new OffTopicFilter(FilterSettings.from(c));
        List<String> body = new ArrayList<>(EN_BODY.subList(0, 3));
        body.add("Sign up for our newsletter to get the top stories in your inbox.");
        body.add("Download our app and turn on notifications for breaking news.");
        body.add("Follow us on Facebook, X and Instagram.");
        FilterInput in = new FilterInput("u:en", EN_TITLE, body, "en", List.of());

        List<LineVerdict> verdicts = capped.assess(in, statsWith(in));
        assertEquals(1, verdicts.stream().filter(LineVerdict::removed).count(), "floor(0.2 × 6) = 1 line");
        assertEquals(2, verdicts.stream().filter(v -> "share-cap".equals(v.guard())).count());
        assertEquals(3, filter.filter(in, statsWith(in)).removals().size(), "default share lets all three go");
    }

    @Test
    void longLineNeedsEvidenceBeyondLowSimilarity() {
        // Shares no word with the article and brings no name of its own: a digression, not another story.
        String digression = "Hace un siglo, los abuelos de muchos vecinos de la comarca emigraron al otro lado "
                + "del océano en busca de trabajo, una historia familiar que todavía se cuenta en las sobremesas "
                + "de los pueblos de la sierra.";
        Config c = Config.defaults().with("filter.threshold", "0.001");
        OffTopicFilter guarded = new OffTopicFilter(FilterSettings.from(c));
        FilterInput in = new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 5, digression), "es", List.of());

        LineVerdict v = guarded.assess(in, statsWith(in)).get(5);
        assertEquals("long-line", v.guard());
        assertTrue(!v.removed());
    }

    @Test
    void keepsLongParagraphSharingNoWordWithItsArticle() throws Exception {
        // A real article: its second paragraph shares no word with the rest, but names nothing new either.
        FilterInput es = Fixtures.resource("es-banco-central.txt", "es");
        FilterInput en = Fixtures.resource("en-school-meals.txt", "en");

        assertEquals(List.of(), filter.filter(es, statsWith(es)).removals());
        assertEquals(List.of(), filter.filter(en, statsWith(en)).removals());
        LineVerdict unanimity = filter.assess(es, statsWith(es)).get(1);
        assertTrue(unanimity.text().startsWith("La decisión, adoptada por unanimidad"));
        assertTrue(!unanimity.removed());
    }

    @Test
    void longLedeBringingNewNamesIsNotShieldedLikeAParagraphWithout() throws Exception {
        // Both long lines score above a permissive threshold; only the lede names people and places the
        // article never mentions, so only the paragraph is kept by the long-line guard.
        OffTopicFilter permissive = new OffTopicFilter(FilterSettings.from(
                Config.defaults().with("filter.threshold", "0.05")));
        FilterInput es = Fixtures.resource("es-banco-central-lede.txt", "es");
        FilterInput en = Fixtures.resource("en-school-meals-lede.txt", "en");

        List<LineVerdict> esVerdicts = permissive.assess(es, statsWith(es));
        assertEquals(Set.of(4), permissive.filter(es, statsWith(es)).removedIndices());
        assertEquals("long-line", esVerdicts.get(1).guard(), "the unanimity paragraph names nobody new");
        assertTrue(esVerdicts.get(4).signals().get(LineSignals.EARLY_NAME) > 0, "Atlético de Madrid opens the lede");
        assertEquals(Set.of(4), permissive.filter(en, statsWith(en)).removedIndices());
    }

    @Test
    void longLineFittingAnotherStoryOfTheBatchIsNotShielded() {
        // No name of its own, so only its closeness to another article of the batch (a match report) can
        // tell this lede from a digression of the drought article.
        String lede = "El equipo perdió en su estadio por dos goles a uno, con un gol en el último minuto tras un "
                + "córner, y el entrenador quedó muy cuestionado por la afición a siete puntos del liderato.";
        FilterInput match = Fixtures.article("es-match", "El Betis pierde en el último minuto ante el Celta", "es",
                "El Betis perdió este sábado en su estadio por dos goles a uno ante el Celta, que marcó el gol "
                        + "de la victoria en el último minuto tras un córner.",
                "La afición despidió al equipo con pitos y el entrenador admitió que el equipo está a siete "
                        + "puntos del liderato.");
        OffTopicFilter permissive = new OffTopicFilter(FilterSettings.from(
                Config.defaults().with("filter.threshold", "0.01")));
        FilterInput in = new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 4, lede), "es", List.of());

        LineVerdict withMatch = permissive.assess(in, statsWith(in, match)).get(4);
        LineVerdict alone = permissive.assess(in, BatchCorpusStats.of(CorpusStats.EMPTY, List.of(in))).get(4);

        assertTrue(withMatch.removed(), () -> "kept: " + withMatch);
        assertTrue(withMatch.signals().get(LineSignals.ELSEWHERE) > 0.1);
        assertEquals("long-line", alone.guard(), "with no story to fit better, the lede looks like a digression");
    }

    @Test
    void keepsTheArticlesCreditLineThatNamesPeopleItNeverMentions() {
        List<String> body = new ArrayList<>(EN_BODY);
        body.add("(Reporting by Jane Holloway in Columbus; Editing by Mark Pierce)");
        FilterResult r = run("u:en", EN_TITLE, body, "en");

        assertTrue(r.removals().isEmpty(), () -> "removed " + r.removals());
    }

    @Test
    void flagsLineInAnotherLanguage() {
        List<String> body = inject(EN_BODY, 4,
                "El Gobierno ha aprobado este martes una nueva ley de vivienda que limita el precio de los alquileres.");
        FilterResult r = run("u:en", EN_TITLE, body, "en");

        assertEquals(Set.of(4), r.removedIndices());
        assertEquals(1.0, r.removals().get(0).signals().get(LineSignals.LANGUAGE));
    }

    @Test
    void detectsTheLanguageWhenNoneIsDeclared() {
        FilterResult r = run("u:es", ES_TITLE, inject(ES_BODY, 4, ES_HEADLINE), null);

        assertEquals("es", r.lang());
        assertEquals(Set.of(4), r.removedIndices());
    }

    @Test
    void cleansAnArticleInALanguageWithoutAChainOfItsOwn() {
        List<String> body = List.of(
                "Банк России на заседании в пятницу сохранил ключевую ставку на уровне 16% годовых, сообщил регулятор.",
                "Решение совпало с ожиданиями большинства аналитиков, опрошенных агентствами накануне заседания.",
                "По словам председателя Центробанка, инфляция замедляется, но остаётся выше цели в 4%.",
                "Регулятор допустил снижение ставки во втором полугодии, если инфляционные ожидания снизятся.",
                "Футбольный клуб «Спартак» объявил о подписании контракта с бразильским нападающим",
                "Аналитики считают, что высокая ставка будет сдерживать кредитование и рост экономики.",
                "Subscribe to our newsletter to get the latest news delivered to your inbox every morning.",
                "Следующее заседание совета директоров Банка России по ключевой ставке запланировано на июль.");
        FilterResult r = run("u:ru", "Центробанк сохранил ключевую ставку на уровне 16 процентов", body, null);

        assertEquals("ru", r.lang());
        assertEquals(Set.of(4, 6), r.removedIndices());
        assertEquals(1.0, r.removals().get(1).signals().get(LineSignals.LANGUAGE));
    }

    @Test
    void givesTheSameVerdictsWhenSharedBetweenThreads() throws Exception {
        List<FilterInput> inputs = List.of(
                new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 4, ES_HEADLINE), "es", List.of()),
                new FilterInput("u:en", EN_TITLE, inject(EN_BODY, 5, EN_HEADLINE), "en", List.of()),
                new FilterInput("u:es2", ES_TITLE, inject(ES_BODY, 3, "Lee también: " + ES_HEADLINE), "es", List.of()));
        CorpusStats stats = statsWith(inputs.toArray(new FilterInput[0]));
        List<Set<Integer>> expected = inputs.stream().map(in -> filter.filter(in, stats).removedIndices()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Set<Integer>>> futures = new ArrayList<>();
            for (int k = 0; k < 60; k++) {
                FilterInput in = inputs.get(k % inputs.size());
                futures.add(pool.submit(() -> filter.filter(in, stats).removedIndices()));
            }
            for (int k = 0; k < futures.size(); k++) {
                assertEquals(expected.get(k % inputs.size()), futures.get(k).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void worksOnAnEmptyCorpus() {
        FilterInput in = new FilterInput("u:en", EN_TITLE, inject(EN_BODY, 5, EN_HEADLINE), "en", List.of());
        FilterResult r = filter.filter(in, CorpusStats.EMPTY);

        assertEquals(Set.of(5), r.removedIndices());
    }
}
