package io.acog.bench;

import java.util.Arrays;

/** {@code acog-bench/run NAME}: runs one benchmark, printing its figures as key=value lines. */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "queries" -> QueriesBenchmark.run(rest);
            case "jobtracker" -> JobTrackerBenchmark.run(rest);
            case "pipeline" -> PipelineBenchmark.run(rest);
            case "assembly" -> AssemblyBenchmark.run(rest);
            default -> {
                System.err.println("usage: acog-bench/run NAME   (NAME: queries, jobtracker, pipeline, assembly)");
                System.exit(2);
            }
        }
    }

    /** The integer after {@code name} among the arguments, else {@code fallback}. */
    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
