package io.functionruntime.internal.event;

import java.util.List;
import java.util.Map;

import io.functionruntime.HttpEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map a {@code Map} handler gets is exactly what reading the event's JSON gives, key
 * for key, value type for value type, and the handler may change it.
 */
class EventMapsTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static HttpEvent event(long epoch) {
		return new HttpEvent("POST", Map.of("Host", "h"), Map.of("Host", List.of("h")), Map.of("a", "2"),
				Map.of("a", List.of("1", "2")),
				new HttpEvent.RequestContext(new HttpEvent.Identity("127.0.0.1", "curl/7.64.1"), "POST", "r-1",
						"13/Jul/2022:11:58:59 +0000", epoch),
				"{\"hello\": \"world\"}", false, "", "", Map.of(), Map.of(), Map.of());
	}

	@Test
	void mapEqualsTheEventReadFromItsJson() {
		for (long epoch : new long[] { 1657713539L, 4_000_000_000L }) {
			HttpEvent event = event(epoch);
			Map<String, Object> viaJson = JSON.readValue(JSON.writeValueAsString(event), new TypeReference<>() {
			});
			Map<String, Object> built = EventMaps.toMap(event);
			assertThat(built).isEqualTo(viaJson);
			assertThat(built.keySet()).containsExactlyElementsOf(viaJson.keySet());
			Object epochValue = ((Map<?, ?>) built.get("requestContext")).get("requestTimeEpoch");
			assertThat(epochValue).isExactlyInstanceOf(
					((Map<?, ?>) viaJson.get("requestContext")).get("requestTimeEpoch").getClass());
		}
	}

	@Test
	void mapIsMutableAllTheWayDown() {
		Map<String, Object> map = EventMaps.toMap(event(1L));
		map.put("extra", 1);
		((Map<String, Object>) map.get("headers")).put("X-Added", "1");
		((Map<String, List<String>>) map.get("multiValueHeaders")).get("Host").add("again");
		assertThat(map).containsKey("extra");
	}

}
