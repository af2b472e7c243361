package dev.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordListsTest {
    @Test
    void everyLanguageFolderIsListedAndEveryFileLoads() throws Exception {
        assertEquals(List.of("en", "es", "pt", "fr", "de", "it", "nl"), WordLists.languages());
        Path root = Path.of(getClass().getClassLoader().getResource("dev/winnow/words").toURI());
        List<String> folders;
        try (Stream<Path> dirs = Files.list(root)) {
            folders = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(WordLists.languages().stream().sorted().toList(), folders, "a folder per listed language");
        for (String lang : folders) {
            List<Path> files;
            try (Stream<Path> list = Files.list(root.resolve(lang))) {
                files = list.toList();
            }
            assertFalse(files.isEmpty(), lang);
            for (Path file : files) {
                String name = file.getFileName().toString();
                assertTrue(name.endsWith(".txt"), file.toString());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(text.startsWith("# "), file + " opens with a comment saying what it is for");
                List<String> words = WordLists.of(lang, name.substring(0, name.length() - 4));
                assertFalse(words.isEmpty(), file.toString());
                assertTrue(words.stream().noneMatch(w -> w.isBlank() || w.startsWith("#")), file.toString());
                assertTrue(WordLists.all(name.substring(0, name.length() - 4)).containsAll(words), file.toString());
            }
        }
    }

    @Test
    void missingListOrLanguageIsEmptyNotAnError() {
        assertEquals(List.of(), WordLists.of("nl", "continuation-openers"));
        assertEquals(List.of(), WordLists.of("xx", "related-lead-ins"));
        assertEquals(List.of(), WordLists.all("no-such-list"));
        assertFalse(WordLists.byLanguage("continuation-openers").containsKey("nl"));
    }

    @Test
    void listsAreLoadedOnceAndShared() {
        assertSame(WordLists.of("en", "related-lead-ins"), WordLists.of("en", "related-lead-ins"));
        assertSame(WordLists.all("related-lead-ins"), WordLists.all("related-lead-ins"));
    }

    @Test
    void allMergesLanguagesInOrderWithoutRepeats() {
        List<String> all = WordLists.all("continuation-openers");
        assertEquals("also", all.get(0));
        assertEquals(all.size(), all.stream().distinct().count());
        assertTrue(all.contains("tambien") && all.contains("aber"));
    }

    @Test
    void unionMergesASharedListWithAStagesOwnAdditions() {
        List<String> union = WordLists.union("ad-lines", "ad-lines-extract");
        assertTrue(union.containsAll(WordLists.all("ad-lines")) && union.containsAll(WordLists.all("ad-lines-extract")));
        assertEquals(union.size(), union.stream().distinct().count());
        assertEquals(WordLists.all("ad-lines"), WordLists.union("ad-lines", "no-such-list"));
    }

    @Test
    void parseSkipsCommentsAndBlanksAndKeepsQuotedSpaces() {
        assertEquals(List.of("read more", "our ", "Lesen Sie auch"),
                WordLists.parse("# what it is for\n\n  read more \r\n\"our \"\n# another comment\nLesen Sie auch\n"));
    }
}
