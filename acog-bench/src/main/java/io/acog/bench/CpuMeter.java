package io.acog.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the PostgreSQL server processes on this machine (Linux {@code
 * /proc}; elsewhere the server's share reads 0): where a run's time went, and steadier than a
 * throughput figure on a shared machine.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on every Linux we run on

    /** CPU seconds used so far: {@code [jvm, postgres]}. */
    static double[] now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        return new double[] {jvm, postgres()};
    }

    private static double postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    ticks += postgresTicks(entry.resolve("stat"));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of a postgres process; 0 for any other or one that is gone. */
    private static long postgresTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < 0 || !line.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private CpuMeter() {}
}
