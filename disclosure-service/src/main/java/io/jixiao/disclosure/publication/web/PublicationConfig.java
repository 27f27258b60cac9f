package io.jixiao.disclosure.publication.web;

import io.jixiao.disclosure.journal.store.OwnEventJournal;
import io.jixiao.disclosure.publication.DisclosurePackage;
import io.jixiao.disclosure.publication.MovedEventTypes;
import io.jixiao.support.personal.Contacts;
import io.jixiao.support.personal.PersonalData;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers the Spring-free {@link DisclosurePackage} aggregate with Axon, and makes journal failures roll back. */
@Configuration
class PublicationConfig {

    /** Package events stored before they moved to the {@code events} package read as the classes they now are. */
    @Bean
    MovedEventTypes movedEventTypes() {
        return new MovedEventTypes();
    }

    /**
     * Who is erased (加密删除): a person once evaluation-service's {@code PersonalDataErased} of them is in the district's
     * journal (its data key row is deleted in the same transaction, by the journal's projection). A package's contacts
     * refuse the id, and an erased actor's name stays out of new events (service-support's {@code ActorNames}).
     */
    @Bean
    Contacts.Erasures personErasures(JdbcTemplate jdbc) {
        return (districtCode, personId) -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM district_event WHERE district_code = ? AND type = 'PersonalDataErased' "
                        + "AND payload ->> 'personId' = ?)", Boolean.class, districtCode, personId));
    }

    @Bean
    Contacts packageContacts(PersonalData personal, Contacts.Erasures erasures) {
        return new Contacts(personal, erasures);
    }

    @Bean
    ConfigurerModule disclosurePackageAggregate() {
        return configurer -> configurer.configureAggregate(DisclosurePackage.class);
    }

    /**
     * The journal handler runs in the command's transaction (subscribing processor); an error there must fail the
     * command, so that no package event is stored without its journal row.
     */
    @Bean
    ConfigurerModule ownEventJournalErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(OwnEventJournal.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(OwnEventJournal.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
