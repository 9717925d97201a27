package io.functionruntime;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of an HTTP invocation, as the cloud reads it from a handler.
 * <p>
 * A handler may equally return a {@code Map} or any object with these JSON names.
 * {@code multiValueHeaders} wins over {@code headers} for the same name; with
 * {@code isBase64Encoded} the body is decoded before it is written.
 *
 * @param statusCode the HTTP status, 200 when {@code null}
 * @param headers header name to value
 * @param multiValueHeaders header name to values
 * @param body the body, empty when {@code null}
 * @param isBase64Encoded whether {@code body} is Base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpResponse(Integer statusCode, Map<String, String> headers,
		Map<String, List<String>> multiValueHeaders, String body,
		@JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

	/**
	 * A response with a status and a text body.
	 * @param statusCode the status
	 * @param body the body
	 * @return the response
	 */
	public static HttpResponse of(int statusCode, String body) {
		return new HttpResponse(statusCode, null, null, body, false);
	}

	/**
	 * A response with a status, headers and a text body.
	 * @param statusCode the status
	 * @param headers the headers
	 * @param body the body
	 * @return the response
	 */
	public static HttpResponse of(int statusCode, Map<String, String> headers, String body) {
		return new HttpResponse(statusCode, headers, null, body, false);
	}

	/**
	 * A response whose body is JSON text, with {@code Content-Type: application/json}.
	 * @param statusCode the status
	 * @param json the JSON text, as the application's {@code JsonMapper} wrote it
	 * @return the response
	 */
	public static HttpResponse json(int statusCode, String json) {
		return new HttpResponse(statusCode, Map.of("Content-Type", "application/json"), null, json, false);
	}

	/**
	 * A response whose body is bytes, sent Base64-encoded as the cloud requires and written
	 * to the client as the bytes themselves.
	 * @param statusCode the status
	 * @param contentType the media type of the bytes
	 * @param body the bytes
	 * @return the response
	 */
	public static HttpResponse binary(int statusCode, String contentType, byte[] body) {
		return new HttpResponse(statusCode, Map.of("Content-Type", contentType), null,
				Base64.getEncoder().encodeToString(body), true);
	}

}
