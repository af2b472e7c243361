package dev.winnow.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Edits a subscription list in place: adds and removes feed outlines while everything winnow does not
 * manage (folders, comments, {@code htmlUrl}, the head's {@code <title>}, unknown attributes, order)
 * is kept as it was. {@link #save} writes atomically and keeps the previous file as {@code NAME.bak}.
 * The XML serializer writes each element's attributes in alphabetical order; their values are kept.
 */
public final class OpmlEditor {
    private final Document doc;
    private final Element body;

    private OpmlEditor(Document doc) {
        this.doc = doc;
        this.body = OpmlReader.child(doc.getDocumentElement(), "body");
    }

    /** An editor over an existing OPML file's bytes. */
    public static OpmlEditor of(byte[] opml) throws FeedParseException {
        return new OpmlEditor(OpmlReader.parseOpml(opml));
    }

    /** An editor over an empty OPML 2.0 list with the given head title. */
    public static OpmlEditor empty(String title) {
        try {
            return of(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>"
                    + escapeText(title) + "</title>\n  </head>\n  <body>\n  </body>\n</opml>\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (FeedParseException e) {
            throw new IllegalStateException("the empty OPML template does not parse", e);
        }
    }

    /** The file's editor, or an empty list when the file does not exist yet. */
    public static OpmlEditor open(Path file) throws FeedParseException, IOException {
        return Files.exists(file) ? of(Files.readAllBytes(file)) : empty("winnow feeds");
    }

    /** Whether some outline, at any depth, subscribes to this URL. */
    public boolean contains(String url) {
        return !feedOutlines(url).isEmpty();
    }

    /** How many feed outlines the list holds, at any depth. */
    public int feedCount() {
        List<Element[]> all = new ArrayList<>();
        collectFeeds(body, null, all);
        return all.size();
    }

    /**
     * Adds a feed outline, in the top-level folder of that name (created when missing) or at the end of the
     * body when {@code folder} is null. Returns false, changing nothing, when the URL is already listed.
     */
    public boolean add(FeedSource feed, String folder) {
        if (contains(feed.url())) {
            return false;
        }
        Element outline = doc.createElement("outline");
        String name = feed.title() == null ? feed.url() : feed.title();
        outline.setAttribute("type", "rss");
        outline.setAttribute("text", name);
        outline.setAttribute("title", name);
        outline.setAttribute("xmlUrl", feed.url());
        if (feed.interval() != null) {
            outline.setAttribute("winnowInterval", OpmlWriter.format(feed.interval()));
        }
        if (feed.lang() != null) {
            outline.setAttribute("language", feed.lang());
        }
        append(folder == null ? body : folder(folder), outline);
        return true;
    }

    /**
     * Adds the feeds of another list that this one lacks, each with all its attributes (htmlUrl, description…)
     * into the top-level folder of the same name as its nearest folder in the other list. Returns how many.
     */
    public int importFrom(byte[] otherOpml) throws FeedParseException {
        Element otherBody = OpmlReader.child(OpmlReader.parseOpml(otherOpml).getDocumentElement(), "body");
        List<Element[]> feeds = new ArrayList<>(); // {outline, nearest folder or null}
        collectFeeds(otherBody, null, feeds);
        int added = 0;
        for (Element[] pair : feeds) {
            String url = OpmlReader.attribute(pair[0], "xmlUrl").strip();
            if (!isHttp(url) || contains(url)) {
                continue;
            }
            Element copy = (Element) doc.importNode(pair[0], false);
            String folderName = pair[1] == null ? null : folderName(pair[1]);
            append(folderName == null ? body : folder(folderName), copy);
            added++;
        }
        return added;
    }

    /** Removes every outline subscribing to this URL (its own children, if any, move up in its place). */
    public int remove(String url) {
        List<Element> found = feedOutlines(url);
        for (Element e : found) {
            Node parent = e.getParentNode();
            while (e.getFirstChild() != null) {
                parent.insertBefore(e.getFirstChild(), e);
            }
            Node before = e.getPreviousSibling();
            if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                parent.removeChild(before); // the line the outline stood on
            }
            parent.removeChild(e);
        }
        return found.size();
    }

    /** The edited document as text. */
    public String text() {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
                t.transform(new DOMSource(n), new StreamResult(out));
                out.write("\n");
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the OPML document", e);
        }
    }

    /**
     * Writes the list to {@code file}: to a temporary file beside it, then moved into place, so a crash
     * never leaves half a list; the file it replaces is kept as {@code file.bak}.
     */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text(), StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                Files.copy(file, backupOf(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Where {@link #save} keeps the previous version of {@code file}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private List<Element> feedOutlines(String url) {
        List<Element> found = new ArrayList<>();
        List<Element[]> all = new ArrayList<>();
        collectFeeds(body, null, all);
        for (Element[] pair : all) {
            if (OpmlReader.attribute(pair[0], "xmlUrl").strip().equals(url.strip())) {
                found.add(pair[0]);
            }
        }
        return found;
    }

    private static void collectFeeds(Element parent, Element folder, List<Element[]> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equalsIgnoreCase("outline")) {
                boolean feed = OpmlReader.attribute(e, "xmlUrl") != null;
                if (feed) {
                    out.add(new Element[] {e, folder});
                }
                collectFeeds(e, feed ? folder : e, out);
            }
        }
    }

    /** The top-level folder outline of that name (text or title, ignoring case), created at the end if missing. */
    private Element folder(String name) {
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equalsIgnoreCase("outline")
                    && OpmlReader.attribute(e, "xmlUrl") == null && name.equalsIgnoreCase(folderName(e))) {
                return e;
            }
        }
        Element folder = doc.createElement("outline");
        folder.setAttribute("text", name);
        folder.setAttribute("title", name);
        append(body, folder);
        return folder;
    }

    private static String folderName(Element folder) {
        String name = OpmlReader.attribute(folder, "text");
        if (name == null || name.isBlank()) {
            name = OpmlReader.attribute(folder, "title");
        }
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** Appends a child on its own line, indented one step deeper than its parent, as a person would. */
    private void append(Element parent, Element child) {
        int depth = depth(parent);
        String indent = "  ".repeat(depth + 1);
        Node last = parent.getLastChild();
        if (last != null && last.getNodeType() == Node.TEXT_NODE && last.getTextContent().isBlank()) {
            parent.insertBefore(doc.createTextNode("\n" + indent), last);
            parent.insertBefore(child, last);
            return;
        }
        parent.appendChild(doc.createTextNode("\n" + indent));
        parent.appendChild(child);
        parent.appendChild(doc.createTextNode("\n" + "  ".repeat(depth)));
    }

    private static int depth(Element e) {
        int d = 0;
        for (Node p = e.getParentNode(); p != null && p.getNodeType() == Node.ELEMENT_NODE; p = p.getParentNode()) {
            d++;
        }
        return d;
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
