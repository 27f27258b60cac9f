package io.jixiao.disclosure.publication.web;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.publication.PackageRequests;
import io.jixiao.disclosure.publication.PackageView;
import io.jixiao.disclosure.web.Params;
import io.jixiao.support.context.Who;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A unit's disclosure packages of a year: publish, retract, read. */
@RestController
@RequestMapping("/api/disclosure/districts/{districtCode}/years/{year}/units/{unitId}/packages")
@Tag(name = "packages", description = "Disclosure packages (DisclosurePublished / DisclosureRetracted)")
public class PublicationController {
    /** As everywhere in the suite (decision 0002): a repeated request answered without recording anything. */
    static final String REPLAYED = "Idempotent-Replayed";
    private final PublicationService publications;

    public PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    @PostMapping
    @Operation(summary = "Publish a package",
            description = "201 when recorded, 200 when the same package was already recorded (nothing new), 409 when "
                    + "the package id was used for other content, 422 FATAL_FINDING_STANDS when a fatal finding "
                    + "stands for the unit and year (nothing recorded).")
    public ResponseEntity<PackageView> publish(@PathVariable String districtCode, @PathVariable int year,
                                               @PathVariable String unitId,
                                               @Valid @RequestBody PackageRequests.Publish request) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("unitId", unitId);
        Who.OWN_UNIT.require("publish disclosure packages of unit " + unitId, districtCode, unitId);
        PackageView view = publications.publish(districtCode, year, unitId, request);
        if (Boolean.TRUE.equals(view.replayed())) {
            return ResponseEntity.ok().header(REPLAYED, "true").body(view);
        }
        return ResponseEntity.created(URI.create("/api/disclosure/districts/" + districtCode + "/years/" + year
                + "/units/" + unitId + "/packages/" + view.packageId())).body(view);
    }

    @PostMapping("/{packageId}/retraction")
    @Operation(summary = "Retract a package", description = "Idempotent with the same reason; 409 with another.")
    public ResponseEntity<PackageView> retract(@PathVariable String districtCode, @PathVariable int year,
                                               @PathVariable String unitId, @PathVariable String packageId,
                                               @Valid @RequestBody PackageRequests.Retract request) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("unitId", unitId);
        Params.id("packageId", packageId);
        Who.OWN_UNIT.require("retract disclosure packages of unit " + unitId, districtCode, unitId);
        PackageView view = publications.retract(districtCode, year, unitId, packageId, request);
        return Boolean.TRUE.equals(view.replayed()) ? ResponseEntity.ok().header(REPLAYED, "true").body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    @Operation(summary = "The unit's packages of the year, a page at a time (Link rel=\"next\")")
    public ResponseEntity<List<PackageView>> list(@PathVariable String districtCode, @PathVariable int year,
                                  @PathVariable String unitId,
                                  @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false)
                                  Integer limit,
                                  @Parameter(description = Paging.AFTER_DOC + " (a package id)")
                                  @RequestParam(required = false) String after) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("unitId", unitId);
        PageRequest page = Paging.request(limit, after);
        Page<PackageView> shown = Paging.slice(publications.list(districtCode, year, unitId), page,
                PackageView::packageId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @GetMapping("/{packageId}")
    @Operation(summary = "One package")
    public PackageView get(@PathVariable String districtCode, @PathVariable int year, @PathVariable String unitId,
                           @PathVariable String packageId) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("unitId", unitId);
        Params.id("packageId", packageId);
        return publications.get(districtCode, year, unitId, packageId);
    }
}
