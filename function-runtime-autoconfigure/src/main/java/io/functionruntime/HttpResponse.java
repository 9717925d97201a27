package io.functionruntime;

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

}
