package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.article.StoredArticle;
import dev.winnow.config.Config;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.LineVerdict;
import dev.winnow.filter.JsonlBatchCleaner;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import dev.winnow.index.ArticleIndex;
import dev.winnow.pipeline.Candidate;
import dev.winnow.pipeline.CleaningStage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code winnow clean}: extraction and off-topic filtering of single pages (files, .gz too, or URLs), or of
 * pre-split articles in JSON Lines, without touching the index.
 */
@Command(name = "clean", description = "Extract and filter single pages (HTML files, .gz, or URLs) without touching the index.")
final class CleanCommand extends WinnowCommand {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @Parameters(arity = "0..*", paramLabel = "FILE_OR_URL", description = "HTML files (optionally gzipped) or http(s) URLs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Read pre-split articles {\"id\",\"title\",\"paragraphs\",\"lang\"?} per line ('-' for stdin); "
                    + "print {\"id\",\"removed\",\"reasons\"} per line.")
    String jsonl;

    @Option(names = "--json", description = "One JSON object per input: source, title, header, lang, text, removed.")
    boolean json;

    @Option(names = "--scores", description = "Also list each kept line with its score and signals (JSON and --jsonl: \"kept\").")
    boolean scores;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        if (jsonl != null && !inputs.isEmpty()) {
            throw new UsageException("give pages or --jsonl, not both");
        }
        if (jsonl == null && inputs.isEmpty()) {
            throw new UsageException("give at least one FILE or URL, or --jsonl FILE");
        }
        CorpusStats stats = CorpusStats.EMPTY;
        Path data = dataDir();
        try (ArticleIndex index = Files.isDirectory(data) ? components.openReadOnly(data) : null) {
            if (index != null) {
                stats = index.corpusStats();
            }
            return jsonl != null ? cleanJsonl(components, stats) : cleanPages(components, stats);
        }
    }

    private int cleanJsonl(Components components, CorpusStats stats) throws IOException {
        PrintWriter out = out();
        JsonlBatchCleaner cleaner = new JsonlBatchCleaner(components.filter(), scores);
        if (!"-".equals(jsonl)) {
            try {
                requireReadableFile(Path.of(jsonl));
            } catch (IOException e) {
                err().println("winnow: " + jsonl + ": " + e.getMessage());
                err().flush();
                return Main.PARTIAL_FAILURE;
            }
        }
        try (BufferedReader in = "-".equals(jsonl)
                ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                // Malformed UTF-8 becomes U+FFFD, so a bad line is reported by number rather than ending the run.
                : new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(Path.of(jsonl)), StandardCharsets.UTF_8))) {
            JsonlBatchCleaner.Summary summary = cleaner.run(in, out, stats);
            out.flush();
            String name = "-".equals(jsonl) ? "stdin" : jsonl;
            for (String error : summary.errors()) { // each bad line, by number and why: never skipped silently
                err().println("winnow: " + name + " " + error);
            }
            err().flush();
            return !summary.errors().isEmpty() ? Main.PARTIAL_FAILURE : Main.OK;
        }
    }

    private int cleanPages(Components components, CorpusStats stats) {
        ArticleExtractor extractor = components.extractor();
        HttpFetcher fetcher = components.fetcher();
        PrintWriter out = out();
        PrintWriter err = err();
        List<Candidate> batch = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<List<String>> headers = new ArrayList<>();
        int failures = 0;
        for (String input : inputs) {
            try {
                PageInput page = load(input, fetcher);
                ExtractedArticle x = extractor.extract(page);
                if (!x.isArticle()) {
                    err.println("winnow: " + input + ": no article (" + x.notArticleReason() + ")");
                    failures++;
                    continue;
                }
                String url = page.url() != null ? page.url() : Path.of(input).toAbsolutePath().toUri().toString();
                batch.add(new Candidate(url, null, x, null));
                sources.add(input);
                headers.add(x.header());
            } catch (IOException | RuntimeException e) {
                err.println("winnow: " + input + ": " + e.getMessage());
                failures++;
            }
        }
        CleaningStage stage = new CleaningStage(components.filter());
        List<StoredArticle> cleaned = stage.clean(batch, stats, null, Instant.now());
        List<List<LineVerdict>> verdicts = scores ? stage.assess(batch, stats) : List.of();
        for (int i = 0; i < cleaned.size(); i++) {
            print(sources.get(i), headers.get(i), cleaned.get(i), scores ? kept(verdicts.get(i)) : null, out);
        }
        out.flush();
        return failures > 0 ? Main.PARTIAL_FAILURE : Main.OK;
    }

    private static List<LineVerdict> kept(List<LineVerdict> verdicts) {
        return verdicts.stream().filter(v -> !v.removed()).toList();
    }

    /**
     * One cleaned page; with {@code kept} (when --scores) its kept lines' scores too. The header (byline,
     * dateline) is shown apart from the text because extraction keeps it out of the body.
     */
    private void print(String source, List<String> header, StoredArticle a, List<LineVerdict> kept, PrintWriter out) {
        if (json) {
            ObjectNode o = Json.object();
            o.put("source", source);
            o.put("title", a.title());
            ArrayNode headerLines = o.putArray("header");
            header.forEach(headerLines::add);
            o.put("lang", a.lang());
            o.put("text", a.text());
            o.set("removed", Json.removals(a.removed()));
            if (kept != null) {
                o.set("kept", ShowCommand.keptJson(kept));
            }
            out.println(Json.line(o));
            return;
        }
        out.println("== " + source);
        out.println(a.title());
        header.forEach(out::println);
        out.println();
        out.println(a.text());
        out.println();
        ShowCommand.printRemovals(a.removed(), false, out);
        if (kept != null) {
            ShowCommand.printKept(kept, out);
        }
        out.println();
    }

    private static PageInput load(String input, HttpFetcher fetcher) throws IOException {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            FetchResult r = fetcher.fetch(FetchRequest.page(input));
            return new PageInput(r.body(), r.finalUrl(), r.contentType());
        }
        Path file = Path.of(input);
        requireReadableFile(file);
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
        }
        byte[] page = maybeGunzip(Files.readAllBytes(file));
        if (looksBinary(page)) {
            throw new IOException("not an HTML page: the file holds binary data");
        }
        return new PageInput(page, null, null);
    }

    private static void requireReadableFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("file not readable (permission denied)");
        }
    }

    /**
     * Whether bytes are no text page: a PDF, or NUL bytes or many control characters near the start (images,
     * archives, executables). UTF-16 pages, which do hold NULs, start with a byte order mark and are let through.
     */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        if (n >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            return false;
        }
        if (n >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return true;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control * 20 > n; // over 5%: no text encoding produces that many
    }

    /** Pages saved as .gz are common in archives; recognise them by their magic bytes, not their name. */
    static byte[] maybeGunzip(byte[] bytes) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (out.length > MAX_FILE_BYTES) {
                throw new IOException("decompressed page larger than " + MAX_FILE_BYTES + " bytes");
            }
            return out;
        }
    }
}
