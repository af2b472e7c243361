package dev.winnow.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code daemon.json} in the data folder: the running daemon's {@link DaemonStatus}, replaced whenever it
 * changes and deleted when the daemon stops cleanly (one left behind by a killed daemon reads as not
 * running). The file is written with room to spare, so that on a full disk — when a new file cannot be
 * made — the daemon can still overwrite it in place and say that the index is not writable.
 */
public final class DaemonStatusFile {
    public static final String NAME = "daemon.json";
    private static final Logger LOG = LoggerFactory.getLogger(DaemonStatusFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bytes the file is padded to (with spaces, which JSON ignores), so updates fit in place. */
    private static final int ROOM = 4096;

    private final Path file;

    public DaemonStatusFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    /** Records the status; a failure is logged, never thrown, as it must not stop the daemon. */
    synchronized void write(DaemonStatus s) {
        byte[] bytes = padded(toJson(s));
        try {
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            overwriteInPlace(bytes, e);
        }
    }

    private void overwriteInPlace(byte[] bytes, IOException why) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < bytes.length) {
                throw why;
            }
            byte[] whole = Arrays.copyOf(bytes, (int) size);
            Arrays.fill(whole, bytes.length, whole.length, (byte) ' ');
            ch.write(ByteBuffer.wrap(whole), 0);
        } catch (IOException e) {
            LOG.warn("cannot update {}: {}", file, e.toString());
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }

    /** The status a daemon left in {@code dataDir}, if any (whether or not it still runs). */
    public static Optional<DaemonStatus> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode o = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(new DaemonStatus(o.path("pid").asLong(), instant(o.path("started")),
                    o.path("opml").textValue(), o.path("feeds").asInt(), o.path("index_error").textValue(),
                    instant(o.path("index_error_since")), o.path("unreachable").asInt()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // caught mid-write or damaged: no daemon is known
        }
    }

    private static byte[] toJson(DaemonStatus s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", s.pid());
        o.put("started", s.started().toString());
        o.put("opml", s.opml());
        o.put("feeds", s.feeds());
        o.put("index_error", s.indexError());
        o.put("index_error_since", s.indexErrorSince() == null ? null : s.indexErrorSince().toString());
        o.put("unreachable", s.unreachable());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(byte[] json) {
        int size = Math.max(ROOM, (json.length / ROOM + 1) * ROOM);
        byte[] out = Arrays.copyOf(json, size);
        Arrays.fill(out, json.length, size, (byte) ' ');
        return out;
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.textValue()) : null;
    }
}
