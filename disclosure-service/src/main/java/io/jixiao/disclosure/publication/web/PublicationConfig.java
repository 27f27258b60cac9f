package io.jixiao.disclosure.publication.web;

import io.jixiao.disclosure.journal.store.OwnEventJournal;
import io.jixiao.disclosure.publication.DisclosurePackage;
import io.jixiao.disclosure.publication.MovedEventTypes;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Spring-free {@link DisclosurePackage} aggregate with Axon, and makes journal failures roll back. */
@Configuration
class PublicationConfig {

    /** Package events stored before they moved to the {@code events} package read as the classes they now are. */
    @Bean
    MovedEventTypes movedEventTypes() {
        return new MovedEventTypes();
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
