package dev.winnow.cluster;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz's {@code instanceId=AUTO} generator for winnow nodes: host, process id and a counter, so an
 * operator (or a test) can tell which process a row of the shared store belongs to, and two schedulers
 * in one JVM never share an id.
 */
public final class NodeIds implements InstanceIdGenerator {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public String generateInstanceId() {
        return next();
    }

    static String next() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
