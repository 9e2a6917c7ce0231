package org.buildwithukraine.licence.techdata.rest;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.ContentDigest;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.techdata.FileName;
import org.buildwithukraine.licence.techdata.Requester;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;
import org.buildwithukraine.licence.techdata.service.Acknowledgement;
import org.buildwithukraine.licence.techdata.service.AccessRecords;
import org.buildwithukraine.licence.techdata.service.Download;
import org.buildwithukraine.licence.techdata.service.TechnicalDataService;
import org.buildwithukraine.licence.techdata.service.Upload;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/technologies/{code}/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Technical data", description = "Released revisions of a technology's technical data, for the "
        + "factories licensed to build it")
@SecurityRequirement(name = "bearer")
public class TechnicalDataResource {

    /** The header the gateway names each request with, in its log and towards the services. */
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_DOC = "The gateway's id of the request, kept in the access record; "
            + "one is made up when absent";
    /** What the gateway accepts from its clients as a request id; anything else is replaced. */
    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String DOWNLOAD_ID = "X-Download-Id";
    private static final String DEFAULT_MEDIA_TYPE = MediaType.APPLICATION_OCTET_STREAM;
    private static final int MAX_MEDIA_TYPE_LENGTH = 200;
    private static final String DIGEST_RULE = "required, the SHA-256 of the body as RFC 9530 writes it: "
            + "sha-256=:<base64>:";

    /** Every role that can be named in a token, whether or not the access rule lets it in. */
    private static final Set<String> REALM_ROLES = Set.of(MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK,
            NETWORK_ADMIN, OPERATOR, FACTORY_MES);

