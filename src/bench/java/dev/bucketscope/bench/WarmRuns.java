package dev.bucketscope.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.bucketscope.cli.Main;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The same lint run N times in one JVM, to tell the work itself from start-up, compilation and the
 * interpreter: {@code WarmRuns N ARG…} runs {@code bucketscope ARG…} (output discarded) N times
 * and prints each run's wall and CPU time (all threads of the process). Run it with the launcher's
 * flags from the repository's folder, e.g.
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -cp target/bench/bench.jar:target/bucketscope.jar
 * dev.bucketscope.bench.WarmRuns 10 lint --today 2026-06-01 .}
 */
public final class WarmRuns {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        String[] lint = java.util.Arrays.copyOfRange(args, 1, args.length);
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= n; i++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            int code = Main.run(none, none, lint);
            System.out.printf(Locale.ROOT, "run %d: exit %d, wall %.0f ms, CPU %.0f ms%n", i, code,
                    (System.nanoTime() - wall) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6);
        }
    }
}
