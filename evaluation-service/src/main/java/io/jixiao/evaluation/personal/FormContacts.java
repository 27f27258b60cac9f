package io.jixiao.evaluation.personal;

import io.jixiao.support.personal.Contacts;
import io.jixiao.support.personal.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A form's contacts (填报人, 联系人, 联系电话) in evaluation-service: service-support's {@link Contacts}, knowing a person
 * erased from this service's own record of erasures ({@code personal_data_erasure}, written by {@link ErasureView}).
 */
@Configuration(proxyBeanMethods = false)
public class FormContacts {
    @Bean
    Contacts goalContacts(PersonalData personal, JdbcTemplate jdbc) {
        return new Contacts(personal, (districtCode, personId) -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM personal_data_erasure WHERE district_code = ? AND person_id = ?)",
                Boolean.class, districtCode, personId)));
    }
}
