package dev.winnow.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the charset of bytes whose declared charset does not decode them. Each candidate must decode
 * the bytes strictly (no malformed or unmappable sequence); among those, the text that reads most like
 * real writing wins: letters of one script rather than a mix, no C1 controls or private-use characters,
 * no stray symbols, sane letter case, and — for the multi-byte East Asian charsets — mostly characters
 * from the charset's common level rather than its rare one. Ties go to the earlier candidate.
 *
 * <p>Why not ICU4J's {@code CharsetDetector}: on the short titles feeds carry it named the right charset
 * for 7 of the 14 cases {@code FeedCharsetTest} and {@code TextDecoderTest} check (Big5, KOI8-R,
 * windows-1251/874 and short EUC text came back as ISO-8859-1), where this guesser gets all 14, at no
 * dependency cost.
 */
final class CharsetGuess {
    /** How many non-ASCII characters are looked at; plenty to tell charsets apart, cheap on big files. */
    private static final int SAMPLE = 4000;

    /** One candidate charset with what its text should look like. */
    private record Candidate(Charset charset, Family family) {
        Candidate(String name, Family family) {
            this(Charset.forName(name), family);
        }
    }

    /** Which language family a charset serves, for the script-specific plausibility signals. */
    private enum Family { JAPANESE, KOREAN, CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, SINGLE_BYTE }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("EUC-JP", Family.JAPANESE),
            new Candidate("windows-31j", Family.JAPANESE),
            new Candidate("EUC-KR", Family.KOREAN),
            new Candidate("GB18030", Family.CHINESE_SIMPLIFIED),
            new Candidate("Big5", Family.CHINESE_TRADITIONAL),
            new Candidate("KOI8-R", Family.SINGLE_BYTE),
            new Candidate("windows-1251", Family.SINGLE_BYTE),
            new Candidate("x-windows-874", Family.SINGLE_BYTE),
            new Candidate("windows-1252", Family.SINGLE_BYTE));

    private CharsetGuess() {
    }

    /**
     * The charset whose strict decoding of the first {@code length} bytes is the most plausible, or null
     * when none decodes them. The {@code fallback} single-byte charset (the declared one, else windows-1252)
     * competes too, read leniently, and wins ties: a declaration that fails on a stray byte or two still
     * beats mojibake, but not the right reading of bytes it mislabels.
     */
    static Charset best(byte[] b, int length, Charset fallback) {
        NonAsciiSample sample = NonAsciiSample.of(b, length, SAMPLE);
        Charset best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        if (fallback != null) {
            SingleByteTable table = SingleByteTable.of(fallback);
            String text = table != null ? sample.text(b, length, table) : new String(b, 0, length, fallback);
            best = fallback;
            bestScore = plausibility(text, new Candidate(fallback, Family.SINGLE_BYTE));
        }
        for (Candidate c : CANDIDATES) {
            if (c.charset().equals(fallback)) {
                continue; // already scored, on the same text where it decodes cleanly
            }
            String text = text(b, length, c, sample);
            if (text == null) {
                continue;
            }
            double score = plausibility(text, c);
            if (score > bestScore) {
                bestScore = score;
                best = c.charset();
            }
        }
        return best;
    }

    /**
     * What a candidate is judged on: the words holding non-ASCII characters, from the sampled bytes for a
     * single-byte charset (strictness follows from the byte values present), from the whole strict decoding
     * for a multi-byte one; null if it does not decode.
     */
    private static String text(byte[] b, int length, Candidate c, NonAsciiSample sample) {
        SingleByteTable table = c.family() == Family.SINGLE_BYTE ? SingleByteTable.of(c.charset()) : null;
        if (table == null) {
            String text = nonAsciiStretches(b, length, c.charset());
            return text == null ? null : NonAsciiSample.words(text, SAMPLE);
        }
        return table.decodesStrictly(sample.present()) ? sample.text(b, length, table) : null;
    }

    /**
     * The strict decoding, in a multi-byte candidate, of every stretch of the bytes between two bytes below
     * 0x30 that holds a non-ASCII byte (each stretch followed by a space), or null if one does not decode.
     * No lead or trail byte of EUC, Shift_JIS, GB18030 or Big5 is below 0x30, so at such a byte a decoder
     * is between characters or has just failed (the byte ending a stretch is decoded with it): the stretches
     * pass or fail as they would inside the whole page, and ASCII-only stretches read the same in all of them.
     * Decoding the whole page once per candidate was the cost of guessing.
     */
    private static String nonAsciiStretches(byte[] b, int length, Charset charset) {
        CharsetDecoder decoder = TextDecoder.strictDecoder(charset);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while ((i = TextDecoder.Utf8Check.skipAscii(b, i, length)) < length) {
            int start = i;
            while (start > 0 && (b[start - 1] & 0xff) >= 0x30) {
                start--;
            }
            int end = i;
            while (end < length && (b[end] & 0xff) >= 0x30) {
                end++;
            }
            int stop = Math.min(length, end + 1);
            String text = TextDecoder.strict(decoder, b, start, stop - start);
            if (text == null) {
                return null;
            }
            out.append(text).append(' ');
            i = stop;
        }
        return out.toString();
    }

    /** Between 0 (gibberish) and 1 (every non-ASCII character is a common letter of one script). */
    private static double plausibility(String text, Candidate c) {
        CharsetEncoder encoder = c.family() == Family.SINGLE_BYTE ? null : c.charset().newEncoder();
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        int n = 0;
        double bad = 0;
        double rare = 0;
        int kana = 0;
        int han = 0;
        int lower = 0;
        int upper = 0;
        int caseBreaks = 0;
        int prev = ' ';
        Character.UnicodeScript prevScript = null;
        int wordLatin = 0;
        int wordAccented = 0;
        for (int i = 0; i < text.length() && n < SAMPLE; ) {
            int cp = text.charAt(i);
            boolean ascii = cp < 0x80;
            boolean letter;
            boolean mark;
            boolean letterOrDigit;
            if (ascii) {
                // Most of any page: decided without the Unicode tables, the same way they would.
                i++;
                letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
                mark = false;
                letterOrDigit = letter || cp >= '0' && cp <= '9';
            } else {
                cp = text.codePointAt(i);
                i += Character.charCount(cp);
                letter = Character.isLetter(cp);
                mark = Character.getType(cp) == Character.NON_SPACING_MARK;
                letterOrDigit = Character.isLetterOrDigit(cp);
            }
            if (letter || mark) {
                Character.UnicodeScript script = ascii ? Character.UnicodeScript.LATIN
                        : group(Character.UnicodeScript.of(cp));
                if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                    if (prevScript != null && prevScript != script) {
                        bad++; // one word, two scripts: "cafי", "Aсo", "St้phane"
                    }
                    prevScript = script;
                }
                if (script == Character.UnicodeScript.LATIN) {
                    wordLatin++;
                    wordAccented += cp >= 0x80 ? 1 : 0;
                }
            } else if (!letterOrDigit) {
                prevScript = null;
                if (wordLatin >= 4 && 3 * wordAccented > 2 * wordLatin) {
                    bad += wordAccented; // "ùìåí": Latin words are mostly unaccented; mojibake words are not
                }
                wordLatin = 0;
                wordAccented = 0;
            }
            if (cp < 0x80) {
                prev = cp;
                continue;
            }
            n++;
            if (isJunk(cp)) {
                bad++;
            } else if (Character.isLetter(cp)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                    kana++;
                } else if (script == Character.UnicodeScript.HAN) {
                    han++;
                }
                if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                    scripts.merge(group(script), 1, Integer::sum);
                }
                if (c.family() == Family.SINGLE_BYTE && script != Character.UnicodeScript.LATIN
                        && !Character.isLetter(prev) && (i >= text.length() || !Character.isLetter(text.codePointAt(i)))) {
                    bad++; // a lone Thai or Cyrillic letter in Latin text: "ฉ 2005" is "© 2005" misread
                }
                if (Character.isLowerCase(cp)) {
                    lower++;
                } else if (Character.isUpperCase(cp)) {
                    upper++;
                    caseBreaks += Character.isLowerCase(prev) ? 1 : 0; // "wORd": upper right after lower
                }
                if (encoder != null && isRare(cp, encoder, c.family())) {
                    rare++;
                }
            } else if (isSymbol(cp) || (cp <= 0xBF && cp != 0xA0 && cp != 0xAB && cp != 0xBB) || cp == 0xD7 || cp == 0xF7) {
                bad += 0.5; // ¤¦¨¬¯±²³´¸¹¼½¾, ≥ ▓ and friends: rare in real text, everywhere in mojibake
            }
            prev = cp;
        }
        if (n == 0) {
            return 1;
        }
        if (kana > 0 && c.family() != Family.JAPANESE) {
            bad += kana; // Chinese and Korean writing has no kana
        }
        if (kana == 0 && han >= 2 && c.family() == Family.JAPANESE) {
            rare += han * 0.25; // Japanese text of any length has kana between its kanji
        }
        int dominant = scripts.values().stream().max(Integer::compare).orElse(0);
        int scriptLetters = scripts.values().stream().mapToInt(Integer::intValue).sum();
        // No letter beyond ASCII (only punctuation and symbols) is no sign of a mixed script.
        double coherence = scriptLetters == 0 ? 1 : (double) dominant / scriptLetters;
        double cased = lower + upper;
        double casePenalty = cased == 0 ? 0 : caseBreaks / cased + Math.max(0, upper / cased - 0.5);
        return Math.max(0, (n - 2 * bad - 0.5 * rare) / n) * coherence * (1 - Math.min(1, casePenalty));
    }

    private static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL;
    }

    /** Kana and kanji are one writing system; Hangul with hanja another. */
    private static Character.UnicodeScript group(Character.UnicodeScript s) {
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                ? Character.UnicodeScript.HAN : s;
    }

    /** Controls, unassigned, private use, replacement, lone jamo and half-width kana: never in clean text. */
    private static boolean isJunk(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || cp == 0xFFFD
                || (cp >= 0x3131 && cp <= 0x318E) || (cp >= 0xFF61 && cp <= 0xFF9F);
    }

    /**
     * Whether the character lies in the rare part of its charset. The national standards order their
     * characters by frequency level (JIS level 2, GB2312 level 2, Big5's less-common block, KS X 1001
     * hanja), which makes the byte value a frequency model that costs nothing to carry.
     */
    private static boolean isRare(int cp, CharsetEncoder encoder, Family family) {
        byte[] bytes;
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(Character.toChars(cp)));
            bytes = new byte[out.remaining()];
            out.get(bytes);
        } catch (CharacterCodingException e) {
            return true;
        }
        if (bytes.length < 2) {
            return false;
        }
        int lead = bytes[0] & 0xff;
        int trail = bytes[1] & 0xff;
        return switch (family) {
            case JAPANESE -> isShiftJis(encoder)
                    ? (lead >= 0x99 && lead <= 0x9F) || lead >= 0xE0 // level 2 starts at 0x989F
                    : bytes.length > 2 || lead == 0x8E || lead >= 0xD0;
            case KOREAN -> lead >= 0xCA;
            case CHINESE_SIMPLIFIED -> bytes.length > 2 || lead < 0xA1 || trail < 0xA1 || lead >= 0xD8;
            case CHINESE_TRADITIONAL -> lead >= 0xC9;
            case SINGLE_BYTE -> false;
        };
    }

    private static boolean isShiftJis(CharsetEncoder encoder) {
        return !encoder.charset().name().startsWith("EUC");
    }
}
