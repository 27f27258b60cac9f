package io.jixiao.gateway.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;

/**
 * Prints a signed token for the local stack, using (or creating) the same key the gateway uses.
 *
 * <pre>
 * java -jar gateway/target/gateway-exec.jar token --sub alice --roles FINANCE --districts 430203
 * </pre>
 *
 * Options: {@code --sub} (required), {@code --roles} (comma-separated, required), {@code --districts}
 * (comma-separated 6-digit codes or {@code *}, required), {@code --units} (the units a UNIT user acts for,
 * comma-separated, or {@code *}), {@code --agency} (the agency an EVALUATOR belongs to), {@code --name} (the
 * display name, claim {@code name}), {@code --ttl} (default 8h, at most the gateway's
 * {@code jixiao.jwt.max-lifetime}), {@code --aud} (default jixiao), {@code --keys-dir} (default
 * {@code $JIXIAO_DATA/keys}, else {@code .jixiao/keys}). The token goes to stdout alone, so {@code TOKEN=$(...)}
 * works.
 */
public final class TokenCli {

    private static final String USAGE = "usage: token --sub <user> --roles <ROLE[,ROLE]> --districts <code[,code]|*>"
            + " [--units <unitId[,unitId]|*>] [--agency <name>] [--name <display name>] [--ttl 8h] [--aud jixiao]"
            + " [--keys-dir <dir>]\n  roles: " + Arrays.toString(Role.values());

    private TokenCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv("JIXIAO_DATA"), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Issues one token; returns the process exit status. */
    static int run(String[] args, String dataDir, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
            String subject = required(options, "sub");
            List<String> roles = roles(required(options, "roles"));
            List<String> districts = districts(required(options, "districts"));
            Duration ttl = DurationStyle.detectAndParse(options.getOrDefault("ttl", "8h"));
            TokenSpec spec = TokenSpec.of(subject, roles, districts).withValidity(ttl)
                    .withAudience(options.getOrDefault("aud", TokenIssuer.AUDIENCE))
                    .withUnits(options.containsKey("units") ? split(options.get("units")) : List.of())
                    .withAgency(options.get("agency"))
                    .withName(options.get("name"));
            Path keysDir = keysDir(options, dataDir);
            out.println(new TokenIssuer(LocalSigningKey.loadOrCreate(keysDir)).issue(spec));
            err.println("token for " + subject + " " + roles + " in " + districts + ", valid until "
                    + spec.expiresAt() + " (key " + keysDir.resolve(LocalSigningKey.FILE_NAME) + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value.trim();
    }

    private static List<String> roles(String commaSeparated) {
        List<String> roles = split(commaSeparated);
        roles.stream().filter(role -> Role.named(role).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("unknown role: " + unknown);
        });
        return roles;
    }

    private static List<String> districts(String commaSeparated) {
        List<String> districts = split(commaSeparated);
        districts.stream().filter(code -> !code.equals(Districts.ALL_MARKER) && !io.jixiao.events.DistrictCode.isValid(code))
                .findFirst().ifPresent(bad -> {
                    throw new IllegalArgumentException("not a 6-digit district code or *: " + bad);
                });
        return districts;
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Path keysDir(Map<String, String> options, String dataDir) {
        if (options.containsKey("keys-dir")) {
            return Path.of(options.get("keys-dir"));
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? ".jixiao" : dataDir, "keys");
    }
}
