package io.jixiao.disclosure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** disclosure-service: what is published — projections over both topics, reports, compliance findings. */
@SpringBootApplication
public class DisclosureServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(DisclosureServiceApplication.class, args);
    }
}
