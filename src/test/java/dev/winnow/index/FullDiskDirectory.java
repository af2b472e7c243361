package dev.winnow.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A directory whose disk can be "filled": while full, every new file and every byte written fails as
 * the operating system reports it ("No space left on device"), so tests can run out of space on demand.
 */
public final class FullDiskDirectory extends FilterDirectory {
    private final AtomicBoolean full = new AtomicBoolean();

    public FullDiskDirectory(Directory in) {
        super(in);
    }

    public void fill() {
        full.set(true);
    }

    public void free() {
        full.set(false);
    }

    private void check() throws IOException {
        if (full.get()) {
            throw new IOException("No space left on device");
        }
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        check();
        return new Guarded(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        check();
        return new Guarded(in.createTempOutput(prefix, suffix, context));
    }

    /** An output that fails its writes once the disk is full. */
    private final class Guarded extends IndexOutput {
        private final IndexOutput out;

        Guarded(IndexOutput out) {
            super("guarded(" + out + ")", out.getName());
            this.out = out;
        }

        @Override
        public void writeByte(byte b) throws IOException {
            check();
            out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            check();
            out.writeBytes(b, offset, length);
        }

        @Override
        public long getFilePointer() {
            return out.getFilePointer();
        }

        @Override
        public long getChecksum() throws IOException {
            return out.getChecksum();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
