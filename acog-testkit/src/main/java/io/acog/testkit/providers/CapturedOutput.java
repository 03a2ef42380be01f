package io.acog.testkit.providers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * What is written to {@code System.out} and {@code System.err} while some work runs, where an
 * SLF4J binding such as slf4j-simple writes its log lines: the kits read it for secrets. What is
 * written still goes on to the streams it went to before.
 */
final class CapturedOutput {

    private CapturedOutput() {}

    /**
     * Runs the work and returns what it (and any other thread meanwhile) wrote.
     *
     * @param work what to run
     * @return the text written to either stream while it ran
     * @throws Exception what the work threw
     */
    static String of(Callable<Void> work) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (PrintStream tee = new PrintStream(new Tee(lines, out), true, StandardCharsets.UTF_8);
                PrintStream teeErr = new PrintStream(new Tee(lines, err), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            System.setErr(teeErr);
            work.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        synchronized (lines) {
            return lines.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to a capture and on to where the stream went before. */
    private static final class Tee extends OutputStream {

        private final OutputStream capture;
        private final OutputStream onward;

        Tee(OutputStream capture, OutputStream onward) {
            this.capture = capture;
            this.onward = onward;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (capture) {
                capture.write(b);
            }
            onward.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (capture) {
                capture.write(b, off, len);
            }
            onward.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            onward.flush();
        }
    }
}
