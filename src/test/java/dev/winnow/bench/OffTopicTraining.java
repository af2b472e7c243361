package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.article.Block;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.feed.FeedItem;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.ParsedFeed;
import dev.winnow.lang.LanguageDetector;
import dev.winnow.lang.Languages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Training cases for the off-topic filter built from the public data in {@code ../shared}, never from the
 * off-topic dev set: host bodies from the extraction sets (the English set's ground truth, the news pages of
 * extraction-wceb's {@code l3s-gn1} and {@code dragnet} truth, and the multilingual pages as the extractor
 * reads them, less the lines their truth marks as boilerplate), injected with headlines and ledes of
 * <em>other</em> pages and of the real feed fixtures' items in the same language, with "related" lead-ins
 * and promo lines written here as generic templates. Cases have the off-topic benchmark's format, so the
 * benchmark and the fit read them alike.
 *
 * <p>How cases are made, after the benchmark's README: pages are split by a hash of their id into hosts and
 * donors; a host has 4 to 40 lines; a quarter of the cases get no injection, the others one to three,
 * between two lines (never before the first) or, some, after the last; a donor line is used once and only
 * when it shares few words with the host. Deterministic for a seed.
 *
 * <p>Run alone to write the cases: {@code -Dbench=OffTopicTraining -Dbench.args="--out FILE [--shared DIR]"}.
 */
public final class OffTopicTraining {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LanguageDetector DETECTOR = new LanguageDetector();
    private static final List<String> LANGS = List.of("de", "en", "es", "fr", "pt");
    /** Hosts per language at most, so English does not drown the others. */
    private static final int MAX_HOSTS = 300;
    private static final int MIN_LINES = 4;
    private static final int MAX_LINES = 40;
    /** A donor line shares at most this share of its content words with the host. */
    private static final double MAX_OVERLAP = 0.25;

    /** Generic "related" lead-ins, written for these cases. */
    private static final Map<String, List<String>> LEAD_INS = Map.of(
            "en", List.of("See also: ", "More on this: ", "Recommended: ", "Also on our site: ", "Don't miss: "),
            "de", List.of("Auch interessant: ", "Mehr zum Thema: ", "Empfohlen: ", "Das könnte Sie interessieren: ",
                    "Siehe auch: "),
            "es", List.of("Ver también: ", "Recomendado: ", "Más noticias: ", "Te recomendamos: ", "Relacionado: "),
            "fr", List.of("Voir aussi : ", "Sur le même sujet : ", "Recommandé : ", "À découvrir : ", "Lire la suite : "),
            "pt", List.of("Veja também: ", "Recomendado: ", "Saiba mais: ", "Relacionado: ", "Confira: "));

    /** Generic promo lines, written for these cases. */
    private static final Map<String, List<String>> PROMOS = Map.of(
            "en", List.of("Sign up for our daily briefing and get the top stories in your inbox.",
                    "Follow us on Facebook and Twitter for the latest updates.",
                    "Download our app to read the news wherever you are.",
                    "Subscribe now and get unlimited access for just $1 a week.",
                    "Click here to join our WhatsApp channel.",
                    "Support independent journalism: become a member today."),
            "de", List.of("Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachricht mehr.",
                    "Folgen Sie uns auf Facebook, Instagram und Twitter.",
                    "Laden Sie jetzt unsere App herunter und lesen Sie unterwegs weiter.",
                    "Jetzt abonnieren und alle Artikel lesen: den ersten Monat gratis.",
                    "Hier klicken, um unserem Kanal auf WhatsApp zu folgen.",
                    "Unterstützen Sie unabhängigen Journalismus mit Ihrem Abo."),
            "es", List.of("Suscríbete a nuestro boletín y recibe las noticias más importantes del día.",
                    "Síguenos en Facebook, Twitter e Instagram.",
                    "Descarga nuestra aplicación y lee las noticias donde estés.",
                    "Suscríbete ahora y accede a todo nuestro contenido por un euro al mes.",
                    "Haz clic aquí para unirte a nuestro canal de WhatsApp.",
                    "Apoya el periodismo independiente: hazte socio hoy."),
            "fr", List.of("Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
                    "Suivez-nous sur Facebook, Twitter et Instagram.",
                    "Téléchargez notre application pour lire l'actualité partout.",
                    "Abonnez-vous maintenant et profitez d'un accès illimité pour 1 euro.",
                    "Cliquez ici pour rejoindre notre chaîne WhatsApp.",
                    "Soutenez le journalisme indépendant : devenez membre dès aujourd'hui."),
            "pt", List.of("Assine a nossa newsletter e receba as principais notícias do dia.",
                    "Siga-nos no Facebook, Twitter e Instagram.",
                    "Baixe o nosso aplicativo e leia as notícias onde estiver.",
                    "Assine agora e tenha acesso ilimitado por apenas R$ 1,90 por mês.",
                    "Clique aqui para entrar no nosso canal do WhatsApp.",
                    "Apoie o jornalismo independente: torne-se assinante hoje."));

