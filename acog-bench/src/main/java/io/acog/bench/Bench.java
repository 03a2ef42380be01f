package io.acog.bench;

import java.util.Arrays;

/** {@code acog-bench/run NAME}: runs one benchmark, printing its figures as key=value lines. */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "queries" -> QueriesBenchmark.main(rest);
            case "jobtracker" -> JobTrackerBenchmark.main(rest);
            default -> {
                System.err.println("usage: acog-bench/run NAME   (NAME: queries, jobtracker)");
                System.exit(2);
            }
        }
    }
}
