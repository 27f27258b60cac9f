package io.jixiao.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the four service jars are: {@code services/} next to the running local-stack.jar by default. */
final class ServicesDirectory {

    /** System property naming the directory of the service jars. */
    static final String PROPERTY = "jixiao.services.dir";
    /** System property naming a directory that holds {@code services/} (set by the failsafe configuration). */
    static final String HOME_PROPERTY = "jixiao.home";

    private ServicesDirectory() {
    }

    static Path locate() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home, "services").toAbsolutePath();
        }
        return besideCodeSource().resolve("services");
    }

    /** The folder of local-stack.jar (or of target/classes when run from an IDE: target/ either way). */
    private static Path besideCodeSource() {
        CodeSource codeSource = ServicesDirectory.class.getProtectionDomain().getCodeSource();
        if (codeSource == null) {
            return Path.of("local-stack", "target").toAbsolutePath();
        }
        try {
            return Path.of(codeSource.getLocation().toURI()).toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + codeSource.getLocation(), e);
        }
    }
}
