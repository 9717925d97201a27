package io.functionruntime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The event of an HTTP invocation, field for field what the cloud passes to a handler.
 * <p>
 * Header names are canonical ({@code Content-Type}); {@code headers} and
 * {@code queryStringParameters} keep the last value of a name, their {@code multiValue}
 * twins keep every value in order. The body is the text as sent for
 * {@code application/json} and Base64 for everything else ({@code isBase64Encoded}).
 *
 * @param httpMethod the method, upper case
 * @param headers header name to its last value
 * @param multiValueHeaders header name to all its values
 * @param queryStringParameters query parameter to its last value
 * @param multiValueQueryStringParameters query parameter to all its values
 * @param requestContext who called and when
 * @param body the body, as text or Base64
 * @param isBase64Encoded whether {@code body} is Base64
 * @param path empty for a direct call
 * @param url empty for a direct call
 * @param params empty for a direct call
 * @param multiValueParams empty for a direct call
 * @param pathParams empty for a direct call
 */
public record HttpEvent(String httpMethod, Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
		Map<String, String> queryStringParameters, Map<String, List<String>> multiValueQueryStringParameters,
		RequestContext requestContext, String body, @JsonProperty("isBase64Encoded") boolean isBase64Encoded,
		String path, String url, Map<String, String> params, Map<String, List<String>> multiValueParams,
		Map<String, String> pathParams) {

	/**
	 * The body as the client sent it, whether the event carries it as text or Base64.
	 * @return the body's bytes, empty when there is none
	 */
	public byte[] bodyBytes() {
		if (this.body == null) {
			return new byte[0];
		}
		return this.isBase64Encoded ? Base64.getDecoder().decode(this.body)
				: this.body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The body as text, decoded from Base64 first where the event carries it so.
	 * @return the body read as UTF-8, empty when there is none
	 */
	public String bodyText() {
		return this.isBase64Encoded ? new String(bodyBytes(), StandardCharsets.UTF_8)
				: Objects.toString(this.body, "");
	}

	/**
	 * Who called and when.
	 *
	 * @param identity the caller
	 * @param httpMethod the method, upper case
	 * @param requestId the request id
	 * @param requestTime the arrival time in Common Log Format, UTC
	 * @param requestTimeEpoch the arrival time in epoch seconds
	 */
	public record RequestContext(Identity identity, String httpMethod, String requestId, String requestTime,
			long requestTimeEpoch) {
	}

	/**
	 * The caller.
	 *
	 * @param sourceIp the client address
	 * @param userAgent the {@code User-Agent} header, empty when absent
	 */
	public record Identity(String sourceIp, String userAgent) {
	}

}
