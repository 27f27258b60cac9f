package io.jixiao.gateway.web;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar gateway-exec.jar sign-in [--sub S] [--roles R,…] [--districts D,…|*] [--name N] [--url U]}:
 * prints a sign-in link with a one-time code (valid five minutes, usable once) for a browser on the local stack;
 * the session's token carries the display name {@code --name} (default 张三). The code is written under
 * {@code $JIXIAO_DATA/sign-in}, which the gateway reads; never used in production.
 */
public final class SignInCli {

    private SignInCli() {
    }

    public static void main(String[] args) {
        String sub = "local-user";
        String roles = "FINANCE,AUDITOR";
        String districts = "*";
        String name = "张三";
        String url = "http://localhost:" + System.getenv().getOrDefault("JIXIAO_GATEWAY_PORT", "8080");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sub" -> sub = args[i + 1];
                case "--roles" -> roles = args[i + 1];
                case "--districts" -> districts = args[i + 1];
                case "--name" -> name = args[i + 1];
                case "--url" -> url = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path data = Path.of(System.getenv().getOrDefault("JIXIAO_DATA", ".jixiao"));
        System.out.println(link(data, url, new SignInCodes.Identity(sub, List.of(roles.split(",")),
                List.of(districts.split(",")), name)));
    }

    /** A sign-in link for {@code identity} on the gateway at {@code gatewayUrl}, its code written under {@code dataDir}. */
    public static String link(Path dataDir, String gatewayUrl, SignInCodes.Identity identity) {
        String code = new SignInCodes(SignInCodes.directoryOf(dataDir)).issue(identity, SignInCodes.DEFAULT_VALIDITY);
        return gatewayUrl + "/sign-in?code=" + code;
    }
}
