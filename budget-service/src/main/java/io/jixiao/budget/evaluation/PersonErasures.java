package io.jixiao.budget.evaluation;

import io.jixiao.support.personal.Contacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persons budget-service knows to be erased (加密删除): those whose {@code PersonalDataErased} the
 * {@link EvaluationInbox} received ({@code personal_data_erasure}). Their names are not sealed into new events again.
 */
@Configuration(proxyBeanMethods = false)
public class PersonErasures {
    @Bean
    Contacts.Erasures erasedPersons(JdbcTemplate jdbc) {
        return Contacts.Erasures.recordedIn(jdbc);
    }
}
