package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.events.DisclosurePublished;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link DisclosurePackage} aggregate and what they answer. */
public final class PackageCommands {
    private PackageCommands() {
    }

    /** The type every package's aggregate id starts with. */
    public static final String PACKAGE = "package";

    /**
     * The aggregate id of a package (ids are unique within a district), the one place this service forms one:
     * its type, the district, the package id ({@code package:430212:pkg-wjj}), as in the other services.
     * Stored events of the old form (district first) are rewritten by V5__type_prefixed_aggregate_keys.sql.
     */
    public static String packageKey(String districtCode, String packageId) {
        return PACKAGE + ":" + districtCode + ":" + packageId;
    }

    /** Publish a package: recorded once; the same publication again is a no-op, another one a conflict. */
    public record PublishPackage(@TargetAggregateIdentifier String packageKey, DisclosurePublished publication) {
    }

    /** Withdraw a published package, saying why. */
    public record RetractPackage(@TargetAggregateIdentifier String packageKey, String districtCode, int year,
                                 String unitId, String packageId, String reason, LocalDate retractedOn) {
    }

    /**
     * @param status   PUBLISHED or RETRACTED
     * @param replayed true when the command repeated what was already recorded (nothing new was recorded)
     * @param version  the package's last event sequence
     */
    public record Outcome(String packageId, String status, boolean replayed, long version) {
    }
}
