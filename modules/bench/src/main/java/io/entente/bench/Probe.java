package io.entente.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Process measurements: CPU time, heap peaks, resident memory, and what the machine is. */
final class Probe {
    private Probe() {
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds; -1 when unknown. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Resets the peak usage of every heap pool (after a GC, so the next peak is the run's own). */
    static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    /**
     * The sum of the heap pools' peak usage since the last reset. An upper bound of the true peak
     * (pools peak at different moments), the measure JMH's and most profilers' "peak heap" use too.
     */
    static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmHWM (peak resident set, process-wide and monotonic) and VmRSS from /proc/self/status, in KiB; -1 when unknown. */
    static Map<String, Long> residentKiB() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("VmHWM", -1L);
        out.put("VmRSS", -1L);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                for (String key : List.copyOf(out.keySet())) {
                    if (line.startsWith(key + ":")) {
                        out.put(key, Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave -1
        }
        return out;
    }

    /** Cores, CPU model, memory, Java and OS, for the header of every result. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        m.put("cpu", cpu);
        long memKiB = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKiB = Long.parseLong(line.substring(9).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        m.put("memoryMiB", memKiB < 0 ? -1 : memKiB / 1024);
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }
}
