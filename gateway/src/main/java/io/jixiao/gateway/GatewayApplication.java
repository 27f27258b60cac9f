package io.jixiao.gateway;

import java.util.Arrays;

import io.jixiao.gateway.security.TokenCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point of the suite: routing, authentication and authorization, correlation ids
 * and limits. {@code java -jar gateway-exec.jar token ...} prints a local token instead (see {@link TokenCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCli.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("sign-in")) {
            io.jixiao.gateway.web.SignInCli.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