    /** One article as a host or donor: language, title, body lines. */
    record Page(String id, String lang, String title, List<String> lines) {
        /**
         * The page with its sentences of {@value #PROSE_WORDS} words or more only: the truths count bylines,
         * dates, photo credits and page furniture as article text, which would teach the fit to keep them.
         */
        Page proseOnly() {
            return new Page(id, lang, title, lines.stream()
                    .filter(l -> wordCount(l) >= PROSE_WORDS && l.matches(".*[.!?][\"”»’)]*$")).toList());
        }
    }

    /** Host lines shorter than this are left out ({@link Page#proseOnly}). */
    private static final int PROSE_WORDS = 8;

    /** A donor line: a headline or a lede of another article, with its content words. */
    record Donor(String kind, String text, Set<String> words) {
    }

    private OffTopicTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = OffTopicCases.sharedDir();
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> cases = build(shared, 13);
        System.out.println(describe(cases));
        if (out != null) {
            Files.write(out, cases, StandardCharsets.UTF_8);
            System.out.println("written to " + out);
        }
    }

    /** The cases (JSON lines) built from {@code shared}; empty when its data is absent. */
    static List<String> build(Path shared, long seed) throws IOException {
        List<Page> pages = new ArrayList<>();
        pages.addAll(englishTruth(shared.resolve("bench/extraction")));
        pages.addAll(newsTruth(shared.resolve("bench/extraction-wceb/truth.json")));
        pages.addAll(multilingualPages(shared.resolve("bench/extraction-multi")));
        Map<String, List<Page>> hosts = new HashMap<>();
        Map<String, List<Donor>> donors = new HashMap<>();
        for (Page p : pages) {
            if (Math.floorMod(p.id().hashCode(), 3) == 0) {
                addDonors(donors, p.lang(), p.title(), p.lines().isEmpty() ? null : p.lines().get(0));
            } else {
                Page prose = p.proseOnly();
                if (prose.lines().size() >= MIN_LINES && prose.lines().size() <= MAX_LINES) {
                    hosts.computeIfAbsent(p.lang(), k -> new ArrayList<>()).add(prose);
                }
            }
        }
        feedDonors(shared.resolve("fixtures/feeds"), donors);
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String lang : LANGS) {
            List<Page> hs = new ArrayList<>(hosts.getOrDefault(lang, List.of()));
            java.util.Collections.shuffle(hs, random);
            List<Donor> pool = new ArrayList<>(donors.getOrDefault(lang, List.of()));
            java.util.Collections.shuffle(pool, random);
            for (Page h : hs.subList(0, Math.min(MAX_HOSTS, hs.size()))) {
                out.add(inject(h, pool, random));
            }
        }
        return out;
    }

    /** Counts of cases, lines and injections by language and kind. */
    static String describe(List<String> cases) {
        Map<String, int[]> byLang = new LinkedHashMap<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (String l : cases) {
            JsonNode n = OffTopicCases.parse(l);
            int[] c = byLang.computeIfAbsent(n.get("lang").asText(), k -> new int[3]);
            c[0]++;
            c[1] += n.get("paragraphs").size();
            n.get("kinds").forEach(k -> {
                if (!k.isNull()) {
                    c[2]++;
                    byKind.merge(k.asText(), 1, Integer::sum);
                }
            });
        }
        StringBuilder sb = new StringBuilder("generated cases by language (cases/lines/injected):");
        byLang.forEach((k, c) -> sb.append(String.format(Locale.ROOT, " %s %d/%d/%d", k, c[0], c[1], c[2])));
        sb.append("; injected by kind: ").append(byKind);
        return sb.toString();
    }

    private static String inject(Page host, List<Donor> pool, Random random) {
        List<String> lines = new ArrayList<>(host.lines());
        List<String> kinds = new ArrayList<>(java.util.Collections.nCopies(lines.size(), (String) null));
        int wanted = random.nextDouble() < 0.25 ? 0 : 1 + random.nextInt(3);
        Set<String> hostWords = words(host.title(), host.lines());
        for (int k = 0; k < wanted; k++) {
            double kind = random.nextDouble();
            String text;
            String label;
            if (kind < 0.2) {
                List<String> promos = PROMOS.get(host.lang());
                text = promos.get(random.nextInt(promos.size()));
                label = "promo";
            } else {
                Donor d = takeDonor(pool, hostWords, kind < 0.55 ? "lede" : "headline");
                if (d == null) {
                    continue;
                }
                boolean prefixed = d.kind().equals("headline") && kind > 0.85;
                List<String> leadIns = LEAD_INS.get(host.lang());
                text = prefixed ? leadIns.get(random.nextInt(leadIns.size())) + d.text() : d.text();
                label = prefixed ? "prefixed_headline" : d.kind();
            }
            int at = random.nextDouble() < 0.15 ? lines.size() : 1 + random.nextInt(lines.size() - 1);
            lines.add(at, text);
            kinds.add(at, label);
        }
        return OffTopicCases.json(host.lang() + "-gen-" + host.id(), host.lang(), host.title(), lines, kinds,
                "generated:" + host.id());
    }

    /** The first unused donor of that kind (else of any kind) sharing few words with the host; removed. */
    static Donor takeDonor(List<Donor> pool, Set<String> hostWords, String kind) {
        for (String k : List.of(kind, "")) {
            for (Iterator<Donor> it = pool.iterator(); it.hasNext(); ) {
                Donor d = it.next();
                if ((k.isEmpty() || d.kind().equals(k)) && overlap(d.words(), hostWords) <= MAX_OVERLAP) {
                    it.remove();
                    return d;
                }
            }
        }
        return null;
    }

    private static double overlap(Set<String> line, Set<String> host) {
        if (line.isEmpty()) {
            return 1;
        }
        long shared = line.stream().filter(host::contains).count();
        return (double) shared / line.size();
    }

    /** The {@link #words} of an article's title and lines together. */
    static Set<String> words(String title, List<String> lines) {
        Set<String> out = words(title);
        lines.forEach(l -> out.addAll(words(l)));
        return out;
    }

    /** Lower-cased words of five or more letters: content words in these languages, near enough. */
    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 5) {
                out.add(w);
            }
        }
        return out;
    }

    private static void addDonors(Map<String, List<Donor>> donors, String lang, String title, String firstLine) {
        List<Donor> pool = donors.computeIfAbsent(lang, k -> new ArrayList<>());
        if (title != null && wordCount(title) >= 5 && wordCount(title) <= 25) {
            pool.add(new Donor("headline", title.strip(), words(title)));
        }
        String lede = lede(firstLine);
        if (lede != null) {
            pool.add(new Donor("lede", lede, words(lede)));
        }
    }

    /** The first one or two sentences of a text, when they make 12 to 60 words. */
    static String lede(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        String[] sentences = t.split("(?<=[.!?])\\s+(?=[\\p{Lu}\"“«¿¡])");
        String lede = sentences[0];
        if (wordCount(lede) < 12 && sentences.length > 1) {
            lede = lede + " " + sentences[1];
        }
        int words = wordCount(lede);
        return words >= 12 && words <= 60 && lede.matches(".*[.!?][\"”»’)]*$") ? lede : null;
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** The English extraction set: its ground-truth body, the title as the extractor reads it. */
    private static List<Page> englishTruth(Path dir) throws IOException {
        return extractedPages(dir, (id, truth, extracted) -> new Page("x" + id.substring(0, 12), "en",
                extracted.title() == null ? "" : extracted.title(), truthLines(truth.path("articleBody").asText(""))));
    }

    /** Makes a host or donor of one page of an extraction set, or null to leave it out. */
    @FunctionalInterface
    private interface PageReader {
        Page read(String id, JsonNode truth, ExtractedArticle extracted);
    }

    /** The pages of an extraction set that have a truth entry, each read by the extractor and then by {@code reader}. */
    private static List<Page> extractedPages(Path dir, PageReader reader) throws IOException {
        Path truth = dir.resolve("truth.json");
        if (!Files.isRegularFile(truth)) {
            return List.of();
        }
        ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());
        List<Page> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(truth.toFile()).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path page = dir.resolve("pages/" + e.getKey() + ".html.gz");
            if (!Files.isRegularFile(page)) {
                continue;
            }
            ExtractedArticle extracted = extractor.extract(new PageInput(ExtractionBench.gunzip(page),
                    e.getValue().path("url").asText(null), null));
            Page p = reader.read(e.getKey(), e.getValue(), extracted);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** News pages of extraction-wceb ({@code l3s-gn1}, {@code dragnet}): the truth's first line is the headline. */
    private static List<Page> newsTruth(Path truth) throws IOException {
        if (!Files.isRegularFile(truth)) {
            return List.of();
        }
        List<Page> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(truth.toFile()).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String dataset = e.getValue().path("dataset").asText();
            if (!dataset.equals("l3s-gn1") && !dataset.equals("dragnet")) {
                continue;
            }
            List<String> lines = truthLines(e.getValue().path("articleBody").asText(""));
            if (lines.size() < 2 || lines.stream().anyMatch(l -> l.contains("?????"))) {
                continue;
            }
            String lang = DETECTOR.detect(String.join(" ", lines));
            if (LANGS.contains(lang)) {
                out.add(new Page(e.getKey(), lang, lines.get(0), lines.subList(1, lines.size())));
            }
        }
        return out;
    }

    private static List<String> truthLines(String body) {
        return Stream.of(body.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * The multilingual pages as the extractor reads them, less every line holding one of the truth's
     * "without" snippets (boilerplate by the truth's own judgement).
     */
    private static List<Page> multilingualPages(Path dir) throws IOException {
        return extractedPages(dir, (id, truth, extracted) -> {
            String lang = truth.path("lang").asText();
            if (!LANGS.contains(lang)) {
                return null;
            }
            List<String> without = new ArrayList<>();
            truth.path("without").forEach(w -> without.add(w.asText().strip()));
            List<String> lines = extracted.blocks().stream().map(Block::text)
                    .filter(l -> without.stream().noneMatch(w -> !w.isEmpty() && l.contains(w))).toList();
            return new Page("m" + id.substring(0, 12), lang, extracted.title() == null ? "" : extracted.title(), lines);
        });
    }

    /** Headlines and ledes of the feed fixtures' items, in the language the feed declares or the text shows. */
    /** Headlines and ledes of the shared fixtures' real feeds, by language: other stories' lines to inject. */
    static Map<String, List<Donor>> feedDonors(Path shared) throws IOException {
        Map<String, List<Donor>> donors = new HashMap<>();
        feedDonors(shared.resolve("fixtures/feeds"), donors);
        return donors;
    }

    private static void feedDonors(Path dir, Map<String, List<Donor>> donors) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        FeedParser parser = new FeedParser();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            ParsedFeed feed;
            try {
                feed = parser.parse(Files.readAllBytes(f), "https://feeds.example/" + f.getFileName(), null);
            } catch (Exception e) {
                continue;
            }
            for (FeedItem item : feed.items()) {
                String summary = item.summary() != null ? item.summary()
                        : item.contentHtml() == null ? null : Jsoup.parse(item.contentHtml()).text();
                String title = item.title();
                String text = (title == null ? "" : title) + " " + (summary == null ? "" : summary);
                String lang = Languages.normalize(feed.lang());
                String detected = DETECTOR.detect(text);
                if (!LANGS.contains(lang) || (Languages.isKnown(detected) && !detected.equals(lang))) {
                    lang = detected;
                }
                if (LANGS.contains(lang) && seen.add(text)) {
                    addDonors(donors, lang, title, summary);
                }
            }
        }
    }
}
