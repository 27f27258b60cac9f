package io.jixiao.evaluation.personal;

import io.jixiao.support.personal.Contacts;
import io.jixiao.support.personal.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A form's contacts (填报人, 联系人, 联系电话) in evaluation-service: service-support's {@link Contacts}, knowing a person
 * erased from this service's own record of erasures ({@code personal_data_erasure}, written by {@link ErasureView}).
 * The same record keeps an erased actor's name out of new events (service-support's {@code ActorNames}).
 */
@Configuration(proxyBeanMethods = false)
public class FormContacts {
    @Bean
    Contacts.Erasures personErasures(JdbcTemplate jdbc) {
        return Contacts.Erasures.recordedIn(jdbc);
    }

    @Bean
    Contacts goalContacts(PersonalData personal, Contacts.Erasures erasures) {
        return new Contacts(personal, erasures);
    }
}
