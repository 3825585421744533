package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A successful answer of the API.
 *
 * @param body the JSON body, or a missing node for 204
 * @param etag the {@code ETag} header, if any
 */
public record ApiResponse(int status, JsonNode body, Optional<String> etag) {}
