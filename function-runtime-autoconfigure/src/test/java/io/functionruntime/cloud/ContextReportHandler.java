package io.functionruntime.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

import yandex.cloud.sdk.functions.Context;
import yandex.cloud.sdk.functions.YcFunction;

/**
 * A {@code YcFunction} that answers what the SDK's context tells it.
 */
public class ContextReportHandler implements YcFunction<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handle(Map<String, Object> event, Context context) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("requestId", context.getRequestId());
		report.put("functionName", context.getFunctionName());
		report.put("memoryLimit", context.getMemoryLimit());
		report.put("event", event);
		return report;
	}

}
