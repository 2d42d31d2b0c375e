package fr.jdma.collector.ops;

import fr.jdma.collector.storage.Database;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The JVM's and the connection pool's vital signs next to ours at /metrics, under the names
 * the usual dashboards know (jvm_*, hikaricp_connections_*).
 */
public final class RuntimeGauges {

    private RuntimeGauges() {
    }

    public static void register(Metrics metrics, Database database) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        metrics.gauge("jvm_memory_heap_used_bytes", "heap in use", () -> memory.getHeapMemoryUsage().getUsed());
        metrics.gauge("jvm_memory_heap_committed_bytes", "heap reserved from the OS", () -> memory.getHeapMemoryUsage().getCommitted());
        metrics.gauge("jvm_memory_heap_max_bytes", "largest heap allowed (-Xmx)", () -> memory.getHeapMemoryUsage().getMax());
        metrics.gauge("jvm_memory_nonheap_used_bytes", "metaspace, code cache and other non-heap memory in use",
                () -> memory.getNonHeapMemoryUsage().getUsed());
        metrics.gauge("jvm_threads_live", "live threads", threads::getThreadCount);
        metrics.gauge("jvm_threads_daemon", "live daemon threads", threads::getDaemonThreadCount);
        metrics.counter("jvm_gc_collections_total", "garbage collections since start", () -> ManagementFactory
                .getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum());
        metrics.gauge("process_uptime_seconds", "seconds since the collector started",
                () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        metrics.gauge("hikaricp_connections_active", "database connections in use", database::poolActive);
        metrics.gauge("hikaricp_connections_idle", "database connections open and free", database::poolIdle);
        metrics.gauge("hikaricp_connections_pending", "threads waiting for a database connection", database::poolWaiting);
        metrics.gauge("hikaricp_connections_max", "largest number of database connections", database::poolSize);
    }
}
