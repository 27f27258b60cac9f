package io.jixiao.audit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar audit-verifier.jar FILE}: prints {@code OK} and what was checked, or {@code BROKEN} and the first
 * broken link. Exit status 0 = OK, 1 = broken, 2 = the file could not be read as an export.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar audit-verifier.jar EXPORT.json");
            return 2;
        }
        Path file = Path.of(args[0]);
        try {
            if (!Files.isRegularFile(file)) {
                err.println("no such file: " + file);
                return 2;
            }
            long start = System.nanoTime();
            AuditExport.Result result = AuditExport.verify(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            AuditExport.Header h = result.header();
            String scope = h.service() + " district " + h.district() + (h.project() == null ? "" : " project " + h.project())
                    + " exported " + h.exportedAt();
            if (result.ok()) {
                out.println("OK " + result.events() + " events in " + result.aggregates() + " chains and "
                        + result.anchors() + " signed anchors (" + scope
                        + ") verified in " + millis + " ms");
                return 0;
            }
            out.println(result.firstBroken().get() + " (" + scope + ")");
            return 1;
        } catch (Exception e) {
            err.println("cannot verify " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
