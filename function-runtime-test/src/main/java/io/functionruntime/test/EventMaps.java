package io.functionruntime.test;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a built event into the mutable map a {@code Map<String, Object>} handler gets.
 */
final class EventMaps {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private EventMaps() {
	}

	static Map<String, Object> of(Object event) {
		return JsonMapper.shared().convertValue(event, MAP);
	}

}