    private final TechnicalDataService releases;
    private final AccessRecords records;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TechnicalDataResource(TechnicalDataService releases, AccessRecords records,
            IdempotentRequests idempotency, Caller caller) {
        this.releases = releases;
        this.records = records;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Transactional
    @Operation(summary = "Start the technology's next revision (A, B, …) as a DRAFT, with its release notes")
    @APIResponse(responseCode = "201", description = "Drafted; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReleaseResponse.class)))
    public Response draft(@PathParam("code") String code,
            @Parameter(description = IdempotencyKey.OPTIONAL_DOC) @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid NewReleaseRequest request) {
        // keys are per technology: the code is in the path, not in the hashed body
        return idempotency.optional("releases.draft " + code, key, request,
                () -> created(releases.draft(code, request.notes().strip(), caller.actor())));
    }

    @POST
    @Path("/{revision}/release")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Release a DRAFT revision (→ RELEASED); the revision released before it is SUPERSEDED")
    public ReleaseResponse release(@PathParam("code") String code, @PathParam("revision") String revision) {
        return response(releases.release(code, revision, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{revision}/withdraw")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Withdraw a RELEASED or SUPERSEDED revision (→ WITHDRAWN); reason required")
    public ReleaseResponse withdraw(@PathParam("code") String code, @PathParam("revision") String revision,
            @NotNull @Valid WithdrawReleaseRequest request) {
        return response(releases.withdraw(code, revision, request.reason().strip(), caller.actor()));
    }

    @GET
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "The technology's revisions in order: every one for officers, the RELEASED one for "
            + "a factory licensed to produce the technology; every attempt is on record")
    public List<ReleaseResponse> list(@PathParam("code") String code,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        return releases.list(code, requester(), caller.actor(), requestIdOrNew(requestId)).stream()
                .map(this::response).toList();
    }

    @GET
    @Path("/access-records")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Every listing and read of the technology's technical data, allowed or refused, newest "
            + "first: who, for which factory, under which licence, what was answered")
    public Page<AccessRecordResponse> accessRecords(@PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return records.ofTechnology(code, new PageRequest(page, size)).map(AccessRecordResponse::of);
    }

    @GET
    @Path("/{revision}")
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "One revision, as far as the caller's role and licence reach; every attempt is on record")
    public ReleaseResponse get(@PathParam("code") String code, @PathParam("revision") String revision,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        return response(releases.get(code, revision, requester(), caller.actor(), requestIdOrNew(requestId)));
    }

    @PUT
    @Path("/{revision}/files/{name}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Upload one file of a DRAFT revision (201 new, 200 replacing the file of that name), "
            + "streamed; Content-Digest (RFC 9530, sha-256) required, a mismatch or a body over the size limit keeps "
            + "nothing")
    @RequestBody(required = true, description = "The file's bytes; Content-Type is its media type",
            content = @Content(mediaType = MediaType.WILDCARD,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored as a new file of the release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileResponse.class)))
    @APIResponse(responseCode = "200", description = "Stored in place of the file of that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileResponse.class)))
    public Response upload(@PathParam("code") String code, @PathParam("revision") String revision,
            @PathParam("name") String name,
            @Parameter(description = "The file's media type; " + DEFAULT_MEDIA_TYPE + " when absent")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "sha-256=:<base64 of the body's SHA-256>: (RFC 9530)", required = true)
            @HeaderParam(ContentDigest.HEADER) String contentDigest,
            InputStream body) {
        List<FieldError> errors = new ArrayList<>();
        if (!FileName.isValid(name)) {
            errors.add(new FieldError("name", FileName.RULE));
        }
        Optional<byte[]> sha256 = ContentDigest.sha256(contentDigest);
        if (sha256.isEmpty()) {
            errors.add(new FieldError(ContentDigest.HEADER, DIGEST_RULE));
        }
        Optional<String> mediaType = mediaType(contentType);
        if (mediaType.isEmpty()) {
            errors.add(new FieldError(HttpHeaders.CONTENT_TYPE, "a media type such as application/pdf"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Upload upload = releases.upload(code, revision, name, mediaType.get(), sha256.get(), body, caller.actor());
        FileResponse file = FileResponse.of(upload.file());
        return upload.created()
                ? Response.created(URI.create("/api/technologies/" + code + "/releases/" + revision + "/files/"
                        + name)).entity(file).build()
                : Response.ok(file).build();
    }

    @DELETE
    @Path("/{revision}/files/{name}")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Remove one file of a DRAFT revision")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteFile(@PathParam("code") String code, @PathParam("revision") String revision,
            @PathParam("name") String name) {
        releases.deleteFile(code, revision, name);
    }

    @POST
    @Path("/{revision}/acknowledgement")
    @RolesAllowed(MANUFACTURER)
    @Operation(summary = "Acknowledge the revision's export-control notice, which downloading its files needs "
            + "(201 the first time, 200 when already acknowledged); allowed as a read is, and on record")
    @APIResponse(responseCode = "201", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcknowledgementResponse.class)))
    @APIResponse(responseCode = "200", description = "Acknowledged before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcknowledgementResponse.class)))
    public Response acknowledge(@PathParam("code") String code, @PathParam("revision") String revision,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        Acknowledgement acknowledgement = releases.acknowledge(code, revision, requester(), caller.actor(),
                requestIdOrNew(requestId));
        return Response.status(acknowledgement.created() ? 201 : 200)
                .entity(AcknowledgementResponse.of(acknowledgement.acknowledgement())).build();
    }

    @GET
    @Path("/{revision}/files/{name}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "Download one file, streamed: allowed as a read is, for a manufacturer once the "
            + "revision's notice is acknowledged (409 before); a PDF is stamped on every page with the factory, the "
            + "person and the download id, any other file is served as uploaded; every attempt is on record")
    @APIResponse(responseCode = "200", description = "The file's bytes, as its media type",
            content = @Content(mediaType = MediaType.WILDCARD,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = {
                    @Header(name = ContentDigest.HEADER, description = "sha-256=:<base64>: of the bytes served",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = DOWNLOAD_ID, description = "The download's id, in its access record and on "
                            + "each page of a PDF", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                    @Header(name = "Content-Disposition", description = "attachment; filename=\"<name>\"",
                            schema = @Schema(type = SchemaType.STRING)) })
    public Response download(@PathParam("code") String code, @PathParam("revision") String revision,
            @PathParam("name") String name,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        Download download = releases.download(code, revision, name, requester(), caller.actor(),
                requestIdOrNew(requestId));
        StreamingOutput bytes = download.body()::writeTo;
        // the name is one FileName allows: nothing in it needs quoting
        return Response.ok(bytes, download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.name() + "\"")
                .header(ContentDigest.HEADER, ContentDigest.ofSha256(download.sha256()))
                .header(DOWNLOAD_ID, download.downloadId())
                .header(HttpHeaders.CONTENT_LENGTH, download.size())
                .build();
    }

    /** The media type without its parameters, lower case; empty for what is not one. */
    private static Optional<String> mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(DEFAULT_MEDIA_TYPE);
        }
        if (contentType.length() > MAX_MEDIA_TYPE_LENGTH) {
            return Optional.empty();
        }
        try {
            MediaType parsed = MediaType.valueOf(contentType);
            if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
                return Optional.empty();
            }
            return Optional.of((parsed.getType() + "/" + parsed.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private ReleaseResponse response(TechnicalDataRelease release) {
        return ReleaseResponse.of(release, releases.files(release),
                releases.acknowledgement(release, caller.actor()));
    }

    /** The gateway's id for the request if it is one the gateway could have sent, else a new one. */
    private static String requestIdOrNew(String given) {
        return given != null && ACCEPTABLE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private Requester requester() {
        Set<String> roles = REALM_ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet());
        return new Requester(roles, caller.factories());
    }

    private static Answer created(TechnicalDataRelease release) {
        return Answer.created(URI.create("/api/technologies/" + release.technologyCode + "/releases/"
                + release.revision), ReleaseResponse.of(release, List.of(), Optional.empty()));
    }
}
