package dev.bucketscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's result goes: standard output, or --output FILE (parent folders created). */
final class Output {
    private Output() {}

    static void write(String rendered, Path file, PrintWriter out) throws UsageException {
        if (file == null) {
            out.print(rendered);
            out.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
