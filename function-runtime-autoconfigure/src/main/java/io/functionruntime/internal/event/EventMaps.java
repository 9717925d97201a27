package io.functionruntime.internal.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.functionruntime.HttpEvent;

/**
 * The event as the mutable {@code Map} a {@code Map<String, Object>} handler takes, the
 * Python {@code dict}, built directly rather than through a JSON round trip: its keys are
 * the cloud's, fixed by the contract, whatever naming the application's mapper uses. Its
 * values are of the types that reading the event's JSON gives ({@code Integer} for a
 * number that fits).
 * <p>
 * The event's own maps and lists are taken over where they are mutable already, as those
 * of an event just built from a request are, rather than copied on every call; the event
 * must not be used after that.
 */
final class EventMaps {

	private EventMaps() {
	}

	static Map<String, Object> toMap(HttpEvent event) {
		Map<String, Object> map = new LinkedHashMap<>(32);
		map.put("httpMethod", event.httpMethod());
		map.put("headers", mutable(event.headers()));
		map.put("multiValueHeaders", mutableLists(event.multiValueHeaders()));
		map.put("queryStringParameters", mutable(event.queryStringParameters()));
		map.put("multiValueQueryStringParameters", mutableLists(event.multiValueQueryStringParameters()));
		map.put("requestContext", requestContext(event.requestContext()));
		map.put("body", event.body());
		map.put("isBase64Encoded", event.isBase64Encoded());
		map.put("path", event.path());
		map.put("url", event.url());
		map.put("params", mutable(event.params()));
		map.put("multiValueParams", mutableLists(event.multiValueParams()));
		map.put("pathParams", mutable(event.pathParams()));
		return map;
	}

	private static Map<String, Object> requestContext(HttpEvent.RequestContext requestContext) {
		Map<String, Object> identity = new LinkedHashMap<>(4);
		identity.put("sourceIp", requestContext.identity().sourceIp());
		identity.put("userAgent", requestContext.identity().userAgent());
		Map<String, Object> map = new LinkedHashMap<>(8);
		map.put("identity", identity);
		map.put("httpMethod", requestContext.httpMethod());
		map.put("requestId", requestContext.requestId());
		map.put("requestTime", requestContext.requestTime());
		long epoch = requestContext.requestTimeEpoch();
		map.put("requestTimeEpoch", (epoch == (int) epoch) ? (Object) (int) epoch : (Object) epoch);
		return map;
	}

	private static <V> Map<String, V> mutable(Map<String, V> map) {
		return (map instanceof LinkedHashMap) ? map : new LinkedHashMap<>(map);
	}

	private static Map<String, List<String>> mutableLists(Map<String, List<String>> lists) {
		Map<String, List<String>> map = mutable(lists);
		map.replaceAll((name, values) -> (values instanceof ArrayList) ? values : new ArrayList<>(values));
		return map;
	}

}
